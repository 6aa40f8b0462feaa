"""Tag > Edit Kinds… and the kinds in the Export dialog."""

from __future__ import annotations

from reader.core.store import Store
from reader.ui.dialogs import ExportDialog, KindsDialog
from reader.ui.dialogs._kinds import KEY, NAME, SHAPE


def test_kinds_dialog_refuses_a_taken_key_and_a_taken_name(qtbot, tmp_path):
    with Store.open(tmp_path / "lib.sqlite3") as store:
        dialog = KindsDialog(store, {"J", "C"})
        qtbot.addWidget(dialog)
        row = dialog.add_row("verdict")
        dialog.table.item(row, KEY).setText("j")
        assert not dialog.apply()
        assert "used by another action" in dialog.error_label.text()
        dialog.table.item(row, KEY).setText("")
        dialog.table.item(row, NAME).setText("Claim")
        assert not dialog.apply() and "already a kind" in dialog.error_label.text()
        assert [k.name for k in store.kinds.all() if not k.builtin] == []
        dialog.table.item(row, NAME).setText("verdict")
        assert dialog.apply() and store.kinds.get("verdict") is not None


def test_kinds_dialog_lists_builtins_fixed_and_shows_counts(qtbot, tmp_path):
    with Store.open(tmp_path / "lib.sqlite3") as store:
        store.kinds.add("verdict", shape="star")
        dialog = KindsDialog(store, set())
        qtbot.addWidget(dialog)
        names = [dialog.table.item(r, NAME).text() for r in range(dialog.table.rowCount())]
        assert names == ["opinion", "claim", "quotation", "note", "verdict"]
        assert not dialog.table.cellWidget(0, SHAPE).isEnabled()  # built in: fixed
        assert dialog.table.cellWidget(4, SHAPE).currentData() == "star"
        dialog.table.item(4, KEY).setText("v")
        assert dialog.apply() and store.kinds.get("verdict").key == "V"


def test_export_dialog_offers_notes_and_own_kinds(qtbot, tmp_path):
    with Store.open(tmp_path / "lib.sqlite3") as store:
        store.kinds.add("verdict")
        doc = store.remember_document("a" * 64, str(tmp_path / "a.txt"), "A")
        for start, kind in ((0, "claim"), (10, "verdict"), (20, "note")):
            store.tag_table.add_tag(doc.id, start, start + 5, kind, exact="x")
        dialog = ExportDialog(store)
        qtbot.addWidget(dialog)
        assert {"note", "verdict"} <= set(dialog.form.kind_boxes)
        assert all(not box.icon().isNull() for box in dialog.form.kind_boxes.values())
        assert dialog.form.filters().kinds == ()  # all checked: every kind
        dialog.form.kind_boxes["verdict"].setChecked(False)
        assert set(dialog.form.filters().kinds) == {"opinion", "claim", "quotation", "note"}


def test_the_codebook_shows_the_colours_the_panes_draw(qtbot) -> None:
    from PySide6.QtGui import QGuiApplication

    from reader.core.store import BUILTIN_CODEBOOK
    from reader.ui.tag_style import KINDS, ViewColors

    light = ViewColors.from_palette(QGuiApplication.palette())
    if not light.dark:
        for kind in BUILTIN_CODEBOOK:
            if kind.name in KINDS:
                assert light.kind[kind.name].name().upper() == kind.color


def test_kinds_dialog_shows_every_column_without_scrolling(qtbot, tmp_path):
    with Store.open(tmp_path / "lib.sqlite3") as store:
        store.kinds.add("misleading", "Contains a true fact framed to mislead", shape="star")
        dialog = KindsDialog(store, set())
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.grab().save(str(tmp_path / "kinds.png"))
        assert dialog.table.horizontalScrollBar().maximum() == 0
        header = dialog.table.horizontalHeader()
        assert header.sectionViewportPosition(header.count() - 1) + header.sectionSize(
            header.count() - 1) <= dialog.table.viewport().width()
