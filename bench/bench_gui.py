"""Speed of the reader window (offscreen Qt), each case in its own process.

Cases, with the baseline measured in the same run:
- startup: process start to the window showing the two seeds, and to their links drawn;
  baseline: process start to a bare QWidget shown.
- stall: the longest GUI-thread stall (a 10 ms QTimer measuring its lateness) while two
  ~1 MB documents load, segment, get suggestions and align (the window set up first);
  baseline: the same two documents loaded, segmented and aligned on the GUI thread, the
  freeze a naive window would have.
- scroll: one scroll step (page down in the left pane, the right pane following its links,
  gutter and overview repainted) to the screen updated; baseline: a plain QPlainTextEdit
  with the same text scrolled the same way.
- tag: a tag key press (real key dispatch) to the tag committed to SQLite and the pane
  repainted, 10,000 statements; baseline: a bare ``Store.add_tag`` commit.

Run: ``.venv/bin/python bench/bench_gui.py`` (prints a Markdown table). Numbers on a shared
2-core machine are noisy; run twice before trusting a difference.
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

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
TARGETS = {"startup": 1.5, "stall": 0.100, "scroll": 0.016, "tag_median": 0.016,
           "tag_p95": 0.033}


def bare_tag_commits(db: Path, sha256: str, path: str, count: int,
                     text: str | None = None) -> list[float]:
    """Seconds per tag committed straight through the store: the floor for key → stored."""
    from reader.core.store import Store

    store = Store.open(db)
    doc = store.remember_document(sha256, path, "bare", text=text)
    times = []
    for i in range(count):
        started = time.perf_counter()
        store.tag_table.add_tag(doc.id, i, i + 1, "claim", exact="x", prefix="", suffix="",
                                author="bench")
        times.append(time.perf_counter() - started)
    store.close()
    return times


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", READER_DB=str(tmp / "bench.sqlite3"),
               HOME=str(tmp), XDG_CONFIG_HOME=str(tmp / "config"),
               XDG_DATA_HOME=str(tmp / "data"), PYTHONUNBUFFERED="1")
    env.pop("READER_TEST_KEYS", None)
    return env


def _read_events(process: subprocess.Popen, wanted: set[str], timeout: float,
                 started: float) -> dict[str, float]:
    import selectors

    assert process.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    seen: dict[str, float] = {}
    deadline = started + timeout
    while not wanted <= seen.keys() and time.monotonic() < deadline:
        if selector.select(timeout=0.2):
            line = process.stdout.readline().decode().strip()
            if not line:
                break
            if line.startswith("bench "):
                seen.setdefault(line.split()[1], time.monotonic() - started)
    return seen


def _start_reader(env: dict[str, str], timeout: float) -> dict[str, float]:
    started = time.monotonic()
    process = subprocess.Popen([sys.executable, "-m", "reader", "--fresh", *map(str, SEEDS)],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                               cwd=ROOT)
    events = _read_events(process, {"shown", "documents", "links"}, timeout, started)
    process.kill()
    process.wait()
    process.stdout.close()  # type: ignore[union-attr]
    return events


def case_startup() -> dict[str, float]:
    """Process start to window shown, documents shown, links drawn (seconds): first with a
    new library (sentence embeddings computed: the model loads), then again (cached)."""
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(Path(tmp))
        env["READER_BENCH_EVENTS"] = "1"
        cold = _start_reader(env, 120)
        out.update({f"cold_{k}": v for k, v in cold.items()})
        warm = _start_reader(env, 60)
        out.update({f"startup_{k}": v for k, v in warm.items()})
        started = time.monotonic()
        bare = subprocess.run(
            [sys.executable, "-c",
             "from PySide6.QtWidgets import QApplication, QWidget\n"
             "from PySide6.QtCore import QTimer\n"
             "app = QApplication([]); w = QWidget(); w.show()\n"
             "QTimer.singleShot(0, app.quit); app.exec()"],
            env=env, stderr=subprocess.DEVNULL)
        out["startup_baseline"] = time.monotonic() - started if bare.returncode == 0 else -1
    return out


def _big_pair(directory: Path) -> tuple[Path, Path]:
    """Two ~1 MB related documents (standard-library docstrings, one edited from the other)."""
    from align_data import language_reference_paragraphs, make_reuse, stdlib_docstring_paragraphs

    paragraphs = stdlib_docstring_paragraphs(1_250_000)
    fillers = [s for p in language_reference_paragraphs() for s in p]
    case = make_reuse(paragraphs, fillers)
    left = directory / "left.txt"
    right = directory / "right.txt"
    left.write_text(case.left_text, encoding="utf-8")
    right.write_text(case.right_text, encoding="utf-8")
    return left, right


class LagProbe:
    """A 10 ms timer recording how late each tick is (GUI-thread stalls)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.lags: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.lags.append(max(0.0, now - self._last - 0.010))
        self._last = now


def _app():
    from reader.ui.app import create_application

    return create_application()


def _wait(app, condition, timeout: float, pause: float = 0.002) -> bool:
    """Process events until ``condition()`` holds or ``timeout`` seconds pass (polling every
    ``pause`` seconds); whether it holds. The other window benchmarks use this too."""
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(pause)
    return condition()


def _bench_window(tmp: Path):
    """A shown 1600x1000 window on a library in ``tmp``, aligning lexically."""
    from reader.ui.window import MainWindow

    window = MainWindow(db_path=tmp / "lib.sqlite3", restore=False, align_method="lexical")
    window.resize(1600, 1000)
    window.show()
    return window


def case_stall() -> dict[str, float]:
    """Max GUI lag while two ~1 MB documents load and align (window) vs on the GUI thread."""
    app = _app()
    with tempfile.TemporaryDirectory() as tmp:
        left, right = _big_pair(Path(tmp))
        window = _bench_window(Path(tmp))
        from reader.ui.icons import icons_ready

        _wait(app, icons_ready, 10)       # the window's own one-time setup is done
        probe = LagProbe()
        started = time.perf_counter()
        window.documents.start([left, right])

        def aligned() -> bool:
            panes = window.session.panes
            return (len(panes) == 2 and not window.runner.busy and window.documents.documents_shown()
                    and window.bridge.alignment(panes[0].document.sha256,
                                                panes[1].document.sha256) is not None)

        ok = _wait(app, aligned, 300)
        total = time.perf_counter() - started
        probe.timer.stop()
        lags = sorted(probe.lags)
        links = len(window.gutters[0].links) if window.gutters else 0
        window.close()
        from reader.core.align import align_pair
        from reader.core.loaders import load_document
        from reader.core.text import segment_document

        app.processEvents()
        t0 = time.perf_counter()      # the baseline: a naive window doing it all inline
        both = [segment_document(load_document(path)) for path in (left, right)]
        align_pair(both[0], both[1], method="lexical", top_k=5)
        base = time.perf_counter() - t0
    return {"stall_max": lags[-1] if lags else 0.0,
            "stall_p99": lags[int(len(lags) * 0.99)] if lags else 0.0,
            "stall_total": total if ok else -1, "stall_links": links,
            "stall_baseline": base}


def case_scroll() -> dict[str, float]:
    """Median time of one scroll step to the screen updated."""
    app = _app()
    with tempfile.TemporaryDirectory() as tmp:
        left, right = _big_pair(Path(tmp))
        window = _bench_window(Path(tmp))
        window.documents.start([left, right])
        _wait(app, lambda: len(window.session.panes) == 2 and window.documents.documents_shown()
              and not window.runner.busy, 300)
        view = window.panes[0].view
        for key in ("C", "J", "O", "J", "Q"):   # a few tags on screen
            window.run_action({"C": "tag_claim", "O": "tag_opinion", "Q": "tag_quotation",
                               "J": "next_statement"}[key])
        ours = _scroll_steps(app, view, window)
        window.close()
        base = _plain_scroll(app, left, right)
    return {"scroll_median": statistics.median(ours), "scroll_p95": _p95(ours),
            "scroll_baseline": statistics.median(base)}


def _plain_scroll(app, left: Path, right: Path) -> list[float]:
    """Two plain read-only QPlainTextEdits side by side in a window of the same size, the
    second following the first proportionally: what any two-pane viewer must paint."""
    from PySide6.QtWidgets import QPlainTextEdit, QSplitter

    splitter = QSplitter()
    editors = []
    for path in (left, right):
        editor = QPlainTextEdit(splitter)
        editor.setReadOnly(True)
        editor.setPlainText(path.read_text(encoding="utf-8"))
        editors.append(editor)
    first, second = (e.verticalScrollBar() for e in editors)
    first.valueChanged.connect(lambda v: second.setValue(
        int(v * second.maximum() / max(1, first.maximum()))))
    splitter.resize(1600, 1000)
    splitter.show()
    times = _scroll_steps(app, editors[0], splitter)
    splitter.close()
    return times


def _scroll_steps(app, view, top, steps: int = 120) -> list[float]:
    bar = view.verticalScrollBar()
    app.processEvents()
    times = []
    for _ in range(steps):
        started = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        app.processEvents()            # paints what changed: panes, gutter, strips
        times.append(time.perf_counter() - started)
    return times


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def case_tag() -> dict[str, float]:
    """Tag key press to committed and repainted, 10,000 statements."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from reader.ui.window import MainWindow

    app = _app()
    sentences = [f"Statement number {i} says that the harbor {i % 97} opens at dawn."
                 for i in range(10_000)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ten_thousand.txt"
        path.write_text("\n\n".join(" ".join(sentences[i:i + 4])
                                    for i in range(0, len(sentences), 4)), encoding="utf-8")
        window = MainWindow(db_path=Path(tmp) / "lib.sqlite3", restore=False,
                            align_method="lexical")
        window.resize(1600, 1000)
        window.show()
        window.documents.start([path])
        _wait(app, lambda: len(window.session.panes) == 1 and window.documents.documents_shown()
              and not window.runner.busy, 120)
        pane = window.panes[0]
        assert len(pane.view.statements) == 10_000, len(pane.view.statements)
        pane.view.setFocus()
        app.processEvents()
        bulk = window.session.store.bulk
        writing = [0.0]
        write_batch = bulk.write_batch

        def timed_write(*args, **kwargs):          # the SQLite share of each press
            started = time.perf_counter()
            try:
                return write_batch(*args, **kwargs)
            finally:
                writing[0] += time.perf_counter() - started

        bulk.write_batch = timed_write
        times, ui_times = [], []
        for n in range(300):
            key = (Qt.Key.Key_C, Qt.Key.Key_O, Qt.Key.Key_Q)[n % 3]
            writing[0] = 0.0
            started = time.perf_counter()
            QTest.keyClick(pane.view, key)          # dispatch + store commit
            pane.view.viewport().repaint()          # the pane shows it
            pane.view.margin.repaint()
            times.append(time.perf_counter() - started)
            ui_times.append(times[-1] - writing[0])
        tags = len(window.session.tags_for(0))
        window.close()
        bare = bare_tag_commits(Path(tmp) / "bare.sqlite3", "0" * 64, str(path), 300)
    return {"tag_median": statistics.median(times), "tag_p95": _p95(times), "tag_count": tags,
            "tag_ui_median": statistics.median(ui_times), "tag_ui_p95": _p95(ui_times),
            "tag_baseline": statistics.median(bare)}


CASES = {"startup": case_startup, "stall": case_stall, "scroll": case_scroll, "tag": case_tag}


def _run_case(name: str) -> dict[str, float]:
    result = subprocess.run([sys.executable, __file__, "--case", name], capture_output=True,
                            text=True, env=_env(Path(tempfile.gettempdir())), cwd=ROOT)
    for line in result.stdout.splitlines():
        if line.startswith("{"):
            return json.loads(line)
    print(f"case {name} failed:\n{result.stderr[-2000:]}", file=sys.stderr)
    return {}


def _ms(value: float | None) -> str:
    return "n/a" if value is None or value < 0 else f"{value * 1000:.0f} ms"


def _row(what: str, ours: float | None, target: float | None, baseline: str) -> str:
    verdict = "" if ours is None or target is None else ("ok" if 0 <= ours <= target else "SLOW")
    return f"| {what} | {_ms(ours)} | {_ms(target) if target else ''} | {baseline} | {verdict} |"


def main(argv: list[str]) -> int:
    """Run every case in its own process and print the table (or one case as JSON)."""
    if len(argv) == 2 and argv[0] == "--case":
        print(json.dumps(CASES[argv[1]]()), flush=True)
        return 0
    results: dict[str, float] = {}
    for name in CASES:
        results.update(_run_case(name))
    get = results.get
    print("| GUI measure | ours | target | baseline (same run) | |")
    print("|---|---|---|---|---|")
    print(_row("start to window shown", get("startup_shown"), None,
               f"bare QWidget shown: {_ms(get('startup_baseline'))}"))
    print(_row("start to both seeds shown", get("startup_documents"), TARGETS["startup"], ""))
    print(_row("start to seed links drawn", get("startup_links"), TARGETS["startup"],
               "second start (embeddings cached in the library)"))
    print(_row("start to seed links drawn, first time", get("cold_links"), None,
               "new library: the embedding model loads"))
    print(_row("max GUI stall, 2 × 1 MB load + align", get("stall_max"), TARGETS["stall"],
               f"all of it on the GUI thread: {_ms(get('stall_baseline'))} frozen"))
    print(_row("p99 GUI stall, same", get("stall_p99"), None,
               f"all done in {get('stall_total', -1):.1f} s, "
               f"{int(get('stall_links', 0))} links"))
    print(_row("scroll step repaint, median", get("scroll_median"), TARGETS["scroll"],
               f"two plain QPlainTextEdits: {_ms(get('scroll_baseline'))}"))
    print(_row("scroll step repaint, p95", get("scroll_p95"), None, ""))
    print(_row("tag key to committed + repainted, median", get("tag_median"),
               TARGETS["tag_median"], f"bare Store.add_tag: {_ms(get('tag_baseline'))}"))
    print(_row("tag key to committed + repainted, p95", get("tag_p95"), TARGETS["tag_p95"],
               f"{int(get('tag_count', 0))} statements tagged"))
    print(_row("same without the SQLite commit, median", get("tag_ui_median"), None,
               "window + panels share"))
    print(_row("same without the SQLite commit, p95", get("tag_ui_p95"), None, ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
