"""Word-level differences of linked passages: exact ops and spans for tiny inputs."""

from __future__ import annotations

import pytest

from reader.core.align import DELETE, EQUAL, INSERT, WordDiff, diff_words

CASES = {
    # name: (left, right, ops, changed words on the left, changed words on the right)
    "identical": ("Musk left in 2018.", "Musk left in 2018.",
                  [(EQUAL, "Musk left in 2018.")], [], []),
    "one word replaced": (
        "In response to Musk’s comments, OpenAI defended its decision.",
        "In response to Musk’s lawsuit, OpenAI published emails.",
        [(EQUAL, "In response to Musk’s "), (DELETE, "comments"), (INSERT, "lawsuit"),
         (EQUAL, ", OpenAI "), (DELETE, "defended its decision"), (INSERT, "published emails"),
         (EQUAL, ".")],
        ["comments", "defended its decision"], ["lawsuit", "published emails"]),
    "word inserted": ("Musk left the company.", "Musk quietly left the company.",
                      [(EQUAL, "Musk "), (INSERT, "quietly "), (EQUAL, "left the company.")],
                      [], ["quietly"]),
    "word deleted": ("The board met on Friday morning.", "The board met on Friday.",
                     [(EQUAL, "The board met on Friday "), (DELETE, "morning"), (EQUAL, ".")],
                     ["morning"], []),
    "whole words, not letters": ("The cat sat.", "The cut sat.",
                                 [(EQUAL, "The "), (DELETE, "cat "), (INSERT, "cut "),
                                  (EQUAL, "sat.")], ["cat"], ["cut"]),
    "empty left": ("", "New text.", [(INSERT, "New text.")], [], ["New text."]),
    "empty both": ("", "", [], [], []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_word_diff_table(name):
    left, right, ops, left_words, right_words = CASES[name]
    diff = diff_words(left, right)
    assert isinstance(diff, WordDiff)
    assert list(diff.ops) == ops
    assert [left[s:e] for s, e in diff.left_spans] == left_words
    assert [right[s:e] for s, e in diff.right_spans] == right_words


def test_ops_rebuild_the_left_text_and_spans_index_code_points():
    left = "😀 Émile said “no” to the plan, twice."
    right = "😀 Émile said “yes” to the new plan."
    diff = diff_words(left, right)
    assert "".join(text for op, text in diff.ops if op != INSERT) == left
    assert [left[s:e] for s, e in diff.left_spans] == ["no", ", twice"]
    assert [right[s:e] for s, e in diff.right_spans] == ["yes", "new"]


def test_different_spacing_is_not_a_change():
    diff = diff_words("Musk left\nthe company.", "Musk  left the company.")
    assert diff.left_spans == () and diff.right_spans == ()
    assert diff.similarity == 1.0


def test_similarity_orders_diffs():
    same = diff_words("a b c d", "a b c d").similarity
    close = diff_words("a b c d", "a b c e").similarity
    far = diff_words("a b c d", "w x y z").similarity
    assert same == 1.0 > close > far >= 0.0


def test_many_distinct_words_stay_exact():
    left = " ".join(f"w{n}" for n in range(60000))
    right = left.replace("w59999", "changed")
    diff = diff_words(left, right)
    assert [right[s:e] for s, e in diff.right_spans] == ["changed"]
