"""The reading session on a real store: tagging, notes, undo/redo, persistence, authors."""

from __future__ import annotations

import getpass

import pytest

from reader.core import session as s
from reader.core.text import document_from_text
from reader.core.session import (
    CurrentChanged,
    PanesChanged,
    ReadingSession,
    TagsChanged,
)
from reader.core.store import Store, Tag
from tests.core.session.session_helpers import (
    SENTENCES,
    TEXT,
    open_session,
    statements_of,
    stored_tags,
    write_document,
)


@pytest.fixture
def setup(tmp_path):
    """A session with one document open; returns (session, events, store, db path)."""
    db = tmp_path / "lib.sqlite3"
    session, events, store = open_session(db)
    doc = write_document(tmp_path, "a.txt")
    session.open_document(doc, statements_of(TEXT))
    yield session, events, store, db
    store.close()


def kinds(session: ReadingSession, pane: int = 0) -> dict[int, str]:
    return {i: t.kind for i, t in session.tags_for(pane).items()}


def test_open_document_focuses_the_first_statement(setup) -> None:
    session, events, store, _ = setup
    pane = session.panes[0]
    assert (session.focused, pane.current, pane.anchor) == (0, 0, None)
    assert pane.document_id == store.document_by_sha(pane.document.sha256).id
    assert events.of(PanesChanged)
    assert store.document_text(pane.document_id) == TEXT


def test_tag_key_tags_saves_and_moves_on(setup) -> None:
    session, events, _, db = setup
    events.clear()
    s.tag_claim(session)
    assert kinds(session) == {0: "claim"}
    assert session.panes[0].current == 1
    # The store has it (through another connection) before the screen was told.
    [tag] = stored_tags(db)
    assert (tag.start, tag.end, tag.kind, tag.author) == (0, len(SENTENCES[0]), "claim", "ann")
    assert (tag.exact, tag.prefix, tag.suffix) == (SENTENCES[0], "", TEXT[len(SENTENCES[0]):][:32])
    assert events == [TagsChanged(0, (0,)), CurrentChanged(0, 1, (1,))]
    assert session.tags_for(0)[0].id == tag.id


def test_same_kind_again_removes_other_kind_changes(setup) -> None:
    session, _, _, db = setup
    s.tag_claim(session)
    s.previous_statement(session)
    first_id = session.tags_for(0)[0].id
    s.tag_opinion(session)  # another kind: same tag row, new kind
    assert kinds(session) == {0: "opinion"} and session.tags_for(0)[0].id == first_id
    s.previous_statement(session)
    s.tag_opinion(session)  # its own kind again: removed, and the cursor stays
    assert kinds(session) == {} and session.panes[0].current == 0
    assert stored_tags(db) == []


def test_selection_tags_each_statement_in_one_undo_step(setup) -> None:
    session, events, _, db = setup
    s.next_statement(session)
    s.extend_down(session)
    s.extend_down(session)
    assert session.selection() == [1, 2, 3]
    s.tag_quotation(session)
    assert kinds(session) == {1: "quotation", 2: "quotation", 3: "quotation"}
    assert session.panes[0].current == 4 and session.panes[0].anchor is None
    assert len(session.undo_stack) == 1
    rows = {t.id: t for t in stored_tags(db)}
    s.undo(session)
    assert kinds(session) == {} and stored_tags(db) == []
    s.redo(session)
    assert {t.id: t for t in stored_tags(db)} == rows  # the same rows, ids and times


def test_selection_upwards_and_toggle_of_a_uniform_selection(setup) -> None:
    session, _, _, _ = setup
    s.last_statement(session)
    s.extend_up(session)
    assert session.selection() == [4, 5]
    s.tag_claim(session)
    assert session.panes[0].current == 5  # nothing after the last statement
    s.extend_up(session)
    s.tag_claim(session)  # both already claims: removes both
    assert kinds(session) == {}
    s.extend_up(session)
    s.tag_claim(session)
    s.extend_up(session)
    s.extend_up(session)
    s.tag_claim(session)  # not all claims: tags the one that was not
    assert kinds(session) == {3: "claim", 4: "claim", 5: "claim"}


def test_undo_of_delete_restores_the_same_row(setup) -> None:
    session, _, _, db = setup
    s.tag_claim(session)
    [original] = stored_tags(db)
    s.first_statement(session)
    s.clear_tag(session)
    assert stored_tags(db) == []
    s.next_statement(session)
    s.undo(session)
    assert stored_tags(db) == [original]
    assert session.panes[0].current == 0  # undo shows where it happened
    assert session.can_redo() and session.can_undo()


def test_undo_redo_walk_through_every_kind_of_action(setup) -> None:
    session, _, _, db = setup
    steps = []
    s.tag_claim(session)
    steps.append(stored_tags(db))
    s.first_statement(session)
    s.set_note(session, "check the minutes")
    steps.append(stored_tags(db))
    s.tag_opinion(session)
    steps.append(stored_tags(db))
    s.clear_tag(session)  # on statement 1: nothing to clear, nothing recorded
    assert len(session.undo_stack) == 3
    s.first_statement(session)
    s.clear_tag(session)
    steps.append(stored_tags(db))
    for expected in reversed(steps[:-1]):
        s.undo(session)
        assert [(t.id, t.kind, t.note) for t in stored_tags(db)] == [
            (t.id, t.kind, t.note) for t in expected]
    s.undo(session)
    assert stored_tags(db) == [] and not session.can_undo()
    s.undo(session)  # nothing left: no error
    for expected in steps:
        s.redo(session)
        assert [(t.id, t.kind, t.note) for t in stored_tags(db)] == [
            (t.id, t.kind, t.note) for t in expected]
    assert not session.can_redo()


def test_a_new_action_after_undo_drops_the_redo_stack(setup) -> None:
    session, _, _, _ = setup
    s.tag_claim(session)
    s.undo(session)
    s.tag_opinion(session)
    assert not session.can_redo() and kinds(session) == {0: "opinion"}


@pytest.mark.parametrize("text, expected", [("check the minutes", "check the minutes"),
                                            ("", "")])
def test_notes_are_set_removed_and_undone(setup, text, expected) -> None:
    session, _, _, db = setup
    s.tag_claim(session)
    s.previous_statement(session)
    s.set_note(session, "first")
    s.set_note(session, text)
    assert stored_tags(db)[0].note == expected
    assert s.current_tag(session).note == expected
    s.undo(session)
    assert stored_tags(db)[0].note == "first"


def test_clear_removes_any_kind(setup) -> None:
    session, _, _, db = setup
    s.tag_quotation(session)
    s.tag_opinion(session)
    s.first_statement(session)
    s.extend_down(session)
    s.clear_tag(session)
    assert kinds(session) == {} and stored_tags(db) == []
    s.undo(session)
    assert kinds(session) == {0: "quotation", 1: "opinion"}


def test_tags_survive_a_new_session_and_follow_the_text_to_another_path(setup, tmp_path) -> None:
    session, _, store, db = setup
    s.tag_claim(session)
    s.tag_opinion(session)
    store.close()
    again, _, store2 = open_session(db)
    again.open_document(write_document(tmp_path, "a.txt"), statements_of(TEXT))
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    again.open_document(write_document(moved, "copy.txt"), statements_of(TEXT))
    assert kinds(again, 0) == kinds(again, 1) == {0: "claim", 1: "opinion"}
    store2.close()


def test_default_author_is_the_os_user_and_can_be_changed(tmp_path) -> None:
    with Store.open(tmp_path / "lib.sqlite3") as store:
        session = ReadingSession(store)
        assert session.author == getpass.getuser()
        session.open_document(write_document(tmp_path, "a.txt"), statements_of(TEXT))
        s.tag_claim(session)
        session.author = "bob"
        s.tag_claim(session)
        assert [t.author for t in store.tag_table.tags()] == [getpass.getuser(), "bob"]


def test_other_authors_tags_show_and_own_tags_take_precedence(setup) -> None:
    session, events, store, db = setup
    pane = session.panes[0]
    other = store.tag_table.add_tag(pane.document_id, 0, len(SENTENCES[0]), "opinion",
                          exact=SENTENCES[0], author="zoe")
    again = ReadingSession(store, author="ann")
    again.open_document(pane.document, pane.statements)
    assert again.tags_for(0)[0].id == other.id  # zoe's tag is shown
    s.tag_claim(again)  # ann's own claim: zoe's opinion is kept
    assert again.tags_for(0)[0].author == "ann"
    assert sorted((t.author, t.kind) for t in store.tag_table.tags()) == [("ann", "claim"),
                                                               ("zoe", "opinion")]
    again.author = "zoe"  # now zoe's own tag is preferred
    assert again.tags_for(0)[0].author == "zoe"


def test_tag_with_a_span_off_the_statements_shows_where_it_overlaps_most(setup) -> None:
    session, _, store, _ = setup
    pane = session.panes[0]
    start = TEXT.index(SENTENCES[1]) + 5  # inside sentence 1, spilling into sentence 2
    end = TEXT.index(SENTENCES[2]) + 3
    store.tag_table.add_tag(pane.document_id, start, end, "claim", exact=TEXT[start:end])
    again = ReadingSession(store, author="ann")
    again.open_document(pane.document, pane.statements)
    assert kinds(again) == {1: "claim"}


def test_session_without_a_store_keeps_tags_in_memory() -> None:
    session = ReadingSession(None, author="ann")
    session.open_document(document_from_text(TEXT), statements_of(TEXT))
    s.tag_claim(session)
    s.undo(session)
    s.redo(session)
    assert kinds(session) == {0: "claim"} and session.pending_writes == 0
    assert isinstance(session.tags_for(0)[0], Tag)


def test_panes_close_and_move(setup, tmp_path) -> None:
    session, events, _, _ = setup
    session.open_document(write_document(tmp_path, "b.txt"), statements_of(TEXT), position=3)
    session.open_document(write_document(tmp_path, "c.txt"), statements_of(TEXT))
    assert [p.current for p in session.panes] == [0, 3, 0] and session.focused == 0
    s.next_pane(session)
    session.move_pane(1, 1)
    assert session.panes[2].document.title == "b.txt" and session.focused == 2
    session.close_pane(0)
    assert session.focused == 1 and len(session.panes) == 2
    session.close_pane(1)
    assert session.focused == 0
