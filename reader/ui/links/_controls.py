"""The window's link controls: the threshold slider in the tool bar, View > Show More /
Fewer Links and Automatic Link Threshold, Tag > Link Related Candidate > 1..9 (Ctrl+1..9),
and `l` / Shift+L routed to the outlined candidate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from reader.ui.links._keys import NUMBERED, LinkKeys
from reader.ui.links._presenter import LinkPresenter
from reader.ui.links._threshold import LinkThreshold, ThresholdSlider
from reader.ui.models import default_threshold, lowest_threshold

#: Window shortcuts these controls take (the keymap may not use them).
LINK_SHORTCUTS = ("Ctrl+]", "Ctrl+[", *(f"Ctrl+{n}" for n in range(1, NUMBERED + 1)))


@dataclass
class LinkControls:
    """What the window keeps of its link controls."""

    threshold: LinkThreshold
    slider: ThresholdSlider
    keys: LinkKeys
    actions: dict[str, QAction]

    def run(self, name: str) -> bool:
        """Run a keyed link action (``link_current``, ``unlink_current``); True if it was
        one (then it is done, whether or not anything was linked)."""
        if name == "link_current":
            self.keys.link()
            return True
        if name == "unlink_current":
            self.keys.link(reject=True)
            return True
        return False


def install_link_controls(window: QWidget, bridge: Any, settings: Any,
                          presenter: LinkPresenter, view: QMenu, tag: QMenu, toolbar: QToolBar,
                          report: Callable[[str], None]) -> LinkControls:
    """Add the link controls to ``window``'s View and Tag menus and its tool bar."""
    threshold = LinkThreshold(bridge, settings, default_threshold(), lowest_threshold(),
                              bridge.alignmentChanged.emit, window)
    slider = ThresholdSlider(threshold, toolbar)
    bridge.alignmentChanged.connect(slider.sync)
    keys = LinkKeys(bridge, presenter, report)
    actions: dict[str, QAction] = {}

    def add(name: str, text: str, slot: Callable[[], Any], key: str = "") -> QAction:
        action = QAction(text, window)
        action.setObjectName(f"action_{name}")
        if key:
            action.setShortcut(QKeySequence(key))
            action.setToolTip(f"{text.replace('&', '')} ({key})")
        action.triggered.connect(lambda _checked=False: slot())
        window.addAction(action)
        actions[name] = action
        return action

    view.addSeparator()
    view.addAction(add("more_links", "Show &More Links", lambda: threshold.step(-1), "Ctrl+]"))
    view.addAction(add("fewer_links", "Show &Fewer Links", lambda: threshold.step(1), "Ctrl+["))
    view.addAction(add("auto_links", "A&utomatic Link Threshold", lambda: threshold.set(None)))
    numbered = tag.addMenu("Link Related &Candidate")
    for number in range(1, NUMBERED + 1):
        numbered.addAction(add(f"link_candidate_{number}", f"Candidate &{number}",
                               lambda n=number: keys.link_nth(n), f"Ctrl+{number}"))
    toolbar.addSeparator()
    toolbar.addWidget(slider)
    return LinkControls(threshold, slider, keys, actions)
