"""The label font (bundled Sarabun) and its metrics, for the Qt painter.

Widths are measured once per text at a 1000-pixel reference size without hinting and scaled: outline
fonts scale linearly, so fitting a title tries many sizes for the price of one measurement. In Sarabun,
Thai, digits and punctuation shape only inside a character cluster (no kerning between clusters), so a
line of them is as wide as its clusters' advances added up: wrapping a thousand titles, which measures
each candidate line, then asks Qt about a few hundred clusters instead of ~8,000 lines.
"""
from __future__ import annotations

import os
import re
import sys
from functools import lru_cache

from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication, QPainterPath

from lo_desktop.fonts import FAMILY, sarabun_or_default

REFERENCE_PX = 1000
MAX_REMEMBERED = 8_000  # texts measured and kept: a label needs tens, copies and the preview reuse them


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
    """Text measures in mm for the layout (see lo_desktop.labels.layout.Metrics).

    Ink is measured from the glyph outlines as Qt shapes and draws them (QPainterPath.addText), one
    cluster at a time (a consonant with its vowels and tone marks: where Thai stacks and shifts marks),
    and kept: a thousand titles are made of a few hundred clusters. ``tightBoundingRect`` would not
    do: it leaves out the marks stacked above and below a consonant."""

    def __init__(self):
        self._fonts = {bold: self._reference(bold) for bold in (False, True)}
        self._metrics = {bold: QFontMetricsF(font) for bold, font in self._fonts.items()}
        regular = self._metrics[False]
        self.ascent_ratio = regular.ascent() / REFERENCE_PX
        self.descent_ratio = regular.descent() / REFERENCE_PX
        self.height_ratio = self.ascent_ratio + self.descent_ratio
        self._widths: dict[tuple[str, bool], float] = {}
        self._additive = self._fonts[False].family() == FAMILY  # another font may kern Thai
        self._cluster_widths: dict[tuple[str, bool], float] = {}
        self._inks: dict[tuple[str, bool], tuple[float, float, float, float]] = {}  # of clusters
        self._line_inks: dict[tuple[str, bool], tuple[float, float]] = {}
        self._ink_widths: dict[tuple[str, bool], float] = {}

    @staticmethod
    def _reference(bold: bool) -> QFont:
        font = QFont(register())
        font.setPixelSize(REFERENCE_PX)
        font.setBold(bold)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        font.setKerning(True)
        return font

    def width(self, text: str, size: float, bold: bool = False) -> float:
        key = (text, bold)
        advance = self._widths.get(key)
        if advance is None:
            advance = _remember(self._widths, key, self._advance(text, bold))
        return advance * size

    def _advance(self, text: str, bold: bool) -> float:
        """The text's advance in em: its clusters' added up where nothing kerns between them (see the
        module's docstring; tests/labels/test_labels_typography.py checks it on real lines), else Qt's."""
        if not (self._additive and _CLUSTERS_ONLY.fullmatch(text)):
            return self._metrics[bold].horizontalAdvance(text) / REFERENCE_PX
        widths, total = self._cluster_widths, 0.0
        for cluster in _CLUSTER.findall(text):
            found = widths.get((cluster, bold))
            if found is None:
                advance = self._metrics[bold].horizontalAdvance(cluster) / REFERENCE_PX
                found = _remember(widths, (cluster, bold), advance)
            total += found
        return total

    def ink_width(self, text: str, size: float, bold: bool = False) -> float:
        """The width a line needs: its advance, and the ink its first and last clusters put beyond it
        (the layout fits titles by this, trying each candidate line at several sizes: kept per text)."""
        key = (text, bold)
        found = self._ink_widths.get(key)
        if found is None:
            found = _remember(self._ink_widths, key, self.width(text, 1.0, bold) + self.overhang(text, 1.0, bold)
                              + self.right_overhang(text, 1.0, bold))
        return found * size

    def line_height(self, size: float) -> float:
        return self.height_ratio * size

    def ascent(self, size: float) -> float:
        return self.ascent_ratio * size

    def descent(self, size: float) -> float:
        return self.descent_ratio * size

    def overhang(self, text: str, size: float, bold: bool = False) -> float:
        """How far the first cluster's ink reaches left of the pen (ไ, ใ, โ: ~0.065 em; ป with a vowel
        above, whose vowel Sarabun moves left of the ascender: ~0.007 em)."""
        first = _CLUSTER.match(text) if text else None
        return max(0.0, -self._ink(first.group(), bold)[0]) * size if first else 0.0

    def right_overhang(self, text: str, size: float, bold: bool = False) -> float:
        """How far the last cluster's ink reaches right of the line's advance (a tone mark over the
        last consonant: up to ~0.07 em)."""
        last = _LAST_CLUSTER.search(text) if text else None
        return max(0.0, self._ink(last.group(), bold)[1]) * size if last else 0.0

    def ink(self, text: str, size: float, bold: bool = False) -> tuple[float, float]:
        """How far the line's ink reaches above and below its baseline, marks included (mm)."""
        key = (text, bold)
        found = self._line_inks.get(key)
        if found is None:
            inks = [self._ink(cluster, bold) for cluster in _CLUSTER.findall(text)] or [(0.0, 0.0, 0.0, 0.0)]
            found = _remember(self._line_inks, key, (max(ink[2] for ink in inks), max(ink[3] for ink in inks)))
        return found[0] * size, found[1] * size

    def glyph_box(self, text: str, size: float, bold: bool = False) -> tuple[float, float, float, float]:
        """Left, top, right, bottom of the line's own ink (mm) from the pen's start on the baseline (y
        down): its shaped glyphs' outline, Thai marks above and below included (QFontMetricsF's tight
        box leaves them out). For the printable-edge check, a page's lines once: not cached."""
        path = QPainterPath()
        path.addText(0.0, 0.0, self._fonts[bold], text)
        box, scale = path.boundingRect(), size / REFERENCE_PX
        return box.left() * scale, box.top() * scale, box.right() * scale, box.bottom() * scale

    def _ink(self, cluster: str, bold: bool) -> tuple[float, float, float, float]:
        """(left of the pen, right of the advance, above the baseline, below it) in em."""
        key = (cluster, bold)
        found = self._inks.get(key)
        if found is None:
            path = QPainterPath()
            path.addText(0.0, 0.0, self._fonts[bold], cluster)
            box = path.boundingRect()
            if path.isEmpty():  # a space
                found = (0.0, 0.0, 0.0, 0.0)
            else:
                advance = self.width(cluster, REFERENCE_PX, bold)
                found = (box.left() / REFERENCE_PX, (box.right() - advance) / REFERENCE_PX,
                         -box.top() / REFERENCE_PX, box.bottom() / REFERENCE_PX)
            _remember(self._inks, key, found)
        return found


def _remember(kept: dict, key, value):
    """``kept[key] = value``, a full dict emptied first: a run of 100,000 labels must not hoard memory."""
    if len(kept) > MAX_REMEMBERED:
        kept.clear()
    kept[key] = value
    return value


# A cluster for ink: leading vowels, one character, and the marks and vowels that attach to it (Sarabun
# places and stacks them as one; see thai_wrap.clusters for where lines may break).
_ATTACHED = "\u0e30-\u0e3a\u0e45\u0e47-\u0e4e\u0300-\u036f"
_CLUSTER = re.compile(f"[เแโใไ]*.[{_ATTACHED}]*", re.S)
# Text whose advance is the sum of its clusters' in Sarabun: Thai, digits, spaces and punctuation
# (Latin letters kern: "To" is narrower than "T" and "o"; a tab's advance depends on where it falls).
_CLUSTERS_ONLY = re.compile(r"[\u0e00-\u0e7f0-9 !-/:-@\[-`{-~]*")
_LAST_CLUSTER = re.compile(f"[เแโใไ]*[^{_ATTACHED}][{_ATTACHED}]*$", re.S)
