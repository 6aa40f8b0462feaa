"""A small model learned from the reader's own tags: logistic regression, pure Python.

It learns corrections to the rules, not a classifier from scratch: a statement's score for
each kind is the rules' summed cue weight plus learned weights of its features (the cues
that fire, by name, and lower-cased words and word pairs). With few tags it stays close to
the rules; where the reader keeps overruling them, it follows the reader. Training is
multinomial logistic regression with AdaGrad and L2, a fixed number of passes in a fixed
order, so the same tags always give the same model; a few hundred tags train in well under
a second. ``to_json``/``from_json`` keep it in the library's settings table.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from reader.core.suggest._cues import cue_totals, find_cues
from reader.core.suggest._types import KINDS, Cue, SuggestContext

MIN_EXAMPLES = 30  # fewer tags than this and suggest_statements ignores a model
MODEL_SETTING_KEY = "suggest.model"  # where the window keeps the trained model (store settings)
_FORMAT = "source-reader/tag-model"
_VERSION = 2
# Set by two-fold cross-validation on the dev split of bench/data/suggest_eval.jsonl.
EPOCHS = 4
L2 = 0.03
RATE = 0.1
_WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d+|[?!:]")


def model_features(text: str, cues: Iterable[Cue]) -> set[str]:
    """Binary features of a statement: its cues ('cue:name'), words, and word pairs ('a b')."""
    words = ["<num>" if w[0].isdigit() else w
             for w in _WORD.findall(text.lower().replace("’", "'"))]
    features = {"<bias>", *words}
    features.update([a + " " + b for a, b in zip(words, words[1:])])
    features.update(["cue:" + cue.feature for cue in cues])
    return features


def examples_fingerprint(examples: Sequence[tuple[str, str]]) -> str:
    """A short hash of the training examples, to tell whether a saved model is stale."""
    digest = hashlib.sha256()
    for text, kind in sorted(examples):
        digest.update(f"{kind}\x00{text}\x01".encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class TagModel:
    """Learned weights per feature for each of KINDS; ``predict`` gives a probability per kind."""

    classes: tuple[str, ...]
    weights: Mapping[str, tuple[float, ...]]
    n_examples: int
    fingerprint: str = ""

    @classmethod
    def train(cls, examples: Sequence[tuple[str, str]], epochs: int = EPOCHS,
              l2: float = L2) -> "TagModel":
        """Learn from (statement text, kind) pairs; raises ValueError with fewer than two kinds."""
        usable = [(text, kind) for text, kind in examples if kind in KINDS and text.strip()]
        if len({kind for _, kind in usable}) < 2:
            raise ValueError("a tag model needs tagged statements of at least two kinds")
        data = []
        for text, kind in usable:
            cues = find_cues(text)
            data.append((model_features(text, cues), cue_totals(cues), KINDS.index(kind)))
        weights = _fit(data, len(KINDS), epochs, l2)
        kept = {f: tuple(round(x, 4) for x in w) for f, w in weights.items()
                if max(abs(x) for x in w) >= 1e-3}
        return cls(KINDS, kept, len(usable), examples_fingerprint(usable))

    def predict(self, text: str, context: SuggestContext | None = None) -> dict[str, float]:
        """Probability of each kind: the rules' scores plus what the tags taught."""
        return self.predict_cues(text, find_cues(text, context))

    def predict_cues(self, text: str, cues: Sequence[Cue]) -> dict[str, float]:
        """Like ``predict`` when the statement's cues are already known."""
        s0, s1, s2 = cue_totals(cues)  # one score per kind, in the order of KINDS
        get = self.weights.get
        for feature in model_features(text, cues):
            w = get(feature)
            if w is not None:
                s0 += w[0]
                s1 += w[1]
                s2 += w[2]
        return dict(zip(self.classes, _softmax((s0, s1, s2))))

    def to_json(self) -> str:
        """The model as a JSON string (for the store's settings table)."""
        return json.dumps({"format": _FORMAT, "version": _VERSION, "classes": list(self.classes),
                           "n_examples": self.n_examples, "fingerprint": self.fingerprint,
                           "weights": {f: list(w) for f, w in self.weights.items()}},
                          separators=(",", ":"), sort_keys=True)

    @classmethod
    def from_json(cls, data: str) -> "TagModel":
        """Read a model written by ``to_json``; raises ValueError for anything else."""
        try:
            raw: Any = json.loads(data)
            if raw.get("format") != _FORMAT or raw.get("version") != _VERSION:
                raise ValueError("not a tag model of this version")
            classes = tuple(str(c) for c in raw["classes"])
            if classes != KINDS:
                raise ValueError(f"unexpected classes {classes}")
            weights = {str(f): tuple(float(x) for x in w) for f, w in raw["weights"].items()}
            if any(len(w) != len(classes) for w in weights.values()):
                raise ValueError("weights do not match the classes")
            return cls(classes, weights, int(raw["n_examples"]), str(raw.get("fingerprint", "")))
        except (TypeError, KeyError, AttributeError, json.JSONDecodeError) as exc:
            raise ValueError(f"not a tag model: {exc}") from None


def _softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _fit(data: list[tuple[set[str], list[float], int]], n_classes: int, epochs: int,
         l2: float) -> dict[str, list[float]]:
    """Multinomial logistic regression on top of fixed rule scores, by AdaGrad (seeded order)."""
    weights: dict[str, list[float]] = {}
    squares: dict[str, list[float]] = {}
    order = list(range(len(data)))
    rng = random.Random(0)
    classes = range(n_classes)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            features, offsets, y = data[i]
            scores = list(offsets)
            for f in features:
                w = weights.get(f)
                if w is not None:
                    for c in classes:
                        scores[c] += w[c]
            probs = _softmax(scores)
            errors = [probs[c] - (c == y) for c in classes]
            for f in features:
                w = weights.get(f)
                if w is None:
                    w = weights[f] = [0.0] * n_classes
                    squares[f] = [1e-8] * n_classes
                g2 = squares[f]
                for c in classes:
                    grad = errors[c] + l2 * w[c]
                    g2[c] += grad * grad
                    w[c] -= RATE * grad / math.sqrt(g2[c])
    return weights


def examples_from_tags(tags: Iterable[Any]) -> list[tuple[str, str]]:
    """(text, kind) pairs from store Tags (orphaned or empty ones left out)."""
    return [(tag.exact, tag.kind) for tag in tags
            if not getattr(tag, "orphaned", False) and tag.kind in KINDS and tag.exact.strip()]


def model_for_store(store: Any) -> TagModel | None:
    """The model for a library: the saved one if it matches the tags, else freshly trained.

    Returns None with fewer than MIN_EXAMPLES tags or fewer than two kinds. Never writes.
    """
    examples = examples_from_tags(store.tag_table.tags())
    if len(examples) < MIN_EXAMPLES:
        return None
    saved = store.setting(MODEL_SETTING_KEY)
    if saved:
        try:
            model = TagModel.from_json(saved)
        except ValueError:
            model = None
        if model is not None and model.fingerprint == examples_fingerprint(examples):
            return model
    try:
        return TagModel.train(examples)
    except ValueError:
        return None
