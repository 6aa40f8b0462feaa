"""Scanning a long text a step at a time: the first match from the reader's place, every
match in order, matches across window edges, bounded steps."""

from __future__ import annotations

from reader.core.find import FindQuery, TextScan
from reader.core.find._folded import WINDOW


def long_text(words: int = 120_000) -> str:
    base = ["river", "harbor", "Council", "lantern", "copper", "meadow", "engine", "orchard"]
    return " ".join(base[(i * 7 + i // 3) % len(base)] for i in range(words)) + "\n"


def test_every_match_is_found_in_order_across_windows():
    text = long_text()
    assert len(text) > 3 * WINDOW
    for query in (FindQuery("council"), FindQuery("Council", case=True),
                  FindQuery("council", whole_word=True), FindQuery(r"c\w+l\b", regex=True)):
        scan = TextScan(query.compile(), text).run()
        expected = [i for i in range(len(text)) if text.startswith("Council", i)]
        assert list(scan.hits.starts) == expected, query
        assert all(e - s == 7 for s, e in zip(scan.hits.starts, scan.hits.ends))


def test_a_match_straddling_a_window_edge_is_found_once():
    text = "x" * (WINDOW - 3) + "needle" + "x" * 100
    scan = TextScan(FindQuery("NEEDLE").compile(), text).run()
    assert list(scan.hits.starts) == [WINDOW - 3]
    whole = TextScan(FindQuery("needle", whole_word=True).compile(),
                     "x" * (WINDOW - 3) + " needle " + "x" * 100).run()
    assert list(whole.hits.starts) == [WINDOW - 2]


def test_first_match_is_at_or_after_the_origin_then_wraps():
    text = "alpha beta alpha gamma alpha"
    matcher = FindQuery("alpha").compile()
    assert TextScan(matcher, text, origin=1).run().first == (11, 16)
    assert TextScan(matcher, text, origin=24).run().first == (0, 5)  # wrapped to the top
    assert TextScan(FindQuery("delta").compile(), text).run().first is None


def test_the_first_match_is_known_before_the_scan_ends():
    text = long_text()
    scan = TextScan(FindQuery("council").compile(), text, origin=len(text) // 2)
    steps = 0
    while not scan.first_known:
        scan.step()
        steps += 1
    assert scan.first is not None and scan.first[0] >= len(text) // 2
    assert not scan.done and len(scan.hits) == 0
    scan.run()
    assert scan.first in list(zip(scan.hits.starts, scan.hits.ends))


def test_steps_are_bounded_for_a_very_common_match():
    text = "a " * 200_000
    scan = TextScan(FindQuery("a").compile(), text)
    sizes = []
    while not scan.step():
        sizes.append(len(scan.hits))
    growth = [b - a for a, b in zip(sizes, sizes[1:])]
    assert len(scan.hits) == 200_000 and max(growth) <= 2048


def test_hit_list_queries():
    scan = TextScan(FindQuery("ab").compile(), "ab ab ab ab").run()
    hits = scan.hits
    assert len(hits) == 4 and hits.index_of(4) == 2 and hits.index_of(100) == 4
    assert list(hits.overlapping(1, 7)) == [0, 1, 2]
