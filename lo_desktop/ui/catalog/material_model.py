"""The catalog table: a lazy model over the ordered ids of a search.

Sorting happens in SQL; rows are read from the database a block at a time when the view asks for them,
so 100,000 materials open and scroll as fast as 100.
"""
from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from lo_desktop.core.catalog import search
from lo_desktop.core import vocab
from lo_desktop.core.records import Material
from lo_desktop.core.thaidate import format_stamp
from lo_desktop.i18n import _

# (key, English header, SQL sort column)
COLUMNS = (
    ("code", "Code", "code"),
    ("title", "Title", "title"),
    ("kind", "Kind", "kind"),
    ("source", "Knowledge source", "source"),
    ("format", "Format", "format"),
    ("status", "Status", "status"),
    ("location", "Location", "location"),
    ("year", "Year", "year"),
    ("fiscal_year", "Fiscal year", "fiscal_year"),
    ("author", "Author", "author"),
    ("updated", "Updated", "updated_at"),
)
VOCABULARY_COLUMNS = {"kind", "source", "format", "status"}
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def display_value(material: Material, key: str) -> str:
    """The text of one cell: vocabulary keys as words, years and dates Buddhist Era."""
    if key in VOCABULARY_COLUMNS:
        return vocab.word(key, getattr(material, key))
    if key == "updated":
        return format_stamp(material.updated_at, "short")
    value = getattr(material, key)
    return "" if value is None else str(value)


class MaterialTableModel(QAbstractTableModel):
    """Rows of one search result, read on demand.

    Cached state, all of it replaced together inside beginResetModel/endResetModel:
    - ``_query``, ``_order_by``, ``_descending``: what is shown and in which order;
    - ``_ids``: every matching id in display order (one int per row, ~8 MB at 100,000 rows at most);
    - ``_cache``: id → Material for at most ``CACHE_LIMIT`` rows, least recently fetched first; filled
      ``BLOCK`` rows at a time around the row the view asks for, emptied by every reset.
    ``fetched`` counts rows read from the database since the last reset (tests check laziness with it).
    """

    BLOCK = 100
    CACHE_LIMIT = 1000

    def __init__(self, db, query: search.Query | None = None, parent=None):
        super().__init__(parent)
        self._db = db
        self._query = query or search.Query()
        self._order_by, self._descending = "code", False
        self._ids: list[int] = []
        self._cache: OrderedDict[int, Material] = OrderedDict()
        self.fetched = 0
        self._load_ids()

    # --- what is shown -------------------------------------------------------------------------
    @property
    def query(self) -> search.Query:
        return self._query

    def set_query(self, query: search.Query) -> None:
        self._reset(lambda: setattr(self, "_query", query))

    def show_ids(self, query: search.Query, ids: list[int]) -> None:
        """Show a result computed elsewhere (the search worker) for ``query`` in the current order."""
        def change():
            self._query = query
        self._reset(change, ids)

    def refresh(self) -> None:
        """Read the result again (after an edit, a delete, another window's change)."""
        self._reset(lambda: None)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        if (COLUMNS[column][2], order == Qt.SortOrder.DescendingOrder) == self.sort_state():
            return  # the view asks again when sorting is switched on; the rows are already in this order
        def change():
            self._order_by = COLUMNS[column][2]
            self._descending = order == Qt.SortOrder.DescendingOrder
        self._reset(change)

    def _reset(self, change, ids: list[int] | None = None) -> None:
        self.beginResetModel()
        change()
        self._load_ids(ids)
        self.endResetModel()

    def _load_ids(self, ids: list[int] | None = None) -> None:
        if ids is None:
            ids = search.search_ids(self._db, self._query, self._order_by, self._descending)
        self._ids = ids
        self._cache.clear()
        self.fetched = 0

    # --- rows ------------------------------------------------------------------------------------
    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, material_id: int) -> int | None:
        try:
            return self._ids.index(material_id)
        except ValueError:
            return None

    def material_at(self, row: int) -> Material | None:
        material_id = self.id_at(row)
        if material_id is None:
            return None
        if material_id not in self._cache:
            self._fetch_block(row)
        self._cache.move_to_end(material_id)
        return self._cache[material_id]

    def _fetch_block(self, row: int) -> None:
        start = row - row % self.BLOCK
        wanted = [i for i in self._ids[start:start + self.BLOCK] if i not in self._cache]
        rows = search.fetch_by_ids(self._db, wanted)
        for material_id in wanted:
            # A row deleted by someone else meanwhile stays visible as an empty record until refresh.
            self._cache[material_id] = rows.get(material_id) or Material(id=material_id)
        self.fetched += len(wanted)
        while len(self._cache) > self.CACHE_LIMIT:
            self._cache.popitem(last=False)

    def cached_count(self) -> int:
        return len(self._cache)

    # --- Qt model interface ----------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == ID_ROLE:
            return self.id_at(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            material = self.material_at(index.row())
            return display_value(material, COLUMNS[index.column()][0])
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[index.column()][0] in ("year", "fiscal_year"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section][1])
        return None

    def sort_state(self) -> tuple[str, bool]:
        return self._order_by, self._descending
