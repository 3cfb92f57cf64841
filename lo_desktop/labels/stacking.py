"""How far apart a label's lines sit, from the ink of Thai marks. No Qt here.

A Thai line's ink reaches well beyond the font's line box: a vowel below (ู) hangs 0.33 em under the
baseline, a tone mark over an upper vowel (ฟื้) stands 1.25 em over it, where the line box gives 0.23
and 1.07. With lines one line box apart, ผู้ over ผู้ left 0.02 mm between the marks. Here the baseline
of the next line is as far down as the larger of: the two line boxes touching, and the two lines' inks
``GAP_MM`` apart. Lines without such marks keep the font's spacing; lines with them move apart.
"""
from __future__ import annotations

from dataclasses import dataclass

GAP_MM = 0.35  # the least white between the ink of two lines (0.3 mm, and a little for anti-aliasing)


@dataclass(frozen=True)
class Extent:
    """One line's reach from its baseline, in mm: the font's line box and the ink of this text."""
    ascent: float
    descent: float
    top: float      # ink above the baseline (marks stacked over a consonant included)
    bottom: float   # ink below it (vowels below, the tails of ฎ ฏ ฤ)


def pitch(upper: Extent, lower: Extent, extra: float = 0.0) -> float:
    """Baseline to baseline: the line boxes touch (``extra`` apart), and the inks stay GAP_MM apart."""
    return max(upper.descent + lower.ascent + extra, upper.bottom + GAP_MM + lower.top)


def even_pitch(extents: list[Extent]) -> float:
    """One spacing for all lines of a paragraph: enough for its closest pair (even lines read better)."""
    if len(extents) < 2:
        return 0.0
    return max(pitch(a, b) for a, b in zip(extents, extents[1:]))


def head(first: Extent) -> float:
    """From the top of a box to the first baseline: neither the line box nor the ink leaves the box."""
    return max(first.ascent, first.top)


def tail(last: Extent) -> float:
    """From the last baseline to the bottom of a box."""
    return max(last.descent, last.bottom)
