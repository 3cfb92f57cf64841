"""The label font (bundled Sarabun) and its metrics, for the Qt painter.

Widths are measured once per text at a 1000-pixel reference size without hinting and scaled: outline
fonts scale linearly, so fitting a title tries many sizes for the price of one measurement.
"""
from __future__ import annotations

import os
import sys
from functools import lru_cache

from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication

from lo_desktop.fonts import sarabun_or_default

REFERENCE_PX = 1000
MAX_REMEMBERED = 50_000


def ensure_app() -> None:
    """Fonts need a QGuiApplication; the command line has none (and maybe no display)."""
    if QGuiApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A QApplication (not just a QGuiApplication): a window or dialog made later in the same process
    # (tests, or the window after a command) needs one, and Qt allows only one application object.
    from PySide6.QtWidgets import QApplication

    ensure_app.app = QApplication(sys.argv[:1])


@lru_cache(maxsize=1)
def register() -> str:
    """The label family: the bundled Sarabun (lo_desktop/fonts.py, shared with the window)."""
    ensure_app()
    return sarabun_or_default()


@lru_cache(maxsize=512)
def label_font(size_mm: float, bold: bool = False) -> QFont:
    """A font whose em is ``size_mm`` on any device (point sizes follow the device's resolution).
    Cached: sizes come in steps of 0.25 mm, and a thousand labels use a handful of them."""
    font = QFont(register())
    font.setPointSizeF(size_mm / 25.4 * 72)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(True)
    return font


class QtMetrics:
    """Text measures in mm for the layout (see lo_desktop.labels.layout.Metrics)."""

    def __init__(self):
        self._metrics = {bold: QFontMetricsF(self._reference(bold)) for bold in (False, True)}
        regular = self._metrics[False]
        self.ascent_ratio = regular.ascent() / REFERENCE_PX
        self.height_ratio = (regular.ascent() + regular.descent()) / REFERENCE_PX
        self._widths: dict[tuple[str, bool], float] = {}

    @staticmethod
    def _reference(bold: bool) -> QFont:
        font = QFont(register())
        font.setPixelSize(REFERENCE_PX)
        font.setBold(bold)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    def width(self, text: str, size: float, bold: bool = False) -> float:
        key = (text, bold)
        advance = self._widths.get(key)
        if advance is None:
            if len(self._widths) > MAX_REMEMBERED:  # a run of 100,000 labels must not hoard memory
                self._widths.clear()
            advance = self._widths[key] = self._metrics[bold].horizontalAdvance(text) / REFERENCE_PX
        return advance * size

    def line_height(self, size: float) -> float:
        return self.height_ratio * size

    def overhang(self, text: str, size: float, bold: bool = False) -> float:
        """How far the first glyph's ink reaches left of the pen (ไ, ใ, โ: ~0.065 em)."""
        left = self._metrics[bold].tightBoundingRect(text[:1]).left() if text else 0.0
        return max(0.0, -left) / REFERENCE_PX * size

    def ascent(self, size: float) -> float:
        return self.ascent_ratio * size
