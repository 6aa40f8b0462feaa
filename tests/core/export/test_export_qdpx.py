"""The REFI-QDA project: a zip whose project.qde has the standard's documented elements.

No PyPI package ships the standard's Project.xsd, so the elements, attributes and their
order that the XSD (QDA-XML 1.0, March 2019) prescribes are checked with xml.etree.
"""

from __future__ import annotations

import re
import zipfile
from xml.etree import ElementTree as ET

import pytest

from reader.core.export import ExportFilter, export
from reader.core.export import source_text, xml_safe
from reader.core.export import DocumentRef, ExportRecord
from reader.core.store import Store
from tests.core.export.export_support import AUTHOR, HOSTILE_NOTE, LEFT_TEXT, NOTE, make_library

NS = {"q": "urn:QDA-XML:project:1.0"}
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
RGB = re.compile(r"^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$")
DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$")


def project_of(db, tmp_path, filters=None):
    target = tmp_path / "project.qdpx"
    with Store.open(db, readonly=True) as store:
        export(store, "qdpx", filters, target)
    archive = zipfile.ZipFile(target)
    root = ET.fromstring(archive.read("project.qde"))
    return archive, root


def local(element) -> str:
    return element.tag.split("}", 1)[1]


@pytest.fixture
def project(tmp_path):
    library = make_library(tmp_path)
    return project_of(library.db, tmp_path) + (library,)


def test_project_root_and_child_order(project):
    _, root, _ = project
    assert root.tag == "{urn:QDA-XML:project:1.0}Project"
    assert root.get("name") and root.get("origin").startswith("Source Reader")
    assert DATETIME.match(root.get("creationDateTime"))
    order = ["Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Links", "Sets",
             "Graphs", "Description", "NoteRef"]
    children = [local(child) for child in root]
    assert children == ["Users", "CodeBook", "Sources"]
    assert [order.index(c) for c in children] == sorted(order.index(c) for c in children)


def test_code_book_has_the_three_kinds(project):
    _, root, _ = project
    codes = root.findall("q:CodeBook/q:Codes/q:Code", NS)
    assert [c.get("name") for c in codes] == ["opinion", "claim", "quotation"]
    for code in codes:
        assert GUID.match(code.get("guid")) and RGB.match(code.get("color"))
        assert code.get("isCodable") == "true"


def test_users_are_the_authors(project):
    _, root, _ = project
    users = root.findall("q:Users/q:User", NS)
    assert sorted(u.get("name") for u in users) == sorted([AUTHOR, "bob"])
    assert all(GUID.match(u.get("guid")) for u in users)


def test_sources_carry_their_text_and_selections_point_at_it(project):
    archive, root, library = project
    codes = {c.get("guid"): c.get("name") for c in root.iterfind(".//q:Code", NS)}
    users = {u.get("guid"): u.get("name") for u in root.iterfind(".//q:User", NS)}
    source, = root.findall("q:Sources/q:TextSource", NS)
    assert GUID.match(source.get("guid"))
    assert source.get("plainTextPath") == f"internal://{source.get('guid')}.txt"
    text = archive.read(f"sources/{source.get('guid')}.txt").decode("utf-8")
    assert text == LEFT_TEXT
    selections = source.findall("q:PlainTextSelection", NS)
    assert len(selections) == 5
    kinds = []
    for sel in selections:
        start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
        assert 0 <= start < end <= len(text)
        assert [local(child) for child in sel] in (["Coding"], ["Description", "Coding"])
        coding = sel.find("q:Coding", NS)
        assert GUID.match(coding.get("guid")) and GUID.match(sel.get("guid"))
        kinds.append(codes[coding.find("q:CodeRef", NS).get("targetGUID")])
        assert users[sel.get("creatingUser")] in (AUTHOR, "bob")
        assert DATETIME.match(sel.get("creationDateTime"))
    assert kinds == ["opinion", "claim", "quotation", "opinion", "claim"]
    notes = [sel.findtext("q:Description", namespaces=NS) for sel in selections]
    assert notes[:2] == [NOTE, HOSTILE_NOTE]
    # the selected characters are the tagged statement (code points, emoji included)
    first = selections[0]
    assert text[int(first.get("startPosition")):int(first.get("endPosition"))].endswith("mayor.")


def test_guids_are_unique_and_stable(tmp_path):
    library = make_library(tmp_path)
    _, one = project_of(library.db, tmp_path)
    _, two = project_of(library.db, tmp_path)
    guids = [e.get("guid") for e in one.iter() if e.get("guid")]
    assert len(guids) == len(set(guids))
    assert guids == [e.get("guid") for e in two.iter() if e.get("guid")]


def test_filtered_project_keeps_only_matching_codings(tmp_path):
    library = make_library(tmp_path)
    _, root = project_of(library.db, tmp_path, ExportFilter(kinds=["quotation"]))
    assert len(root.findall(".//q:PlainTextSelection", NS)) == 1


def test_missing_text_is_rebuilt_around_the_quotes():
    ref = DocumentRef("", "", "a" * 64)
    records = [ExportRecord(ref, "claim", "fox", 4, 7), ExportRecord(ref, "claim", "dog", 12, 15)]
    text = source_text(records, None)
    assert text[4:7] == "fox" and text[12:15] == "dog" and len(text) == 15


def test_xml_safe_replaces_characters_xml_cannot_carry():
    assert xml_safe("a\x00b\x1fc\td\n") == "a\ufffdb\ufffdc\td\n"
