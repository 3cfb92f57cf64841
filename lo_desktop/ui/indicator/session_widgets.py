"""The parts of the session editor: partner agencies, participants, head counts and the photo strip."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QHeaderView, QLineEdit, QListView, QListWidget,
                               QListWidgetItem, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from lo_desktop.core.errors import UserError
from lo_desktop.core.files import stored_path
from lo_desktop.core.indicator.sessions import Participant, SessionPhoto, list_agencies, store_photo
from lo_desktop.i18n import _, tr
from lo_desktop.ui.common import messages
from lo_desktop.ui.common.thai_text import breakable, plain

THUMB = QSize(160, 107)
PHOTO_FILTER = "*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff *.heic"


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class PartnersBox(QWidget):
    """Agencies ticked as partners; a new one is typed and added."""
    changed = Signal()

    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        self.list.itemChanged.connect(lambda _i: self.changed.emit())
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(_("Another agency, e.g. สำนักงานเขตประเวศ"))
        self.new_name.returnPressed.connect(self.add_typed)
        add = QPushButton(_("Add"))
        add.clicked.connect(self.add_typed)
        row = QHBoxLayout()
        row.addWidget(self.new_name, 1)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)
        for agency in list_agencies(db):
            self._add(agency.name, False)

    def _add(self, name: str, checked: bool) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).text() == name:
                self.list.item(i).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(item)

    def add_typed(self) -> None:
        name = " ".join(self.new_name.text().split())
        if name:
            self._add(name, True)
            self.new_name.clear()

    def set_partners(self, names: list[str]) -> None:
        """Exactly these agencies ticked (the others stay listed, unticked)."""
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(Qt.CheckState.Unchecked)
        for name in names:
            self._add(name, True)

    def partners(self) -> list[str]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]


class ParticipantsTable(QWidget):
    """Name, position and agency, one row per person; Insert adds a row, Delete removes the selected."""
    changed = Signal()
    HEADERS = ("Name", "Position", "Agency")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_(h) for h in self.HEADERS])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(lambda _i: self.changed.emit())
        add, remove = QPushButton(_("Add person")), QPushButton(_("Remove selected"))
        add.clicked.connect(lambda: self.add_row())
        remove.clicked.connect(self.remove_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(button_row(add, remove))

    def add_row(self, person: Participant | None = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = (person.name, person.position, person.agency) if person else ("", "", "")
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))
        if person is None:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self.changed.emit()

    def set_participants(self, people: list[Participant]) -> None:
        self.table.setRowCount(0)
        for person in people:
            self.add_row(person)

    def participants(self) -> list[Participant]:
        def text(row, column):
            item = self.table.item(row, column)
            return item.text() if item else ""
        return [Participant(text(r, 0), text(r, 1), text(r, 2)) for r in range(self.table.rowCount())]


class HeadcountTable(QTableWidget):
    """Agency → head count; a blank count means "count the listed participants"."""

    def __init__(self, parent=None):
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels([_("Agency"), _("Head count")])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setMaximumHeight(130)

    def show_counts(self, agencies: list[str], explicit: dict[str, int], listed: dict[str, int]) -> None:
        self.setRowCount(0)
        for name in dict.fromkeys(agencies + list(explicit)):
            row = self.rowCount()
            self.insertRow(row)
            agency = QTableWidgetItem(name)
            agency.setFlags(agency.flags() & ~Qt.ItemFlag.ItemIsEditable)
            count = QTableWidgetItem(str(explicit[name]) if name in explicit else "")
            count.setToolTip(tr("Blank: the {count} listed participant(s) are counted.", count=listed.get(name, 0)))
            self.setItem(row, 0, agency)
            self.setItem(row, 1, count)

    def counts(self) -> dict[str, int]:
        """The typed counts; raises UserError for one that is not a whole number."""
        result = {}
        for row in range(self.rowCount()):
            name, text = self.item(row, 0).text(), (self.item(row, 1).text() if self.item(row, 1) else "").strip()
            if not text:
                continue
            if not text.isdigit():
                raise UserError(tr("The head count of {agency} must be a whole number.", agency=name))
            result[name] = int(text)
        return result


class PhotoStrip(QWidget):
    """Thumbnails with editable captions; photos are checked and stored as they are added."""
    changed = Signal()

    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.list = QListWidget()
        self.list.setObjectName("photoStrip")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 64))
        self.list.setWordWrap(True)
        self.list.setMovement(QListView.Movement.Snap)
        self.list.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.list.setEditTriggers(QListWidget.EditTrigger.DoubleClicked | QListWidget.EditTrigger.EditKeyPressed)
        self.list.itemChanged.connect(lambda _i: self.changed.emit())
        add, remove = QPushButton(_("Add photos…")), QPushButton(_("Remove selected"))
        add.clicked.connect(self.choose_photos)
        remove.clicked.connect(self.remove_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(button_row(add, remove))
        self.setAcceptDrops(True)

    def add_photo(self, photo: SessionPhoto) -> None:
        item = QListWidgetItem(breakable(photo.caption))  # read back through plain() in photos()
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setData(Qt.ItemDataRole.UserRole, photo)
        item.setToolTip(tr("{name} — double-click to write the caption", name=photo.name))
        pixmap = QPixmap(str(_path(self.db, photo.sha256)))
        if not pixmap.isNull():
            item.setIcon(QIcon(pixmap.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation)))
        self.list.addItem(item)

    def set_photos(self, photos: list[SessionPhoto]) -> None:
        self.list.clear()
        for photo in photos:
            self.add_photo(photo)

    def photos(self) -> list[SessionPhoto]:
        result = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            photo = item.data(Qt.ItemDataRole.UserRole)
            result.append(SessionPhoto(photo.sha256, photo.name, plain(item.text()).strip(), photo.id))
        return result

    def choose_photos(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, _("Add photos"), "",
                                                      f"{_('Pictures')} ({PHOTO_FILTER})")
        self.add_files(paths)

    def add_files(self, paths: list[str]) -> int:
        """Add each readable photo; the first refusal is shown, the others still go in."""
        added, refused = 0, []
        for path in paths:
            try:
                self.add_photo(store_photo(self.db, path))
                added += 1
            except UserError as exc:
                refused.append(exc)
        if refused:
            messages.show_error(self, refused[0])
        if added:
            self.changed.emit()
        return added

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        if self.add_files([u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]):
            event.acceptProposedAction()


def _path(db, sha256: str):
    try:
        return stored_path(db, sha256)
    except UserError:
        return ""
