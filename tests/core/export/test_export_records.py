"""The shared export record: built once from the store, with filters and linked passages."""

from __future__ import annotations

import io

import pytest

from reader.core.export import (FORMATS, ExportError, ExportFilter, count_records, export,
                                export_tags)
from reader.core.export import build_records
from reader.core.store import Store
from tests.core.export.export_support import AUTHOR, LEFT_TEXT, NOTE, RIGHT_TEXT, statement_spans, make_library


@pytest.fixture
def library(tmp_path):
    return make_library(tmp_path)


def test_records_carry_tag_document_and_selector(library):
    with Store.open(library.db, readonly=True) as store:
        records = build_records(store)
    assert len(records) == 5
    first = records[0]
    start, end = statement_spans(LEFT_TEXT)[0]
    assert (first.start, first.end, first.kind) == (start, end, "opinion")
    assert first.text == LEFT_TEXT[start:end]
    assert first.suffix == LEFT_TEXT[end:end + 32]
    assert first.document.sha256 == library.left.sha256
    assert first.document.path.endswith("left.txt")
    assert (first.note, first.author) == (NOTE, AUTHOR)
    assert first.created_at == "2024-05-01T10:00:00.000Z"


def test_linked_passages_have_scores_and_texts(library):
    """Automatic link with its score; manual link unscored; text read from the file."""
    with Store.open(library.db, readonly=True) as store:
        records = build_records(store)
    right_lines = statement_spans(RIGHT_TEXT)
    auto, = records[0].links
    assert auto.source == "auto" and auto.score == pytest.approx(0.9)
    assert auto.text == RIGHT_TEXT[slice(*right_lines[0])]
    assert auto.document.sha256 == library.right.sha256
    manual, = records[1].links
    assert manual.source == "manual" and manual.score is None
    assert manual.text == RIGHT_TEXT[slice(*right_lines[1])]
    assert all(not r.links for r in records[2:])


def test_link_text_is_empty_when_the_file_changed(library):
    right_path = library.db.parent / "docs" / "right.txt"
    right_path.write_text("entirely different now", encoding="utf-8")
    with Store.open(library.db, readonly=True) as store:
        records = build_records(store)
    assert records[0].links[0].text == ""
    assert records[0].links[0].score == pytest.approx(0.9)


def test_link_text_comes_from_the_store_when_kept(tmp_path):
    library = make_library(tmp_path, store_right_text=True)
    (library.db.parent / "docs" / "right.txt").unlink()
    with Store.open(library.db, readonly=True) as store:
        records = build_records(store)
    assert records[0].links[0].text.startswith('Quote "that"')


@pytest.mark.parametrize("filters, expected", [
    (ExportFilter(), 5),
    (ExportFilter(kinds=["opinion"]), 2),
    (ExportFilter(kinds=("claim", "quotation")), 3),
    (ExportFilter(authors=["bob"]), 2),
    (ExportFilter(authors=[AUTHOR], kinds=["claim"]), 1),
    (ExportFilter(since="2024-05-03"), 3),
    (ExportFilter(since="2024-05-03T12:00:00+02:00"), 3),  # 10:00 UTC: the third tag counts
    (ExportFilter(since="2024-05-03T10:00:01Z"), 2),
    (ExportFilter(since="2030-01-01"), 0),
])
def test_filters(library, filters, expected):
    with Store.open(library.db, readonly=True) as store:
        assert count_records(store, filters) == expected
        assert len(build_records(store, filters)) == expected


def test_document_filter_by_path_or_by_content(library, tmp_path):
    left_path = library.db.parent / "docs" / "left.txt"
    copy = tmp_path / "copy-of-left.txt"
    copy.write_bytes(left_path.read_bytes())
    with Store.open(library.db, readonly=True) as store:
        assert count_records(store, ExportFilter(document_paths=[str(left_path)])) == 5
        assert count_records(store, ExportFilter(document_paths=[str(copy)])) == 5
        right = str(library.db.parent / "docs" / "right.txt")
        assert count_records(store, ExportFilter(document_paths=[right])) == 0
        with pytest.raises(ExportError, match="no such document"):
            count_records(store, ExportFilter(document_paths=[str(tmp_path / "nope.txt")]))


@pytest.mark.parametrize("kwargs, message", [
    ({"kinds": [" "]}, "empty tag kind"),
    ({"since": "last tuesday"}, "--since"),
    ({"since": "2024-13-01"}, "--since"),
])
def test_bad_filters_are_refused(kwargs, message):
    with pytest.raises(ExportError, match=message):
        ExportFilter(**kwargs)


def test_registry_lists_every_format():
    assert set(FORMATS) == {"csv", "xlsx", "json", "jsonl", "md", "html", "w3c", "qdpx"}
    assert FORMATS["qdpx"].binary and not FORMATS["csv"].binary
    with pytest.raises(TypeError):
        FORMATS["x"] = FORMATS["csv"]  # type: ignore[index]


def test_export_tags_writes_the_file_atomically(library, tmp_path):
    target = tmp_path / "out" / "tags.json"
    target.parent.mkdir()
    with Store.open(library.db, readonly=True) as store:
        assert export_tags(store, "json", ExportFilter(kinds=["claim"]), target) == 2
        assert target.read_text(encoding="utf-8").startswith('{"schema"')
        with pytest.raises(ExportError, match="unknown export format"):
            export_tags(store, "pdf", None, target)
    assert [p.name for p in target.parent.iterdir()] == ["tags.json"]  # no temp file left


def test_a_failing_writer_leaves_no_file(library, tmp_path, monkeypatch):
    import reader.core.export._json as json_format

    def broken(records, out, context):
        out.write("half")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(json_format, "write_json", broken)
    with Store.open(library.db, readonly=True) as store, pytest.raises(RuntimeError):
        export(store, "json", None, tmp_path / "tags.json")
    assert list(tmp_path.glob("*tags.json*")) == []


def test_export_to_a_stream_returns_the_count(library):
    buffer = io.StringIO()
    with Store.open(library.db, readonly=True) as store:
        assert export(store, "jsonl", ExportFilter(authors=["bob"]), buffer) == 2
    assert len(buffer.getvalue().splitlines()) == 2


class _FakeStore:
    """Just what _LinkFinder reads."""

    def __init__(self, links):
        self._links = links
        self.tag_table = self

    def passage_links(self, doc_id):
        return self._links


@pytest.mark.parametrize("span, expected", [
    ((0, 10), [(2, 0, 5), (2, 50, 60)]),   # overlaps both links on the left
    ((10, 20), [(2, 50, 60)]),            # inside the long link
    ((30, 40), []),                        # touches the end of the long link: no overlap
    ((40, 45), [(3, 7, 9)]),              # touches the start of the next: overlaps it
    ((42, 42), [(3, 7, 9)]),              # an empty tag inside a link
    ((29, 29), [(2, 50, 60)]),
    ((100, 200), []),
])
def test_link_finder_overlap(span, expected):
    from reader.core.export._records import _LinkFinder
    from reader.core.store import PassageLinkRecord

    links = [PassageLinkRecord(1, 0, 10, 2, 0, 5, 0.5),
             PassageLinkRecord(1, 0, 30, 2, 50, 60, 0.9),
             PassageLinkRecord(3, 7, 9, 1, 40, 50, 0.7),  # stored the other way round
             PassageLinkRecord(1, 0, 30, 1, 60, 70, 1.0)]  # same document: never listed
    found = _LinkFinder(_FakeStore(links), 1, []).overlapping(*span)
    assert sorted(f[:3] for f in found) == sorted(expected)


def test_link_finder_lists_manual_first_then_by_score_once_per_passage():
    from reader.core.export._records import _LinkFinder
    from reader.core.store import ManualLink, PassageLinkRecord

    links = [PassageLinkRecord(1, 0, 10, 2, 0, 5, 0.5),
             PassageLinkRecord(1, 5, 15, 2, 0, 5, 0.8),   # same passage, from another span
             PassageLinkRecord(1, 0, 10, 3, 0, 5, 0.9)]
    manual = [ManualLink(1, 4, 0, 4, 1, 2, 8, "link", "", "")]
    found = _LinkFinder(_FakeStore(links), 1, manual).overlapping(0, 10)
    assert [(f[0], f[3], f[4]) for f in found] == [(4, None, "manual"), (3, 0.9, "auto"),
                                                   (2, 0.8, "auto")]
