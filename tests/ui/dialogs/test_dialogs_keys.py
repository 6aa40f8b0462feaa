"""About box, keyboard shortcuts dialog and overlay, settings dialog and key remapping."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QKeySequenceEdit, QLineEdit, QMainWindow

from reader import __version__
from reader.ui.dialogs import AboutDialog
from reader.ui.dialogs import KeymapTable
from reader.ui.dialogs import keymap_rows
from reader.ui.dialogs import (ReaderSettings, SettingsDialog, load_settings,
                                        os_user_name, save_settings)
from reader.ui.dialogs import ShortcutsDialog, ShortcutsOverlay

#: A small keymap in the session's form (key text -> action name).
KEYMAP = {"J": "next_statement", "Down": "next_statement", "K": "previous_statement",
          "Shift+G": "last_statement", "C": "tag_claim", "2": "tag_claim",
          "Ctrl+Shift+Z": "redo", "Ctrl+Y": "redo", "?": "show_shortcuts",
          "X": "some_new_action"}


def test_about_shows_version(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert __version__ in dialog.version_label.text()
    assert dialog.accessibleName()


@pytest.mark.parametrize("action, text, keys", [
    ("next_statement", "Next statement", "j or Down"),
    ("last_statement", "Last statement", "Shift+G"),
    ("tag_claim", "Tag as claim (again: remove)", "c or 2"),
    ("redo", "Redo", "Ctrl+Shift+Z or Ctrl+Y"),
    ("some_new_action", "Some new action", "x"),
])
def test_keymap_rows_are_readable(action, text, keys):
    rows = {row[1]: row for row in keymap_rows(KEYMAP)}
    assert rows[action][2:] == (text, keys)


def test_shortcuts_dialog_lists_every_action_grouped(qtbot):
    dialog = ShortcutsDialog(KEYMAP)
    qtbot.addWidget(dialog)
    rows = dialog.rows()
    assert ("Next statement", "j or Down") in rows
    assert len(rows) == len(set(KEYMAP.values()))
    groups = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert groups == ["Move", "Tag", "Edit", "Help", "Other"]


def test_shortcuts_default_to_the_remapped_session_keymap(qtbot):
    save_settings(ReaderSettings("a", {"tag_claim": ("X",)}))
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    assert ("Tag as claim (again: remove)", "x") in dialog.rows()
    assert ("Write or edit the tag's note", "n") in dialog.rows()


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_J, Qt.Key.Key_Space])
def test_overlay_hides_on_any_key_and_gives_focus_back(qtbot, key):
    window = QMainWindow()
    editor = QLineEdit(window)
    window.setCentralWidget(editor)
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    editor.setFocus()
    overlay = ShortcutsOverlay(window, KEYMAP)
    assert not overlay.isVisible()
    overlay.popup()
    assert overlay.isVisible()
    assert overlay.geometry() == window.rect()
    assert ("Previous statement", "k") in overlay.entries
    qtbot.waitUntil(overlay.hasFocus)
    with qtbot.waitSignal(overlay.dismissed):
        qtbot.keyClick(overlay, key)
    assert not overlay.isVisible()
    qtbot.waitUntil(editor.hasFocus)
    assert editor.text() == ""  # the dismissing key is not typed into the window


def test_overlay_ignores_lone_modifier_and_hides_on_click(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    overlay = ShortcutsOverlay(window, KEYMAP)
    overlay.popup()
    qtbot.keyClick(overlay, Qt.Key.Key_Shift)
    assert overlay.isVisible()
    qtbot.mouseClick(overlay, Qt.MouseButton.LeftButton)
    assert not overlay.isVisible()


@pytest.mark.parametrize("overrides, expected, gone", [
    ({}, {"J": "next_statement", "C": "tag_claim"}, []),
    ({"tag_claim": ("X", "2")}, {"X": "tag_claim", "2": "tag_claim"}, ["C"]),
    ({"next_statement": ("Down",)}, {"Down": "next_statement"}, ["J"]),
    ({"next_statement": (",", "Down")}, {",": "next_statement", "Down": "next_statement"},
     ["J"]),
    ({"tag_opinion": ()}, {}, ["O", "1"]),
])
def test_settings_keymap_merges_through_the_session(overrides, expected, gone):
    keymap = ReaderSettings("a", overrides).keymap()
    for key, action in expected.items():
        assert keymap[key] == action
    for key in gone:
        assert key not in keymap


def test_settings_dialog_uses_the_session_keymap(qtbot):
    from reader.core.session import DEFAULT_KEYMAP

    dialog = SettingsDialog(ReaderSettings("a"))
    qtbot.addWidget(dialog)
    assert dialog.keys_table.rowCount() == len(set(DEFAULT_KEYMAP.values()))
    assert dialog.keys_table.overrides() == {}
    assert dialog.conflict_label.text() == ""


def test_settings_round_trip_through_qsettings():
    assert load_settings() == ReaderSettings(os_user_name(), {}, 80)
    chosen = ReaderSettings("ada", {"next_statement": ("N", "Down"), "tag_claim": ()}, 65)
    save_settings(chosen)
    assert load_settings() == chosen
    assert QSettings().value("author") == "ada"
    save_settings(ReaderSettings("ada", {}, 65))
    assert load_settings().key_overrides == {}


def test_settings_ignore_a_hand_broken_key_entry():
    QSettings().setValue("keys/next_statement", "not json [")
    QSettings().setValue("suggestions/threshold", "lots")
    settings = load_settings()
    assert settings.key_overrides == {}
    assert settings.suggestion_threshold == 80


def _record_key(qtbot, table: KeymapTable, row: int, column: int, key: Qt.Key,
                modifier=Qt.KeyboardModifier.NoModifier, start=Qt.Key.Key_Return) -> None:
    """Select a key cell, press Enter (or F2), type the key, as a keyboard user would."""
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, start)
    editors = [e for e in table.findChildren(QKeySequenceEdit) if e.isVisible()]
    assert len(editors) == 1
    qtbot.keyClick(editors[0], key, modifier)
    qtbot.waitUntil(lambda: not editors[0].isVisible())


def test_keymap_table_records_a_key_from_the_keyboard(qtbot):
    table = KeymapTable(KEYMAP, {}, None)
    qtbot.addWidget(table)
    table.show()
    assert table.overrides() == {}
    row = [table.item(r, 0).text() for r in range(table.rowCount())].index("Previous statement")
    _record_key(qtbot, table, row, 2, Qt.Key.Key_P)
    assert table.keys()["previous_statement"] == ("K", "P")
    assert table.overrides() == {"previous_statement": ("K", "P")}
    _record_key(qtbot, table, row, 1, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier,
                start=Qt.Key.Key_F2)
    assert table.keys()["previous_statement"] == ("Ctrl+I", "P")
    assert table.item(row, 1).text() == "Ctrl+I"
    _record_key(qtbot, table, row, 1, Qt.Key.Key_K)
    table.setCurrentCell(row, 2)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert table.overrides() == {}


def test_settings_dialog_flags_conflicts_and_returns_choice(qtbot, monkeypatch):
    dialog = SettingsDialog(ReaderSettings("bo", {}, 70), defaults=KEYMAP)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled() and dialog.conflict_label.text() == ""
    dialog.keys_table.set_key("tag_claim", 1, "J")
    assert not ok.isEnabled()
    assert "Next statement" in dialog.conflict_label.text()
    dialog.keys_table.set_key("tag_claim", 1, "3")
    assert ok.isEnabled()
    dialog.author_edit.setText("  ")
    dialog.threshold_spin.setValue(91)
    result = dialog.result_settings()
    assert result == ReaderSettings(os_user_name(), {"tag_claim": ("C", "3")}, 91)
    dialog.keys_table.reset_to_defaults()
    assert dialog.result_settings().key_overrides == {}


def test_settings_ask_saves_on_ok_only(qtbot, monkeypatch):
    monkeypatch.setattr("reader.ui.dialogs._settings.session_default_keymap", lambda: KEYMAP)

    def accept_with(name):
        def run(self):
            self.author_edit.setText(name)
            return SettingsDialog.DialogCode.Accepted
        return run

    monkeypatch.setattr(SettingsDialog, "exec", accept_with("cy"))
    assert SettingsDialog.ask().author == "cy"
    assert load_settings().author == "cy"
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: SettingsDialog.DialogCode.Rejected)
    assert SettingsDialog.ask() is None
    assert load_settings().author == "cy"
