"""The exchange sessions page: the list by date (per fiscal year), a preview with photos, and the editor."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QTextBrowser, QVBoxLayout,
                               QWidget)

from lo_desktop.core.errors import UserError
from lo_desktop.core.indicator.actions import restore_exchange_session, trash_exchange_session
from lo_desktop.core.indicator.sessions import get_session, list_sessions, session_materials
from lo_desktop.core import vocab
from lo_desktop.core.thaidate import fiscal_year, format_date, format_fiscal_year, today_fiscal_year
from lo_desktop.i18n import _, tr
from lo_desktop.ui.common import messages
from lo_desktop.ui.common.history_widget import HistoryWidget
from lo_desktop.ui.indicator.session_dialog import SessionDialog
from lo_desktop.ui.indicator.session_widgets import PhotoStrip
from lo_desktop.ui.common.tables import read_only_table

COLUMNS = ("Date", "Topic", "Partners", "Format", "People", "Photos", "Stored materials")
ALL_YEARS = 0


class SessionsPage(QWidget):
    def __init__(self, db, settings, window=None):
        super().__init__()
        self.db, self.settings, self.main_window = db, settings, window
        self.sessions = []
        self._build()
        self.refresh()

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        self.year = QComboBox()
        self.year.currentIndexChanged.connect(lambda _i: self._fill_table())
        self.trash = QCheckBox(_("Trash"))
        self.trash.toggled.connect(lambda _on: self.refresh())
        self.new_button, self.edit_button = QPushButton(_("New session…")), QPushButton(_("Edit…"))
        self.delete_button = QPushButton(_("Move to Trash"))
        self.new_button.clicked.connect(self.new_session)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_or_restore)
        bar = QHBoxLayout()
        for widget in (QLabel(_("Fiscal year:")), self.year, self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.trash)
        self.table = self._make_table()
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.anchorClicked.connect(self._open_link)
        self.strip = PhotoStrip(self.db)
        self.strip.list.setEditTriggers(self.strip.list.EditTrigger.NoEditTriggers)
        for button in self.strip.findChildren(QPushButton):
            button.hide()
        # The session's history beside its preview: what a save changed, down to one participant.
        self.history = HistoryWidget(self.db, "session")
        self.preview_tabs = QTabWidget()
        self.preview_tabs.addTab(self.preview, _("Details"))
        self.preview_tabs.addTab(self.history, _("History of changes"))
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.preview_tabs)
        right.addWidget(self.strip)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(right)
        self.splitter.setSizes([700, 500])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self._shortcuts()

    def _make_table(self) -> QTableWidget:
        table = read_only_table(COLUMNS, stretch=1, name="sessionsTable")
        table.itemSelectionChanged.connect(self._show_current)
        table.itemActivated.connect(lambda _item: self.edit_current())
        return table

    def _shortcuts(self) -> None:
        # Enter is the table's own "activated" (see _make_table), so it is not bound twice.
        for keys, slot in ((QKeySequence.StandardKey.New, self.new_session),
                           (QKeySequence.StandardKey.Delete, self.delete_or_restore)):
            action = QAction(self)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, s=slot: s())
            self.addAction(action)

    # ------------------------------------------------------------ filling
    def refresh(self, select_id: int | None = None) -> None:
        self.sessions = list_sessions(self.db, trash=self.trash.isChecked())
        self.delete_button.setText(_("Restore") if self.trash.isChecked() else _("Move to Trash"))
        self._fill_years()
        self._fill_table(select_id)

    def _fill_years(self) -> None:
        chosen = self.year.currentData()
        years = sorted({fiscal_year(s.held_on) for s in self.sessions} | {today_fiscal_year()}, reverse=True)
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(_("All years"), ALL_YEARS)
        for fy in years:
            self.year.addItem(format_fiscal_year(fy), fy)
        self.year.setCurrentIndex(max(0, self.year.findData(chosen)) if chosen is not None else 0)
        self.year.blockSignals(False)

    def shown_sessions(self) -> list:
        fy = self.year.currentData()
        return [s for s in self.sessions if not fy or fiscal_year(s.held_on) == fy]

    def _fill_table(self, select_id: int | None = None) -> None:
        shown = self.shown_sessions()
        self.table.setRowCount(len(shown))
        for row, s in enumerate(shown):
            stored = len(session_materials(self.db, s.id))
            values = (format_date(s.held_on, "short"), s.topic, ", ".join(s.partners), vocab.word("session_format", s.format),
                      str(s.total_headcount()), str(len(s.photos)),
                      tr("✓ {count}", count=stored) if stored else _("✗ none yet"))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, s.id)
                if column == 6 and not stored:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        ids = [s.id for s in shown]
        self.table.selectRow(ids.index(select_id) if select_id in ids else 0)
        self._show_current()

    def current_id(self) -> int | None:
        item = self.table.item(self.table.currentRow(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _show_current(self) -> None:
        session = get_session(self.db, self.current_id()) if self.current_id() else None
        self.edit_button.setEnabled(session is not None and not self.trash.isChecked())
        self.delete_button.setEnabled(session is not None)
        self.history.show_record("session", session.id if session else None)
        if session is None:
            self.preview.setHtml(f"<p style='color:#707070'>{_('No exchange session yet. Press “New session…”.')}</p>")
            self.strip.set_photos([])
            return
        from lo_desktop.ui.indicator.session_preview import preview_html

        self.preview.setHtml(preview_html(session, session_materials(self.db, session.id)))
        self.strip.set_photos(session.photos)

    def _open_link(self, url) -> None:
        from lo_desktop.ui.common.material_picker import open_material

        if url.scheme() == "material":
            open_material(self.main_window, int(url.path()))

    # ------------------------------------------------------------ actions
    def new_session(self) -> None:
        self._edit(None)

    def edit_current(self) -> None:
        if self.current_id() and not self.trash.isChecked():
            self.open_session(self.current_id())

    def open_session(self, session_id: int | None) -> None:
        """Open the editor of a session (None: a new one); the dashboard's gap buttons come here."""
        if session_id is not None and self.trash.isChecked():
            self.trash.setChecked(False)
        self._edit(get_session(self.db, session_id) if session_id else None)

    def _edit(self, session) -> None:
        dialog = SessionDialog(self.db, self.settings, session, self, self.main_window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved:
            self.refresh(dialog.saved.id)

    def delete_or_restore(self) -> None:
        session_id = self.current_id()
        if session_id is None:
            return
        try:
            if self.trash.isChecked():
                restore_exchange_session(self.db, session_id)
            elif messages.confirm(self, _("Move this exchange session to the Trash? It stops counting for the "
                                          "indicator until it is restored.")):
                trash_exchange_session(self.db, session_id)
        except UserError as exc:  # another window changed it meanwhile
            messages.show_error(self, exc)
        self.refresh()
