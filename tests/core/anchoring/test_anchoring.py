"""Quote selectors and re-anchoring tags in edited documents."""

from __future__ import annotations

import pytest

from reader.core.anchoring import (
    Anchor,
    TextAnchorer,
    best_statement,
    make_selector,
    reanchor,
    snap_to_statements,
)
from reader.core.text import Statement, split_statements

P1 = ("Musk has been vocal about his concerns regarding the potential dangers of AI. "
      "He has been particularly critical of OpenAI and its leadership.")
P2 = ("In response, OpenAI defended its decision to release the model. "
      "The organization argued that openness helps researchers study safety.")
P3 = ("Despite their differences, the two sides once worked together. "
      "In 2015, Musk donated money to the organization as a founding backer.")
ORIGINAL = "\n\n".join([P1, P2, P3]) + "\n"
TAGGED = "The organization argued that openness helps researchers study safety."


def selector_of(text: str, quote: str) -> tuple[str, str, str, int, int]:
    """(exact, prefix, suffix, start, end) for the only occurrence of ``quote``."""
    start = text.index(quote)
    assert text.count(quote) == 1
    exact, prefix, suffix = make_selector(text, start, start + len(quote))
    return exact, prefix, suffix, start, start + len(quote)


def test_make_selector_keeps_32_characters_each_side() -> None:
    exact, prefix, suffix = make_selector(ORIGINAL, 100, 120)
    assert exact == ORIGINAL[100:120]
    assert prefix == ORIGINAL[68:100]
    assert suffix == ORIGINAL[120:152]
    assert make_selector("abc", 0, 3) == ("abc", "", "")
    assert make_selector("abcdef", 2, 99, context=1) == ("cdef", "b", "")


def test_unchanged_text_anchors_by_position() -> None:
    exact, prefix, suffix, start, end = selector_of(ORIGINAL, TAGGED)
    assert reanchor(ORIGINAL, exact, prefix, suffix, start, end) == Anchor(start, end, 1.0,
                                                                           "position")


# (name, edit of the original text, expected text at the new anchor or None = orphan, method)
EDITS = [
    ("words inserted before", lambda t: t.replace("Musk has been vocal",
                                                  "By all accounts, Elon Musk has long been vocal"),
     TAGGED, "quote"),
    ("paragraphs moved", lambda t: "\n\n".join([P3, P2, P1]) + "\n", TAGGED, "quote"),
    ("tagged sentence lightly reworded",
     lambda t: t.replace(TAGGED, "The organization argued that openness helps researchers "
                                 "study AI safety."),
     "The organization argued that openness helps researchers study AI safety.", "fuzzy"),
    ("reworded and words inserted before",
     lambda t: t.replace(TAGGED, "The organisation argued that its openness helps researchers "
                                 "study safety.").replace("Musk has", "Elon Musk, the CEO, has"),
     "The organisation argued that its openness helps researchers study safety.", "fuzzy"),
    ("tagged sentence deleted", lambda t: t.replace(" " + TAGGED, ""), None, None),
    ("everything rewritten", lambda t: "A completely different text about gardening.\n",
     None, None),
]


@pytest.mark.parametrize("name, edit, expected, method", EDITS, ids=[e[0] for e in EDITS])
def test_tag_follows_edits_or_becomes_orphan(name, edit, expected, method) -> None:
    exact, prefix, suffix, start, end = selector_of(ORIGINAL, TAGGED)
    new_text = edit(ORIGINAL)
    anchor = reanchor(new_text, exact, prefix, suffix, start, end)
    if expected is None:
        assert anchor is None
        return
    assert anchor is not None
    assert new_text[anchor.start:anchor.end] == expected
    assert anchor.method == method
    assert 0.5 < anchor.confidence <= 1.0


NEAR_DUPLICATE = ("The organization argued that openness helps researchers study security.")


@pytest.mark.parametrize("where", ["before", "after", "far away"])
def test_deleted_sentence_never_moves_to_a_near_duplicate(where: str) -> None:
    """The tagged sentence is gone; a near-identical sentence elsewhere must not receive it."""
    exact, prefix, suffix, start, end = selector_of(ORIGINAL, TAGGED)
    other = ("Critics were not persuaded by any of this. " + NEAR_DUPLICATE
             + " Few outside the company agreed.")
    without = ORIGINAL.replace(" " + TAGGED, "")
    if where == "before":
        new_text = other + "\n\n" + without
    elif where == "after":
        new_text = without + "\n" + other + "\n"
    else:
        new_text = without + "\n" + ("Filler sentence number one. " * 40) + "\n\n" + other + "\n"
    assert reanchor(new_text, exact, prefix, suffix, start, end) is None


def test_deleted_sentence_does_not_move_onto_its_similar_neighbour() -> None:
    """The next sentence, now where the tag was, resembles it; still an orphan."""
    first = "The board approved the new budget for the school year on Tuesday."
    second = "The board approved the new budget for the library on Tuesday night."
    text = f"Opening line of the article. {first} {second} Closing remarks follow here.\n"
    exact, prefix, suffix, start, end = selector_of(text, first)
    assert reanchor(text.replace(first + " ", ""), exact, prefix, suffix, start, end) is None


def test_reworded_sentence_is_found_despite_a_near_duplicate_elsewhere() -> None:
    exact, prefix, suffix, start, end = selector_of(ORIGINAL, TAGGED)
    reworded = "The organization argued that openness helps outside researchers study safety."
    new_text = (ORIGINAL.replace(TAGGED, reworded) + "\nCritics were not persuaded. "
                + NEAR_DUPLICATE + " Few agreed.\n")
    anchor = reanchor(new_text, exact, prefix, suffix, start, end)
    assert anchor is not None and new_text[anchor.start:anchor.end] == reworded


def test_identical_quotes_are_told_apart_by_context() -> None:
    headline = "Elon Musk Backs Out of His Latest Attack"
    text = f"{headline}\n\n{headline}\n\nI don't know who will play Elon Musk in a biopic.\n"
    second = text.index(headline, 1)
    exact, prefix, suffix = make_selector(text, second, second + len(headline))
    edited = "Opinion\n\n" + text  # both copies shift; the second still has the body after it
    anchor = reanchor(edited, exact, prefix, suffix, second, second + len(headline))
    assert anchor is not None
    assert anchor.start == edited.index(headline, edited.index(headline) + 1)


@pytest.mark.parametrize("quote, edited, expected", [
    ("Yes.", "He said: Yes. Then he left. Later: Yes.", None),  # short, context gone
    ("", "anything", None),
])
def test_short_or_empty_quotes_need_context(quote, edited, expected) -> None:
    assert reanchor(edited, quote, "Entirely unrelated prefix ", " and suffix", 3, 3 + len(quote)) \
        is expected


def test_anchorer_reuses_its_index_for_many_tags() -> None:
    statements = split_statements(ORIGINAL)
    selectors = [make_selector(ORIGINAL, s.start, s.end) + (s.start, s.end) for s in statements]
    moved = "\n\n".join([P3, P1, P2]) + "\n"
    anchorer = TextAnchorer(moved)
    for (exact, prefix, suffix, start, end), statement in zip(selectors, statements, strict=False):
        anchor = anchorer.find(exact, prefix, suffix, start, end)
        assert anchor is not None and moved[anchor.start:anchor.end] == statement.text


# Hand-made statements (independent of the splitter): [0,10) [12,20) [20,30) [40,50)
HAND = [Statement(0, 0, 10, "x" * 10), Statement(1, 12, 20, "x" * 8),
        Statement(2, 20, 30, "x" * 10), Statement(3, 40, 50, "x" * 10)]


@pytest.mark.parametrize("start, end, expected", [
    (0, 5, 0),      # inside the first statement
    (2, 14, 0),     # mostly the first
    (8, 19, 1),     # mostly the second
    (15, 30, 2),    # 5 characters of the second, 10 of the third
    (10, 11, 1),    # in the gap: the statement that follows
    (11, 11, 1),    # empty span in the gap
    (25, 25, 2),    # empty span inside a statement
    (60, 70, 3),    # past the end: the last
])
def test_best_statement_picks_the_largest_overlap(start, end, expected) -> None:
    starts = [s.start for s in HAND]
    assert best_statement(HAND, starts, start, end) == expected
    assert best_statement([], [], 0, 1) is None


def test_snap_to_statements_uses_the_statement_span() -> None:
    assert snap_to_statements(Anchor(14, 31, 0.9, "fuzzy"), HAND) == (20, 30)
    assert snap_to_statements(Anchor(1, 2, 0.9, "fuzzy"), []) == (1, 2)
