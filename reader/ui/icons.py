"""qtawesome icons tinted for the current palette, drawn just after the window shows.

Importing qtawesome costs about half a second (its qtpy layer builds every Qt enum), so
widgets only record the icon they want (``set_icon``) and ``apply_icons`` draws them all
once the window is on screen; later widgets get theirs at once. Icons follow palette
changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette, QPixmap

_NAME = "iconName"
_COLOR = "iconColor"
_READY = "readerIconsReady"     # QApplication property: the icon font is loaded


def icon(name: str, color: str | QColor | None = None) -> QIcon:
    """A qtawesome icon in ``color`` (default: the palette's text colour), or an empty icon
    if it cannot be drawn."""
    if not name:
        return QIcon()
    try:
        import qtawesome

        palette = QGuiApplication.palette()
        return qtawesome.icon(
            name,
            color=QColor(color) if color else palette.color(QPalette.ColorRole.ButtonText),
            color_disabled=palette.color(QPalette.ColorGroup.Disabled,
                                         QPalette.ColorRole.ButtonText))
    except Exception:  # a missing font or unknown name must never break the window
        return QIcon()


def icons_ready() -> bool:
    """True once ``apply_icons`` has run (icons are then drawn as widgets ask)."""
    app = QCoreApplication.instance()
    return bool(app is not None and app.property(_READY))


def set_icon(target: QObject, name: str, color: str | None = None) -> None:
    """Give ``target`` (a QAction, button or label) an icon now if icons are loaded, else
    when ``apply_icons`` runs."""
    target.setProperty(_NAME, name)
    if color:
        target.setProperty(_COLOR, color)
    if icons_ready():
        _apply(target)
    elif hasattr(target, "setIcon") and hasattr(target, "icon") and target.icon().isNull():
        # until then a blank of icon size: an icon-only tool bar would otherwise show each
        # action's text ("Tag as opinion (again: remove)") for up to seconds, then jump
        target.setIcon(_blank())


def apply_icons(root: QObject) -> None:
    """Draw the recorded icons of ``root`` and everything under it (again on a palette
    change, so icons follow light and dark)."""
    app = QCoreApplication.instance()
    if app is not None:
        app.setProperty(_READY, True)
    for target in [root, *root.findChildren(QObject)]:
        if target.property(_NAME):
            _apply(target)


def _blank() -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


def _apply(target: QObject) -> None:
    name = str(target.property(_NAME) or "")
    color = target.property(_COLOR)
    made = icon(name, str(color) if color else None)
    if hasattr(target, "setIcon"):
        target.setIcon(made)
    elif hasattr(target, "setPixmap"):
        target.setPixmap(made.pixmap(20, 20))
