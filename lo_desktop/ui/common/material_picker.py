"""Link catalog materials to a record (a session, a community): find by any fragment, add, remove, open."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout, QWidget)

from lo_desktop.core.catalog.search import Query, fetch_by_ids, search
from lo_desktop.core.vocab import word
from lo_desktop.i18n import _

RESULTS_SHOWN = 50


def material_text(m) -> str:
    return f"{m.code}  {m.title}  ·  {word('source', m.source)}"


def open_material(window, material_id: int) -> None:
    """Show a material in the main window: its own method when it has one, else the catalog page."""
    if window is None:
        return
    if hasattr(window, "open_material"):
        window.open_material(material_id)
    elif hasattr(window, "show_page"):
        window.show_page("catalog").show_material_id(material_id)


class MaterialPicker(QWidget):
    changed = Signal()
    open_requested = Signal(int)

    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.linked = QListWidget()
        self.linked.setObjectName("linkedMaterials")
        self.linked.itemDoubleClicked.connect(lambda item: self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(_("Find a material by code or any word of its title…"))
        self.search_box.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.itemDoubleClicked.connect(lambda _item: self.add_selected())
        self._timer = QTimer(self, singleShot=True, interval=250, timeout=self._search)
        self.search_box.textChanged.connect(lambda _t: self._timer.start())
        self.search_box.returnPressed.connect(self._search)
        self._layout()
        self._search()

    def _layout(self) -> None:
        add, remove, show = (QPushButton(_("Link ↑")), QPushButton(_("Unlink")), QPushButton(_("Open")))
        add.clicked.connect(self.add_selected)
        remove.clicked.connect(self.remove_selected)
        show.clicked.connect(self._open_current)
        buttons = QHBoxLayout()
        for button in (add, remove, show):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Linked materials (stored in the learning corner):")))
        layout.addWidget(self.linked, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.search_box)
        layout.addWidget(self.results, 3)

    def _search(self) -> None:
        self.results.clear()
        for m in search(self.db, Query(text=self.search_box.text()), order_by="updated_at", descending=True,
                        limit=RESULTS_SHOWN):
            self.results.addItem(self._item(m))

    @staticmethod
    def _item(m) -> QListWidgetItem:
        item = QListWidgetItem(material_text(m))
        item.setData(Qt.ItemDataRole.UserRole, m.id)
        item.setToolTip(m.title)
        return item

    def ids(self) -> list[int]:
        return [self.linked.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.linked.count())]

    def set_ids(self, ids: list[int]) -> None:
        self.linked.clear()
        found = fetch_by_ids(self.db, list(ids))
        for material_id in ids:
            if material_id in found:
                self.linked.addItem(self._item(found[material_id]))

    def add_selected(self) -> None:
        have = set(self.ids())
        for item in self.results.selectedItems() or [self.results.currentItem()]:
            if item is not None and item.data(Qt.ItemDataRole.UserRole) not in have:
                self.linked.addItem(item.clone())
        self.changed.emit()

    def remove_selected(self) -> None:
        for item in self.linked.selectedItems():
            self.linked.takeItem(self.linked.row(item))
        self.changed.emit()

    def _open_current(self) -> None:
        item = self.linked.currentItem()
        if item is not None:
            self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole))
