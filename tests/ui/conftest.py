"""Qt part of the isolation: QSettings live in the test's own directory, never the user's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path):
    """QSettings as INI files under the test's home (set up by tests/conftest.py)."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "home" / "config"))
    yield
