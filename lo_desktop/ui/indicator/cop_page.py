"""Communities of practice: the list, and for the chosen one its name, members and the materials it made."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget)

from lo_desktop.core.indicator.communities import Community, get_community, list_communities
from lo_desktop.core.errors import UserError
from lo_desktop.core.indicator.actions import delete_community_of_practice, save_community_of_practice
from lo_desktop.i18n import _, tr
from lo_desktop.ui.common import messages
from lo_desktop.ui.common.material_picker import MaterialPicker, open_material


class CommunitiesPage(QWidget):
    def __init__(self, db, settings, window=None):
        super().__init__()
        self.db, self.settings, self.main_window = db, settings, window
        self.current: Community | None = None
        self.list = QListWidget()
        self.list.setObjectName("communityList")
        self.list.currentItemChanged.connect(lambda item, _prev: self._show(item))
        self.name = QLineEdit()
        self.members = QPlainTextEdit()
        self.members.setPlaceholderText(_("One member per line"))
        self.members.setTabChangesFocus(True)
        self.picker = MaterialPicker(db)
        self.picker.open_requested.connect(lambda mid: open_material(self.main_window, mid))
        self._layout()
        self.refresh()

    def _layout(self) -> None:
        new, save, delete = QPushButton(_("New community")), QPushButton(_("Save")), QPushButton(_("Delete"))
        new.clicked.connect(self.new_community)
        save.clicked.connect(self.save)
        save.setShortcut("Ctrl+S")
        delete.clicked.connect(self.delete)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(new)
        form = QFormLayout()
        form.addRow(_("Name *"), self.name)
        form.addRow(_("Members"), self.members)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(delete)
        buttons.addWidget(save)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.picker, 1)
        right.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(_widget(left))
        splitter.addWidget(_widget(right))
        splitter.setSizes([320, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def refresh(self, select_id: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for c in list_communities(self.db):
            item = QListWidgetItem(tr("{name} ({count} materials)", name=c.name, count=len(c.material_ids)))
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(item)
            if c.id == select_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._show(self.list.currentItem())

    def _show(self, item) -> None:
        community = get_community(self.db, item.data(Qt.ItemDataRole.UserRole)) if item else None
        self.current = community or Community("")
        self.name.setText(self.current.name)
        self.members.setPlainText("\n".join(self.current.members))
        self.picker.set_ids(self.current.material_ids)

    def new_community(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self._show(None)
        self.name.setFocus()

    def community_from_form(self) -> Community:
        return Community(self.name.text(), self.members.toPlainText().splitlines(), self.picker.ids(),
                         self.current.id if self.current else None, self.current.uid if self.current else "")

    def save(self) -> None:
        try:
            saved = save_community_of_practice(self.db, self.community_from_form())
        except UserError as exc:
            messages.show_error(self, exc)
            return
        self.refresh(saved.id)

    def delete(self) -> None:
        if self.current and self.current.id and messages.confirm(
                self, tr("Delete the community “{name}”? Its materials stay in the catalog.", name=self.current.name)):
            try:
                delete_community_of_practice(self.db, self.current.id)
            except UserError as exc:  # another window deleted it meanwhile
                messages.show_error(self, exc)
            self.refresh()


def _widget(layout) -> QWidget:
    widget = QWidget()
    widget.setLayout(layout)
    return widget
