"""What goes where inside one label. No Qt here: text widths and ink come from a ``Metrics`` object.

The QR code, with its 4-module quiet zone, is as large as the label allows: the label's height on a
wide label (text to its right), its width on a tall one (text below). The text column holds, from the
top: the code in large bold type, the title (wrapped, shrunk), then the shelf location and the agency's
short name at the bottom. Lines sit as far apart as their Thai marks need (stacking.py), and no text is
smaller than 7 pt: a title that does not fit whole at 7 pt first takes the agency's line, then ends
with "…" after a whole word; where not even one title line fits beside the location, the location
goes too. The code always stays.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from lo_desktop.labels.fitting import fit, shrink_line
from lo_desktop.labels.geometry import Rect
from lo_desktop.labels.stacking import Extent, even_pitch, head, pitch, tail

FIELDS = ("code", "title", "location", "agency")
EDGE_MM = 0.8          # kept clear at the label's edge: a printer may shift the page by this much
# The smallest type printed on a label: 7 pt and a hair (2.47 mm is 7 pt exactly, but Qt rounds a size to
# whole device pixels, and 7 pt came out as 6.96 pt on a 600-dpi printer; 2.5 mm stays ≥ 7 pt at 300-1200).
SMALLEST_MM = 2.5
WIDE = 1.25            # a label this much wider than high gets its text beside the QR
# Between the quiet zone and the text box: a glyph's ink may overhang its advance box (Thai leading
# vowels, marks above a line's top), and ~0.2 mm of it reached into the quiet zone on 23 of 264 labels.
TEXT_GAP_MM = 0.5
FOOTER_GAP = 0.3       # between the title and the shelf, in footer line heights


class Metrics(Protocol):
    """Widths and line heights in mm. A Qt-measured font also has ``ascent``/``descent`` (the line
    box), ``ink`` (how far a text's ink reaches above and below the baseline) and ``overhang`` /
    ``right_overhang`` (ink beyond the advance at either end); without them the line box is taken."""

    def width(self, text: str, size: float, bold: bool = False) -> float: ...
    def line_height(self, size: float) -> float: ...


@dataclass(frozen=True)
class TextLine:
    text: str
    x: float        # the pen's start (mm, from the label's top-left); ink never reaches left of the column
    top: float      # top of the line box (baseline - ascent)
    width: float    # the column's width; no line is wider
    size: float     # em height in mm
    bold: bool = False
    baseline: float = 0.0  # where the pen draws (mm from the label's top)
    field: str = ""        # which of FIELDS it shows


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
        layout.lines = _stack(box, shown, texts, _Measures(metrics))
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


class _Measures:
    """The metrics, with the line box standing in for what a simple ``Metrics`` does not measure."""

    def __init__(self, metrics: Metrics):
        self.m = metrics
        self.line_height = metrics.line_height
        self.ascent = getattr(metrics, "ascent", lambda size: 0.8 * metrics.line_height(size))
        self.descent = getattr(metrics, "descent", lambda size: metrics.line_height(size) - self.ascent(size))
        self.overhang = getattr(metrics, "overhang", lambda text, size, bold: 0.0)
        self._right = getattr(metrics, "right_overhang", lambda text, size, bold: 0.0)
        self._ink = getattr(metrics, "ink", lambda text, size, bold: (self.ascent(size), self.descent(size)))

    def measure(self, bold: bool):
        # ink beyond the advance counts in the width: the line, moved right by its left overhang,
        # still ends inside the box
        ink_width = getattr(self.m, "ink_width", None)
        if ink_width is not None:
            return lambda text, size: ink_width(text, size, bold)
        width, left, right = self.m.width, self.overhang, self._right
        return lambda text, size: width(text, size, bold) + left(text, size, bold) + right(text, size, bold)

    def extent(self, text: str, size: float, bold: bool) -> Extent:
        return Extent(self.ascent(size), self.descent(size), *self._ink(text, size, bold))


@dataclass(frozen=True)
class _Line:
    text: str
    size: float
    bold: bool
    extent: Extent
    field: str


@dataclass
class _Attempt:
    lines: list[TextLine]
    whole: bool          # the title (if any) is printed in full
    title_lines: int


def _stack(box: Rect, shown: list[str], texts: dict[str, str], m: _Measures) -> list[TextLine]:
    code = _code(box, texts["code"], m) if "code" in shown else None
    small = max(SMALLEST_MM, min(3.4, box.h * 0.11))
    footer = [name for name in ("location", "agency") if name in shown]
    title = texts["title"] if "title" in shown else ""
    first = None
    for kept in _footer_choices(footer):
        lines = [_one_line(name, texts[name], box.w, small, False, m) for name in kept]
        attempt = _attempt(box, code, lines, title, small, m)
        if attempt is None:
            continue
        # The agency's line goes before the title loses words; the location only for a first title line.
        if attempt.whole or (attempt.title_lines and "agency" not in kept):
            return attempt.lines
        first = first or attempt
    return first.lines if first else []


def _footer_choices(footer: list[str]) -> list[list[str]]:
    choices = [footer, [name for name in footer if name != "agency"], []]
    return [c for n, c in enumerate(choices) if c not in choices[:n]]


def _code(box: Rect, text: str, m: _Measures) -> _Line:
    largest = max(SMALLEST_MM, min(7.0, box.h * 0.3))
    return _one_line("code", text, box.w, largest, True, m)


def _one_line(name: str, text: str, width: float, size: float, bold: bool, m: _Measures) -> _Line:
    size, text = shrink_line(" ".join(text.split()), width, m.measure(bold), size, SMALLEST_MM)
    return _Line(text, size, bold, m.extent(text, size, bold), name)


def _attempt(box: Rect, code: _Line | None, footer: list[_Line], title: str, small: float,
             m: _Measures) -> _Attempt | None:
    """The lines with this footer, the title fitted between the code and the footer; None when the
    code and the footer alone do not fit."""
    placed = [(code, box.y + head(code.extent))] if code else []
    placed_footer = _from_bottom(box, footer)
    if not _fits(box, code, placed, placed_footer):
        return None
    fitted_lines, cut = _title(box, code, placed, placed_footer, title, small, m) if title else ([], False)
    whole = not title or bool(fitted_lines) and not cut
    lines = [_text_line(line, baseline, box, m) for line, baseline in placed + fitted_lines + placed_footer]
    return _Attempt(lines, whole, len(fitted_lines))


def _from_bottom(box: Rect, footer: list[_Line]) -> list[tuple[_Line, float]]:
    """The footer's lines set from the bottom of the box up."""
    placed: list[tuple[_Line, float]] = []
    baseline = box.bottom
    for line in reversed(footer):
        baseline -= pitch(line.extent, placed[0][0].extent) if placed else tail(line.extent)
        placed.insert(0, (line, baseline))
    return placed


def _fits(box: Rect, code, placed, placed_footer) -> bool:
    if code and placed_footer:
        return placed[0][1] + pitch(code.extent, placed_footer[0][0].extent) <= placed_footer[0][1] + 1e-9
    if code:
        return placed[0][1] + tail(code.extent) <= box.bottom + 1e-9
    return not placed_footer or placed_footer[0][1] - head(placed_footer[0][0].extent) >= box.y - 1e-9


def _title(box: Rect, code, placed, placed_footer, title: str, small: float, m: _Measures):
    """The title's lines and their baselines, between the code (or the box's top) and the footer (or
    the box's bottom), each pair of neighbours as far apart as their marks need; and whether it was
    cut short (ellipsized, or no line fits)."""
    start = placed[0][1] if code else box.y
    end = placed_footer[0][1] if placed_footer else box.bottom
    below = placed_footer[0][0].extent if placed_footer else None
    extra = FOOTER_GAP * m.line_height(small)

    def gaps(lines, size) -> tuple[float, float, float]:
        extents = [m.extent(text, size, False) for text in lines]
        first = pitch(code.extent, extents[0]) if code else head(extents[0])
        last = pitch(extents[-1], below, extra) if below else tail(extents[-1])
        return first, even_pitch(extents), last

    def height_of(lines, size) -> float:
        if not lines:
            return 0.0
        first, each, last = gaps(lines, size)
        return first + (len(lines) - 1) * each + last

    largest = max(SMALLEST_MM, min(4.6, code.size * 0.75 if code else 4.6))
    fitted = fit(title, box.w, end - start, m.measure(False), m.line_height, largest, SMALLEST_MM,
                 height_of=height_of)
    if not fitted.lines:
        return [], True
    first, each, _ = gaps(fitted.lines, fitted.size)
    size = fitted.size
    lines = [_Line(text, size, False, m.extent(text, size, False), "title") for text in fitted.lines]
    return [(line, start + first + n * each) for n, line in enumerate(lines)], fitted.ellipsized


def _text_line(line: _Line, baseline: float, box: Rect, m: _Measures) -> TextLine:
    x = box.x + m.overhang(line.text, line.size, line.bold)
    return TextLine(line.text, x, baseline - m.ascent(line.size), box.w, line.size, line.bold, baseline,
                    line.field)
