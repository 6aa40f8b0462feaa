"""Sentence vectors in the reader's model (the optional `[embed]` extra)."""

from __future__ import annotations

import json

import pytest

from reader.core.suggest import TagModel, suggest_statements
from reader.core.suggest import _model as model_module
from reader.core.suggest import _vectors
from reader.core.text import Statement

from tests.core.suggest.test_suggest_model import EXAMPLES


def test_fit_vector_weights_learns_what_the_offsets_miss():
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 4))
    labels = [0 if row[0] > 0 else 1 for row in x]  # only the first dimension matters
    weights = _vectors.fit_vector_weights(x, [[0.0, 0.0, 0.0]] * 60, labels)
    scores = np.asarray(_vectors.vector_scores(x, weights))
    assert (scores[:, :2].argmax(axis=1) == np.array(labels)).mean() >= 0.95
    assert abs(weights[0][0] - weights[0][1]) > 5 * abs(weights[1][0] - weights[1][1])
    assert _vectors.fit_vector_weights(x, [[0.0] * 3] * 60, labels) == weights  # deterministic


def test_without_vectors_the_model_has_no_vector_weights(monkeypatch):
    monkeypatch.setattr(model_module, "sentence_vectors", lambda texts: None)
    model = TagModel.train(EXAMPLES)
    assert model.vectors == () and model.vector_scores(["Anything."]) is None
    assert TagModel.from_json(model.to_json()) == model


def test_a_model_with_vectors_uses_them_and_keeps_them():
    if not _vectors.vectors_available():
        pytest.skip("the [embed] extra (wordllama) is not installed")
    model = TagModel.train(EXAMPLES)
    assert model.helps and len(model.vectors) == 256
    again = TagModel.from_json(model.to_json())
    assert again == model
    text = "Prices will surely climb again next spring."
    statement = [Statement(0, 0, len(text), text)]
    with_vectors = suggest_statements(statement, text, model=model)[0]
    plain = TagModel(model.classes, model.weights, model.n_examples, model.fingerprint,
                     model.helps, model.checked)
    without = suggest_statements(statement, text, model=plain)[0]
    assert with_vectors.confidence != without.confidence
    probabilities = model.predict(text)  # one statement alone: the same vectors and weights
    assert probabilities[with_vectors.kind] == pytest.approx(with_vectors.confidence, abs=1e-3)


def test_an_older_saved_model_is_not_read():
    old = json.loads(TagModel.train(EXAMPLES[:40]).to_json())
    old["version"] = 3
    with pytest.raises(ValueError):
        TagModel.from_json(json.dumps(old))
