"""The catalog page: search box, filter panel, the lazy table and the detail pane of the selection.

Typing in the search box waits ``DEBOUNCE_MS`` for the clerk to pause, then searches once; the filter
counts follow in the next turn of the event loop so the table answers first.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from lo_desktop.core import catalog, search
from lo_desktop.core.records import Material
from lo_desktop.i18n import _
from lo_desktop.ui.catalog_table import CatalogTable
from lo_desktop.ui.detail_pane import DetailPane
from lo_desktop.ui.filter_panel import FilterPanel
from lo_desktop.ui.material_model import MaterialTableModel
from lo_desktop.ui.state import window_settings

DEBOUNCE_MS = 200
SPLITTER_KEY = "catalog/splitter"


class CatalogPage(QWidget):
    """Emits ``counts_changed(shown, total)`` after every search and ``activated`` on double-click."""

    counts_changed = Signal(int, int)
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
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_search)
        self.model.modelReset.connect(self._after_reset)
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
        column.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("catalogSplitter")
        for widget, stretch in ((self.filters, 0), (centre, 1), (self.detail, 0)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self.splitter.setSizes([210, 760, 340])
        self.splitter.setChildrenCollapsible(False)
        state = window_settings().value(SPLITTER_KEY)
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.splitter)

    # --- searching ---------------------------------------------------------------------------------
    def query(self) -> search.Query:
        return search.Query(self.search_box.text(), self.filters.filters())

    def _search_now(self) -> None:
        self._debounce.stop()
        self.apply_search()

    def apply_search(self) -> None:
        self._debounce.stop()
        self.model.set_query(self.query())
        QTimer.singleShot(0, self._update_counts)

    def refresh(self) -> None:
        """Read everything again, keeping the selected material selected (F5, after a change)."""
        self.model.refresh()
        self._update_counts()

    def _update_counts(self) -> None:
        self.filters.update_counts(self.db, self.model.query)
        self.counts_changed.emit(self.model.rowCount(), search.count(self.db, search.Query()))

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
            self.apply_search()
        row = self.model.row_of(material_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def save_state(self) -> None:
        self.table.save_state()
        window_settings().setValue(SPLITTER_KEY, self.splitter.saveState())
