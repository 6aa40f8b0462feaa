"""A big document in the window: its statements, suggestions and positions stay compact
(arrays sharing the document's one text), also when they come from the helper process,
and the tag keys still store each tag before it shows."""

from __future__ import annotations

from reader.core.suggest import SuggestionList
from reader.core.text import StatementList
from reader.ui.jobs import BIG_FILE_BYTES
from tests.ui.window.window_helpers import (focus_first_pane, open_window, press, tags_in_store,
                                           wait_idle, write)

STATEMENTS = 24_000


def _big_text() -> str:
    sentences = [f"Fact {i} holds." for i in range(STATEMENTS)]
    return "\n\n".join(" ".join(sentences[i:i + 5]) for i in range(0, STATEMENTS, 5))


def test_a_big_document_is_held_as_arrays_over_its_one_text(qtbot, tmp_path):
    path = write(tmp_path / "big.txt", _big_text())
    assert path.stat().st_size > BIG_FILE_BYTES   # loaded in the helper process
    window = open_window(qtbot, tmp_path, [path])
    wait_idle(qtbot, window, timeout=60000)
    pane = window.session.panes[0]
    statements = pane.statements
    assert isinstance(statements, StatementList) and len(statements) == STATEMENTS
    # one text: the statements' copy that came back from the helper is not kept
    assert statements.text is pane.document.text
    assert statements[123].text == "Fact 123 holds."
    view = window.panes[0].view
    assert view.starts is statements.starts and view.ends is statements.ends
    assert view.document_text() is pane.document.text
    qtbot.waitUntil(lambda: pane.suggestions is not None, timeout=60000)
    assert isinstance(pane.suggestions, SuggestionList) and len(pane.suggestions) == STATEMENTS
    assert view.marks.suggestions is pane.suggestions

    focus_first_pane(qtbot, window)
    press(qtbot, window, "j")
    press(qtbot, window, "c")
    stored = tags_in_store(tmp_path / "library.sqlite3")
    first = statements[1]
    assert [(d, s, k) for d, s, k, _note in stored] == [(pane.document_id, first.start,
                                                         "claim")]
    assert view.marks.tags[1].kind == "claim"
