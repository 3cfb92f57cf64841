"""Help menu: the Thai user guide (resources/guide/th.html) and the About box."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox, QTextBrowser, QVBoxLayout

from lo_desktop import __version__
from lo_desktop.i18n import _, tr
from lo_desktop.paths import resource
from lo_desktop.ui.common import messages


def guide_html() -> str:
    path = resource("guide", "th.html")
    return path.read_text(encoding="utf-8") if path.is_file() else _("The user guide is missing.")


class GuideDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("User guide"))
        self.resize(760, 640)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(guide_html())
        buttons = messages.dialog_buttons(self, "Close")
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


def show_about(parent) -> None:
    QMessageBox.about(parent, _("About lo-desktop"), tr(
        "<b>Learning corner</b> (lo-desktop) {version}<br>"
        "Catalog of a district office's learning corner and evidence for indicator 4.1.", version=__version__))
