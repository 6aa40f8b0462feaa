"""Labels of the library's own kinds, tags of parts of statements, notes without a tag,
removing one tag: the session actions, without a window."""

from __future__ import annotations

import pytest

from reader.core import session as s
from reader.core.session import CurrentChanged, kind_action, run_action
from tests.core.session.session_helpers import (SENTENCES, TEXT, open_session, statements_of,
                                        stored_tags, write_document)


@pytest.fixture
def setup(tmp_path):
    """One document open by ann, with two kinds of the library's own."""
    db = tmp_path / "lib.sqlite3"
    session, events, store = open_session(db)
    store.kinds.add("misleading", key="M")
    store.kinds.add("unproven", key="U")
    session.open_document(write_document(tmp_path, "a.txt"), statements_of(TEXT))
    events.clear()
    yield session, events, store, db
    store.close()


def rows(db) -> list[tuple]:
    return sorted((t.start, t.end, t.kind, t.author, t.note) for t in stored_tags(db))


def span_of(index: int, word: str) -> tuple[int, int]:
    """Offsets in TEXT of ``word`` inside statement ``index``."""
    start = TEXT.index(SENTENCES[index])
    at = TEXT.index(word, start)
    return at, at + len(word)


def test_a_claim_and_its_verdict_stack_and_toggle(setup) -> None:
    session, _, _, db = setup
    whole = (TEXT.index(SENTENCES[0]), TEXT.index(SENTENCES[0]) + len(SENTENCES[0]))
    assert run_action(session, kind_action("misleading"))  # a label stays on the statement
    assert session.panes[0].current == 0
    s.tag_claim(session)  # a built-in kind moves on
    assert session.panes[0].current == 1
    assert rows(db) == [(*whole, "claim", "ann", ""), (*whole, "misleading", "ann", "")]
    pane = session.panes[0]
    assert pane.tags.shown_tag(0).kind == "claim"  # the built-in kind is shown first
    assert [t.kind for t in pane.tags.labels_at(0)] == ["misleading"]
    s.tag_claim(session)  # statement 1: a claim alone is not stacked
    assert pane.tags.stacked() == [0] and pane.tags.statements() == [0, 1]
    s.previous_statement(session)
    s.tag_claim(session)  # removed again
    s.previous_statement(session)
    s.tag_opinion(session)  # replaces the claim, keeps the label
    assert [r[2] for r in rows(db)] == ["misleading", "opinion"]
    s.previous_statement(session)
    run_action(session, kind_action("misleading"))  # again: the label goes
    assert [r[2] for r in rows(db)] == ["opinion"]
    s.undo(session)
    assert [r[2] for r in rows(db)] == ["misleading", "opinion"]
    assert run_action(session, "no_such_action") is False


def test_labels_on_a_selection_keep_it(setup) -> None:
    session, _, _, db = setup
    s.extend_down(session)
    s.extend_down(session)
    run_action(session, kind_action("unproven"))
    assert session.selection() == [0, 1, 2]
    run_action(session, kind_action("misleading"))
    assert sorted((r[0], r[2]) for r in rows(db)).count((0, "misleading")) == 1
    assert len(rows(db)) == 6
    run_action(session, kind_action("unproven"))  # all have it: removed from all
    assert {r[2] for r in rows(db)} == {"misleading"}


def test_clear_removes_the_shown_tag_and_own_labels(setup) -> None:
    session, _, _, db = setup
    run_action(session, kind_action("misleading"))
    s.tag_claim(session)
    s.previous_statement(session)
    s.clear_tag(session)
    assert rows(db) == []


def test_a_part_of_a_statement_is_tagged_exactly(setup) -> None:
    session, events, _, db = setup
    start, end = span_of(2, "will not back")
    s.select_text(session, 0, start - 1, end + 1)  # a space each side is trimmed
    pane = session.panes[0]
    assert pane.current == 2 and pane.span == (start, end)
    assert events.of(CurrentChanged)[-1].span == (start, end)
    s.tag_quotation(session)
    assert rows(db) == [(start, end, "quotation", "ann", "")]
    assert pane.span is None and pane.current == 2  # deselected, stays
    assert events.of(CurrentChanged)[-1].span is None
    assert pane.tags.shown_tag(2) is None  # the statement itself is not tagged
    assert [(t.start, t.end) for t in pane.tags.parts_at(2)] == [(start, end)]
    s.tag_claim(session)  # the whole statement can be tagged beside its part
    assert len(rows(db)) == 2
    s.select_text(session, 0, start, end)
    s.tag_opinion(session)  # another built-in kind replaces the part's kind
    assert sorted(r[2] for r in rows(db)) == ["claim", "opinion"]
    s.select_text(session, 0, start, end)
    s.tag_opinion(session)  # the same key again removes it
    assert [r[2] for r in rows(db)] == ["claim"]


def test_a_drag_ending_inside_a_word_takes_the_whole_word(setup) -> None:
    session, _, _, db = setup
    start, end = span_of(2, "will not back")
    s.select_text(session, 0, start + 2, end - 1)      # "ll not bac"
    assert session.panes[0].span == (start, end)
    s.tag_quotation(session)
    assert rows(db) == [(start, end, "quotation", "ann", "")]


@pytest.mark.parametrize("text, span, words", [
    ("said that the decision was", (7, 19), "that the decision"),   # "t the decisi"
    ("said that the decision was", (5, 22), "that the decision"),   # whole words: kept
    ("a “quoted” word", (3, 8), "quoted"),                             # quote marks stay out
    ("a “quoted” word", (2, 10), "“quoted”"),                          # unless selected
    ("end.", (0, 2), "end"),
])
def test_whole_words(text, span, words) -> None:
    from reader.core.session._spans import whole_words

    start, end = whole_words(text, *span)
    assert text[start:end] == words


def test_selecting_over_statements_selects_them(setup) -> None:
    session, _, _, db = setup
    start = span_of(1, "disgrace")[0]
    end = span_of(3, "parks")[1]
    s.select_text(session, 0, start, end)
    assert session.selection() == [1, 2, 3] and session.panes[0].span is None
    s.tag_claim(session)
    assert [r[2] for r in rows(db)] == ["claim"] * 3


def test_selecting_all_of_a_statement_tags_the_statement(setup) -> None:
    session, _, _, db = setup
    start, end = span_of(1, SENTENCES[1])
    s.select_text(session, 0, start, end + 1)
    s.tag_claim(session)
    assert rows(db) == [(start, end, "claim", "ann", "")]
    assert session.panes[0].tags.shown_tag(1).kind == "claim"


@pytest.mark.parametrize("keys, words", [
    (["extend_part_right"], "Critics"),
    (["extend_part_right"] * 2, "Critics called"),
    (["extend_part_right"] * 3 + ["extend_part_left"], "Critics called"),
    (["extend_part_left"], "disgrace."),
    (["extend_part_left"] * 2, "a disgrace."),
    (["extend_part_right"] * 9, SENTENCES[1]),  # stops at the end of the statement
])
def test_shift_arrows_select_words(setup, keys, words) -> None:
    session, _, _, db = setup
    s.next_statement(session)
    for name in keys:
        s.ACTIONS[name](session)
    start, end = session.panes[0].span
    assert TEXT[start:end].strip() == words
    run_action(session, kind_action("unproven"))
    stored = [TEXT[r[0]:r[1]] for r in rows(db)]
    assert stored == [words]


def test_notes_without_a_tag_and_on_parts(setup) -> None:
    session, _, _, db = setup
    assert s.set_note(session, "who says so?")
    assert rows(db) == [(0, len(SENTENCES[0]), "note", "ann", "who says so?")]
    pane = session.panes[0]
    assert pane.tags.shown_tag(0) is None  # a note alone does not tag the statement
    assert [t.note for t in pane.tags.notes_at(0)] == ["who says so?"]
    s.tag_claim(session)  # the claim is a tag of its own; the note stays
    s.previous_statement(session)
    s.set_note(session, "check the minutes")  # the claim takes this note
    assert sorted(r[4] for r in rows(db)) == ["check the minutes", "who says so?"]
    start, end = span_of(0, "Tuesday")
    s.select_text(session, 0, start, end)
    s.set_note(session, "which Tuesday?")
    assert (start, end, "note", "ann", "which Tuesday?") in rows(db)
    s.select_text(session, 0, start, end)
    s.set_note(session, "")  # an empty note on a note-only tag removes the tag
    assert len(rows(db)) == 2


def test_remove_one_tag_by_id(setup) -> None:
    session, _, _, db = setup
    run_action(session, kind_action("misleading"))
    s.tag_claim(session)
    label = session.panes[0].tags.labels_at(0)[0]
    assert s.remove_tag(session, label.id)
    assert [r[2] for r in rows(db)] == ["claim"]
    assert not s.remove_tag(session, label.id)
    s.undo(session)
    assert [r[2] for r in rows(db)] == ["claim", "misleading"]


def test_parts_are_re_found_in_an_edited_text(tmp_path) -> None:
    db = tmp_path / "lib.sqlite3"
    session, _, store = open_session(db)
    session.open_document(write_document(tmp_path, "a.txt"), statements_of(TEXT))
    start, end = span_of(2, "We will not back down")
    s.select_text(session, 0, start, end)
    s.tag_quotation(session)
    store.close()
    reworded = [x.replace("mayor said", "mayor told reporters") for x in SENTENCES]
    edited = "Breaking. " + " ".join(reworded[:3]) + "\n\n" + " ".join(reworded[3:]) + "\n"
    again, _, store2 = open_session(db)
    again.open_document(write_document(tmp_path, "a.txt", edited),
                        statements_of(edited, reworded))
    [tag] = [t for t in again.panes[0].tags]
    assert edited[tag.start:tag.end] == "We will not back down"
    assert [t.id for t in again.panes[0].tags.parts_at(2)] == [tag.id]
    store2.close()
