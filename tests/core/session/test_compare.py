"""Comparing coders in a session: disagreements, jumping, adopting (undoable), and keys that
never touch a colleague's tags."""

from __future__ import annotations

import pytest

from reader.core.agreement import AGREED
from reader.core.session import (ACTIONS, adopt, next_disagreement, pane_disagreements,
                                 previous_disagreement, session_agreement, session_coders,
                                 set_comparing)
from reader.core.store import Store
from tests.core.session.session_helpers import TEXT, open_session, statements_of, write_document

# statement -> kind for each coder (None: untagged)
ANN = ["claim", "opinion", "quotation", "claim", None, None]
BOB = ["claim", "claim", "quotation", None, "opinion", None]


def _tag_as(session, author: str, kinds: list[str | None]) -> None:
    session.author = author
    for index, kind in enumerate(kinds):
        if kind:
            session.move_to(0, index)
            ACTIONS[f"tag_{kind}"](session)


@pytest.fixture
def coded(tmp_path):
    """One document tagged by ann and bob; the session tags as cy."""
    db = tmp_path / "lib.sqlite3"
    session, events, store = open_session(db, author="ann")
    session.open_document(write_document(tmp_path, "a.txt"), statements_of(TEXT))
    _tag_as(session, "ann", ANN)
    _tag_as(session, "bob", BOB)
    session.author = "cy"
    events.clear()
    yield session, events, store, db
    store.close()


def test_disagreements_and_agreement_of_the_open_panes(coded):
    session, *_ = coded
    assert session_coders(session) == ["ann", "bob"]
    found = pane_disagreements(session.panes[0], ["ann", "bob"])
    assert sorted(found) == [1, 3, 4]
    assert [c.value for c in found[3]] == ["claim", "none"]
    report = session_agreement(session)
    assert report.overall.pairs[0].statements == 6
    assert report.overall.pairs[0].observed == pytest.approx(3 / 6)


def test_jumping_between_disagreements(coded):
    session, *_ = coded
    set_comparing(session, ["ann", "bob"])
    session.move_to(0, 0)
    next_disagreement(session)
    assert session.panes[0].current == 1
    next_disagreement(session)
    next_disagreement(session)
    assert session.panes[0].current == 4
    next_disagreement(session)  # none further: stay
    assert session.panes[0].current == 4
    previous_disagreement(session)
    assert session.panes[0].current == 3
    ACTIONS["previous_untagged"](session)  # [ jumps between disagreements while comparing
    assert session.panes[0].current == 1


def test_adopting_a_coder_stores_an_agreed_tag_and_undo_removes_it(coded):
    session, _events, _store, db = coded
    set_comparing(session, ["ann", "bob"])
    session.move_to(0, 1)
    assert adopt(session, 1)  # bob's claim
    with Store.open(db) as store:
        agreed = [t for t in store.tag_table.tags() if t.author == AGREED]
    assert [(t.kind, t.start) for t in agreed] == [("claim", session.panes[0].statements[1].start)]
    assert session.panes[0].current == 3  # on to the next disagreement
    session.move_to(0, 1)
    assert adopt(session, 0)  # changed our mind: ann's opinion replaces it
    with Store.open(db) as store:
        assert [t.kind for t in store.tag_table.tags() if t.author == AGREED] == ["opinion"]
    ACTIONS["undo"](session)
    ACTIONS["undo"](session)
    with Store.open(db) as store:
        assert [t for t in store.tag_table.tags() if t.author == AGREED] == []
    # the coders' own tags never changed
    with Store.open(db) as store:
        assert len([t for t in store.tag_table.tags() if t.author in ("ann", "bob")]) == 8


def test_adopting_needs_a_comparison(coded):
    session, *_ = coded
    session.move_to(0, 1)
    assert not adopt(session, 0)


def test_keys_never_remove_or_change_a_colleagues_tag(coded):
    session, _events, _store, db = coded  # tagging as cy; ann and bob tagged statement 0
    session.move_to(0, 0)
    ACTIONS["tag_claim"](session)  # the shown tag is a colleague's claim: add cy's own
    session.move_to(0, 1)
    ACTIONS["clear_tag"](session)  # cy has no tag here: nothing to clear
    with Store.open(db) as store:
        tags = store.tag_table.tags()
    assert len([t for t in tags if t.author in ("ann", "bob")]) == 8
    assert [(t.author, t.kind) for t in tags if t.author == "cy"] == [("cy", "claim")]
    session.move_to(0, 0)
    ACTIONS["tag_claim"](session)  # again on cy's own claim: removes cy's, nobody else's
    with Store.open(db) as store:
        tags = store.tag_table.tags()
    assert [t for t in tags if t.author == "cy"] == []
    assert len(tags) == 8


def test_panes_can_show_one_authors_tags(coded):
    session, events, *_ = coded
    pane = session.panes[0]
    assert pane.tags.shown_tag(1).author == "bob"  # the newest (cy has none)
    session.show_author("ann")
    assert pane.tags.shown_tag(1).author == "ann" and pane.tags.shown_tag(4) is None
    assert session.shown_author == "ann" and events  # the panes were told
    session.show_author(None)
    assert pane.tags.shown_tag(4).author == "bob"
