"""Property test: for any text the statements partition its non-whitespace characters."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.text import split_paragraphs, split_statements

_PUNCTUATION = list(".!?…‽,;:\"'“”‘’«»()[]{}-–—•⁃*#@$%&/\\°0123456789")
_SPACES = [" ", "\n", "\n\n", "\t", "\u00a0", "\u2003", "\r", "\x0b", "\u2028", " \n ", "\n \n"]
_WORDS = ["Mr.", "U.S.", "e.g.", "a.m.", "Jan.", "I.", "J.", "1.", "2.)", "a)", "...", ". . .",
          "$1.5", "etc.", "He", "the", "Is", "it", "done?", "Café", "😀", "👍🏽", "中文。", "Ω"]

_punctuation_heavy = st.lists(
    st.one_of(st.sampled_from(_PUNCTUATION), st.sampled_from(_SPACES), st.sampled_from(_WORDS)),
    max_size=60,
).map("".join)
_whitespace_heavy = st.lists(
    st.one_of(st.sampled_from(_SPACES), st.text(min_size=1, max_size=3)), max_size=40
).map("".join)
_prose_like = st.lists(
    st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", " ", " ", "\n", "\n\n", "  "])),
    max_size=50,
).map(lambda pairs: "".join(w + s for w, s in pairs))
_any_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    _punctuation_heavy,
    _whitespace_heavy,
    _prose_like,
)


@settings(max_examples=400, deadline=None)
@given(_any_text)
def test_statements_partition_non_whitespace(text):
    statements = split_statements(text)
    covered = [0] * len(text)
    previous_end = 0
    for number, statement in enumerate(statements):
        assert statement.index == number
        assert 0 <= previous_end <= statement.start < statement.end <= len(text)
        assert text[statement.start : statement.end] == statement.text
        assert statement.text == statement.text.strip() and statement.text
        for i in range(statement.start, statement.end):
            covered[i] += 1
        previous_end = statement.end
    for i, char in enumerate(text):
        # every non-whitespace character in exactly one statement; whitespace in at most one
        assert covered[i] == 1 if not char.isspace() else covered[i] <= 1
    paragraphs = [s.paragraph for s in statements]
    assert paragraphs == sorted(paragraphs)


@settings(max_examples=200, deadline=None)
@given(_any_text)
def test_paragraphs_are_ordered_stripped_and_cover_text(text):
    spans = split_paragraphs(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end
    inside = set()
    for start, end in spans:
        inside.update(range(start, end))
    assert all(char.isspace() or i in inside for i, char in enumerate(text))
