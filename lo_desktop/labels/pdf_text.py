"""Label PDFs whose text extracts as it is printed: an /ActualText span on each line. No Qt here.

Qt writes a line as the glyphs the font shaped, each with the character its ToUnicode map gives. For Thai
that loses text: Sarabun draws tone marks with shifted variants that have no entry (dropped), sara am as
nikhahit + sara aa, and marks in visual order, so pdftotext read "น้ำ" as "นา" and no long title could be
found or copied. PDF's answer is a marked-content span saying what a run of glyphs reads as:
``/Span <</ActualText <FEFF…>>> BDC … EMC``. After the painter has finished the file, each line it drew
gets one, inside the line's text object (poppler misplaces a span around Qt's whole text object, whose
text matrix is flipped). Poppler (pdftotext) and PDFium (Chrome, QtPdf) then give every line verbatim.

The file is rewritten object by object through its cross-reference table: only the pages' content
streams change, one page in memory at a time, so a run of 10,000 labels does not grow. The lines drawn
wait in an anonymous temporary file (LineLog). A file laid out otherwise than Qt writes it is left
untouched: its text then extracts as before.
"""
from __future__ import annotations

import json
import re
import shutil
import tempfile
import zlib
from pathlib import Path

# zlib level 5: a page's content within 6 % of the default level's size, in half its time (0.08 s less
# per 1,000 labels)
COMPRESSION = 5

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF = re.compile(rb"xref\s+0 (\d+)\s+")
_TRAILER = re.compile(rb"trailer\s*(<<.*>>)\s*startxref", re.S)
_PAGE = re.compile(rb"/Type /Page\b(?!s).*?/Contents (\d+) 0 R", re.S)
_KIDS = re.compile(rb"/Type /Pages\b.*?/Kids\s*\[([\d\sR]*)\]", re.S)
# one text object as Qt writes it: font and size, its flipped text matrix, then the pen's start
_TEXT = re.compile(r"BT\n(/F\d+ [\d.]+ Tf [^\n]*\n(-?[\d.]+) (-?[\d.]+) Td.*?)ET\n", re.S)
# what may stand between two text objects of one line (Qt resets the graphics state): nothing painted
_PAINTS = re.compile(r"(?m)(?:^|\s)(?:re|f\*?|S|s|B\*?|b\*?|n|Do|BI|sh|BT)$")
NEAR_PX = 0.6  # a text object starts where the pen was put, to Qt's rounding


class LineLog:
    """The lines drawn, page by page, each at its pen position in device pixels."""

    def __init__(self):
        self._file = tempfile.TemporaryFile()
        self._starts: list[int] = []
        self._lines: list[tuple[float, float, str]] = []

    def line(self, x: float, y: float, text: str) -> None:
        self._lines.append((x, y, text))

    def page(self) -> None:
        """The page's lines are all drawn: kept in the file, not in memory."""
        self._starts.append(self._file.seek(0, 2))
        self._file.write(json.dumps(self._lines, ensure_ascii=False).encode("utf-8") + b"\n")
        self._lines = []

    def lines_of(self, page: int) -> list:
        if page >= len(self._starts):
            return []
        self._file.seek(self._starts[page])
        return json.loads(self._file.readline())

    def close(self) -> None:
        self._file.close()


def add_actual_text(path: Path, log: LineLog) -> bool:
    """Give each line of the PDF at ``path`` its text; False (the file untouched) when it is not laid
    out as Qt writes it."""
    with open(path, "rb") as source, tempfile.TemporaryFile() as rewritten:
        try:
            layout = _layout(source)
            if layout is None:
                return False
            _rewrite(source, rewritten, layout, log)
        except (ValueError, KeyError, IndexError, zlib.error):  # not as Qt writes it after all
            return False
        source.close()
        rewritten.seek(0)
        with open(path, "wb") as target:
            shutil.copyfileobj(rewritten, target)
    return True


def _layout(source):
    """Where each object begins and ends, the pages' content streams in page order, the trailer and
    the table's size; None for a file without one plain cross-reference table."""
    end = source.seek(0, 2)
    source.seek(max(0, end - 2048))
    tail = source.read()
    found = _STARTXREF.search(tail)
    if found is None:
        return None
    source.seek(int(found.group(1)))
    xref = source.read(end - int(found.group(1)))
    table, trailer = _XREF.match(xref), _TRAILER.search(xref)
    if table is None or trailer is None or b"/Prev" in trailer.group(1):
        return None
    size = int(table.group(1))
    rows = xref[table.end():table.end() + 20 * size]
    offsets = {n: int(rows[20 * n:20 * n + 10]) for n in range(size) if rows[20 * n + 17:20 * n + 18] == b"n"}
    xref_at = int(found.group(1))
    ends = _ends(offsets, xref_at)
    contents = _contents_in_page_order(source, offsets, ends)
    return None if contents is None else (offsets, ends, contents, trailer.group(1), size)


def _ends(offsets: dict[int, int], xref_at: int) -> dict[int, int]:
    """Where each object ends: where the next one begins (the last one, at the cross-reference table)."""
    order = sorted(offsets, key=offsets.get)
    return dict(zip(order, [offsets[n] for n in order[1:]] + [xref_at]))


def _contents_in_page_order(source, offsets: dict[int, int], ends: dict[int, int]) -> list[int] | None:
    pages, kids = {}, None
    for number, offset in offsets.items():
        source.seek(offset)
        head = source.read(min(400, ends[number] - offset))
        if b"/Type /Pages" in head:  # the page list: read whole (a long job has hundreds of pages)
            head += source.read(ends[number] - offset - len(head))
        page = _PAGE.search(head)
        if page is not None:
            pages[number] = int(page.group(1))
        listed = _KIDS.search(head)
        if listed is not None:
            kids = [int(n) for n in re.findall(rb"(\d+) 0 R", listed.group(1))]
    if not kids or any(kid not in pages for kid in kids):
        return None
    return [pages[kid] for kid in kids]


def _rewrite(source, target, layout, log: LineLog) -> None:
    offsets, ends, contents, trailer, size = layout
    order = sorted(offsets, key=offsets.get)
    page_of = {number: index for index, number in enumerate(contents)}
    source.seek(0)
    target.write(source.read(offsets[order[0]]))  # the header
    written = {}
    for number in order:
        source.seek(offsets[number])
        data = source.read(ends[number] - offsets[number])
        if number in page_of:
            data = _with_spans(number, data, log.lines_of(page_of[number]))
        written[number] = target.tell()
        target.write(data)
    _write_xref(target, written, size, trailer)


def _with_spans(number: int, data: bytes, lines: list) -> bytes:
    start, end = data.find(b"stream\n") + 7, data.rfind(b"endstream")
    if start < 7 or end < start or b"/FlateDecode" not in data[:start]:
        return data
    content = zlib.decompressobj().decompress(data[start:end]).decode("latin-1")
    marked = zlib.compress(mark_lines(content, lines).encode("latin-1"), COMPRESSION)
    return (b"%d 0 obj\n<<\n/Length %d\n/Filter /FlateDecode\n>>\nstream\n" % (number, len(marked))
            + marked + b"\nendstream\nendobj\n")


def mark_lines(content: str, lines: list) -> str:
    """Each text object of ``content`` that starts at a drawn line's pen gets that line's text; the text
    objects right after it (the same line in another font) get an empty one, so nothing reads twice."""
    out, at, waiting, continuing = [], 0, list(lines), False
    for found in _TEXT.finditer(content):
        x, y = float(found.group(2)), -float(found.group(3))
        hit = next((i for i, (lx, ly, _) in enumerate(waiting[:4])
                    if abs(lx - x) < NEAR_PX and abs(ly - y) < NEAR_PX), None)
        gap = content[at:found.start()]
        out.append(gap)
        if hit is not None:
            text, continuing = _utf16(waiting.pop(hit)[2]), True
            del waiting[:hit]
        elif continuing and not _PAINTS.search(gap):
            text = "<FEFF>"
        else:
            text, continuing = None, False
        out.append(found.group(0) if text is None else
                   f"BT\n/Span <</ActualText {text}>> BDC\n{found.group(1)}EMC\nET\n")
        at = found.end()
    out.append(content[at:])
    return "".join(out)


def _utf16(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def _write_xref(target, written: dict[int, int], size: int, trailer: bytes) -> None:
    at = target.tell()
    rows = [b"0000000000 65535 f \n"] + [b"%010d 00000 n \n" % written[n] if n in written else
                                           b"0000000000 00000 f \n" for n in range(1, size)]
    target.write(b"xref\n0 %d\n" % size + b"".join(rows) + b"trailer\n" + trailer
                 + b"\nstartxref\n%d\n%%%%EOF\n" % at)
