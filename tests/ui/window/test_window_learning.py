"""Suggestions adapt to the reader: the window's suggestion job uses the model learned from
the library's tags, and tagging retrains it (in a worker) once the keys pause."""

from __future__ import annotations

from reader.core.store import Store
from reader.core.suggest import MIN_EXAMPLES, TagModel
from reader.ui.jobs import _process_jobs as process_jobs
from reader.ui.window import _marks as marks_presenter
from tests.ui.window.window_helpers import focus_first_pane, open_window, press, wait_idle

CLAIMS = [f"The council approved {n} new buses on Tuesday." for n in range(20)]
OPINIONS = [f"This plan number {n} is a reckless waste of our money." for n in range(20)]


def _library_with_tags(path, count: int) -> None:
    with Store.open(path) as store:
        doc = store.remember_document("sha", "/a.txt", "A")
        for n, text in enumerate((CLAIMS + OPINIONS)[:count]):
            store.tag_table.add_tag(doc.id, n * 100, n * 100 + len(text),
                          "claim" if text in CLAIMS else "opinion", exact=text)


def test_learned_model_needs_enough_tags_and_a_usable_library(tmp_path) -> None:
    assert process_jobs.learned_model(None) is None
    few, many = tmp_path / "few.sqlite3", tmp_path / "many.sqlite3"
    _library_with_tags(few, MIN_EXAMPLES - 1)
    _library_with_tags(many, 40)
    assert process_jobs.learned_model(str(few)) is None
    assert isinstance(process_jobs.learned_model(str(many)), TagModel)
    broken = tmp_path / "broken.sqlite3"
    broken.write_text("not a database")
    assert process_jobs.learned_model(str(broken)) is None
    assert broken.read_text() == "not a database"


def test_the_window_job_saves_the_model_it_trains_for_the_next_start(tmp_path) -> None:
    from reader.core.suggest import MODEL_SETTING_KEY

    library = tmp_path / "many.sqlite3"
    _library_with_tags(library, 40)
    assert isinstance(process_jobs.learned_model(str(library)), TagModel)
    with Store.open(library, readonly=True) as store:
        assert store.setting(MODEL_SETTING_KEY)
    with Store.open(library) as store:  # the next start reads the saved model as it is
        saved = store.setting(MODEL_SETTING_KEY)
    process_jobs.learned_model(str(library))
    with Store.open(library, readonly=True) as store:
        assert store.setting(MODEL_SETTING_KEY) == saved


def test_window_suggestions_use_the_learned_model(tmp_path) -> None:
    library = tmp_path / "many.sqlite3"
    _library_with_tags(library, 40)
    from reader.core.text import split_statements

    text = "The council approved new buses on Tuesday. This plan is a waste."
    learned = process_jobs.suggest(split_statements(text), text, str(library),
                                   progress=lambda *a: None, cancel=lambda: False)
    assert any("learned from 40 of your tags" in " ".join(s.reasons) for s in learned)


def test_tagging_retrains_suggestions_after_a_pause(qtbot, tmp_path, seeds,
                                                    monkeypatch) -> None:
    monkeypatch.setattr(marks_presenter, "RELEARN_EVERY", 3)
    window = open_window(qtbot, tmp_path, seeds)
    wait_idle(qtbot, window)
    focus_first_pane(qtbot, window)
    restarted: list[str] = []
    monkeypatch.setattr(window.presenter, "start_suggestions",
                        lambda pane: restarted.append(pane.document.sha256))
    monkeypatch.setattr("reader.core.suggest._suggest.MIN_EXAMPLES", 3)
    monkeypatch.setattr("reader.core.suggest.MIN_EXAMPLES", 3)
    for key in ("C", "C", "O"):
        press(qtbot, window, key)
    qtbot.waitUntil(lambda: len(restarted) == 2, timeout=5000)
    assert set(restarted) == {p.document.sha256 for p in window.session.panes}
    wait_idle(qtbot, window)
