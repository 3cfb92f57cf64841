"""Fitting label text into a box: the size, the lines, and an ellipsis at a word. No Qt here.

Sizes step down from the largest to the smallest allowed (never below it: a label's text stays
readable, and the layout drops a field rather than print smaller). What still does not fit ends with
"…" after a whole word of the text as it was segmented ("ความสะอาด…", never "ความสะอา…"); only a first
word wider than the line is cut, between character clusters. How tall lines are is the caller's: Thai
marks above and below need more room on some lines than on others (layout.py measures them).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from lo_desktop.labels.thai_wrap import ELLIPSIS, Measure, clusters, words, wrap_pieces

HeightOf = Callable[[Sequence[str], float], float]  # (lines, size) -> the height they take


@dataclass(frozen=True)
class Fitted:
    size: float
    lines: tuple[str, ...]
    ellipsized: bool = False


def fit(text: str, width: float, height: float, measure: Measure, line_height: Callable[[float], float],
        largest: float, smallest: float, step: float = 0.25, height_of: HeightOf | None = None) -> Fitted:
    """The largest size between ``largest`` and ``smallest`` at which the wrapped text fits the box with
    every word whole (else the largest at which it fits with a long word cut by clusters); at the smallest
    size, the lines that fit with an ellipsis on the last one. No line is ever wider than ``width``, and
    no more lines than fit in ``height`` are returned (possibly none). ``height_of`` tells how tall some
    lines are (by default ``line_height`` each)."""
    height_of = height_of or (lambda lines, size: len(lines) * line_height(size))
    size = _upper_bound(text, width, height, measure, line_height, largest, smallest, step)
    cut_fit = None  # the largest size that fits only by cutting a word: used when no size fits whole words
    while True:
        pieces = wrap_pieces(text, width, size, measure)
        lines = ["".join(line) for line in pieces]
        if height_of(lines, size) <= height + 1e-9:
            if not _cuts_a_word(text, width, size, measure):
                return Fitted(size, tuple(lines))
            cut_fit = cut_fit or Fitted(size, tuple(lines))
        if size - step < smallest - 1e-9:
            break
        size = round(size - step, 4)
    if cut_fit:
        return cut_fit
    room = _room(lines, size, height, height_of)
    if room <= 0:
        return Fitted(size, (), bool(text.strip()))
    kept = lines[:room]
    kept[-1] = _ellipsize_pieces(pieces[room - 1], width, size, measure)
    return Fitted(size, tuple(kept), True)


def _room(lines: list[str], size: float, height: float, height_of: HeightOf) -> int:
    """How many of the first lines fit (an ellipsis shortens the last one, which never makes it taller)."""
    room = len(lines)
    while room and height_of(lines[:room], size) > height + 1e-9:
        room -= 1
    return room


def _cuts_a_word(text: str, width: float, size: float, measure: Measure) -> bool:
    """Whether some word is wider than the line at this size (พระราชบัญญัติ on a narrow label)."""
    return any(piece != " " and measure(piece, size) > width for piece in words(" ".join(text.split())))


def _upper_bound(text, width, height, measure, line_height, largest, smallest, step) -> float:
    """No size above this can fit: even perfectly packed lines would need more than the box's area
    (widths and line heights grow in proportion to the size). Saves trying sizes one by one."""
    area_per_size2 = measure(text, 1.0) * line_height(1.0)
    if area_per_size2 <= 0:
        return largest
    bound = (width * height / area_per_size2) ** 0.5
    if bound >= largest:
        return largest
    steps = int((largest - max(bound, smallest)) / step + 1e-9)
    return max(smallest, round(largest - steps * step, 4))


def ellipsize(line: str, width: float, size: float, measure: Measure) -> str:
    """The line shortened by whole words until it and an ellipsis fit ("ความสะอาด…", never
    "ความสะอา…"). Only when the first word alone is too wide is that word cut, by whole clusters."""
    return _ellipsize_pieces(list(words(line)), width, size, measure)


def _ellipsize_pieces(pieces: list[str], width: float, size: float, measure: Measure) -> str:
    pieces = list(pieces)
    while len(pieces) > 1 and measure("".join(pieces).rstrip() + ELLIPSIS, size) > width:
        pieces.pop()
    if measure("".join(pieces).rstrip() + ELLIPSIS, size) <= width:
        return "".join(pieces).rstrip() + ELLIPSIS
    return _ellipsize_clusters("".join(pieces[:1]), width, size, measure)


def _ellipsize_clusters(word: str, width: float, size: float, measure: Measure) -> str:
    pieces = clusters(word)
    while pieces and measure("".join(pieces).rstrip() + ELLIPSIS, size) > width:
        pieces.pop()
    return "".join(pieces).rstrip() + ELLIPSIS if pieces else ELLIPSIS


def shrink_line(text: str, width: float, measure: Measure, largest: float, smallest: float,
                step: float = 0.25) -> tuple[float, str]:
    """One line (a code, a shelf): the largest size that fits, else the smallest size, ellipsized."""
    size = largest
    while measure(text, size) > width and size - step >= smallest - 1e-9:
        size = round(size - step, 4)
    if measure(text, size) <= width:
        return size, text
    return size, ellipsize(text, width, size, measure)
