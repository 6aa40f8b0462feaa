"""A tagged document edited on disk and opened again: tags follow, or become orphans."""

from __future__ import annotations

import pytest

from reader.core import session as s
from reader.core.session import OrphansChanged
from tests.core.session.session_helpers import (
    SENTENCES,
    TEXT,
    open_session,
    statements_of,
    stored_tags,
    write_document,
)

TAGGED = {0: "claim", 2: "quotation", 4: "opinion"}  # statement index -> kind in TEXT


@pytest.fixture
def edited(tmp_path):
    """Tag TEXT at a.txt in one session; returns a function opening an edited a.txt in a
    new session: edit(new_text, sentences) -> (session, events, store)."""
    db = tmp_path / "lib.sqlite3"
    first, _, store = open_session(db)
    first.open_document(write_document(tmp_path, "a.txt"), statements_of(TEXT))
    for index, kind in TAGGED.items():
        s.set_current(first, 0, index)
        s.tag_selection(first, kind)
    store.close()
    opened = []

    def edit(new_text: str, sentences: list[str]):
        session, events, store2 = open_session(db)
        opened.append(store2)
        session.open_document(write_document(tmp_path, "a.txt", new_text),
                              statements_of(new_text, sentences))
        return session, events, store2

    yield edit
    for store2 in opened:
        store2.close()


def shown(session, pane: int = 0) -> dict[str, str]:
    """Statement text -> kind of the tags shown in a pane."""
    statements = session.panes[pane].statements
    return {statements[i].text: t.kind for i, t in session.tags_for(pane).items()}


EXPECTED = {SENTENCES[i]: kind for i, kind in TAGGED.items()}


def test_words_inserted_before_the_tags(edited) -> None:
    intro = "Updated at noon with comments from both sides."
    session, _, store = edited(f"{intro} {TEXT}", [intro, *SENTENCES])
    assert shown(session) == EXPECTED and session.orphans() == []
    pane = session.panes[0]
    rows = stored_tags(store.path)
    assert {t.document_id for t in rows} == {pane.document_id}  # moved to the new version
    for tag in rows:
        assert pane.document.text[tag.start:tag.end] == tag.exact
        assert tag.prefix == pane.document.text[max(0, tag.start - 32):tag.start]


def test_paragraphs_moved(edited) -> None:
    first, second = TEXT.rstrip("\n").split("\n\n")
    session, _, _ = edited(f"{second}\n\n{first}\n", SENTENCES[3:] + SENTENCES[:3])
    assert shown(session) == EXPECTED and session.orphans() == []


def test_tagged_sentence_lightly_reworded(edited) -> None:
    reworded = "The city council approved its new budget on Tuesday."
    sentences = [reworded, *SENTENCES[1:]]
    session, _, store = edited(TEXT.replace(SENTENCES[0], reworded), sentences)
    assert shown(session) == {reworded: "claim", SENTENCES[2]: "quotation",
                              SENTENCES[4]: "opinion"}
    [tag] = [t for t in stored_tags(store.path) if t.kind == "claim"]
    assert (tag.exact, tag.start, tag.end) == (reworded, 0, len(reworded))


def test_tagged_sentence_deleted_becomes_an_orphan(edited) -> None:
    session, events, store = edited(TEXT.replace(SENTENCES[2] + "\n", "\n").replace(
        SENTENCES[1] + " ", SENTENCES[1]), [x for x in SENTENCES if x != SENTENCES[2]])
    assert shown(session) == {SENTENCES[0]: "claim", SENTENCES[4]: "opinion"}
    [(record, orphan)] = session.orphans()
    assert (orphan.exact, orphan.kind, orphan.orphaned) == (SENTENCES[2], "quotation", True)
    assert record is not None and record.id == orphan.document_id != session.panes[0].document_id
    assert events.of(OrphansChanged)
    assert [t.orphaned for t in stored_tags(store.path) if t.kind == "quotation"] == [True]


def test_deleted_sentence_does_not_land_on_a_near_duplicate(edited) -> None:
    near = "\u201cWe will not back down now,\u201d the mayor's rival said."
    text = TEXT.replace(" " + SENTENCES[2], "") + f"\nLater that day: {near}\n"
    session, _, _ = edited(text, [x for x in SENTENCES if x != SENTENCES[2]]
                           + ["Later that day: " + near])
    assert SENTENCES[2] not in text
    assert "quotation" not in shown(session).values()
    assert [t.exact for _, t in session.orphans()] == [SENTENCES[2]]


def test_orphans_can_be_reattached_or_deleted_and_undone(edited) -> None:
    session, _, store = edited(TEXT.replace(" " + SENTENCES[2], ""),
                               [x for x in SENTENCES if x != SENTENCES[2]])
    [(_, orphan)] = session.orphans()
    s.set_current(session, 0, 1)
    assert s.reattach_orphan(session, orphan.id)
    assert session.orphans() == [] and shown(session)[SENTENCES[1]] == "quotation"
    [row] = [t for t in stored_tags(store.path) if t.id == orphan.id]
    assert (row.exact, row.orphaned, row.document_id) == (SENTENCES[1], False,
                                                          session.panes[0].document_id)
    s.undo(session)
    assert [t for _, t in session.orphans()] == [orphan]
    assert [t for t in stored_tags(store.path) if t.id == orphan.id] == [orphan]
    assert SENTENCES[1] not in shown(session)
    assert s.delete_orphan(session, orphan.id)
    assert session.orphans() == [] and orphan.id not in {t.id for t in stored_tags(store.path)}
    s.undo(session)
    assert [t for t in stored_tags(store.path) if t.id == orphan.id] == [orphan]
    assert not s.delete_orphan(session, 12345) and not s.reattach_orphan(session, 12345)


def test_an_orphan_comes_back_when_its_text_does(edited, tmp_path) -> None:
    session, _, store = edited(TEXT.replace(" " + SENTENCES[2], ""),
                               [x for x in SENTENCES if x != SENTENCES[2]])
    assert len(session.orphans()) == 1
    store.close()
    again, _, store3 = open_session(store.path)
    again.open_document(write_document(tmp_path, "a.txt"), statements_of(TEXT))
    assert shown(again) == EXPECTED and again.orphans() == []
    store3.close()


def test_everything_rewritten_orphans_all_and_keeps_them(edited) -> None:
    session, _, store = edited("A different text entirely.\n", ["A different text entirely."])
    assert shown(session) == {}
    assert sorted(t.exact for _, t in session.orphans()) == sorted(EXPECTED)
    assert len(stored_tags(store.path)) == 3


def test_old_version_open_in_another_pane_keeps_its_tags(tmp_path) -> None:
    db = tmp_path / "lib.sqlite3"
    session, _, store = open_session(db)
    session.open_document(write_document(tmp_path, "a.txt"), statements_of(TEXT))
    s.tag_claim(session)
    intro = "Updated."
    session.open_document(write_document(tmp_path, "a.txt", f"{intro} {TEXT}"),
                          statements_of(f"{intro} {TEXT}", [intro, *SENTENCES]))
    assert shown(session, 0) == {SENTENCES[0]: "claim"} and shown(session, 1) == {}
    store.close()
