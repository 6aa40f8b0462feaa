"""Shared helpers for the window tests: open a real MainWindow on files, wait for work,
write small documents whose links are obvious, press keys as a user would."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

# Four statements per document; the aligner links 0-0, 1-3 and 3-2.
COUNCIL_A = """The city council approved the new budget on Tuesday after a long debate.

Mayor Jane Holt said the plan would fund three new libraries across the north side.

Critics argued that the budget ignores rising maintenance costs for public pools.

The vote passed seven to two, with both dissenting members citing transit delays.
"""

COUNCIL_B = """After a long debate, the city council approved the new budget on Tuesday evening.

Residents packed the hall, and many waited hours to speak.

The vote passed seven to two, with both dissenting members citing transit delays and costs.

Mayor Jane Holt said the plan would fund three new public libraries on the north side.
"""

WORDS = ("river harbor mountain lantern copper violet meadow engine orchard canyon glacier "
         "pepper saddle thunder marble pigeon tunnel velvet walnut falcon compass timber "
         "quarry ribbon summit cobalt jasmine anchor beacon cellar fossil garnet hammer "
         "ivory juniper kettle ledger mosaic nectar oyster parcel quiver raven scarlet "
         "tundra umber vessel willow yonder zephyr badger cactus dagger ember fennel "
         "gravel hazel island jungle kernel lagoon magnet nickel onyx pebble quartz "
         "rustic saffron tallow utopia vortex wander yarrow zinc amber bramble citadel "
         "dynamo estuary furnace gazelle harvest indigo jigsaw kiosk lilac mantle nomad "
         "obelisk pollen quill rampart sequoia trellis urchin valley wicker").split()


def write(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` (UTF-8) and return the path."""
    path.write_text(text, encoding="utf-8")
    return path


def long_pair(tmp_path: Path, paragraphs: int = 60, extra: int = 25,
              seed: int = 7) -> tuple[Path, Path, list[str]]:
    """Two long documents sharing ``paragraphs`` distinct sentences; the second starts with
    ``extra`` unrelated ones, so following links differs from scrolling proportionally."""
    rng = random.Random(seed)

    def sentence() -> str:
        return " ".join(rng.sample(WORDS, 14)).capitalize() + "."

    shared = [sentence() for _ in range(paragraphs)]
    filler = [sentence() for _ in range(extra)]
    a = write(tmp_path / "long_a.txt", "\n\n".join(shared) + "\n")
    b = write(tmp_path / "long_b.txt", "\n\n".join(filler + shared) + "\n")
    return a, b, shared


def open_window(qtbot: Any, tmp_path: Path, files: Sequence[Path] = (), restore: bool = False,
                size: tuple[int, int] | None = (1400, 900), method: str = "lexical") -> Any:
    """A shown MainWindow on a temporary library with ``files`` opened (waits for them).

    Links use the quick lexical method unless ``method`` says otherwise (the semantic one
    loads a model for seconds)."""
    from reader.ui.window import MainWindow

    window = MainWindow(db_path=tmp_path / "library.sqlite3", restore=restore,
                        align_method=method)
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.documents.start([str(f) for f in files])
    if files:
        qtbot.waitUntil(lambda: len(window.panes) == len(files) and window.documents.documents_shown(),
                        timeout=15000)
    return window


def wait_idle(qtbot: Any, window: Any, timeout: int = 20000) -> None:
    """Wait until no background work is left (loading, suggesting, aligning)."""
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=timeout)


def wait_aligned(qtbot: Any, window: Any, timeout: int = 20000) -> None:
    """Wait until the first two panes are aligned."""
    def done() -> bool:
        panes = window.session.panes
        if len(panes) < 2:
            return False
        a, b = panes[0].document.sha256, panes[1].document.sha256
        return (window.bridge.alignment(a, b) or window.bridge.alignment(b, a)) is not None

    qtbot.waitUntil(done, timeout=timeout)


def press(qtbot: Any, window: Any, key: str) -> None:
    """Press ``key`` (portable text, e.g. "C", "Shift+J", "Ctrl+Z") on the focused widget."""
    from PySide6.QtWidgets import QApplication

    target = QApplication.focusWidget() or window
    if len(key) == 1 and not key.isalnum():
        qtbot.keyClick(target, key)
        return
    combination = QKeySequence(key)[0]
    qtbot.keyClick(target, combination.key(), combination.keyboardModifiers())


def focus_first_pane(qtbot: Any, window: Any) -> None:
    """Make sure the first pane's text has the keyboard focus (as at start-up)."""
    window.activateWindow()
    window.panes[0].view.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: window.panes[0].view.hasFocus())


def tags_in_store(path: Path) -> list[tuple[int, int, str, str]]:
    """(document_id, start, kind, note) of every tag in a library file, read directly."""
    import sqlite3

    with sqlite3.connect(path) as conn:
        return list(conn.execute(
            'SELECT document_id, start, kind, note FROM tags ORDER BY document_id, start'))


def record_message_boxes(monkeypatch: Any) -> list[str]:
    """Information and warning boxes recorded instead of shown ("warning: " before a
    warning's text)."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text: shown.append("warning: " + text))
    return shown
