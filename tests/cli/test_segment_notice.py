"""`reader segment` on a web page whose article looks too short: a note, exit status 0."""

from __future__ import annotations

import json

from tests.cli.test_cli_basics import run_reader
from tests.core.loaders.short_pages import DISCUSSION, LEAD, comment_heavy_page


def test_short_extraction_is_a_note_on_stderr(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(comment_heavy_page(), encoding="utf-8")
    result = run_reader("segment", str(path), "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(f"note: {path}: Only 9 words were found as the article")
    assert "--whole-page" in result.stderr and result.stderr.count("\n") == 1
    texts = [s["text"] for s in json.loads(result.stdout)["statements"]]
    assert LEAD in texts


def test_whole_page_option_reads_everything(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(comment_heavy_page(), encoding="utf-8")
    result = run_reader("segment", str(path), "--json", "--whole-page")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    text = " ".join(s["text"] for s in json.loads(result.stdout)["statements"])
    assert DISCUSSION[-1] in text
