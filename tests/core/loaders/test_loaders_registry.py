"""Choosing a loader by suffix: plain text is read without the other formats' modules."""

from __future__ import annotations

import subprocess
import sys

from reader.core.loaders import extra_loaders
from reader.core.text import TEXT_SUFFIXES


def test_no_format_loader_claims_a_text_suffix():
    assert not set(extra_loaders()) & set(TEXT_SUFFIXES)


def test_plain_text_loads_without_importing_the_format_modules(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("One line.\n\nAnother paragraph.\n", encoding="utf-8")
    code = ("import sys\nfrom reader.core.loaders import load_document\n"
            f"document = load_document({str(path)!r})\n"
            "assert 'Another paragraph.' in document.text\n"
            "print(sorted(m for m in sys.modules if m in ('reader.core.loaders._pdf', "
            "'reader.core.loaders._docx', 'reader.core.loaders._web')))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
