"""The welcome shown once, when the program starts without a database of its own yet."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCommandLinkButton, QDialog, QLabel, QVBoxLayout

from lo_desktop.i18n import _

SAMPLE, OWN = "sample", "own"


class WelcomeDialog(QDialog):
    """``choice`` is SAMPLE or OWN after Accepted."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.choice: str | None = None
        self.setWindowTitle(_("Welcome to the learning corner"))
        self.setMinimumWidth(520)
        heading = QLabel(_("Welcome! How would you like to start?"))
        heading.setObjectName("welcomeHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.sample_button = QCommandLinkButton(
            _("Open the sample corner"),
            _("Look around a finished example (Bang Na District Office, fiscal year 2556). "
              "It is kept in its own file and does not mix with your data."))
        self.own_button = QCommandLinkButton(
            _("Start my own corner"), _("Begin with an empty catalog for your office."))
        self.sample_button.clicked.connect(lambda: self._choose(SAMPLE))
        self.own_button.clicked.connect(lambda: self._choose(OWN))
        layout = QVBoxLayout(self)
        layout.addWidget(heading, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.sample_button)
        layout.addWidget(self.own_button)
        self.own_button.setDefault(True)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
