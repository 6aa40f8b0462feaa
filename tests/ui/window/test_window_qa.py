"""Fixes found by using the window as a reader would: bad files named once, an empty file
refused with one clear line."""

from __future__ import annotations

from tests.ui.window.window_helpers import open_window, wait_idle, write


def test_a_bad_file_is_named_once_by_its_full_path(qtbot, tmp_path, seeds) -> None:
    bad = tmp_path / "data.txt"
    bad.write_bytes(b"\x00\x01\x02\xff" * 500)
    window = open_window(qtbot, tmp_path, seeds)
    window.documents.open_paths([bad])
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=10000)
    text = window.banner.text.text()
    assert f"{bad}: looks like a binary file" in text
    assert "data.txt: data.txt" not in text and text.count("data.txt") == 1
    wait_idle(qtbot, window)


def test_an_empty_file_gives_one_clear_line_and_no_pane(qtbot, tmp_path, seeds) -> None:
    empty = write(tmp_path / "empty.txt", " \n\n ")
    window = open_window(qtbot, tmp_path, seeds)
    window.documents.open_paths([empty])
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=10000)
    assert f"{empty}: the document has no text" in window.banner.text.text()
    assert len(window.panes) == 2
    window.run_action("tag_claim")   # the other panes keep working
    assert window.session.tags_for(0)[0].kind == "claim"
    wait_idle(qtbot, window)


def test_pane_counts_shorten_by_words_not_mid_word(qtbot, tmp_path, seeds) -> None:
    window = open_window(qtbot, tmp_path, seeds, size=(1472, 900))
    window.run_action("tag_claim")
    window.docks["tags"].toggleViewAction().trigger()     # a side panel narrows the panes
    qtbot.waitUntil(lambda: window.docks["tags"].widget() is not None)
    qtbot.wait(50)
    window.grab().save(str(tmp_path / "header.png"))
    first = window.panes[0]
    stats = first.stats_label
    assert stats.shown_text() in (stats.text(), *stats.shorter)   # a whole wording
    assert "tagged" in stats.shown_text()
    assert first.title_label.shown_text() == "000_e66fe55ed26b97b5"   # short title: whole
    window.resize(700, 900)
    qtbot.wait(50)
    assert not stats.shown_text().endswith("…")
    assert stats.toolTip() == stats.text()
    for pane in window.panes:   # very narrow: the counts step aside for the title
        title = pane.title_label
        assert (title.shown_text() == title.text() or len(title.shown_text()) >= 8
                or pane.stats_label.shown_text() == "")
    wait_idle(qtbot, window)


def test_keys_that_can_do_nothing_say_why_and_undo_says_what(qtbot, tmp_path, seeds) -> None:
    from tests.ui.window.window_helpers import focus_first_pane, press

    window = open_window(qtbot, tmp_path, seeds[:1])
    focus_first_pane(qtbot, window)
    bar = window.statusBar()
    press(qtbot, window, "Ctrl+Z")
    assert bar.currentMessage() == "Nothing to undo"
    press(qtbot, window, "L")
    assert "second document" in bar.currentMessage()
    press(qtbot, window, "D")
    assert "Coders panel" in bar.currentMessage()
    press(qtbot, window, "C")
    press(qtbot, window, "Ctrl+Z")
    assert bar.currentMessage() == "Undone: tag claim"
    assert not window.session.tags_for(0)
    press(qtbot, window, "Ctrl+Shift+Z")
    assert bar.currentMessage() == "Redone: tag claim"
    assert window.session.tags_for(0)[0].kind == "claim"
    press(qtbot, window, "Ctrl+Shift+Z")
    assert bar.currentMessage() == "Nothing to redo"
    wait_idle(qtbot, window)
