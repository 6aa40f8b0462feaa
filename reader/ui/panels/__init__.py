"""Side panels of the reader window; each is a QWidget built over a SessionBridge.

Every panel takes ``(bridge, parent=None)`` and has ``jumpRequested = Signal(int, int)``
(pane, statement) that the window connects to moving the current statement.

- ``related.RelatedPanel``: best candidates of the current statement in other documents.
- ``tags.TagsPanel``: tagged statements across documents, filters, counts, orphans.
- ``suggestions.SuggestionsPanel``: "Accept suggestions above N% in this document".
"""
