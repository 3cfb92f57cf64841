"""The program's fonts, named in one place: the bundled Sarabun (window and labels) and the Word font.

``register_sarabun()`` is the one place the bundled Sarabun files are found and given to Qt; the window's
interface font (ui/fonts.py) and the label painter (labels/qtfonts.py) both go through it. Word documents
cannot carry a font, so they name one the office's PCs have (reports/thai_fonts.py, the ``report_font``
setting), with ``DOCUMENT_FONT`` as the default. Reading the names loads no Qt: the command line and the
reports import this module without a display.
"""
from __future__ import annotations

from pathlib import Path

import fontpkg_sarabun

FAMILY = "Sarabun"
DOCUMENT_FONT = "TH Sarabun New"
STYLES = ("Regular", "Bold", "Italic", "BoldItalic", "Medium", "SemiBold")
_registered: tuple[str, ...] = ()


def sarabun_files(styles: tuple[str, ...] = STYLES) -> list[Path]:
    """The bundled Sarabun font files (package ``fontpkg-sarabun``), one per style."""
    folder = Path(fontpkg_sarabun.ROOT) / "files"
    return [folder / f"{FAMILY}-{style}.ttf" for style in styles]


def register_sarabun() -> tuple[str, ...]:
    """Add the bundled Sarabun to Qt's font database, once per process; the families Qt found in the
    files (empty when none could be read: Qt then falls back to its default font). Needs a
    QGuiApplication; called before there is one, it finds nothing and tries again next time."""
    global _registered
    if not _registered:
        _registered = _add_to_qt(sarabun_files())
    return _registered


def _add_to_qt(paths: list[Path]) -> tuple[str, ...]:
    # Qt is imported here, not at the top, so the names above stay readable without Qt.
    from PySide6.QtGui import QFontDatabase

    families: list[str] = []
    for path in paths:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    return tuple(families)


def sarabun_or_default() -> str:
    """The family to ask Qt for: Sarabun when it is registered, else Qt's default family."""
    from PySide6.QtGui import QFont

    return FAMILY if FAMILY in register_sarabun() else QFont().family()
