"""The Trash: deleted materials, restored, deleted for good one by one or all at once after a question.

The changes are catalog_actions.restore_materials / purge_materials / empty_trash, the actions of the
command line's ``restore-material``, ``purge`` and ``empty-trash``: deleting for good backs up first.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout

from lo_desktop.core.catalog import actions as catalog_actions
from lo_desktop.core.catalog import search
from lo_desktop.core.errors import UserError
from lo_desktop.i18n import _, tr
from lo_desktop.ui.common import messages
from lo_desktop.ui.catalog.catalog_table import CatalogTable
from lo_desktop.ui.catalog.material_model import MaterialTableModel


class TrashDialog(QDialog):
    """Emits ``changed`` whenever a material leaves the Trash (restored or deleted for good)."""

    changed = Signal()

    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(_("Trash"))
        self.resize(900, 520)
        self.model = MaterialTableModel(db, search.Query(deleted=True), self)
        self.table = CatalogTable(self.model, "trash/header")
        self.note = QLabel()
        self.restore_button = QPushButton(_("Restore"))
        self.purge_button = QPushButton(_("Delete for good…"))
        self.empty_button = QPushButton(_("Empty trash…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        self.empty_button.clicked.connect(self.empty)
        buttons = messages.dialog_buttons(self, "Close")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.purge_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._update()

    def _update(self) -> None:
        count = self.model.rowCount()
        self.note.setText(tr("{count} materials in the Trash. They are kept until you empty it.", count=count)
                          if count else _("The Trash is empty."))
        for button in (self.restore_button, self.purge_button, self.empty_button):
            button.setEnabled(count > 0)

    def _selected_ids(self) -> list[int]:
        return [self.model.id_at(row) for row in self.table.selected_rows()]

    def restore_selected(self) -> int:
        restored = catalog_actions.restore_materials(self.db, self._selected_ids())
        self._after_change(restored)
        return restored

    def purge_selected(self) -> int:
        ids = self._selected_ids()
        question = tr("Delete the {count} selected materials for good? This cannot be undone.", count=len(ids))
        if not ids or not messages.confirm(self, question):
            return 0
        return self._purge(lambda: catalog_actions.purge_materials(self.db, ids))

    def empty(self) -> int:
        count = self.model.rowCount()
        question = tr("Delete the {count} materials in the Trash for good? This cannot be undone.", count=count)
        if not count or not messages.confirm(self, question):
            return 0
        return self._purge(lambda: catalog_actions.empty_trash(self.db))

    def _purge(self, action) -> int:
        try:
            removed = action()
        except UserError as exc:  # the backup before it could not be written: nothing was deleted
            messages.show_error(self, exc)
            return 0
        self._after_change(removed)
        return removed

    def _after_change(self, count: int) -> None:
        self.model.refresh()
        self._update()
        if count:
            self.changed.emit()

    def done(self, result: int) -> None:
        self.table.save_state()
        super().done(result)
