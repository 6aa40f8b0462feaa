"""Saved automatic links are written in short transactions under a new generation of the
pair and shown all at once: other connections see the old links until the new ones are
complete, a save stopped half-way shows nothing of itself and is cleaned up by the next,
and links added one by one (imports, merges) join the pair's current generation."""

from __future__ import annotations

import pytest

import reader.core.store._link_saves as link_saves
from reader.core.store import Store


@pytest.fixture
def pair(tmp_path):
    path = tmp_path / "library.sqlite3"
    with Store.open(path) as store:
        a = store.remember_document("a" * 64, "/a", "A")
        b = store.remember_document("b" * 64, "/b", "B")
        yield store, path, a.id, b.id


def links(n: int, score: float) -> list[tuple[int, int, int, int, float]]:
    return [(i * 10, i * 10 + 5, i * 10, i * 10 + 5, score) for i in range(n)]


def shown(store: Store, document_id: int) -> list[tuple[int, float]]:
    return [(p.left_start, p.score) for p in store.tag_table.passage_links(document_id)]


def stored_rows(store: Store) -> int:
    return store._read("SELECT count(*) FROM passage_links")[0][0]


def test_a_save_replaces_the_pairs_links_and_leaves_no_old_rows(pair):
    store, _path, a, b = pair
    store.tag_table.save_passage_links(a, b, links(30, 0.8))
    store.tag_table.save_passage_links(a, b, links(12, 0.9))
    assert shown(store, a) == [(i * 10, 0.9) for i in range(12)] == shown(store, b)
    assert stored_rows(store) == 12


def test_others_see_the_old_links_until_the_new_ones_are_complete(pair, monkeypatch):
    store, path, a, b = pair
    store.tag_table.save_passage_links(a, b, links(5, 0.5))
    monkeypatch.setattr(link_saves, "BATCH", 10)
    seen: list[list] = []
    with Store.open(path) as other:
        other.set_busy_timeout(0)   # the lock is never held long: no waiting at all
        begin = store.transaction

        def spied():
            seen.append(shown(other, a))        # between this save's transactions
            other.tag_table.add_tag(a, 0, 5, "claim", exact="x")   # a tag key never waits
            return begin()

        monkeypatch.setattr(store, "transaction", spied)
        link_saves.save_links(store, a, b, links(35, 0.9), batch=10)
        monkeypatch.undo()
        assert len(seen) >= 7          # reserve, four batches, show, clean up
        flip = seen.index(next(s for s in seen if s and s[0][1] == 0.9))
        assert all(s == [(i * 10, 0.5) for i in range(5)] for s in seen[:flip])
        assert all(len(s) == 35 for s in seen[flip:])
        assert len(other.tag_table.tags([a])) == len(seen)


def test_a_save_stopped_half_way_shows_nothing_of_itself_and_is_cleaned_up(pair):
    store, _path, a, b = pair
    store.tag_table.save_passage_links(a, b, links(5, 0.5))

    def broken():
        yield from links(20, 0.7)
        raise KeyboardInterrupt   # the process stopped while writing

    with pytest.raises(KeyboardInterrupt):
        link_saves.save_links(store, a, b, broken(), batch=10)
    assert shown(store, a) == [(i * 10, 0.5) for i in range(5)]
    assert stored_rows(store) == 25                      # 20 written, never shown
    store.tag_table.save_passage_links(a, b, links(3, 0.9))
    assert shown(store, a) == [(0, 0.9), (10, 0.9), (20, 0.9)] and stored_rows(store) == 3


def test_links_added_one_by_one_join_the_current_generation(pair):
    store, _path, a, b = pair
    store.tag_table.save_passage_links(a, b, links(2, 0.5))
    store.tag_table.save_passage_links(a, b, links(2, 0.6))     # generation 2 now
    added = store.bulk.merge_tags([], [], [("a" * 64, 500, 505, "b" * 64, 500, 505, 0.9)])
    assert added == (0, 1)
    assert shown(store, a) == [(0, 0.6), (10, 0.6), (500, 0.9)]
    assert store.bulk.merge_tags([], [], [("a" * 64, 500, 505, "b" * 64, 500, 505, 0.9)]) \
        == (0, 0)                                                  # there already


def test_each_transaction_is_followed_by_a_checkpoint_and_a_pause_for_other_writers(pair, monkeypatch):
    store, _path, a, b = pair
    store.tag_table.save_passage_links(a, b, links(25, 0.5))
    events: list[str] = []
    begin = store.transaction
    monkeypatch.setattr(store, "transaction", lambda: events.append("tx") or begin())
    monkeypatch.setattr(link_saves.time, "sleep",
                        lambda s: events.append("pause") if s >= 0.005 else None)
    checkpoint = store.checkpoint    # its own pages copied back by this writer, not a tag's
    monkeypatch.setattr(store, "checkpoint", lambda: events.append("copy") or checkpoint())
    link_saves.save_links(store, a, b, links(25, 0.9), batch=10)
    writes = events[events.index("tx") + 1:events.index("tx") + 10]   # three batches
    assert writes == ["tx", "copy", "pause"] * 3
    assert events[-4:] == ["tx", "copy", "pause", "tx"]   # old links deleted batch by batch
