"""The link keys: `l` links the current statement to the outlined candidate (Shift+L rejects
it), Ctrl+1..9 link the n-th candidate of the Related panel."""

from __future__ import annotations

from typing import Any, Callable

from reader.core.session import link_statements, unlink_statements
from reader.ui.links._presenter import LinkPresenter
from reader.ui.models import related_groups

#: Ctrl+1 .. Ctrl+9 link the Related panel's candidates.
NUMBERED = 9


class LinkKeys:
    """Runs the link keys on the bridge's session; ``report`` shows one line to the reader."""

    def __init__(self, bridge: Any, presenter: LinkPresenter,
                 report: Callable[[str], None]) -> None:
        self.bridge = bridge
        self.presenter = presenter
        self.report = report

    def link(self, reject: bool = False) -> bool:
        """Link (or with ``reject`` unlink or reject) the outlined candidate; False when
        there is none."""
        session = self.bridge.session
        target = self.presenter.target()
        if target is None:
            self.report("No candidate is outlined for this statement: pick one in the Related "
                        "panel (Ctrl+1…9) or move to it in the other document first")
            return False
        focused = session.focused
        current = session.panes[focused].current
        act = unlink_statements if reject else link_statements
        done = act(session, focused, current, target.pane, target.statement)
        name = session.panes[target.pane].document.display_name
        what = "Unlinked or rejected" if reject else "Linked"
        if done:
            score = "" if target.chosen else f" ({target.score:.0%})"
            self.report(f"{what}: statement {target.statement + 1} of {name}{score}")
        elif not reject:
            self.report(f"Already linked: statement {target.statement + 1} of {name}")
        return done

    def link_nth(self, number: int) -> bool:
        """Link the ``number``-th candidate (1-based) of the Related panel."""
        session = self.bridge.session
        if session is None or not session.panes:
            return False
        focused = session.focused
        current = session.panes[focused].current
        listed = [c for group in related_groups(self.bridge, focused, current)
                  for c in group.candidates]
        if not 1 <= number <= len(listed):
            self.report(f"The Related panel lists {len(listed)} candidate(s), not {number}")
            return False
        chosen = listed[number - 1]
        done = link_statements(session, focused, current, chosen.pane, chosen.statement)
        name = session.panes[chosen.pane].document.display_name
        self.report(f"{'Linked' if done else 'Already linked'}: statement "
                    f"{chosen.statement + 1} of {name} ({chosen.score:.0%})")
        return done
