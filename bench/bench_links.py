"""Speed of the link threshold slider (offscreen Qt), each case in its own process.

One slider step: the threshold set, what is linked re-read for every open pair, the gutters
and panes repainted (the events processed until the screen is updated). The overview strips
beside the panes redraw every statement, so they follow 120 ms after the last step; their
repaint is timed apart.
Cases: the two seeds, and two ~1 MB related documents (standard-library docstrings, one
edited from the other). Baseline, same run: aligning the pair again at the new threshold,
which is what moving the threshold would cost without the kept candidates.

Run: ``.venv/bin/python bench/bench_links.py`` (prints a Markdown table).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

TARGET = 0.050
STEPS = (40, 30, 25, 35, 50, 60, 45, 38, 28, 55)
#: Pause between steps (the overview strips follow the links after 120 ms).
SETTLE = 0.3


def _measure(files: list[Path], tmp: Path) -> dict[str, float]:
    from bench_gui import _app, _bench_window, _wait

    app = _app()
    window = _bench_window(tmp)
    window.documents.start([str(f) for f in files])

    def aligned() -> bool:
        panes = window.session.panes
        return (len(panes) == len(files) and not window.runner.busy
                and window.documents.documents_shown() and all(
                    window.bridge.alignment(panes[i].document.sha256,
                                            panes[i + 1].document.sha256) is not None
                    for i in range(len(panes) - 1)))

    if not _wait(app, aligned, 600):
        window.close()
        return {"steps": -1}
    for _ in range(20):
        app.processEvents()
    control = window.link_controls.threshold
    times = []
    catch_up = []
    plain = []
    for percent in STEPS:
        _settle(app)
        started = time.perf_counter()
        control.set(percent / 100)
        for gutter in window.gutters:
            gutter.repaint()
        app.processEvents()
        times.append(time.perf_counter() - started)
        # the overview strips follow a moment later (every statement is redrawn there)
        _settle(app)
        waited = time.perf_counter()
        for widget in window.panes:
            widget.overview.invalidate()
            widget.overview.repaint()
        catch_up.append(time.perf_counter() - waited)
        # baseline: the same repaint with nothing changed (the floor of any redraw)
        _settle(app)
        started = time.perf_counter()
        for widget in window.panes:
            widget.view.refresh()
        for gutter in window.gutters:
            gutter.repaint()
        app.processEvents()
        plain.append(time.perf_counter() - started)
    links = len(window.gutters[0].passages())
    panes = window.session.panes
    from reader.core.align import align_pair

    started = time.perf_counter()
    align_pair(panes[0].statements, panes[1].statements, method="lexical", top_k=5,
               threshold=0.3)
    baseline = time.perf_counter() - started
    window.close()
    return {"median": statistics.median(times), "max": max(times), "links": links,
            "overview": statistics.median(catch_up), "plain": statistics.median(plain),
            "baseline": baseline, "statements": len(panes[0].statements)
            + len(panes[1].statements)}


def _settle(app) -> None:
    """Let deferred repaints run, as a reader pausing on the slider would."""
    deadline = time.perf_counter() + SETTLE
    while time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.005)


def case_seeds() -> dict[str, float]:
    """Slider steps on the two seeds."""
    with tempfile.TemporaryDirectory() as tmp:
        return _measure(sorted((ROOT / "seeds").glob("*.txt")), Path(tmp))


def case_big() -> dict[str, float]:
    """Slider steps on two ~1 MB documents."""
    from bench_gui import _big_pair

    with tempfile.TemporaryDirectory() as tmp:
        left, right = _big_pair(Path(tmp))
        return _measure([left, right], Path(tmp))


def _run_case(name: str) -> dict[str, float]:
    result = subprocess.run([sys.executable, __file__, "--case", name], capture_output=True,
                            text=True, cwd=ROOT, timeout=900,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    for line in result.stdout.splitlines():
        if line.startswith("{"):
            return json.loads(line)
    print(result.stderr[-2000:], file=sys.stderr)
    return {}


def main(argv: list[str]) -> int:
    """Print the table (or, with ``--case NAME``, one case's numbers as JSON)."""
    if len(argv) == 2 and argv[0] == "--case":
        print(json.dumps(globals()[f"case_{argv[1]}"]()), flush=True)
        return 0
    print("| slider step (threshold set → links re-read → gutters and panes repainted) "
          "| median | max | target | overview strips after the pause | baseline: the same "
          "repaint, nothing changed | baseline: align the pair again at the new threshold |")
    print("|---|---|---|---|---|---|---|")
    ok = True
    for name, what in (("seeds", "two seeds"), ("big", "two ~1 MB documents")):
        found = _run_case(name)
        if not found or found.get("steps") == -1:
            print(f"| {what} | failed | | ≤ {TARGET * 1000:.0f} ms | | | |")
            ok = False
            continue
        ok &= found["max"] <= TARGET
        print(f"| {what} ({found['statements']:.0f} statements, {found['links']:.0f} links "
              f"on screen at the last step) | {found['median'] * 1000:.1f} ms | "
              f"{found['max'] * 1000:.1f} ms | ≤ {TARGET * 1000:.0f} ms | "
              f"{found['overview'] * 1000:.1f} ms | {found['plain'] * 1000:.1f} ms | "
              f"{found['baseline'] * 1000:.0f} ms |")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
