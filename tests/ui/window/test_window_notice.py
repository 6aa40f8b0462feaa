"""A web page whose extracted article looks too short: a banner in its pane, and one click
opens the whole page's text in its place."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.core.loaders.short_pages import DISCUSSION, LEAD, comment_heavy_page
from tests.ui.window.window_helpers import COUNCIL_A, open_window, wait_idle, write


def test_short_extraction_banner_opens_the_whole_page(qtbot, tmp_path) -> None:
    page = write(tmp_path / "story.html", comment_heavy_page())
    other = write(tmp_path / "council.txt", COUNCIL_A)
    window = open_window(qtbot, tmp_path, [page, other])
    pane = window.panes[0]
    assert pane.notice.isVisible()
    assert pane.notice.label.text().startswith("Only 9 words were found as the article")
    assert pane.notice.button.text() == "Show whole page"
    assert not window.panes[1].notice.isVisible()
    assert LEAD in pane.view.toPlainText() and DISCUSSION[0] not in pane.view.toPlainText()

    qtbot.mouseClick(pane.notice.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.panes) == 2 and window.documents.documents_shown()
                    and DISCUSSION[0] in window.panes[0].view.toPlainText(), timeout=15000)
    wait_idle(qtbot, window)
    whole = window.panes[0]
    assert all(text in whole.view.toPlainText() for text in [LEAD, *DISCUSSION])
    assert not whole.notice.isVisible()
    assert window.panes[1].view.toPlainText() == window.session.panes[1].document.text
