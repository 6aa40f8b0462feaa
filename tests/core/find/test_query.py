"""Matching one text: plain, whole word, case, regular expressions (table tests)."""

from __future__ import annotations

import pytest

from reader.core.find import FindError, FindQuery, FoldedText, TextScan, fold_text

TEXT = ("The council met. Council members voted; the councillor left.\n"
        "İstanbul ΣΟΦΟΣ aaaa 😀 council_x council.")


def matches(query: FindQuery, text: str = TEXT) -> list[str]:
    scan = TextScan(query.compile(), text).run()
    return [text[s:e] for s, e in zip(scan.hits.starts, scan.hits.ends)]


@pytest.mark.parametrize("query, expected", [
    (FindQuery("council"), ["council", "Council", "council", "council", "council"]),
    (FindQuery("council", case=True), ["council", "council", "council", "council"]),
    (FindQuery("Council", case=True), ["Council"]),
    (FindQuery("council", whole_word=True), ["council", "Council", "council"]),
    (FindQuery("council", whole_word=True, case=True), ["council", "council"]),
    (FindQuery(r"counc\w+", regex=True), ["council", "Council", "councillor", "council_x",
                                           "council"]),
    (FindQuery(r"council\w*", regex=True, whole_word=True),
     ["council", "Council", "councillor", "council_x", "council"]),
    (FindQuery("^the", regex=True), ["The"]),
    (FindQuery("^the", regex=True, case=True), []),
    (FindQuery("left.$", regex=True), ["left."]),          # $ ends a line
    (FindQuery("istanbul"), ["İstanbul"]),                # the one two-code-point lower case
    (FindQuery("σοφοσ"), ["ΣΟΦΟΣ"]),                     # final sigma folds to sigma
    (FindQuery("aa"), ["aa", "aa"]),                      # matches do not overlap
    (FindQuery("a*", regex=True), ["a", "aaaa"]),  # empty matches are skipped
    (FindQuery("😀 council"), ["😀 council"]),
    (FindQuery("zeppelin"), []),
])
def test_matches(query, expected):
    assert matches(query) == expected


def test_offsets_are_code_points_after_an_emoji():
    scan = TextScan(FindQuery("council.").compile(), TEXT).run()
    start, end = scan.hits.span(0)
    assert TEXT[start:end] == "council." and start == TEXT.rindex("council.")


@pytest.mark.parametrize("query, message", [
    (FindQuery(""), "empty"),
    (FindQuery("(", regex=True), "bad regular expression"),
    (FindQuery("a{2,1}", regex=True), "bad regular expression"),
])
def test_bad_queries_say_why_in_one_line(query, message):
    with pytest.raises(FindError) as info:
        query.compile()
    assert message in str(info.value) and "\n" not in str(info.value)


def test_a_plain_query_is_not_a_pattern():
    assert matches(FindQuery("c.u")) == []
    assert matches(FindQuery("(", case=True), "f(x)") == ["("]


def test_fold_keeps_every_offset():
    text = "İI ẞß ΣΑΣ Ǆ 😀"
    assert len(fold_text(text)) == len(text)
    folded = FoldedText(text * 50_000)
    assert folded.piece(0, len(text) * 50_000)[0] == fold_text(text * 50_000)


def test_folded_pieces_across_windows():
    text = "".join(chr(65 + i % 26) for i in range(700_000))
    folded = FoldedText(text)
    for start, end in [(0, 10), (262_140, 262_150), (262_143, 524_300), (699_990, 800_000)]:
        piece, base = folded.piece(start, end)
        assert base == start and piece == text[start:min(end, len(text))].lower()
