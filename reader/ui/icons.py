"""qtawesome icons tinted for the current palette, drawn just after the window shows.

Importing qtawesome costs about 0.2 s of the GUI thread (its qtpy layer makes every type
of four Qt modules at once), so widgets only record the icon they want (``set_icon``);
once the window is on screen ``IconWarmUp`` does that work in short steps between the
window's other events, and ``apply_icons`` draws them all; later widgets get theirs at
once. Icons follow palette changes.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
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


#: What qtpy makes all at once (in one go: 0.2 s of the GUI thread, while big documents
#: were loading), made here TYPES_PER_STEP types per turn of the event loop.
WARM_MODULES = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtOpenGL", "PySide6.QtWidgets")
TYPES_PER_STEP = 60


def warm_up_steps() -> Iterator[None]:
    """The work of importing qtawesome and loading its fonts, in steps of at most a few
    tens of milliseconds (one per ``next``)."""
    for module_name in WARM_MODULES:
        # PySide makes a module's types on first use; qtpy's star imports use them all
        module = importlib.import_module(module_name)
        names = dir(module)
        for start in range(0, len(names), TYPES_PER_STEP):
            for name in names[start:start + TYPES_PER_STEP]:
                getattr(module, name, None)
            yield
    importlib.import_module("qtawesome")
    yield
    icon("mdi6.circle")   # the first icon loads the icon fonts


class IconWarmUp(QObject):
    """Runs ``warm_up_steps`` one per turn of the event loop (on the GUI thread: PySide
    makes its types lazily and not thread-safely); ``finished`` once all have run."""

    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps = warm_up_steps()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def start(self) -> None:
        """Begin (the first step runs at the next turn of the event loop)."""
        self._timer.start()

    def _step(self) -> None:
        try:
            next(self._steps)
        except Exception:  # StopIteration: all done; else a module missing: empty icons
            self.finished.emit()
            return
        self._timer.start()


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
