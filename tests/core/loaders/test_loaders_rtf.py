"""RTF loading with our own tokenizer."""

from __future__ import annotations

import pytest

from reader.core.loaders import load_document
from reader.core.errors import DocumentError
from reader.core.text import split_statements
from tests.core.loaders.loader_fixtures import RTF_STATEMENTS, make_rtf


def test_rtf_statements_are_exact(tmp_path):
    doc = load_document(make_rtf(tmp_path / "release.rtf"))
    assert [s.text for s in split_statements(doc.text)] == RTF_STATEMENTS
    assert doc.title == "Press Release"
    assert doc.source_format == "rtf"


@pytest.mark.parametrize("source, expected", [
    (rb"{\rtf1 One\par Two\par}", "One\n\nTwo"),
    (rb"{\rtf1\ansi\ansicpg1251 \'cf\'f0\'e8\'e2\'e5\'f2\par}",
     "\u041f\u0440\u0438\u0432\u0435\u0442"),
    (rb"{\rtf1\uc2 A\u233\'e9\'e9 B\par}", "A\u00e9 B"),
    (rb"{\rtf1 {\*\unknowndest hidden}shown\par}", "shown"),
    (rb"{\rtf1 {\field{\*\fldinst HYPERLINK x}{\fldrslt link text}}\par}", "link text"),
    (rb"{\rtf1 a\{b\}c\\d\par}", "a{b}c\\d"),
    (rb"{\rtf1 unbalanced \par", "unbalanced"),
])
def test_rtf_table(tmp_path, source, expected):
    path = tmp_path / "t.rtf"
    path.write_bytes(source)
    assert load_document(path).text == expected


def test_not_rtf_is_refused(tmp_path):
    path = tmp_path / "t.rtf"
    path.write_bytes(b"plain words")
    with pytest.raises(DocumentError, match="not an RTF file"):
        load_document(path)


def test_deep_group_nesting_is_refused(tmp_path):
    path = tmp_path / "deep.rtf"
    path.write_bytes(b"{\\rtf1 " + b"{" * 100_000 + b"x" + b"}" * 100_000 + b"}")
    with pytest.raises(DocumentError, match="nested too deeply"):
        load_document(path)
