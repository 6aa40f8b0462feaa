"""Alignment benchmark: quality on generated text reuse, speed and memory of `reader align`.

Quality: prose of the Python language reference (shipped with CPython) is reused the way a
writer reuses a source (reorder, drop, insert, reword, split, merge; see align_data.py) with a
known gold mapping. Ours (default settings) is scored beside a char 3-5-gram TF-IDF + Hungarian
1:1 baseline (scikit-learn + scipy; skipped if missing), whose threshold is tuned on the same
data (an oracle, so the baseline is flattered).
Speed: whole `reader align --json --method lexical` processes, wall time and peak RSS of the
child, on two ~1 MB texts, on four (six pairs), on the two seeds, and on a 20 MB text against
a seed; and the in-process re-cut at a new threshold (what the window's slider does).
Quality on outside text (dev sets, thresholds swept): bench_align_dev.py.
Options: --quick (fewer cases, one speed run), --semantic (also score the semantic method).
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from align_data import (ReuseCase, language_reference_paragraphs, make_reuse,  # noqa: E402
                        stdlib_docstring_paragraphs)

SETTINGS = {
    "moderate": {},
    "heavy": {"drop": 0.15, "insert": 0.15, "rewrite": 0.5, "split": 0.1, "merge": 0.1,
              "move": 0.5},
}


def prf(predicted: set, gold: frozenset) -> tuple[float, float, float]:
    """Precision, recall and F1 of predicted statement pairs."""
    hits = len(predicted & gold)
    p = hits / len(predicted) if predicted else 1.0
    r = hits / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ours(case: ReuseCase, method: str = "lexical") -> set[tuple[int, int]]:
    from reader.core.align import align_pair

    result = align_pair(case.left_statements, case.right_statements, method=method)
    return {(p.left_statement, p.right_statement) for p in result.pairs}


def baseline_scores(case: ReuseCase):
    """Hungarian 1:1 pairs of the char TF-IDF cosine matrix, with their scores."""
    from scipy.optimize import linear_sum_assignment
    from sklearn.feature_extraction.text import TfidfVectorizer

    left = [s.text for s in case.left_statements]
    right = [s.text for s in case.right_statements]
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    matrix = vectorizer.fit_transform(left + right)
    similarity = (matrix[: len(left)] @ matrix[len(left):].T).toarray()
    rows, cols = linear_sum_assignment(-similarity)
    return [((int(i), int(j)), float(similarity[i, j])) for i, j in zip(rows, cols)]


def quality(cases_per_setting: int, semantic: bool) -> list[str]:
    paragraphs = language_reference_paragraphs()
    fillers = [s for p in stdlib_docstring_paragraphs(300_000) for s in p]
    try:
        import scipy  # noqa: F401
        import sklearn  # noqa: F401
        have_baseline = True
    except ImportError:
        have_baseline = False
    rows = []
    for name, options in SETTINGS.items():
        totals: dict[str, list[tuple[float, float, float]]] = {"ours": [], "baseline": []}
        if semantic:
            totals["ours (semantic)"] = []
        statements = 0
        baseline_runs = []
        for seed in range(cases_per_setting):
            start = (seed * 97) % max(1, len(paragraphs) - 70)
            case = make_reuse(paragraphs[start:start + 70], fillers[seed * 300:], seed=seed,
                              **options)
            statements += len(case.left_statements) + len(case.right_statements)
            totals["ours"].append(prf(ours(case), case.gold))
            if semantic:
                totals["ours (semantic)"].append(prf(ours(case, "semantic"), case.gold))
            if have_baseline:
                baseline_runs.append((baseline_scores(case), case.gold))
        if have_baseline:
            # the baseline gets the threshold that is best on this very data
            best = max((_mean([prf({p for p, s in pairs if s >= t}, gold)
                               for pairs, gold in baseline_runs]), t)
                       for t in [x / 20 for x in range(0, 19)])
            totals["baseline"] = [best[0]]
            baseline_label = f"char TF-IDF + Hungarian 1:1 (oracle threshold {best[1]:.2f})"
        for label, values in totals.items():
            if not values:
                continue
            p, r, f = _mean(values)
            shown = baseline_label if label == "baseline" else f"{label} (default threshold)"
            rows.append(f"| {name} ({cases_per_setting} cases, {statements} statements) "
                        f"| {shown} | {p:.3f} | {r:.3f} | {f:.3f} |")
    return rows


def _mean(values: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    p, r, f = (statistics.fmean(v[k] for v in values) for k in range(3))
    return p, r, f


def run_measured(args: list[str]) -> tuple[float, float, float, int]:
    """Wall seconds, peak RSS in MB, CPU seconds and exit status of one child process.

    CPU time is shown too because this machine is shared: wall time grows with other load.
    """
    if Path("/usr/bin/time").exists():
        with tempfile.NamedTemporaryFile("r", suffix=".txt") as report:
            started = time.perf_counter()
            done = subprocess.run(["/usr/bin/time", "-v", "-o", report.name, *args],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            wall = time.perf_counter() - started
            text = Path(report.name).read_text()
        fields = dict(line.strip().rsplit(": ", 1) for line in text.splitlines()
                      if ": " in line)
        peak = int(fields.get("Maximum resident set size (kbytes)", 0))
        cpu = (float(fields.get("User time (seconds)", 0))
               + float(fields.get("System time (seconds)", 0)))
        return wall, peak / 1024, cpu, done.returncode
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, after.ru_maxrss / 1024, cpu, done.returncode


BASELINE_SPEED = """
import sys
from sklearn.feature_extraction.text import TfidfVectorizer
sys.path.insert(0, {root!r})
from reader.core.text._statements import split_statements
left = [s.text for s in split_statements(open(sys.argv[1], encoding="utf-8").read())]
right = [s.text for s in split_statements(open(sys.argv[2], encoding="utf-8").read())]
vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
m = vec.fit_transform(left + right)
a, b = m[:len(left)], m[len(left):].T.tocsc()
best = []
for start in range(0, len(left), 1000):
    block = (a[start:start + 1000] @ b).toarray()
    best.extend(block.argmax(axis=1).tolist())
print(len(best))
"""


def speed(runs: int) -> list[str]:
    reader = [sys.executable, "-m", "reader", "align", "--json", "--method", "lexical"]
    seeds = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        paragraphs = language_reference_paragraphs() + stdlib_docstring_paragraphs(850_000)
        case = make_reuse(paragraphs, [], seed=1, insert=0.0)
        big_a, big_b = Path(tmp, "source.txt"), Path(tmp, "reuse.txt")
        big_a.write_text(case.left_text, encoding="utf-8")
        big_b.write_text(case.right_text, encoding="utf-8")
        more = []
        for seed in (2, 3):
            other = make_reuse(paragraphs, [], seed=seed, insert=0.0)
            more.append(Path(tmp, f"reuse{seed}.txt"))
            more[-1].write_text(other.right_text, encoding="utf-8")
        huge = Path(tmp, "huge.txt")
        with huge.open("w", encoding="utf-8") as handle:
            while handle.tell() < 20_000_000:
                handle.write(case.left_text)
        label_big = (f"two texts of {len(case.left_text) / 1e6:.2f} / "
                     f"{len(case.right_text) / 1e6:.2f} MB ({len(case.left_statements)} / "
                     f"{len(case.right_statements)} statements)")
        jobs = [
            ("two seeds (2.4 KB each)", reader + seeds, "ours"),
            (label_big, reader + [str(big_a), str(big_b)], "ours"),
            ("four ~1 MB texts (six pairs)",
             reader + [str(big_a), str(big_b)] + [str(p) for p in more], "ours"),
            ("20 MB text vs a seed", reader + [str(huge), seeds[0]], "ours"),
        ]
        try:
            import sklearn  # noqa: F401
            jobs.append((label_big, [sys.executable, "-c", BASELINE_SPEED.format(root=str(ROOT)),
                                     str(big_a), str(big_b)],
                         "char TF-IDF, 1000-row chunks, best per row (no assignment)"))
        except ImportError:
            pass
        for label, args, who in jobs:
            measured = [run_measured(args) for _ in range(runs)]
            walls = [m[0] for m in measured]
            peak = max(m[1] for m in measured)
            cpu = statistics.median(m[2] for m in measured)
            status = {m[3] for m in measured}
            rows.append(f"| {label} | {who} | {statistics.median(walls):.2f} "
                        f"(min {min(walls):.2f}) | {cpu:.2f} | {peak:.0f} | "
                        f"{'ok' if status == {0} else status} |")
    return rows


def recut_speed() -> list[str]:
    """``Alignment.at_threshold`` (the slider) on the two ~1 MB texts, in-process: a drag
    from 0.25 to 0.75 and back in steps of 0.01, each step timed."""
    from reader.core.align import align_pair

    paragraphs = language_reference_paragraphs() + stdlib_docstring_paragraphs(850_000)
    case = make_reuse(paragraphs, [], seed=1, insert=0.0)
    result = align_pair(case.left_statements, case.right_statements, method="lexical")
    steps = [t / 100 for t in range(25, 76)]
    times, cpu = [], []
    for threshold in steps + steps[::-1]:
        started, cpu_started = time.perf_counter(), time.process_time()
        recut = result.at_threshold(threshold)
        times.append(1000 * (time.perf_counter() - started))
        cpu.append(1000 * (time.process_time() - cpu_started))
    return [f"| {len(result.eligible)} | {len(recut.pairs)} | {len(times)} | "
            f"{statistics.median(times):.0f} (max {max(times):.0f}) | "
            f"{statistics.median(cpu):.0f} (max {max(cpu):.0f}) |"]


def seed_links() -> list[str]:
    from reader.core.align import align_pair
    from reader.core.loaders import load_document
    from reader.core.text import segment_document

    paths = sorted((ROOT / "seeds").glob("*.txt"))
    left, right = (segment_document(load_document(p)) for p in paths)
    result = align_pair(left, right, method="lexical")
    best = sorted(result.candidates, key=lambda p: -p.score)[:6]
    linked = {(p.left_statement, p.right_statement) for p in result.pairs}
    lines = ["| score | drawn as | neutral article | opinion column |", "|---|---|---|---|"]
    for pair in best:
        drawn = "link" if (pair.left_statement, pair.right_statement) in linked else "candidate"
        lines.append(f"| {pair.score:.2f} | {drawn} | {_short(left[pair.left_statement].text)} | "
                     f"{_short(right[pair.right_statement].text)} |")
    return lines


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def main(argv: list[str]) -> int:
    """Print the benchmark tables."""
    quick = "--quick" in argv
    print("### Quality on generated text reuse (statement pairs vs gold)\n")
    print("| data | method | precision | recall | F1 |\n|---|---|---|---|---|")
    for row in quality(2 if quick else 5, "--semantic" in argv):
        print(row, flush=True)
    print("\n### Speed and memory of the whole `reader align` process (lexical)\n")
    print("| input | program | wall s, median | CPU s | peak RSS MB | exit |\n"
          "|---|---|---|---|---|---|")
    for row in speed(1 if quick else 3):
        print(row, flush=True)
    print("\n### Re-cut at a new threshold (the slider), two ~1 MB texts, in-process\n")
    print("| eligible pairs | pairs at 0.25 | steps | wall ms, median | CPU ms, median |\n"
          "|---|---|---|---|---|")
    for row in recut_speed():
        print(row, flush=True)
    print("\n### Strongest candidates between the two seeds (lexical, default threshold)\n")
    print("\n".join(seed_links()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
