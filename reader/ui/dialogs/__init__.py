"""Dialogs of the reader window; each exposes an ``ask(...)`` classmethod that tests patch."""

from __future__ import annotations

from reader.ui.dialogs._about import AboutDialog
from reader.ui.dialogs._clipboard import new_from_clipboard
from reader.ui.dialogs._export import ExportChoice, ExportDialog, export_interactively
from reader.ui.dialogs._importing import ImportDialog, report_import
from reader.ui.dialogs._keymap_table import KeymapTable
from reader.ui.dialogs._kinds import KindsDialog
from reader.ui.dialogs._merge import ask_library_file, choose_library, report_merge
from reader.ui.dialogs._keymap_text import action_text, keymap_rows
from reader.ui.dialogs._settings import (
    ReaderSettings, SettingsDialog, load_settings, os_user_name, save_settings)
from reader.ui.dialogs._sessions import NameDialog, OpenSessionDialog
from reader.ui.dialogs._shortcuts import ShortcutsDialog, ShortcutsOverlay

__all__ = [
    "AboutDialog", "ExportChoice", "ExportDialog", "ImportDialog", "KeymapTable", "KindsDialog",
    "NameDialog", "OpenSessionDialog", "ReaderSettings", "SettingsDialog", "ShortcutsDialog",
    "ShortcutsOverlay", "action_text", "ask_library_file", "choose_library",
    "export_interactively", "keymap_rows", "load_settings", "new_from_clipboard",
    "os_user_name", "report_import", "report_merge", "save_settings",
]
