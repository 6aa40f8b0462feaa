"""Run every bench/bench_*.py as its own process and print their tables in turn.

Each script prints a Markdown table (ours beside a baseline measured in the same run).
`make bench` runs this; pass script names to run a subset.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Run the named benchmark scripts, or all of them."""
    scripts = sorted(HERE.glob("bench_*.py"))
    if argv:
        scripts = [s for s in scripts if any(name in s.name for name in argv)]
    failed = 0
    for script in scripts:
        print(f"\n## {script.stem}\n", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(script)], cwd=HERE.parent)
        print(f"\n({script.name}: {time.perf_counter() - started:.1f} s, exit {result.returncode})",
              flush=True)
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
