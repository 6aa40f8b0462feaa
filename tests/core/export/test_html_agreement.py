"""The report's agreement section: matrix, alpha, counts and disagreements; none for one coder."""

from __future__ import annotations

import hashlib
import io

from reader.core.export import export
from reader.core.store import Store, Tag
from reader.core.text import split_statements

TEXT = ("The minister said the plan works. Critics disagree strongly. Growth rose by four "
        "percent. \"Tags\" & <b>quotes</b> stay text.")
STAMP = "2024-05-01T10:00:00.000Z"


def _library(tmp_path, codes: dict[str, list[str | None]]):
    db = tmp_path / "library.sqlite3"
    sha = hashlib.sha256(TEXT.encode()).hexdigest()
    with Store.open(db) as store:
        doc = store.remember_document(sha, "/docs/minister.txt", "Minister", text=TEXT)
        statements = split_statements(TEXT)
        assert len(statements) == 4
        store.tag_table.add_tags(
            Tag(0, doc.id, s.start, s.end, kind, "", s.text, "", "", author, STAMP, STAMP)
            for author, kinds in codes.items() for s, kind in zip(statements, kinds) if kind)
    return db


def _html(db) -> str:
    out = io.StringIO()
    with Store.open(db, readonly=True) as store:
        export(store, "html", None, out)
    return out.getvalue()


def test_two_coders_get_a_matrix_and_their_disagreements(tmp_path):
    html = _html(_library(tmp_path, {"ann": ["claim", "opinion", "claim", "quotation"],
                                     "bob": ["claim", "opinion", None, "quotation"],
                                     "agreed": ["claim", None, None, None]}))
    assert '<section class="agreement" id="agreement">' in html
    # ann/bob: p_o 3/4, p_e 4/16 -> kappa 2/3 (see tests/cli/test_agreement_cli.py)
    assert '<td title="observed 0.75, 4 statements">0.67</td>' in html
    assert "Statements where the coders differ (1)" in html
    assert "Growth rose by four percent." in html and "ann: claim; bob: none" in html
    assert "“agreed” (adopted) are not counted" in html
    assert "<b>quotes</b>" not in html and "&lt;b&gt;quotes&lt;/b&gt;" in html  # escaped


def test_one_coder_gets_no_section(tmp_path):
    html = _html(_library(tmp_path, {"ann": ["claim", "opinion", "claim", "quotation"]}))
    assert 'id="agreement"' not in html
