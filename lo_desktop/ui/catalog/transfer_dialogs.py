"""Import a CSV/Excel list into the catalog, and export the materials shown to one.

The import shows the first rows of the file with a column choice above each column (Thai and English
headers are recognised), checks every row and lists the problems before anything is written. Then it
imports all rows or none, or, when the clerk ticks it, only the good ones, through the same
catalog_actions.import_materials as ``lo-desktop import`` (a backup first, one history entry). Reading,
checking and writing run through run_task so a long file never freezes the window and can be cancelled.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

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
        self.summary = QLabel(_("The first row of the file must hold the column names."))
        self.summary.setWordWrap(True)
        self.problem_list = QListWidget()
        self.problem_list.setMaximumHeight(140)
        self.skip_invalid = QCheckBox(_("Import only the good rows and skip the rows with problems"))
        self.skip_invalid.toggled.connect(self._update_button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        messages.translate_buttons(self.buttons)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(_("Import"))
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        for widget in (self.summary, self.problem_list, self.skip_invalid, self.buttons):
            layout.addWidget(widget)

    # ------------------------------------------------------------ reading
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choose the list to import"), last_folder(), _("Lists (*.xlsx *.csv);;All files (*)"))
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> TaskHandle:
        self.path_edit.setText(str(path))
        self.path = path
        remember_folder(path)
        self.task = run_task(self, _("Reading the file"), lambda progress: transfer.read_table(path),
                             self._show_table)
        return self.task

    def _show_table(self, table: transfer.Table) -> None:
        self.table = table
        mapping = transfer.guess_mapping(table.headers)
        shown = table.rows[:PREVIEW_ROWS]
        self.preview.clear()
        self.preview.setColumnCount(len(table.headers))
        self.preview.setRowCount(len(shown) + 1)
        self.preview.setHorizontalHeaderLabels(table.headers)
        self.preview.setVerticalHeaderLabels([_("Column")] + [str(n + 2) for n in range(len(shown))])
        for column in range(len(table.headers)):
            self.preview.setCellWidget(0, column, self._mapping_combo(mapping.get(column)))
        for row, cells in enumerate(shown, start=1):
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
        self.problem_list.clear()
        for row, problem in check.problems[:MAX_PROBLEMS_SHOWN]:
            self.problem_list.addItem(tr("Row {row}: {problem}", row=row, problem=problem))
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
