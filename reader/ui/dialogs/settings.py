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

import getpass
import json
from dataclasses import dataclass, field

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from reader.ui.dialogs.keymap_table import KeymapTable

DEFAULT_THRESHOLD = 80


def os_user_name() -> str:
    """The login name of the person running the app ("reader" if the OS will not say)."""
    try:
        return getpass.getuser() or "reader"
    except Exception:  # getpass raises various errors without a passwd entry
        return "reader"


def session_default_keymap() -> dict[str, str]:
    """The core session's default keymap (key text -> action name)."""
    from reader.core.session import DEFAULT_KEYMAP

    return dict(DEFAULT_KEYMAP)


def merge_keymap(overrides: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Defaults with each overridden action's keys replaced; via the core's merge."""
    from reader.core.session import keymap_from_settings

    return dict(keymap_from_settings(to_session_overrides(overrides)))


def to_session_overrides(overrides: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Our per-action key lists in the form ``keymap_from_settings`` takes.

    An action maps to its keys joined by ", "; the comma key itself cannot travel in that
    list, so it goes as a separate key -> action entry after its action's entry.
    """
    out: dict[str, str] = {}
    for action, keys in overrides.items():
        out[action] = ", ".join(key for key in keys if "," not in key)
        for key in keys:
            if "," in key:
                out[key] = action
    return out


@dataclass(frozen=True)
class ReaderSettings:
    """The user's choices that outlive a session."""

    author: str
    key_overrides: dict[str, tuple[str, ...]] = field(default_factory=dict)
    suggestion_threshold: int = DEFAULT_THRESHOLD

    def keymap(self) -> dict[str, str]:
        """The session keymap with this remapping applied."""
        return merge_keymap(self.key_overrides)


def load_settings(qsettings: QSettings | None = None) -> ReaderSettings:
    """Read the saved settings (defaults where nothing is saved)."""
    store = qsettings or QSettings()
    author = str(store.value("author", "") or "").strip() or os_user_name()
    overrides: dict[str, tuple[str, ...]] = {}
    store.beginGroup("keys")
    for action in store.childKeys():
        try:
            keys = json.loads(str(store.value(action)))
        except (TypeError, ValueError):
            continue  # a hand-edited, unreadable entry falls back to the default keys
        if isinstance(keys, list) and all(isinstance(k, str) for k in keys):
            overrides[action] = tuple(keys)
    store.endGroup()
    try:
        threshold = int(store.value("suggestions/threshold", DEFAULT_THRESHOLD))
    except (TypeError, ValueError):
        threshold = DEFAULT_THRESHOLD
    return ReaderSettings(author, overrides, min(100, max(0, threshold)))


def save_settings(settings: ReaderSettings, qsettings: QSettings | None = None) -> None:
    """Write the settings; the "keys" group holds exactly the current overrides."""
    store = qsettings or QSettings()
    store.setValue("author", settings.author)
    store.remove("keys")
    store.beginGroup("keys")
    for action, keys in settings.key_overrides.items():
        store.setValue(action, json.dumps(list(keys)))
    store.endGroup()
    store.setValue("suggestions/threshold", settings.suggestion_threshold)
    store.sync()


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
