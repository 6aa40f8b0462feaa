"""Opinion and claim cues from the writer's own words (outside quotes and reported clauses)."""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping, Sequence

from reader.core.suggest._lexicon import (
    FEELINGS, IMPERATIVES, MONTHS, NOT_NAMES, NOT_PAST, NOT_STANCE_ADVERBS, WORD_CLASSES)
from reader.core.suggest._types import CUE_WEIGHTS, Cue, make_cue

# Multi-word cues: phrase -> (feature, what it is); all point to opinion.
PHRASES = MappingProxyType({
    **{p: ("loaded_phrase", "loaded phrase") for p in (
        "missed opportunity", "wishful thinking", "death knell", "for whatever reason",
        "make this stuff up", "poster boy", "in equal measure", "beside the point", "a far cry",
        "no gentler way", "the truth is", "make no mistake", "needless to say",
        "let's be honest", "to be honest", "to be fair", "it is time", "it's time",
        "you would think", "at minimum", "at the very least", "so badly", "pays off",
        "so-called", "only by", "keeps making")},
    **{p: ("certainty_phrase", "certainty phrase") for p in (
        "it is clear", "it's clear", "of course", "no doubt", "without a doubt",
        "there is no doubt", "it is obvious")},
    **{p: ("first_person_view", "the writer's view") for p in (
        "i think", "i believe", "in my view", "in my opinion", "i wish", "i don't know")},
    **{p: ("obligation", "obligation") for p in ("need to", "needs to", "has to", "have to")},
})


def _phrase_starts() -> Mapping[str, tuple[tuple[str, ...], ...]]:
    """First word -> the phrases (as word tuples) starting with it, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(PHRASES, key=len, reverse=True):
        words = tuple(phrase.split())
        table.setdefault(words[0], []).append(words)
    return MappingProxyType({k: tuple(v) for k, v in table.items()})


_PHRASE_STARTS = _phrase_starts()
_BEFORE_ADJECTIVE = frozenset("the a an most more very so too less least".split())
_MONEY_WORDS = frozenset("dollars pounds euros cents".split())
_PERCENT_WORDS = frozenset(("percent", "%", "per", "percentage"))
_COPULAS = frozenset("is are was were feel feels felt seem seems seemed remain remains "
                     "remained became become".split())
_PERSONS = frozenset("i we you me us my our your".split())
_OPENING_CONNECTIVES = frozenset("but and yet so still now".split())
_RELATIVE_TIME = frozenset("week month year season summer winter spring autumn fall weekend "
                           "decade quarter night".split())
_OPINION_CLASSES = MappingProxyType({
    "first": "first person", "second": "addresses the reader", "modal": "obligation",
    "certain": "certainty", "hedge": "hedge", "intens": "intensifier",
})


def word_cues(tokens: Sequence[str], lower: Sequence[str], writer: Sequence[bool],
              has_report: bool) -> list[Cue]:
    """Opinion and claim cues from the tokens marked as the writer's own in ``writer``."""
    classes: dict[str, list[str]] = {}
    names: list[str] = []
    events: list[str] = []
    numbers: dict[str, str] = {}
    mine: list[str] = []  # the writer's words, lower-cased, in order
    n = len(tokens)
    word_classes = list(map(WORD_CLASSES.get, lower))  # one C-level pass over the table
    for k in range(n):
        if not writer[k]:
            continue
        tok, low = tokens[k], lower[k]
        mine.append(low)
        cls = word_classes[k]
        first = tok[0]
        if first.isdigit():
            _number(tokens, lower, k, numbers)
            continue
        if low == "may" and first.isupper() and _may_is_month(lower, k):
            cls = "month"
        if cls == "month" or cls == "weekday" or cls == "time":
            if cls == "time" or first.isupper():
                numbers.setdefault("date", tok)
                continue
            cls = None
        elif cls == "numword":
            numbers.setdefault("count", tok)
        elif cls == "first" and not is_first_person(tok, k):
            pass  # "the US", "Between Us" in a title
        elif cls == "eval" and low in FEELINGS and _others_feel(lower, k):
            classes.setdefault("others_feel", []).append(tok)
        elif cls is not None:
            classes.setdefault(cls, []).append(tok)
        elif low.endswith("ed") and len(low) > 4 and low not in NOT_PAST and "-" not in low \
                and (k == 0 or lower[k - 1] not in _BEFORE_ADJECTIVE):
            events.append(tok)
        if cls == "past" and not (k and first.isupper()):  # "the Left" is no event
            events.append(tok)
        if low in _RELATIVE_TIME and k and lower[k - 1] in ("last", "next", "this"):
            numbers.setdefault("date", f"{lower[k - 1]} {low}")
        if first.isupper() and low not in NOT_NAMES and cls not in ("month", "weekday") and \
                (k > 0 or (n > 1 and tokens[1][:1].isupper() and lower[1] not in NOT_NAMES)):
            names.append(tok)
    cues: list[Cue] = []
    judged = False
    for feature, what, phrase in _phrases(mine):
        cues.append(make_cue("opinion", feature, f"{what} '{phrase}'"))
        judged = judged or feature in ("loaded_phrase", "certainty_phrase")
    evaluative = classes.get("eval", [])
    if evaluative:
        shown = " and ".join(f"'{w.lower()}'" for w in dict.fromkeys(evaluative[:2]))
        plural = "s" if len(set(evaluative[:2])) > 1 else ""
        weight = CUE_WEIGHTS["evaluative"] + CUE_WEIGHTS["evaluative_more"] * min(
            2, len(evaluative) - 1)
        cues.append(make_cue("opinion", "evaluative", f"evaluative word{plural} {shown}", weight))
    if "others_feel" in classes and not evaluative:
        cues.append(make_cue("claim", "others_feel",
                             f"how others feel ('{classes['others_feel'][0]}'), not the "
                             "writer's judgement"))
    for cls, what in _OPINION_CLASSES.items():
        if cls in classes:
            cues.append(make_cue("opinion", cls, f"{what} ('{classes[cls][0]}')"))
    if "will" in classes and "date" not in numbers:
        cues.append(make_cue("opinion", "prediction", f"a prediction ('{classes['will'][0]}')"))
    if n and writer[0] and lower[0] in IMPERATIVES and tokens[-1:] != ["?"]:
        cues.append(make_cue("opinion", "imperative",
                             f"an imperative addressed to the reader ('{tokens[0]}')"))
    adverb = _comment_adverb(tokens, lower, writer)
    if adverb:
        cues.append(make_cue("opinion", "comment_adverb",
                             f"a comment adverb, the writer's stance ('{adverb}')"))
    if has_report and (evaluative or judged or "certain" in classes):
        cues.append(make_cue("opinion", "judges_report",
                             "the writer's own judgement around the reported words"))
    scale = CUE_WEIGHTS["claim_in_attribution"] if has_report else 1.0
    cues.extend(_claim_cues(names, events, numbers, scale))
    return cues


def _comment_adverb(tokens: Sequence[str], lower: Sequence[str],
                    writer: Sequence[bool]) -> str | None:
    """An -ly adverb set off by a comma at the start ("Worryingly, ...", "But sadly, ..."),
    unless it orders, dates, places or sources the statement (NOT_STANCE_ADVERBS)."""
    k = 1 if lower[:1] and lower[0] in _OPENING_CONNECTIVES else 0
    if len(lower) > k + 1 and lower[k + 1] == "," and writer[k] and \
            lower[k].endswith("ly") and len(lower[k]) > 4 and lower[k] not in NOT_STANCE_ADVERBS:
        return tokens[k]
    return None


def _others_feel(lower: Sequence[str], k: int) -> bool:
    """'<someone> are disappointed': a feeling word after a copula whose subject is not the
    writer or the reader (no I/we/you before it)."""
    if k == 0 or lower[k - 1] not in _COPULAS:
        return False
    return not any(w in _PERSONS for w in lower[:k - 1])


def is_first_person(token: str, position: int) -> bool:
    """Whether a first-person word is the writer's 'I'/'we', not 'US' or a title's 'Us'."""
    return token == "I" or token.islower() or (position == 0 and token.istitle())


def _phrases(words: Sequence[str]) -> list[tuple[str, str, str]]:
    """(feature, what, phrase) for each listed phrase and superlative among ``words``."""
    found: list[tuple[str, str, str]] = []
    for j, word in enumerate(words):
        starts = _PHRASE_STARTS.get(word)
        if starts:
            for phrase in starts:
                if tuple(words[j:j + len(phrase)]) == phrase:
                    text = " ".join(phrase)
                    found.append((*PHRASES[text], text))
                    break
        if word == "most" and j + 1 < len(words) and words[j + 1][:1].isalpha():
            found.append(("superlative", "superlative", f"most {words[j + 1]}"))
    return found


def _may_is_month(lower: Sequence[str], k: int) -> bool:
    nxt = lower[k + 1] if k + 1 < len(lower) else ""
    return k > 0 and (nxt[:1].isdigit() or lower[k - 1] in ("in", "since", "until", "of", "from"))


def _number(tokens: Sequence[str], lower: Sequence[str], k: int, numbers: dict[str, str]) -> None:
    tok = tokens[k]
    prev = tokens[k - 1] if k else ""
    nxt = lower[k + 1] if k + 1 < len(lower) else ""
    if prev.lower() in MONTHS:
        numbers.setdefault("date", f"{prev} {tok}")
    elif prev[:1].isupper() and prev.lower() not in NOT_NAMES:
        return  # part of a name: 'PeakCell 20', 'Highway 36'
    elif prev in ("$", "£", "€") or nxt in _MONEY_WORDS:
        numbers.setdefault("money", prev + tok if prev in ("$", "£", "€") else f"{tok} {nxt}")
    elif nxt in _PERCENT_WORDS:
        numbers.setdefault("percent", f"{tok} percent")
    elif len(tok) == 4 and tok.isdigit() and 1800 <= int(tok) <= 2099:
        numbers.setdefault("date", tok)
    else:
        numbers.setdefault("count", tok)


_NUMBER_NAMES = MappingProxyType({"date": "a date", "money": "a sum of money",
                                  "percent": "a percentage", "count": "a number"})


def _claim_cues(names: list[str], events: list[str], numbers: dict[str, str],
                scale: float) -> list[Cue]:
    cues: list[Cue] = []
    if numbers:
        kinds = [k for k in ("date", "money", "percent", "count") if k in numbers]
        parts = [_NUMBER_NAMES[k] for k in kinds]
        what = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        weight = min(CUE_WEIGHTS["numbers_cap"], sum(CUE_WEIGHTS[k] for k in kinds))
        cues.append(make_cue("claim", "numbers", f"{what} ('{numbers[kinds[0]]}')",
                             weight * scale))
    if names and events:
        cues.append(make_cue("claim", "actor_event",
                             f"a named actor ('{names[0]}') and an event ('{events[0]}')",
                             CUE_WEIGHTS["actor_event"] * scale))
    elif events:
        cues.append(make_cue("claim", "event", f"an event in the past tense ('{events[0]}')",
                             CUE_WEIGHTS["event"] * scale))
    elif names:
        cues.append(make_cue("claim", "names",
                             f"names a person or organization ('{names[0]}')",
                             CUE_WEIGHTS["names"] * scale))
    return cues
