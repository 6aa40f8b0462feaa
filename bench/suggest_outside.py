"""Outside data for bench_suggest.py: the CLEF CheckThat! subjectivity sentences in
../shared/dev-data (CC BY-NC-SA 4.0: read here for evaluation only, never shipped or used to
train what ships), a word naive Bayes baseline, and our suggestions on single sentences."""

from __future__ import annotations

import csv
import json
import math
import os
import re
from collections import Counter
from pathlib import Path
from typing import Sequence

from suggest_data import ROOT

from reader.core.suggest import TagModel, suggest_statements
from reader.core.text import split_statements

def _dev_data() -> Path:
    """../shared/dev-data beside the project (or beside its parent, for a git worktree), or
    READER_DEV_DATA."""
    if os.environ.get("READER_DEV_DATA"):
        return Path(os.environ["READER_DEV_DATA"]) / "subjectivity"
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "dev-data").is_dir():
            return base / "shared" / "dev-data" / "subjectivity"
    return ROOT.parent / "shared" / "dev-data" / "subjectivity"


DEV_DATA = _dev_data()
_TOKEN = re.compile(r"[a-z][a-z'’\-]*|\d+|[!?\"“”]")


def read_subjectivity(name: str) -> list[tuple[str, bool]]:
    """(sentence, is subjective) pairs of one TSV of the set; [] when the set is absent."""
    path = DEV_DATA / name
    if not path.exists():
        return []
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            text = " ".join((r.get("sentence") or "").split())
            label = (r.get("label") or "").strip().upper()
            if text and label in ("SUBJ", "OBJ"):
                rows.append((text, label == "SUBJ"))
    return rows


def suggest_sentences(sentences: Sequence[str], model: TagModel | None = None
                      ) -> list[tuple[bool, float]]:
    """(suggested opinion, confidence of the main suggestion) per sentence, each read as a
    one-paragraph document, as the external scorer feeds `reader suggest`."""
    out = []
    for sentence in sentences:
        statements = split_statements(sentence)
        suggestions = suggest_statements(statements, sentence, model=model)
        kinds = [s.kind for s in suggestions]
        main = next((s for s in suggestions if s.kind == "opinion"),
                    max(suggestions, key=lambda s: s.confidence, default=None))
        out.append(("opinion" in kinds, main.confidence if main else 0.0))
    return out


def macro_f1(gold: Sequence[bool], predicted: Sequence[bool]) -> float:
    """Macro-F1 over the two classes (the CheckThat! measure)."""
    f1s = []
    for c in (True, False):
        tp = sum(g == c and p == c for g, p in zip(gold, predicted))
        fp = sum(g != c and p == c for g, p in zip(gold, predicted))
        fn = sum(g == c and p != c for g, p in zip(gold, predicted))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / 2


def _nb_features(text: str) -> list[str]:
    words = _TOKEN.findall(text.lower())
    return words + [a + " " + b for a, b in zip(words, words[1:])]


def naive_bayes(train: Sequence[tuple[str, bool]]):
    """A multinomial naive Bayes over words and word pairs (the scorer's baseline)."""
    counts = {c: Counter() for c in (True, False)}
    docs = Counter(label for _, label in train)
    for text, label in train:
        counts[label].update(_nb_features(text))
    vocab = set(counts[True]) | set(counts[False])
    tables = {}
    for c in (True, False):
        total = sum(counts[c].values()) + len(vocab)
        tables[c] = (math.log(docs[c] / len(train)),
                     {f: math.log((counts[c][f] + 1) / total) for f in vocab})

    def predict(text: str) -> bool:
        def score(c: bool) -> float:
            prior, logp = tables[c]
            return prior + sum(logp[f] for f in _nb_features(text) if f in logp)
        return score(True) > score(False)

    return predict


def attribution_news(part: str = "documents") -> list[tuple[str, str, set[int], set[int]]]:
    """(name, text, attributed positions, left-out positions) of the news documents labelled
    in bench/data/attribution_news.json (``part``: "documents", used while developing the
    rules, or "held_out"); [] when ../shared/dev-data/ecb-dev is absent."""
    labels = json.loads((ROOT / "bench" / "data" / "attribution_news.json").read_text("utf-8"))
    docs = DEV_DATA.parent / "ecb-dev" / "docs"
    out = []
    for name, marks in labels[part].items():
        path = docs / f"{name}.txt"
        if not path.exists():
            return []
        out.append((name, path.read_text(encoding="utf-8"), set(marks["attributed"]),
                    set(marks["left_out"])))
    return out
