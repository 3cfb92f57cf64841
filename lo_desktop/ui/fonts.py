"""The interface font: Sarabun, bundled, so Thai reads the same on every PC (Tahoma is not on all)."""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

FAMILY = "Sarabun"
POINT_SIZE = 10.5
STYLES = ("Regular", "Bold", "Italic", "BoldItalic", "Medium", "SemiBold")
_registered: list[str] = []


def register_fonts() -> list[str]:
    """Add the bundled Sarabun files to Qt once; returns the families Qt found in them."""
    if _registered:
        return _registered
    import fontpkg_sarabun

    folder = fontpkg_sarabun.ROOT / "files"
    for style in STYLES:
        font_id = QFontDatabase.addApplicationFont(str(folder / f"Sarabun-{style}.ttf"))
        if font_id >= 0:
            _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    return _registered


def interface_font() -> QFont:
    font = QFont(FAMILY if FAMILY in register_fonts() else QFont().family())
    font.setPointSizeF(POINT_SIZE)
    return font


def apply_interface_font(app) -> None:
    app.setFont(interface_font())
