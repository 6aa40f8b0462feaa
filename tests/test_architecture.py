"""The core stays free of Qt (GUIDE.md); resources are found without the working directory."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("PySide6", "qtawesome", "shiboken6")


def test_core_modules_import_no_qt():
    offenders = []
    for path in (ROOT / "reader" / "core").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name.split(".")[0] in FORBIDDEN for name in names):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_cli_subcommands_do_not_load_qt(tmp_path):
    code = ("import sys, runpy; sys.argv=['reader','--help'];\n"
            "from reader.cli import build_parser; build_parser()\n"
            "import reader.core.store._store, reader.core.text._statements\n"
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=tmp_path, env=dict(os.environ))
    assert result.returncode == 0, result.stderr


def test_resources_found_from_any_directory(tmp_path):
    code = ("from reader.resources import resource_path;"
            "print(resource_path('icons/app.svg').is_file(), resource_path('style.qss').is_file())")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.stdout.split() == ["True", "True"], result.stderr
