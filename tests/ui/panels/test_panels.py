"""Tags, Related and Suggestions panels on a real session over the seeds."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.core.session import ACTIONS, set_current
from reader.core.store import Store
from reader.ui.panels import RelatedPanel
from reader.ui.panels import SuggestionsPanel, count_above, make_accept_action
from reader.ui.panels import TagsPanel
from reader.ui.panels._tags import counts_html
from tests.ui.panels.panels_support import align_open_panes, make_bridge, make_orphan, open_paths


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "lib.sqlite3") as db:
        yield db


@pytest.fixture
def bridge(store, seeds):
    bridge = make_bridge(store, author="ada")
    open_paths(bridge, seeds)
    return bridge


def _tag(bridge, pane, statement, action):
    set_current(bridge.session, pane, statement)
    ACTIONS[action](bridge.session)


@pytest.fixture
def tagged(bridge):
    """Four tags: two panes, three kinds, two authors."""
    _tag(bridge, 0, 1, "tag_claim")
    _tag(bridge, 0, 4, "tag_opinion")
    _tag(bridge, 1, 2, "tag_claim")
    bridge.session.author = "bo"
    _tag(bridge, 1, 6, "tag_quotation")
    return bridge


def _visible(panel: TagsPanel) -> list[tuple[str, str]]:
    proxy = panel.proxy
    return [(proxy.index(r, 0).data(), proxy.index(r, 4).data()) for r in range(proxy.rowCount())]


def _choose(combo, data):
    combo.setCurrentIndex(combo.findData(data))


@pytest.mark.parametrize("apply, expected", [
    (lambda p: None, 4),
    (lambda p: _choose(p.kind_combo, "claim"), 2),
    (lambda p: _choose(p.author_combo, "bo"), 1),
    (lambda p: _choose(p.document_combo, p.document_combo.itemData(1)), 2),
    (lambda p: (_choose(p.kind_combo, "claim"), _choose(p.author_combo, "ada")), 2),
    (lambda p: p.search_edit.setText("ZZZ no such words"), 0),
])
def test_tags_panel_filters(qtbot, tagged, apply, expected):
    panel = TagsPanel(tagged)
    qtbot.addWidget(panel)
    apply(panel)
    assert len(_visible(panel)) == expected


def test_tags_panel_text_search_matches_statement_words(qtbot, tagged):
    panel = TagsPanel(tagged)
    qtbot.addWidget(panel)
    words = tagged.session.panes[1].statements[6].text.split()[:2]
    panel.search_edit.setText(" ".join(w.upper() for w in words))
    assert ("Quotation", "bo") in _visible(panel)


def test_tags_panel_counts_per_kind_per_document(qtbot, tagged):
    panel = TagsPanel(tagged)
    qtbot.addWidget(panel)
    text = panel.counts_label.text()
    for pane in tagged.session.panes:
        assert pane.document.display_name in text
    assert panel.model.counts()[(tagged.session.panes[0].document.display_name, "claim")] == 1
    _tag(tagged, 0, 7, "tag_claim")
    assert panel.model.counts()[(tagged.session.panes[0].document.display_name, "claim")] == 2
    qtbot.waitUntil(lambda: "<td align='right'>2</td>" in panel.counts_label.text())


def test_tags_panel_selecting_a_row_jumps(qtbot, tagged):
    panel = TagsPanel(tagged)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.jumpRequested) as jump:
        panel.table.selectRow(2)
    assert jump.args == [1, 2]
    panel.table.setFocus()
    with qtbot.waitSignal(panel.jumpRequested) as jump:
        qtbot.keyClick(panel.table, Qt.Key.Key_Down)  # keyboard selection jumps too
    assert jump.args == [1, 6]


def test_tags_panel_filter_choices_follow_new_authors(qtbot, tagged):
    panel = TagsPanel(tagged)
    qtbot.addWidget(panel)
    _choose(panel.author_combo, "bo")
    tagged.session.author = "cy"
    _tag(tagged, 0, 9, "tag_claim")
    qtbot.waitUntil(lambda: panel.author_combo.findData("cy") > 0)
    assert panel.author_combo.currentData() == "bo"  # the chosen filter stays
    assert len(_visible(panel)) == 1


def test_orphans_reattach_and_delete(qtbot, store, tmp_path, monkeypatch):
    bridge = make_bridge(store)
    panel = TagsPanel(bridge)
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.orphans.isVisible()
    pane = make_orphan(bridge, tmp_path)
    section = panel.orphans
    assert section.isVisible() and section.model.rowCount() == 1
    assert "(1)" in section.title()
    set_current(bridge.session, pane, 1)
    qtbot.mouseClick(section.reattach_button, Qt.MouseButton.LeftButton)
    assert section.model.rowCount() == 0 and not section.isVisible()
    assert bridge.session.tags_for(pane)[1].kind == "claim"
    assert [r.statement for r in panel.model.rows()] == [1]
    ACTIONS["undo"](bridge.session)  # back to an orphan
    assert section.model.rowCount() == 1
    monkeypatch.setattr(type(section), "confirm_delete", lambda self: False)
    qtbot.mouseClick(section.delete_button, Qt.MouseButton.LeftButton)
    assert section.model.rowCount() == 1
    monkeypatch.setattr(type(section), "confirm_delete", lambda self: True)
    qtbot.mouseClick(section.delete_button, Qt.MouseButton.LeftButton)
    assert section.model.rowCount() == 0
    assert all(not t.orphaned for t in store.tag_table.tags())


def test_related_panel_jumps_by_click_and_enter(qtbot, bridge):
    panel = RelatedPanel(bridge)
    qtbot.addWidget(panel)
    panel.show()
    assert "alignment" in panel.empty_label.text()
    align_open_panes(bridge, pins=((1, 7),))
    set_current(bridge.session, 0, 1)
    assert panel.empty_label.isHidden()
    assert bridge.session.panes[0].statements[1].text[:20] in panel.heading.text()
    group = panel.model.index(0, 0)
    first = panel.model.index(0, 0, group)
    assert panel.tree.currentIndex() == first
    with qtbot.waitSignal(panel.jumpRequested) as jump:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert jump.args == [1, 7]
    second = panel.model.index(1, 0, group)
    rect = panel.tree.visualRect(second)
    with qtbot.waitSignal(panel.jumpRequested) as jump:
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert jump.args == [1, second.data(Qt.ItemDataRole.UserRole + 2)]
    with qtbot.assertNotEmitted(panel.jumpRequested):
        panel.tree.activated.emit(group)  # a document row is not a statement


def test_related_panel_with_one_document(qtbot, store, seeds):
    bridge = make_bridge(store)
    open_paths(bridge, seeds[:1])
    panel = RelatedPanel(bridge)
    qtbot.addWidget(panel)
    assert "Open another document" in panel.empty_label.text()
    assert panel.accessibleName() == "Related"


def test_suggestions_panel_accepts_above_threshold_in_one_undo_step(qtbot, bridge):
    from reader.core.suggest import suggest_statements

    panel = SuggestionsPanel(bridge, threshold=50)
    qtbot.addWidget(panel)
    panel.show()
    assert "being prepared" in panel.preview_label.text()
    assert not panel.accept_button.isEnabled()
    pane = bridge.session.panes[0]
    pane.suggestions = suggest_statements(pane.statements, pane.document.text)
    bridge.suggestionsChanged.emit(0)
    expected = count_above(bridge.session, 0, 0.5)
    assert expected > 0 and f"{expected} untagged" in panel.preview_label.text()
    with qtbot.waitSignal(panel.accepted) as accepted:
        qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert accepted.args == [0, expected]
    assert len(bridge.session.tags_for(0)) == expected
    assert not panel.accept_button.isEnabled()  # nothing left above the threshold
    ACTIONS["undo"](bridge.session)
    assert bridge.session.tags_for(0) == {}


def test_hidden_suggestions_panel_waits_and_catches_up_when_shown(qtbot, bridge):
    """Behind another tab the list is not rebuilt on every key; showing it brings it up to
    date."""
    from reader.core.suggest import suggest_statements

    panel = SuggestionsPanel(bridge, threshold=50)
    qtbot.addWidget(panel)
    pane = bridge.session.panes[0]
    pane.suggestions = suggest_statements(pane.statements, pane.document.text)
    bridge.suggestionsChanged.emit(0)
    assert "being prepared" in panel.preview_label.text()      # hidden: not rebuilt
    assert panel.table.rowCount() == 0
    panel.show()
    expected = count_above(bridge.session, 0, 0.5)
    assert f"{expected} untagged" in panel.preview_label.text()
    assert panel.table.rowCount() > 0


def test_accept_action_reports(qtbot, bridge):
    from PySide6.QtCore import QObject

    owner = QObject()
    messages = []
    action = make_accept_action(bridge, owner, messages.append)
    action.trigger()
    assert messages == ["Suggestions are not ready yet for this document."]
    bridge.session.panes[0].suggestions = [None] * len(bridge.session.panes[0].statements)
    action.trigger()
    assert messages[-1].startswith("No untagged suggestion at or above 80%")


def test_tags_panel_counts_own_kinds_and_notes_beside_the_built_in_ones():
    html = counts_html({("a.txt", "claim"): 2, ("a.txt", "misleading"): 3, ("b.txt", "note"): 1})
    assert "<th>misleading</th>" in html and "<th>Note</th>" in html
    assert html.index("<th>Quotation</th>") < html.index("<th>misleading</th>")
    row_a = html[html.index("<td>a.txt</td>"):html.index("</tr>", html.index("<td>a.txt</td>"))]
    assert row_a.count("<td align='right'>") == 5 and "<td align='right'>3</td>" in row_a
