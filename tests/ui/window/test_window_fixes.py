"""Panel and status fixes: a panel asked for comes to the front, titles shorten with "…",
the Suggestions panel lists what it would accept, messages never cover the key hints."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.ui.view import ElidedLabel
from reader.ui.panels import SuggestionsPanel
from tests.ui.window.window_helpers import focus_first_pane, open_window, press, wait_idle


def test_a_panel_asked_for_is_in_front(qtbot, tmp_path, seeds) -> None:
    window = open_window(qtbot, tmp_path, seeds)
    related, tags = window.docks["related"], window.docks["tags"]
    related.toggleViewAction().trigger()
    qtbot.waitUntil(related.isVisible)
    press(qtbot, window, "Ctrl+Shift+T")
    qtbot.waitUntil(lambda: tags.widget() is not None and not tags.visibleRegion().isEmpty())
    assert related.visibleRegion().isEmpty()  # Related is the tab behind now
    wait_idle(qtbot, window)


def test_a_narrow_title_ends_in_an_ellipsis(qtbot) -> None:
    label = ElidedLabel("000_e66fe55ed26b97b5 and a long rest of the title")
    qtbot.addWidget(label)
    label.resize(label.fontMetrics().horizontalAdvance("000_e66fe55ed") + 4, 20)
    shown = label.shown_text()
    assert shown.endswith("…") and "000_e66fe55ed26b97b5".startswith(shown[:-1])
    label.resize(2000, 20)
    assert label.shown_text() == label.text()


def test_pane_titles_shorten_when_a_panel_opens(qtbot, tmp_path, seeds) -> None:
    window = open_window(qtbot, tmp_path, seeds, size=(900, 700))
    window.docks["tags"].toggleViewAction().trigger()
    qtbot.waitUntil(lambda: window.docks["tags"].widget() is not None)
    title = window.panes[0].title_label
    shown = title.shown_text()
    assert shown == title.text() or (shown.endswith("…") and len(shown) > 4)
    assert isinstance(window.panes[0].stats_label, ElidedLabel)
    wait_idle(qtbot, window)


def test_suggestions_panel_lists_the_open_suggestions(qtbot, tmp_path, seeds) -> None:
    from reader.core.suggest import suggest_statements

    window = open_window(qtbot, tmp_path, seeds[:1])
    focus_first_pane(qtbot, window)
    panel = SuggestionsPanel(window.bridge, threshold=50)
    qtbot.addWidget(panel)
    panel.show()
    pane = window.session.panes[0]
    pane.suggestions = suggest_statements(pane.statements, pane.document.text)
    window.bridge.suggestionsChanged.emit(0)
    rows = panel.table.rowCount()
    open_count = sum(1 for s in pane.suggestions if s is not None and s.kind)
    assert rows == open_count > 0
    sure = [panel.table.item(r, 1).text() for r in range(rows)]
    assert sure == sorted(sure, key=lambda t: -int(t.rstrip("%")))  # surest first
    with qtbot.waitSignal(panel.jumpRequested) as jumped:
        panel.table.cellClicked.emit(rows - 1, 2)
    statement = jumped.args[1]
    assert panel.table.item(rows - 1, 0).data(Qt.ItemDataRole.UserRole) == statement
    wait_idle(qtbot, window)


def test_a_message_takes_the_place_of_the_key_hints(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path)
    window.statusBar().showMessage("Opened a.txt: 3 statements")
    assert window.key_hints.isHidden()
    window.statusBar().clearMessage()
    assert not window.key_hints.isHidden()
