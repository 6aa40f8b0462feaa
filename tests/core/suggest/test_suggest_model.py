"""TagModel: learning from the reader's tags, saving, and blending with the rules."""

from __future__ import annotations

import json

import pytest

from reader.core.text import Statement
from reader.core.store import Store
from reader.core.suggest import MIN_EXAMPLES, TagModel, suggest_statements
from reader.core.suggest import MODEL_SETTING_KEY, model_for_store
from reader.core.suggest import _model as model_module

# A reader who tags every sentence about the weather forecast as opinion, whatever the rules say.
FORECASTS = [f"The forecast for region {n} calls for rain." for n in range(20)]
FACTS = [f"The council approved budget line {n} on Tuesday." for n in range(20)]
QUOTES = [f"“We will fix road {n} soon,” the mayor said." for n in range(10)]
EXAMPLES = ([(t, "opinion") for t in FORECASTS] + [(t, "claim") for t in FACTS]
            + [(t, "quotation") for t in QUOTES])


def test_train_predict_learns_the_readers_habit():
    model = TagModel.train(EXAMPLES)
    assert model.classes == ("opinion", "claim", "quotation")
    assert model.n_examples == len(EXAMPLES) >= MIN_EXAMPLES
    probs = model.predict("The forecast for the coast calls for rain.")
    assert set(probs) == {"opinion", "claim", "quotation"}
    assert sum(probs.values()) == pytest.approx(1.0)
    assert max(probs, key=probs.get) == "opinion"
    assert max(model.predict("The council approved line 99 on Friday.").items(),
               key=lambda kv: kv[1])[0] == "claim"


def test_training_is_deterministic():
    assert TagModel.train(EXAMPLES).to_json() == TagModel.train(EXAMPLES).to_json()


def test_json_round_trip():
    model = TagModel.train(EXAMPLES)
    data = model.to_json()
    assert json.loads(data)["format"] == "source-reader/tag-model"
    again = TagModel.from_json(data)
    text = "The forecast for the hills calls for snow."
    assert again.predict(text) == pytest.approx(model.predict(text), abs=1e-3)
    assert again.n_examples == model.n_examples and again.fingerprint == model.fingerprint


@pytest.mark.parametrize("data", ["", "[]", "{}", '{"format": "other", "version": 1}',
                                  '{"format": "source-reader/tag-model", "version": 1, '
                                  '"classes": ["rumour"], "weights": {}, "n_examples": 1}'])
def test_from_json_rejects_other_data(data):
    with pytest.raises(ValueError):
        TagModel.from_json(data)


def test_needs_two_kinds():
    with pytest.raises(ValueError):
        TagModel.train([(t, "claim") for t in FACTS])
    two = TagModel.train([(t, "claim") for t in FACTS] + [(t, "opinion") for t in FORECASTS])
    assert two.classes == ("opinion", "claim", "quotation")
    assert sum(two.predict("Anything at all.").values()) == pytest.approx(1.0)


def test_unrelated_statements_keep_the_rules_answer():
    model = TagModel.train(EXAMPLES)
    for text, kind in [("“This plan is a disaster for the city,” said Ann Lee.", "quotation"),
                       ("The plan is a reckless gamble.", "opinion"),
                       ("Sales rose 4 percent in 2023.", "claim")]:
        probs = model.predict(text)
        assert max(probs, key=probs.get) == kind, (text, probs)


def test_blending_changes_suggestions_and_says_so():
    text = "The forecast for the valley calls for rain."
    statement = [Statement(0, 0, len(text), text)]
    plain = suggest_statements(statement, text)[0]
    learned = suggest_statements(statement, text, model=TagModel.train(EXAMPLES))[0]
    assert plain.kind == "claim"
    assert learned.kind == "opinion"
    assert learned.reasons[0] == f"learned from {len(EXAMPLES)} of your tags (without them: claim)"


def test_a_model_from_too_few_tags_is_ignored():
    model = TagModel.train(EXAMPLES[:10] + EXAMPLES[20:25])
    text = "The forecast for the valley calls for rain."
    statement = [Statement(0, 0, len(text), text)]
    assert suggest_statements(statement, text, model=model) == suggest_statements(statement, text)


def _library(path, examples) -> Store:
    store = Store.open(path)
    doc = store.remember_document("ab" * 32, "/tmp/doc.txt", "Doc")
    for i, (text, kind) in enumerate(examples):
        store.tag_table.add_tag(doc.id, i * 100, i * 100 + len(text), kind, exact=text)
    return store


def test_model_for_store_trains_and_reuses_a_saved_model(tmp_path):
    store = _library(tmp_path / "lib.sqlite3", EXAMPLES)
    model = model_for_store(store)
    assert model is not None and model.n_examples == len(EXAMPLES)
    # A saved model for the same tags is used as is (here: one deliberately different).
    saved = TagModel(model.classes, {"<bias>": (5.0, 0.0, 0.0)}, len(EXAMPLES), model.fingerprint)
    store.set_setting(MODEL_SETTING_KEY, saved.to_json())
    assert model_for_store(store) == TagModel.from_json(saved.to_json())
    # Once the tags change, the saved model is stale and a fresh one is trained.
    store.tag_table.add_tag(1, 9000, 9010, "claim", exact="A new fact.")
    assert model_for_store(store).n_examples == len(EXAMPLES) + 1
    store.close()


def test_model_for_store_with_few_tags(tmp_path):
    store = _library(tmp_path / "lib.sqlite3", EXAMPLES[:5])
    assert model_for_store(store) is None
    store.close()


def test_learning_is_checked_on_held_out_tags():
    model = TagModel.train(EXAMPLES)
    held, without, with_learning = model.checked
    assert held > 0 and with_learning > without and model.helps


def test_learning_that_does_not_help_is_not_used(monkeypatch):
    # Learning that turns every held-out tag into a quotation gets fewer of them right than
    # the shipped model alone: the check rejects it and suggestions stay as they were.
    monkeypatch.setattr(model_module, "fit_corrections",
                        lambda *args, **kwargs: {"<bias>": [-5.0, -5.0, 10.0]})
    monkeypatch.setattr(model_module, "sentence_vectors", lambda texts: None)
    model = TagModel.train(EXAMPLES)
    held, without, with_learning = model.checked
    assert held == len(EXAMPLES)  # few tags: each one held out once
    assert with_learning < without
    assert not model.helps and model.weights == {}
    text = "The council approved budget line 99 on Friday."
    statement = [Statement(0, 0, len(text), text)]
    assert suggest_statements(statement, text, model=model) == \
        suggest_statements(statement, text)
    assert TagModel.from_json(model.to_json()) == model


def test_model_for_store_saves_only_when_it_may_write(tmp_path):
    path = tmp_path / "lib.sqlite3"
    _library(path, EXAMPLES).close()
    with Store.open(path, readonly=True) as store:
        assert model_for_store(store) is not None
        assert store.setting(MODEL_SETTING_KEY) is None  # read-only: nothing written
    with Store.open(path) as store:
        model = model_for_store(store)
        assert TagModel.from_json(store.setting(MODEL_SETTING_KEY)) == model


def test_the_readers_model_calibrates_on_held_out_tags(monkeypatch):
    from reader.core.suggest import base_model

    # Held-out scores that are sure (5 against 0) but right only 60% of the time call for
    # a humbler temperature; scores that are right every time keep the shipped model's.
    sure_but_wrong = [([5.0, 0.0, 0.0], [0.0] * 3, 0 if k % 5 < 3 else 1) for k in range(60)]
    fitted = model_module._temperature(sure_but_wrong)
    assert fitted > 2 * base_model().temperature
    always_right = [([5.0, 0.0, 0.0], [0.0] * 3, 0) for _ in range(60)]
    assert model_module._temperature(always_right) == base_model().temperature
    assert model_module._temperature(sure_but_wrong[:10]) == 0.0  # too few to fit
    model = TagModel.train(EXAMPLES, vectors=False)
    assert TagModel.from_json(model.to_json()).temperature == model.temperature
    text = "The forecast for region 3 calls for rain."
    humble = TagModel(model.classes, model.weights, model.n_examples, model.fingerprint,
                      model.helps, model.checked, model.vectors, 3.0)
    assert max(humble.predict(text).values()) < max(model.predict(text).values())
