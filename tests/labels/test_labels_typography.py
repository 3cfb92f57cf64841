"""Thai typography on labels, measured in renders: the marks of two lines keep apart, no text is under
7 pt, an ellipsis follows a whole word, and the agency's line gives way before the title loses words."""
from __future__ import annotations

import re
import zlib

import pytest

from labels_helpers import MARK_HEAVY
from lo_desktop.core.records import Material
from lo_desktop.labels.geometry import cell_rect
from lo_desktop.labels.layout import plan
from lo_desktop.labels.render import Job, LabelContent, Painter, content_for, metrics, write_pdf
from lo_desktop.labels.sheets import Sheet, builtin_sheets
from lo_desktop.labels.thai_wrap import ELLIPSIS, words
from lo_desktop.settings import Settings

FIELDS = ["code", "title", "location", "agency"]
DPI = 1200
PX_PER_MM = DPI / 25.4
# ผู้ over ผู้ and คู่ over ด้ met at 0.02 mm; ฎ ฏ ฤ hang low, ฟื้ ปี๊ stand high
TITLES = (
    "ผู้ใหญ่ผู้น้อยผู้ดูแลคู่มือดีเด่นคู่ด้วยปู่ย่าตายายผู้สูงอายุ",
    "คู่มือด้านการดูแลผู้สูงอายุ คู่ด้วยผู้ช่วย ดีเด่น ผู้ปู่ ฟื้นฟู ปี๊บน้ำ",
    "ฎีกาฏุกฎู ฐานข้อมูลญาติผู้ใหญ่ ฤดูกาล ฟื้นฟูปี๊บน้ำ กฎหมายปฏิบัติ",
    MARK_HEAVY,
    "รักษาความสะอาดเรียบร้อยของบ้านเมือง " * 3,
    "การจัดการความรู้",
)
TALL = Sheet("custom-tall", "tall", 40, 62, 40, 62, 1, 1, 0, 0, 40, 62, custom=True)
SHEETS = (*builtin_sheets(), TALL)


def _contents(count: int) -> list[LabelContent]:
    settings = Settings()
    made = [Material(code=f"BN-{n:04d}", title=TITLES[n % len(TITLES)], location="ชั้น ๒ ตู้ปู่ผู้ใหญ่ ฝั่งซ้าย",
                     link="") for n in range(count)]
    return [content_for(m, settings) for m in made]


class Recorder:
    """A QPainter that remembers each line of text drawn (its font, pen position and text)."""

    def __init__(self, painter):
        self._painter, self.lines = painter, []

    def __getattr__(self, name):
        return getattr(self._painter, name)

    def drawText(self, point, text):  # noqa: N802 (Qt's name)
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QFont

        self.lines.append((QFont(self._painter.font()), QPointF(point), text))
        self._painter.drawText(point, text)


def _drawn_lines(sheet: Sheet, contents: list[LabelContent]) -> list[list[tuple]]:
    """Each label of the first page painted at 1200 dpi as the PDF is: the lines of text it drew."""
    from PySide6.QtGui import QImage, QPainter

    image = _at_dpi(QImage(8, 8, QImage.Format.Format_Grayscale8))  # a device to paint on: lines are redrawn
    painter = QPainter(image)
    recorder = Recorder(painter)
    labels = Painter(recorder, DPI)
    drawn = []
    for cell, content in enumerate(contents[: sheet.per_page]):
        recorder.lines = []
        labels.label(sheet, cell, content, FIELDS)
        drawn.append(recorder.lines)
    painter.end()
    return drawn


def _at_dpi(image):
    """Point sizes follow the device's resolution: the image's must be the painter's, as a PDF's is."""
    image.setDotsPerMeterX(round(DPI / 0.0254))
    image.setDotsPerMeterY(round(DPI / 0.0254))
    return image


def _ink(sheet: Sheet, cell: int, font, point, text):
    """The ink of one drawn line, rendered alone by Qt over the label, measured by Pillow: its bounding
    box in pixels from the label's top-left corner (None for no ink)."""
    from PIL import Image
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QImage, QPainter

    box = cell_rect(sheet, cell)
    image = _at_dpi(QImage(round(box.w * PX_PER_MM), round(box.h * PX_PER_MM), QImage.Format.Format_Grayscale8))
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(point - QPointF(box.x * PX_PER_MM, box.y * PX_PER_MM), text)
    painter.end()
    grey = Image.frombuffer("L", (image.width(), image.height()), bytes(image.constBits()), "raw", "L",
                            image.bytesPerLine(), 1)
    return grey.point(lambda v: 255 if v < 128 else 0).getbbox()


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda s: s.id)
def test_marks_of_adjacent_lines_stay_apart(qapp, sheet):
    """Between any two neighbouring lines of a label, at least 0.3 mm of white paper, measured from the
    ink of each line rendered alone (so a vowel below one line and a tone mark on the next count)."""
    closest = []
    for cell, lines in enumerate(_drawn_lines(sheet, _contents(sheet.per_page))):
        inks = [(_ink(sheet, cell, *line), line[2]) for line in lines]
        inks = sorted(((ink, text) for ink, text in inks if ink), key=lambda found: found[0][1])  # by top
        for (upper, above), (lower, below) in zip(inks, inks[1:]):
            gap_mm = (lower[1] - upper[3]) / PX_PER_MM  # first ink row below minus the row after the last
            closest.append((gap_mm, above, below))
            assert gap_mm >= 0.3, (sheet.id, cell, above, below, round(gap_mm, 3))
    assert closest, "no label had two lines"


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda s: s.id)
def test_no_text_is_printed_under_7_pt(qapp, tmp_path, sheet):
    """The font sizes the PDF itself sets (Tf, times the page's scale) are all 7 pt or more."""
    out = tmp_path / "labels.pdf"
    write_pdf(out, Job(sheet, _contents(min(sheet.per_page, 24)), FIELDS))
    sizes = []
    for raw in re.findall(rb"stream\r?\n(.*?)endstream", out.read_bytes(), re.S):
        try:
            content = zlib.decompress(raw).decode("latin-1")
        except zlib.error:
            continue  # the font program
        scale = re.search(r"([\d.]+) 0 0 -[\d.]+ [\d.]+ [\d.]+ cm", content)
        sizes += [float(size) * float(scale.group(1)) for size in re.findall(r"/F\d+ ([\d.]+) Tf", content)]
    assert sizes and min(sizes) >= 7.0, min(sizes)


def _title_of(layout) -> str:
    return "".join(line.text for line in layout.lines if line.field == "title")


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda s: s.id)
def test_an_ellipsis_follows_a_whole_word(qapp, sheet):
    """What stands before "…" is the title's first words as the one segmenter found them: never
    "ความสะอา…" or "เรียบร้…" (line breaks drop the spaces between words, so spaces are left out)."""
    cut = 0
    for content in _contents(len(TITLES) * 2):
        layout = plan(sheet.label_width_mm, sheet.label_height_mm, FIELDS, content.texts, metrics())
        printed = _title_of(layout)
        if not printed.endswith(ELLIPSIS):
            continue
        cut += 1
        kept = printed[: -len(ELLIPSIS)].replace(" ", "")
        pieces = words(" ".join(content.texts["title"].split()))
        prefixes = {"".join(pieces[:n]).replace(" ", "") for n in range(1, len(pieces) + 1)}
        assert kept in prefixes, (sheet.id, printed)
    assert cut or sheet.label_height_mm > 35  # the small sheets do cut the long titles


def test_the_agency_gives_way_before_the_title_loses_words(qapp):
    """On the smallest labels a title that does not fit whole at 7 pt takes the agency's line; the
    shelf stays, and the title then ends with an ellipsis. A short title keeps every field."""
    sheet = next(s for s in builtin_sheets() if s.id == "avery-l7651")
    fields = lambda layout: [line.field for line in layout.lines]  # noqa: E731
    short = {"code": "BN-0001", "title": "คู่มือ", "location": "ชั้น A", "agency": "เขตบางนา"}
    layout = plan(sheet.label_width_mm, sheet.label_height_mm, FIELDS, short, metrics())
    assert fields(layout) == ["code", "title", "location", "agency"]
    long = {**short, "title": "รักษาความสะอาดเรียบร้อยของบ้านเมือง " * 3}
    layout = plan(sheet.label_width_mm, sheet.label_height_mm, FIELDS, long, metrics())
    assert "agency" not in fields(layout) and "location" in fields(layout)
    assert _title_of(layout).endswith(ELLIPSIS)
    two = {**short, "title": "การจัดการความรู้"}  # two lines: whole once the agency's line is free
    layout = plan(sheet.label_width_mm, sheet.label_height_mm, FIELDS, two, metrics())
    assert fields(layout) == ["code", "title", "title", "location"]
    assert _title_of(layout) == "การจัดการความรู้"


@pytest.mark.parametrize("bold", (False, True))
def test_a_line_is_measured_as_wide_as_qt_shapes_it_whole(qapp, bold):
    """Wrapping adds up the widths of a line's clusters instead of asking Qt about every candidate line:
    that must give the width Qt gives the line shaped whole, for Thai with digits, spaces and
    punctuation (Sarabun kerns none of them), and Latin text is still measured whole (it kerns)."""
    from PySide6.QtGui import QFont, QFontMetricsF

    from lo_desktop.labels.qtfonts import REFERENCE_PX, register

    font = QFont(register())
    font.setPixelSize(REFERENCE_PX)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(True)
    whole = QFontMetricsF(font)
    lines = [*TITLES, "ระเบียบ ๒๕๖๘ (ฉบับที่ 3/2567) ข้อ ๑๒: \"ห้ามจำหน่าย\" ฯลฯ ๆ 25%", "AVENUE To Wa", "ถนน Tower 2",
             "เ \tระเบียบ\tข้อ ๑"]  # a tab's advance depends on where it falls
    measured = metrics()
    for line in lines:
        for end in range(1, len(line) + 1):
            text = line[:end]
            assert measured.width(text, 10.0, bold) == pytest.approx(whole.horizontalAdvance(text) / REFERENCE_PX * 10.0,
                                                                      abs=1e-9), text
