"""The export dialog: live count under every filter, destination, and a real written file."""

from __future__ import annotations

from pathlib import Path

import csv
import json

import pytest
from PySide6.QtCore import QDate, Qt

from reader.core.store import Store
from reader.ui.dialogs import _export as export_module
from reader.ui.dialogs import ExportChoice, ExportDialog, export_interactively


@pytest.fixture
def store(tmp_path):
    """A library with two documents and five tags by two authors."""
    with Store.open(tmp_path / "lib.sqlite3") as db:
        a = db.remember_document("a" * 64, "/docs/a.txt", "Alpha", text="One. Two. Three.")
        b = db.remember_document("b" * 64, "/docs/b.txt", "Beta", text="Four. Five.")
        for doc, start, end, kind, author in ((a, 0, 4, "claim", "ada"),
                                              (a, 5, 9, "opinion", "ada"),
                                              (a, 10, 16, "claim", "bo"),
                                              (b, 0, 5, "quotation", "bo"),
                                              (b, 6, 11, "claim", "ada")):
            db.tag_table.add_tag(doc.id, start, end, kind, exact="x", author=author,
                       created_at="2024-03-01T10:00:00.000Z" if start else None)
        yield db


def _count(dialog: ExportDialog) -> str:
    return dialog.form.count_label.text()


def _check_document(dialog: ExportDialog, title: str) -> None:
    items = dialog.form.document_list.findItems(title, Qt.MatchFlag.MatchExactly)
    items[0].setCheckState(Qt.CheckState.Checked)


@pytest.mark.parametrize("change, expected", [
    (lambda d: None, "5 tags"),
    (lambda d: d.form.kind_boxes["claim"].setChecked(False), "2 tags"),
    (lambda d: [d.form.kind_boxes[k].setChecked(False) for k in ("claim", "opinion")], "1 tag "),
    (lambda d: _check_document(d, "Beta"), "2 tags"),
    (lambda d: d.form.author_combo.setCurrentIndex(d.form.author_combo.findData("bo")), "2 tags"),
    (lambda d: (d.form.since_box.setChecked(True),
                d.form.since_edit.setDate(QDate.currentDate().addDays(-1))), "2 tags"),
])
def test_live_count_follows_filters(qtbot, store, change, expected):
    dialog = ExportDialog(store)
    qtbot.addWidget(dialog)
    change(dialog)
    assert expected in _count(dialog)


def test_no_kind_checked_exports_nothing_and_disables_export(qtbot, store, tmp_path):
    dialog = ExportDialog(store)
    qtbot.addWidget(dialog)
    dialog.form.path_edit.setText(str(tmp_path / "out.csv"))
    assert dialog.form.ok_button.isEnabled()
    for box in dialog.form.kind_boxes.values():
        box.setChecked(False)
    assert "at least one kind" in _count(dialog)
    assert not dialog.form.ok_button.isEnabled()
    assert dialog.choice() is None


def test_export_needs_a_destination_and_follows_format_suffix(qtbot, store, tmp_path,
                                                            monkeypatch):
    monkeypatch.chdir("/")
    dialog = ExportDialog(store, documents=["docs/a.txt"])  # relative, as a pane may hold it
    qtbot.addWidget(dialog)
    assert "3 tags" in _count(dialog)  # the open document is pre-checked
    default = Path(dialog.form.path_edit.text())  # a destination is offered at once
    assert default.parent == Path.home() and default.name.startswith("source-reader-tags-")
    assert default.suffix == ".csv" and dialog.form.ok_button.isEnabled()
    dialog.form.path_edit.clear()
    assert not dialog.form.ok_button.isEnabled()
    dialog.form.set_path(str(tmp_path / "report"))
    assert dialog.form.path_edit.text().endswith("report.csv")
    assert dialog.form.ok_button.isEnabled()
    dialog.form.format_combo.setCurrentIndex(dialog.form.format_combo.findData("json"))
    assert dialog.form.path_edit.text().endswith("report.json")


def test_browse_uses_file_dialog(qtbot, store, tmp_path, monkeypatch):
    dialog = ExportDialog(store)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(export_module.QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "picked"), ""))
    qtbot.mouseClick(dialog.form.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.form.path_edit.text() == str(tmp_path / "picked.csv")


def test_export_interactively_writes_the_file(qtbot, store, tmp_path, monkeypatch):
    out = tmp_path / "tags.json"

    def fill(self):
        self.form.format_combo.setCurrentIndex(self.form.format_combo.findData("json"))
        self.form.kind_boxes["opinion"].setChecked(False)
        self.form.path_edit.setText(str(out))
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", fill)
    message = export_interactively(None, store)
    assert message == f"Exported 4 tags to {out}"
    data = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(r["kind"] for r in data["records"]) == ["claim", "claim", "claim", "quotation"]


def test_export_interactively_cancel_and_failure(qtbot, store, tmp_path, monkeypatch):
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, *a, **k: None))
    assert export_interactively(None, store) is None
    bad = ExportChoice("csv", export_module.ExportFilter(), tmp_path)  # a directory
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, *a, **k: bad))
    shown = []
    monkeypatch.setattr(export_module.QMessageBox, "warning", lambda *a: shown.append(a[2]))
    message = export_interactively(None, store)
    assert message.startswith("Export failed") and "directory" in shown[0]
    assert list(tmp_path.glob("*.csv")) == []


def test_csv_export_through_choice(store, tmp_path):
    out = tmp_path / "t.csv"
    count = export_module.export_to_file(
        store, ExportChoice("csv", export_module.ExportFilter(kinds=("claim",)), out))
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert count == len(rows) == 3
