"""The overview strip keeps the rows of linked statements while the links and its size stay
(a tag key redraws the marks without walking every link again)."""

from __future__ import annotations

from reader.core.text import split_statements
from reader.ui.view import DocumentView, OverviewStrip


def test_link_rows_are_reused_until_the_links_change(qtbot):
    text = "\n\n".join(f"Statement number {i} is here." for i in range(400))
    view = DocumentView()
    qtbot.addWidget(view)
    view.set_document(text, split_statements(text))
    strip = OverviewStrip(view)
    qtbot.addWidget(strip)
    strip.resize(16, 202)
    view.marks.linked = frozenset({0, 200, 399})
    strip.grab()
    rows = strip._link_rows[2]
    starts = view.statements.starts
    assert rows == {int(starts[i] / len(text) * 200) for i in (0, 200, 399)}
    strip.invalidate()          # a tag changed: the marks are redrawn, the rows kept
    strip.grab()
    assert strip._link_rows[2] is rows
    view.marks.linked = frozenset({100})    # new links: worked out again
    strip.invalidate()
    strip.grab()
    assert strip._link_rows[2] == {int(starts[100] / len(text) * 200)}
    strip.resize(16, 102)       # new height: the rows move
    strip.grab()
    assert strip._link_rows[2] == {int(starts[100] / len(text) * 100)}


def test_link_rows_take_a_bisection_per_row_not_a_step_per_link():
    import random

    from reader.ui.view._overview import link_rows

    class Counted(list):
        reads = 0

        def __getitem__(self, i):
            Counted.reads += 1
            return list.__getitem__(self, i)

    rng = random.Random(5)
    starts = Counted(sorted(rng.sample(range(2_000_000), 200_000)))
    length = 2_000_000
    for linked, rows in ((frozenset(rng.sample(range(200_000), 50_000)), 998),
                         (frozenset({-3, 0, 5, 199_999, 200_000, 400_000}), 98),
                         (frozenset(), 500), (frozenset(range(200_000)), 1)):
        expected = {int(min(1.0, max(0.0, list.__getitem__(starts, i) / length)) * rows)
                    for i in linked if 0 <= i < len(starts)}
        Counted.reads = 0
        assert link_rows(starts, linked, length, rows) == expected
        assert Counted.reads <= 40 * (len(expected) + 1)
