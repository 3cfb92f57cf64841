"""The Reports menu: the indicator 4.1 report, a session memo and the catalog register, as Word files.

Each action asks what it needs (a fiscal year, a session, which materials), then where to save, and
writes the document off the window's thread through ``run_task`` (progress, Cancel, and an offer to
open the file) by the same function of reports/actions.py the ``report`` command calls. The worker
reads through a connection of its own, so the window stays usable.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout,
                               QInputDialog, QRadioButton, QVBoxLayout)

from lo_desktop.core.db import db_path, open_database
from lo_desktop.core.catalog.search import Query, count
from lo_desktop.core.thaidate import format_date, format_fiscal_year, today_fiscal_year
from lo_desktop.i18n import _, tr
from lo_desktop.reports import actions
from lo_desktop.core.errors import UserError
from lo_desktop.ui.common import messages
from lo_desktop.ui.common.date_edit import BuddhistDateEdit
from lo_desktop.ui.window.state import window_settings
from lo_desktop.ui.common.tasks import run_task

FOLDER_KEY = "reports/folder"


def install(window) -> None:
    menu = ReportsMenu(window)
    window.reports_menu = menu  # kept alive with the window
    for action in menu.actions:
        window.add_menu_action("reports", action)


class ReportsMenu:
    def __init__(self, window):
        self.window = window
        self.actions = [
            self._action(_("Indicator 4.1 report…"), "Ctrl+Shift+K", self.indicator_report),
            self._action(_("Exchange-session memo…"), "Ctrl+Shift+M", self.session_memo),
            self._action(_("Catalog register…"), "Ctrl+Shift+G", self.catalog_register),
        ]

    def _action(self, text: str, shortcut: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    # --- the three documents ------------------------------------------------------------------------
    def indicator_report(self):
        fy = self.ask_fiscal_year()
        path = fy and self.ask_path(tr("Indicator 4.1 FY {fy}.docx", fy=fy))
        if path:
            return self.start(_("Writing the indicator 4.1 report"), path,
                              lambda db, progress: actions.write_indicator_report(db, fy, path, progress))

    def session_memo(self):
        chosen = self.ask_memo()
        path = chosen and self.ask_path(tr("Memo on exchange session {id}.docx", id=chosen[0]))
        if path:
            session_id, memo_date = chosen
            return self.start(_("Writing the memo"), path,
                              lambda db, progress: actions.write_session_memo(db, session_id, path, progress,
                                                                              memo_date=memo_date))

    def catalog_register(self):
        choice = self.ask_register_options()
        path = choice and self.ask_path(_("Catalog register.docx"))
        if path:
            query, with_qr = choice
            return self.start(_("Writing the catalog register"), path,
                              lambda db, progress: actions.write_catalog_register(db, path, query, with_qr,
                                                                                  progress))

    # --- asking -------------------------------------------------------------------------------------
    def ask_fiscal_year(self) -> int | None:
        from lo_desktop.reports.indicator_report import report_years

        current = today_fiscal_year()
        years = report_years(self.window.db, current)
        labels = [format_fiscal_year(fy) for fy in years]
        label, ok = QInputDialog.getItem(self.window, _("Indicator 4.1 report"), _("Fiscal year:"), labels,
                                         years.index(current), False)
        return years[labels.index(label)] if ok else None

    def ask_memo(self) -> tuple[int, date] | None:
        """The session (newest first) and the memo's date (today unless the clerk changes it)."""
        from lo_desktop.core.indicator.sessions import list_sessions

        sessions = list(reversed(list_sessions(self.window.db)))
        if not sessions:
            messages.show_info(self.window, _("No exchange session is recorded yet."), _("Exchange-session memo"))
            return None
        dialog = MemoOptions(self.window, [(s.id, f"{format_date(s.held_on)} — {s.topic}") for s in sessions])
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.session.currentData(), dialog.memo_date.date_value() or date.today()

    def ask_register_options(self) -> tuple[Query, bool] | None:
        shown = self.catalog_query()
        dialog = RegisterOptions(self.window, count(self.window.db, Query()),
                                 count(self.window.db, shown) if shown else None)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return (shown if dialog.only_shown() else Query()), dialog.qr.isChecked()


    def catalog_query(self) -> Query | None:
        """The search and filters of the catalog page when they narrow the list, else None."""
        try:
            query = self.window.page("catalog").query()
        except Exception:  # noqa: BLE001 - no catalog page (a test window): the whole catalog
            return None
        return query if (query.text.strip() or query.filters) else None

    def ask_path(self, name: str) -> Path | None:
        state = window_settings()
        folder = Path(str(state.value(FOLDER_KEY, "") or Path.home()))
        chosen, _filter = QFileDialog.getSaveFileName(self.window, _("Save the Word document"), str(folder / name),
                                                      _("Word documents (*.docx)"))
        if not chosen:
            return None
        from lo_desktop.reports.docx_base import docx_path  # python-docx loads only when a report is made

        try:
            path = docx_path(chosen)
        except UserError as exc:  # a name like "r.pdf": said, and nothing written
            messages.show_error(self.window, exc)
            return None
        state.setValue(FOLDER_KEY, str(path.parent))
        return path

    # --- running ------------------------------------------------------------------------------------
    def start(self, title: str, path: Path, write):
        """Run ``write(db, progress)`` (one of reports/actions.py, as the command line calls it) off the
        window's thread, on a connection of its own."""
        source = db_path(self.window.db)

        def work(progress):
            db = open_database(source) if source else self.window.db
            try:
                return write(db, progress)
            finally:
                if source:
                    db.close()
        return run_task(self.window, title, work, output_path=path)


class MemoOptions(QDialog):
    """Which session the memo reports, and the date it bears (a memo is often written days later)."""

    def __init__(self, parent, sessions: list[tuple[int, str]]):
        super().__init__(parent)
        self.setWindowTitle(_("Exchange-session memo"))
        self.session = QComboBox()
        for session_id, label in sessions:
            self.session.addItem(label, session_id)
        self.memo_date = BuddhistDateEdit(self, "full")
        self.memo_date.set_date_value(date.today())
        buttons = messages.dialog_buttons(self, "Ok", "Cancel")
        form = QFormLayout(self)
        form.addRow(_("Session:"), self.session)
        form.addRow(_("Date of the memo:"), self.memo_date)
        form.addRow(buttons)


class RegisterOptions(QDialog):
    """All materials or just those the catalog shows now; with or without small QR codes."""

    def __init__(self, parent, total: int, shown: int | None):
        super().__init__(parent)
        self.setWindowTitle(_("Catalog register"))
        self.all = QRadioButton(tr("All materials ({count})", count=f"{total:,}"))
        self.shown = QRadioButton(tr("The materials the catalog shows now ({count})", count=f"{shown or 0:,}"))
        self.shown.setEnabled(shown is not None)
        (self.shown if shown is not None else self.all).setChecked(True)
        self.qr = QCheckBox(_("Add a small QR code to each row"))
        buttons = messages.dialog_buttons(self, "Ok", "Cancel")
        layout = QVBoxLayout(self)
        for widget in (self.all, self.shown, self.qr, buttons):
            layout.addWidget(widget)

    def only_shown(self) -> bool:
        return self.shown.isEnabled() and self.shown.isChecked()
