"""Comparing coders in the open panes: where chosen coders differ, jumping between those
statements, and adopting one coder's tag as the agreed one.

``session.comparing`` holds the coders being compared (two or more; empty: not comparing).
An adopted tag is stored as a tag by the author ``AGREED`` ("agreed") with the adopted
coder's kind and span, so it is exported, merged and undone like any other tag, and left
out of agreement unless asked for. Adopting a coder who left the statement untagged
removes the agreed tag there. Every adoption is one undo step.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Sequence

from reader.core.agreement import (AGREED, AgreementReport, Code, code_documents, coded_tags,
                                   measure)
from reader.core.session._undo import Edit, TagChange
from reader.core.store import TAG_KINDS, Tag, now_iso
from reader.core.text import statement_ends, statement_starts

if TYPE_CHECKING:
    from reader.core.session._pane import Pane
    from reader.core.session._session import ReadingSession

#: Codes of the compared coders on one statement (None: that coder did not code it).
Codes = tuple[Code | None, ...]


def _spans(pane: "Pane") -> list[tuple[int, int]]:
    return list(zip(statement_starts(pane.statements), statement_ends(pane.statements)))


def pane_disagreements(pane: "Pane", coders: Sequence[str]) -> dict[int, Codes]:
    """Statement index -> the coders' codes, where two of them differ (see agreement)."""
    if len(coders) < 2 or not pane.statements:
        return {}
    coding = code_documents([(_spans(pane), coded_tags(pane.tags))], authors=list(coders),
                            builtin=TAG_KINDS)
    out: dict[int, Codes] = {}
    for index, row in enumerate(coding.rows[0]):
        present = {c for c in row if c is not None}
        if len(present) > 1:
            out[index] = row
    return out


def pane_comparison(session: "ReadingSession", pane_index: int) -> dict[int, tuple[str, ...]]:
    """What the panes mark while comparing: statement -> each compared coder's value
    there (a kind, "none", or "" for a coder who did not code this document)."""
    if not session.comparing:
        return {}
    found = pane_disagreements(session.panes[pane_index], session.comparing)
    return {i: tuple("" if c is None else c.value for c in row) for i, row in found.items()}


def session_agreement(session: "ReadingSession",
                      coders: Sequence[str] | None = None) -> AgreementReport:
    """Agreement over the open panes' documents (all coders but ``AGREED`` by default)."""
    coding = code_documents([(_spans(p), coded_tags(p.tags)) for p in session.panes],
                            authors=None if coders is None else list(coders), builtin=TAG_KINDS)
    return measure(coding, TAG_KINDS)


def session_coders(session: "ReadingSession") -> list[str]:
    """Authors with a tag in the open panes, sorted, ``AGREED`` left out."""
    return sorted({t.author for p in session.panes for t in p.tags} - {AGREED})


def set_comparing(session: "ReadingSession", coders: Sequence[str]) -> None:
    """Compare these coders in the panes (fewer than two: stop comparing)."""
    session.comparing = tuple(coders) if len(coders) >= 2 else ()
    session.refresh_tags()


def _jump(session: "ReadingSession", step: int) -> bool:
    pane = session.focused_pane()
    if pane is None or not session.comparing:
        return False
    found = sorted(pane_disagreements(pane, session.comparing))
    ahead = [i for i in found if (i > pane.current if step > 0 else i < pane.current)]
    if ahead:
        session.move_to(session.focused, ahead[0] if step > 0 else ahead[-1])
    return True


def next_disagreement(session: "ReadingSession") -> None:
    """Move to the next statement where the compared coders differ."""
    _jump(session, +1)


def previous_disagreement(session: "ReadingSession") -> None:
    """Move to the previous statement where the compared coders differ."""
    _jump(session, -1)


def adopt(session: "ReadingSession", coder_index: int) -> bool:
    """Make the ``coder_index``-th compared coder's kind the agreed one on the selection
    (or current statement), then move to the next disagreement; False when not comparing
    or there is no such coder."""
    pane = session.focused_pane()
    if pane is None or pane.current < 0 or not 0 <= coder_index < len(session.comparing):
        return False
    coder = session.comparing[coder_index]
    stamp = now_iso()
    changes = []
    for index in session.selection(session.focused):
        theirs = _builtin_tag(pane, index, coder)
        agreed = _builtin_tag(pane, index, AGREED)
        if theirs is None:
            if agreed is not None:
                changes.append(TagChange(agreed, None))
        elif agreed is None:
            changes.append(TagChange(None, replace(
                theirs, id=session.new_id(), document_id=pane.doc_key, author=AGREED,
                note=f"adopted from {coder}", created_at=stamp, updated_at=stamp,
                orphaned=False)))
        elif agreed.kind != theirs.kind:
            changes.append(TagChange(agreed, replace(agreed, kind=theirs.kind, updated_at=stamp,
                                                     note=f"adopted from {coder}")))
    session.commit(Edit(f"adopt {coder}'s tag", tuple(changes)))
    next_disagreement(session)
    return True


def _builtin_tag(pane: "Pane", index: int, author: str) -> Tag | None:
    """The author's built-in-kind tag on a statement (the latest changed), if any."""
    mine = [t for t in pane.tags.tags_at(index) if t.author == author and t.kind in TAG_KINDS]
    return max(mine, key=lambda t: (t.updated_at, t.id)) if mine else None


def adopt_first(session: "ReadingSession") -> None:
    """Adopt the first compared coder's tag."""
    adopt(session, 0)


def adopt_second(session: "ReadingSession") -> None:
    """Adopt the second compared coder's tag."""
    adopt(session, 1)


def adopt_third(session: "ReadingSession") -> None:
    """Adopt the third compared coder's tag."""
    adopt(session, 2)
