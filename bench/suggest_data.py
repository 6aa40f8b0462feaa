"""The labelled suggestion set (bench/data/suggest_eval.jsonl) and its passages, rebuilt so
the rules see paragraphs and line breaks; shared by bench_suggest.py and train_suggest.py."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.suggest import (  # noqa: E402
    KINDS, analyse_statement, contexts_for, statement_features)
from reader.core.text import Statement  # noqa: E402

DATA = ROOT / "bench" / "data" / "suggest_eval.jsonl"
LABELS = ("opinion", "claim", "quotation", "none")


def load_rows() -> list[dict]:
    """Every labelled statement of the evaluation set."""
    with DATA.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def passages(rows: Sequence[dict]) -> list[tuple[str, list[Statement], list[dict]]]:
    """Rebuild each passage: paragraphs separated by a blank line, statements by a space."""
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["passage"], []).append(row)
    result = []
    for items in grouped.values():
        text, statements = "", []
        for i, row in enumerate(items):
            if i:
                text += "\n\n" if row["paragraph"] != items[i - 1]["paragraph"] else " "
            start = len(text)
            text += row["text"]
            statements.append(Statement(i, start, len(text), row["text"], row["paragraph"]))
        result.append((text, statements, items))
    return result


def labelled_features(rows: Sequence[dict]) -> list[tuple[dict[str, float], int, dict]]:
    """(features, kind index, row) for every statement labelled opinion, claim or quotation,
    read in its passage (so block quotes and attribution lines count)."""
    out = []
    for text, statements, items in passages(rows):
        for statement, context, row in zip(statements, contexts_for(statements, text), items):
            if row["label"] in KINDS:
                analysis = analyse_statement(statement.text, context)
                out.append((statement_features(analysis, statement.text.strip()).as_dict(),
                            KINDS.index(row["label"]), row))
    return out
