"""Cues for one statement: each a kind it points to, a weight and a reason a person can read.

``find_cues`` looks at quote marks and reported speech first (``suggest_quotes``), then reads
only the writer's own words (outside quotes and reported clauses) for opinion and claim cues,
so "Smith said the plan was reckless" is a quotation, not the writer calling it reckless.
"""

from __future__ import annotations

import re
from typing import Sequence

from reader.core.suggest._lexicon import NOT_NAMES, REPORTING
from reader.core.suggest._quotes import (
    QUOTE_CHARS, QuoteSpan, find_quote_spans, is_title, normalize_quote_marks)
from reader.core.suggest._reported import ReportedSpeech, find_reported_speech
from reader.core.suggest._types import CUE_WEIGHTS, Analysis, Cue, SuggestContext, make_cue
from reader.core.suggest._words import word_cues

_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*|\d[\d,.]*\d|\d|[$£€%¶,;:?!]")
_SPEAKER_LABEL = re.compile(r"^\s*(Q|A|[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,2})\s?:\s")
_EMAIL_OR_PHONE = re.compile(r"[\w.+-]+@[\w-]+\.\w|\b\d{3}-\d{4}\b")
_BOILERPLATE_STARTS = ("###", "for more information", "media contact", "press contact",
                       "contact:", "photo:", "image:")
_SENTENCE_END = ".!?…:;"
_NOT_SPEAKERS = frozenset(("NOTE", "UPDATE", "UPDATED", "CORRECTION", "WARNING", "BREAKING",
                           "PHOTO", "SOURCE", "EDITOR'S NOTE", "EDITOR’S NOTE", "WATCH", "READ",
                           "MORE", "RELATED", "FILE", "CAPTION", "DISCLAIMER"))


def find_cues(text: str, context: SuggestContext | None = None) -> list[Cue]:
    """Every cue found in ``text`` (a single statement), in no particular order."""
    return analyse_statement(text, context).cues


def analyse_statement(text: str, context: SuggestContext | None = None) -> Analysis:
    """The cues of one statement plus the tokens behind them (for the model's features)."""
    text = text.strip()
    if not text:
        return Analysis([], (), (), (), 0.0, False)
    ctx = context or SuggestContext()
    cues = _context_cues(ctx)
    cues.extend(_form_cues(text, ctx))
    if "''" in text or "``" in text or '""' in text:
        text = normalize_quote_marks(text)
    spans = find_quote_spans(text, ctx.inside_quote) \
        if any(c in text for c in QUOTE_CHARS) else []
    outside = _outside_quotes(text, spans)
    tokens = _TOKEN.findall(outside)
    lower = _TOKEN.findall(outside.lower().replace("’", "'"))
    if len(lower) != len(tokens):  # lower-casing changed a word's length (rare letters)
        lower = [t.lower().replace("’", "'") for t in tokens]
    reported = find_reported_speech(tokens, lower)
    cues.extend(_quote_cues(text, spans, ctx, reported))
    writer = _writer_mask(len(tokens), reported)
    if reported is not None:
        cues.extend(_reported_cues(reported))
    cues.extend(word_cues(tokens, lower, writer, reported is not None))
    cues.extend(_ending_cues(text, ctx, spans))
    share = sum(s.end - s.start for s in spans) / len(text)
    return Analysis(cues, tuple(tokens), tuple(lower), tuple(writer), share, reported is not None)


def cue_totals(cues: Sequence[Cue]) -> list[float]:
    """Summed cue weight for each of KINDS, starting from the claim prior."""
    totals = [0.0, CUE_WEIGHTS["claim_prior"], 0.0]  # order of KINDS
    for cue in cues:
        if cue.kind == "opinion":
            totals[0] += cue.weight
        elif cue.kind == "claim":
            totals[1] += cue.weight
        elif cue.kind == "quotation":
            totals[2] += cue.weight
    return totals


def _context_cues(ctx: SuggestContext) -> list[Cue]:
    cues: list[Cue] = []
    if ctx.attribution_line:
        cues.append(make_cue("none", "attribution_line", "the attribution line of a block quote"))
    if ctx.speaker_label:
        cues.append(make_cue("quotation", "transcript_turn",
                             f"a turn of an interview transcript ('{ctx.speaker_label}:')"))
    if ctx.speaker_nearby:
        cues.append(make_cue("quotation", "quote_speaker_nearby",
                             "a quote whose speaker is named in the sentence before or after"))
    if ctx.block_quote_by is not None:
        who = f" followed by the attribution line '{ctx.block_quote_by}'" if ctx.block_quote_by \
            else " introduced by a line ending in a colon"
        cues.append(make_cue("quotation", "block_quote", f"a block quote{who}"))
    return cues


def _form_cues(text: str, ctx: SuggestContext) -> list[Cue]:
    if text[:20].lower().startswith(_BOILERPLATE_STARTS) or (
            ("@" in text or "-" in text) and _EMAIL_OR_PHONE.search(text)):
        return [make_cue("none", "boilerplate", "contact details or boilerplate, not a statement")]
    cues: list[Cue] = []
    label = speaker_label(text)
    if label and not ctx.speaker_label:
        cues.append(make_cue("quotation", "speaker_label",
                             f"starts with a speaker label ('{label}:')"))
    last = text.rstrip(QUOTE_CHARS + ")]*")[-1:]
    if last and last not in _SENTENCE_END and not text.endswith(("”", '"')):
        words = text.split()
        capitalized = sum(w[:1].isupper() for w in words if w.lower() not in NOT_NAMES)
        content = sum(w.lower() not in NOT_NAMES for w in words) or 1
        if ctx.first_in_document or len(words) <= 6 or capitalized / content >= 0.6:
            cues.append(make_cue("none", "heading", "a heading or title (no sentence punctuation)"))
    return cues


def speaker_label(text: str) -> str | None:
    """The speaker label a transcript line starts with ('Q', 'A', 'HOST'), or None."""
    label = _SPEAKER_LABEL.match(text)
    if label is None or label.group(1) in _NOT_SPEAKERS:
        return None
    return label.group(1)


def _outside_quotes(text: str, spans: list[QuoteSpan]) -> str:
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for span in spans:
        parts.append(text[pos:span.start])
        parts.append(" ¶ ")
        pos = span.end
    parts.append(text[pos:])
    return "".join(parts)


def _quote_cues(text: str, spans: list[QuoteSpan], ctx: SuggestContext,
                reported: ReportedSpeech | None) -> list[Cue]:
    cues: list[Cue] = []
    if ctx.inside_quote and not any(s.shape == "close" for s in spans):
        cues.append(make_cue("quotation", "inside_quote",
                             "inside a quote that began in an earlier sentence"))
    speech = [s for s in spans if s.words >= 3 and not is_title(s.content)]
    if speech:
        share = sum(s.end - s.start for s in speech) / len(text)
        style = speech[0].style
        pct = round(share * 100)
        if any(s.shape == "close" for s in speech) and not ctx.inside_quote:
            cues.append(make_cue("quotation", "quote_continues",
                                 f"the end of a quote begun in an earlier sentence ({pct}%)"))
        elif any(s.shape == "open" for s in speech):
            cues.append(make_cue("quotation", "quote_runs_on",
                                 f"a quote in {style} marks that runs on into the next sentence"))
        elif share >= 0.9 and reported is None and not ctx.speaker_nearby:
            cues.append(make_cue("quotation", "quote_whole",
                                 f"the whole sentence in {style} marks, no speaker named"))
        elif share >= 0.5:
            cues.append(make_cue("quotation", "quote_major",
                                 f"direct quote in {style} marks covering {pct}% of the sentence"))
        else:
            words = sum(s.words for s in speech)
            cues.append(make_cue("quotation", "quote_partial",
                                 f"a quoted phrase of {words} words in {style} marks"))
        return cues
    for span in spans:
        before = text[:span.start].rstrip()
        if before.endswith(":"):
            cues.append(make_cue("quotation", "quote_answer",
                                 f"a short reply in quote marks after a colon ('{span.content}')"))
        elif reported is None and span.words:
            word = span.content.strip(".,")
            cues.append(make_cue("opinion", "scare_quote",
                                 f"scare quotes around '{word}' (not a quotation)"))
        break
    return cues


def _writer_mask(n: int, reported: ReportedSpeech | None) -> list[bool]:
    mask = [True] * n
    if reported is not None:
        for k in range(reported.lo, min(reported.hi, n)):
            mask[k] = False
    return mask


def _reported_cues(rep: ReportedSpeech) -> list[Cue]:
    if rep.verb == "according to":
        return [make_cue("quotation", "according_to",
                         f"'according to' names a source ('{rep.speaker}')")]
    if rep.speaker_kind == "first":
        return [make_cue("opinion", "report_first_person",
                         f"the writer reports their own words ('{rep.speaker} {rep.verb}')")]
    feature = f"report_{rep.speaker_kind}"
    weight = CUE_WEIGHTS[feature] * (0.6 if REPORTING.get(rep.verb.lower()) == "call" else 1.0)
    speaker = {
        "named": f" with a named speaker ({rep.speaker})",
        "noun": f" with a speaker ('{rep.speaker}')",
        "pronoun": f" with a speaker ('{rep.speaker}')",
        "subject": " (reported speech of the sentence's subject)",
        "relative": " in a relative clause ('who ...')",
        "none": " without a clear speaker",
    }[rep.speaker_kind]
    return [make_cue("quotation", feature, f"reporting verb '{rep.verb}'{speaker}", weight)]


def _ending_cues(text: str, ctx: SuggestContext, spans: list[QuoteSpan]) -> list[Cue]:
    last = text.rstrip()[-1:]
    if ctx.speaker_label or ctx.block_quote_by is not None or ctx.inside_quote or \
            speaker_label(text):
        return []
    if spans and spans[-1].end >= len(text.rstrip()):
        return []  # the mark belongs to the quote
    if last == "?":
        return [make_cue("opinion", "question", "a question the writer asks (rhetorical)")]
    if last == "!":
        return [make_cue("opinion", "exclamation", "an exclamation")]
    return []
