"""Evidence for independent reports: who vs what, the reports' openings, the same opening
words. Pure functions on small tables, then the whole scorer on short texts."""

from __future__ import annotations

import pytest

from reader.core.align import DEFAULT_THRESHOLD, align_pair
from reader.core.align._reports import (
    CAST_LIFT, CAST_SHARE, NAMES_ONLY_CAP, OPENING, OPENING_LIFT, SAME_OPENING_GAIN,
    opening_words, shared_cast, with_content, with_openings, with_same_opening,
    with_shared_cast)
from reader.core.align._similarity import Vocabulary, score_pair
from reader.core.text import split_statements

NONE: frozenset[int] = frozenset()


def _pair(left: str, right: str, context: tuple[str, ...] = ()):
    vocab = Vocabulary()
    found = [vocab.features(text) for text in (left, right, *context)]
    a, b = vocab.finalize(found)[:2]
    return score_pair(vocab, a, b)


def test_content_counts_shared_words_but_not_names_or_word_pairs():
    # "Sam Altman" is shared (a name and a word pair); nothing said about him is
    names_only = _pair("One of his targets has been OpenAI, a lab co-founded by Sam Altman.",
                       "He demanded Sam Altman give back any profits earned from his work.")
    what = _pair("Lindsay Lohan checked into a rehab facility on Thursday.",
                 "Lohan has checked into rehab, her lawyer said.")
    assert names_only.content < 0.25 <= what.content
    assert names_only.score > 0.0


def test_names_only_pairs_stay_candidates_others_are_untouched():
    out = with_content({(0, 0): 0.6, (1, 1): 0.6, (2, 2): 0.3}, [(0, 0), (2, 2)])
    assert out[(0, 0)] == NAMES_ONLY_CAP < DEFAULT_THRESHOLD
    assert out[(1, 1)] == 0.6 and out[(2, 2)] == 0.3


def test_openings_gain_unless_they_name_different_people():
    left = [frozenset({1}), frozenset({2}), NONE, NONE, NONE, frozenset({1})]
    right = [frozenset({1}), frozenset({3}), NONE, NONE, NONE]
    scores = {(0, 0): 0.4, (1, 1): 0.4, (2, 2): 0.4, (5, 4): 0.4, (0, 4): 0.4}
    out = with_openings(scores, left, right)
    assert out[(0, 0)] == pytest.approx(0.4 + OPENING_LIFT)   # openings sharing a name
    assert out[(2, 2)] == pytest.approx(0.4 + OPENING_LIFT)   # openings naming nobody
    assert out[(1, 1)] == 0.4      # 2 and 3 are each unknown to the other document
    assert out[(5, 4)] == 0.4 and out[(0, 4)] == 0.4          # beyond the first OPENING
    assert OPENING == 4
    assert with_openings({(0, 0): 0.95}, left, right)[(0, 0)] == 1.0


def test_same_opening_words_raise_a_pair():
    left = ["In response to Musk's comments, OpenAI defended its decision.", "Short one."]
    right = ["In Response to Musk's lawsuit, OpenAI published emails.", "Short two."]
    out = with_same_opening({(0, 0): 0.36, (1, 1): 0.36, (0, 1): 0.36}, left, right)
    assert out[(0, 0)] == pytest.approx(0.36 + SAME_OPENING_GAIN * 0.64)
    assert out[(1, 1)] == 0.36 and out[(0, 1)] == 0.36        # two words are no opening
    assert opening_words("Short one.") is None


def test_a_shared_name_alone_does_not_make_a_link():
    left = split_statements(
        "The lab was co-founded by Sam Altman in a rented office. Its first grant came from a "
        "foundation in Ohio. Researchers there study robots.")
    right = split_statements(
        "Critics demanded that Sam Altman give back every bonus. The board met twice in "
        "March. Nobody resigned.")
    result = align_pair(left, right, method="lexical")
    assert all(p.score < DEFAULT_THRESHOLD for p in result.candidates
               if (p.left_statement, p.right_statement) == (0, 0))
    assert result.pairs == ()


def test_an_opening_of_common_words_is_no_shared_opening():
    assert opening_words("For the first time in years, the river froze.") is None
    assert opening_words("In response to the ruling, the board resigned.") == (
        "in", "response", "to", "the")


def test_one_shared_year_does_not_make_a_dateline_a_restatement():
    """A dateline shares a year with a statement and nothing else: not a link."""
    left = split_statements(
        "Saints put Okafor on injured reserve\n\n"
        "However, the fourth-year forward likely will not face discipline until the 2009 "
        "season.\n\nHe was hurt in practice on a wet field.")
    right = split_statements(
        "Okafor done for the year\n\nPosted 2/3/2009 11:11 PM\n\nThe team will decide "
        "about his contract next spring.")
    result = align_pair(left, right, method="lexical")
    assert (1, 1) not in {(p.left_statement, p.right_statement) for p in result.pairs}


def test_documents_naming_the_same_cast_gain_those_of_another_cast_do_not():
    figures = frozenset({9})
    okafor = [frozenset({1, 2}), frozenset({3, 9}), NONE]      # Okafor, Hawks; Marsh, "27"
    same = [frozenset({1}), frozenset({2, 3})]
    other = [frozenset({4}), frozenset({5, 9})]                # Bell, Denver; "27" is a figure
    assert shared_cast(okafor, same, figures) == 1.0
    assert shared_cast(okafor, other, figures) == 0.0
    scores = {(0, 0): 0.4, (1, 1): 0.98}
    raised = with_shared_cast(scores, okafor, same, figures)
    assert raised[(0, 0)] == pytest.approx(0.4 + CAST_LIFT) and raised[(1, 1)] == 1.0
    assert with_shared_cast(scores, okafor, other, figures) == scores
    assert CAST_SHARE <= 0.5
