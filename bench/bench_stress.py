"""Many processes on one library with random SIGKILLs (issue 12): trials and lost tags.

Ours: the session (second connections as the window's jobs open them) and ``reader
import``/``export``/``align --db``/``find`` workers on one library for a while, any of them killed
at random; then ``PRAGMA integrity_check`` and every committed tag looked up. Baseline,
same run: the same with the session also reading the library file with a plain ``open()``
before each second connection, as the old header check did (POSIX drops the process's
locks when that descriptor closes).

Run: ``.venv/bin/python bench/bench_stress.py [SECONDS] [ROUNDS]`` (default 60 s, 2 rounds).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.core.store.stress_support import run_stress  # noqa: E402


def main(argv: list[str]) -> int:
    """Print a Markdown table: ours beside the plain-open baseline."""
    seconds = float(argv[0]) if argv else 60.0
    rounds = int(argv[1]) if len(argv) > 1 else 2
    rows = []
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for label, plain in (("ours", False), ("baseline: plain open() beside SQLite", True)):
            for seed in range(rounds):
                r = run_stress(Path(tmp) / f"{plain}-{seed}", seconds, seed=100 + seed,
                               plain_open=plain)
                rows.append(f"| {label} | {seed + 1} | {seconds:.0f} s | {r.trials} | {r.kills} "
                            f"| {r.committed} | {r.lost} | {r.integrity[:40]} "
                            f"| {len(r.failures)} | {r.locked} | {'yes' if r.find_ok else 'NO'} |")
                bad += (not r.ok) and not plain
    print("| run | round | time | worker trials | SIGKILLs | committed tags | lost | "
          "integrity_check | failed opens | gave up (locked) | last find complete |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
