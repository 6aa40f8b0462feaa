"""Alignment on outside text: precision / recall / false-link curve over thresholds.

Reads the development sets in ``../shared/dev-data`` (or READER_DEV_DATA); nothing of them is
copied here. Each document pair is aligned once; every threshold is then a re-cut
(``Alignment.at_threshold``), exactly what the CLI would print at ``--threshold T``.

- ecb-dev (independent news reports, ECB+, CC BY 3.0): statement pairs mapped to the gold
  sentences, scored on annotated sentences only, as ``tools/ecb_align.py`` does; false links
  per different-event pair count every link there.
- versions-dev (KJV vs Bible in Basic English, public domain): statement pairs mapped to the
  verses they overlap, as ``tools/wikimanual.py`` does; once as given (verses grouped in
  paragraphs) and once laid out one verse per paragraph (like the held-out set).
Baseline in the same run: char 3-gram TF-IDF cosine of the same statements, every pair >= t.
``--semantic`` also scores the [semantic] blend (when installed; minutes on a CPU).
"""

from __future__ import annotations

import json
import math
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.align import DEFAULT_THRESHOLD, align_pair  # noqa: E402
from reader.core.loaders import load_document  # noqa: E402
from reader.core.text import Statement, segment_document, split_statements  # noqa: E402

THRESHOLDS = sorted({0.25, 0.3, 0.35, 0.4, 0.45, DEFAULT_THRESHOLD, 0.5, 0.55, 0.6, 0.7})
BASELINE_THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8]


def dev_data() -> Path | None:
    """The dev-data folder, or None when it is not on this machine."""
    for candidate in (os.environ.get("READER_DEV_DATA"), ROOT.parent / "shared" / "dev-data",
                      Path("/work/shared/dev-data")):
        if candidate and (Path(candidate) / "ecb-dev" / "pairs.json").exists():
            return Path(candidate)
    return None


def tfidf_scores(left: list[Statement], right: list[Statement]) -> dict[tuple[int, int], float]:
    """Char 3-gram TF-IDF cosine of every statement pair (IDF over the two documents)."""
    grams = [Counter(t[i:i + 3] for i in range(len(t) - 2))
             for t in (" ".join(s.text.lower().split()) for s in [*left, *right])]
    df = Counter(g for c in grams for g in c)
    n = len(grams)
    vectors = []
    for counts in grams:
        v = {g: c * (math.log((1 + n) / (1 + df[g])) + 1) for g, c in counts.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({g: x / norm for g, x in v.items()})
    lv, rv = vectors[:len(left)], vectors[len(left):]
    return {(i, j): sum(x * b.get(g, 0.0) for g, x in a.items())
            for i, a in enumerate(lv) for j, b in enumerate(rv)}


def _sentence_of(statements: list[Statement], spans: dict[int, tuple[int, int]]) -> list:
    out = []
    for st in statements:
        overlap = {s: min(b, st.end) - max(a, st.start) for s, (a, b) in spans.items()}
        best = max(overlap, key=overlap.get, default=None)
        out.append(best if best is not None and overlap[best] > 0 else None)
    return out


def ecb_cases(data: Path) -> list[dict]:
    """Every ecb-dev pair with its statements and the statement -> sentence maps."""
    payload = json.loads((data / "ecb-dev" / "pairs.json").read_text(encoding="utf-8"))
    docs = {}
    for name, info in payload["documents"].items():
        statements = segment_document(load_document(data / "ecb-dev" / "docs" / f"{name}.txt"))
        spans = {int(s): tuple(v) for s, v in info["sentences"].items()}
        docs[name] = (statements, _sentence_of(statements, spans), set(info["annotated"]))
    return [dict(left=docs[p["left"]], right=docs[p["right"]], hard=p["kind"] == "hard_negative",
                 gold={tuple(g) for g in p["gold_event"]}) for p in payload["pairs"]]


def ecb_metrics(cases: list[dict], linked: list[set[tuple[int, int]]]) -> tuple:
    """Precision, recall and false links per different-event pair (as tools/ecb_align.py)."""
    tp = fp = fn = hard = 0
    for case, pairs in zip(cases, linked):
        (_, lmap, lann), (_, rmap, rann) = case["left"], case["right"]
        sentences = {(lmap[i], rmap[j]) for i, j in pairs}
        if case["hard"]:
            hard += len(sentences)
            continue
        scored = {(i, j) for i, j in sentences if i in lann and j in rann}
        tp += len(scored & case["gold"])
        fp += len(scored - case["gold"])
        fn += len(case["gold"] - scored)
    hard_pairs = max(1, sum(c["hard"] for c in cases))
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 0.0,
            hard / hard_pairs)


def version_cases(data: Path, one_verse_per_paragraph: bool) -> list[dict]:
    """versions-dev chapters: statements of both sides and the gold verse spans."""
    cases = []
    for folder in sorted((data / "versions-dev" / "pairs").iterdir()):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        sides = []
        for name, key in (("left.txt", "left_units"), ("right.txt", "right_units")):
            text = (folder / name).read_text(encoding="utf-8")
            units = gold[key]
            if one_verse_per_paragraph:
                verses = [text[a:b] for a, b in units]
                text, units = "", []
                for verse in verses:
                    text += ("\n\n" if text else "") + verse
                    units.append((len(text) - len(verse), len(text)))
            sides.append((split_statements(text), units))
        cases.append(dict(left=sides[0], right=sides[1], gold={tuple(p) for p in gold["pairs"]}))
    return cases


def version_metrics(cases: list[dict], linked: list[set[tuple[int, int]]]) -> tuple:
    """Precision, recall and F1 of verse pairs (statement pairs mapped to verses they touch)."""
    tp = predicted = gold = 0
    for case, pairs in zip(cases, linked):
        (left, lunits), (right, runits) = case["left"], case["right"]
        found = set()
        for i, j in pairs:
            a, b = left[i], right[j]
            found |= {(u, v) for u, (s, e) in enumerate(lunits) if s < a.end and a.start < e
                      for v, (s2, e2) in enumerate(runits) if s2 < b.end and b.start < e2}
        tp += len(found & case["gold"])
        predicted += len(found)
        gold += len(case["gold"])
    p, r = (tp / predicted if predicted else 1.0), tp / gold
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _methods() -> list[str]:
    methods = ["lexical"]
    if "--semantic" in sys.argv[1:]:
        from reader.core.align import resolve_method

        if resolve_method("auto", 1) == "semantic":
            methods.append("semantic")
        else:
            print("(--semantic: the [semantic] extra is not installed; lexical only)\n")
    return methods


def main() -> int:
    """Print the curves (or say why not)."""
    data = dev_data()
    if data is None:
        print("dev-data not found (set READER_DEV_DATA): nothing measured")
        return 0
    started = time.perf_counter()
    cases = ecb_cases(data)
    methods = _methods()
    runs = {m: [align_pair(c["left"][0], c["right"][0], method=m) for c in cases]
            for m in methods}
    base = [tfidf_scores(c["left"][0], c["right"][0]) for c in cases]
    print(f"### Independent reports (ecb-dev, {len(cases)} pairs, "
          f"{sum(c['hard'] for c in cases)} about a different event)\n")
    print("| method | threshold | precision | recall | false links / different-event pair |\n"
          "|---|---|---|---|---|")
    for method, ours in runs.items():
        for t in THRESHOLDS:
            cut = [{(p.left_statement, p.right_statement) for p in a.at_threshold(t).pairs}
                   for a in ours]
            mark = " (default)" if t == DEFAULT_THRESHOLD else ""
            print("| ours, {} | {:.2f}{} | {:.3f} | {:.3f} | {:.2f} |".format(
                method, t, mark, *ecb_metrics(cases, cut)))
    for t in BASELINE_THRESHOLDS:
        cut = [{key for key, v in scores.items() if v >= t} for scores in base]
        print("| char 3-gram TF-IDF, every pair >= t | {:.2f} | {:.3f} | {:.3f} | {:.2f} |"
              .format(t, *ecb_metrics(cases, cut)))
    for layout, one_per in (("verses grouped in paragraphs", False),
                            ("one verse per paragraph", True)):
        chapters = version_cases(data, one_per)
        print(f"\n### Reworded versions (versions-dev, {len(chapters)} chapters, {layout})\n")
        print("| method | threshold | precision | recall | F1 | versions mode |\n"
              "|---|---|---|---|---|---|")
        for method in methods:
            ours = [align_pair(c["left"][0], c["right"][0], method=method) for c in chapters]
            versions = sum(a.modes[(0, 1)] == "versions" for a in ours)
            for t in THRESHOLDS:
                cut = [{(p.left_statement, p.right_statement) for p in a.at_threshold(t).pairs}
                       for a in ours]
                mark = " (default)" if t == DEFAULT_THRESHOLD else ""
                print("| ours, {} | {:.2f}{} | {:.3f} | {:.3f} | {:.3f} | {}/{} |".format(
                    method, t, mark, *version_metrics(chapters, cut), versions, len(chapters)))
        base = [tfidf_scores(c["left"][0], c["right"][0]) for c in chapters]
        for t in BASELINE_THRESHOLDS:
            cut = [{key for key, v in scores.items() if v >= t} for scores in base]
            print("| char 3-gram TF-IDF, every pair >= t | {:.2f} | {:.3f} | {:.3f} | {:.3f} | |"
                  .format(t, *version_metrics(chapters, cut)))
    print(f"\n({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
