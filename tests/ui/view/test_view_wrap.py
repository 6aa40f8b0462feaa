"""Lines wrap at the visible width: the side margins that keep a comfortable measure change
the viewport inside a resize, and Qt then reports the nested resize with equal old and new
widths, so the text stayed wrapped for the wider viewport and ran off the right edge."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from reader.ui.view import DocumentView
from tests.ui.view.layout_support import widest_line

TEXT = " ".join(["Elon Musk, the CEO of Tesla and SpaceX, has never shied away from speaking "
                 "his mind when it comes to artificial intelligence."] * 8)


@pytest.mark.parametrize("width", [700, 1000, 1400])
def test_text_wraps_inside_the_viewport(qtbot, width) -> None:
    view = DocumentView()
    qtbot.addWidget(view)
    view.set_document(TEXT, [SimpleNamespace(start=0, end=len(TEXT), text=TEXT)])
    view.resize(width, 500)
    view.show()
    qtbot.waitExposed(view)
    assert widest_line(view) <= view.viewport().width()
    view.resize(width - 150, 500)      # a side panel opens
    qtbot.wait(10)
    assert widest_line(view) <= view.viewport().width()


def test_side_margins_are_page_coloured(qtbot) -> None:
    from PySide6.QtGui import QPalette

    view = DocumentView()
    qtbot.addWidget(view)
    view.set_document(TEXT, [SimpleNamespace(start=0, end=len(TEXT), text=TEXT)])
    view.resize(1400, 300)
    view.show()
    qtbot.waitExposed(view)
    assert view.viewport().geometry().right() < view.width() - 50    # a right margin
    image = view.grab().toImage()
    page = view.palette().color(QPalette.ColorRole.Base).name()
    assert image.pixelColor(view.width() - 5, 150).name() == page   # not a grey stripe
