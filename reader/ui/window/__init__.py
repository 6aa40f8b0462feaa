"""The main window and the controllers it owns: documents, menus, panels, keys, state."""

from __future__ import annotations

from reader.ui.window._key_replay import KeyReplay, parse_keys
from reader.ui.window._main_window import MainWindow

__all__ = [
    "KeyReplay", "MainWindow", "parse_keys",
]
