"""The interface font: Sarabun, bundled, so Thai reads the same on every PC (Tahoma is not on all).
The files are found and registered by lo_desktop/fonts.py, the one place the labels use too."""
from __future__ import annotations

from PySide6.QtGui import QFont

from lo_desktop.fonts import sarabun_or_default

POINT_SIZE = 10.5


def interface_font() -> QFont:
    font = QFont(sarabun_or_default())
    font.setPointSizeF(POINT_SIZE)
    return font


def apply_interface_font(app) -> None:
    app.setFont(interface_font())
