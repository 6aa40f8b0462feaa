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
    # raw picture bytes after \binN are skipped whole, braces and backslashes included
    (rb"{\rtf1 Before.\par {\pict\pngblip\bin12 }}{{\par\b x}After.\par}",
     "Before.\n\nAfter."),
    (rb"{\rtf1 A{\*\shppict{\pict\bin3 }{\}}B\par}", "AB"),
    # nested tables: \nestcell separates cells, a nested row ends at its \nesttableprops
    (rb"{\rtf1 \intbl\itap2 Coronary\nestcell\intbl\itap2 Score\nestcell"
     rb"{\*\nesttableprops\trowd\cellx100\cellx200\nestrow}{\nonesttables\par}"
     rb"\intbl\itap2 RCA\nestcell 0\nestcell{\*\nesttableprops\trowd\nestrow}"
     rb"{\nonesttables\par}\cell\row After.\par}",
     "Coronary | Score\n\nRCA | 0\n\nAfter."),
    # a font's \fcharset decides how its \'hh bytes read (no \ansicpg needed)
    (rb"{\rtf1\ansi{\fonttbl{\f0 Times;}{\f1\fcharset204 Times CYR;}}"
     rb"\f1 \'cf\'f0\'e8\'e2\'e5\'f2 {\f0 Caf\'e9}\par}",
     "\u041f\u0440\u0438\u0432\u0435\u0442 Caf\u00e9"),
    (rb"{\rtf1\ansi{\fonttbl{\f0\fcharset128 Mincho;}}\f0 \'93\'fa\'96\'7b\par}", "\u65e5\u672c"),
    # shape properties and other groups that only carry settings leave no text
    (rb"{\rtf1 {\shp{\*\shpinst{\sp{\sn fillColor}{\sv 268435473}}}}{\sp{\sn a}{\sv 1}}"
     rb"Kept.\par}", "Kept."),
])
def test_rtf_table(tmp_path, source, expected):
    path = tmp_path / "t.rtf"
    path.write_bytes(source)
    assert load_document(path).text == expected


def test_bin_picture_keeps_all_the_text(tmp_path):
    raw = bytes(range(256)) * 40 + b"}}}{\\par"  # picture bytes with braces everywhere
    words = [f"Paragraph {n} of the ruling keeps its words." for n in range(30)]
    body = b"".join(w.encode() + b"\\par " for w in words[:10])
    body += b"{\\pict\\wmetafile8\\bin%d " % len(raw) + raw + b"}"
    body += b"".join(w.encode() + b"\\par " for w in words[10:])
    path = tmp_path / "ruling.rtf"
    path.write_bytes(b"{\\rtf1\\ansi " + body + b"}")
    assert load_document(path).text.split("\n\n") == words


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
