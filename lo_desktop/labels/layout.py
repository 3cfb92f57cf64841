"""What goes where inside one label. No Qt here: text widths come from a ``Metrics`` object.

The QR code, with its 4-module quiet zone, is as large as the label allows: the label's height on a
wide label (text to its right), its width on a tall one (text below). The text column holds, from the
top: the code in large bold type, the title (wrapped, shrunk, ellipsized as a last resort), then the
shelf location and the agency's short name at the bottom. Where the column is too short, the agency
goes first, then the location, then the title; the code always stays.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from lo_desktop.labels.geometry import Rect
from lo_desktop.labels.thai_wrap import fit, shrink_line

FIELDS = ("code", "title", "location", "agency")
EDGE_MM = 0.8          # kept clear at the label's edge: a printer may shift the page by this much
SMALLEST_MM = 2.1      # the smallest type (em height) still read on a shelf, about 6 pt
WIDE = 1.25            # a label this much wider than high gets its text beside the QR
# Between the quiet zone and the text box: a glyph's ink may overhang its advance box (Thai leading
# vowels, marks above a line's top), and ~0.2 mm of it reached into the quiet zone on 23 of 264 labels.
TEXT_GAP_MM = 0.5


class Metrics(Protocol):
    def width(self, text: str, size: float, bold: bool = False) -> float: ...
    def line_height(self, size: float) -> float: ...


@dataclass(frozen=True)
class TextLine:
    text: str
    x: float        # left edge of the text column (mm, from the label's top-left)
    top: float      # top of the line box
    width: float    # the column's width; no line is wider
    size: float     # em height in mm
    bold: bool = False


@dataclass
class LabelLayout:
    qr: Rect | None                      # the QR square including its quiet zone
    lines: list[TextLine] = field(default_factory=list)
    text_box: Rect | None = None


def plan(width: float, height: float, fields: list[str], texts: dict[str, str],
         metrics: Metrics) -> LabelLayout:
    """The layout of one label of ``width`` × ``height`` mm showing the chosen ``fields``."""
    shown = [f for f in FIELDS if f in fields and (texts.get(f) or "").strip()]
    qr, box = _areas(width, height, bool(shown))
    layout = LabelLayout(qr, [], box)
    if box is not None and box.w > 3 and box.h > metrics.line_height(SMALLEST_MM):
        layout.lines = _stack(box, shown, texts, metrics)
    return layout


def _areas(width: float, height: float, with_text: bool) -> tuple[Rect, Rect | None]:
    side = min(width, height) - 2 * EDGE_MM
    pad = max(1.0, min(2.0, min(width, height) * 0.05))
    if not with_text:
        return Rect((width - side) / 2, (height - side) / 2, side, side), None
    if width >= WIDE * height:
        side = min(side, width * 0.6)
        qr = Rect(EDGE_MM, (height - side) / 2, side, side)
        left = qr.right + TEXT_GAP_MM
        return qr, Rect(left, pad, width - pad - left, height - 2 * pad)
    side = min(side, height * 0.62)
    qr = Rect((width - side) / 2, EDGE_MM, side, side)
    top = qr.bottom + TEXT_GAP_MM
    return qr, Rect(pad, top, width - 2 * pad, height - pad - top)


def _stack(box: Rect, shown: list[str], texts: dict[str, str], metrics: Metrics) -> list[TextLine]:
    small = max(SMALLEST_MM, min(3.4, box.h * 0.11))
    footer = [f for f in ("location", "agency") if f in shown]
    code_size = 0.0
    if "code" in shown:
        code_size, _ = shrink_line(texts["code"], box.w, _measure(metrics, True),
                                   min(7.0, box.h * 0.3), SMALLEST_MM)
    # Drop footer fields until the code, the footer and (if any) one title line fit.
    while footer and _needed(code_size, footer, small, metrics) > box.h:
        footer.pop()
    lines, top = [], box.y
    if code_size:
        lines.append(_one_line(texts["code"], box, top, code_size, True, metrics))
        top += metrics.line_height(code_size)
    bottom = box.bottom - len(footer) * metrics.line_height(small)
    gap = 0.3 * metrics.line_height(small) if footer else 0.0  # the title must not run into the shelf
    if "title" in shown and bottom - gap - top >= metrics.line_height(SMALLEST_MM):
        largest = max(SMALLEST_MM, min(4.6, code_size * 0.75 if code_size else 4.6))
        fitted = fit(texts["title"], box.w, bottom - gap - top, _measure(metrics, False), metrics.line_height,
                     largest, SMALLEST_MM)
        for text in fitted.lines:
            lines.append(TextLine(text, box.x + _overhang(metrics, text, fitted.size, False), top, box.w,
                                  fitted.size))
            top += metrics.line_height(fitted.size)
    for name in footer:
        lines.append(_one_line(texts[name], box, bottom, small, False, metrics))
        bottom += metrics.line_height(small)
    return lines


def _needed(code_size: float, footer: list[str], small: float, metrics: Metrics) -> float:
    code = metrics.line_height(code_size) if code_size else 0.0
    return code + len(footer) * metrics.line_height(small)


def _one_line(text: str, box: Rect, top: float, size: float, bold: bool, metrics: Metrics) -> TextLine:
    size, text = shrink_line(" ".join(text.split()), box.w, _measure(metrics, bold), size, SMALLEST_MM)
    return TextLine(text, box.x + _overhang(metrics, text, size, bold), top, box.w, size, bold)


def _overhang(metrics: Metrics, text: str, size: float, bold: bool) -> float:
    """Ink left of the pen: the line is moved right by it, so no glyph leaves the text box."""
    measure = getattr(metrics, "overhang", None)
    return measure(text, size, bold) if measure else 0.0


def _measure(metrics: Metrics, bold: bool):
    # the overhang counts in the width: the line moved right by it still ends inside the box
    return lambda text, size: metrics.width(text, size, bold) + _overhang(metrics, text, size, bold)
