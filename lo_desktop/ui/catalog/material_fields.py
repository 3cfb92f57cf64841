"""Field widgets of the material editor: a BE year box, a link box and the attachment list."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QValidator
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from lo_desktop.core import thaidate
from lo_desktop.core.catalog.attachments import attachments_of
from lo_desktop.i18n import _, size_text, tr

NO_YEAR = 0


class YearSpin(QSpinBox):
    """A BE year, or blank for "unknown". Its range is wide on purpose: a CE year typed by mistake
    (2013) is kept and explained under the field instead of being silently refused."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRange(NO_YEAR, 9999)
        self.setSpecialValueText(" ")
        self.setGroupSeparatorShown(False)

    def year(self) -> int | None:
        return None if self.value() == NO_YEAR else self.value()

    def set_year(self, year: int | None) -> None:
        self.setValue(NO_YEAR if year is None else max(NO_YEAR, min(year, self.maximum())))

    def validate(self, text: str, pos: int):
        digits = thaidate.to_arabic_digits(text).strip()
        if not digits or (digits.isdigit() and len(digits) <= 4):
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Invalid, text, pos

    def valueFromText(self, text: str) -> int:
        digits = thaidate.to_arabic_digits(text).strip()
        return int(digits) if digits.isdigit() else NO_YEAR

    def stepBy(self, steps: int) -> None:
        """Stepping from blank starts at this year rather than at year 1."""
        if self.value() == NO_YEAR:
            self.setValue(thaidate.be_year(date.today().year) if steps else NO_YEAR)
        else:
            super().stepBy(steps)


def open_location(target: str) -> None:
    """Open a web address or a file path with the program Windows would use."""
    url = QUrl(target) if "://" in target else QUrl.fromLocalFile(target)
    QDesktopServices.openUrl(url)


class LinkField(QWidget):
    """The digital link: typed, or picked as a file; "Open" tries it."""

    textChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(_("https://… or a file path"))
        self.edit.textChanged.connect(self.textChanged)
        self.edit.textChanged.connect(lambda text: self.open_button.setEnabled(bool(text.strip())))
        self.pick_button = QPushButton(_("Choose file…"))
        self.pick_button.clicked.connect(self._pick)
        self.open_button = QPushButton(_("Open"))
        self.open_button.clicked.connect(lambda: open_location(self.text().strip()))
        self.open_button.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.edit, self.pick_button, self.open_button):
            layout.addWidget(widget)
        self.setFocusProxy(self.edit)

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def _pick(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Choose the file the link points to"))
        if path:
            self.edit.setText(str(Path(path)))


class AttachmentList(QWidget):
    """Stored attachments plus files waiting to be attached when the material is saved."""

    changed = Signal()

    def __init__(self, db, material_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.pending: list[Path] = []
        self.removed: list[int] = []
        self.list = QListWidget()
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setMinimumHeight(70)
        self.add_button = QPushButton(_("Add files…"))
        self.add_button.clicked.connect(self._pick)
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self._layout()
        for attachment in (attachments_of(db, material_id) if material_id else []):
            self._item(tr("{name} ({size})", name=attachment.name, size=size_text(attachment.size)),
                       ("stored", attachment.id))

    def _layout(self) -> None:
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def _item(self, text: str, data) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        self.list.addItem(item)

    def add_files(self, paths) -> int:
        added = 0
        for path in map(Path, paths):
            if path.is_file() and path not in self.pending:
                self.pending.append(path)
                self._item(tr("{name} (new)", name=path.name), ("new", path))
                added += 1
        if added:
            self.changed.emit()
        return added

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            kind, value = item.data(Qt.ItemDataRole.UserRole)
            if kind == "new":
                self.pending.remove(value)
            else:
                self.removed.append(value)
            self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def _pick(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, _("Choose files to attach"))
        self.add_files(paths)

