"""The model learned from the reader's own tags: corrections on top of the shipped model.

A statement's score for each kind is the shipped model's score plus learned weights of the
same features (cues, lexicon scores, form, words). Before it is used, the learning is checked
on tags it did not learn from (a held-out fifth; with fewer than 200 tags, five folds so that
every tag is held out once): only if it gets at least as many of them right as the shipped
model alone, and is surer of their right kinds (lower log loss), does it change suggestions
(``helps``); otherwise suggestions stay as they were.
Training is deterministic; ``to_json``/``from_json`` keep the model in the library's settings
(``MODEL_SETTING_KEY``), with a fingerprint of the tags it learned from.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Iterable, Mapping, Sequence

from reader.core.suggest._base import base_model
from reader.core.suggest._cues import analyse_statement
from reader.core.suggest._features import Features, statement_features
from reader.core.suggest._linear import (
    LinearWeights, add_scores, fit_corrections, fit_temperature, softmax)
from reader.core.suggest._types import KINDS, SuggestContext
from reader.core.suggest._vectors import fit_vector_weights, sentence_vectors, vector_scores

MIN_EXAMPLES = 30  # fewer tags than this and suggest_statements ignores a model
MODEL_SETTING_KEY = "suggest.model"  # where a library keeps its trained model (store settings)
_FORMAT = "source-reader/tag-model"
_VERSION = 4  # 4: optional weights over sentence vectors
# Chosen on the learning curve of bench/bench_suggest.py (outside tags, 30 to 1,000).
EPOCHS = 4
L2 = 0.01
L2_FEW_TAGS = 3.0  # L2 is at least this / number of tags: few tags, small corrections
RATE = 0.05
HOLD_OUT = 5  # every fifth tag (by a hash of its text) checks the learning
CROSS_CHECK_BELOW = 200  # fewer tags than this: 5-fold check, every tag held out once
CALIBRATE_FROM = 50  # held-out tags needed to fit the model's own temperature


def examples_fingerprint(examples: Sequence[tuple[str, str]]) -> str:
    """A short hash of the training examples, to tell whether a saved model is stale."""
    digest = hashlib.sha256()
    for text, kind in sorted(examples):
        digest.update(f"{kind}\x00{text}\x01".encode())
    return digest.hexdigest()[:16]


def _held_out(text: str) -> bool:
    return hashlib.sha256(text.encode()).digest()[0] % HOLD_OUT == 0


def _fold(text: str, position: int) -> int:
    return (hashlib.sha256(text.encode()).digest()[0] + position) % HOLD_OUT


@dataclass(frozen=True)
class TagModel:
    """Learned corrections per feature for each of KINDS, and whether they helped.

    ``checked`` is (held-out tags, right by the shipped model, right with the corrections);
    ``helps`` says whether suggestions use the corrections at all. ``vectors`` holds weights
    over sentence vectors (one row of 3 per dimension; empty when learned without them).
    ``temperature`` calibrates its confidences on the reader's held-out tags (0: the shipped
    model's).
    """

    classes: tuple[str, ...]
    weights: Mapping[str, tuple[float, ...]]
    n_examples: int
    fingerprint: str = ""
    helps: bool = True
    checked: tuple[int, int, int] = (0, 0, 0)
    vectors: tuple[tuple[float, ...], ...] = ()
    temperature: float = 0.0

    @classmethod
    def train(cls, examples: Sequence[tuple[str, str]], epochs: int = EPOCHS,
              l2: float | None = None, vectors: bool = True) -> "TagModel":
        """Learn from (statement text, kind) pairs; raises ValueError with fewer than two kinds.
        ``vectors``: also learn weights over sentence vectors where they are available."""
        usable = [(text, kind) for text, kind in examples if kind in KINDS and text.strip()]
        if len({kind for _, kind in usable}) < 2:
            raise ValueError("a tag model needs tagged statements of at least two kinds")
        examples_data = [_example(text, kind) for text, kind in usable]
        data = [(f.as_dict(), offsets, y) for f, offsets, y in examples_data]
        vectors = sentence_vectors([text for text, _ in usable]) if vectors else None
        # Few tags: every tag is held out once (5 folds); many: a fixed fifth, by text hash.
        folds = [_fold(text, k) for k, (text, _) in enumerate(usable)] \
            if len(usable) < CROSS_CHECK_BELOW else \
            [0 if _held_out(text) else -1 for text, _ in usable]
        corrected: list[tuple[list[float], Sequence[float], int]] = []
        for fold in sorted(set(folds) - {-1}):
            train_part = [d for d, f in zip(data, folds) if f != fold]
            if not train_part:
                continue
            trial = LinearWeights.split(
                fit_corrections(train_part, epochs, _l2(l2, len(train_part)), RATE))
            held = [k for k, g in enumerate(folds) if g == fold]
            scores = [_corrected(examples_data[k][1], trial, examples_data[k][0]) for k in held]
            if vectors is not None:
                learned = [k for k, g in enumerate(folds) if g != fold]
                trial_vectors = _fit_vectors(vectors[learned], examples_data, learned, trial)
                for row, extra in zip(scores, vector_scores(vectors[held], trial_vectors)):
                    row[:] = [a + b for a, b in zip(row, extra)]
            corrected.extend((row, examples_data[k][1], examples_data[k][2])
                             for row, k in zip(scores, held))
        base_right = sum(_argmax(offsets) == y for _, offsets, y in corrected)
        model_right = sum(_argmax(scores) == y for scores, _, y in corrected)
        checked = (len(corrected), base_right, model_right)
        # Used only if no worse on the held-out tags and surer of their right kinds.
        helps = not corrected or (
            model_right >= base_right
            and _log_loss([(s, y) for s, _, y in corrected])
            < _log_loss([(o, y) for _, o, y in corrected]))
        weights = fit_corrections(data, epochs, _l2(l2, len(data)), RATE) if helps else {}
        kept = {f: tuple(round(x, 4) for x in w) for f, w in weights.items()
                if max(abs(x) for x in w) >= 1e-3}
        vector_weights: tuple[tuple[float, ...], ...] = ()
        if helps and vectors is not None:
            vector_weights = tuple(tuple(row) for row in _fit_vectors(
                vectors, examples_data, range(len(usable)), LinearWeights.split(kept)))
        return cls(KINDS, kept, len(usable), examples_fingerprint(usable), helps, checked,
                   vector_weights, _temperature(corrected) if helps else 0.0)

    def predict(self, text: str, context: SuggestContext | None = None) -> dict[str, float]:
        """Probability of each kind: the shipped model's scores plus what the tags taught."""
        analysis = analyse_statement(text, context)
        features = statement_features(analysis, text.strip())
        base = base_model()
        scores = [0.0, 0.0, 0.0]
        add_scores(scores, base.linear, features)
        extra = self.vector_scores([text])
        corrected = self.correct(scores, features, extra[0] if extra else None)
        return dict(zip(self.classes, softmax(corrected, self.temperature or base.temperature)))

    def vector_scores(self, texts: Sequence[str]) -> list[list[float]] | None:
        """What the vector weights add to each text's scores, or None (no vector weights,
        or no vectors here)."""
        if not (self.helps and self.vectors):
            return None
        vectors = sentence_vectors(texts)
        return None if vectors is None else vector_scores(vectors, self.vectors)

    @cached_property
    def linear(self) -> LinearWeights:
        """The learned weights split for scoring."""
        return LinearWeights.split(self.weights)

    def correct(self, scores: list[float], features: Features,
                vector_extra: Sequence[float] | None = None) -> list[float]:
        """The shipped model's ``scores`` with the learned corrections added (if they help),
        and ``vector_extra`` (from ``vector_scores``) when given."""
        if self.helps and self.weights:
            scores = list(scores)
            add_scores(scores, self.linear, features)
        if self.helps and vector_extra is not None:
            scores = [a + b for a, b in zip(scores, vector_extra)]
        return scores

    def to_json(self) -> str:
        """The model as a JSON string (for the store's settings table)."""
        return json.dumps({"format": _FORMAT, "version": _VERSION, "classes": list(self.classes),
                           "n_examples": self.n_examples, "fingerprint": self.fingerprint,
                           "helps": self.helps, "checked": list(self.checked),
                           "weights": {f: list(w) for f, w in self.weights.items()},
                           "vectors": [list(row) for row in self.vectors],
                           "temperature": self.temperature},
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
            checked = tuple(int(x) for x in raw.get("checked", (0, 0, 0)))
            if len(checked) != 3:
                raise ValueError("bad check counts")
            vectors = tuple(tuple(float(x) for x in row) for row in raw.get("vectors", ()))
            if any(len(row) != len(classes) for row in vectors):
                raise ValueError("vector weights do not match the classes")
            return cls(classes, weights, int(raw["n_examples"]), str(raw.get("fingerprint", "")),
                       bool(raw.get("helps", True)), checked,  # type: ignore[arg-type]
                       vectors, float(raw.get("temperature", 0.0)))
        except (TypeError, KeyError, AttributeError, json.JSONDecodeError) as exc:
            raise ValueError(f"not a tag model: {exc}") from None


def _example(text: str, kind: str) -> tuple[Features, list[float], int]:
    features = statement_features(analyse_statement(text), text.strip())
    scores = [0.0, 0.0, 0.0]
    add_scores(scores, base_model().linear, features)
    return features, scores, KINDS.index(kind)


def _fit_vectors(vectors: Any, examples_data: Sequence[tuple[Features, list[float], int]],
                 rows: Iterable[int], corrections: LinearWeights) -> list[list[float]]:
    """Vector weights fitted on top of the shipped scores plus ``corrections``."""
    chosen = [examples_data[k] for k in rows]
    offsets = [_corrected(o, corrections, f) for f, o, _ in chosen]
    return fit_vector_weights(vectors, offsets, [y for _, _, y in chosen])


def _corrected(offsets: Sequence[float], weights: LinearWeights,
               features: Features) -> list[float]:
    scores = list(offsets)
    add_scores(scores, weights, features)
    return scores


def _l2(given: float | None, n: int) -> float:
    return given if given is not None else max(L2, L2_FEW_TAGS / max(n, 1))


def _temperature(held_out: Sequence[tuple[Sequence[float], Sequence[float], int]]) -> float:
    """The temperature that fits the learned model's held-out scores, never below the shipped
    model's (the reader's tags may make it humbler, never surer); 0 with too few of them."""
    if len(held_out) < CALIBRATE_FROM:
        return 0.0
    fitted = fit_temperature([scores for scores, _, _ in held_out], [y for _, _, y in held_out])
    return max(fitted, base_model().temperature)


def _log_loss(pairs: Sequence[tuple[Sequence[float], int]]) -> float:
    temperature = base_model().temperature
    return -sum(math.log(max(softmax(scores, temperature)[y], 1e-12)) for scores, y in pairs)


def _argmax(scores: Sequence[float]) -> int:
    return max(range(len(scores)), key=scores.__getitem__)


def examples_from_tags(tags: Iterable[Any]) -> list[tuple[str, str]]:
    """(text, kind) pairs from store Tags (orphaned or empty ones left out)."""
    return [(tag.exact, tag.kind) for tag in tags
            if not getattr(tag, "orphaned", False) and tag.kind in KINDS and tag.exact.strip()]


def model_for_store(store: Any) -> TagModel | None:
    """The model for a library: the saved one if it matches the tags, else freshly trained.

    Returns None with fewer than MIN_EXAMPLES tags or fewer than two kinds. A freshly trained
    model is saved when the store is writable (``save_model``), so the next call reuses it.
    """
    examples = examples_from_tags(store.tag_table.tags())
    if len(examples) < MIN_EXAMPLES:
        return None
    fingerprint = examples_fingerprint(
        [(t, k) for t, k in examples if k in KINDS and t.strip()])
    saved = saved_model(store)
    if saved is not None and saved.fingerprint == fingerprint:
        return saved
    try:
        model = TagModel.train(examples)
    except ValueError:
        return None
    if not getattr(store, "readonly", True):
        save_model(store, model)
    return model


def saved_model(store: Any) -> TagModel | None:
    """The model a library keeps in its settings, or None (none saved, or an older format)."""
    data = store.setting(MODEL_SETTING_KEY)
    if not data:
        return None
    try:
        return TagModel.from_json(data)
    except ValueError:
        return None


def save_model(store: Any, model: TagModel) -> None:
    """Keep ``model`` in the library (one small write: the settings table)."""
    store.set_setting(MODEL_SETTING_KEY, model.to_json())
