"""Which scored pairs may link: restatements (several partners) and versions (one-to-one)."""

from __future__ import annotations

from reader.core.align._linking import (
    best_partner_links, restatement_links, with_pins)


def pairs(links):
    return {(link.left, link.right) for link in links}


# left 0 is restated by right 0, 1 and 2 (headline, lede, later); left 1 only matches weakly
SCORES = {(0, 0): 0.8, (0, 1): 0.55, (0, 2): 0.5, (0, 3): 0.3, (1, 3): 0.6, (1, 0): 0.2}


def test_restatements_keep_several_partners_near_the_best():
    assert pairs(restatement_links(SCORES)) == {(0, 0), (0, 1), (0, 2), (1, 3)}


def test_versions_keep_one_partner_each():
    assert pairs(best_partner_links(SCORES)) == {(0, 0), (1, 3)}


def test_rules_do_not_depend_on_the_threshold_only_on_the_floor():
    linked = restatement_links(SCORES)
    high = {(link.left, link.right) for link in linked if link.score >= 0.55}
    assert high == {(0, 0), (0, 1), (1, 3)}
    assert pairs(restatement_links(SCORES, 0.55)) == high


def test_rejections_are_never_links_and_pins_always_are():
    linked = restatement_links(SCORES, rejections={(0, 0)})
    assert (0, 0) not in pairs(linked)
    pinned = with_pins(linked, SCORES, [(1, 0), (0, 0)], rejections={(0, 0)})
    assert (1, 0) in pairs(pinned) and (0, 0) not in pairs(pinned)
    assert [link.manual for link in pinned if (link.left, link.right) == (1, 0)] == [True]
