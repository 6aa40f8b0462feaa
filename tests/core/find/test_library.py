"""Find in Library: every document the library knows, looked up by its statement index
(trigram FTS5 where SQLite has it, a scan where not), matched with the query's options."""

from __future__ import annotations

import pytest

from reader.core.find import FindQuery, index_document, index_missing, search_library
from reader.core.loaders import load_document
from reader.core.store import Store, index_path
from reader.core.text import document_from_text, segment_document

TEXTS = {
    "budget.txt": "The council approved the budget. Critics called the Budget reckless.\n\n"
                  "A café owner said prices rose 12%.",
    "vote.txt": "The vote passed seven to two. Council members cited transit delays.",
    "other.txt": "Nothing to see here: a quiet résumé of the weather.",
}


@pytest.fixture
def library(tmp_path):
    store = Store.open(tmp_path / "library.sqlite3")
    for name, text in TEXTS.items():
        document = document_from_text(text, title=name)
        record = store.remember_document(document.sha256, str(tmp_path / name), name, text)
        index_document(store, record.id, text, segment_document(document))
    yield store
    store.close()


def found(store, query, **kw):
    return [(h.document.title, h.statement, h.match) for h in search_library(store, query, **kw).hits]


@pytest.mark.parametrize("query, expected", [
    (FindQuery("budget"), [("budget.txt", 0, "budget"), ("budget.txt", 1, "Budget")]),
    (FindQuery("Budget", case=True), [("budget.txt", 1, "Budget")]),
    (FindQuery("council", whole_word=True), [("budget.txt", 0, "council"),
                                             ("vote.txt", 1, "Council")]),
    (FindQuery(r"\d+%", regex=True), [("budget.txt", 2, "12%")]),
    (FindQuery(r"tran\w+ del", regex=True), [("vote.txt", 1, "transit del")]),
    (FindQuery(r"\bt\w+o\b", regex=True), [("vote.txt", 0, "two")]),  # no literal: a scan
    (FindQuery("CAFÉ"), [("budget.txt", 2, "café")]),          # non-ASCII, any case
    (FindQuery("RÉ"), [("other.txt", 0, "ré")]),               # short non-ASCII: a scan
    (FindQuery("EV"), [("vote.txt", 0, "ev")]),                # short: LIKE
    (FindQuery("zeppelin"), []),
])
def test_queries(library, query, expected):
    assert found(library, query) == expected


def test_hits_carry_document_offsets_and_statement_text(library):
    hit = search_library(library, FindQuery("transit")).hits[0]
    text = TEXTS["vote.txt"]
    assert text[hit.start:hit.end] == "transit"
    assert hit.text == "Council members cited transit delays."
    assert text[hit.statement_start:hit.statement_start + len(hit.text)] == hit.text
    assert hit.document.sha256 == document_from_text(text).sha256


def test_limit_truncates(library):
    result = search_library(library, FindQuery("the"), limit=2)
    assert len(result.hits) == 2 and result.truncated
    assert not search_library(library, FindQuery("the")).truncated


def test_without_fts5_the_same_hits_come_from_a_scan(library, monkeypatch):
    queries = [FindQuery("budget"), FindQuery("council", whole_word=True), FindQuery("CAFÉ"),
               FindQuery(r"\d+%", regex=True)]
    expected = [found(library, q) for q in queries]
    monkeypatch.setattr(library.search, "has_fts", lambda: False)
    assert [found(library, q) for q in queries] == expected


def test_indexing_again_replaces_and_skips_when_unchanged(library):
    record = next(r for r in library.documents() if r.title == "budget.txt")
    text = library.document_text(record.id)
    statements = segment_document(document_from_text(text))
    assert not index_document(library, record.id, text, statements)   # already there
    assert index_document(library, record.id, text, statements[:1])    # other statements
    count = library.search._index.read(
        "SELECT count(*) FROM search_statements WHERE document_id = ?", (record.id,))[0][0]
    assert count == 1


def test_documents_known_but_not_indexed_are_indexed_on_demand(tmp_path, seeds):
    with Store.open(tmp_path / "lib.sqlite3") as store:
        for path in seeds:
            document = load_document(path)
            store.remember_document(document.sha256, str(path), document.title, document.text)
        assert search_library(store, FindQuery("the")).hits == ()
        seen = []
        assert index_missing(store, progress=lambda d, t, m: seen.append((d, t))) == 2
        assert seen == [(1, 2), (2, 2)] and index_missing(store) == 0
        hits = search_library(store, FindQuery("the", whole_word=True)).hits
        assert {h.document.path for h in hits} == {str(p) for p in seeds}
        for hit in hits[:20]:
            text = store.document_text(hit.document.id)
            assert text[hit.start:hit.end].lower() == "the"
            statements = segment_document(load_document(hit.document.path))
            assert statements[hit.statement].start <= hit.start < statements[hit.statement].end


def test_entries_of_a_document_the_library_no_longer_has_are_not_found(library):
    assert found(library, FindQuery("council")) == [("budget.txt", 0, "council"),
                                                    ("vote.txt", 1, "Council")]
    record = next(r for r in library.documents() if r.title == "budget.txt")
    with library.transaction() as conn:
        conn.execute("DELETE FROM documents WHERE id = ?", (record.id,))
    assert found(library, FindQuery("council")) == [("vote.txt", 1, "Council")]
    assert record.id not in library.search.indexed()


def test_gentle_indexing_writes_short_transactions_and_reads_rows_as_it_goes(
        tmp_path, monkeypatch):
    import reader.core.find._library as library_module

    monkeypatch.setattr(library_module, "GENTLE_MERGE_PAGES", 0)   # batches alone here
    text = " ".join(f"Fact {i} holds." for i in range(1000))
    document = document_from_text(text, title="facts")
    statements = segment_document(document)
    produced: list[int] = []
    rows = library_module.statement_rows

    def counted(text, statements):
        for row in rows(text, statements):
            produced.append(row[0])
            yield row

    monkeypatch.setattr(library_module, "statement_rows", counted)
    with Store.open(tmp_path / "library.sqlite3") as store:
        record = store.remember_document(document.sha256, "", "facts", text)
        transactions = []
        index = store.search._index
        begin = index.transaction

        def spied():
            transactions.append(len(produced))   # rows read before each transaction
            return begin()

        monkeypatch.setattr(index, "transaction", spied)
        assert index_document(store, record.id, text, statements, gentle=True)
        # set-up and clearing first, then one per GENTLE_BATCH statements read so far, and
        # the closing one
        assert transactions[-5:] == [250, 500, 750, 1000, 1000]
        assert set(transactions[:-5]) == {0}
        assert store.search.statement_count(record.id) == 1000
        assert found(store, FindQuery("Fact 999 holds")) == [("facts", 999, "Fact 999 holds")]


def test_indexing_never_holds_the_librarys_write_lock(tmp_path):
    """The index is a file of its own: while an index transaction is open (another
    process indexing a big document), a tag is written without waiting."""
    text = " ".join(f"Fact {i} holds." for i in range(600))
    document = document_from_text(text, title="facts")
    path = tmp_path / "library.sqlite3"
    with Store.open(path) as indexer, Store.open(path) as tagger:
        record = indexer.remember_document(document.sha256, "", "facts", text)
        tagger.set_busy_timeout(0)   # a wait would fail at once
        with indexer.search._index.transaction() as conn:
            conn.execute("INSERT INTO search_statements (document_id, statement, start, "
                         '"end", text) VALUES (?, 0, 0, 5, ?)', (record.id, "Fact."))
            tagger.tag_table.add_tag(record.id, 0, 5, "claim", exact="Fact.")
        assert index_document(indexer, record.id, text, segment_document(document),
                              gentle=True)
        assert [t.kind for t in tagger.tag_table.tags([record.id])] == ["claim"]
    assert index_path(path).exists() and "search_statements" not in _tables(path)


def _tables(path) -> set[str]:
    import sqlite3

    with sqlite3.connect(path) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}


def test_gentle_indexing_merges_the_trigram_index_in_steps_between_batches(tmp_path,
                                                                           monkeypatch):
    text = " ".join(f"Fact {i} holds." for i in range(1000))
    document = document_from_text(text, title="facts")
    with Store.open(tmp_path / "library.sqlite3") as store:
        if not store.search.has_fts():
            pytest.skip("SQLite without FTS5 trigram")
        record = store.remember_document(document.sha256, "", "facts", text)
        sql: list[str] = []
        store.search._index._conn.set_trace_callback(sql.append)
        assert index_document(store, record.id, text, segment_document(document), gentle=True)
        store.search._index._conn.set_trace_callback(None)
        automerge = [s for s in sql if "'automerge'" in s]
        merges = [s for s in sql if "'merge'" in s]
        assert len(automerge) == 2 and len(merges) == 4   # after each of the 4 full batches
        assert sql.index(automerge[0]) < sql.index(merges[0])
        assert sql.index(merges[-1]) < sql.index(automerge[1])
        setting = store.search._index.read("SELECT v FROM search_fts_config "
                                           "WHERE k = 'automerge'")
        assert setting == [(4,)]   # FTS5's default again for every other write
        assert found(store, FindQuery("Fact 998 holds")) == [("facts", 998, "Fact 998 holds")]
