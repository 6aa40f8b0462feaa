"""Reported speech inside one statement: a reporting verb, its speaker, the reported words.

``find_reported_speech`` finds a reporting verb ("said", "argued", "reports that", "polls
show that", "according to") with its speaker (a name, a pronoun, or a common noun: "the
network", "a source") and the tokens that hold the reported words, so the opinion cues can
skip words that are not the writer's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Sequence

from reader.core.suggest._lexicon import (
    NEEDS_THAT, NOT_NAMES, REPORTING, SPEAKER_NOUNS, SPEAKER_PRONOUNS)

_DETERMINERS = frozenset("a an the his her its their our my your this that".split())
_SPEAKER_DETERMINERS = frozenset("the a an this that his her their its our one another".split())
_PASSIVE = frozenset("was were been be is are being am".split())
_NOT_SOURCES = frozenset("plan schedule tradition custom law rules".split())
# "varies according to region": a manner, not a source
_NOT_ACCORDING = frozenset("vary varies varied differ differs differed ranked sorted arranged "
                           "classified grouped adjusted".split())
_PHRASAL = frozenset("on for off up in out".split())
_CLAUSE_SUBJECTS = frozenset("he she they it there we i".split())
_CLAUSE_STARTS = frozenset("that how why whether what".split())
_NOT_SPEECH_BEFORE = frozenset("above below previously herein hereinafter".split())
_DOCUMENT_LEMMAS = frozenset("show find exhibit present reveal indicate explain".split())
_DOCUMENT_NOUNS = frozenset("report reports study studies survey surveys poll polls figures data "
                            "documents document records correspondence message statement "
                            "exhibits census analysis memo letter filing filings".split())
_TOLD_FORMS = frozenset("told informed advised assured represented".split())
_TRAILING_NEXT = frozenset(("", "to", "on", "in", "at", "by", "¶", ",", ";", "friday", "monday",
                            "tuesday", "wednesday", "thursday", "saturday", "sunday"))
_NOUN_LIKE_FORMS = frozenset("states claims calls charges points notes reports".split())
# Before a plural noun, never before a verb: "six other states that allow …", "many claims".
_QUANTIFIERS = frozenset("other many several all some few both these those various most "
                         "two three four five six seven eight nine ten dozen".split())
# Which reporting verb wins when a sentence has several: the one with the clearest speaker.
_SPEAKER_RANK = MappingProxyType({"named": 6, "noun": 5, "subject": 4, "pronoun": 4, "first": 3,
                                  "relative": 2, "none": 1})
_QUESTION_NEXT = frozenset(("¶", ",", "whether", "if", "what", "why", "how", "who", "when",
                            "where", ""))


@dataclass(frozen=True)
class ReportedSpeech:
    """A reporting verb with its speaker and the token range ``[lo, hi)`` of the reported words."""

    verb: str
    speaker: str  # the speaker's words as written, '' if none found
    speaker_kind: str  # 'named', 'noun', 'pronoun', 'relative', 'first', 'subject' or 'none'
    lo: int
    hi: int


def find_reported_speech(tokens: Sequence[str], lower: Sequence[str]) -> ReportedSpeech | None:
    """The strongest reporting verb in the tokens (quotes already replaced by '¶'), or None."""
    best: ReportedSpeech | None = None
    rank = _SPEAKER_RANK
    n = len(tokens)
    for i, low in enumerate(lower):
        if low == "according" and i + 1 < n and lower[i + 1] == "to" and \
                (lower[i + 2] if i + 2 < n else "") not in _NOT_SOURCES and \
                (lower[i - 1] if i else "") not in _NOT_ACCORDING:
            found = _according_to(tokens, i)
        elif low in REPORTING and tokens[i][:1].islower() and _is_reporting_use(lower, i):
            found = _with_speaker(tokens, lower, i)
            if low in _TOLD_FORMS and i and lower[i - 1] in _PASSIVE:
                # "I am told that ...": the writer is told; the speaker goes unnamed.
                found = ReportedSpeech(found.verb, "an unnamed source", "noun", i + 1,
                                       len(tokens))
        else:
            continue
        if best is None or rank[found.speaker_kind] > rank[best.speaker_kind]:
            best = found
    return best


def _is_reporting_use(lower: Sequence[str], i: int) -> bool:
    word, prev = lower[i], lower[i - 1] if i else ""
    nxt = lower[i + 1] if i + 1 < len(lower) else ""
    lemma = REPORTING[word]
    start = max(0, i - 8)
    before = lower[start:i]
    if "," in before:  # the subject of this verb is after the last comma
        before = before[len(before) - before[::-1].index(","):]
    if nxt == "by":  # "declared by the Government that ...", not "skills demanded by"
        return "that" in lower[i + 2:i + 10]
    if prev in _NOT_SPEECH_BEFORE or (prev == "to" and nxt not in _CLAUSE_STARTS):
        return False  # "the sum above stated", "futures to say yes to"
    if lemma in _DOCUMENT_LEMMAS and not _DOCUMENT_NOUNS.isdisjoint(before):
        return True  # "The report of the Secretary exhibits ...", "figures show"
    if word in _TOLD_FORMS and i >= 2 and lower[i - 1] in _PASSIVE and \
            lower[i - 2] in ("i", "we", "it"):
        return True  # "I am told", "we were informed", "it is represented to me"
    if (prev in _PASSIVE or (i >= 2 and lower[i - 2] in _PASSIVE and prev.endswith("ly"))) \
            and lemma != "say":
        return False  # "was called", "were admitted", "is earnestly hoped"
    if lemma in ("declare", "concede") and nxt in _DETERMINERS:
        return False  # "declared a dividend", "conceded the race": events
    if lemma in ("contend",) and "that" not in lower[i + 1:i + 5]:
        return False  # "contend against"
    if prev in _DETERMINERS and lemma in ("claim", "warn", "estimate", "write", "call", "question",
                                          "report", "charge", "urge", "find", "show", "fear",
                                          "hope", "promise", "pledge", "vow", "point", "note"):
        return False  # a noun: "his claim", "a warning", "the report"
    if lemma in NEEDS_THAT:  # "reported Friday that", "..., the rep confirmed to People"
        return "that" in lower[i + 1:i + 5] or (lemma == "point" and nxt == "out") or \
            nxt in _CLAUSE_SUBJECTS or ("," in lower[max(0, i - 5):i] and nxt in _TRAILING_NEXT)
    if word in _NOUN_LIKE_FORMS:  # "European states", "his calls": only "states that/how"
        return (nxt in _CLAUSE_STARTS and prev not in _QUANTIFIERS) or prev in (",", "¶")
    if prev[:1].isdigit():
        return False  # "14 states", "3 claims"
    if lemma in ("ask", "question"):  # "asked whether", not "questioned witnesses"
        return nxt in _QUESTION_NEXT or prev in (",", "¶")
    if lemma == "write":
        return nxt in ("that", "¶", ",", ":", "in", "on", "to", "") or prev in (",", "¶")
    if lemma in ("add", "note"):
        return prev in (",", "¶") or nxt in (",", "that", ":", "") or i == len(lower) - 1
    if lemma == "call":
        return nxt not in _PHRASAL
    if lemma == "urge":  # "urged the council to act", not "the austerian urges"
        return "to" in lower[i + 1:i + 6]
    if lemma in ("estimate",) or word in ("writing", "written"):
        return nxt == "that"
    return True


def _according_to(tokens: Sequence[str], i: int) -> ReportedSpeech:
    commas = [k for k, t in enumerate(tokens) if t == ","]
    end = next((k for k in commas if k > i), len(tokens))
    source = " ".join(tokens[i + 2:min(end, i + 7)])
    after = next((k for k in commas if k > i), None)
    if i <= 1 and after is not None:  # "According to X, the reported words."
        return ReportedSpeech("according to", source, "noun", after + 1, len(tokens))
    before = max((k for k in commas if k < i), default=0)
    return ReportedSpeech("according to", source, "noun", 0, before)


def _speaker_at(tokens: Sequence[str], lower: Sequence[str], k: int, at_start: bool,
                adjacent: bool = False) -> str | None:
    tok, low = tokens[k], lower[k].split("'")[0]
    if low in ("i", "we"):
        return "first"
    if low in SPEAKER_PRONOUNS:
        return "pronoun"
    if low.rstrip("s’'") in SPEAKER_NOUNS or low in SPEAKER_NOUNS:
        return "noun"
    if low == "who":
        return "relative"
    if adjacent and k and lower[k - 1] in _SPEAKER_DETERMINERS and tok.isalpha() and \
            tok.islower() and low not in REPORTING:
        return "noun"  # a common-noun speaker next to its verb: "the network said", "said a source"
    if tok[:1].isupper() and low not in NOT_NAMES and \
            not (k == 0 and at_start and low in REPORTING):
        return "named"
    return None


def _with_speaker(tokens: Sequence[str], lower: Sequence[str], i: int) -> ReportedSpeech:
    n = len(tokens)
    kinds: list[tuple[str, str]] = []
    for k in range(i - 1, max(-1, i - 8), -1):
        if tokens[k] == "¶":
            break
        kind = _speaker_at(tokens, lower, k, True, adjacent=k == i - 1)
        if kind:
            kinds.append((kind, _name_run(tokens, lower, k) if kind == "named" else tokens[k]))
            if kind in ("first", "pronoun", "relative") and k >= i - 2:
                break
    prev = tokens[i - 1] if i else ""
    if prev in (",", "¶", ":") or i == 0:
        after: list[tuple[str, str]] = []
        for k in range(i + 1, min(n, i + 7)):
            if tokens[k] in (",", ";", "¶"):
                break
            kind = _speaker_at(tokens, lower, k, False, adjacent=k == i + 2)
            if kind in ("named", "noun"):
                after.append((kind, _name_run(tokens, lower, k) if kind == "named" else tokens[k]))
        if after:  # "..., said the mayor": the speaker follows the verb
            kinds = after
    order = ("first", "named", "noun", "pronoun", "relative")
    kind, speaker = min(kinds, key=lambda ks: order.index(ks[0])) if kinds else ("none", "")
    if kinds and kinds[0][0] == "first":
        kind, speaker = kinds[0]
    if lower[i].endswith("ing") and prev == ",":
        # "..., arguing that ...": the subject of the sentence is the speaker.
        kind, speaker = _subject(tokens, lower, i)
    elif lower[i].endswith("ing") and kind not in ("named", "pronoun", "first"):
        kind = "none"  # "a lawsuit claiming ...": the speech is a detail of something else
    if kind == "relative":
        return ReportedSpeech(tokens[i], speaker, kind, i + 1, i + 1)  # main clause follows
    lo, hi = _reported_range(tokens, lower, i, prev)
    return ReportedSpeech(tokens[i], speaker, kind, lo, hi)


_OPENERS = frozenset("in on at after before despite for during since while with as by "
                     "from under however".split())


def _subject(tokens: Sequence[str], lower: Sequence[str], i: int) -> tuple[str, str]:
    """Speaker kind and words of the sentence's subject, before position ``i``."""
    start = 0
    if lower and lower[0] in _OPENERS:  # skip "In response to X," to the main clause
        start = next((k + 1 for k in range(i) if tokens[k] == ","), 0)
    for k in range(start, i):
        kind = _speaker_at(tokens, lower, k, True)
        if kind in ("named", "noun", "pronoun", "first"):
            return kind, _name_run(tokens, lower, k) if kind == "named" else tokens[k]
    return "subject", ""


def _name_run(tokens: Sequence[str], lower: Sequence[str], k: int) -> str:
    """The capitalized words around position ``k`` ('Dana Ortiz' from 'Dana')."""
    def is_name(j: int) -> bool:
        return tokens[j][:1].isupper() and lower[j] not in NOT_NAMES

    lo, hi = k, k + 1
    while lo > 0 and is_name(lo - 1):
        lo -= 1
    while hi < len(tokens) and is_name(hi):
        hi += 1
    return " ".join(tokens[lo:hi])


_ADVERBIAL_START = frozenset("in on at to during after before last this over from by via with "
                             "yesterday today tonight monday tuesday wednesday thursday friday "
                             "saturday sunday".split())


def _reported_range(tokens: Sequence[str], lower: Sequence[str], i: int,
                    prev: str) -> tuple[int, int]:
    """Token range of the reported words: after 'that', after the verb, or before the speaker."""
    n = len(tokens)
    that = next((k for k in range(i + 1, min(n, i + 9)) if lower[k] == "that"), None)
    if that is not None:
        return that + 1, n
    rest_end = next((k for k in range(i + 1, n) if tokens[k] in (",", ";")), n)
    if rest_end < n - 1 and rest_end - i <= 3 and "," in tokens[max(0, i - 4):i]:
        return 0, n  # "X, Howard said, Y": the attribution sits inside the reported words
    rest = lower[i + 1:rest_end]
    trailing = prev in (",", "¶") or len(rest) <= 5 or (rest and rest[0] in _ADVERBIAL_START)
    if not trailing:
        return i + 1, n
    cut = max((k for k in range(max(0, i - 8), i) if tokens[k] in (",", ";", "¶")), default=-1)
    if cut < 0:
        return i + 1, n
    return 0, cut + (tokens[cut] == "¶")
