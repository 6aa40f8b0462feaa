"""Sentence vectors for the model learned from the reader's tags (optional: the `[embed]` extra).

A static word-embedding model (WordLlama, MIT, its 256-dimension weights shipped inside its
wheel; loaded from the package's own folder, never downloaded) turns each statement into a
vector. The reader's model may learn weights over those vectors on top of its corrections:
the cues and the lexicon tell opinion from claim in general, the vectors let a reader's tags
teach what they mean by it in their own texts. Without the package nothing changes: no
vectors, and models saved with vector weights are used without them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

VECTOR_L2 = 3.0  # L2 on the vector weights (summed log loss); chosen on the learning curve
_STEPS = 300


@lru_cache(maxsize=1)
def _embedder() -> Any | None:
    try:
        import wordllama
        from wordllama import WordLlama

        return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    except Exception:  # not installed, or its weights missing: learn without vectors
        return None


def vectors_available() -> bool:
    """Whether statements can be turned into vectors here."""
    return _embedder() is not None


def sentence_vectors(texts: Sequence[str]) -> Any | None:
    """One vector per text (a numpy array, texts x dimensions), or None without the model."""
    embedder = _embedder()
    if embedder is None or not texts:
        return None
    return embedder.embed([t.strip() or "." for t in texts])


def fit_vector_weights(vectors: Any, offsets: Sequence[Sequence[float]],
                       labels: Sequence[int], l2: float = VECTOR_L2) -> list[list[float]]:
    """Weights (dimensions x 3) added to fixed ``offsets`` that fit the labels: multinomial
    logistic regression, each kind weighing as much in total, by full-batch gradient descent
    with momentum (deterministic)."""
    import numpy as np

    x = np.asarray(vectors, dtype=np.float64)
    base = np.asarray(offsets, dtype=np.float64)
    y = np.asarray(labels)
    onehot = np.eye(3)[y]
    counts = onehot.sum(axis=0)
    present = int((counts > 0).sum())
    sample = (len(y) / (present * counts[y]))[:, None]
    # A step below 1/L: the log loss's curvature is at most 1/2 of the largest eigenvalue.
    lipschitz = 0.5 * np.linalg.norm(x, 2) ** 2 * sample.max() + l2
    step = 1.0 / lipschitz
    w = np.zeros((x.shape[1], 3))
    velocity = np.zeros_like(w)
    for _ in range(_STEPS):
        ahead = w + 0.9 * velocity
        scores = base + x @ ahead
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=1, keepdims=True)
        grad = x.T @ (sample * (probs - onehot)) + l2 * ahead
        velocity = 0.9 * velocity - step * grad
        w = w + velocity
    return [[round(float(v), 5) for v in row] for row in w]


def vector_scores(vectors: Any, weights: Sequence[Sequence[float]]) -> list[list[float]]:
    """What the vector weights add to each kind's score, one row per vector."""
    import numpy as np

    return (np.asarray(vectors, dtype=np.float64) @ np.asarray(weights)).tolist()
