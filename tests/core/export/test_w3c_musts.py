"""The W3C Web Annotation Data Model's MUSTs, checked on our exports.

The same requirements the W3C test suite's "musts" schemas check for what we write
(annotations with TextualBody bodies and SpecificResource targets with TextQuote and
TextPosition selectors, in an AnnotationCollection with one embedded page), written out
here rather than vendored; section numbers are those of the Recommendation (2017-02-23).
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest

from reader.core.export import export
from reader.core.store import Store
from tests.core.export.export_support import make_library

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")


def _is_iri(value: Any) -> bool:
    return isinstance(value, str) and bool(_IRI.match(value))


def _types(obj: dict) -> list:
    value = obj.get("type")
    return value if isinstance(value, list) else [value]


def check_annotation(annotation: dict, embedded: bool) -> None:
    """Section 3.1 (annotation), 3.2 (bodies and targets), 4.2 (selectors)."""
    if not embedded:  # 3.1: @context MUST be present (an embedded one inherits it)
        assert annotation["@context"] == CONTEXT or CONTEXT in annotation["@context"]
    assert _is_iri(annotation.get("id"))                        # 3.1: exactly 1 IRI
    assert "Annotation" in _types(annotation)                   # 3.1: type MUST include it
    targets = annotation.get("target")                          # 3.1: 1 or more targets
    assert targets
    for body in annotation.get("body", []) if isinstance(annotation.get("body"), list) \
            else [annotation["body"]]:
        assert "TextualBody" in _types(body)                    # 3.2.4 embedded textual body
        assert isinstance(body.get("value"), str)               # value MUST be a string
        purpose = body.get("purpose")
        assert purpose is None or purpose in {"tagging", "commenting", "describing",
                                              "classifying", "identifying"}
    for target in targets if isinstance(targets, list) else [targets]:
        if isinstance(target, str):
            assert _is_iri(target)
            continue
        assert "source" in target                               # 4: SpecificResource source
        source = target["source"]
        assert _is_iri(source if isinstance(source, str) else source.get("id"))
        selectors = target.get("selector", [])
        for selector in selectors if isinstance(selectors, list) else [selectors]:
            kinds = _types(selector)
            if "TextQuoteSelector" in kinds:                    # 4.2.4: exact MUST, 1 string
                assert isinstance(selector.get("exact"), str)
                for key in ("prefix", "suffix"):
                    assert isinstance(selector.get(key, ""), str)
            elif "TextPositionSelector" in kinds:               # 4.2.5: start and end MUST
                for key in ("start", "end"):
                    assert isinstance(selector.get(key), int) and selector[key] >= 0
                    assert not isinstance(selector[key], bool)
            else:
                pytest.fail(f"unexpected selector {kinds}")
    for key in ("created", "modified", "generated"):            # 3.3.5: xsd:dateTime
        if key in annotation:
            assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$",
                            annotation[key])
    motivation = annotation.get("motivation")
    assert motivation is None or isinstance(motivation, str)


def check_collection(collection: dict) -> None:
    """Section 5.1 (collection) and 5.2 (page)."""
    assert collection["@context"] == CONTEXT                    # 5.1: @context MUST
    assert _is_iri(collection.get("id"))                        # 5.1: exactly 1 IRI
    assert "AnnotationCollection" in _types(collection)         # 5.1: type MUST
    total = collection.get("total")
    assert isinstance(total, int) and total >= 0                # 5.1: non-negative integer
    if total == 0:                                              # 5.1: no first when empty
        assert "first" not in collection and "last" not in collection
        return
    page = collection["first"]                                  # 5.1: first SHOULD
    assert _is_iri(page.get("id"))                              # 5.2: page exactly 1 IRI
    assert "AnnotationPage" in _types(page)                     # 5.2: type MUST
    assert len(page["items"]) >= 1                              # 5.2: 1 or more items
    assert page.get("partOf") in (collection["id"], {"id": collection["id"]})  # SHOULD
    assert collection.get("last") in (page["id"], {"id": page["id"]})         # SHOULD
    assert page.get("startIndex", 0) == 0
    assert len(page["items"]) == total
    for annotation in page["items"]:
        check_annotation(annotation, embedded=True)


@pytest.fixture
def library(tmp_path):
    return make_library(tmp_path)


def _w3c(db) -> dict:
    out = io.StringIO()
    with Store.open(db, readonly=True) as store:
        export(store, "w3c", None, out)
    return json.loads(out.getvalue())


def test_export_meets_every_must(library):
    collection = _w3c(library.db)
    assert collection["total"] > 0
    check_collection(collection)


def test_ids_are_stable_and_differ_between_collection_and_page(library):
    first, second = _w3c(library.db), _w3c(library.db)
    assert first["id"] == second["id"] and first["first"]["id"] == second["first"]["id"]
    assert first["id"] != first["first"]["id"]


def test_an_empty_export_has_no_page(tmp_path):
    db = tmp_path / "empty.sqlite3"
    Store.open(db).close()
    collection = _w3c(db)
    assert collection["total"] == 0
    check_collection(collection)
