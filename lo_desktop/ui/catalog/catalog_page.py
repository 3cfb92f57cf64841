"""The catalog page: search box, filter panel, the lazy table and the detail pane of the selection.

Typing in the search box waits ``DEBOUNCE_MS`` for the clerk to pause, then asks the search worker
(a thread with its own connection); the answer replaces the table's ids and the filter counts at once,
so the window never waits for SQLite while the clerk types. A database in memory is searched in place.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core.catalog import search
from lo_desktop.core.db import db_path
from lo_desktop.core.records import Material
from lo_desktop.i18n import _
from lo_desktop.ui.catalog.catalog_table import CatalogTable
from lo_desktop.ui.catalog.detail_pane import DetailPane
from lo_desktop.ui.catalog.filter_panel import FilterPanel
from lo_desktop.ui.catalog.material_model import MaterialTableModel
from lo_desktop.core.catalog.keystroke import SearchResult, compute
from lo_desktop.ui.catalog.search_worker import SearchWorker
from lo_desktop.ui.window.state import window_settings

DEBOUNCE_MS = 200
SPLITTER_KEY = "catalog/splitter"


class CatalogPage(QWidget):
    """Emits ``counts_changed(shown, total)`` when the table changes, ``search_done`` once the filter counts
    of a search are shown too, and ``activated`` on double-click."""

    counts_changed = Signal(int, int)
    search_done = Signal()
    activated = Signal()

    def __init__(self, db, settings, window=None):
        super().__init__(window)
        self.db, self.settings = db, settings
        self.setObjectName("catalogPage")
        self.model = MaterialTableModel(db, parent=self)
        self.search_box = self._search_box()
        self.filters = FilterPanel()
        self.filters.changed.connect(lambda _filters: self.apply_search())
        self.table = CatalogTable(self.model, "catalog/header")
        self.table.doubleClicked.connect(lambda _index: self.activated.emit())
        self.detail = DetailPane(db, settings)
        self.empty_hint = QLabel(_("This corner holds no material yet. Add the first one with Ctrl+N, or bring in "
                                   "the register you keep in Excel with File ▸ Import…"))
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setVisible(False)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_search)
        self.model.modelReset.connect(self._after_reset)
        self._total = 0
        path = db_path(db)
        self.worker = SearchWorker(path, self) if path else None
        if self.worker is not None:
            self.worker.answered.connect(self._show_answer)
        self.table.selectionModel().currentRowChanged.connect(lambda *_args: self._show_current())
        self._layout()
        self._update_counts()
        QWidget.setTabOrder(self.search_box, self.filters.combos()[0])
        QWidget.setTabOrder(self.filters.clear_button, self.table)
        QWidget.setTabOrder(self.table, self.detail)

    def _search_box(self) -> QLineEdit:
        box = QLineEdit()
        box.setObjectName("searchBox")
        box.setPlaceholderText(_("Search code, title, author, topic, tags… (Ctrl+F)"))
        box.setClearButtonEnabled(True)
        box.textEdited.connect(lambda _text: self._debounce.start())
        box.returnPressed.connect(self._search_now)
        return box

    def _layout(self) -> None:
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Search:")))
        row.addWidget(self.search_box, 1)
        column.addLayout(row)
        column.addWidget(self.empty_hint)
        column.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("catalogSplitter")
        for widget, stretch in ((self.filters, 0), (centre, 1), (self.detail, 0)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self.splitter.setChildrenCollapsible(False)
        state = window_settings().value(SPLITTER_KEY)
        self._first_layout = not isinstance(state, QByteArray)
        if not self._first_layout:
            self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(self._keep_clerks_widths)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.splitter)

    # --- searching ---------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._first_layout and self.splitter.width() > 0:
            self._share_width()

    def _share_width(self) -> None:
        """First start: the table takes most of the width whatever the screen or scaling (on a small
        laptop at 150 % fixed pixel sizes for the side panes left the table a sliver)."""
        width = self.splitter.width()
        filters = min(220, max(self.filters.minimumSizeHint().width(), width // 6))
        detail = max(self.detail.minimumSizeHint().width(), min(340, width // 4))
        self.splitter.setSizes([filters, max(0, width - filters - detail), detail])

    def _keep_clerks_widths(self, *_moved) -> None:
        self._first_layout = False  # the clerk chose; her widths are remembered from now on

    def query(self) -> search.Query:
        return search.Query(self.search_box.text(), self.filters.filters())

    def _search_now(self) -> None:
        self._debounce.stop()
        self.apply_search()

    def apply_search(self) -> None:
        """Search for what the box and the filters say; the answer arrives from the worker."""
        self._debounce.stop()
        self._ask(self.query(), want_ids=True)

    def show_everything(self) -> None:
        """Every material, the search box and the filters cleared (a "go to fix" must not land in an old search)."""
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.filters.blockSignals(True)
        self.filters.clear()
        self.filters.blockSignals(False)
        self.apply_search_now()

    def apply_search_now(self) -> None:
        """The same, waiting for the answer (the scanner must select a row of the new result)."""
        self._debounce.stop()
        self.model.set_query(self.query())
        self._update_counts()

    def refresh(self) -> None:
        """Read everything again, keeping the selected material selected (F5, after a change)."""
        self.model.refresh()
        self._update_counts()

    def _update_counts(self) -> None:
        self._ask(self.model.query, want_ids=False)

    def _ask(self, query: search.Query, want_ids: bool) -> None:
        order_by, descending = self.model.sort_state()
        if self.worker is not None:
            self.worker.request(query, order_by, descending, want_ids)
        else:
            self._show_answer(compute(self.db, 0, query, order_by, descending, want_ids))

    def _show_answer(self, result: SearchResult) -> None:
        if self.worker is not None and result.serial != self.worker.latest:
            return  # the clerk has typed on since
        if result.ids is not None:
            if (result.order_by, result.descending) != self.model.sort_state():
                self._ask(result.query, want_ids=True)  # re-sorted meanwhile
                return
            self.model.show_ids(result.query, result.ids)
        if result.facets is not None:
            self.filters.show_counts(result.facets, result.query)
            self._total = result.total
            self.empty_hint.setVisible(self._total == 0)  # a new corner says where to start
        self.counts_changed.emit(self.model.rowCount(), self._total)
        if result.facets is not None:
            self.search_done.emit()

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    # --- selection -----------------------------------------------------------------------------------
    def _after_reset(self) -> None:
        material = self.detail.material()
        row = self.model.row_of(material.id) if material else None
        if row is not None:
            self.select_row(row)
        else:
            self.detail.show_material(None)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, self.table.selectionModel().SelectionFlag.ClearAndSelect
            | self.table.selectionModel().SelectionFlag.Rows)
        self.table.scrollTo(index)
        self._show_current()

    def _show_current(self) -> None:
        material_id = self.model.id_at(self.table.currentIndex().row())
        fresh = catalog.get_material_by_id(self.db, material_id) if material_id is not None else None
        self.detail.set_search_text(self.model.query.text)
        self.detail.show_material(fresh)

    def current_material(self) -> Material | None:
        return self.detail.material()

    def selected_materials(self) -> list[Material]:
        rows = self.table.selected_rows() or ([self.table.currentIndex().row()]
                                              if self.table.currentIndex().isValid() else [])
        return [m for m in (self.model.material_at(r) for r in rows) if m is not None and m.code]

    def show_material_id(self, material_id: int) -> bool:
        """Select a material, clearing the search and filters when they hide it."""
        if self.model.row_of(material_id) is None:
            self.search_box.clear()
            self.filters.blockSignals(True)
            self.filters.clear()
            self.filters.blockSignals(False)
            self.apply_search_now()
        row = self.model.row_of(material_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def shutdown(self) -> None:
        self._debounce.stop()
        if self.worker is not None:
            self.worker.stop()

    def save_state(self) -> None:
        self.table.save_state()
        window_settings().setValue(SPLITTER_KEY, self.splitter.saveState())
