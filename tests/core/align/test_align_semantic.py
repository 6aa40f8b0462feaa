"""The semantic path: blending, the store's embedding cache, and the real model if installed."""

from __future__ import annotations

import pytest

from reader.core.align import _semantic as semantic
from reader.core.align import align_pair, resolve_method
from reader.core.errors import ReaderError
from reader.core.text import split_statements


@pytest.fixture
def np():
    """numpy, which the semantic path needs (it comes with the extra)."""
    return pytest.importorskip("numpy")

RAIL = "The committee approved the new railway budget after a long and bitter debate."
TRAINS = "Lawmakers finally agreed to pay for more trains."
RAIN = "Heavy rain flooded the coastal villages during the autumn storm last week."


def fake_embedder(np, calls: list[list[str]]):
    """Embeds by topic word, so paraphrases without shared words still meet."""
    topics = {"railway": 0, "trains": 0, "rain": 1, "storm": 1}

    def embed(texts):
        calls.append(list(texts))
        out = np.zeros((len(texts), 4), dtype=np.float32)
        for n, text in enumerate(texts):
            hits = [topics[w] for w in topics if w in text.lower()]
            out[n, hits[0] if hits else 3] = 1.0
        return out

    return embed


def test_semantic_links_paraphrases_the_lexical_score_misses(np):
    left = split_statements(f"{RAIL}\n\n{RAIN}")
    right = split_statements(TRAINS)
    lexical = align_pair(left, right, method="lexical")
    assert lexical.links == ()
    blended = align_pair(left, right, method="semantic", embedder=fake_embedder(np, []), top_k=2)
    # a paraphrase sharing no word ranks first; it links once the threshold is lowered
    assert blended.related[(0, 0)][0].statement == 0
    assert {(p.left_statement, p.right_statement)
            for p in blended.at_threshold(0.35).pairs} == {(0, 0)}
    assert blended.method == "semantic"
    assert blended.related[(1, 0)][0].statement == 0


def test_cached_embedder_fills_and_reads_the_store(tmp_path, np):
    from reader.core.store import Store

    calls: list[list[str]] = []
    with Store.open(tmp_path / "lib.sqlite3") as store:
        embed = semantic.cached_embedder(store, fake_embedder(np, calls))
        first = embed([RAIL, RAIN, RAIL])
        second = embed([RAIN, RAIL])
        assert calls == [[RAIL, RAIN]]  # each text embedded once, then read back
        assert np.array_equal(first[1], second[0])
        assert store.embeddings(semantic.MODEL_NAME, [semantic.text_hash(RAIL)])


def test_auto_falls_back_to_lexical(monkeypatch):
    monkeypatch.setattr(semantic, "available", lambda: False)
    assert resolve_method("auto", 10) == "lexical"
    with pytest.raises(ReaderError):
        semantic.load_model.__wrapped__()


def test_auto_stays_lexical_for_long_documents(monkeypatch):
    monkeypatch.setattr(semantic, "available", lambda: True)
    assert resolve_method("auto", 10) == "semantic"
    assert resolve_method("auto", semantic.AUTO_MAX_STATEMENTS + 1) == "lexical"


def test_calibration_is_monotone_within_unit_interval():
    values = [semantic.calibrate(c / 10) for c in range(-10, 11)]
    assert values == sorted(values)
    assert values[0] == 0.0 and values[-1] == 1.0


def test_real_model_embeds_offline():
    pytest.importorskip("sentence_transformers")
    if not semantic.available():
        pytest.skip("model package not installed")
    vectors = semantic.embed_texts([RAIL, TRAINS, RAIN])
    assert vectors.shape == (3, 384)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2])


def test_semantic_without_the_extra_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(semantic, "available", lambda: False)
    with pytest.raises(ReaderError, match="semantic"):
        align_pair(split_statements(RAIL), split_statements(RAIN), method="semantic")
