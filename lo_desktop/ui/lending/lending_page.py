"""The lending page: loans out (or overdue, or all), the history of the selected material and borrower,
the lend / return dialog (F9) and a reminder slip for the selected borrower.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from lo_desktop.core.lending import loans as lending
from lo_desktop.core.lending import actions
from lo_desktop.core.errors import UserError
from lo_desktop.core.catalog.search import normalize
from lo_desktop.core.thaidate import format_date
from lo_desktop.i18n import _, tr
from lo_desktop.ui.common import messages
from lo_desktop.ui.window.state import window_settings
from lo_desktop.ui.common.tables import read_only_table
from lo_desktop.ui.common.tasks import run_task

VIEWS = (("open", "On loan"), ("overdue", "Overdue"), ("all", "All loans (history)"))
COLUMNS = ("Code", "Title", "Borrower", "Section", "Lent on", "Due on", "State")
HISTORY_COLUMNS = ("Code", "Title", "Borrower", "Lent on", "Due on", "State")
VIEW_KEY = "lending/view"
LATE = QBrush(QColor("#b71c1c"))


def state_text(loan: lending.Loan, today: date) -> str:
    if loan.returned_on:
        return tr("returned {date}", date=format_date(loan.returned_on, "short"))
    late = loan.days_overdue(today)
    return tr("{days} days overdue", days=late) if late else _("on loan")


def fill_table(table: QTableWidget, loans: list, columns: tuple, today: date) -> None:
    values = {"Code": lambda x: x.code, "Title": lambda x: x.title, "Borrower": lambda x: x.borrower,
              "Section": lambda x: x.section, "Lent on": lambda x: format_date(x.lent_on, "short"),
              "Due on": lambda x: format_date(x.due_on, "short"), "State": lambda x: state_text(x, today)}
    table.setRowCount(len(loans))
    for row, loan in enumerate(loans):
        for column, name in enumerate(columns):
            item = QTableWidgetItem(values[name](loan))
            item.setData(Qt.ItemDataRole.UserRole, loan.id)
            if loan.days_overdue(today):
                item.setForeground(LATE)
            table.setItem(row, column, item)
    for column, name in enumerate(columns):
        if name != "Title" and loans:  # the title takes what is left; names and dates show whole
            table.resizeColumnToContents(column)


def loan_table(columns: tuple) -> QTableWidget:
    return read_only_table(columns, stretch=1)


def ask_docx_path(parent: QWidget, name: str) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(parent, _("Save the Word document"), str(Path.home() / name),
                                                  _("Word documents (*.docx)"))
    if not chosen:
        return None
    from lo_desktop.reports.docx_base import docx_path  # python-docx loads when a document is made, not at start

    try:
        return docx_path(chosen)
    except UserError as exc:  # a name like "r.pdf": said, and nothing written
        messages.show_error(parent, exc)
        return None


class LendingPage(QWidget):
    def __init__(self, db, settings, window=None):
        super().__init__(window)
        self.db, self.settings = db, settings
        self.setObjectName("lendingPage")
        self.loans: list[lending.Loan] = []
        self.view_box = QComboBox()
        for key, text in VIEWS:
            self.view_box.addItem(_(text), key)
        saved = window_settings().value(VIEW_KEY)
        self.view_box.setCurrentIndex(max(0, self.view_box.findData(saved)))
        self.view_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(_("Filter by code, title or borrower"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(lambda _t: self._show())
        self.table = loan_table(COLUMNS)
        self.table.itemSelectionChanged.connect(self._show_history)
        self.table.doubleClicked.connect(lambda _i: self.open_dialog(self.selected_loan()))
        self.count_label = QLabel()
        self.material_history = loan_table(HISTORY_COLUMNS)
        self.borrower_history = loan_table(HISTORY_COLUMNS)
        self._layout()
        QShortcut(QKeySequence("F9"), self, activated=lambda: self.open_dialog())
        self.refresh()

    def showEvent(self, event) -> None:
        """Loans change from the catalog's Ctrl+L and the stocktake too: read them again on each visit."""
        super().showEvent(event)
        self.refresh()

    def _layout(self) -> None:
        bar = QHBoxLayout()
        for text, slot in ((_("Lend or return… (F9)"), lambda: self.open_dialog()),
                           (_("Return selected"), self.return_selected),
                           (_("Reminder slip…"), self.write_reminder),
                           (_("Borrowers…"), self.open_borrowers)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(QLabel(_("Show:")))
        bar.addWidget(self.view_box)
        bar.addWidget(self.filter_edit, 1)
        self.history_tabs = QTabWidget()
        self.history_tabs.addTab(self.material_history, _("History of the material"))
        self.history_tabs.addTab(self.borrower_history, _("History of the borrower"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.history_tabs)
        splitter.setSizes([500, 220])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)

    # --- data ---------------------------------------------------------------------------------------------
    def view(self) -> str:
        return self.view_box.currentData()

    def refresh(self) -> None:
        loaders = {"open": lending.open_loans, "overdue": lending.overdue_loans, "all": lending.all_loans}
        self.loans = loaders[self.view()](self.db)
        self._show()
        out, late = len(lending.open_loans(self.db)), len(lending.overdue_loans(self.db))
        self.count_label.setText(tr("{out} on loan, {late} overdue", out=out, late=late))

    def _show(self) -> None:
        wanted = normalize(self.filter_edit.text()).split()
        shown = [loan for loan in self.loans
                 if all(w in normalize(f"{loan.code} {loan.title} {loan.borrower} {loan.section}") for w in wanted)]
        fill_table(self.table, shown, COLUMNS, date.today())
        self._shown = shown
        self._show_history()

    def selected_loan(self) -> lending.Loan | None:
        rows = self.table.selectionModel().selectedRows()
        return self._shown[rows[0].row()] if rows else None

    def _show_history(self) -> None:
        loan = self.selected_loan()
        today = date.today()
        fill_table(self.material_history, lending.material_history(self.db, loan.material_id) if loan else [],
                   HISTORY_COLUMNS, today)
        fill_table(self.borrower_history, lending.borrower_history(self.db, loan.borrower_id) if loan else [],
                   HISTORY_COLUMNS, today)

    # --- actions ------------------------------------------------------------------------------------------
    def open_dialog(self, loan: lending.Loan | None = None) -> None:
        from lo_desktop.core.catalog.materials import get_material_by_id
        from lo_desktop.ui.lending.lend_dialog import LendDialog

        material = get_material_by_id(self.db, loan.material_id) if loan else None
        dialog = LendDialog(self.db, self.settings, self, material)
        dialog.changed.connect(self.refresh)
        dialog.exec()
        self._refresh_catalog()

    def return_selected(self) -> None:
        loan = self.selected_loan()
        if loan is None or not loan.is_open:
            messages.show_warning(self, _("Select a loan that is still out."))
            return
        try:
            actions.return_copy(self.db, loan.code, borrower_id=loan.borrower_id)
        except UserError as exc:
            messages.show_error(self, exc)
        self.refresh()
        self._refresh_catalog()

    def write_reminder(self) -> None:
        loan = self.selected_loan()
        if loan is None:
            messages.show_warning(self, _("Select a loan of the borrower to remind."))
            return
        path = ask_docx_path(self, tr("Reminder {name}.docx", name=loan.borrower))
        if path is None:
            return
        from lo_desktop.reports.actions import write_reminder  # as ``lo-desktop reminder`` writes it

        borrower_id = loan.borrower_id
        self.task = run_task(self, _("Writing the reminder slip"),
                             lambda progress: write_reminder(self.db, borrower_id, path), output_path=path)

    def open_borrowers(self) -> None:
        from lo_desktop.ui.lending.borrowers_dialog import BorrowersDialog

        dialog = BorrowersDialog(self.db, self)
        dialog.changed.connect(self.refresh)
        dialog.exec()

    def _refresh_catalog(self) -> None:
        """The catalog shows each material's status, which lending just changed."""
        window = self.window()
        pages = getattr(window, "_pages", {})
        if "catalog" in pages and hasattr(pages["catalog"], "refresh"):
            pages["catalog"].refresh()

    def save_state(self) -> None:
        window_settings().setValue(VIEW_KEY, self.view())
