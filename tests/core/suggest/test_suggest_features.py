"""The model's inputs and the shipped model: lexicon, features, linear scores, calibration."""

from __future__ import annotations

import json
import math

import pytest

from reader.core.suggest import (
    BaseModel, analyse_statement, base_model, fit_temperature, rules_only_model, softmax,
    statement_features, suggest_statement)
from reader.core.suggest import _base
from reader.core.suggest._features import adjective_of
from reader.core.suggest._sentiment import sentiment_lexicon


def feats(text: str):
    return statement_features(analyse_statement(text), text)


def test_lexicon_has_both_sources():
    lexicon = sentiment_lexicon()
    assert len(lexicon) > 8000
    good = lexicon["good"]  # in both: pattern's subjectivity and VADER's valence
    assert good.subjectivity and good.subjectivity > 0.5 and good.valence and good.valence > 1
    assert all(w == w.lower() for w in list(lexicon)[:500])


@pytest.mark.parametrize("adverb, adjective", [
    ("absurdly", "absurd"), ("laughably", "laughable"), ("happily", "happy"),
    ("worryingly", "worrying"), ("horribly", "horrible")])
def test_adjective_of(adverb, adjective):
    assert adjective_of(adverb) == adjective


def test_lexicon_words_count_only_when_they_are_the_writers():
    own = feats("The plan is a disgraceful, shameful mess.")
    quoted = feats("“The plan is a disgraceful, shameful mess,” said Ann Lee.")
    reported = feats("Ann Lee said the plan was a disgraceful, shameful mess.")
    assert own.values["lex:valence"] > 0.5
    assert quoted.values.get("lex:valence", 0.0) == 0.0 and reported.values.get("lex:valence", 0.0) == 0.0
    assert "disgraceful" in own.words and "disgraceful" not in quoted.words


def test_first_person_is_not_the_country_or_a_title():
    assert feats("We should act now.").values["form:first_plural"] == 1.0
    assert feats("The US signed the treaty.").values.get("form:first_plural", 0.0) == 0.0
    assert feats("The Distance Between Us sold well.").values.get("form:first_plural", 0.0) == 0.0
    assert "first" not in {c.feature for c in analyse_statement("The US signed it.").cues}


def test_features_are_stable_and_bounded():
    text = "Sadly, the council wasted $4 million; it should resign at once!"
    a, b = feats(text), feats(text)
    assert a == b
    assert a.values["<bias>"] == 1.0
    assert all(0.0 <= v <= 4.0 for v in a.values.values()), a.values
    assert a.as_dict()["w:council"] == 1.0


def test_shipped_model_is_loaded_not_the_fallback():
    model = base_model()
    assert "rules only" not in model.trained_on
    assert len(model.weights) > 500 and 0.3 <= model.temperature <= 6.0
    assert BaseModel.from_json(model.to_json()) == model


def test_a_missing_or_damaged_model_file_falls_back_to_the_rules(tmp_path, monkeypatch):
    broken = tmp_path / "base_model.json"
    broken.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(_base, "DATA", broken)
    _base.base_model.cache_clear()
    try:
        assert _base.base_model() == rules_only_model()
        assert suggest_statement("Smith said the plan would fail.").kind == "quotation"
    finally:
        _base.base_model.cache_clear()


@pytest.mark.parametrize("data", ["", "[]", json.dumps({"format": "other"}),
                                  json.dumps({"format": _base.FORMAT, "version": 1,
                                              "classes": ["a", "b", "c"], "weights": {},
                                              "temperature": 1})])
def test_base_model_rejects_other_data(data):
    with pytest.raises(ValueError):
        BaseModel.from_json(data)


def test_softmax_temperature():
    assert sum(softmax([1.0, 2.0, 3.0])) == pytest.approx(1.0)
    sharp, soft = softmax([0.0, 1.0, 0.0], 0.5), softmax([0.0, 1.0, 0.0], 2.0)
    assert sharp[1] > softmax([0.0, 1.0, 0.0])[1] > soft[1]


def test_fit_temperature_recovers_overconfidence():
    # Scores three times too large for how often they are right: the fit cools them down.
    scores, labels = [], []
    for i in range(300):
        true = i % 3
        right = i % 10 < 7  # right 70% of the time
        guess = true if right else (true + 1) % 3
        s = [0.0, 0.0, 0.0]
        s[guess] = 3 * math.log(0.7 / 0.15)
        scores.append(s)
        labels.append(true)
    assert fit_temperature(scores, labels) == pytest.approx(3.0, abs=0.2)
