"""Start `reader` as a real process, let it press keys through its own key dispatch, kill it
with SIGKILL right after the last committed action, and find every tag in the library."""

from __future__ import annotations

import os
import selectors
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

KEYS = "C,J,O,Shift+J,Q,Tab,C,N"
# tag_claim 0 -> 1, next -> 2, tag_opinion 2 -> 3, extend 3..4, tag_quotation 3,4 -> 5,
# next pane, tag_claim on pane 2's first statement; N opens the note editor (no commit).
COMMITS = 7


def read_lines_until(process: subprocess.Popen, done, timeout: float) -> list[str]:
    """stdout lines of ``process`` until ``done(lines)`` or the timeout."""
    assert process.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    while not done(lines) and time.monotonic() < deadline:
        if selector.select(timeout=0.5):
            line = process.stdout.readline()
            if not line:
                break
            lines.append(line.decode("utf-8", "replace").strip())
    return lines


def test_sigkill_right_after_the_last_key_loses_nothing(tmp_path, seeds) -> None:
    db = tmp_path / "killed.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", READER_DB=str(db),
               READER_TEST_KEYS=KEYS, READER_ALIGN_METHOD="lexical", PYTHONUNBUFFERED="1")
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "--fresh", *map(str, seeds)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
        cwd=Path(__file__).resolve().parents[3])
    try:
        lines = read_lines_until(
            process, lambda ls: sum(line.startswith("committed") for line in ls) >= COMMITS,
            timeout=90)
        process.send_signal(signal.SIGKILL)       # no chance to close the database
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        assert process.stdout is not None
        process.stdout.close()
    committed = [line.split()[1] for line in lines if line.startswith("committed")]
    assert committed == ["tag_claim", "next_statement", "tag_opinion", "extend_down",
                         "tag_quotation", "next_pane", "tag_claim"]
    assert process.returncode == -signal.SIGKILL
    with sqlite3.connect(db) as conn:
        documents = dict(conn.execute("SELECT path, id FROM documents"))
        rows = conn.execute('SELECT document_id, start, "end", kind FROM tags').fetchall()
    by_doc = {Path(p).name: i for p, i in documents.items()}
    first, second = (by_doc[p.name] for p in seeds)
    kinds = sorted((doc, kind) for doc, _s, _e, kind in rows)
    assert kinds == sorted([(first, "claim"), (first, "opinion"), (first, "quotation"),
                            (first, "quotation"), (second, "claim")])
    texts = {doc: p.read_text(encoding="utf-8") for doc, p in ((first, seeds[0]),
                                                               (second, seeds[1]))}
    starts = {(doc, texts[doc][s:e][:12]) for doc, s, e, _k in rows}
    assert (first, "Elon Musk, t") in starts
    assert (second, "Elon Musk Ba") in starts
