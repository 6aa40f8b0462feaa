"""Tooltip text for a statement: its tag and note, its suggestion with reasons, its links."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from reader.ui.tag_style import KIND_GLYPHS, KIND_LABELS

if TYPE_CHECKING:
    from reader.ui.view._document_view import DocumentView


def statement_tooltip(view: "DocumentView", index: int) -> str:
    """Rich text describing statement ``index`` of ``view``, or "" when nothing to say."""
    marks = view.marks
    parts: list[str] = []
    tag = marks.tags.get(index)
    labels = marks.labels.get(index, [])
    if tag is not None:
        label = f"{KIND_GLYPHS.get(tag.kind, '')} {KIND_LABELS.get(tag.kind, tag.kind)}"
        line = f"<b>{escape(label)}</b>"
        if labels:
            line += " + " + ", ".join(f"<b>{escape(t.kind)}</b>" for t in labels)
        if getattr(tag, "author", ""):
            line += f" <span>by {escape(tag.author)}</span>"
        parts.append(line)
    for part in marks.parts.get(index, []):
        text = view.document_text()[part.start:part.end] if view.document_text() else ""
        parts.append(f"<b>{escape(KIND_LABELS.get(part.kind, part.kind))}</b> of a part: "
                     f"“{escape(text[:80])}”")
    for note in marks.notes.get(index, []):
        parts.append(f"<i>Note:</i> {escape(note)}")
    if tag is not None or marks.notes.get(index) or marks.parts.get(index):
        parts.append("<small>Press N to edit the note, Backspace to remove the tag; "
                     "right-click for more</small>")
    else:
        suggestions = marks.suggestions
        suggestion = suggestions[index] if suggestions and index < len(suggestions) else None
        kind = getattr(suggestion, "kind", None) if suggestion is not None else None
        if kind:
            confidence = float(getattr(suggestion, "confidence", 0.0) or 0.0)
            parts.append(f"Suggested: <b>{escape(KIND_LABELS.get(kind, kind))}</b> "
                         f"({confidence:.0%})")
            reasons = [str(r) for r in (getattr(suggestion, "reasons", ()) or ())]
            if reasons:
                items = "".join(f"<li>{escape(r)}</li>" for r in reasons[:6])
                parts.append(f"<ul style='margin:0'>{items}</ul>")
            parts.append("<small>Space accepts the suggestion</small>")
    if index in marks.partners:
        parts.append(f"Linked to the current statement (score {marks.partners[index]:.2f})")
    return "<br>".join(parts)
