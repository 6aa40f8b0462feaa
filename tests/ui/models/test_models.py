"""Qt item models over core collections: qtmodeltester, and row signals that follow the session."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.core.session import ACTIONS, accept_suggestions_above, set_current
from reader.core.store import Store
from reader.ui.models import OrphansModel
from reader.ui.models import LinkedRole, RelatedModel, ScoreRole, StatementRole
from reader.ui.models import RESET_THRESHOLD, KindRole, PaneRole, TagsModel, pane_rows
from reader.core.text import document_from_text
from tests.ui.panels.panels_support import (align_open_panes, make_bridge, make_orphan, open_document,
                                     open_paths)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "lib.sqlite3") as db:
        yield db


@pytest.fixture
def bridge(store, seeds):
    """A session on the two seeds."""
    bridge = make_bridge(store)
    open_paths(bridge, seeds)
    return bridge


def _tag(bridge, pane, statement, action):
    set_current(bridge.session, pane, statement)
    ACTIONS[action](bridge.session)


def _keys(model):
    return [(model.index(r, 0).data(PaneRole), model.index(r, 0).data(StatementRole),
             model.index(r, 0).data(KindRole)) for r in range(model.rowCount())]


def test_tags_model_follows_tagging_with_row_signals(qtbot, qtmodeltester, bridge):
    model = TagsModel(bridge)
    qtmodeltester.check(model)  # the tester keeps checking every later change
    assert model.rowCount() == 0
    with qtbot.waitSignal(model.rowsInserted):
        _tag(bridge, 1, 3, "tag_claim")
    _tag(bridge, 0, 5, "tag_opinion")
    _tag(bridge, 0, 2, "tag_quotation")
    assert _keys(model) == [(0, 2, "quotation"), (0, 5, "opinion"), (1, 3, "claim")]
    assert model.index(0, 1).data() == bridge.session.panes[0].document.display_name
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == \
        bridge.session.panes[0].statements[2].text
    with qtbot.waitSignal(model.dataChanged):
        _tag(bridge, 0, 5, "tag_claim")  # another kind on a tagged statement: same row
    assert _keys(model)[1] == (0, 5, "claim")
    with qtbot.waitSignal(model.rowsRemoved):
        _tag(bridge, 0, 2, "tag_quotation")  # the same kind again removes it
    assert _keys(model) == [(0, 5, "claim"), (1, 3, "claim")]
    with qtbot.waitSignal(model.rowsInserted):
        ACTIONS["undo"](bridge.session)
    assert len(_keys(model)) == 3
    with qtbot.waitSignal(model.dataChanged):
        model.palette_changed()
    assert not model.index(0, 0).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert model.counts() == {(bridge.session.panes[0].document.display_name, "claim"): 1,
                              (bridge.session.panes[0].document.display_name, "quotation"): 1,
                              (bridge.session.panes[1].document.display_name, "claim"): 1}


def test_tags_model_full_pane_refresh_matches_the_session(qtbot, qtmodeltester, bridge):
    model = TagsModel(bridge)
    qtmodeltester.check(model)
    _tag(bridge, 0, 3, "tag_claim")
    _tag(bridge, 0, 8, "tag_opinion")
    bridge.session.author = "someone else"  # changes which tag is shown, pane-wide
    model.refresh_pane(0)
    assert model.rows() == pane_rows(bridge.session, 0) + pane_rows(bridge.session, 1)
    assert model.authors() == sorted({r.author for r in model.rows()})


def test_tags_model_multi_select_and_pane_moves(qtbot, qtmodeltester, bridge):
    model = TagsModel(bridge)
    qtmodeltester.check(model)
    set_current(bridge.session, 0, 1)
    for _ in range(3):
        ACTIONS["extend_down"](bridge.session)
    ACTIONS["tag_claim"](bridge.session)
    assert [k[1] for k in _keys(model)] == [1, 2, 3, 4]
    with qtbot.waitSignal(model.modelReset):
        bridge.session.move_pane(0, 1)
    assert {k[0] for k in _keys(model)} == {1}
    with qtbot.waitSignal(model.modelReset):
        bridge.session.close_pane(1)
    assert model.rowCount() == 0


def test_tags_model_many_changes_reset(qtbot, qtmodeltester, bridge):
    from reader.core.suggest import suggest_statements

    sentences = " ".join(f"The council said on day {i} that it spent {i} dollars."
                         for i in range(RESET_THRESHOLD + 20))
    pane_index = open_document(bridge, document_from_text(sentences, title="Long"))
    model = TagsModel(bridge)
    qtmodeltester.check(model)
    pane = bridge.session.panes[pane_index]
    pane.suggestions = suggest_statements(pane.statements, pane.document.text)
    with qtbot.waitSignal(model.modelReset):
        count = accept_suggestions_above(bridge.session, pane_index, 0.0)
    assert count > RESET_THRESHOLD and model.rowCount() == count


def test_orphans_model(qtbot, qtmodeltester, store, tmp_path):
    bridge = make_bridge(store)
    model = OrphansModel(bridge)
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    make_orphan(bridge, tmp_path)
    assert model.rowCount() == 1
    assert model.index(0, 2).data().startswith("The council voted")
    assert model.index(0, 0).data() == "changing"
    assert model.index(0, 1).data() == "Claim"
    assert model.tag_id(0) == bridge.session.orphans()[0][1].id


def test_related_model_lists_candidates_per_other_pane(qtbot, qtmodeltester, bridge):
    model = RelatedModel(bridge)
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == \
        [bridge.session.panes[1].document.display_name]
    assert model.rowCount(model.index(0, 0)) == 0  # not aligned yet
    with qtbot.waitSignal(model.modelReset):
        align_open_panes(bridge)
    alignment = bridge.alignment(bridge.session.panes[0].document.sha256,
                                 bridge.session.panes[1].document.sha256)
    pair = alignment.pairs[0]
    with qtbot.waitSignal(model.modelReset):
        set_current(bridge.session, 0, pair.left_statement)
    group = model.index(0, 0)
    rows = [(model.index(r, 0, group).data(StatementRole),
             model.index(r, 0, group).data(LinkedRole),
             model.index(r, 0, group).data(ScoreRole)) for r in range(model.rowCount(group))]
    assert rows[0][:2] == (pair.right_statement, True)
    assert model.index(0, 0, group).data(Qt.ItemDataRole.DecorationRole) is not None
    assert all(not linked for _s, linked, _score in rows[1:])
    assert len({s for s, _l, _c in rows}) == len(rows)  # no candidate twice
    others = [score for _s, linked, score in rows if not linked]
    assert others == sorted(others, reverse=True)
    assert model.index(0, 1, group).data().endswith("%")


def test_related_model_from_the_right_pane(qtbot, qtmodeltester, bridge):
    model = RelatedModel(bridge)
    qtmodeltester.check(model)
    align_open_panes(bridge)
    alignment = bridge.alignment(bridge.session.panes[0].document.sha256,
                                 bridge.session.panes[1].document.sha256)
    pair = alignment.pairs[0]
    bridge.session.focus(1)
    set_current(bridge.session, 1, pair.right_statement)
    group = model.index(0, 0)
    assert group.data(PaneRole) == 0
    assert model.index(0, 0, group).data(StatementRole) == pair.left_statement


def test_a_statement_two_coders_tagged_names_both_and_filters_by_either(qtbot, bridge):
    from reader.ui.models import AuthorRole
    from reader.ui.panels._tag_filter import TagFilterProxy

    model = TagsModel(bridge)
    bridge.session.author = "ann"
    _tag(bridge, 0, 3, "tag_claim")
    bridge.session.author = "bob"
    _tag(bridge, 0, 3, "tag_opinion")
    bridge.session.author = "ann"
    model.refresh_pane(0)
    row = next(r for r, key in enumerate(_keys(model)) if key[:2] == (0, 3))
    assert model.index(row, 0).data() == "Claim + Opinion"
    assert model.index(row, 4).data() == "ann, bob"        # not "ann" alone
    assert model.index(row, 0).data(AuthorRole) == ("ann", "bob")
    assert model.authors() == ["ann", "bob"]
    proxy = TagFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_author("bob")
    assert proxy.rowCount() == 1
    proxy.set_author("cy")
    assert proxy.rowCount() == 0
