"""About box: name, version and a one-line description.

``AboutDialog(parent=None)``; ``AboutDialog.ask(parent)`` shows it modally and returns None.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from reader import APP_NAME, __version__


class AboutDialog(QDialog):
    """Shows the application name, version and what it is for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.setAccessibleName(f"About {APP_NAME}")
        layout = QVBoxLayout(self)
        self.title_label = QLabel(f"<h2>{APP_NAME}</h2>", self)
        self.version_label = QLabel(f"Version {__version__}", self)
        self.version_label.setAccessibleName("Version")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        about = QLabel(
            "Read sources side by side, see which passages go together and how they differ, "
            "and tag every statement as opinion, claim or quotation from the keyboard.", self)
        about.setWordWrap(True)
        for label in (self.title_label, self.version_label, about):
            layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> None:
        """Show the box modally; there is nothing to choose, so it returns None."""
        cls(parent).exec()
        return None
