"""The distribution channels of a work manual: a table the material editor or detail pane can embed,
a small editor for one channel, and a Catalog menu entry for the selected material."""
from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QFormLayout, QGridLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from lo_desktop.core.catalog.materials import get_material_by_id
from lo_desktop.core.indicator.channels import Channel, attach_evidence, channels_of
from lo_desktop.core import vocab
from lo_desktop.core.errors import UserError
from lo_desktop.core.indicator.actions import delete_distribution_channel, save_distribution_channel
from lo_desktop.core.files import stored_path
from lo_desktop.core.indicator.judge import distinct_channels
from lo_desktop.core.thaidate import format_date
from lo_desktop.i18n import _, tr
from lo_desktop.ui.common import messages
from lo_desktop.ui.common.date_edit import BuddhistDateEdit
from lo_desktop.ui.common.thai_text import breakable

COLUMNS = ("Channel", "Date", "Evidence", "Note")


class ChannelDialog(QDialog):
    def __init__(self, db, channel: Channel, parent=None):
        super().__init__(parent)
        self.db, self.channel, self.saved = db, channel, None
        self.setWindowTitle(_("Distribution channel"))
        self.kind = QComboBox()
        for key, text in vocab.choices("channel"):
            self.kind.addItem(text, key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(channel.channel)))
        self.date = BuddhistDateEdit(style="full")
        self.date.set_date_value(channel.distributed_on)
        self.link = QLineEdit(channel.evidence_link)
        self.link.setPlaceholderText("https://…")
        self.file = QLabel(channel.evidence_name or _("(none)"))
        choose = QPushButton(_("Attach a file or photo…"))
        choose.clicked.connect(self._choose_file)
        self.note = QLineEdit(channel.note)
        self._layout(choose)

    def _layout(self, choose: QPushButton) -> None:
        evidence = QHBoxLayout()
        evidence.addWidget(self.file, 1)
        evidence.addWidget(choose)
        form = QFormLayout()
        form.addRow(_("Channel"), self.kind)
        form.addRow(_("Date *"), self.date)
        form.addRow(_("Evidence link"), self.link)
        form.addRow(_("Evidence file"), evidence)
        form.addRow(_("Note"), self.note)
        buttons = messages.dialog_buttons(self, "Save", "Cancel")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, 240)

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Evidence"))
        if path:
            try:
                self.channel = attach_evidence(self.db, self.channel, path)
            except UserError as exc:
                messages.show_error(self, exc)
            self.file.setText(self.channel.evidence_name or _("(none)"))

    def channel_from_form(self) -> Channel:
        self.date.interpretText()
        c = self.channel
        return Channel(c.material_id, self.kind.currentData(), self.date.date_value(), self.link.text(),
                       c.evidence_sha256, c.evidence_name, self.note.text(), c.id, c.uid)

    def accept(self) -> None:
        try:
            self.saved = save_distribution_channel(self.db, self.channel_from_form())
        except UserError as exc:
            messages.show_error(self, exc, self.windowTitle())
            return
        super().accept()


class ChannelsWidget(QWidget):
    """Every channel a manual went out through, with a count of the distinct ones (2 are needed)."""

    def __init__(self, db, material_id: int | None, parent=None):
        super().__init__(parent)
        self.db, self.material_id = db, material_id
        self.summary = QLabel()
        self.summary.setWordWrap(True)  # the detail pane is narrow on a laptop screen
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("channelsTable")
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(lambda _i: self.edit_current())
        buttons = QGridLayout()  # two by two: four in a row would make the detail pane 520 px wide
        for n, (text, slot) in enumerate(((_("Add channel…"), self.add_channel), (_("Edit…"), self.edit_current),
                                          (_("Delete"), self.delete_current),
                                          (_("Open evidence"), self.open_evidence))):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, s=slot: s())
            buttons.addWidget(button, n // 2, n % 2)
        buttons.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.refresh()

    def show_material(self, material_id: int | None) -> None:
        self.material_id = material_id
        self.refresh()

    def refresh(self) -> None:
        self.channels = channels_of(self.db, self.material_id) if self.material_id is not None else []
        distinct = len(distinct_channels(self.channels))
        mark = "✓" if distinct >= 2 else "✗"
        self.summary.setText(breakable(tr("{mark} Distributed through {count} distinct channel(s); indicator 4.1 needs at "
                                "least 2 in the fiscal year.", mark=mark, count=distinct)))
        self.table.setRowCount(len(self.channels))
        for row, c in enumerate(self.channels):
            evidence = c.evidence_link or c.evidence_name
            for column, text in enumerate((vocab.word("channel", c.channel), format_date(c.distributed_on, "short"),
                                           evidence, c.note)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def current(self) -> Channel | None:
        row = self.table.currentRow()
        return self.channels[row] if 0 <= row < len(self.channels) else None

    def add_channel(self) -> None:
        self._edit(Channel(self.material_id, "corner_shelf", None))

    def edit_current(self) -> None:
        if self.current():
            self._edit(self.current())

    def _edit(self, channel: Channel) -> None:
        if ChannelDialog(self.db, channel, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def delete_current(self) -> None:
        c = self.current()
        if c and messages.confirm(self, tr("Delete the channel “{channel}”?", channel=vocab.word("channel", c.channel))):
            try:
                delete_distribution_channel(self.db, c.id)
            except UserError as exc:  # another window deleted it meanwhile
                messages.show_error(self, exc)
            self.refresh()

    def open_evidence(self) -> None:
        c = self.current()
        if c and c.evidence_link:
            QDesktopServices.openUrl(QUrl(c.evidence_link))
        elif c and c.evidence_sha256:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(stored_path(self.db, c.evidence_sha256))))


def open_channels_dialog(db, material_id: int, parent=None) -> None:
    """A dialog over ChannelsWidget for one material (the Catalog menu and the dashboard use it)."""
    material = get_material_by_id(db, material_id)
    if material is None:
        return
    dialog = QDialog(parent)
    dialog.setWindowTitle(tr("Distribution channels — {code} {title}", code=material.code, title=material.title))
    buttons = messages.dialog_buttons(dialog, "Close")
    layout = QVBoxLayout(dialog)
    layout.addWidget(ChannelsWidget(db, material_id, dialog))
    layout.addWidget(buttons)
    dialog.resize(760, 420)
    dialog.exec()


def install(window) -> None:
    """Catalog ▸ Distribution channels… for the selected material."""
    action = QAction(_("Distribution channels…"), window)
    action.setObjectName("action_channels")

    def show() -> None:
        material = window.page("catalog").current_material()
        if material is None or material.id is None:
            messages.show_info(window, _("Select a work manual in the catalog first."))
        else:
            open_channels_dialog(window.db, material.id, window)
    action.triggered.connect(lambda _c=False: show())
    window.add_menu_action("catalog", action)
