"""Session actions on manual links and orphaned tags (each one undo step)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from reader.core.anchoring import make_selector
from reader.core.session._open import links_between
from reader.core.store import ManualLink, now_iso
from reader.core.session._undo import Edit, LinkChange, TagChange

if TYPE_CHECKING:
    from reader.core.session._session import ReadingSession

Span = tuple[int, int, int]  # (document id, start, end)


def current_pair(session: ReadingSession, other: int | None = None
                 ) -> tuple[Span, Span] | None:
    """The current statements of the focused pane and of pane ``other`` (default: the next
    pane, the previous one for the last pane), left pane first; None with fewer than two
    panes."""
    if len(session.panes) < 2:
        return None
    index = session.focused
    if other is None or other == index or not 0 <= other < len(session.panes):
        other = index + 1 if index + 1 < len(session.panes) else index - 1
    ends: list[Span] = []
    for pane in sorted((session.panes[index], session.panes[other]),
                       key=session.panes.index):
        if pane.current < 0:
            return None
        statement = pane.statements[pane.current]
        ends.append((pane.doc_key, statement.start, statement.end))
    return ends[0], ends[1]


def _new_link(session: ReadingSession, left: Span, right: Span, action: str) -> ManualLink:
    return ManualLink(session.new_id(), *left, *right, action, session.author, now_iso())


def statement_pair(session: ReadingSession, pane: int, statement: int, other: int,
                   other_statement: int) -> tuple[Span, Span] | None:
    """Two statements of two different panes as (left span, right span) by pane order; None
    when either does not exist."""
    ends: list[tuple[int, Span]] = []
    for index, number in ((pane, statement), (other, other_statement)):
        if not 0 <= index < len(session.panes) or pane == other:
            return None
        statements = session.panes[index].statements
        if not 0 <= number < len(statements):
            return None
        ends.append((index, (session.panes[index].doc_key, statements[number].start,
                             statements[number].end)))
    ends.sort()
    return ends[0][1], ends[1][1]


def link_statements(session: ReadingSession, pane: int, statement: int, other: int,
                    other_statement: int) -> bool:
    """Pin a link between a statement of ``pane`` and one of ``other`` (replacing a rejection
    between them); False when there is nothing to do."""
    pair = statement_pair(session, pane, statement, other, other_statement)
    return pair is not None and _link(session, pair)


def unlink_statements(session: ReadingSession, pane: int, statement: int, other: int,
                      other_statement: int) -> bool:
    """Remove a pinned link between two statements, or else record that they are not
    related; False when there is nothing to do."""
    pair = statement_pair(session, pane, statement, other, other_statement)
    return pair is not None and _unlink(session, pair)


def link_current(session: ReadingSession, other: int | None = None) -> None:
    """Pin a link between the current statements of the focused and the next pane (or
    pane ``other``), replacing a rejection between them."""
    pair = current_pair(session, other)
    if pair is not None:
        _link(session, pair)


def _link(session: ReadingSession, pair: tuple[Span, Span]) -> bool:
    existing = links_between(session.manual_links(), *pair)
    if any(link.action == "link" for link in existing):
        return False
    changes = [LinkChange(link, None) for link in existing]
    changes.append(LinkChange(None, _new_link(session, *pair, "link")))
    session.commit(Edit("link", tuple(changes)))
    return True


def unlink_current(session: ReadingSession) -> None:
    """Remove a pinned link between the two current statements, or else record that
    they are not related (a rejection hides an automatic link)."""
    pair = current_pair(session)
    if pair is not None:
        _unlink(session, pair)


def _unlink(session: ReadingSession, pair: tuple[Span, Span]) -> bool:
    existing = links_between(session.manual_links(), *pair)
    pinned = [link for link in existing if link.action == "link"]
    if pinned:
        session.commit(Edit("unlink", tuple(LinkChange(link, None) for link in pinned)))
        return True
    if not existing:
        session.commit(Edit("reject link",
                            (LinkChange(None, _new_link(session, *pair, "reject")),)))
        return True
    return False


def reattach_orphan(session: ReadingSession, tag_id: int) -> bool:
    """Put an orphaned tag on the focused pane's current statement; False if impossible."""
    tag = session.orphan(tag_id)
    pane = session.focused_pane()
    if tag is None or pane is None or pane.current < 0:
        return False
    statement = pane.statements[pane.current]
    exact, prefix, suffix = make_selector(pane.document.text, statement.start, statement.end)
    moved = replace(tag, document_id=pane.doc_key, start=statement.start, end=statement.end,
                    exact=exact, prefix=prefix, suffix=suffix, orphaned=False,
                    updated_at=now_iso())
    session.commit(Edit("re-attach orphan", (TagChange(tag, moved),)))
    return True


def delete_orphan(session: ReadingSession, tag_id: int) -> bool:
    """Delete an orphaned tag (undo brings it back); False if there is no such orphan."""
    tag = session.orphan(tag_id)
    if tag is None:
        return False
    session.commit(Edit("delete orphan", (TagChange(tag, None),)))
    return True
