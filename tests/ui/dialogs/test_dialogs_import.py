"""File > Import: preview, merge, a second import adds nothing, malformed files named."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.core.export import export
from reader.core.store import Store
from reader.ui.dialogs import _importing as importing
from reader.ui.dialogs import ImportDialog, report_import
from reader.ui.jobs import _process_jobs as jobs


@pytest.fixture
def exported(tmp_path):
    """A JSONL export of two tags."""
    out = tmp_path / "tags.jsonl"
    with Store.open(tmp_path / "source.sqlite3") as db:
        doc = db.remember_document("a" * 64, "/docs/a.txt", "Alpha", text="One. Two. Three.")
        db.tag_table.add_tag(doc.id, 0, 4, "claim", exact="One.", author="ada")
        db.tag_table.add_tag(doc.id, 5, 9, "opinion", exact="Two.", author="ada", note="a \"note\"")
        export(db, "jsonl", None, out)
    return out


@pytest.fixture
def target(tmp_path):
    """An empty library to import into."""
    with Store.open(tmp_path / "target.sqlite3") as db:
        yield db


def import_file(window, path, store):
    """The window's import as it runs: the job (here in this thread), then the report."""
    try:
        outcome = jobs.import_tags(str(store.path), str(path), progress=lambda *a: None,
                                   cancel=lambda: False)
    except Exception as exc:   # the runner hands a job's error over as its message
        outcome = str(exc)
    return outcome, report_import(window, path, outcome)


@pytest.fixture
def messages(monkeypatch):
    """Message boxes recorded instead of shown: (kind, text)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(importing.QMessageBox, "warning",
                        lambda parent, title, text: shown.append(("warning", text)))
    monkeypatch.setattr(importing.QMessageBox, "information",
                        lambda parent, title, text: shown.append(("information", text)))
    return shown


def test_dialog_previews_a_good_file(qtbot, exported):
    dialog = ImportDialog(None, exported)
    qtbot.addWidget(dialog)
    assert dialog.preview_label.text() == "2 tags for 1 document."
    assert dialog.import_button.isEnabled()


@pytest.mark.parametrize("content, expected", [
    ("GOOD\n" + '{"kind": "claim"}\n', "line 2: document: missing"),
    ("GOOD\nnot json at all", "line 2"),
    ('{"kind": "claim"}', "not a source reader export"),
    ("", "empty file"),
])
def test_dialog_names_what_is_wrong(qtbot, tmp_path, exported, content, expected):
    good = exported.read_text(encoding="utf-8").splitlines()[0]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content.replace("GOOD", good), encoding="utf-8")
    dialog = ImportDialog(None, bad)
    qtbot.addWidget(dialog)
    assert expected in dialog.preview_label.text().lower()
    assert not dialog.import_button.isEnabled()


def test_dialog_browse_and_typing(qtbot, exported, monkeypatch):
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    monkeypatch.setattr(importing.QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(exported), ""))
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.import_button.isEnabled()
    dialog.path_edit.setText(str(exported.with_name("missing.json")))
    assert not dialog.import_button.isEnabled()  # stale preview never allows an import
    dialog.path_edit.editingFinished.emit()
    assert "no such file" in dialog.preview_label.text()


def test_import_file_merges_once(qtbot, exported, target, messages):
    outcome, status = import_file(None, exported, target)
    assert (outcome.result.added, outcome.result.documents_added) == (2, 1)
    assert messages[-1] == ("information", "Imported 2 of 2 tags; 1 new documents.")
    assert status == "tags.jsonl: imported 2 of 2 tags; 1 new documents"
    assert sorted(t.kind for t in target.tag_table.tags()) == ["claim", "opinion"]
    again, _status = import_file(None, exported, target)
    assert again.result.added == 0 and len(target.tag_table.tags()) == 2
    assert "already in the library" in messages[-1][1]


def test_malformed_file_leaves_library_unchanged(qtbot, exported, target, messages, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(exported.read_text(encoding="utf-8").splitlines()[0]
                   + '\n{"kind": "rant"}\n', encoding="utf-8")
    outcome, status = import_file(None, bad, target)
    assert isinstance(outcome, str) and "line 2" in outcome
    assert messages[-1][0] == "warning" and "Nothing was imported" in messages[-1][1]
    assert status == "Import of bad.jsonl failed; the library is unchanged"
    assert target.tag_table.tags() == []


def test_an_import_stopped_part_way_says_what_was_kept(qtbot, exported, target, messages,
                                                      monkeypatch):
    """Tags are merged in batches: when a later batch fails the earlier ones stay, and
    the user is told so (not "nothing was imported"); importing again adds the rest."""
    import sqlite3

    from reader.core.store import _bulk

    monkeypatch.setattr(_bulk, "BATCH", 1)
    merge_tag = _bulk._merge_tag

    def full_disk_at_the_second(conn, item, *args):
        if conn.execute("SELECT count(*) FROM tags").fetchone()[0] == 1:
            raise sqlite3.OperationalError("database or disk is full")
        return merge_tag(conn, item, *args)

    monkeypatch.setattr(_bulk, "_merge_tag", full_disk_at_the_second)
    _outcome, status = import_file(None, exported, target)
    assert status == "Import of tags.jsonl stopped part-way; importing it again adds the rest"
    kind, text = messages[-1]
    assert kind == "warning" and "1 of 2 tags were merged before it" in text
    assert "is kept" in text and "Nothing was imported" not in text
    assert len(target.tag_table.tags()) == 1
    monkeypatch.setattr(_bulk, "_merge_tag", merge_tag)
    assert import_file(None, exported, target)[0].result.added == 1
    assert sorted(t.kind for t in target.tag_table.tags()) == ["claim", "opinion"]


def test_a_big_file_is_previewed_in_the_helper_process(qtbot, exported, tmp_path):
    """Reading a 100,000-tag file for the preview took 2.2 s of the GUI thread; a big file
    is read in the window's helper process, the dialog saying so meanwhile, and a preview
    of a file no longer chosen is dropped."""
    from reader.ui.jobs import BIG_FILE_BYTES, TaskRunner

    line = exported.read_text(encoding="utf-8").splitlines()[0]
    big = tmp_path / "big.jsonl"
    copies = BIG_FILE_BYTES // len(line) + 1
    big.write_text("\n".join([line] * copies) + "\n", encoding="utf-8")
    runner = TaskRunner()
    try:
        dialog = ImportDialog(None, big, runner=runner)
        qtbot.addWidget(dialog)
        assert dialog.preview_label.text() == "Reading big.jsonl…"
        assert not dialog.import_button.isEnabled()
        qtbot.waitUntil(lambda: not runner.busy, timeout=30_000)
        assert dialog.preview_label.text() == f"{copies} tags for 1 document."
        assert dialog.import_button.isEnabled()
        dialog.path_edit.setText(str(big))            # asked again, then another file
        dialog.path_edit.editingFinished.emit()
        dialog.path_edit.setText(str(exported))
        dialog.path_edit.editingFinished.emit()       # small: previewed at once
        assert dialog.preview_label.text() == "2 tags for 1 document."
        qtbot.waitUntil(lambda: not runner.busy, timeout=30_000)
        assert dialog.preview_label.text() == "2 tags for 1 document."   # the stale one dropped
    finally:
        runner.shutdown()
