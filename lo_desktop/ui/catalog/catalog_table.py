"""The catalog's table view: fixed-height rows, SQL sorting by header click, columns the clerk chooses.

Which columns are shown, their widths, order and the sort are remembered between sessions.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView

from lo_desktop.i18n import _
from lo_desktop.ui.catalog.material_model import COLUMNS
from lo_desktop.ui.window.state import window_settings

DEFAULT_WIDTHS = {"code": 84, "title": 300, "kind": 120, "source": 120, "format": 90, "status": 96,
                  "location": 84, "year": 62, "fiscal_year": 86, "author": 160, "updated": 100}
DEFAULT_HIDDEN = {"format", "author"}
ALWAYS_SHOWN = {"code", "title"}


class CatalogTable(QTableView):
    def __init__(self, model, state_key: str, parent=None):
        super().__init__(parent)
        self._state_key = state_key
        self.setObjectName("catalogTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in every Windows list
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        self._setup_header()

    def _setup_header(self) -> None:
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for section, (key, _header, _sort) in enumerate(COLUMNS):
            header.resizeSection(section, DEFAULT_WIDTHS.get(key, 100))
            header.setSectionHidden(section, key in DEFAULT_HIDDEN)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.restore_state()
        self.setSortingEnabled(True)

    def _column_menu(self, pos) -> None:
        self.column_menu().exec(self.horizontalHeader().mapToGlobal(pos))

    def column_menu(self) -> QMenu:
        menu = QMenu(_("Columns"), self)
        header = self.horizontalHeader()
        for section, (key, title, _sort) in enumerate(COLUMNS):
            action = menu.addAction(_(title))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(section))
            action.setEnabled(key not in ALWAYS_SHOWN)
            action.toggled.connect(lambda shown, s=section: self.set_column_shown(s, shown))
        return menu

    def set_column_shown(self, section: int, shown: bool) -> None:
        self.horizontalHeader().setSectionHidden(section, not shown)
        if shown and self.horizontalHeader().sectionSize(section) < 20:
            self.horizontalHeader().resizeSection(section, DEFAULT_WIDTHS.get(COLUMNS[section][0], 100))

    def save_state(self) -> None:
        window_settings().setValue(self._state_key, self.horizontalHeader().saveState())

    def restore_state(self) -> None:
        state = window_settings().value(self._state_key)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.horizontalHeader().restoreState(state)

    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.selectionModel().selectedRows())
