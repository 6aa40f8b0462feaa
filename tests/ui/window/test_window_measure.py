"""With one document open the pane is wide and the text keeps a comfortable measure: every
line must fit the viewport (they were laid out for the full width and cut mid-word)."""

from __future__ import annotations

import pytest

from tests.ui.view.layout_support import widest_line
from tests.ui.window.window_helpers import open_window, wait_idle


@pytest.mark.parametrize("width", [900, 1400, 1900])
def test_one_document_lines_fit_the_viewport(qtbot, tmp_path, seeds, width) -> None:
    window = open_window(qtbot, tmp_path, seeds[:1], size=(width, 900))
    view = window.panes[0].view
    qtbot.waitUntil(lambda: widest_line(view) > 0)
    assert widest_line(view) <= view.viewport().width()
    window.zoom(1)
    qtbot.wait(20)
    assert widest_line(view) <= view.viewport().width()
    wait_idle(qtbot, window)
