"""File > New from Clipboard: the clipboard's text (plain or HTML) becomes a document.

``new_from_clipboard(bridge, parent=None) -> Document | None``: reads
``QGuiApplication.clipboard().mimeData()``, builds the Document with the core's
``document_from_clipboard(text, html)``, keeps it in the library with
``remember_clipboard_document(store, doc)`` (so it reopens from File > Open Recent), and
returns it for the window to open in a new pane. When the clipboard holds no text, or the
text cannot be used, the user is told why and None is returned. A library that cannot be
written is reported, but the document is still returned (it is shown, just not kept).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reader.core.errors import ReaderError, StoreError

TITLE = "New from Clipboard"
NO_TEXT = ("The clipboard holds no text. Copy some text, or a selection from a web page or "
           "a word processor, then try again.")


def clipboard_text() -> tuple[str, str]:
    """(plain text, HTML) on the clipboard; either may be empty."""
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None:
        return "", ""
    text = mime.text() if mime.hasText() else ""
    html = mime.html() if mime.hasHtml() else ""
    return text, html


def new_from_clipboard(bridge: Any, parent: QWidget | None = None) -> Any:
    """The clipboard as a new Document kept in the library, or None (the user is told why)."""
    from reader.core.session import document_from_clipboard, remember_clipboard_document

    parent = parent or QApplication.activeWindow()
    text, html = clipboard_text()
    if not text.strip() and not html.strip():
        QMessageBox.information(parent, TITLE, NO_TEXT)
        return None
    try:
        document = document_from_clipboard(text, html or None)
    except ReaderError as exc:
        QMessageBox.information(parent, TITLE, str(exc))
        return None
    if not document.text.strip():
        QMessageBox.information(parent, TITLE, NO_TEXT)
        return None
    store = getattr(getattr(bridge, "session", None), "store", None)
    if store is not None:
        try:
            remember_clipboard_document(store, document)
        except StoreError as exc:
            QMessageBox.warning(parent, TITLE, f"The pasted text is shown but could not be "
                                               f"kept in the library: {exc}")
    return document
