"""Builders shared by the panel, model and dialog tests: a real ReadingSession on a temporary
library, wired to a SessionBridge as the window wires it."""

from __future__ import annotations

from pathlib import Path

from reader.core.text import Document, document_from_text
from reader.core.loaders import load_document
from reader.core.session import ReadingSession
from reader.core.text import segment_document
from reader.core.store import Store
from reader.ui.jobs import SessionBridge

#: First version of a document whose first sentence disappears in the second version.
OLD_TEXT = ("The council voted to close the library on Monday. Residents were furious about "
            "the plan. The mayor said nothing.")
NEW_TEXT = "Residents were furious about the plan. The mayor said nothing at all today."


def make_bridge(store: Store | None, author: str = "tester") -> SessionBridge:
    """A bridge with a fresh session attached, events flowing into its signals."""
    bridge = SessionBridge()
    bridge.attach(ReadingSession(store, author, events=bridge.dispatch))
    return bridge


def open_document(bridge: SessionBridge, document: Document) -> int:
    """Open a document in a new pane; returns the pane index."""
    bridge.session.open_document(document, segment_document(document))
    return len(bridge.session.panes) - 1


def open_paths(bridge: SessionBridge, paths: list[Path]) -> None:
    """Open files in new panes."""
    for path in paths:
        open_document(bridge, load_document(path))


def align_open_panes(bridge: SessionBridge, top_k: int = 5,
                     pins: tuple[tuple[int, int], ...] = ((1, 7),)) -> None:
    """Align panes 0 and 1 as the window's alignment worker does, and hand it to the bridge.

    The pin (a manual link, as L makes) guarantees one link whatever the aligner's scores.
    """
    from reader.core.align import align_pair

    left, right = bridge.session.panes[:2]
    alignment = align_pair(left.statements, right.statements, left_index=0, right_index=1,
                           top_k=top_k, method="lexical", pins=pins)
    bridge.set_alignment(left.document.sha256, right.document.sha256, alignment)


def make_orphan(bridge: SessionBridge, tmp_path: Path) -> int:
    """Tag a document, reopen a changed version at the same path so the tag is orphaned;
    returns the pane index of the new version."""
    from reader.core.session import ACTIONS, set_current

    path = tmp_path / "changing.txt"
    pane = open_document(bridge, document_from_text(OLD_TEXT, path=path))
    set_current(bridge.session, pane, 0)
    ACTIONS["tag_claim"](bridge.session)
    bridge.session.close_pane(pane)
    return open_document(bridge, document_from_text(NEW_TEXT, path=path))
