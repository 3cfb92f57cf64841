"""The Trash: deleted materials, restored one by one or emptied for good after a question."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout

from lo_desktop.core import catalog, search
from lo_desktop.i18n import _, tr
from lo_desktop.ui import messages
from lo_desktop.ui.catalog_table import CatalogTable
from lo_desktop.ui.material_model import MaterialTableModel


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
        self.empty_button = QPushButton(_("Empty trash…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._update()

    def _update(self) -> None:
        count = self.model.rowCount()
        self.note.setText(tr("{count} materials in the Trash. They are kept until you empty it.", count=count)
                          if count else _("The Trash is empty."))
        self.restore_button.setEnabled(count > 0)
        self.empty_button.setEnabled(count > 0)

    def restore_selected(self) -> int:
        ids = [self.model.id_at(row) for row in self.table.selected_rows()]
        for material_id in ids:
            catalog.restore_material(self.db, material_id)
        self._after_change(len(ids))
        return len(ids)

    def empty(self) -> int:
        count = self.model.rowCount()
        question = tr("Delete the {count} materials in the Trash for good? This cannot be undone.", count=count)
        if not count or not messages.confirm(self, question):
            return 0
        removed = catalog.empty_trash(self.db)
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
