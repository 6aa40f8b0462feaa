"""Statement splitting: Golden Rules, the seed articles, layout rules and offsets."""

from __future__ import annotations

import pytest

from reader.core.text import document_from_text
from reader.core.text import Statement, segment_document, split_paragraphs, split_statements
from tests.core.text.golden_rules import GOLDEN_RULES, passed_rules

# Golden Rules (indices into GOLDEN_RULES) we are known to get wrong; at most 2 allowed.
KNOWN_FAILURES: frozenset[int] = frozenset()


def texts(text: str) -> list[str]:
    """Statement texts of ``text``."""
    return [s.text for s in split_statements(text)]


def test_golden_rules_score():
    passed = passed_rules(texts)
    assert len(GOLDEN_RULES) == 48
    assert len(KNOWN_FAILURES) <= 2
    assert len(passed) >= 46
    assert set(range(48)) - set(passed) <= KNOWN_FAILURES


@pytest.mark.parametrize(("index", "rule"), list(enumerate(GOLDEN_RULES)))
def test_golden_rule(index, rule):
    text, expected = rule
    if index in KNOWN_FAILURES:
        pytest.xfail("known failure")
    assert tuple(texts(text)) == expected


COLUMN_STATEMENTS = [
    "Elon Musk Backs Out of His Latest Attack",
    "Elon Musk Backs Out of His Latest Attack",
    "I don’t know who will play Elon Musk in a biopic documenting his successes and failures in "
    "life as an industrialist and family man.",
    "Whoever plays him will hopefully nail the irrationalism that once made him an admired "
    "‘Howard Hughes of Gen X’, to whining poster boy of social derelict nerds.",
    "Musk’s latest tantrum was aimed at OpenAI.",
    "He recently filed, then withdrew, a lawsuit against the company claiming they had strayed "
    "away from the company’s core ethos of making its AI technology safe and open to the world.",
    "Musk said OpenAI was racing for profits instead of being true to its values.",
    "He demanded Sam Altman give back any profits earned from his work at OpenAI.",
    "Musk was a founding member of OpenAI and left the company in 2018.",
    "In response to Musk’s lawsuit, OpenAI published emails Musk wrote way back when he was a "
    "member of the OpenAI team.",
    "His email states how OpenAI needed to bring in massive profits in order to fund the "
    "computing power it needed to build next generation models.",
    "He even goes further to say how OpenAI needs to raise ever larger amounts of money to "
    "counter the spending Facebook and Google were making in their AI projects.",
    "The death knell in Elon Musk’s lawsuit is this statement he made on January 31, 2018",
    "A for-profit pivot might create a more sustainable revenue stream over time and would, "
    "with the current team, likely bring in a lot of investment.",
    "Elon Musk",
    "Like, hwat?",
    "For his part, Sam Altman, OpenAI’s CEO; said Elon Musk was simply jealous because he "
    "bailed out before the company really took off.",
    "He’s having to watch from afar while OpenAI basks in media glory and AI generated profits.",
    "After the revelation of him having actually recommended OpenAI go towards a for-profit "
    "model, Musk withdrew his lawsuit this week.",
    "And gave no reason why.",
    "This isn’t the only news item featuring Elon Musk.",
    "He’s recently attacked Nvidia for not selling him enough units of their most powerful GPU, "
    "the H100.",
    "He’s claiming Nvidia is denying him access to the chips and holding him back.",
    "The chips were originally destined for Tesla, but he wants them to delivered to X for "
    "whatever reason.",
    "He’s also attacked Apple, proclaiming Apple products would be banned from connecting to "
    "Tesla vehicles (which sales are down) if Apple integrates iOS with OpenAi’s technology.",
    "You can’t make this stuff up.",
    "He just keeps making news.",
]

NEUTRAL_STATEMENTS = [
    "Elon Musk, the CEO of Tesla and SpaceX, has never shied away from speaking his mind when "
    "it comes to artificial intelligence.",
    "One of his biggest targets in the field of AI has been OpenAI, a research organization "
    "co-founded by Sam Altman, which aims to develop safe and beneficial AI.",
    "Musk has been vocal about his concerns regarding the potential dangers of AI, warning that "
    "it could pose a significant threat to humanity if not properly regulated and controlled.",
    "He has been particularly critical of OpenAI, arguing that the organization’s focus on "
    "developing powerful artificial intelligence without sufficient safeguards is reckless and "
    "irresponsible.",
    "One of the most notable instances of Musk’s criticism of OpenAI came in 2019 when the "
    "organization announced that it would be releasing a new version of its language "
    "generation model, GPT-2.",
    "Musk took to Twitter to express his concerns, stating that the decision to release the "
    "model was “irresponsible” and could potentially have dangerous consequences.",
    "In response to Musk’s comments, OpenAI defended its decision, stating that it believed the "
    "benefits of releasing the model outweighed the risks.",
    "The organization argued that by making the model available to the public, researchers "
    "would be able to better understand and address potential issues related to AI safety.",
    "Despite their differences, Musk and OpenAI have some history of collaboration.",
    "In 2015, Musk donated $1 billion to the organization, becoming one of its primary "
    "benefactors.",
    "However, in recent years, their relationship has become increasingly strained as Musk has "
    "continued to criticize the organization’s approach to AI research.",
    "While Musk’s concerns about AI are certainly valid, his attacks on OpenAI have been met "
    "with pushback from some in the AI community, who argue that the organization is taking "
    "appropriate precautions to ensure the safe development and deployment of artificial "
    "intelligence.",
    "In the ongoing debate between Musk and OpenAI, it is clear that both sides have valid "
    "points to consider.",
    "As AI continues to advance at a rapid pace, researchers and industry leaders must work "
    "together to address the potential risks and challenges associated with this powerful "
    "technology.",
    "Only by collaborating and engaging in constructive dialogue can we ensure that AI is "
    "developed safely and responsibly.",
]


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [("column_seed", COLUMN_STATEMENTS), ("neutral_seed", NEUTRAL_STATEMENTS)],
)
def test_seed_statements_exactly(request, fixture, expected):
    document = document_from_text(request.getfixturevalue(fixture).read_text(encoding="utf-8"))
    statements = segment_document(document)
    assert [s.text for s in statements] == expected
    assert [s.index for s in statements] == list(range(len(expected)))
    for s in statements:
        assert document.text[s.start : s.end] == s.text


def test_column_paragraph_numbers(column_seed):
    statements = split_statements(column_seed.read_text(encoding="utf-8"))
    by_text = {s.text: s.paragraph for s in statements}
    # headline, repeated headline, then the block quote, its attribution and "Like, hwat?"
    assert [s.paragraph for s in statements[:2]] == [0, 1]
    quote = next(s for s in statements if s.text.startswith("A for-profit pivot"))
    assert by_text["Elon Musk"] == quote.paragraph + 1
    assert by_text["Like, hwat?"] == quote.paragraph + 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # abbreviations, titles, months, times, Latin
        ("Mr. and Mrs. Smith arrived on Jan. 5. They left on Feb. 10.",
         ["Mr. and Mrs. Smith arrived on Jan. 5.", "They left on Feb. 10."]),
        ("Dr. Jane Doe, Ph.D., spoke at 3 p.m. The CEO listened.",
         ["Dr. Jane Doe, Ph.D., spoke at 3 p.m.", "The CEO listened."]),
        ("Bring fruit, e.g. Apples and Pears. We sold tools, etc. The rest was wasted.",
         ["Bring fruit, e.g. Apples and Pears.", "We sold tools, etc.", "The rest was wasted."]),
        ("Sen. Warren met Gov. Newsom at Acme Corp. in Boston.",
         ["Sen. Warren met Gov. Newsom at Acme Corp. in Boston."]),
        ("Smith et al. found this. Others disagreed.", ["Smith et al. found this.",
                                                        "Others disagreed."]),
        # numbers and money
        ("Revenue rose 3.5 percent to $1.5 billion. Analysts expected more.",
         ["Revenue rose 3.5 percent to $1.5 billion.", "Analysts expected more."]),
        ("See Fig. 3 for details. Table 2 shows more.",
         ["See Fig. 3 for details.", "Table 2 shows more."]),
        # initials
        ("J. R. R. Tolkien wrote The Hobbit. It sold well.",
         ["J. R. R. Tolkien wrote The Hobbit.", "It sold well."]),
        # quotations and parentheses
        ('"Is it done?" she asked. "Yes," he said.', ['"Is it done?" she asked.', '"Yes," he said.']),
        ("“We are done,” he said. “Next.” Then he left.",
         ["“We are done,” he said.", "“Next.”", "Then he left."]),
        ("(This is a parenthetical sentence.) This follows.",
         ["(This is a parenthetical sentence.)", "This follows."]),
        # ellipses
        ("He paused... Then he spoke. Wait… What happened?",
         ["He paused...", "Then he spoke.", "Wait…", "What happened?"]),
        # URLs and email addresses
        ("See www.example.com. Mail me at a.b@c.org. Thanks.",
         ["See www.example.com.", "Mail me at a.b@c.org.", "Thanks."]),
    ],
)
def test_sentences(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline on the line above its body
        ("Markets Rally On Fed News\nStocks rose on Monday. Bonds fell.",
         ["Markets Rally On Fed News", "Stocks rose on Monday.", "Bonds fell."]),
        # a hard-wrapped paragraph is running text
        ("The committee met on Tuesday to discuss the budget, and after a long\n"
         "debate it approved the plan. Members then left\nthe room.",
         ["The committee met on Tuesday to discuss the budget, and after a long\n"
          "debate it approved the plan.", "Members then left\nthe room."]),
        # list items on their own lines
        ("Shopping list:\n- milk\n- eggs\n* bread\n• jam",
         ["Shopping list:", "- milk", "- eggs", "* bread", "• jam"]),
        ("Steps:\n1. Open the box.\n2. Take it out. Then plug it in.\na) optional",
         ["Steps:", "1. Open the box.", "2. Take it out.", "Then plug it in.", "a) optional"]),
        # short lines (an address, verse) stand alone
        ("Jane Doe\n12 High Street\nSpringfield", ["Jane Doe", "12 High Street", "Springfield"]),
        # a block quote's attribution line
        ("A quote here that is long enough to be its own statement, really.\n— Jane Doe",
         ["A quote here that is long enough to be its own statement, really.", "— Jane Doe"]),
        ("A quote that runs long enough to wrap onto a second line of the text,\n"
         "and it ends here.\nElon Musk",
         ["A quote that runs long enough to wrap onto a second line of the text,\n"
          "and it ends here.", "Elon Musk"]),
    ],
)
def test_lines_inside_paragraphs(text, expected):
    assert texts(text) == expected


def test_paragraphs_are_split_on_blank_lines():
    text = "  First para.\nstill first.\n \t\nSecond.\n\n\n  Third  \n"
    spans = split_paragraphs(text)
    assert [text[s:e] for s, e in spans] == ["First para.\nstill first.", "Second.", "Third"]
    assert [s.paragraph for s in split_statements(text)] == [0, 0, 1, 2]


def test_offsets_are_code_points_after_emoji_and_accents():
    text = "😀 Café opens. 👍🏽 Naïve guests wait.\n\n\u00a0Élan vital."
    statements = split_statements(text)
    assert [s.text for s in statements] == ["😀 Café opens.", "👍🏽 Naïve guests wait.", "Élan vital."]
    assert all(text[s.start : s.end] == s.text for s in statements)
    assert statements[1].start == text.index("👍")


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n", "\u00a0\u2003"])
def test_blank_text_has_no_statements(text):
    assert split_statements(text) == []
    assert split_paragraphs(text) == []


def test_statement_is_frozen():
    statement = split_statements("One. Two.")[1]
    assert statement == Statement(1, 5, 9, "Two.", 0)
    with pytest.raises(AttributeError):
        statement.start = 0  # type: ignore[misc]
