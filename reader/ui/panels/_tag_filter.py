"""Filtering proxy over TagsModel: kind, document, author and text, all at once.

``TagFilterProxy(parent=None)``: set ``set_kind``, ``set_document``, ``set_author`` (None or
"" = any) and ``set_text`` (case-insensitive words, each must occur in the statement or
its note). Sorting by any column is kept from QSortFilterProxyModel.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from reader.ui.models import AuthorRole, DocumentRole, KindRole, KindsRole, SearchRole


class TagFilterProxy(QSortFilterProxyModel):
    """Keeps the rows that pass every active filter."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kind: str | None = None
        self._document: str | None = None
        self._author: str | None = None
        self._words: tuple[str, ...] = ()

    def _changed(self) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter is deprecated there
            self.beginFilterChange()
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def set_kind(self, kind: str | None) -> None:
        """Only this tag kind (None: any)."""
        self._kind = kind or None
        self._changed()

    def set_document(self, title: str | None) -> None:
        """Only statements of the document with this title (None: any)."""
        self._document = title or None
        self._changed()

    def set_author(self, author: str | None) -> None:
        """Only tags by this author (None: any; "" is the tags with no author)."""
        self._author = author
        self._changed()

    def set_text(self, text: str) -> None:
        """Only rows whose statement or note contains every word of ``text``."""
        self._words = tuple(text.casefold().split())
        self._changed()

    def filterAcceptsRow(self, source_row: int,  # noqa: N802 (Qt override)
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        """True when the row passes the kind, document, author and text filters."""
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._kind == "note":  # "Notes": every statement with a note, of any kind
            if not model.data(model.index(source_row, 3, source_parent)):
                return False
        elif self._kind and self._kind not in (model.data(index, KindsRole)
                                               or (model.data(index, KindRole),)):
            return False
        if self._document and model.data(index, DocumentRole) != self._document:
            return False
        if self._author is not None and self._author not in (model.data(index, AuthorRole)
                                                              or ()):
            return False
        if self._words:
            haystack = str(model.data(index, SearchRole) or "").casefold()
            return all(word in haystack for word in self._words)
        return True
