"""Tokens and the features of a statement read again: the same as reading it fresh."""

from __future__ import annotations

import re

from reader.core.align._similarity import Vocabulary, score_pair
from reader.core.align._words import tokens

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
# the one pattern for all text, as it was before text without CJK got its own
_ALL_TEXT = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+(?:['’][^\W_{_CJK}]+)*")


def test_tokens_match_the_one_pattern_with_and_without_cjk():
    for text in ("Musk’s latest tantrum, in 2024: don't_stop", "東京で会議が開かれた。Tokyo's",
                 "한국어 text ﬁne ﬀ", "emoji 😀 after words", "", "__ '' ’’", "ｆｕｌｌ width"):
        assert tokens(text) == _ALL_TEXT.findall(text), text


def test_a_statement_read_again_has_equal_features_in_new_sets():
    vocab = Vocabulary()
    text = "Okafor, 27, was hurt on Tuesday in the sixth minute of the match."
    first = vocab.features(text)
    vocab.features("The 27-year-old Okafor left the field in the 6th minute.")
    again = vocab.features(text)
    assert again == first
    assert again.keys is not first.keys
    assert list(again.keys) == list(first.keys)  # same order, so sums add up the same
    assert list(again.details) == list(first.details)
    fresh = Vocabulary()
    alone = fresh.features(text)
    assert list(alone.keys) == list(first.keys)


def test_a_repeated_statement_scores_as_a_copy_read_on_its_own():
    text = "The committee approved the budget for the new harbour bridge on Monday."
    other = "On Monday the committee approved the harbour budget."
    cached = Vocabulary()
    a, b, c = cached.finalize([cached.features(t) for t in (text, other, text)])
    assert score_pair(cached, a, c).score == 1.0
    separate = Vocabulary()
    x, y = separate.finalize([separate.features(t) for t in (text, other)])
    assert score_pair(cached, c, b) == score_pair(separate, x, y)
