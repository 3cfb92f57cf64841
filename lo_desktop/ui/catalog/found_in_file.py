"""In the detail pane: which attached file holds the search text, with a snippet and a way to open it."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from lo_desktop.core.catalog.attachment_index import attachment_matches
from lo_desktop.core.errors import UserError
from lo_desktop.i18n import _, tr
from lo_desktop.ui.common import messages
from lo_desktop.ui.catalog.attachments_box import openable_copy

SHOWN = 3  # files listed at most


class FoundInFile(QWidget):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self._db = db
        self._matches = []
        self.setObjectName("foundInFile")
        self.label = QLabel()
        self.label.setObjectName("foundInFileText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.linkActivated.connect(lambda href: self.open_match(int(href)))
        self.open_button = QPushButton(_("Open the file"))
        self.open_button.clicked.connect(lambda: self.open_match(0))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addLayout(row)
        self.setVisible(False)

    def show_for(self, material_id: int | None, search_text: str) -> None:
        self._matches = attachment_matches(self._db, search_text, material_id) if material_id else []
        self._matches = self._matches[:SHOWN]
        lines = [tr("Found in: {name} — {snippet}", name=f'<a href="{n}">{html.escape(a.name)}</a>',
                    snippet=html.escape(snippet)) for n, (a, snippet) in enumerate(self._matches)]
        self.label.setText("<br>".join(lines))
        self.setVisible(bool(self._matches))

    def matches(self) -> list:
        return list(self._matches)

    def open_match(self, index: int) -> None:
        if not 0 <= index < len(self._matches):
            return
        try:
            path = openable_copy(self._db, self._matches[index][0])
        except (UserError, OSError) as exc:
            messages.show_error(self, exc)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
