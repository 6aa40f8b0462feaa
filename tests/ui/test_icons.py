"""Before the icon font loads, an icon-only tool bar shows blanks of icon size, not each
action's text (which made the bar overflow, then jump when the icons came)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar

from reader.ui.icons import apply_icons, set_icon


def test_tool_bar_keeps_icon_size_until_the_icons_come(qtbot) -> None:
    app = QCoreApplication.instance()
    ready = app.property("readerIconsReady")
    app.setProperty("readerIconsReady", False)
    try:
        bar = QToolBar()
        qtbot.addWidget(bar)
        bar.setIconSize(QSize(18, 18))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        action = QAction("Tag as opinion (again: remove)", bar)
        set_icon(action, "mdi6.circle")
        bar.addAction(action)
        assert not action.icon().isNull()
        button = bar.widgetForAction(action)
        assert button.sizeHint().width() < 40          # an icon's width, not the text's
        blank = action.icon().cacheKey()
        apply_icons(bar)
        assert action.icon().cacheKey() != blank        # the real icon replaced the blank
    finally:
        app.setProperty("readerIconsReady", ready)
