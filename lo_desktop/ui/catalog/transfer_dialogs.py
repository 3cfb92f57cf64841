"""Import a register into the catalog, and export the materials shown to a list.

The import reads the register the way offices keep it (.xlsx, .xls, .ods, CSV, Unicode text): it
proposes the first sheet that looks like a register and the row holding the column names, and the
clerk may pick another sheet or row. It shows the first rows with a column choice above each column
(Thai and English names are recognised), checks every row and lists the problems and the rows skipped
as not materials (totals, notes, signatures) before anything is written. Then it
imports all rows or none, or, when the clerk ticks it, only the good ones, through the same
catalog_actions.import_materials as ``lo-desktop import`` (a backup first, one history entry). Reading,
checking and writing run through run_task so a long file never freezes the window and can be cancelled.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from lo_desktop.core.catalog import actions as catalog_actions
from lo_desktop.core.catalog import transfer
from lo_desktop.core.catalog.search import Query
from lo_desktop.core.thaidate import be_year
from lo_desktop.i18n import _, tr
from lo_desktop.ui.common import messages
from lo_desktop.ui.window.state import window_settings
from lo_desktop.ui.common.tasks import TaskHandle, run_task, show_status

PREVIEW_ROWS = 20
MAX_PROBLEMS_SHOWN = 500
FOLDER_KEY = "transfer/folder"


def last_folder() -> str:
    return str(window_settings().value(FOLDER_KEY, str(Path.home())))


def remember_folder(path: Path) -> None:
    window_settings().setValue(FOLDER_KEY, str(path.parent))


class ImportDialog(QDialog):
    def __init__(self, db, settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.settings = db, settings
        self.path: Path | None = None
        self.table: transfer.Table | None = None
        self.check: transfer.ImportCheck | None = None
        self.imported = 0
        self._generation = 0  # which check is current when several ran
        self.task: TaskHandle | None = None  # the last task started (tests wait on it)
        self.setWindowTitle(_("Import materials"))
        self._build()
        self.resize(900, 620)

    def _build(self) -> None:
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(_("Choose a CSV or Excel file…"))
        choose = QPushButton(_("Choose file…"))
        choose.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(self.path_edit, 1)
        top.addWidget(choose)
        self.preview = QTableWidget()
        self.summary = QLabel(_("Choose a register: the sheet and the row of column names are found for you."))
        self.summary.setWordWrap(True)
        self.problem_list = QListWidget()
        self.problem_list.setMaximumHeight(140)
        self.skip_invalid = QCheckBox(_("Import only the good rows and skip the rows with problems"))
        self.skip_invalid.toggled.connect(self._update_button)
        self.buttons = messages.dialog_buttons(self, "Ok", "Cancel", accept=self.start_import, ok_text=_("Import"))
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self._build_layout_row())
        layout.addWidget(self.preview, 1)
        for widget in (self.summary, self.problem_list, self.skip_invalid, self.buttons):
            layout.addWidget(widget)

    def _build_layout_row(self) -> QHBoxLayout:
        """The sheet and the row of column names: proposed by the reader, changeable by the clerk."""
        self.sheet_label = QLabel(_("Sheet:"))
        self.sheet_box = QComboBox()
        self.sheet_box.activated.connect(lambda _index: self.reread(header_row=None))
        self.header_row_box = QSpinBox()
        self.header_row_box.setRange(1, 1_000_000)
        self.header_row_box.setEnabled(False)
        self.header_row_box.editingFinished.connect(self._header_row_changed)
        self.where = QLabel()
        self.where.setWordWrap(True)
        row = QHBoxLayout()
        for widget in (self.sheet_label, self.sheet_box, QLabel(_("Column names on row:")), self.header_row_box):
            row.addWidget(widget)
        row.addWidget(self.where, 1)
        self.sheet_label.setVisible(False)
        self.sheet_box.setVisible(False)
        return row

    # ------------------------------------------------------------ reading
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choose the register to import"), last_folder(),
            _("Registers (*.xlsx *.xls *.ods *.csv *.txt);;All files (*)"))
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> TaskHandle:
        self.path_edit.setText(str(path))
        self.path = path
        remember_folder(path)
        self.sheet_box.clear()
        return self.reread(sheet=None, header_row=None)

    def reread(self, sheet: str | None | bool = False, header_row: int | None = None) -> TaskHandle:
        """Read the file again with another sheet (False: the one chosen) or row of column names."""
        path = self.path
        sheet = self.sheet_box.currentText() or None if sheet is False else sheet
        self.task = run_task(self, _("Reading the file"),
                             lambda progress: transfer.read_table(path, sheet, header_row), self._show_table)
        return self.task

    def _header_row_changed(self) -> None:
        if self.table is not None and self.header_row_box.value() != self.table.header_row:
            self.reread(header_row=self.header_row_box.value())

    def _show_layout(self, table: transfer.Table) -> None:
        if [self.sheet_box.itemText(i) for i in range(self.sheet_box.count())] != table.sheets:
            self.sheet_box.clear()
            self.sheet_box.addItems(table.sheets)
        self.sheet_box.setCurrentText(table.sheet)
        for widget in (self.sheet_label, self.sheet_box):
            widget.setVisible(len(table.sheets) > 1)
        self.header_row_box.setEnabled(True)
        self.header_row_box.blockSignals(True)
        self.header_row_box.setValue(table.header_row)
        self.header_row_box.blockSignals(False)
        where = tr("Column names from row {row} of the sheet “{sheet}”.", row=table.header_row, sheet=table.sheet)
        if table.header_rows == 2:
            where += " " + tr("They continue on row {row}.", row=table.header_row + 1)
        self.where.setText(where)

    def _show_table(self, table: transfer.Table) -> None:
        self.table = table
        self._show_layout(table)
        mapping = transfer.guess_mapping(table.headers)
        shown = table.head(PREVIEW_ROWS)  # the first rows only: the sheet is read as it is walked
        self.preview.clear()
        self.preview.setColumnCount(len(table.headers))
        self.preview.setRowCount(len(shown) + 1)
        self.preview.setHorizontalHeaderLabels(
            [name or tr("(column {letter})", letter=column_letter(i)) for i, name in enumerate(table.headers)])
        self.preview.setVerticalHeaderLabels([_("Column")] + [str(n) for n, _cells in shown])
        for column in range(len(table.headers)):
            self.preview.setCellWidget(0, column, self._mapping_combo(mapping.get(column)))
        for row, (_number, cells) in enumerate(shown, start=1):
            for column, text in enumerate(cells):
                self.preview.setItem(row, column, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()
        self.recheck()

    def _mapping_combo(self, field: str | None) -> QComboBox:
        box = QComboBox()
        box.addItem(_("(do not import)"), None)
        for name, english in transfer.COLUMNS.items():
            box.addItem(_(english), name)
        box.setCurrentIndex(max(box.findData(field), 0))
        box.currentIndexChanged.connect(self.recheck)
        return box

    def mapping(self) -> dict[int, str]:
        """Column → field as chosen above the preview; a field chosen twice counts once (the first)."""
        chosen: dict[int, str] = {}
        for column in range(self.preview.columnCount()):
            name = self.preview.cellWidget(0, column).currentData()
            if name and name not in chosen.values():
                chosen[column] = name
        return chosen

    # ------------------------------------------------------------ checking
    def recheck(self) -> TaskHandle | None:
        if self.table is None:
            return None
        self.check = None
        self._generation += 1
        self._update_button()
        table, mapping, generation = self.table, self.mapping(), self._generation
        if "title" not in mapping.values():
            self.summary.setText(_("No column holds the title. Choose which column is the title."))
            self.problem_list.clear()
            return None
        self.summary.setText(_("Checking the rows…"))
        self.task = run_task(self, _("Checking the rows"),
                             lambda progress: transfer.check_rows(self.db, table, mapping, progress),
                             lambda check: self._show_check(check, generation))
        return self.task

    def _show_check(self, check: transfer.ImportCheck, generation: int) -> None:
        if generation != self._generation:
            return  # the clerk changed the columns again; a newer check is on its way
        self.check = check
        self.summary.setText(tr("{good} rows can be imported; {bad} rows have problems.",
                                good=len(check.good), bad=len(check.problems)))
        if check.skipped:
            self.summary.setText(self.summary.text() + " " + tr("{count} rows are not materials and are skipped.",
                                                                count=len(check.skipped)))
        self.problem_list.clear()
        for row, problem in check.problems[:MAX_PROBLEMS_SHOWN]:
            self.problem_list.addItem(tr("Row {row}: {problem}", row=row, problem=problem))
        for row, reason in check.skipped[:MAX_PROBLEMS_SHOWN]:
            self.problem_list.addItem(tr("Row {row} skipped: {reason}", row=row, reason=reason))
        self._update_button()

    def _update_button(self) -> None:
        check = self.check
        ready = bool(check and check.good and (not check.problems or self.skip_invalid.isChecked()))
        self.import_button.setEnabled(ready)

    # ------------------------------------------------------------ writing
    def start_import(self) -> TaskHandle | None:
        if not self.import_button.isEnabled():
            return None
        path, check, skip = self.path, self.check, self.skip_invalid.isChecked()
        pattern = self.settings.code_pattern
        self.import_button.setEnabled(False)
        self.task = run_task(
            self, _("Importing"),
            lambda progress: catalog_actions.import_materials(self.db, path, check=check, skip_invalid=skip,
                                                              pattern=pattern, progress=progress),
            self._imported)
        self.task.finished.connect(self._update_button)
        return self.task

    def _imported(self, result: catalog_actions.ImportResult) -> None:
        self.imported = result.imported
        show_status(self.parentWidget(), tr("Imported {count} materials.", count=result.imported))
        self.accept()


def column_letter(index: int) -> str:
    """A spreadsheet's name of the column: A … Z, AA …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def export_materials(parent: QWidget | None, db, query: Query, path: Path | None = None) -> TaskHandle | None:
    """Ask where to save (unless ``path`` is given) and export the materials the query finds."""
    path = path or ask_export_path(parent)
    if path is None:
        return None
    return run_task(parent, _("Exporting"),
                    lambda progress: catalog_actions.export_materials(db, path, query, progress),
                    lambda count: show_status(parent, tr("Exported {count} materials to {path}.",
                                                         count=count, path=path)),
                    output_path=path)


def ask_export_path(parent: QWidget | None) -> Path | None:
    today = date.today()
    name = f"{_('Materials')}-{be_year(today.year)}-{today:%m-%d}.xlsx"  # a BE date, as everywhere
    suggested = Path(last_folder()) / name
    chosen, chosen_filter = QFileDialog.getSaveFileName(
        parent, _("Export materials"), str(suggested), _("Excel (*.xlsx);;CSV (*.csv)"))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_suffix(".csv" if "csv" in chosen_filter.lower() else ".xlsx")
    remember_folder(path)
    return path
