"""Settings: the author name on new tags, the key remapping, the suggestion threshold.

- ``ReaderSettings`` (frozen): ``author``, ``key_overrides`` (action -> tuple of portable key
  texts, only actions that differ from the defaults), ``suggestion_threshold`` (percent).
  ``settings.keymap()`` is the merged session keymap (key text -> action name).
- ``load_settings(qsettings=None)`` / ``save_settings(settings, qsettings=None)``: QSettings
  keys "author", group "keys" (one JSON list of key texts per remapped action) and
  "suggestions/threshold".
- ``SettingsDialog(settings=None, parent=None, defaults=None)`` (``defaults``: the keymap
  to remap, the session's by default); ``SettingsDialog.ask(parent)`` shows it,
  saves and returns the new ``ReaderSettings`` on OK, None on Cancel. A key given to two
  actions is shown as a conflict and OK stays disabled until it is resolved.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from reader.ui.dialogs._keymap_table import KeymapTable
from reader.ui.settings import (ReaderSettings, load_settings, os_user_name, save_settings,
                                session_default_keymap)

class SettingsDialog(QDialog):
    """Edits a ReaderSettings; ``result_settings()`` is the edited value."""

    def __init__(self, settings: ReaderSettings | None = None,
                 parent: QWidget | None = None,
                 defaults: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setAccessibleName("Settings")
        self.resize(560, 640)
        settings = settings or load_settings()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.author_edit = QLineEdit(settings.author, self)
        self.author_edit.setAccessibleName("Author name")
        self.author_edit.setPlaceholderText(os_user_name())
        self.author_edit.setToolTip("Stored with every new tag, so two readers' tags stay apart")
        form.addRow("&Author:", self.author_edit)
        self.threshold_spin = QSpinBox(self)
        self.threshold_spin.setRange(0, 100)
        self.threshold_spin.setSuffix(" %")
        self.threshold_spin.setValue(settings.suggestion_threshold)
        self.threshold_spin.setAccessibleName("Suggestion threshold")
        self.threshold_spin.setToolTip("Accept suggestions at or above this confidence")
        form.addRow("&Suggestion threshold:", self.threshold_spin)
        layout.addLayout(form)
        layout.addWidget(QLabel("Keys: double-click a key, or select it and press Enter, "
                                "then press the new key. Delete clears it.", self))
        keymap = defaults if defaults is not None else session_default_keymap()
        self.keys_table = KeymapTable(keymap, settings.key_overrides, self)
        layout.addWidget(self.keys_table, 1)
        self.conflict_label = QLabel(self)
        self.conflict_label.setAccessibleName("Key conflicts")
        self.conflict_label.setWordWrap(True)
        layout.addWidget(self.conflict_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        reset = QPushButton("Reset Keys", self)
        reset.setToolTip("Go back to the default keys")
        reset.clicked.connect(self.keys_table.reset_to_defaults)
        self.buttons.addButton(reset, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.keys_table.changed.connect(self._show_conflicts)
        self._show_conflicts()

    def _show_conflicts(self) -> None:
        conflicts = self.keys_table.conflicts()
        self.conflict_label.setText(
            "" if not conflicts else "Used twice: " + "; ".join(
                f"{key} ({', '.join(actions)})" for key, actions in conflicts.items()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not conflicts)

    def result_settings(self) -> ReaderSettings:
        """The settings as currently edited."""
        return ReaderSettings(self.author_edit.text().strip() or os_user_name(),
                              self.keys_table.overrides(), self.threshold_spin.value())

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> ReaderSettings | None:
        """Show the dialog; on OK save and return the new settings, else None."""
        dialog = cls(load_settings(), parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = dialog.result_settings()
        save_settings(chosen)
        return chosen
