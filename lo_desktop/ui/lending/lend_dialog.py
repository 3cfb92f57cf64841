"""The lend / return dialog: scan (or type) a label, pick or type the borrower, Lend; scan it again to return.

Built for a queue at the corner: the scan field keeps the focus, each result is one line under it
(green when done, red with the reason when not), and the dialog stays open for the next colleague.
"""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QListWidget, QPushButton, QVBoxLayout)

from lo_desktop.core.lending import loans as lending
from lo_desktop.core.lending import actions
from lo_desktop.core.errors import UserError
from lo_desktop.core.thaidate import format_date
from lo_desktop.core.vocab import word
from lo_desktop.i18n import _, tr
from lo_desktop.ui.common.date_edit import BuddhistDateEdit
from lo_desktop.ui.lending.lending_scan import ScanEntry
from lo_desktop.ui.common import messages

OK_STYLE = "color: #1b5e20;"
PROBLEM_STYLE = "color: #b71c1c; font-weight: bold;"


class LendDialog(QDialog):
    """Emits ``changed()`` after every loan or return so the pages behind it can refresh."""

    changed = Signal()

    def __init__(self, db, settings, parent=None, material=None):
        super().__init__(parent)
        self.db, self.settings = db, settings
        self.material = None
        self.setWindowTitle(_("Lend or return"))
        self.setMinimumWidth(560)
        self._build()
        self._fill_borrowers()
        if material is not None:
            self.pick(material)
        self.scan_entry.setFocus()

    # --- building ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.scan_entry = ScanEntry()
        self.scan_entry.submitted.connect(self.scanned)
        self.material_label = QLabel(_("No material chosen yet: scan its label."))
        self.material_label.setWordWrap(True)
        self.material_label.setTextFormat(Qt.TextFormat.PlainText)
        self.loans_list = QListWidget()
        self.loans_list.setMaximumHeight(90)
        self.result_label = QLabel("")
        self.result_label.setObjectName("lendResult")
        self.result_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (QLabel(_("Label:")), self.scan_entry, self.material_label, self.loans_list):
            layout.addWidget(widget)
        layout.addLayout(self._borrower_form())
        layout.addWidget(self.result_label)
        layout.addWidget(self._buttons())

    def _borrower_form(self) -> QFormLayout:
        self.borrower_box = QComboBox()
        self.borrower_box.setEditable(True)
        self.borrower_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.borrower_box.lineEdit().setPlaceholderText(_("Pick a colleague or type a new name"))
        self.borrower_box.currentTextChanged.connect(self._borrower_typed)
        self.section_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.due_edit = BuddhistDateEdit()
        self.due_edit.setDate(_qdate(date.today() + timedelta(days=self.settings.loan_days)))
        form = QFormLayout()
        form.addRow(_("Borrower:"), self.borrower_box)
        form.addRow(_("Section:"), self.section_edit)
        form.addRow(_("Phone:"), self.phone_edit)
        form.addRow(_("Due on:"), self.due_edit)
        return form

    def _buttons(self) -> QDialogButtonBox:
        box = messages.dialog_buttons(self, "Close")
        self.lend_button = QPushButton(_("&Lend"))
        self.return_button = QPushButton(_("&Return"))
        box.addButton(self.lend_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(self.return_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.lend_button.clicked.connect(self.lend)
        self.return_button.clicked.connect(self.return_selected)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.lend)
        self.lend_button.setAutoDefault(False)
        self.return_button.setAutoDefault(False)
        return box

    def _fill_borrowers(self) -> None:
        self._borrowers = {b.name: b for b in lending.borrowers(self.db)}
        current = self.borrower_box.currentText()
        self.borrower_box.blockSignals(True)
        self.borrower_box.clear()
        self.borrower_box.addItems(list(self._borrowers))
        self.borrower_box.setEditText(current)
        self.borrower_box.blockSignals(False)
        completer = QCompleter(list(self._borrowers), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.borrower_box.setCompleter(completer)

    def _borrower_typed(self, text: str) -> None:
        known = self._borrowers.get(" ".join(text.split()))
        if known is not None:
            self.section_edit.setText(known.section)
            self.phone_edit.setText(known.phone)

    # --- actions -------------------------------------------------------------------------------------
    def scanned(self, text: str) -> None:
        """First scan picks the material; the same label scanned again returns a copy of it."""
        try:
            material = lending.resolve_material(self.db, text)
            if self.material is not None and material.id == self.material.id:
                self._return(None)
            else:
                self.pick(material)
                self.say(tr("{code}: {title}", code=material.code, title=material.title))
        except UserError as exc:
            self.say(str(exc), problem=True)
        self.scan_entry.setFocus()

    def pick(self, material) -> None:
        self.material = material
        self._show_material()

    def _show_material(self) -> None:
        m = self.material
        free = lending.available_copies(self.db, m)
        lines = [f"{m.code}  {m.title}", tr("Available: {free} of {copies} copies · {status}", free=free,
                                             copies=m.copies, status=word("status", m.status))]
        self.material_label.setText("\n".join(lines))
        self.loans_list.clear()
        for loan in lending.open_loans_of(self.db, m.id):
            self.loans_list.addItem(tr("{name} · due {date}", name=loan.borrower,
                                       date=format_date(loan.due_on, "short")))

    def lend(self) -> None:
        if self.material is None:
            self.say(_("Scan or type the material's code first."), problem=True)
            return
        try:
            loan = actions.lend_copy(self.db, self.material.code, self.borrower_box.currentText(),
                                     self.section_edit.text(), self.phone_edit.text(),
                                     due_on=_pydate(self.due_edit.date()))
        except UserError as exc:
            self.say(str(exc), problem=True)
            return
        self._done(actions.lent_text(loan))
        self._fill_borrowers()

    def return_selected(self) -> None:
        """Return the loan picked in the list, else the one due first."""
        if self.material is None:
            self.say(_("Scan or type the material's code first."), problem=True)
            return
        row = self.loans_list.currentRow()
        loans = lending.open_loans_of(self.db, self.material.id)
        self._return(loans[row].borrower_id if 0 <= row < len(loans) else None)

    def _return(self, borrower_id: int | None) -> None:
        try:
            loan = actions.return_copy(self.db, self.material.code, borrower_id=borrower_id)
        except UserError as exc:
            self.say(str(exc), problem=True)
            return
        self._done(actions.returned_text(loan))

    def _done(self, message: str) -> None:
        self.material = lending.resolve_material(self.db, self.material.code)
        self._show_material()
        self.say(message)
        self.changed.emit()
        self.scan_entry.setFocus()

    def say(self, text: str, problem: bool = False) -> None:
        self.result_label.setStyleSheet(PROBLEM_STYLE if problem else OK_STYLE)
        self.result_label.setText(text)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())
