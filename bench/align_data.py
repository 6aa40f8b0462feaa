"""Text-reuse test data for bench_align.py: real prose, edited with a known gold mapping.

The prose is the Python language reference shipped in every CPython (``pydoc_data.topics``,
the text behind ``help('topics')``), with code blocks and headings dropped, and, for the
1 MB speed texts, the docstrings of the standard library's modules (read with ``ast``, never
imported). No network, no extra package.

``make_reuse`` turns a list of paragraphs into a derived document the way a writer reuses a
source: paragraphs reordered, sentences dropped, inserted (from unrelated prose), reworded,
split in two and merged; it returns both texts and the gold sentence pairs.
"""

from __future__ import annotations

import ast
import random
import re
import sysconfig
from dataclasses import dataclass
from pathlib import Path

from reader.core.text import Statement, split_statements

_SENTENCE_MIN_WORDS = 6


def language_reference_paragraphs() -> list[list[str]]:
    """Prose paragraphs (each a list of sentences) of the Python language reference."""
    import pydoc_data.topics as topics

    out: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()
    for name in sorted(topics.topics):
        out.extend(_unique(_prose_paragraphs(topics.topics[name]), seen))
    return out


def _unique(paragraphs: list[list[str]], seen: set[tuple[str, ...]]) -> list[list[str]]:
    """Drop sentences that mostly repeat an earlier one (the reference repeats itself)."""
    out = []
    for para in paragraphs:
        kept = []
        for sentence in para:
            words = re.findall(r"\w+", sentence.lower())
            shingles = {tuple(words[k:k + 3]) for k in range(max(1, len(words) - 2))}
            if len(shingles & seen) * 3 < len(shingles):
                kept.append(sentence)
            seen |= shingles
        if kept:
            out.append(kept)
    return out


def stdlib_docstring_paragraphs(limit_chars: int) -> list[list[str]]:
    """Prose paragraphs of standard-library docstrings, up to ``limit_chars`` characters."""
    root = Path(sysconfig.get_paths()["stdlib"])
    out: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()
    total = 0
    for path in sorted(root.glob("*.py")) + sorted(root.glob("*/*.py")):
        if "test" in path.parts[-2] or path.name.startswith("test"):
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, OSError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                doc = ast.get_docstring(node)
                if doc:
                    for para in _unique(_prose_paragraphs(doc), seen):
                        out.append(para)
                        total += sum(len(s) + 1 for s in para)
                        if total >= limit_chars:
                            return out
    return out


def _prose_paragraphs(text: str) -> list[list[str]]:
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = block.split("\n")
        if any(line.startswith((" " * 3, "\t", ">>>", "...")) for line in lines[:1]):
            continue  # code sample
        if len(lines) >= 2 and set(lines[-1].strip()) <= set("*=-^~"):
            continue  # heading
        flat = " ".join(line.strip().lstrip("*").strip() for line in lines).strip()
        if not flat or "::=" in flat or flat.count("(") > 6:
            continue
        sentences = [s.text for s in split_statements(flat)
                     if len(s.text.split()) >= _SENTENCE_MIN_WORDS and s.text[-1] in ".!?:"]
        if sentences:
            paragraphs.append(sentences)
    return paragraphs


_SYNONYMS = {
    "use": "employ", "used": "employed", "must": "has to", "can": "may", "object": "item",
    "objects": "items", "returns": "gives back", "return": "give back", "value": "result",
    "values": "results", "function": "routine", "functions": "routines", "called": "invoked",
    "call": "invocation", "raised": "thrown", "raise": "throw", "create": "make",
    "created": "made", "contains": "holds", "contain": "hold", "specified": "given",
    "following": "next", "defined": "declared", "define": "declare", "list": "sequence",
    "example": "instance", "however": "but", "also": "as well", "if": "when", "only": "just",
    "new": "fresh", "first": "initial", "number": "count", "different": "distinct",
    "usually": "normally", "because": "since", "allows": "lets", "allow": "let",
    "similar": "alike", "large": "big", "small": "little", "method": "member function",
}
_FILLERS = ("In practice, ", "Note that ", "As a rule, ", "In short, ", "Put simply, ")


@dataclass(frozen=True)
class ReuseCase:
    """A source text, a text built on it, and the gold links between their sentences."""

    left_text: str
    right_text: str
    gold: frozenset[tuple[int, int]]   # (left statement index, right statement index)
    left_statements: list[Statement]
    right_statements: list[Statement]
    operations: dict[str, int]


def reword(sentence: str, rng: random.Random) -> str:
    """A paraphrase a careless rewriter might make: synonyms, forms, a dropped clause, filler."""
    words = sentence.split()
    changed = 0
    for k, word in enumerate(words):
        bare = word.strip(".,;:()").lower()
        if bare in _SYNONYMS and rng.random() < 0.6:
            words[k] = word.lower().replace(bare, _SYNONYMS[bare])
            changed += 1
        elif len(bare) > 5 and rng.random() < 0.1:
            words[k] = word[:-1] + "s" if not word.endswith("s") else word[:-1]
            changed += 1
    text = " ".join(words)
    if "(" in text and rng.random() < 0.5:
        text = re.sub(r"\s*\([^()]*\)", "", text, count=1)
    if rng.random() < 0.35:
        parts = text.split(", ")
        if len(parts) > 2:
            del parts[rng.randrange(1, len(parts))]
            text = ", ".join(parts)
            if text[-1] not in ".!?":
                text += "."
    if rng.random() < 0.3:
        text = rng.choice(_FILLERS) + text[0].lower() + text[1:]
    return text[0].upper() + text[1:]


def _split(sentence: str) -> tuple[str, str] | None:
    words = sentence.split()
    if len(words) < 14:
        return None
    middle = len(words) // 2
    for offset in range(0, len(words) // 3):
        for k in (middle + offset, middle - offset):
            if 4 <= k < len(words) - 4 and words[k - 1].endswith(","):
                first = " ".join(words[:k]).rstrip(",") + "."
                rest = " ".join(words[k:])
                return first, rest[0].upper() + rest[1:]
    return None


def _merge(a: str, b: str) -> str:
    return a.rstrip(".!?:") + "; " + (b[0].lower() + b[1:] if not b[:2].isupper() else b)


def make_reuse(paragraphs: list[list[str]], fillers: list[str], seed: int = 7, *,
               drop: float = 0.1, insert: float = 0.1, rewrite: float = 0.3, split: float = 0.06,
               merge: float = 0.06, move: float = 0.3) -> ReuseCase:
    """A derived text from ``paragraphs`` with the edits above, and its gold mapping."""
    rng = random.Random(seed)
    filler_pool = list(fillers)
    rng.shuffle(filler_pool)
    left_paras = [list(p) for p in paragraphs]
    # Each unit of the derived text: (text, source sentence ids)
    derived: list[list[tuple[str, tuple[int, ...]]]] = []
    ops = {"kept": 0, "dropped": 0, "inserted": 0, "reworded": 0, "split": 0, "merged": 0,
           "moved paragraphs": 0}
    sid = 0
    for para in left_paras:
        units: list[tuple[str, tuple[int, ...]]] = []
        k = 0
        while k < len(para):
            sentence, own = para[k], sid + k
            roll = rng.random()
            if roll < drop:
                ops["dropped"] += 1
            elif roll < drop + merge and k + 1 < len(para):
                units.append((_merge(sentence, para[k + 1]), (own, own + 1)))
                ops["merged"] += 1
                k += 1
            elif roll < drop + merge + split and _split(sentence):
                first, second = _split(sentence)
                units += [(first, (own,)), (second, (own,))]
                ops["split"] += 1
            elif roll < drop + merge + split + rewrite:
                units.append((reword(sentence, rng), (own,)))
                ops["reworded"] += 1
            else:
                units.append((sentence, (own,)))
                ops["kept"] += 1
            if rng.random() < insert and filler_pool:
                units.append((filler_pool.pop(), ()))
                ops["inserted"] += 1
            k += 1
        sid += len(para)
        if units:
            derived.append(units)
    for _ in range(int(move * len(derived))):
        source = rng.randrange(len(derived))
        derived.insert(rng.randrange(len(derived)), derived.pop(source))
        ops["moved paragraphs"] += 1
    left_text, left_spans = _layout([[(s, ()) for s in p] for p in left_paras])
    right_text, right_spans = _layout(derived)
    left_statements = split_statements(left_text)
    right_statements = split_statements(right_text)
    left_of = _statements_of(left_spans, left_statements)
    right_of = _statements_of(right_spans, right_statements)
    gold = set()
    for unit, sources in zip(right_of, [u[1] for p in derived for u in p]):
        for source in sources:
            gold.update((i, j) for i in left_of[source] for j in unit)
    return ReuseCase(left_text, right_text, frozenset(gold), left_statements, right_statements,
                     ops)


def _layout(paragraphs: list[list[tuple[str, tuple[int, ...]]]]) -> tuple[str, list[tuple[int, int]]]:
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for n, para in enumerate(paragraphs):
        if n:
            parts.append("\n\n")
            pos += 2
        for k, (text, _) in enumerate(para):
            if k:
                parts.append(" ")
                pos += 1
            parts.append(text)
            spans.append((pos, pos + len(text)))
            pos += len(text)
    return "".join(parts) + "\n", spans


def _statements_of(spans: list[tuple[int, int]], statements: list[Statement]) -> list[list[int]]:
    """For each sentence span, the statements that overlap it by at least half of either."""
    out: list[list[int]] = []
    k = 0
    for start, end in spans:
        while k < len(statements) and statements[k].end <= start:
            k += 1
        found = []
        m = k
        while m < len(statements) and statements[m].start < end:
            s = statements[m]
            overlap = min(end, s.end) - max(start, s.start)
            if overlap * 2 >= min(end - start, s.end - s.start):
                found.append(m)
            m += 1
        out.append(found)
    return out
