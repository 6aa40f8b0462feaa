"""The reader's settings (QSettings): author, key remapping, suggestion threshold.

Kept apart from the Settings dialog so that panels and the window read them without it.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass, field

from PySide6.QtCore import QSettings

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
