"""Dialogs of the reader window; each exposes an ``ask(...)`` classmethod that tests patch.

- ``about.AboutDialog``: name and version.
- ``shortcuts.ShortcutsDialog`` and ``shortcuts.ShortcutsOverlay``: the keymap.
- ``settings.SettingsDialog``: author, key remapping, suggestion threshold (QSettings).
- ``export.ExportDialog``: File > Export... with filters and a live count.
- ``importing.ImportDialog`` / ``importing.import_file``: File > Import.
- ``clipboard.new_from_clipboard``: File > New from Clipboard.
"""
