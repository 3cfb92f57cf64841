"""Lending ▸ Borrowers…: correct a colleague's name, section or phone, merge two spellings of one colleague,
delete a name no loan uses.

Borrowers are added on the fly while lending, so the list collects typing slips; this is where they are
put right. Every loan list reads the name through its borrower, so a correction shows everywhere at once.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QTableWidgetItem,
                               QVBoxLayout)

from lo_desktop.core.lending import borrowers as core
from lo_desktop.core.lending import actions
from lo_desktop.core.errors import UserError
from lo_desktop.core.lending.loans import Borrower
from lo_desktop.core.catalog.search import normalize
from lo_desktop.i18n import _, tr
from lo_desktop.ui.common import messages
from lo_desktop.ui.common.history_widget import HistoryWidget
from lo_desktop.ui.common.tables import RowKeys, edit_merge_delete_buttons, list_over_history, read_only_table

COLUMNS = ("Name", "Section", "Phone", "Out now", "All loans")
WIDTHS = (230, 260, 120, 80, 90)


class BorrowerForm(QDialog):
    """Name, section and phone of one borrower; OK saves through ``save`` and stays open on a refusal."""

    def __init__(self, borrower: Borrower, save: Callable[[str, str, str], None], parent=None):
        super().__init__(parent)
        self.save = save
        self.setWindowTitle(_("Edit the borrower"))
        self.setMinimumWidth(440)
        self.name_edit, self.section_edit, self.phone_edit = (QLineEdit(borrower.name), QLineEdit(borrower.section),
                                                              QLineEdit(borrower.phone))
        form = QFormLayout(self)
        for label, edit in ((_("Name:"), self.name_edit), (_("Section:"), self.section_edit),
                            (_("Phone:"), self.phone_edit)):
            form.addRow(label, edit)
        buttons = messages.dialog_buttons(self, "Ok", "Cancel")
        form.addRow(buttons)
        self.name_edit.selectAll()

    def accept(self) -> None:
        try:
            self.save(self.name_edit.text(), self.section_edit.text(), self.phone_edit.text())
        except UserError as exc:
            messages.show_error(self, exc)
            return
        super().accept()


class MergeForm(QDialog):
    """Which borrower keeps the loans of ``other``; the most similar name is offered first."""

    def __init__(self, other: Borrower, loans: int, candidates: list[Borrower], parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Merge borrowers"))
        self.setMinimumWidth(460)
        note = QLabel(tr("Move the {count} loans of “{name}” to:", count=loans, name=other.name) if loans
                      else tr("Merge “{name}” into:", name=other.name))
        note.setWordWrap(True)
        self.keep_box = QComboBox()
        for borrower in candidates:
            shown = f"{borrower.name} — {borrower.section}" if borrower.section else borrower.name
            self.keep_box.addItem(shown, borrower.id)
        twin = core.likeliest_twin(other, candidates)
        if twin is not None:
            self.keep_box.setCurrentIndex(self.keep_box.findData(twin.id))
        buttons = messages.dialog_buttons(self, "Ok", "Cancel")
        layout = QVBoxLayout(self)
        after = QLabel(tr("A blank section or phone of the one kept takes that of “{name}”, and “{name}” "
                          "leaves the list.", name=other.name))
        after.setWordWrap(True)
        for widget in (note, self.keep_box, after, buttons):
            layout.addWidget(widget)

    def keep_id(self) -> int:
        return self.keep_box.currentData()


class BorrowersDialog(QDialog):
    """Emits ``changed`` after every edit, merge or deletion so the lending page reads its lists again."""

    changed = Signal()

    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.rows: list[core.BorrowerCounts] = []
        self.shown: list[core.BorrowerCounts] = []
        self.setWindowTitle(_("Borrowers"))
        self.resize(860, 640)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(_("Filter by name, section or phone"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(lambda _t: self._show())
        self.table = self._table()
        self.count_label = QLabel()
        self._layout()
        self.refresh()
        self.filter_edit.setFocus()

    def _table(self):
        table = read_only_table(COLUMNS, stretch=1)
        for column, width in enumerate(WIDTHS):
            table.setColumnWidth(column, width)
        table.itemSelectionChanged.connect(self._update_buttons)
        table.doubleClicked.connect(lambda _i: self.edit_selected())
        RowKeys(table, self.edit_selected, self.delete_selected)
        return table

    def _layout(self) -> None:
        bar, self.edit_button, self.merge_button, self.delete_button = edit_merge_delete_buttons(
            self.edit_selected, self.merge_selected, self.delete_selected, self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        self.history = HistoryWidget(self.db, "borrower")
        layout.addWidget(list_over_history(self.table, self.history), 1)
        layout.addWidget(self.count_label)
        layout.addLayout(bar)

    # --- data ---------------------------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        self.rows = core.borrowers_with_loans(self.db)
        self._show(select_id)

    def _show(self, select_id: int | None = None) -> None:
        if select_id is None and self.selected():
            select_id = self.selected()[0].id
        wanted = normalize(self.filter_edit.text()).split()
        self.shown = [row for row in self.rows
                      if all(w in normalize(f"{row[0].name} {row[0].section} {row[0].phone}") for w in wanted)]
        self.table.setRowCount(len(self.shown))
        for row, (borrower, out, total) in enumerate(self.shown):
            for column, value in enumerate((borrower.name, borrower.section, borrower.phone, out, total)):
                item = QTableWidgetItem(str(value))
                if column >= 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        ids = [b.id for b, _o, _t in self.shown]
        if select_id in ids:
            self.table.selectRow(ids.index(select_id))
        elif self.shown:
            self.table.selectRow(0)
        self.count_label.setText(tr("Showing {shown} of {total} borrowers", shown=len(self.shown),
                                    total=len(self.rows)))
        self._update_buttons()

    def selected(self) -> core.BorrowerCounts | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.shown[rows[0].row()] if rows and rows[0].row() < len(self.shown) else None

    def _update_buttons(self) -> None:
        if hasattr(self, "history"):
            self.history.show_record("borrower", (self.selected()[0].id if self.selected() else None))
        chosen = self.selected()
        self.edit_button.setEnabled(chosen is not None)
        self.merge_button.setEnabled(chosen is not None and len(self.rows) > 1)
        self.delete_button.setEnabled(chosen is not None and chosen[2] == 0)
        self.delete_button.setToolTip("" if chosen is None or chosen[2] == 0 else
                                      _("A borrower named in loans cannot be deleted; merge instead."))

    def _changed(self, select_id: int | None) -> None:
        self.refresh(select_id)
        self.changed.emit()

    # --- actions ------------------------------------------------------------------------------------------
    def edit_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        borrower = chosen[0]
        form = BorrowerForm(borrower, lambda name, section, phone: actions.edit_borrower(
            self.db, borrower.id, name, section, phone), self)
        if form.exec() == QDialog.DialogCode.Accepted:
            self._changed(borrower.id)

    def merge_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or len(self.rows) < 2:
            return
        other, _out, loans = chosen
        candidates = [b for b, _o, _t in self.rows if b.id != other.id]
        form = MergeForm(other, loans, candidates, self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        keep = next(b for b in candidates if b.id == form.keep_id())
        self.merge(other, keep, loans)

    def merge(self, other: Borrower, keep: Borrower, loans: int) -> None:
        question = tr("Move the {count} loans of “{other}” to “{keep}” and remove “{other}” from the list?",
                      count=loans, other=other.name, keep=keep.name)
        if not messages.confirm(self, question, _("Merge borrowers")):
            return
        try:
            actions.merge_borrowers(self.db, keep.id, other.id)
        except UserError as exc:
            messages.show_error(self, exc)
        self._changed(keep.id)

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        borrower, _out, loans = chosen
        # one named in loans is refused by the action itself: no question first
        if not loans and not messages.confirm(self, tr("Delete the borrower “{name}”?", name=borrower.name)):
            return
        try:
            actions.delete_borrower(self.db, borrower.id)
        except UserError as exc:
            messages.show_error(self, exc)
            self.refresh()  # another window may have changed the list
            return
        self._changed(None)
