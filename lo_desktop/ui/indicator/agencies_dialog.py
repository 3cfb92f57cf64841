"""Sessions ▸ Partner agencies…: correct a mistyped agency name, merge two spellings, delete an unused one.

Every change is saved at once; the pages that show sessions and the indicator are refreshed after it.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QHeaderView, QLabel, QLineEdit,
                               QTableWidgetItem, QVBoxLayout)

from lo_desktop.core.indicator.agencies import Agency, agencies_with_use
from lo_desktop.core.errors import UserError
from lo_desktop.core.indicator.actions import delete_partner_agency, merge_partner_agencies, rename_partner_agency
from lo_desktop.core.similar import most_alike
from lo_desktop.i18n import _, tr
from lo_desktop.settings import load_settings
from lo_desktop.ui.common import messages
from lo_desktop.ui.common.history_widget import HistoryWidget
from lo_desktop.ui.common.tables import RowKeys, edit_merge_delete_buttons, list_over_history, read_only_table

COLUMNS = ("Agency name", "Short name", "Sessions naming it")


class AgencyEditDialog(QDialog):
    """The name and short name of one agency; saved (renamed) on OK, refused with one sentence."""

    def __init__(self, db, agency: Agency, parent=None):
        super().__init__(parent)
        self.db, self.agency = db, agency
        self.setWindowTitle(_("Edit partner agency"))
        self.name, self.short_name = QLineEdit(agency.name), QLineEdit(agency.short_name)
        self.name.setMinimumWidth(420)
        buttons = messages.dialog_buttons(self, "Save", "Cancel")
        form = QFormLayout(self)
        form.addRow(_("Agency name"), self.name)
        form.addRow(_("Short name"), self.short_name)
        form.addRow(QLabel(_("Every exchange session naming this agency shows the new name.")))
        form.addRow(buttons)

    def accept(self) -> None:
        try:
            rename_partner_agency(self.db, self.agency.id, self.name.text(), self.short_name.text())
        except UserError as exc:
            messages.show_error(self, exc, self.windowTitle())
            return
        super().accept()


class MergeDialog(QDialog):
    """Which agency to keep when ``other`` is the same agency spelled another way."""

    def __init__(self, other: Agency, others: list[tuple[Agency, int]], parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Merge partner agencies"))
        self.keep = QComboBox()
        for agency, used in others:
            self.keep.addItem(tr("{name} ({count} sessions)", name=agency.name, count=used), agency.id)
        # Offered first: the most similar name, likely the other spelling (สนง.เขตพระโขนง → สำนักงานเขตพระโขนง).
        self.keep.setCurrentIndex(most_alike(other.name, [agency.name for agency, _used in others]) or 0)
        text = QLabel(tr("“{name}” is the same agency as:", name=other.name))
        text.setWordWrap(True)
        buttons = messages.dialog_buttons(self, "Ok", "Cancel", ok_text=_("Merge"))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.keep)
        layout.addWidget(QLabel(_("The agency chosen here is kept; the other is removed from the list.")))
        layout.addSpacing(8)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def keep_id(self) -> int | None:
        return self.keep.currentData()


class AgenciesDialog(QDialog):
    changed = Signal()  # an agency was renamed, merged or deleted

    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db, self.agencies = db, []
        self.setWindowTitle(_("Partner agencies"))
        self.table = self._make_table()
        hint = QLabel(_("Correct a mistyped name with Edit; where one agency was typed two ways, merge one "
                        "into the other so it counts as one partner."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        self.history = HistoryWidget(self.db, "agency")
        layout.addWidget(list_over_history(self.table, self.history), 1)
        layout.addLayout(self._buttons())
        self.resize(760, 620)
        self.refresh()

    def _make_table(self):
        table = read_only_table(COLUMNS, stretch=0, name="agenciesTable")
        table.itemSelectionChanged.connect(self._update_buttons)
        table.cellDoubleClicked.connect(lambda _r, _c: self.edit_current())
        RowKeys(table, self.edit_current, self.delete_current)
        return table

    def _buttons(self):
        row, self.edit_button, self.merge_button, self.delete_button = edit_merge_delete_buttons(
            self.edit_current, self.merge_current, self.delete_current, self.accept)
        return row

    # ------------------------------------------------------------ filling
    def refresh(self, select_id: int | None = None) -> None:
        select_id = select_id if select_id is not None else self.current_id()
        self.agencies = agencies_with_use(self.db)
        self.table.setRowCount(len(self.agencies))
        for row, (agency, used) in enumerate(self.agencies):
            for column, value in enumerate((agency.name, agency.short_name, str(used))):
                item = QTableWidgetItem(value)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, max(self.table.columnWidth(1), 140))  # room for a short name to come
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        ids = [a.id for a, _used in self.agencies]
        if ids:
            self.table.selectRow(ids.index(select_id) if select_id in ids else 0)
        self._update_buttons()

    def current(self) -> tuple[Agency, int] | None:
        row = self.table.currentRow()
        return self.agencies[row] if 0 <= row < len(self.agencies) and self.table.selectedItems() else None

    def current_id(self) -> int | None:
        chosen = self.current()
        return chosen[0].id if chosen else None

    def _update_buttons(self) -> None:
        if hasattr(self, "history"):
            self.history.show_record("agency", self.current_id())
        chosen = self.current()
        self.edit_button.setEnabled(chosen is not None)
        self.merge_button.setEnabled(chosen is not None and len(self.agencies) > 1)
        self.delete_button.setEnabled(chosen is not None and chosen[1] == 0)
        self.delete_button.setToolTip(_("Exchange sessions name this agency: merge it into another agency "
                                        "instead.") if chosen and chosen[1] else "")

    # ------------------------------------------------------------ actions
    def edit_current(self) -> None:
        chosen = self.current()
        if chosen and AgencyEditDialog(self.db, chosen[0], self).exec() == QDialog.DialogCode.Accepted:
            self._done(chosen[0].id)

    def merge_current(self) -> None:
        chosen = self.current()
        if chosen is None or len(self.agencies) < 2:
            return
        other, used = chosen
        picker = MergeDialog(other, [(a, n) for a, n in self.agencies if a.id != other.id], self)
        if picker.exec() != QDialog.DialogCode.Accepted or picker.keep_id() is None:
            return
        keep = next(a for a, _n in self.agencies if a.id == picker.keep_id())
        if not messages.confirm(self, tr("Merge “{other}” into “{keep}”? The {count} exchange session(s) naming "
                                         "“{other}” will name “{keep}” instead.",
                                         other=other.name, keep=keep.name, count=used), _("Merge partner agencies")):
            return
        self._run(lambda: merge_partner_agencies(self.db, keep.id, other.id), keep.id)

    def delete_current(self) -> None:
        """Delete an agency no session names; for one still named (the Delete key) the core says why not."""
        chosen = self.current()
        if chosen is None:
            return
        agency, used = chosen
        if not used and not messages.confirm(self, tr("Delete the partner agency “{name}”? No exchange session "
                                                      "names it.", name=agency.name)):
            return
        self._run(lambda: delete_partner_agency(self.db, agency.id), None)

    def _run(self, change, select_id: int | None) -> None:
        try:
            change()
        except UserError as exc:
            messages.show_error(self, exc, self.windowTitle())
            self.refresh()  # another program may have changed the agencies meanwhile
            return
        self._done(select_id)

    def _done(self, select_id: int | None) -> None:
        self.refresh(select_id)
        self.changed.emit()


def refresh_window(window) -> None:
    """After a change: the sessions list and the indicator show the new names, and a new session's
    default partners (the settings, which a rename or merge corrected) no longer bring the old name back."""
    from lo_desktop.ui.window.file_actions import apply_settings

    apply_settings(window, load_settings(window.db))


def open_agencies_dialog(window) -> AgenciesDialog:
    dialog = AgenciesDialog(window.db, window)
    dialog.changed.connect(lambda: refresh_window(window))
    dialog.exec()
    return dialog
