"""Suggested tags on the labelled evaluation set: ours beside two baselines, and speed.

Reads bench/data/suggest_eval.jsonl (statements composed for this project, labelled by the
rules in docs/suggest-labelling.md), rebuilds each passage so the rules see its line breaks,
and prints per-kind precision/recall and accuracy on one split (test by default) for:
always "claim", "quote marks only", our rules, and our rules with a TagModel trained on the
dev split. Then rules vs rules + model for a simulated reader with another habit (learning),
and the time to suggest 10,000 statements.

    .venv/bin/python bench/bench_suggest.py [--split dev|test] [--errors] [--no-speed]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.text import Statement  # noqa: E402
from reader.core.suggest import TagModel, suggest_statements  # noqa: E402

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


def direct_quotes_reader(rows: Sequence[dict]) -> list[dict]:
    """The rows as a reader with another habit would tag them: only words in quote marks or
    transcript turns are quotations; reported speech and block quotes count as claims."""
    labelled: set[tuple[str, int]] = set()
    for row in rows:
        if row["text"][:12].split(":")[0].isupper() and ":" in row["text"][:12]:
            labelled.add((row["passage"], row["paragraph"]))
    out = []
    for row in rows:
        marks = any(c in row["text"] for c in "\"“”")
        turn = (row["passage"], row["paragraph"]) in labelled
        if row["label"] == "quotation" and not marks and not turn:
            row = {**row, "label": "claim"}
        out.append(row)
    return out


def quote_marks_only(text: str) -> str:
    """Baseline: a quotation if the statement has a double quote mark, else a claim."""
    return "quotation" if any(c in text for c in "\"“”«»„") else "claim"


def evaluate(pairs: Sequence[tuple[str, str]]) -> dict[str, float]:
    """Accuracy and per-label precision/recall from (gold, predicted) pairs."""
    scores = {"accuracy": sum(g == p for g, p in pairs) / len(pairs)}
    for label in LABELS:
        predicted = sum(p == label for _, p in pairs)
        actual = sum(g == label for g, _ in pairs)
        hits = sum(g == p == label for g, p in pairs)
        scores[f"{label} P"] = hits / predicted if predicted else 0.0
        scores[f"{label} R"] = hits / actual if actual else 0.0
    return scores


def run_ours(split_passages, model: TagModel | None = None) -> list[tuple[dict, str, float, tuple]]:
    """(row, predicted label, confidence, reasons) for every statement of the passages."""
    out = []
    for text, statements, items in split_passages:
        for row, s in zip(items, suggest_statements(statements, text, model=model)):
            out.append((row, s.kind or "none", s.confidence, s.reasons))
    return out


def table(results: dict[str, list[tuple[str, str]]]) -> None:
    """Print the Markdown table of all methods."""
    columns = ["accuracy"] + [f"{label} {m}" for label in LABELS for m in ("P", "R")]
    print("| method | " + " | ".join(columns) + " |")
    print("|---|" + "---:|" * len(columns))
    for name, pairs in results.items():
        scores = evaluate(pairs)
        print(f"| {name} | " + " | ".join(f"{scores[c]:.2f}" for c in columns) + " |")


def speed(rows: Sequence[dict], model: TagModel | None,
          target: int = 10_000) -> tuple[float, float]:
    """Best wall-clock and CPU seconds of 5 runs suggesting ``target`` statements (one long
    document made of the evaluation passages, repeated)."""
    built = passages(rows)
    text, statements = "", []
    while len(statements) < target:
        for part, stmts, _ in built:
            offset = len(text) + (2 if text else 0)
            text += ("\n\n" if text else "") + part
            statements.extend(Statement(len(statements) + i, s.start + offset, s.end + offset,
                                        s.text, s.paragraph) for i, s in enumerate(stmts))
    statements = statements[:target]
    wall = cpu = float("inf")
    for _ in range(5):
        started, started_cpu = time.perf_counter(), time.process_time()
        suggest_statements(statements, text, model=model)
        wall = min(wall, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - started_cpu)
    return wall, cpu


def train_on_dev(rows: Sequence[dict]) -> tuple[TagModel, float, int]:
    """A TagModel trained on the dev split's tagged statements, with its training time."""
    examples = [(r["text"], r["label"]) for r in rows
                if r["split"] == "dev" and r["label"] != "none"]
    started = time.perf_counter()
    model = TagModel.train(examples)
    return model, time.perf_counter() - started, len(examples)


def other_reader(rows: Sequence[dict]) -> None:
    """Learning: a reader whose habit differs from the rules tags dev; we suggest on test."""
    relabelled = direct_quotes_reader(rows)
    changed = sum(a["label"] != b["label"] for a, b in zip(rows, relabelled))
    model, _, n = train_on_dev(relabelled)
    test_rows = [r for r in relabelled if r["split"] == "test"]
    test_passages = passages(test_rows)
    print(f"\nA simulated reader who tags only words in quote marks (and transcript turns) as "
          f"quotations, reported speech as claims ({changed} labels differ), on the test split:\n")
    table({
        "ours: rules": [(r["label"], p) for r, p, _, _ in run_ours(test_passages)],
        f"ours: rules + model learned from this reader's {n} dev tags":
            [(r["label"], p) for r, p, _, _ in run_ours(test_passages, model)],
    })


def main(argv: list[str]) -> int:
    """Print the accuracy table for one split, then the speed lines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=("dev", "test"))
    parser.add_argument("--errors", action="store_true", help="list the mistakes")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args(argv)
    rows = load_rows()
    split_rows = [r for r in rows if r["split"] == args.split]
    split_passages = passages(split_rows)
    ours = run_ours(split_passages)
    counts = Counter(r["label"] for r in split_rows)
    print(f"Split '{args.split}': {len(split_rows)} statements "
          f"({', '.join(f'{counts[k]} {k}' for k in LABELS)}), "
          f"{len(split_passages)} passages.\n")
    results: dict[str, list[tuple[str, str]]] = {
        "always claim (baseline)": [(r["label"], "claim") for r in split_rows],
        "quote marks only (baseline)": [(r["label"], quote_marks_only(r["text"]))
                                        for r in split_rows],
        "ours: rules": [(r["label"], p) for r, p, _, _ in ours],
    }
    model, seconds, n = train_on_dev(rows)
    if args.split == "test":
        results[f"ours: rules + model learned from the {n} dev statements"] = \
            [(r["label"], p) for r, p, _, _ in run_ours(split_passages, model)]
    table(results)
    sure = [(r["label"], p) for r, p, c, _ in ours if c >= 0.8]
    if sure:
        print(f"\nRules with confidence >= 0.80: {len(sure)}/{len(ours)} statements, "
              f"accuracy {sum(g == p for g, p in sure) / len(sure):.2f}.")
    print(f"TagModel.train on {n} dev statements: {seconds:.2f} s.")
    if args.split == "test":
        other_reader(rows)
    if args.errors:
        print()
        for row, predicted, confidence, reasons in ours:
            if predicted != row["label"]:
                print(f"{row['id']:16} {row['label']:>9} -> {predicted:9} {confidence:.2f} "
                      f"{row['text'][:90]!r}\n{'':29}{'; '.join(reasons)}")
    if not args.no_speed:
        model = train_on_dev(rows)[0]
        print("\n| suggesting 10,000 statements | wall s (best of 5) | CPU s | target |")
        print("|---|---:|---:|---:|")
        for name, m in (("rules", None), ("rules + dev-trained model", model)):
            wall, cpu = speed(rows, m)
            print(f"| {name} | {wall:.2f} | {cpu:.2f} | <= 1 s |")
        print("\n(Shared 2-core machine: wall times vary with load; CPU time is steadier.)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
