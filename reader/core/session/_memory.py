"""What a session holds in memory besides its panes: orphans, document records, links,
and how an Edit changes all of it (the panes' tag indexes included)."""

from __future__ import annotations

from typing import Sequence

from reader.core.session._pane import Pane
from reader.core.session._events import LinksChanged, OrphansChanged, SessionEvent, TagsChanged
from reader.core.store import DocumentRecord, ManualLink, Tag
from reader.core.session._undo import Edit, IdMap, LinkChange, TagChange


class SessionMemory:
    """Orphaned tags, known document records and manual links of a session."""

    def __init__(self) -> None:
        self.orphans: dict[int, Tag] = {}
        self.records: dict[int, DocumentRecord] = {}
        self.links: dict[int, ManualLink] = {}

    def apply(self, edit: Edit, panes: Sequence[Pane]) -> list[SessionEvent]:
        """Show an edit in memory; returns the events that tell what changed."""
        touched: dict[int, set[int]] = {}
        link_panes: set[int] = set()
        orphans_changed = False
        for change in edit.changes:
            if isinstance(change, TagChange):
                for tag, adding in ((change.before, False), (change.after, True)):
                    if tag is None:
                        continue
                    if tag.orphaned or tag.id in self.orphans:
                        orphans_changed = True
                        self.orphans.pop(tag.id, None)
                        if adding and tag.orphaned:
                            self.orphans[tag.id] = tag
                            continue
                    for index, pane in enumerate(panes):
                        if pane.doc_key != tag.document_id:
                            continue
                        where = pane.tags.add(tag) if adding else pane.tags.remove(tag.id)
                        if where is not None:
                            touched.setdefault(index, set()).add(where)
            elif isinstance(change, LinkChange):
                for link, adding in ((change.before, False), (change.after, True)):
                    if link is None:
                        continue
                    self.links.pop(link.id, None)
                    if adding:
                        self.links[link.id] = link
                    ends = (link.left_document_id, link.right_document_id)
                    link_panes.update(i for i, p in enumerate(panes) if p.doc_key in ends)
        events: list[SessionEvent] = [TagsChanged(index, tuple(sorted(statements)))
                                      for index, statements in sorted(touched.items())]
        if link_panes:
            events.append(LinksChanged(tuple(sorted(link_panes))))
        if orphans_changed:
            events.append(OrphansChanged(len(self.orphans)))
        return events

    def remap(self, ids: IdMap, panes: Sequence[Pane]) -> None:
        """Replace provisional ids by the store's (after writes that had been pending)."""
        for pane in panes:
            stale = [t for t in pane.tags if ids.tag(t) is not t]
            for tag in stale:
                pane.tags.remove(tag.id)
                pane.tags.add(ids.tag(tag))  # type: ignore[arg-type]
            pane.doc_key = ids.documents.get(pane.doc_key, pane.doc_key)
        self.orphans = {t.id: t for t in (ids.tag(o) for o in self.orphans.values()) if t}
        self.links = {k.id: k for k in (ids.link(v) for v in self.links.values()) if k}

    def orphan_list(self) -> list[tuple[DocumentRecord | None, Tag]]:
        """Orphans with their document records, by document and position."""
        tags = sorted(self.orphans.values(), key=lambda t: (t.document_id, t.start, t.id))
        return [(self.records.get(t.document_id), t) for t in tags]

    def links_among(self, document_ids: set[int]) -> list[ManualLink]:
        """Manual links with both ends in these documents."""
        return [link for link in self.links.values()
                if link.left_document_id in document_ids
                and link.right_document_id in document_ids]
