"""Sentence segmentation: our splitter beside pysbd (and syntok if installed), same run.

Builds ~1 MB of English prose (the two seed articles, the Golden Rules texts and sentences
generated from news-like templates with abbreviations, numbers, quotes and initials, shuffled
into paragraphs with a fixed seed), times each segmenter, scores the 48 English Golden Rules and
prints a Markdown table. pysbd is slow, so it runs paragraph by paragraph on a slice of the text
and its time is scaled to a megabyte (the table says so). Timings on a shared machine are noisy.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.text import split_paragraphs, split_statements  # noqa: E402
from tests.core.text.golden_rules import GOLDEN_RULES, passed_rules  # noqa: E402

TARGET_CHARS = 1_000_000
PYSBD_SLICE_CHARS = 100_000

_NAMES = ["Mr. Smith", "Dr. Jane Doe", "Sen. Warren", "J. R. R. Tolkien", "Sam Altman",
          "Prof. Lee", "Elon Musk", "Gov. Newsom", "Ms. Alvarez", "John F. Kennedy"]
_ORGS = ["Acme Corp.", "the U.S. Army", "OpenAI", "Pitt, Briggs & Co.", "the E.U.",
         "Apple Inc.", "the Federal Reserve", "Tesla"]
_TEMPLATES = [
    "{name} said revenue at {org} rose {pct}.{d} percent to ${n}.{d} billion in {year}.",
    "On Jan. {day}, {name} met officials from {org} at {hour} p.m. in Washington.",
    '"Is it done?" {name} asked. "Not yet," an aide replied.',
    "Analysts at {org} expected {n} million units, e.g. phones and tablets, by {year}.",
    "The report (published on p. {n} of the annual review) was criticised by {name}.",
    "{name} argued that the deal, worth ${n}.{d} million, was a mistake... Others disagreed.",
    "Shares of {org} fell {pct}% after the announcement; trading volume doubled.",
    "Why would {name} do that? Nobody at {org} could say.",
    "According to {name}, the plan includes roads, bridges, ports, etc. The vote is next week.",
    "Details are at https://www.example.com/news/{year}/item-{n}.html and mail@example.org.",
    "{name} visited the U.S.A. last year and spoke for {n} minutes.",
    "It was, as {name} put it, \u201cthe best year we have ever had.\u201d",
]


def build_corpus(target: int = TARGET_CHARS) -> str:
    """About ``target`` characters of English prose in blank-line separated paragraphs."""
    rng = random.Random(20240531)
    paragraphs: list[str] = []
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        paragraphs += [text[s:e] for s, e in split_paragraphs(text)]
    paragraphs += [text for text, _ in GOLDEN_RULES]
    pool = list(paragraphs)
    size = 0
    out: list[str] = []
    while size < target:
        if rng.random() < 0.4:
            para = rng.choice(pool)
        else:
            para = " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))
        out.append(para)
        size += len(para) + 2
    return "\n\n".join(out)


def _sentence(rng: random.Random) -> str:
    """One news-like sentence (or two) from a random template."""
    return rng.choice(_TEMPLATES).format(
        name=rng.choice(_NAMES), org=rng.choice(_ORGS), pct=rng.randint(1, 40),
        d=rng.randint(0, 9), n=rng.randint(2, 900), year=rng.randint(1990, 2030),
        day=rng.randint(1, 28), hour=rng.randint(1, 11))


def best_of(runs: int, func: Callable[[], object]) -> float:
    """Fastest wall time of ``runs`` calls."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - started)
    return best


def ours(text: str) -> list[str]:
    """Our splitter as text -> sentence strings."""
    return [s.text for s in split_statements(text)]


def main() -> int:
    """Print the benchmark table."""
    corpus = build_corpus()
    megabytes = len(corpus.encode("utf-8")) / 1e6
    paragraphs = [corpus[s:e] for s, e in split_paragraphs(corpus)]
    rows: list[tuple[str, str, int]] = []

    seconds = best_of(3, lambda: split_statements(corpus))
    rows.append(("source-reader (regex rules)", f"{seconds / megabytes:.3f}", len(passed_rules(ours))))

    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    taken, size = [], 0
    for para in paragraphs:
        if size >= PYSBD_SLICE_CHARS:
            break
        taken.append(para)
        size += len(para.encode("utf-8")) + 2
    seconds = best_of(1, lambda: [segmenter.segment(p) for p in taken])
    rows.append((f"pysbd {pysbd.__version__} (per paragraph, {size / 1e3:.0f} KB slice, scaled)",
                 f"{seconds / (size / 1e6):.3f}", len(passed_rules(segmenter.segment))))

    try:
        from syntok import segmenter as syntok_segmenter
    except ImportError:
        syntok_segmenter = None
    if syntok_segmenter is not None:
        def syntok_split(text: str) -> list[str]:
            return ["".join(t.spacing + t.value for t in sentence).strip()
                    for paragraph in syntok_segmenter.analyze(text) for sentence in paragraph]

        seconds = best_of(3, lambda: syntok_split(corpus))
        rows.append(("syntok", f"{seconds / megabytes:.3f}", len(passed_rules(syntok_split))))

    print(f"Corpus: {megabytes:.2f} MB of English prose, {len(paragraphs)} paragraphs; "
          f"best of 3 (pysbd: 1 run); noisy shared machine.\n")
    print("| segmenter | seconds per MB | Golden Rules passed /48 |")
    print("|---|---:|---:|")
    for name, per_mb, score in rows:
        print(f"| {name} | {per_mb} | {score} |")
    if syntok_segmenter is None:
        print("\n(syntok not installed: skipped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
