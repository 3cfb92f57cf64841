"""Wrapping label text, Thai included: the ONE word segmenter. No Qt here: widths come from a ``measure``.

Thai has no spaces between words, and Qt finds Thai word boundaries only where libthai is installed (not
on Windows), so the words come from pythainlp's dictionary segmenter (``newmm``, its dictionary looked up
through thai_words.py). A line never starts with a vowel or tone mark: breaks fall between words, and
when one word alone is wider than the line, between character clusters (a consonant with all its marks).
Choosing a size and ellipsizing what does not fit is fitting.py's.
"""
from __future__ import annotations

import re
import threading
import unicodedata
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


_ready = threading.Event()  # set once the dictionary is loaded (~0.1 s: pythainlp and its word list)


def dictionary_ready() -> bool:
    """Whether words() answers at once; a window must not wait for it while it starts."""
    return _ready.is_set()


def load_in_background() -> None:
    """Load the dictionary on a plain daemon thread (nothing of Qt in it, nothing to wait for at exit)."""
    if not _ready.is_set():
        threading.Thread(target=words, args=("\u0e01\u0e32\u0e23",), daemon=True).start()


@lru_cache(maxsize=1)
def _segmenter():
    # newmm with its own word list, looked up in a set (thai_words.py) instead of the trie pythainlp
    # would build on every run (0.5-0.7 s): the same words, found in a fraction of the time.
    from pythainlp.tokenize import word_tokenize

    from lo_desktop.labels.thai_words import default_index

    index = default_index()
    return lambda text: word_tokenize(text, custom_dict=index, engine="newmm", keep_whitespace=True)


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
    return ["".join(line) for line in wrap_pieces(text, width, size, measure)]


def wrap_pieces(text: str, width: float, size: float, measure: Measure) -> list[list[str]]:
    """``wrap``'s lines as the pieces they are made of (words, spaces, or the clusters of a cut word):
    an ellipsis then drops whole pieces of the text as it was segmented, never re-segments a line."""
    lines: list[list[str]] = []
    line: list[str] = []
    joined = ""
    for piece in words(" ".join(text.split())):
        candidate = joined + piece
        if measure(candidate.rstrip(), size) <= width or (not joined.strip() and piece == " "):
            line.append(piece)
            joined = candidate
            continue
        too_wide = piece != " " and measure(piece, size) > width
        if too_wide and joined.strip() and len(inner_words(piece)) > 1:
            # A compound wider than any line: its first words may still end this line ("ความสะอาดและความ /
            # เป็นระเบียบเรียบร้อย", not a line of "ความ" alone).
            head, start = line, joined
        else:
            if joined.strip():
                lines.append(_trimmed(line))
            head, start = [], ""
            if not too_wide:
                line, joined = ([], "") if piece == " " else ([piece], piece)
                continue
        done, rest = _cut(piece, width, size, measure, start)
        for cut in done:  # the first line may go on from words already on it
            lines.append(_trimmed(head + clusters(cut[len(start):])))
            head, start = [], ""
        line, joined = head + clusters(rest[len(start):]), rest
    if joined.strip():
        lines.append(_trimmed(line))
    return lines


def _trimmed(pieces: list[str]) -> list[str]:
    pieces = list(pieces)
    while pieces and pieces[-1].isspace():
        pieces.pop()
    return pieces


def _cut(word: str, width: float, size: float, measure: Measure, start: str = "") -> tuple[list[str], str]:
    """Full lines of a too-long word, and the rest that starts the next line: broken between the words it
    is made of where it can be (ความเป็นระเบียบ | เรียบร้อย, not ความเป็นระเบียบเรียบ | ร้อย), else between
    character clusters. The first line goes on from ``start`` (a line begun with other words)."""
    done, line = [], start
    for piece in _fitting_parts(word, width, size, measure):
        if line and measure(line + piece, size) > width:
            done.append(line)
            line = piece
        else:
            line += piece
    return done, line


def _fitting_parts(word: str, width: float, size: float, measure: Measure) -> list[str]:
    """The word, else its inner words (again and again while one is too wide), else its clusters."""
    if measure(word, size) <= width:
        return [word]
    parts = inner_words(word)
    if len(parts) == 1:
        return clusters(word)
    return [piece for part in parts for piece in _fitting_parts(part, width, size, measure)]


@lru_cache(maxsize=256)
def inner_words(word: str) -> tuple[str, ...]:
    """A compound the dictionary holds whole (ความเป็นระเบียบเรียบร้อย) as the words it is made of: the
    same segmenter, asked to ignore the whole word. A word of one piece stays one piece."""
    if not _THAI_RUN.fullmatch(word):
        return (word,)
    from pythainlp.tokenize import word_tokenize

    from lo_desktop.labels.thai_words import default_index

    pieces = word_tokenize(word, custom_dict=_Without(default_index(), word), engine="newmm")
    return tuple(_merge_orphans(pieces)) if "".join(pieces) == word else (word,)


class _Without:
    """A dictionary with one word left out, as newmm asks it (``prefixes`` and truth)."""

    def __init__(self, index, word: str):
        self.index, self.word = index, word

    def __len__(self) -> int:
        return len(self.index)

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        return [found for found in self.index.prefixes(text, start) if found != self.word]
