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


def test_icon_warm_up_gives_the_event_loop_a_turn_between_steps(qtbot) -> None:
    """Loading qtawesome in one go held the window for 0.2 s; the warm-up does it in many
    short steps with other events handled between them, and ends with qtawesome loaded."""
    import sys
    from itertools import pairwise

    from PySide6.QtCore import QTimer

    from reader.ui.icons import WARM_MODULES, IconWarmUp

    turns = [0]
    other = QTimer()
    other.setInterval(0)
    other.timeout.connect(lambda: turns.__setitem__(0, turns[0] + 1))
    other.start()
    warm_up = IconWarmUp()
    seen: list[int] = []

    def watched(steps):
        for _ in steps:
            seen.append(turns[0])
            yield

    warm_up._steps = watched(warm_up._steps)
    with qtbot.waitSignal(warm_up.finished, timeout=20_000):
        warm_up.start()
    other.stop()
    assert len(seen) > len(WARM_MODULES) + 1           # finer than a module per step
    assert all(later > earlier for earlier, later in pairwise(seen))
    assert "qtawesome" in sys.modules
