"""SIGKILL a real session process right after an action returns: every tag is in the library.

The child is a separate Python process running a ReadingSession (no window) on a temporary
database. It reads key actions from stdin and, once an action has returned, prints the tags
it shows. The parent kills it with SIGKILL at once and compares the database with what the
child last reported.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
from contextlib import contextmanager
from typing import Iterator

import pytest

from reader.core.store import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

CHILD = textwrap.dedent("""
    import json, sys
    from reader.core.loaders import load_document
    from reader.core.session import ACTIONS, ReadingSession
    from reader.core.text._statements import segment_document
    from reader.core.store._store import Store

    db, path, mode = sys.argv[1:4]
    session = ReadingSession(Store.open(db), author="killed")
    document = load_document(path)
    session.open_document(document, segment_document(document))

    def report():
        pane = session.panes[0]
        shown = {pane.statements[i].start: t.kind for i, t in session.tags_for(0).items()}
        print(json.dumps(shown), flush=True)

    report()
    if mode == "stdin":
        for line in sys.stdin:
            ACTIONS[line.strip()](session)
            report()
    else:  # press as fast as possible until killed
        for _ in range(len(session.panes[0].statements)):
            ACTIONS["tag_claim"](session)
            report()
""")


@contextmanager
def child_session(db, document, mode: str) -> Iterator[subprocess.Popen]:
    """The child process; killed (if still alive) and its pipes closed on exit."""
    with subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(document), mode],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                          bufsize=1) as child:
        try:
            yield child
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()


def kill(child: subprocess.Popen) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


def tags_in(db) -> dict[str, str]:
    with Store.open(db) as store:
        assert store._conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        return {str(t.start): t.kind for t in store.tag_table.tags() if not t.orphaned}


@pytest.mark.parametrize("presses", [
    ["tag_claim"],
    ["tag_claim", "tag_opinion", "tag_quotation"],
    ["extend_down", "extend_down", "tag_opinion", "previous_statement", "tag_opinion"],
    ["tag_claim", "tag_claim", "undo", "undo", "redo"],
    ["tag_claim", "first_statement", "clear_tag", "undo"],
])
def test_sigkill_right_after_an_action_loses_nothing(tmp_path, neutral_seed, presses) -> None:
    db = tmp_path / "lib.sqlite3"
    with child_session(db, neutral_seed, "stdin") as child:
        assert json.loads(child.stdout.readline()) == {}
        for press in presses:
            child.stdin.write(press + "\n")
            child.stdin.flush()
            shown = json.loads(child.stdout.readline())
        kill(child)  # immediately after the last action reported it was done
    assert shown  # every case leaves something tagged
    assert tags_in(db) == shown
    # Reopening in a new session shows the same tags.
    from reader.core.loaders import load_document
    from reader.core.session import ReadingSession
    from reader.core.text import segment_document

    with Store.open(db) as store:
        session = ReadingSession(store, author="someone else")
        document = load_document(neutral_seed)
        session.open_document(document, segment_document(document))
        pane = session.panes[0]
        assert {str(pane.statements[i].start): t.kind
                for i, t in session.tags_for(0).items()} == shown


def test_sigkill_while_pressing_as_fast_as_possible(tmp_path) -> None:
    document = tmp_path / "long.txt"
    document.write_text(" ".join(f"Statement number {i} says something." for i in range(3000)))
    db = tmp_path / "lib.sqlite3"
    with child_session(db, document, "loop") as child:
        child.stdout.readline()
        for _ in range(40):
            shown = json.loads(child.stdout.readline())
        kill(child)  # while it keeps pressing: the action in flight may or may not be in
    stored = tags_in(db)
    assert len(shown) == 40
    assert set(shown.items()) <= set(stored.items())  # everything reported is stored
    assert len(stored) - len(shown) < 200  # and at most the presses made since (reads lag)
