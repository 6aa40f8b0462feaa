"""The Coders panel: who tagged the open documents, how far they agree, and comparing them.

``CodersPanel(bridge, parent=None)`` (accessible name "Coders"): a checkable list of the
coders with a tag in the open documents, per-coder counts, Cohen's kappa for each pair as
a matrix, Krippendorff's alpha over the checked coders, and the statements where they
differ (click or Enter: go there). "Compare in the panes" marks those statements in the
panes with each coder's kind side by side; ``]``/``[`` then jump between them and
Alt+1, Alt+2, Alt+3 adopt the first, second or third coder's tag as the agreed one.
"Panes show" filters the panes' tags by author.
Signal ``jumpRequested(int pane, int statement)``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout,
                               QHeaderView, QLabel, QListWidget, QListWidgetItem, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from reader.core.agreement import AGREED, NONE, AgreementReport
from reader.core.session import session_agreement, session_coders, set_comparing
from reader.ui.labels import kind_label, short_text

#: Coalesce bursts of tag changes (a key held down) into one recount.
REFRESH_MS = 150


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


class CodersPanel(QWidget):
    """Agreement between the coders of the open documents; see the module doc."""

    jumpRequested = Signal(int, int)

    def __init__(self, bridge: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Coders")
        self.setObjectName("codersPanel")
        self._bridge = bridge
        self._coders: list[str] = []
        self._unchecked: set[str] = set()
        self.report: AgreementReport | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.coder_list = QListWidget(self)
        self.coder_list.setAccessibleName("Coders to compare")
        self.coder_list.setMaximumHeight(96)
        self.coder_list.itemChanged.connect(self._checked)
        layout.addWidget(self.coder_list)
        self.compare_box = QCheckBox("Compare in the &panes", self)
        self.compare_box.setToolTip("Mark the statements where the checked coders differ; "
                                    "] and [ jump between them, Alt+1/2/3 adopt a coder's tag")
        self.compare_box.toggled.connect(self._compare)
        layout.addWidget(self.compare_box)
        form = QFormLayout()
        self.shown_combo = QComboBox(self)
        self.shown_combo.setAccessibleName("Whose tags the panes show")
        self.shown_combo.activated.connect(self._show_author)
        form.addRow("Panes &show:", self.shown_combo)
        layout.addLayout(form)
        self.alpha_label = QLabel(self)
        self.alpha_label.setWordWrap(True)
        self.alpha_label.setAccessibleName("Krippendorff's alpha")
        layout.addWidget(self.alpha_label)
        self.matrix = self._table("Cohen's kappa for each pair of coders")
        layout.addWidget(self.matrix)
        self.counts = self._table("Statements per coder and kind")
        layout.addWidget(self.counts)
        self.disagreement_label = QLabel(self)
        layout.addWidget(self.disagreement_label)
        self.disagreements = QListWidget(self)
        self.disagreements.setAccessibleName("Statements where the coders differ")
        self.disagreements.itemActivated.connect(self._jump)
        self.disagreements.itemClicked.connect(self._jump)
        layout.addWidget(self.disagreements, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        for signal in (bridge.tagsChanged, bridge.panesChanged):
            signal.connect(lambda *_: self._timer.start())
        self.refresh()

    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget(self)
        table.setAccessibleName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setMaximumHeight(140)
        return table

    def checked_coders(self) -> list[str]:
        """The coders whose box is checked, in list order."""
        return [c for c in self._coders if c not in self._unchecked]

    def refresh(self) -> None:
        """Recount from the open panes' tags."""
        session = self._bridge.session
        if session is None:
            return
        self._coders = session_coders(session)
        self.coder_list.blockSignals(True)
        self.coder_list.clear()
        for coder in self._coders:
            item = QListWidgetItem(coder or "(no author)", self.coder_list)
            item.setData(Qt.ItemDataRole.UserRole, coder)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if coder in self._unchecked
                               else Qt.CheckState.Checked)
        self.coder_list.blockSignals(False)
        self._fill_shown(session)
        chosen = self.checked_coders()
        self.report = report = session_agreement(session, chosen) if chosen else None
        self._fill(report, chosen)
        if self.compare_box.isChecked() and tuple(chosen) != session.comparing:
            set_comparing(session, chosen)

    def _fill(self, report: AgreementReport | None, coders: list[str]) -> None:
        self.matrix.clear()
        self.counts.clear()
        self.disagreements.clear()
        if report is None or len(coders) < 2:
            self.alpha_label.setText("Open documents tagged by two or more coders to see "
                                     "how far they agree.")
            self.matrix.setRowCount(0)
            self.counts.setRowCount(0)
            self.disagreement_label.setText("")
            return
        overall = report.overall
        self.alpha_label.setText(f"Krippendorff's α {_number(overall.krippendorff_alpha)} "
                                 f"over {overall.statements} statements, {len(coders)} coders")
        self.matrix.setRowCount(len(coders))
        self.matrix.setColumnCount(len(coders))
        self.matrix.setHorizontalHeaderLabels(coders)
        self.matrix.setVerticalHeaderLabels(coders)
        for i, a in enumerate(coders):
            for j, b in enumerate(coders):
                pair = overall.pair(a, b) if i != j else None
                cell = QTableWidgetItem("—" if pair is None else _number(pair.cohen_kappa))
                if pair is not None:
                    cell.setToolTip(f"{a} and {b}: kappa {_number(pair.cohen_kappa)}, "
                                    f"observed {_number(pair.observed)} over "
                                    f"{pair.statements} statements")
                self.matrix.setItem(i, j, cell)
        kinds = list(report.coders[0].kinds) if report.coders else [NONE]
        self.counts.setRowCount(len(report.coders))
        self.counts.setColumnCount(len(kinds) + 1)
        self.counts.setHorizontalHeaderLabels(["Statements", *(kind_label(k) for k in kinds)])
        self.counts.setVerticalHeaderLabels([c.author for c in report.coders])
        for row, coder in enumerate(report.coders):
            self.counts.setItem(row, 0, QTableWidgetItem(str(coder.statements)))
            for col, kind in enumerate(kinds, 1):
                self.counts.setItem(row, col, QTableWidgetItem(str(coder.kinds.get(kind, 0))))
        session = self._bridge.session
        count = len(report.disagreements)
        self.disagreement_label.setText(f"{count} statement{'s' if count != 1 else ''} differ"
                                        f"{'s' if count == 1 else ''}")
        for unit in report.disagreements[:500]:
            pane = session.panes[unit.document]
            values = " · ".join(f"{a}: {c.value}" for a, c in unit.codes.items())
            text = pane.statements[unit.statement].text
            # who said what first: a long statement is cut at the panel's edge, the codes not
            item = QListWidgetItem(f"{values} — {short_text(text, 80)}", self.disagreements)
            item.setToolTip(f"{values}\n{text}")
            item.setData(Qt.ItemDataRole.UserRole, (unit.document, unit.statement))

    def _fill_shown(self, session: Any) -> None:
        self.shown_combo.blockSignals(True)
        self.shown_combo.clear()
        self.shown_combo.addItem("Everyone's tags (mine first)", None)
        authors = sorted(set(self._coders) | {session.author, AGREED}
                         | ({session.shown_author} - {None}))
        for author in authors:
            self.shown_combo.addItem(f"{author or '(no author)'}'s tags", author)
        self.shown_combo.setCurrentIndex(max(0, self.shown_combo.findData(session.shown_author))
                                         if session.shown_author is not None else 0)
        self.shown_combo.blockSignals(False)

    def _show_author(self, index: int) -> None:
        session = self._bridge.session
        if session is not None:
            session.show_author(self.shown_combo.itemData(index))

    def _checked(self, item: QListWidgetItem) -> None:
        coder = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._unchecked.discard(coder)
        else:
            self._unchecked.add(coder)
        self._timer.start()

    def _compare(self, on: bool) -> None:
        session = self._bridge.session
        if session is not None:
            set_comparing(session, self.checked_coders() if on else [])

    def _jump(self, item: QListWidgetItem) -> None:
        pane, statement = item.data(Qt.ItemDataRole.UserRole)
        self.jumpRequested.emit(int(pane), int(statement))
