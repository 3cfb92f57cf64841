"""The stocktake page: choose a shelf (or the whole corner), scan every label, watch the counts, close.

Two faces in a stack: the start face (choose the scope, resume the stocktake in progress, past
stocktakes and their reports) and the counting face (scan field, last result, counts, the lists).
Each scan is saved at once, so "Pause" only goes back to the start face; closing the window pauses too.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QGridLayout, QHBoxLayout, QLabel,
                               QListWidget, QPushButton, QStackedWidget, QTableWidget, QTableWidgetItem,
                               QTabWidget, QVBoxLayout, QWidget)

from lo_desktop.core.lending import actions
from lo_desktop.core.lending import stocktake as st
from lo_desktop.core.catalog.materials import locations
from lo_desktop.core.errors import UserError
from lo_desktop.i18n import _, tr
from lo_desktop.ui.common import messages
from lo_desktop.ui.lending.lending_scan import ScanEntry
from lo_desktop.ui.common.tasks import run_task

MAX_ROWS = 1000
REFRESH_MS = 250  # lists follow a burst of scans once it pauses; the counts follow every scan
OUTCOMES = {st.FOUND: "Found", st.ON_LOAN: "Recorded as on loan", st.OTHER_LOCATION: "Belongs elsewhere",
            st.NOT_SHELVED: "Should not be on the shelf", st.UNKNOWN: "Unknown code", st.DUPLICATE: "Already scanned"}
STYLES = {st.FOUND: "color: #1b5e20;", st.DUPLICATE: "color: #e65100; font-weight: bold;"}
PROBLEM_STYLE = "color: #b71c1c; font-weight: bold;"
COUNTS = (("expected", "Expected"), ("found", "Found"), ("missing", "Missing"), ("on_loan", "On loan"),
          ("unexpected", "Unexpected"))
LISTS = (("missing", "Missing"), ("on_loan", "On loan"), ("unexpected", "Unexpected"), ("found", "Found"))


def item_cells(name: str, item) -> list[str]:
    if name == "missing":
        return [item.code, item.title, item.location, f"{item.missing}/{item.expected}"]
    if name == "on_loan":
        return [item.code, item.title, item.location, item.borrowers]
    if name == "unexpected":
        return [item.code or item.payload, item.title, item.location, _(OUTCOMES[item.outcome])]
    return [item.code, item.title, item.location, f"{item.found}/{item.copies}"]


class StocktakePage(QWidget):
    def __init__(self, db, settings, window=None):
        super().__init__(window)
        self.db, self.settings = db, settings
        self.setObjectName("stocktakePage")
        self.current: st.Stocktake | None = None
        self.summary = None
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh_lists)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._start_face())
        self.stack.addWidget(self._count_face())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.stack)
        self.show_start()

    # --- the start face ---------------------------------------------------------------------------------
    def _start_face(self) -> QWidget:
        face = QWidget()
        self.scope_box = QComboBox()
        self.start_button = QPushButton(_("Start the stocktake"))
        self.start_button.clicked.connect(self.start)
        self.resume_button = QPushButton()
        self.resume_button.clicked.connect(self.resume)
        self.past = QTableWidget(0, 4)
        self.past.setHorizontalHeaderLabels([_("Started on"), _("Scope"), _("State"), _("Found / expected")])
        _plain_table(self.past)
        self.past.setColumnWidth(0, 170)
        report = QPushButton(_("Stocktake report…"))
        report.clicked.connect(self.write_report)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Count:")))
        row.addWidget(self.scope_box, 1)
        row.addWidget(self.start_button)
        layout = QVBoxLayout(face)
        intro = QLabel(_("Scan the label of every material on the shelf. The count is saved as you go: you can "
                         "pause and resume it at any time. Closing it marks what was not found as lost."))
        intro.setWordWrap(True)
        for widget in (intro, self.resume_button):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(QLabel(_("Past stocktakes:")))
        layout.addWidget(self.past, 1)
        layout.addWidget(report, 0, Qt.AlignmentFlag.AlignLeft)
        return face

    def show_start(self) -> None:
        self._refresh_timer.stop()
        self.current = None
        self.scope_box.clear()
        self.scope_box.addItem(_("The whole corner"), None)
        for location in locations(self.db):
            self.scope_box.addItem(location, location)
        running = st.open_stocktake(self.db)
        self.resume_button.setVisible(running is not None)
        self.start_button.setEnabled(running is None)
        if running is not None:
            self.resume_button.setText(tr("Resume the stocktake of {scope} (started {date})",
                                          scope=running.scope(), date=st.started_text(running)))
        self._fill_past()
        self.stack.setCurrentIndex(0)

    def _fill_past(self) -> None:
        takes = st.stocktakes(self.db)
        self.past.setRowCount(len(takes))
        for row, take in enumerate(takes):
            counts = st.closed_counts(self.db, take.id)
            state = _("In progress") if take.is_open else _("Closed")
            found = f"{counts['found']}/{counts['expected']}" if counts else ""
            for column, text in enumerate((st.started_text(take), take.scope(), state, found)):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, take.id)
                self.past.setItem(row, column, cell)
        if takes:
            self.past.selectRow(0)

    def start(self) -> None:
        try:
            self.open(actions.start_stocktake(self.db, self.scope_box.currentData()))
        except UserError as exc:
            messages.show_error(self, exc)

    def resume(self) -> None:
        running = st.open_stocktake(self.db)
        if running is not None:
            self.open(running)

    # --- the counting face -------------------------------------------------------------------------------
    def _count_face(self) -> QWidget:
        face = QWidget()
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.scan_entry = ScanEntry()
        self.scan_entry.submitted.connect(self.scanned)
        self.result_label = QLabel(_("Scan the first label."))
        self.result_label.setObjectName("stocktakeResult")
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("font-size: 13pt;")
        layout = QVBoxLayout(face)
        for widget in (self.title_label, self.scan_entry, self.result_label):
            layout.addWidget(widget)
        layout.addLayout(self._count_tiles())
        layout.addWidget(self._lists(), 1)
        layout.addLayout(self._count_buttons())
        QShortcut(QKeySequence.StandardKey.Undo, face, activated=self.undo_last)
        return face

    def _count_tiles(self) -> QGridLayout:
        grid = QGridLayout()
        self.count_labels = {}
        for column, (key, text) in enumerate(COUNTS):
            number = QLabel("0")
            number.setObjectName(f"count_{key}")
            number.setStyleSheet("font-size: 20pt; font-weight: bold;")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel(_(text))
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(number, 0, column)
            grid.addWidget(caption, 1, column)
            self.count_labels[key] = number
        return grid

    def _lists(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.log = QListWidget()
        self.tabs.addTab(self.log, _("Scanned"))
        self.tables = {}
        last = {"missing": "Copies missing", "on_loan": "Borrower", "unexpected": "Reason", "found": "Copies found"}
        for key, text in LISTS:
            table = QTableWidget(0, 4)
            table.setHorizontalHeaderLabels([_("Code"), _("Title"), _("Stored at"), _(last[key])])
            _plain_table(table)
            self.tables[key] = table
            self.tabs.addTab(table, _(text))
        return self.tabs

    def _count_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in ((_("Undo last scan (Ctrl+Z)"), self.undo_last), (_("Pause"), self.show_start),
                           (_("Stocktake report…"), self.write_report), (_("Close the stocktake…"), self.close_count)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.insertStretch(2, 1)
        return row

    def open(self, take: st.Stocktake) -> None:
        self.current = take
        self.title_label.setText(tr("Stocktake of {scope}, started {date}", scope=take.scope(),
                                    date=st.started_text(take)))
        self.result_label.setText(_("Scan the first label."))
        self.result_label.setStyleSheet("font-size: 13pt;")
        self.stack.setCurrentIndex(1)
        self.refresh_lists()
        self.scan_entry.setFocus()

    def scanned(self, text: str) -> None:
        if self.current is None:
            return
        try:
            result = actions.record_scan(self.db, text, self.current.id)
        except UserError as exc:
            self._say(str(exc), PROBLEM_STYLE)
            return
        self._say(result.message, STYLES.get(result.outcome, PROBLEM_STYLE))
        if result.is_problem:
            QApplication.beep()  # the clerk looks at the shelf, not the screen
        if result.recorded:
            self._refresh_timer.start()

    def hideEvent(self, event) -> None:
        if self._refresh_timer.isActive():
            self.refresh_lists()
        super().hideEvent(event)

    def _say(self, text: str, style: str) -> None:
        self.result_label.setStyleSheet("font-size: 13pt; " + style)
        self.result_label.setText(text)

    def refresh_lists(self) -> None:
        self._refresh_timer.stop()
        if self.current is None:
            return
        self.summary = st.summary(self.db, self.current.id)
        for key, number in self.summary.counts().items():
            self.count_labels[key].setText(f"{number:,}")
        for key, table in self.tables.items():
            _fill(table, [item_cells(key, item) for item in getattr(self.summary, key)])
        self.log.clear()
        for record in st.recent_scans(self.db, self.current.id):
            self.log.addItem(f"{record.code}  {_(OUTCOMES[record.outcome])}  {record.title}")

    def undo_last(self) -> None:
        if self.current is None:
            return
        try:
            undone = actions.undo_last_scan(self.db, self.current.id)
        except UserError as exc:
            self._say(str(exc), PROBLEM_STYLE)
            return
        if undone is not None:
            self._say(actions.undone_text(undone), "")
            self.refresh_lists()

    def close_count(self) -> None:
        if self.current is None:
            return
        self.refresh_lists()
        lost, fewer = st.close_preview(self.summary)
        text = tr("Close the stocktake of {scope}? {lost} materials of which no copy was found will be marked "
                  "as lost, and {fewer} will have their missing copies written off. The record is kept.",
                  scope=self.current.scope(), lost=lost, fewer=fewer)
        choices = [_("Close and mark as lost"), _("Close without changing the catalog"), _("Cancel")]
        answer = messages.choose(self, text, choices, _("Close the stocktake"))
        if answer == 2:
            return
        try:
            actions.close_stocktake(self.db, mark_lost=answer == 0, stocktake_id=self.current.id)
        except UserError as exc:
            messages.show_error(self, exc)
            return
        self.show_start()
        _refresh_catalog(self)

    def write_report(self) -> None:
        take_id = self.current.id if self.current else self._selected_past()
        if take_id is None:
            messages.show_warning(self, _("There is no stocktake yet."))
            return
        from lo_desktop.reports.actions import write_stocktake_report  # as ``stocktake report`` writes it
        from lo_desktop.ui.lending.lending_page import ask_docx_path

        path = ask_docx_path(self, _("Stocktake report.docx"))
        if path is None:
            return
        self.task = run_task(self, _("Writing the stocktake report"),
                             lambda progress: write_stocktake_report(self.db, take_id, path, progress),
                             output_path=path)

    def _selected_past(self) -> int | None:
        rows = self.past.selectionModel().selectedRows()
        return self.past.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None


def _plain_table(table: QTableWidget) -> None:
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setColumnWidth(1, 360)


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    """At most MAX_ROWS rows: a whole-corner count starts with everything missing; the report has all."""
    if len(rows) > MAX_ROWS:
        rows = rows[:MAX_ROWS] + [["…", tr("and {count} more (all are in the report)", count=len(rows) - MAX_ROWS)]]
    table.setUpdatesEnabled(False)
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(str(value)))
    table.setUpdatesEnabled(True)


def _refresh_catalog(widget: QWidget) -> None:
    pages = getattr(widget.window(), "_pages", {})
    if "catalog" in pages and hasattr(pages["catalog"], "refresh"):
        pages["catalog"].refresh()
