"""Wrapping and shrinking label text, Thai included. No Qt here: widths come from a ``measure`` function.

Thai has no spaces between words, and Qt finds Thai word boundaries only where libthai is installed (not
on Windows), so the words come from pythainlp's dictionary segmenter (``newmm``). A line never starts with
a vowel or tone mark: breaks fall between words, and when one word alone is wider than the line, between
character clusters (a consonant with all its marks). When the text cannot fit at the smallest size the
last line ends with an ellipsis.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

ELLIPSIS = "…"
# Marks and following vowels that belong to the character before them: never break before one.
_FOLLOWING = set("ะัาำิีึืฺุู็่้๊๋์ํ๎ๅ")
# Leading vowels are written before the consonant they follow in speech: never break after one.
_LEADING = "เแโใไ"
_THAI_RUN = re.compile(r"([\u0e00-\u0e7f]+)")
_SPACES = re.compile(r"(\s+)")
# Thai abbreviations: two or more "letters + full stop" groups (พ.ศ., ค.ศ., มี.ค., ต.ค.).
_ABBREVIATION = re.compile(r"((?:[\u0e01-\u0e2e][\u0e30-\u0e4e]*\.){2,})")

Measure = Callable[[str, float], float]  # (text, size) -> width, in the caller's units


def _joins_previous(char: str) -> bool:
    return char in _FOLLOWING or unicodedata.category(char) in ("Mn", "Me")


def clusters(text: str) -> list[str]:
    """Split into the smallest pieces that may stand at the start of a line."""
    result: list[str] = []
    for char in text:
        if result and (_joins_previous(char) or result[-1][-1] in _LEADING):
            result[-1] += char
        else:
            result.append(char)
    return result


# Names the segmenter's dictionary splits ("เขตพระ|โขนง") that no line may break, on a label or on screen:
# Bangkok's fifty districts (the agencies a corner exchanges with) and the city itself.
WHOLE_NAMES = tuple("""
    กรุงเทพมหานคร พระนคร ดุสิต หนองจอก บางรัก บางเขน บางกะปิ ปทุมวัน ป้อมปราบศัตรูพ่าย พระโขนง มีนบุรี
    ลาดกระบัง ยานนาวา สัมพันธวงศ์ พญาไท ธนบุรี บางกอกใหญ่ ห้วยขวาง คลองสาน ตลิ่งชัน บางกอกน้อย บางขุนเทียน
    ภาษีเจริญ หนองแขม ราษฎร์บูรณะ บางพลัด ดินแดง บึงกุ่ม สาทร บางซื่อ จตุจักร บางคอแหลม ประเวศ คลองเตย
    สวนหลวง จอมทอง ดอนเมือง ราชเทวี ลาดพร้าว วัฒนา บางแค หลักสี่ สายไหม คันนายาว สะพานสูง วังทองหลาง
    คลองสามวา บางนา ทวีวัฒนา ทุ่งครุ บางบอน""".split())


_WHOLE_NAME = re.compile("|".join(sorted(WHOLE_NAMES, key=len, reverse=True)))


_ready = threading.Event()  # set once the dictionary is loaded (~0.7 s: pythainlp builds its word trie)


def dictionary_ready() -> bool:
    """Whether words() answers at once; a window must not wait 0.7 s for it while it starts."""
    return _ready.is_set()


def load_in_background() -> None:
    """Load the dictionary on a plain daemon thread (nothing of Qt in it, nothing to wait for at exit)."""
    if not _ready.is_set():
        threading.Thread(target=words, args=("\u0e01\u0e32\u0e23",), daemon=True).start()


@lru_cache(maxsize=1)
def _segmenter():
    from pythainlp.tokenize import word_tokenize

    return lambda text: word_tokenize(text, engine="newmm", keep_whitespace=True)


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """Pieces between which a line may break; spaces are pieces of their own."""
    pieces: list[str] = []
    for part in _SPACES.split(text):
        if not part:
            continue
        if part.isspace():
            pieces.append(" ")
            continue
        for chunk in _ABBREVIATION.split(part):
            if _ABBREVIATION.fullmatch(chunk):
                pieces.append(chunk)  # พ.ศ., มี.ค.: one piece, never "พ" / ".ศ."
                continue
            for run in _THAI_RUN.split(chunk):
                if run:
                    pieces.extend(_thai_words(run) if _THAI_RUN.fullmatch(run) else [run])
    return tuple(_merge_orphans(pieces))


def _thai_words(run: str) -> list[str]:
    pieces = _segmenter()(run)
    _ready.set()
    return _keep_names_whole(run, pieces)


def _keep_names_whole(run: str, pieces: list[str]) -> list[str]:
    """Pieces joined again where the segmenter cut inside one of ``WHOLE_NAMES``."""
    inside = {at for m in _WHOLE_NAME.finditer(run) for at in range(m.start() + 1, m.end())}
    merged: list[str] = []
    at = 0
    for piece in pieces:
        if merged and at in inside:
            merged[-1] += piece
        else:
            merged.append(piece)
        at += len(piece)
    return merged


def _merge_orphans(pieces: list[str]) -> list[str]:
    """A piece that starts with a mark (a segmenter slip) or closing punctuation is glued to the piece
    before it."""
    merged: list[str] = []
    for piece in pieces:
        glued = _joins_previous(piece[0]) or piece[0] in ".,)" or merged and merged[-1][-1] in _LEADING + "("
        if merged and merged[-1] != " " and glued:
            merged[-1] += piece
        else:
            merged.append(piece)
    return merged


def wrap(text: str, width: float, size: float, measure: Measure) -> list[str]:
    """Greedy lines no wider than ``width`` at ``size``; a word wider than a line is cut by clusters."""
    lines: list[str] = []
    line = ""
    for piece in words(" ".join(text.split())):
        candidate = line + piece
        if measure(candidate.rstrip(), size) <= width or (not line.strip() and piece == " "):
            line = candidate
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = "" if piece == " " else piece
        if measure(line, size) > width:
            done, line = _cut(line, width, size, measure)
            lines.extend(done)
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _cut(word: str, width: float, size: float, measure: Measure) -> tuple[list[str], str]:
    """Full lines of a too-long word, and the rest that starts the next line."""
    done, line = [], ""
    for piece in clusters(word):
        if line and measure(line + piece, size) > width:
            done.append(line)
            line = piece
        else:
            line += piece
    return done, line


@dataclass(frozen=True)
class Fitted:
    size: float
    lines: tuple[str, ...]
    ellipsized: bool = False


def fit(text: str, width: float, height: float, measure: Measure, line_height: Callable[[float], float],
        largest: float, smallest: float, step: float = 0.25) -> Fitted:
    """The largest size between ``largest`` and ``smallest`` at which the wrapped text fits the box with
    every word whole (else the largest at which it fits with a long word cut by clusters); at the smallest
    size, the lines that fit with an ellipsis on the last one. No line is ever wider
    than ``width``, and no more lines than fit in ``height`` are returned (possibly none)."""
    size = _upper_bound(text, width, height, measure, line_height, largest, smallest, step)
    cut_fit = None  # the largest size that fits only by cutting a word: used when no size fits whole words
    while True:
        lines = wrap(text, width, size, measure)
        room = int((height + 1e-9) // line_height(size))
        if len(lines) <= room:
            if not _cuts_a_word(text, width, size, measure):
                return Fitted(size, tuple(lines))
            cut_fit = cut_fit or Fitted(size, tuple(lines))
        if size - step < smallest - 1e-9:
            break
        size = round(size - step, 4)
    if cut_fit:
        return cut_fit
    if room <= 0:
        return Fitted(size, (), bool(text.strip()))
    kept = lines[:room]
    kept[-1] = ellipsize(kept[-1], width, size, measure)
    return Fitted(size, tuple(kept), True)


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
    pieces = list(words(line))
    while len(pieces) > 1 and measure("".join(pieces).rstrip() + ELLIPSIS, size) > width:
        pieces.pop()
    if measure("".join(pieces).rstrip() + ELLIPSIS, size) <= width:
        return "".join(pieces).rstrip() + ELLIPSIS
    return _ellipsize_clusters(pieces[0] if pieces else "", width, size, measure)


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
