"""Shared fixtures: tests never touch the user's settings, data or library."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path, monkeypatch):
    """Point platformdirs and READER_DB at the test's own directory (QSettings: tests/ui)."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("READER_DB", str(tmp_path / "library.sqlite3"))
    yield


@pytest.fixture
def seeds() -> list[Path]:
    """The two sample articles."""
    return list(SEEDS)


@pytest.fixture
def neutral_seed() -> Path:
    """The neutral article (15 sentences)."""
    return ROOT / "seeds" / "000_e66fe55ed26b97b5.txt"


@pytest.fixture
def column_seed() -> Path:
    """The opinion column with a headline and a block quote."""
    return ROOT / "seeds" / "004_214095e5e5318186.txt"
