"""Every keyboard action on a session without a window, the keymap, links, suggestions."""

from __future__ import annotations

import pytest

from reader.core import session as s
from reader.core.session import ACTION_TITLES, WINDOW_ACTIONS, normalize_key
from reader.core.session import (
    ACTIONS,
    DEFAULT_KEYMAP,
    CurrentChanged,
    FocusChanged,
    LinksChanged,
    ReadingSession,
    keymap_from_settings,
)
from reader.core.suggest import Suggestion
from tests.core.session.session_helpers import SENTENCES, TEXT, open_session, statements_of, write_document


@pytest.fixture
def two_panes(tmp_path):
    """A session with two documents open (the second a copy at another path: new text)."""
    db = tmp_path / "lib.sqlite3"
    session, events, store = open_session(db)
    session.open_document(write_document(tmp_path, "a.txt"), statements_of(TEXT))
    other = TEXT.replace("Tuesday", "Monday")
    session.open_document(write_document(tmp_path, "b.txt", other),
                          statements_of(other, [x.replace("Tuesday", "Monday") for x in SENTENCES]))
    events.clear()
    yield session, events, store
    store.close()


def run(session: ReadingSession, *names: str) -> None:
    for name in names:
        ACTIONS[name](session)


# (actions pressed from the first statement, expected current, expected selection)
MOVES = [
    ((), 0, [0]),
    (("next_statement",), 1, [1]),
    (("next_statement", "next_statement", "previous_statement"), 1, [1]),
    (("previous_statement",), 0, [0]),  # stays at the top
    (("last_statement",), 5, [5]),
    (("last_statement", "next_statement"), 5, [5]),  # stays at the bottom
    (("last_statement", "first_statement"), 0, [0]),
    (("extend_down", "extend_down"), 2, [0, 1, 2]),
    (("last_statement", "extend_up", "extend_up"), 3, [3, 4, 5]),
    (("extend_down", "extend_down", "extend_up"), 1, [0, 1]),
    (("extend_down", "next_statement"), 2, [2]),  # a plain move drops the selection
]


@pytest.mark.parametrize("names, current, selection", MOVES)
def test_moving(two_panes, names, current, selection) -> None:
    session, _, _ = two_panes
    run(session, *names)
    assert session.panes[0].current == current
    assert session.selection() == selection


def test_moves_emit_current_changed_with_the_selection(two_panes) -> None:
    session, events, _ = two_panes
    run(session, "extend_down")
    assert events == [CurrentChanged(0, 1, (0, 1))]


def test_untagged_navigation_skips_tagged_statements(two_panes) -> None:
    session, _, _ = two_panes
    run(session, "tag_claim", "tag_claim", "next_statement", "tag_claim", "first_statement")
    # tagged: 0, 1, 3
    run(session, "next_untagged")
    assert session.panes[0].current == 2
    run(session, "next_untagged")
    assert session.panes[0].current == 4
    run(session, "previous_untagged")
    assert session.panes[0].current == 2
    run(session, "previous_untagged")  # none before: stays
    assert session.panes[0].current == 2
    run(session, "last_statement", "tag_claim", "next_untagged")  # none after: stays
    assert session.panes[0].current == 5


def test_tab_cycles_focus_and_actions_follow_it(two_panes) -> None:
    session, events, _ = two_panes
    run(session, "next_pane")
    assert session.focused == 1 and events == [FocusChanged(1)]
    run(session, "tag_opinion")
    assert session.tags_for(1) and not session.tags_for(0)
    assert session.panes[1].current == 1 and session.panes[0].current == 0
    run(session, "next_pane")
    assert session.focused == 0
    run(session, "previous_pane")
    assert session.focused == 1


def test_click_sets_focus_and_current(two_panes) -> None:
    session, events, _ = two_panes
    s.set_current(session, 1, 4)
    assert (session.focused, session.panes[1].current) == (1, 4)
    assert events == [FocusChanged(1), CurrentChanged(1, 4, (4,))]


def test_actions_on_an_empty_session_do_nothing() -> None:
    session = ReadingSession(None, author="ann")
    for name in ACTIONS:
        ACTIONS[name](session)
    assert session.panes == [] and not session.can_undo()


def test_link_unlink_and_undo(two_panes) -> None:
    session, events, store = two_panes
    a, b = (p.document_id for p in session.panes)
    run(session, "next_statement")
    s.set_current(session, 1, 2)
    s.set_current(session, 0, 1)
    events.clear()
    run(session, "link_current")
    [link] = store.tag_table.manual_links()
    assert (link.left_document_id, link.right_document_id, link.action) == (a, b, "link")
    assert (link.left_start, link.right_start) == (session.panes[0].statements[1].start,
                                                   session.panes[1].statements[2].start)
    assert events == [LinksChanged((0, 1))] and session.manual_links() == [link]
    run(session, "link_current")  # already linked: nothing more
    assert len(store.tag_table.manual_links()) == 1
    run(session, "unlink_current")  # removes the pinned link
    assert store.tag_table.manual_links() == []
    run(session, "unlink_current")  # now records that they are unrelated
    assert [x.action for x in store.tag_table.manual_links()] == ["reject"]
    run(session, "link_current")  # a link replaces the rejection
    assert [x.action for x in store.tag_table.manual_links()] == ["link"]
    run(session, "undo")
    assert [x.action for x in store.tag_table.manual_links()] == ["reject"]
    run(session, "undo", "undo")
    assert [x.id for x in store.tag_table.manual_links()] == [link.id]  # the very same link back
    run(session, "redo")
    assert store.tag_table.manual_links() == []


def test_link_from_the_last_pane_goes_to_the_previous_one(two_panes) -> None:
    session, _, store = two_panes
    run(session, "next_pane", "link_current")
    [link] = store.tag_table.manual_links()
    assert link.left_document_id == session.panes[0].document_id


def test_link_statements_links_any_two_statements_of_two_panes(two_panes) -> None:
    """What `l` runs in the window: the outlined candidate, wherever the other pane's current
    statement is; from the right pane too, stored left to right."""
    session, events, store = two_panes
    a, b = (p.document_id for p in session.panes)
    left, right = session.panes
    assert s.link_statements(session, 1, 2, 0, 1)        # from the right pane
    [link] = store.tag_table.manual_links()
    assert (link.left_document_id, link.right_document_id, link.action) == (a, b, "link")
    assert (link.left_start, link.right_start) == (left.statements[1].start,
                                                   right.statements[2].start)
    assert (left.current, right.current) == (0, 0)         # nobody moved
    assert not s.link_statements(session, 0, 1, 1, 2)     # already linked
    assert s.unlink_statements(session, 0, 1, 1, 2)       # unlinked, then rejected
    assert s.unlink_statements(session, 0, 1, 1, 2)
    assert [x.action for x in store.tag_table.manual_links()] == ["reject"]
    assert not s.unlink_statements(session, 0, 1, 1, 2)
    assert not s.link_statements(session, 0, 99, 1, 2)    # no such statement
    assert not s.link_statements(session, 0, 1, 0, 2)     # the same pane
    run(session, "undo", "undo", "undo")
    assert store.tag_table.manual_links() == []


def test_link_needs_two_panes(tmp_path) -> None:
    session, _, store = open_session(tmp_path / "lib.sqlite3")
    session.open_document(write_document(tmp_path, "a.txt"), statements_of(TEXT))
    run(session, "link_current", "unlink_current")
    assert store.tag_table.manual_links() == [] and not session.can_undo()
    store.close()


def test_accept_suggestion_and_accept_above(two_panes) -> None:
    session, _, store = two_panes
    pane = session.panes[0]
    pane.suggestions = [Suggestion("claim", 0.9, ()), Suggestion(None, 0.0, ("heading",)),
                        Suggestion("opinion", 0.4, ()), Suggestion("quotation", 0.8, ()),
                        Suggestion("claim", 0.95, ()), None]
    run(session, "accept_suggestion")
    assert {i: t.kind for i, t in session.tags_for(0).items()} == {0: "claim"}
    assert pane.current == 1
    run(session, "accept_suggestion")  # no suggestion here: moves on, tags nothing
    assert pane.current == 2 and len(session.tags_for(0)) == 1
    run(session, "first_statement", "tag_opinion")  # the user's own choice on statement 0
    assert s.accept_suggestions_above(session, 0, 0.7) == 2  # 3 and 4; 0 is tagged already
    assert {i: t.kind for i, t in session.tags_for(0).items()} == {
        0: "opinion", 3: "quotation", 4: "claim"}
    run(session, "undo")  # one step
    assert {i: t.kind for i, t in session.tags_for(0).items()} == {0: "opinion"}
    assert len(store.tag_table.tags()) == 1


def test_default_keymap_names_real_actions() -> None:
    for key, name in DEFAULT_KEYMAP.items():
        assert name in ACTIONS or name in WINDOW_ACTIONS, key
        assert name in ACTION_TITLES
        assert normalize_key(key) == key
    assert DEFAULT_KEYMAP["C"] == DEFAULT_KEYMAP["2"] == "tag_claim"
    assert DEFAULT_KEYMAP["Ctrl+Shift+Z"] == DEFAULT_KEYMAP["Ctrl+Y"] == "redo"
    assert set(ACTIONS) | set(WINDOW_ACTIONS) == set(ACTION_TITLES)


@pytest.mark.parametrize("overrides, present, absent", [
    ({"x": "tag_claim"}, {"X": "tag_claim", "C": "tag_claim"}, []),
    ({"tag_claim": "x, ctrl+k"}, {"X": "tag_claim", "Ctrl+K": "tag_claim"}, ["C", "2"]),
    ({"tag_claim": ""}, {}, ["C", "2"]),
    ({"C": ""}, {"2": "tag_claim"}, ["C"]),
    ({"F5": "no_such_action"}, {"C": "tag_claim"}, ["F5"]),
])
def test_keymap_from_settings(overrides, present, absent) -> None:
    keymap = keymap_from_settings(overrides)
    for key, name in present.items():
        assert keymap[key] == name
    for key in absent:
        assert key not in keymap
    assert DEFAULT_KEYMAP["C"] == "tag_claim"  # the default is not changed


@pytest.mark.parametrize("text, expected", [
    ("j", "J"), ("shift+j", "Shift+J"), ("Shift+Ctrl+z", "Ctrl+Shift+Z"), ("ctrl++", "Ctrl++"),
    ("backspace", "Backspace"), ("?", "?"), ("Shift+Tab", "Shift+Tab"),
])
def test_normalize_key(text, expected) -> None:
    assert normalize_key(text) == expected
