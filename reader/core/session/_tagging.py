"""Tagging actions: built-in kinds, the library's own kinds (labels), parts of statements,
notes, and removing one tag.

A built-in kind key (o, c, q) tags the selection (or the current statement) and moves on;
the same key again removes the tag and stays; another built-in kind replaces it (one per
span and author). A label key (a kind of the library's own) toggles that label and stays,
so a reader can mark a claim and its verdict. With a part of the current statement
selected (``Pane.span``), any kind key tags exactly that part, then the part is deselected.
Keys change only the session author's own tags, never a colleague's (their tag stays beside
the author's). Every change is one undo step, written to the store before it is shown.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from reader.core.store import BUILTIN_KINDS, NOTE_KIND, Tag, now_iso
from reader.core.session._events import TagsChanged
from reader.core.session._undo import Edit, TagChange

if TYPE_CHECKING:
    from reader.core.session._pane import Pane
    from reader.core.session._session import ReadingSession

#: Keyed actions for a kind of the library's own are named with this prefix and the kind.
KIND_ACTION_PREFIX = "tag_as:"


def kind_action(kind: str) -> str:
    """The action name that toggles ``kind`` ("tag_as:misleading")."""
    return KIND_ACTION_PREFIX + kind


def kind_of_action(name: str) -> str | None:
    """The kind an action name tags, for ``tag_as:`` names; None otherwise."""
    return name[len(KIND_ACTION_PREFIX):] if name.startswith(KIND_ACTION_PREFIX) else None


def _focused(session: ReadingSession) -> tuple[int, Pane] | None:
    pane = session.focused_pane()
    if pane is None or pane.current < 0:
        return None
    return session.focused, pane


def selected_part(pane: Pane) -> tuple[int, int] | None:
    """The selected part of the current statement; None when nothing, or all of it
    (bar surrounding spaces), is selected."""
    span = pane.span
    if span is None or pane.current < 0:
        return None
    statement = pane.statements[pane.current]
    start, end = max(span[0], statement.start), min(span[1], statement.end)
    text = pane.document.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    if not (text[statement.start:start].strip() or text[end:statement.end].strip()):
        return None
    return start, end


def tag_selection(session: ReadingSession, kind: str) -> None:
    """Tag the selection as ``kind``: see the module doc."""
    if (found := _focused(session)) is None:
        return
    index, pane = found
    part = selected_part(pane)
    if part is not None:
        _tag_part(session, index, pane, kind, part)
    elif kind in BUILTIN_KINDS:
        _tag_builtin(session, index, pane, kind)
    else:
        _toggle_label(session, index, pane, kind)


def _tag_builtin(session: ReadingSession, index: int, pane: Pane, kind: str) -> None:
    selected = session.selection(index)
    mine = [pane.tags.own_tag(i) for i in selected]
    if all(tag is not None and tag.kind == kind for tag in mine):
        session.commit(Edit(f"remove {kind}", tuple(TagChange(t, None) for t in mine)))
        session.move_to(index, pane.current)
        return
    stamp = now_iso()
    changes = []
    for i in selected:
        own = pane.tags.own_tag(i)
        if own is None:
            changes.append(TagChange(None, session.make_tag(pane, i, kind)))
        elif own.kind != kind:
            changes.append(TagChange(own, replace(own, kind=kind, updated_at=stamp)))
    session.commit(Edit(f"tag {kind}", tuple(changes)))
    session.move_to(index, max(selected) + 1)


def _toggle_label(session: ReadingSession, index: int, pane: Pane, kind: str) -> None:
    selected = session.selection(index)
    own = [pane.tags.own_kind(i, kind) for i in selected]
    if all(tag is not None for tag in own):
        changes = tuple(TagChange(t, None) for t in own)
        label = f"remove {kind}"
    else:
        changes = tuple(TagChange(None, session.make_tag(pane, i, kind))
                        for i, tag in zip(selected, own) if tag is None)
        label = f"tag {kind}"
    session.commit(Edit(label, changes))
    session.move_to(index, pane.current, keep_selection=True)


def _tag_part(session: ReadingSession, index: int, pane: Pane, kind: str,
              part: tuple[int, int]) -> None:
    mine = [t for t in pane.tags.tags_at(pane.current)
            if t.author == session.author and (t.start, t.end) == part]
    same = [t for t in mine if t.kind == kind]
    if same:
        edit = Edit(f"remove {kind}", tuple(TagChange(t, None) for t in same))
    else:
        replaced = [t for t in mine if t.kind in BUILTIN_KINDS] if kind in BUILTIN_KINDS else []
        if replaced:
            old = replaced[0]
            change = TagChange(old, replace(old, kind=kind, updated_at=now_iso()))
        else:
            change = TagChange(None, pane.new_span_tag(session.new_id(), *part, kind,
                                                       session.author))
        edit = Edit(f"tag part as {kind}", (change,))
    session.commit(edit)
    session.move_to(index, pane.current)  # the part is tagged: deselect it


def clear_tag(session: ReadingSession) -> None:
    """Remove the session author's own tags from the selection: with a part selected, the
    tags of parts overlapping it; else the built-in kind and the labels of each statement
    (notes stay: an empty note removes them)."""
    if (found := _focused(session)) is None:
        return
    index, pane = found
    part = selected_part(pane)
    doomed: dict[int, Tag] = {}
    if part is not None:
        for tag in pane.tags.parts_at(pane.current):
            if tag.author == session.author and tag.start < part[1] and part[0] < tag.end:
                doomed[tag.id] = tag
    else:
        for i in session.selection(index):
            for tag in pane.tags.whole_at(i):
                if tag.author == session.author and tag.kind != NOTE_KIND:
                    doomed[tag.id] = tag
    session.commit(Edit("clear tag", tuple(TagChange(t, None) for t in doomed.values())))
    session.move_to(index, pane.current)


def remove_tag(session: ReadingSession, tag_id: int) -> bool:
    """Remove one of the session author's tags by id (the context menu); False when no open
    document has it (or it is a colleague's)."""
    for pane in session.panes:
        statement = pane.tags.where(tag_id)
        if statement is None:
            continue
        tag = next(t for t in pane.tags.tags_at(statement) if t.id == tag_id)
        if tag.author != session.author:
            return False
        session.commit(Edit(f"remove {tag.kind}", (TagChange(tag, None),)))
        return True
    return False


def note_target(session: ReadingSession) -> Tag | None:
    """The tag whose note the note editor edits: on a selected part, the session author's
    tag of exactly that part; else the author's own tag of the current statement (built-in
    kind, then label, then note). A colleague's note is theirs: never edited."""
    if (found := _focused(session)) is None:
        return None
    _, pane = found
    part = selected_part(pane)
    if part is not None:
        candidates = [t for t in pane.tags.parts_at(pane.current) if (t.start, t.end) == part]
    else:
        candidates = pane.tags.whole_at(pane.current)
    own = [t for t in candidates if t.author == session.author]
    rank = {kind: 0 for kind in BUILTIN_KINDS}
    return min(own, key=lambda t: (rank.get(t.kind, 2 if t.kind == NOTE_KIND else 1), t.id),
               default=None)


def current_tag(session: ReadingSession) -> Tag | None:
    """The tag whose note N edits (``note_target``), for the note editor."""
    return note_target(session)


def set_note(session: ReadingSession, text: str) -> bool:
    """Write the note of ``note_target`` (empty text removes it). A statement or part
    without a tag gets a tag of kind ``note`` holding the note, removed again with its
    text. False when there is no statement to write on."""
    if (found := _focused(session)) is None:
        return False
    index, pane = found
    tag = note_target(session)
    if tag is None:
        if text:
            part = selected_part(pane)
            s = pane.statements[pane.current]
            start, end = part if part is not None else (s.start, s.end)
            new = pane.new_span_tag(session.new_id(), start, end, NOTE_KIND, session.author,
                                    text)
            session.commit(Edit("note", (TagChange(None, new),)))
        return True
    if tag.kind == NOTE_KIND and not text:
        session.commit(Edit("note", (TagChange(tag, None),)))
    elif tag.note != text:
        session.commit(Edit("note", (TagChange(tag, replace(tag, note=text,
                                                             updated_at=now_iso())),)))
    return True


def tag_opinion(session: ReadingSession) -> None:
    """Tag as opinion (again: remove)."""
    tag_selection(session, "opinion")


def tag_claim(session: ReadingSession) -> None:
    """Tag as claim (again: remove)."""
    tag_selection(session, "claim")


def tag_quotation(session: ReadingSession) -> None:
    """Tag as quotation (again: remove)."""
    tag_selection(session, "quotation")


def rename_kinds(session: ReadingSession, renamed: dict[str, str]) -> None:
    """Kinds were renamed in the store (their tags followed there): rename them in the
    panes, the orphans and the undo history too, so undo writes the new names."""
    if not renamed:
        return

    def fix(tag: Tag | None) -> Tag | None:
        if tag is None or tag.kind not in renamed:
            return tag
        return replace(tag, kind=renamed[tag.kind])

    for index, pane in enumerate(session.panes):
        stale = [t for t in pane.tags if t.kind in renamed]
        for tag in stale:
            pane.tags.add(fix(tag))  # type: ignore[arg-type]
        if stale:
            session.emit(TagsChanged(index, tuple(sorted({pane.tags.where(t.id)
                                                          for t in stale} - {None}))))
    session.memory.orphans = {k: fix(t) for k, t in session.memory.orphans.items()}  # type: ignore[misc]
    session.history.map_tags(fix)
