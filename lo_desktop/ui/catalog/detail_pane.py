"""Everything about the selected material: its fields (dates Buddhist Era), QR code, files and origin."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QScrollArea,
                               QVBoxLayout, QWidget)

from lo_desktop.core import vocab
from lo_desktop.core.records import Material
from lo_desktop.core.thaidate import format_date, format_stamp
from lo_desktop.i18n import _
from lo_desktop.ui.catalog.attachments_box import AttachmentsBox
from lo_desktop.ui.indicator.channels_widget import ChannelsWidget
from lo_desktop.ui.catalog.doctext_indexer import AttachmentIndexer
from lo_desktop.ui.catalog.found_in_file import FoundInFile
from lo_desktop.ui.common.history_widget import HistoryWidget
from lo_desktop.labels.payload import payload_for
from lo_desktop.ui.common.qr import qr_pixmap
from lo_desktop.ui.common.thai_text import breakable, breakable_address

# (field, English caption) in reading order
FIELDS = (
    ("code", "Code"), ("kind", "Kind"), ("source", "Knowledge source"), ("format", "Format"),
    ("status", "Status"), ("topic", "Topic"), ("author", "Author"), ("year", "Year"),
    ("received_on", "Received on"), ("fiscal_year", "Fiscal year"), ("location", "Location"),
    ("copies", "Copies"), ("tags", "Tags"), ("link", "Link"), ("summary", "Summary"),
    ("created_at", "Added"), ("updated_at", "Updated"),
)


def field_text(material: Material, name: str) -> str:
    value = getattr(material, name)
    if name in vocab.MATERIAL_FIELDS:
        return vocab.word(name, value)
    if name == "received_on":
        return format_date(value)
    if name in ("created_at", "updated_at"):
        return format_stamp(value)
    return "" if value is None else str(value)


class DetailPane(QScrollArea):
    """Shows one material (or a hint when none is selected); accepts files dropped onto it."""

    def __init__(self, db, settings, parent=None):
        super().__init__(parent)
        self._db, self._settings = db, settings
        self._material: Material | None = None
        self.setObjectName("detailPane")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAcceptDrops(True)
        self._search_text = ""
        self.indexer = AttachmentIndexer(db, self)  # reads the text of new files in the background
        self.setWidget(self._build())
        # As wide as the details can be drawn (every section shown: its widest button row, its widest
        # word), so the catalog's splitter never squeezes the pane until its right side is cut off.
        self.setMinimumWidth(self.widget().minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + 4)
        self.attachments.changed.connect(self.indexer.start)
        self.indexer.indexed.connect(lambda _summary: self._show_found())
        self.show_material(None)

    def _build(self) -> QWidget:
        body = QWidget()
        body.setObjectName("detailBody")
        layout = QVBoxLayout(body)
        self.title = self._label("detailTitle")
        self.found = FoundInFile(self._db)
        self.hint = self._label("detailHint")
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.payload = self._label("detailPayload")
        self.payload.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.values = {name: self._label(rich=True) for name, _caption in FIELDS}
        for name, caption in FIELDS:
            self.form.addRow(_(caption), self.values[name])
        self.origin = self._label("detailOrigin")
        self.attachments = AttachmentsBox(self._db)
        self.channels = ChannelsWidget(self._db, None)
        self.channels.setMinimumHeight(200)
        self.history = HistoryWidget(self._db)
        self.history.setMinimumHeight(160)
        self.channels_group = self._group(_("Distribution channels (work manuals)"), self.channels)
        self.sections = [self._group(_("Details"), self.form), self._group(_("Origin"), self.origin),
                         self._group(_("Files"), self.attachments), self.channels_group,
                         self._group(_("History of changes"), self.history)]
        for widget in (self.title, self.found, self.hint, self.qr, self.payload, *self.sections):
            layout.addWidget(widget)
        layout.addStretch(1)
        return body

    def _label(self, name: str = "", rich: bool = False) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        label.setOpenExternalLinks(True)
        return label

    def _group(self, title: str, content) -> QGroupBox:
        group = QGroupBox(title)
        layout = QHBoxLayout(group)
        if isinstance(content, QFormLayout):
            layout.addLayout(content)
        else:
            layout.addWidget(content)
        return group

    def material(self) -> Material | None:
        return self._material

    def show_material(self, material: Material | None) -> None:
        self._material = material
        empty = material is None
        self.hint.setText(_("Select a material to see its details.") if empty else "")
        self.hint.setVisible(empty)
        for widget in (self.title, self.qr, self.payload, *self.sections):
            widget.setVisible(not empty)
        if empty:
            self.attachments.show_material(None)
            self.found.show_for(None, "")
            return
        self.title.setText(breakable(material.title))
        payload = payload_for(material, self._settings)
        self.qr.setPixmap(qr_pixmap(payload, 150))
        # A web address is worth reading under the code; the code-and-title form repeats what is above.
        self.payload.setText(breakable_address(payload) if "://" in payload else material.code)
        for name, label in self.values.items():
            self._set_value(name, label, field_text(material, name))
        self.origin.setText(breakable(material.origin) or _("Not recorded."))
        self.attachments.show_material(material.id)
        self._show_records(material)
        self._show_found()
        self.indexer.start_if_pending(material.id)

    def _show_records(self, material: Material) -> None:
        """The channels (indicator 4.1 counts them for work manuals only) and every recorded change."""
        manual = material.kind == "work_manual"
        self.channels_group.setVisible(manual)
        if manual:
            self.channels.show_material(material.id)
        self.history.show_record("material", material.id)

    def set_search_text(self, text: str) -> None:
        """The catalog's search text: a file of the shown material holding it is named, with a snippet."""
        if text != self._search_text:
            self._search_text = text
            self._show_found()

    def _show_found(self) -> None:
        self.found.show_for(self._material.id if self._material else None, self._search_text)

    def _set_value(self, name: str, label: QLabel, text: str) -> None:
        if name == "link" and text.startswith(("http://", "https://")):
            # A long address wraps inside the pane after a separator.
            shown = html.escape(breakable_address(text))
            label.setText(f'<a href="{html.escape(text)}">{shown}</a>')
        else:
            label.setText(html.escape(breakable(text)).replace("\n", "<br>") if text else "—")

    # --- files dropped onto the pane ----------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if self._material is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.attachments.add_files(paths)
            event.acceptProposedAction()
