"""Lexical similarity of two statements: rare-word overlap, character n-grams, names and numbers.

Each statement becomes a small ``Features`` value: its word stems (integer ids into a shared
``Vocabulary``) and a 4096-bit sketch of the character 3-5-grams of its content words. Words
are weighed by general English rarity (see wordweights), computed once per distinct word,
never per token. Character n-grams catch changed word forms ("founded" / "co-founders");
the bit sketch keeps them at ~0.5 KB per statement with C-speed intersections.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial, reduce
from operator import is_not, or_

from reader.core.align._specifics import token_detail
from reader.core.align._wordweights import STOPWORD_ZIPF, WordWeights
from reader.core.align._words import SKETCH_BITS, gram_bits, is_cjk_char, stem, tokens

_NO_DETAILS: frozenset[int] = frozenset()
_is_found = partial(is_not, None)
_is_key = partial(int.__le__, 0)  # a pair's id, not -1 (no key)

#: Weights of the three signals in a combined score (names drop out when neither side has any).
WORD_SHARE, GRAM_SHARE, NAME_SHARE = 0.5, 0.3, 0.2


@dataclass(frozen=True, slots=True)
class Features:
    """What the scorer needs of one statement: weighted keys and a character n-gram sketch.

    ``keys`` holds ids of word stems and of adjacent-word pairs (a shared pair such as
    "in response" is much stronger evidence of reuse than two shared words).
    """

    keys: frozenset[int]
    weight: float
    grams: int
    gram_count: int
    name_weight: float = 0.0
    unshared_weight: float = 0.0  # weight of word pairs left out of ``keys``
    details: frozenset[int] = frozenset()  # ids of specific details (see _specifics)


class Vocabulary:
    """Key ids, weights and name flags shared by every statement of one alignment run."""

    def __init__(self, weights: WordWeights | None = None) -> None:
        self.word_weights = weights or WordWeights()
        self.key_weight: list[float] = []
        self.is_name: list[bool] = []
        #: Whether a key is a word that tells what is said: not a name, a figure or a word pair
        #: (a CJK character is unknown to the word list but no name).
        self.is_content = bytearray()  # one byte a key: large documents have millions
        self._stem_ids: dict[str, int] = {}
        self._pair_ids: dict[int, int] = {}
        # What each distinct surface token contributes, one table per part so that a
        # statement's tokens are looked up with map() at C speed: its stem id; the same only
        # for tokens of some weight (they are keys), for capitalised ones among those (names
        # inside a sentence) and for specific details; and its gram bits.
        self._stem_of: dict[str, int] = {}
        self._key_of: dict[str, int] = {}
        self._capital_key_of: dict[str, int] = {}
        self._detail_of: dict[str, int] = {}
        self._bits_of: dict[str, int] = {}
        self._base_bits: dict[str, int] = {}
        #: Specific details (numbers, days, rare names) by id, read in the same pass.
        self.detail_ids: dict[str, int] = {}
        self._gram_place: dict[str, int] = {}
        #: Once set, unseen word pairs get no key (they could not match an indexed statement).
        self.frozen_pairs = False
        # Features of statements read before ``frozen_pairs``, by text: a statement met again
        # (reused text, a repeated line) reads the same, as all its tokens and word pairs
        # have ids by then. Later ones are not kept, so streamed text is not held.
        self._read: dict[str, tuple[Features, tuple[int, ...]]] = {}

    def _new_key(self, weight: float, pair: bool = False) -> int:
        self.key_weight.append(weight)
        self.is_name.append(False)
        self.is_content.append(0 if pair else 1)
        return len(self.key_weight) - 1

    def _entry(self, token: str) -> None:
        """Read a surface token met for the first time into the per-token tables."""
        lower = token.lower().replace("’", "'")
        words = self.word_weights
        weight = words.weight(lower)
        key = stem(lower)
        stem_id = self._stem_ids.get(key)
        if stem_id is None:
            stem_id = self._stem_ids[key] = self._new_key(weight)
        elif weight > self.key_weight[stem_id]:
            self.key_weight[stem_id] = weight
        zipf = words.zipf(lower)
        bits = 0
        if zipf < STOPWORD_ZIPF:
            base = lower[:-2] if lower.endswith("'s") else lower
            bits = self._base_bits.get(base, -1)
            if bits < 0:
                bits = self._base_bits[base] = gram_bits(base, self._gram_place)
        if any(c.isdigit() for c in token) or (lower.isalpha() and not words.is_known(lower)):
            self.is_name[stem_id] = True
            self.is_content[stem_id] = is_cjk_char(token)
        detail = token_detail(token, zipf)
        if detail is not None:
            self._detail_of[token] = self.detail_ids.setdefault(detail, len(self.detail_ids))
        self._stem_of[token] = stem_id
        self._bits_of[token] = bits
        if weight > 0.0:
            self._key_of[token] = stem_id
            if token[:1].isupper():
                self._capital_key_of[token] = stem_id

    def features(self, text: str) -> Features:
        """Raw features of one statement's text (weights are filled in by ``finalize``)."""
        known = self._read.get(text)
        if known is not None:
            # Equal copies built as the first were, not the same sets: set operations on one
            # object twice, or on a set of another table size, visit the keys in another
            # order (and float sums over them come out in another order).
            first, detail_order = known
            return Features(first.keys.union(), 0.0, first.grams, first.gram_count, 0.0,
                            first.unshared_weight, frozenset(detail_order) or _NO_DETAILS)
        words = tokens(text)
        stem_of = self._stem_of
        ids = list(map(stem_of.get, words))
        if None in ids:
            for word in words:
                if word not in stem_of:
                    self._entry(word)
            ids = list(map(stem_of.__getitem__, words))
        keys = set(filter(_is_found, map(self._key_of.get, words)))
        detail_order = tuple(filter(_is_found, map(self._detail_of.get, words)))
        details = frozenset(detail_order) or _NO_DETAILS
        bits = reduce(or_, map(self._bits_of.__getitem__, words), 0)
        # Adjacent-word pairs; those of two function words ("of the") get no key (-1).
        pair_ids = self._pair_ids
        pairs = [a << 32 | b for a, b in zip(ids, ids[1:])]
        found = list(map(pair_ids.get, pairs))
        unshared = 0.0
        if None in found:
            unshared = self._new_pairs(pairs, found)
        keys.update(filter(_is_key, found))
        # Capitalised inside a sentence marks a name, unless the line is in Title Case.
        capitalised = list(filter(_is_found, map(self._capital_key_of.get, words[1:])))
        if capitalised and len(capitalised) * 2 < len(words):
            for key in capitalised:
                self.is_name[key] = True
                self.is_content[key] = 0
        result = Features(frozenset(keys), 0.0, bits, bits.bit_count(), 0.0, unshared, details)
        if not self.frozen_pairs:
            self._read[text] = (result, detail_order)
        return result

    def _new_pairs(self, pairs: list[int], found: list[int | None]) -> float:
        """Give the word pairs not seen before (None in ``found``) their ids in order (-1:
        none), and return the weight of those left without one (see ``frozen_pairs``)."""
        pair_ids = self._pair_ids
        weights = self.key_weight
        frozen = self.frozen_pairs
        unshared = 0.0
        for n, pair in enumerate(pairs):
            if found[n] is not None:
                continue
            pair_id = pair_ids.get(pair)  # the same pair may occur twice in one statement
            if pair_id is None:
                pair_weight = max(weights[pair >> 32], weights[pair & 0xFFFFFFFF])
                if frozen:
                    # cannot match the indexed side: counts for length, costs no memory
                    unshared += pair_weight if pair_weight > 0.05 else 0.0
                    found[n] = -1
                    continue
                if pair_weight > 0.05:  # a new key, as _new_key(pair_weight, True) makes it
                    pair_id = len(weights)
                    weights.append(pair_weight)
                    self.is_name.append(False)
                    self.is_content.append(0)
                else:
                    pair_id = -1
                pair_ids[pair] = pair_id
            found[n] = pair_id
        return unshared

    def finalize(self, features: list[Features]) -> list[Features]:
        """The same features with their weights computed from the current key weights.

        Call once every statement has been read: name flags and weights settle only then.
        """
        weight_of = self.key_weight.__getitem__
        name_weights = [w if name else 0.0 for w, name in zip(self.key_weight, self.is_name)]
        name_of = name_weights.__getitem__
        return [Features(f.keys, sum(map(weight_of, f.keys)) + f.unshared_weight, f.grams,
                         f.gram_count, sum(map(name_of, f.keys)), f.unshared_weight, f.details)
                for f in features]


@dataclass(frozen=True, slots=True)
class PairScore:
    """Similarity of two statements: symmetric score and how much each contains the other."""

    score: float
    left_in_right: float
    right_in_left: float
    #: Weight of the shared words that are not names or figures (what happens, not who).
    content: float = 0.0


def score_pair(vocab: Vocabulary, a: Features, b: Features) -> PairScore:
    """Combined similarity of two (finalized) statements, each part in [0, 1].

    Weighted overlap of word stems and word pairs (WORD_SHARE), character n-gram overlap
    beyond chance (GRAM_SHARE) and overlap of names and numbers (NAME_SHARE); the symmetric
    score uses Dice, the containments divide by one side only.
    """
    if not a.weight or not b.weight:
        return PairScore(0.0, 0.0, 0.0)
    weights = vocab.key_weight
    is_name = vocab.is_name
    is_content = vocab.is_content
    shared_w = shared_names = content = 0.0
    for k in a.keys & b.keys:
        w = weights[k]
        shared_w += w
        if is_name[k]:
            shared_names += w
        if is_content[k]:
            content += w
    total = WORD_SHARE
    sym = WORD_SHARE * 2 * shared_w / (a.weight + b.weight)
    in_b = WORD_SHARE * shared_w / a.weight
    in_a = WORD_SHARE * shared_w / b.weight
    ga, gb = a.gram_count, b.gram_count
    if ga and gb:
        chance = ga * gb / SKETCH_BITS  # bits two unrelated sketches share anyway
        grams = (a.grams & b.grams).bit_count() - chance
        if grams > 0.0:
            sym += GRAM_SHARE * min(1.0, grams / max(1.0, (ga + gb) / 2 - chance))
            in_b += GRAM_SHARE * min(1.0, grams / max(1.0, ga - chance))
            in_a += GRAM_SHARE * min(1.0, grams / max(1.0, gb - chance))
        total += GRAM_SHARE
    na, nb = a.name_weight, b.name_weight
    if na or nb:
        sym += NAME_SHARE * 2 * shared_names / (na + nb)
        in_b += NAME_SHARE * (shared_names / na if na else 1.0)
        in_a += NAME_SHARE * (shared_names / nb if nb else 1.0)
        total += NAME_SHARE
    return PairScore(min(1.0, sym / total), min(1.0, in_b / total), min(1.0, in_a / total),
                     content)
