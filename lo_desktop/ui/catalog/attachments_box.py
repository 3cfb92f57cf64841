"""The attachments of one material in the detail pane: list, open, add (button or drop), remove.

Adding and removing are catalog_actions.attach_file / remove_attachment, as for ``lo-desktop attach`` and
``detach``; the new files' text is read by the detail pane's background reader instead of while the
clerk waits (``changed`` starts it).
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout, QWidget)

from lo_desktop.core.catalog import attachments
from lo_desktop.core.catalog import actions as catalog_actions
from lo_desktop.core.errors import UserError
from lo_desktop.i18n import _, size_text, tr
from lo_desktop.ui.common import messages


def openable_copy(db, attachment) -> Path:
    """Stored files are named by their hash; the program that opens one needs the real name and extension."""
    folder = Path(tempfile.gettempdir()) / "lo-desktop-open" / attachment.sha256[:12]
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / attachment.name
    if not target.exists():
        shutil.copyfile(attachments.attachment_path(db, attachment), target)
    return target


class AttachmentsBox(QWidget):
    changed = Signal()

    def __init__(self, db, parent=None):
        super().__init__(parent)
        self._db = db
        self._material_id: int | None = None
        self.list = QListWidget()
        self.list.setObjectName("attachmentList")
        self.list.setMaximumHeight(110)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.add_button = QPushButton(_("Add file…"))
        self.open_button = QPushButton(_("Open"))
        self.remove_button = QPushButton(_("Remove"))
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def show_material(self, material_id: int | None) -> None:
        self._material_id = material_id
        self.list.clear()
        if material_id is not None:
            for item in attachments.attachments_of(self._db, material_id):
                row = QListWidgetItem(f"{item.name}  ·  {size_text(item.size)}")
                row.setData(Qt.ItemDataRole.UserRole, item)
                self.list.addItem(row)
        if self.list.count() == 0:
            self.list.addItem(QListWidgetItem(_("No files yet: drop files here or press Add file…")))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self._selected() is not None or self._first() is not None
        self.add_button.setEnabled(self._material_id is not None)
        self.open_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def _first(self):
        item = self.list.item(0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _selected(self):
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def add_files(self, paths: list[str]) -> int:
        """Copy files into the corner's folder and list them; returns how many were added."""
        if self._material_id is None:
            return 0
        added = 0
        for path in paths:
            try:
                catalog_actions.attach_file(self._db, self._material_id, path, read_text=False)
                added += 1
            except (UserError, OSError) as exc:
                messages.show_error(self, exc)
        self.show_material(self._material_id)
        if added:
            self.changed.emit()
        return added

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, _("Attach files"))
        self.add_files(paths)

    def open_selected(self) -> None:
        attachment = self._selected() or self._first()
        if attachment is None:
            return
        try:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(openable_copy(self._db, attachment))))
        except (UserError, OSError) as exc:
            messages.show_error(self, exc)

    def remove_selected(self) -> None:
        attachment = self._selected() or self._first()
        if attachment is None:
            return
        if not messages.confirm(self, tr("Remove the file “{name}” from this material?", name=attachment.name)):
            return
        try:
            catalog_actions.remove_attachment(self._db, attachment.id)
        except UserError as exc:
            messages.show_error(self, exc)
        self.show_material(self._material_id)
        self.changed.emit()
