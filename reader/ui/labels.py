"""Small helpers shared by the panels and dialogs: icons, kind labels, shortcut text."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QKeySequence

#: The tag kinds in display order, with the label a reader sees.
KIND_LABELS: tuple[tuple[str, str], ...] = (
    ("opinion", "Opinion"),
    ("claim", "Claim"),
    ("quotation", "Quotation"),
)

#: qtawesome icon per tag kind, the shapes the panes draw (circle, square, quote mark), so
#: colour is never the only cue.
KIND_ICONS: tuple[tuple[str, str], ...] = (
    ("opinion", "fa6s.circle"),
    ("claim", "fa6s.square"),
    ("quotation", "fa6s.quote-left"),
)


def icon(name: str) -> QIcon:
    """A qtawesome icon tinted for the palette (the window's helper), or an empty icon."""
    from reader.ui.icons import icon as palette_icon

    return palette_icon(name)


def rasterized(source: QIcon) -> QIcon:
    """The icon drawn once into pixmaps (16 to 64 px): a qtawesome icon otherwise repaints
    its glyph in Python on every paint of every row."""
    if source.isNull():
        return source
    out = QIcon()
    for size in (16, 24, 32, 48, 64):
        out.addPixmap(source.pixmap(size, size))
    return out


def column_header(columns: tuple[str, ...], section: int, orientation: Qt.Orientation,
                  role: int) -> Any:
    """An item model's ``headerData``: the title of horizontal ``section``, else None."""
    if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(columns)):
        return columns[section]
    return None


class IconCache:
    """Icons made once and reused: item models ask for them on every repaint, and building
    a qtawesome icon is costly (and PySide 6.12 on Python 3.11 leaks a reference to None
    on every void call, so repaint paths must stay lean)."""

    def __init__(self) -> None:
        self._icons: dict[str, QIcon] = {}
        self.styles: dict[str, tuple[str, str]] = {}  # own kind -> (shape, colour)

    def kind(self, kind: str) -> QIcon:
        """The icon of a tag kind (a kind of the library's own: its shape and colour)."""
        key = f"kind:{kind}"
        if key not in self._icons:
            style = self.styles.get(kind)
            if style is not None:
                from PySide6.QtGui import QColor

                from reader.ui.tag_style import shape_icon

                self._icons[key] = shape_icon(style[0], QColor(style[1]))
            else:
                self._icons[key] = kind_icon(kind)
        return self._icons[key]

    def set_codebook(self, kinds: Any) -> None:
        """Shapes and colours of the library's own kinds (codebook entries)."""
        styles = {k.name: (k.shape, k.color) for k in kinds if not k.builtin}
        if styles != self.styles:
            self.styles = styles
            self.clear()

    def named(self, name: str) -> QIcon:
        """A qtawesome icon by name."""
        if name not in self._icons:
            self._icons[name] = rasterized(icon(name))
        return self._icons[name]

    def clear(self) -> None:
        """Forget every icon (after a palette change)."""
        self._icons.clear()


def kind_label(kind: str) -> str:
    """The readable label of a tag kind ("claim" -> "Claim")."""
    return dict(KIND_LABELS).get(kind, "Note" if kind == "note" else kind)


def kind_icon(kind: str) -> QIcon:
    """The icon of a tag kind, in the kind's colour for the current palette."""
    name = dict(KIND_ICONS).get(kind)
    if not name:
        return QIcon()
    from reader.ui.tag_style import KIND_COLORS_DARK, KIND_COLORS_LIGHT, is_dark

    colors = KIND_COLORS_DARK if is_dark(QGuiApplication.palette()) else KIND_COLORS_LIGHT
    return _kind_icon(name, colors[kind])


@lru_cache(maxsize=32)
def _kind_icon(name: str, color: str) -> QIcon:
    # cached: a panel fills hundreds of rows on every tag, and each qtawesome icon (with a
    # full ViewColors per call) cost ~0.5 ms
    try:
        import qtawesome

        return rasterized(qtawesome.icon(name, color=QColor(color)))
    except Exception:  # a missing font must never break a list
        return QIcon()


def key_text(sequence: str) -> str:
    """Human-readable text of a portable key sequence: a bare letter is shown as typed ("j")."""
    if len(sequence) == 1 and sequence.isalpha():
        return sequence.lower()
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText) or sequence


def with_shortcut(text: str, sequence: str | None) -> str:
    """Tooltip text followed by its shortcut in parentheses, when there is one."""
    return f"{text} ({key_text(sequence)})" if sequence else text


def short_text(text: str, limit: int = 160) -> str:
    """One line of at most ``limit`` characters, for list cells."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
