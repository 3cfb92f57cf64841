"""The text of a label PDF reads as it is printed: pdftotext (poppler) and PDFium give every line of every
label verbatim, tone marks and sara am included (Qt alone gave "นา" for "น้ำ"), and the spans that say
so change nothing that prints."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from labels_helpers import MARK_HEAVY, render_poppler
from lo_desktop.core.records import Material
from lo_desktop.labels import pdf_text, render
from lo_desktop.labels.geometry import cell_rect
from lo_desktop.labels.layout import plan
from lo_desktop.labels.render import Job, content_for, metrics, write_pdf
from lo_desktop.labels.sheets import get_sheet
from lo_desktop.settings import Settings

FIELDS = ["code", "title", "location", "agency"]
TITLES = ("น้ำผึ้งดื่มชื่นฉ่ำ ปั๊มน้ำมัน", "ผู้ใหญ่ผู้น้อยผู้ดูแลคู่มือดีเด่นเรียบร้อยคู่ด้วย",
          "รักษาความสะอาดเรียบร้อยของบ้านเมือง ผู้ค้าหาบเร่แผงลอย", MARK_HEAVY,
          "Lessons learned: น้ำท่วม 2554 – คู่มือ © เขต", "โทร ☎ 中文 น้ำ Ω∑", "การจัดการความรู้")


def _contents():
    made = [Material(code=f"BN-{n:04d}", title=title, location="ชั้น ๒ ตู้น้ำ", link="")
            for n, title in enumerate(TITLES)]
    return [content_for(m, Settings()) for m in made]


def _pdftotext(path, *args) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


@pytest.mark.parametrize("sheet_id", ["avery-l7160", "avery-l7651", "avery-l7163"])
def test_pdftotext_reads_every_line_as_printed(qapp, tmp_path, sheet_id):
    """Each label cut out of the page by pdftotext: its lines, in order, are the lines painted (so a
    title split over lines joins back to the printed title)."""
    sheet = get_sheet(None, sheet_id)
    contents = _contents()
    out = tmp_path / "labels.pdf"
    write_pdf(out, Job(sheet, contents, FIELDS))
    for cell, content in enumerate(contents):
        box = cell_rect(sheet, cell)
        points = [round(v / 25.4 * 72) for v in (box.x, box.y, box.w, box.h)]
        read = _pdftotext(out, "-x", str(points[0]), "-y", str(points[1]), "-W", str(points[2]),
                          "-H", str(points[3]))
        printed = [line.text for line in plan(sheet.label_width_mm, sheet.label_height_mm, FIELDS,
                                              content.texts, metrics()).lines]
        assert [line for line in read.splitlines() if line.strip() and line != "\f"] == printed


def test_pdfium_reads_each_title_joined(qapp, tmp_path):
    """PDFium (QtPdf, Chrome's viewer) gives each label's lines one after the other: every title as
    printed, joined across its line breaks. (Characters Sarabun lacks, ☎ 中文, come from other fonts in
    text objects of their own; poppler reads them once, PDFium also reads their glyphs: left out here.)"""
    from PySide6.QtPdf import QPdfDocument

    sheet = get_sheet(None, "avery-l7160")
    contents = _contents()
    out = tmp_path / "labels.pdf"
    write_pdf(out, Job(sheet, contents, FIELDS))
    document = QPdfDocument()
    document.load(str(out))
    text = document.getAllText(0).text()
    document.close()
    for content in contents:
        if "☎" in content.texts["title"]:
            continue
        layout = plan(sheet.label_width_mm, sheet.label_height_mm, FIELDS, content.texts, metrics())
        title = "".join(line.text for line in layout.lines if line.field == "title")
        assert title.replace(" ", "") in text.replace(" ", "").replace("\n", "").replace("\r", "")
    assert "น้ำผึ้งดื่มชื่นฉ่ำ" in text


def test_the_spans_change_nothing_that_prints(qapp, tmp_path, monkeypatch):
    sheet = get_sheet(None, "avery-l7651")
    job = Job(sheet, _contents(), FIELDS)
    marked, plain = tmp_path / "marked.pdf", tmp_path / "plain.pdf"
    write_pdf(marked, job)
    monkeypatch.setattr(render, "add_actual_text", lambda path, log: False)
    write_pdf(plain, job)
    assert marked.read_bytes() != plain.read_bytes()
    assert render_poppler(marked, 200).tobytes() == render_poppler(plain, 200).tobytes()
    assert "น้ำ" in _pdftotext(marked) and "น้ำ" not in _pdftotext(plain)


def test_a_file_not_laid_out_as_qt_writes_it_is_left_alone(tmp_path):
    odd = tmp_path / "odd.pdf"
    odd.write_bytes(b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    log = pdf_text.LineLog()
    log.line(0, 0, "x")
    log.page()
    assert pdf_text.add_actual_text(odd, log) is False
    assert odd.read_bytes().endswith(b"%%EOF\n")
    log.close()


def test_a_line_in_two_fonts_reads_once():
    """Qt writes a line whose characters come from two fonts as two text objects: the first says the
    whole line, the second says nothing, so nothing is read twice."""
    content = ("q\n/CSp cs\n0 0 0 scn\n/GSa gs\nBT\n/F1 117 Tf 1 0 0 -1 0 0 Tm\n100 -200 Td <0001> Tj\nET\nQ\n"
               "q\n/CSp cs\n0 0 0 scn\n/GSa gs\nBT\n/F2 117 Tf 1 0 0 -1 0 0 Tm\n180 -200 Td <0002> Tj\nET\nQ\n"
               "q\nBT\n/F1 117 Tf 1 0 0 -1 0 0 Tm\n100 -400 Td <0003> Tj\nET\nQ\n")
    marked = pdf_text.mark_lines(content, [[100.2, 200.1, "ก ©"], [100, 400, "ข"]])
    assert marked.count("BDC") == 3 == marked.count("EMC")
    assert "/ActualText <FEFF0E01002000A9>" in marked and "/ActualText <FEFF>" in marked
    assert "/ActualText <FEFF0E02>" in marked


def test_a_scaled_pdf_is_searchable_too(qapp, tmp_path):
    """A printer whose driver shrinks the page gets PDFs at its scale correction: their text reads as printed."""
    job = Job(get_sheet(None, "avery-l7160"), _contents(), FIELDS, scale_pct=(98.0, 98.0))
    write_pdf(tmp_path / "scaled.pdf", job)
    text = "".join(_pdftotext(tmp_path / "scaled.pdf").split())
    assert "น้ำผึ้งดื่มชื่นฉ่ำ" in text and "การจัดการความรู้" in text
