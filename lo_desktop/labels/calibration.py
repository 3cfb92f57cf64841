"""A printer's calibration: how far (mm) it shifts what it prints and how much it scales it, measured on
the calibration page; where that page's rulers are; and how close the labels' ink comes to the paper's
edges once calibrated (for the printable-area warning). No Qt here: text widths come from a Metrics.

Kept in ``Settings.calibration_mm``: ``x``/``y`` (offset, mm) and ``scale_x``/``scale_y`` (percent)
for the PDF and any printer without its own entry, and ``printers`` mapping a printer's name to its own
``{"x", "y", "scale_x", "scale_y"}``. Positive x moves labels right, positive y moves them down. A scale
of 98 % draws the labels 2 % smaller, about the paper's top-left corner: it undoes a driver that
enlarges the page by 2 % ("fit to page" and the like); the offset then places the result. Older
settings without a scale print at 100 %.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from lo_desktop.labels import qr
from lo_desktop.labels.geometry import Rect, cell_rect
from lo_desktop.labels.layout import Metrics, plan
from lo_desktop.labels.sheets import Sheet

LIMIT_MM = 15.0
SCALE_RANGE = (80.0, 120.0)  # a driver fitting A4 to Letter scales by ~94 %; farther is a typing slip
RULER_LINE_MM = 8.0   # each ruler's line lies this far from its paper edge: inside any printable area
RULER_FROM_MM = 20.0  # ticks start here, clear of the other ruler's line and numbers
RULER_END_MM = 5.0    # and stop this far before the far edge
TICK_MM = {10: 4.0, 5: 2.5, 1: 1.5}  # tick lengths: every 10 mm (numbered), every 5, every 1


@dataclass(frozen=True)
class Tick:
    at_mm: float       # distance from the paper's edge along the ruler, at 100 % and no offset
    length_mm: float   # across the ruler, away from its paper edge
    number: int | None  # printed beside ticks every 10 mm


def offset_for(calibration: dict, printer: str = "") -> tuple[float, float]:
    values = _entry(calibration, printer)
    return _clamp(values.get("x", 0.0)), _clamp(values.get("y", 0.0))


def scale_for(calibration: dict, printer: str = "") -> tuple[float, float]:
    """The printer's scale correction in percent across and down; (100, 100) when none was set."""
    values = _entry(calibration, printer)
    return _percent(values.get("scale_x", 100.0)), _percent(values.get("scale_y", 100.0))


def with_offset(calibration: dict, printer: str, x: float, y: float,
                scale: tuple[float, float] | None = None) -> dict:
    """A new calibration dict with ``printer``'s offset (the default one when ``printer`` is empty) and
    its scale (kept as it was when ``scale`` is None)."""
    sx, sy = scale_for(calibration, printer) if scale is None else scale
    values = {"x": _clamp(x), "y": _clamp(y), "scale_x": _percent(sx), "scale_y": _percent(sy)}
    result = {**calibration, "printers": dict(calibration.get("printers") or {})}
    if printer:
        result["printers"][printer] = values
    else:
        result.update(values)
    return result


def ruler_ticks(length_mm: float) -> list[Tick]:
    """The ticks of a ruler along a paper edge ``length_mm`` long, numbered every 10 mm."""
    ticks = []
    for at in range(int(RULER_FROM_MM), int(length_mm - RULER_END_MM) + 1):
        step = next(step for step in TICK_MM if at % step == 0)
        ticks.append(Tick(float(at), TICK_MM[step], at if step == 10 else None))
    return ticks


def ink_box(sheet: Sheet, fields: list[str], contents: list, metrics: Metrics) -> Rect:
    """Where ink falls on a label (mm from its top-left): the union, over ``contents`` (each with
    ``texts`` and ``payload``), of the QR's dark modules (its quiet zone is blank paper) and the text;
    the whole label when there are no contents (the calibration page outlines it). ``metrics`` also
    tells each line's own ink (``glyph_box``: qtfonts.QtMetrics, render.metrics())."""
    parts = [part for content in contents for part in _ink_parts(sheet, fields, content, metrics)]
    if not parts:
        return Rect(0.0, 0.0, sheet.label_width_mm, sheet.label_height_mm)
    left, top = min(r.x for r in parts), min(r.y for r in parts)
    return Rect(left, top, max(r.right for r in parts) - left, max(r.bottom for r in parts) - top)


def _ink_parts(sheet: Sheet, fields: list[str], content, metrics: Metrics) -> list[Rect]:
    layout = plan(sheet.label_width_mm, sheet.label_height_mm, fields, content.texts, metrics)
    parts = []
    if layout.qr is not None:
        square = layout.qr
        quiet = square.w * qr.QUIET_MODULES / (len(qr.matrix(content.payload)) + 2 * qr.QUIET_MODULES)
        parts.append(Rect(square.x + quiet, square.y + quiet, square.w - 2 * quiet, square.h - 2 * quiet))
    for line in layout.lines:  # the pen starts at line.x on the baseline, as render.py paints
        left, top, right, bottom = metrics.glyph_box(line.text, line.size, line.bold)
        parts.append(Rect(line.x + left, line.baseline + top, right - left, bottom - top))
    return parts


def paper_gaps(sheet: Sheet, ink: Rect | None, offset_mm=(0.0, 0.0),
               scale_pct=(100.0, 100.0)) -> tuple[float, float, float, float]:
    """Blank paper between each edge (left, top, right, bottom) and the nearest ink of the outermost
    labels, as printed: at offset + scale × position. ``ink`` None: the labels' own edges."""
    ink = ink or Rect(0.0, 0.0, sheet.label_width_mm, sheet.label_height_mm)
    first, last = cell_rect(sheet, 0), cell_rect(sheet, sheet.per_page - 1)
    (dx, dy), sx, sy = offset_mm, scale_pct[0] / 100.0, scale_pct[1] / 100.0
    return (dx + sx * (first.x + ink.x), dy + sy * (first.y + ink.y),
            sheet.page_width_mm - dx - sx * (last.x + ink.right),
            sheet.page_height_mm - dy - sy * (last.y + ink.bottom))


def _entry(calibration: dict, printer: str) -> dict:
    own = (calibration.get("printers") or {}).get(printer) if printer else None
    return own if isinstance(own, dict) else calibration


def _clamp(value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return round(max(-LIMIT_MM, min(LIMIT_MM, number)), 2)


def _percent(value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 100.0
    if math.isnan(number):
        return 100.0
    low, high = SCALE_RANGE
    return round(max(low, min(high, number)), 2)
