"""Linear scores over named features, one weight per kind: the arithmetic both models share.

The shipped model (``_base``) and the model learned from the reader's tags (``_model``) are
both a mapping feature name -> (weight for opinion, claim, quotation). Scores are summed, then
turned into probabilities by a softmax divided by a temperature (the calibration: fitted on
held-out statements so that a confidence of 0.8 is right about 80% of the time).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Mapping, Sequence

from reader.core.suggest._features import Features


@dataclass(frozen=True)
class LinearWeights:
    """Weights of named features and, apart, of words (the 'w:word' features, keyed by word)."""

    values: Mapping[str, Sequence[float]]
    words: Mapping[str, Sequence[float]]

    @classmethod
    def split(cls, weights: Mapping[str, Sequence[float]]) -> "LinearWeights":
        """From one mapping keyed by feature name ('w:word' for words)."""
        values = {k: v for k, v in weights.items() if not k.startswith("w:")}
        words = {k[2:]: v for k, v in weights.items() if k.startswith("w:")}
        return cls(values, words)


def add_scores(scores: list[float], weights: LinearWeights, features: Features) -> None:
    """Add the weighted features to ``scores`` (one score per kind, changed in place)."""
    s0, s1, s2 = scores
    get = weights.values.get
    for name, value in features.values.items():
        w = get(name)
        if w is not None:
            s0 += w[0] * value
            s1 += w[1] * value
            s2 += w[2] * value
    words = weights.words
    for word in filter(words.__contains__, features.words):
        w = words[word]
        s0 += w[0]
        s1 += w[1]
        s2 += w[2]
    scores[0], scores[1], scores[2] = s0, s1, s2


def softmax(scores: Sequence[float], temperature: float = 1.0) -> list[float]:
    """Probabilities from scores; a temperature above 1 makes them less sure."""
    top = max(scores)
    exps = [math.exp((s - top) / temperature) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def fit_corrections(data: Sequence[tuple[Mapping[str, float], Sequence[float], int]],
                    epochs: int, l2: float, rate: float, seed: int = 0) -> dict[str, list[float]]:
    """Weights added to fixed offset scores that fit (features, offsets, kind index) examples.

    Multinomial logistic regression by AdaGrad with L2 towards zero, in a seeded order: the
    same examples always give the same weights, and with few examples they stay small.
    """
    weights: dict[str, list[float]] = {}
    squares: dict[str, list[float]] = {}
    # Each kind weighs as much in total as the others, so a reader's mix of kinds (mostly
    # claims, say) shifts the suggestions less than what sets the kinds apart.
    counts = [sum(1 for _, _, y in data if y == c) for c in range(3)]
    present = sum(1 for c in counts if c)
    balance = [len(data) / (present * c) if c else 0.0 for c in counts]
    order = list(range(len(data)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            features, offsets, y = data[i]
            scores = list(offsets)
            for name, value in features.items():
                w = weights.get(name)
                if w is not None:
                    scores[0] += w[0] * value
                    scores[1] += w[1] * value
                    scores[2] += w[2] * value
            probs = softmax(scores)
            for name, value in features.items():
                w = weights.get(name)
                if w is None:
                    w = weights[name] = [0.0, 0.0, 0.0]
                    squares[name] = [1e-8, 1e-8, 1e-8]
                g2 = squares[name]
                for c in range(3):
                    grad = balance[y] * (probs[c] - (c == y)) * value + l2 * w[c]
                    g2[c] += grad * grad
                    w[c] -= rate * grad / math.sqrt(g2[c])
    return weights


def fit_temperature(scores: Sequence[Sequence[float]], labels: Sequence[int]) -> float:
    """The temperature that minimises the log loss of held-out ``scores`` (grid search)."""
    best, best_loss = 1.0, float("inf")
    for step in range(5, 61):
        t = step / 10
        loss = -sum(math.log(max(softmax(s, t)[y], 1e-12)) for s, y in zip(scores, labels))
        if loss < best_loss:
            best, best_loss = t, loss
    return best
