"""What an Alignment hands the window and the CLI: pairs, candidates, paragraphs, re-cuts."""

from __future__ import annotations

import pytest

from reader.core.align import (
    CANDIDATE_FLOOR, DEFAULT_THRESHOLD, REPORTS, VERSIONS, align_documents, align_pair)
from reader.core.text import split_statements

REPORT_A = (
    "Hawks put Okafor on injured reserve\n\n"
    "The Riverside Hawks placed forward Daniel Okafor on injured reserve on Tuesday after he "
    "tore a ligament in his left knee. Okafor, 27, was hurt in the third quarter of Sunday's "
    "98-91 loss to Portland.\n\n"
    "Coach Lena Marsh said the team would promote a player from its development squad.")
REPORT_B = (
    "Daniel Okafor will miss the rest of the season after the Hawks put the 27-year-old forward "
    "on injured reserve on Tuesday with a torn knee ligament. The injury came late in the 98-91 "
    "defeat at Portland on Sunday.\n\n"
    "Marsh said a development player would get his chance.")
SIMILAR_EVENT = (
    "The Riverside Hawks placed guard Marcus Bell on injured reserve on Friday after he broke "
    "his right wrist. Bell, 31, was hurt in the first half of Wednesday's 110-104 win over "
    "Denver.\n\n"
    "Marsh said she had not decided who would start in his place.")

ORIGINAL = [
    "The old lighthouse on the northern cliff was built by fishermen in the winter of 1821.",
    "Its lamp burned whale oil until the harbour board bought a paraffin burner.",
    "Storms cracked the tower twice, and each time the village paid for the repairs.",
    "The last keeper, Agnes Mortlake, kept a diary of every ship she saw pass.",
    "Her diary now lies in the county archive beside the harbour accounts.",
    "In 1962 an electric beacon replaced the lamp and the keeper's cottage was sold.",
    "Tourists climb the worn stone steps every summer to look out over the bay.",
    "A small museum in the cottage shows the brass lens and the keeper's logbooks.",
    "Volunteers repaint the white and red bands of the tower every five years.",
    "The lighthouse appears on the town's coat of arms and on its postage stamps.",
]
REWORDED = [
    "Fishermen built the old lighthouse on the northern cliff during the winter of 1821.",
    "Whale oil fed its lamp until the harbour board paid for a paraffin burner.",
    "Twice the tower was cracked by storms, and the village paid to mend it each time.",
    "Agnes Mortlake, the final keeper, wrote down each ship she saw go by.",
    "That record is kept today in the county archive next to the harbour's books.",
    "An electric beacon took over from the lamp in 1962, and the cottage was sold off.",
    "Every summer visitors walk up the worn steps to gaze across the bay.",
    "The cottage now holds a little museum with the brass lens and old logbooks.",
    "Every five years volunteers paint the tower's red and white stripes again.",
    "The town puts the lighthouse on its coat of arms and its stamps.",
]


def text_pairs(alignment):
    return {(p.left_statement, p.right_statement) for p in alignment.pairs}


@pytest.fixture(scope="module")
def reports():
    return split_statements(REPORT_A), split_statements(REPORT_B)


def test_reports_link_restatements_with_several_partners(reports):
    left, right = reports
    result = align_pair(left, right, method="lexical")
    assert result.modes == {(0, 1): REPORTS}
    linked = text_pairs(result)
    # the headline and the lede both restate right's first sentence
    assert {(0, 0), (1, 0), (2, 1), (3, 2)} <= linked
    assert all(p.score >= DEFAULT_THRESHOLD for p in result.pairs)


def test_a_similar_but_different_event_does_not_link(reports):
    left, _ = reports
    result = align_pair(left, split_statements(SIMILAR_EVENT), method="lexical")
    assert result.pairs == ()


def test_versions_link_every_sentence_along_the_backbone():
    left = split_statements("\n\n".join(ORIGINAL))
    right = split_statements("\n\n".join(REWORDED))
    result = align_pair(left, right, method="lexical")
    assert result.modes == {(0, 1): VERSIONS}
    assert text_pairs(result) == {(i, i) for i in range(len(ORIGINAL))}
    # without the backbone (one sentence alone) the weakest rewording would not link
    weakest = min(result.pairs, key=lambda p: p.score).left_statement
    alone = align_pair(split_statements(ORIGINAL[weakest]),
                       split_statements(REWORDED[weakest]), method="lexical")
    assert alone.modes == {(0, 1): REPORTS}


@pytest.mark.parametrize("threshold", [CANDIDATE_FLOOR, 0.35, 0.5, 0.7, 1.0])
def test_at_threshold_equals_aligning_at_that_threshold(reports, threshold):
    left, right = reports
    pins, rejections = [(3, 0)], [(1, 0)]
    base = align_pair(left, right, method="lexical", pins=pins, rejections=rejections)
    fresh = align_pair(left, right, method="lexical", threshold=threshold, pins=pins,
                       rejections=rejections)
    recut = base.at_threshold(threshold)
    assert recut.pairs == fresh.pairs
    assert recut.links == fresh.links
    assert recut.threshold == threshold
    assert (3, 0) in text_pairs(recut) and (1, 0) not in text_pairs(recut)
    assert recut.candidates == base.candidates and recut.paragraphs == base.paragraphs


def test_top_k_changes_nothing_but_related(reports):
    left, right = reports
    plain = align_pair(left, right, method="lexical")
    ranked = align_pair(left, right, method="lexical", top_k=10)
    assert ranked.related and not plain.related
    for field in ("pairs", "links", "candidates", "paragraphs", "eligible", "modes"):
        assert getattr(ranked, field) == getattr(plain, field), field


def test_candidates_hold_links_and_best_partners_above_the_floor(reports):
    left, right = reports
    result = align_pair(left, right, method="lexical", threshold=0.7, rejections=[(1, 0)])
    found = {(c.left_statement, c.right_statement) for c in result.candidates}
    assert text_pairs(result) <= found
    assert (1, 0) not in found
    assert all(c.score >= CANDIDATE_FLOOR and not c.manual for c in result.candidates)
    assert len(found) > len(text_pairs(result))      # faint ribbons beyond the links


def test_paragraphs_relate_where_statements_do(reports):
    left, right = reports
    result = align_pair(left, right, method="lexical")
    related = {(p.left_paragraph, p.right_paragraph) for p in result.paragraphs}
    assert {(1, 0), (2, 1)} <= related
    for link in result.paragraphs:
        assert REPORT_A[slice(*link.left_span)].strip()
        assert 0.0 < link.score <= 1.0 and link.support >= 1


def test_three_documents_recut_together(reports):
    left, right = reports
    third = split_statements(SIMILAR_EVENT)
    result = align_documents([left, right, third], method="lexical")
    assert set(result.modes) == {(0, 1), (0, 2), (1, 2)}
    everything = result.at_threshold(CANDIDATE_FLOOR)
    assert set(result.pairs) <= set(everything.pairs)
    assert {(p.left, p.right) for p in everything.links} <= set(result.modes)
