"""What an evaluator checks at first reading, read back from the generated files with python-docx:
rows kept whole with the header repeated, headings and signatures kept with what follows, tables within
the text width, evidence pictures present, the reasons a component fails, summaries that add up, the
memo's clean emblem space and its date, and file properties of a document made now."""
from __future__ import annotations

import re
from datetime import date

from docx import Document
from docx.oxml.ns import qn
from docx_reading import all_text
from report_data import material, phone_photo

from lo_desktop.core.indicator.channels import Channel, save_channel
from lo_desktop.core.files import store_file
from lo_desktop.core.lending import loans, stocktake
from lo_desktop.reports.catalog_register import build_catalog_register
from lo_desktop.reports.indicator_report import build_indicator_report
from lo_desktop.reports.lending_docs import build_reminder, build_stocktake_report, copy_counts
from lo_desktop.reports.session_memo import build_session_memo
from lo_desktop.settings import Settings

TEXT_WIDTH_CM = 16.0  # A4 less the template's 3 cm and 2 cm margins
LONG_LINK = "https://www.bangkok.go.th/bangna/page/sub/2556/" + "kumue-thetsakit-jadrabiab-phukha-" * 3 + ".pdf"


def _tables_are_paged_well(path) -> None:
    document = Document(str(path))
    for table in document.tables:
        rows = table._tbl.tr_lst
        if table._tbl.xpath("./w:tr[1]/w:trPr/w:tblHeader"):  # a grid with a header (not a photo grid)
            for tr in rows:
                assert tr.xpath("./w:trPr/w:cantSplit"), (path.name, table.rows[0].cells[0].text)
        width = sum(int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))) / 567
        section = document.sections[0]
        text_width = (section.page_width - section.left_margin - section.right_margin) / 360000
        assert width <= text_width + 0.05, (path.name, width, text_width)


def _headings_keep_with_next(path) -> None:
    for paragraph in Document(str(path)).paragraphs:
        if paragraph.style.name.startswith("Heading"):
            assert paragraph.paragraph_format.keep_with_next, (path.name, paragraph.text)


def test_kpi_report_pages_well_and_places_evidence_photos(db, corner, tmp_path):
    sha, _size = store_file(db, phone_photo(tmp_path / "shelf.jpg", 99, (1600, 1200)))
    save_channel(db, Channel(corner["manual"].id, "printed", date(2013, 2, 1), evidence_link=LONG_LINK,
                             evidence_sha256=sha, evidence_name="shelf.jpg"))
    path = build_indicator_report(db, Settings(), 2556, tmp_path / "kpi.docx")
    _tables_are_paged_well(path)
    _headings_keep_with_next(path)
    document = Document(str(path))
    channel_table = next(t for t in document.tables if "หลักฐาน" in t.rows[0].cells[-1].text)
    evidence_cells = [row.cells[-1] for row in channel_table.rows[1:]]
    assert any(cell._tc.xpath(".//pic:pic") for cell in evidence_cells)  # the photo, not its name
    assert "shelf.jpg" not in all_text(path)
    shown = [cell.text for cell in evidence_cells if "bangkok.go.th" in cell.text]
    assert shown and all(len(line) <= 50 for text in shown for line in text.splitlines())
    assert any(r.target_ref == LONG_LINK for r in document.part.rels.values() if r.is_external)


def test_a_year_with_gaps_says_why_and_counts_in_that_year(db, corner, tmp_path):
    path = build_indicator_report(db, Settings(), 2557, tmp_path / "kpi.docx")
    text = all_text(path)
    assert "เหตุที่องค์ประกอบที่ 2 ยังไม่ผ่านเกณฑ์" in text
    assert "ยังไม่มีองค์ความรู้จากตัวชี้วัดชุมชนนักปฏิบัติ" in text  # the judgement's own sentence, in Thai
    community = next(t for t in Document(str(path)).tables if "ชุมชน" in t.rows[0].cells[1].text)
    assert [row.cells[-1].text for row in community.rows[1:]] == ["0"]  # stored in 2556, not in 2557


def test_reminder_with_nothing_overdue_asks_for_nothing_overdue(db, corner, tmp_path):
    borrower = loans.ensure_borrower(db, "นายวิชัย มั่นคง")
    today = date.today()
    loans.lend(db, corner["manual"], borrower, days=14, today=today)
    path = build_reminder(db, Settings(), borrower, tmp_path / "slip.docx", today=today)
    text = all_text(path)
    assert "เกินกำหนดคืนแล้ว" not in text and "ยังไม่เกินกำหนดคืน" in text
    _tables_are_paged_well(path)


def test_reminder_overdue_count_is_bold_for_thai_too(db, corner, tmp_path):
    from lo_desktop.reports.docx_base import Builder

    builder = Builder(Settings(thai_digits=True))
    table = builder.table(["a", "b"], [], [8.0, 8.0])
    cells = builder.row(table, ["", ""])
    builder.cell_text(cells[1], 16, bold=True)
    rpr = cells[1]._tc.xpath(".//w:r[w:t='๑๖']/w:rPr")[0]
    assert rpr.find(qn("w:b")) is not None and rpr.find(qn("w:bCs")) is not None


def test_stocktake_summary_adds_up_in_copies(db, tmp_path):
    one = material(db, "คู่มือ ก", copies=3, location="ชั้น A-1")
    material(db, "คู่มือ ข", copies=2, location="ชั้น A-1")
    take = stocktake.start(db, "ชั้น A-1")
    for _i in range(2):
        stocktake.scan(db, take.id, one.code)
    result = stocktake.summary(db, take.id)
    counts = copy_counts(result)
    assert counts["expected"] == 5 and counts["titles"] == 2
    assert counts["found_expected"] + counts["missing"] == counts["expected"]
    assert counts["missing"] == sum(item.missing for item in result.missing) == 3
    path = build_stocktake_report(db, Settings(), take.id, tmp_path / "take.docx")
    text = all_text(path)
    assert "หน่วยนับ: ฉบับ" in text and "5 ฉบับ (2 รายการ)" in text and "2 ฉบับ" in text and "3 ฉบับ" in text
    _tables_are_paged_well(path)
    signatures = [p for p in Document(str(path)).paragraphs if p.text.startswith("(ลงชื่อ)")]
    assert len(signatures) == 2 and all(p.paragraph_format.keep_with_next for p in signatures)


def test_memo_date_numbering_and_purpose(db, corner, tmp_path):
    path = build_session_memo(db, Settings(), corner["sessions"][0].id, tmp_path / "memo.docx",
                              memo_date=date(2013, 6, 25))
    text = all_text(path)
    assert "25 มิถุนายน 2556" in text
    purpose = text.split("1. วัตถุประสงค์", 1)[1].split("2. ", 1)[0]
    assert "เพื่อแลกเปลี่ยน" in purpose and "มาตรา 20" not in purpose  # the agenda has its own section
    assert "2. ประเด็นการแลกเปลี่ยน" in text
    assert not re.search(r"^\s*1\.\s", text.split("1. วัตถุประสงค์", 1)[1], re.M)  # no "1." inside "1."
    document = Document(str(path))
    signature = [p for p in document.paragraphs if p.text.startswith("(....")]
    assert signature and signature[0].paragraph_format.keep_together


def test_register_fits_many_rows_a_page_and_never_splits_one(db, corner, tmp_path):
    path = build_catalog_register(db, Settings(), tmp_path / "register.docx")
    _tables_are_paged_well(path)
    header = Document(str(path)).tables[0].rows[0]
    assert header._tr.xpath("./w:trPr/w:tblHeader")


def test_file_properties_are_this_document_s(db, corner, tmp_path):
    path = build_session_memo(db, Settings(), corner["sessions"][0].id, tmp_path / "memo.docx")
    document = Document(str(path))
    assert document.core_properties.created.date() >= date.today().replace(day=1)
    import zipfile

    with zipfile.ZipFile(path) as archive:
        app = archive.read("docProps/app.xml").decode()
        fonts = archive.read("word/fontTable.xml").decode()
        names = archive.namelist()
    assert "Macintosh" not in app and "lo-desktop" in app
    assert "TH Sarabun New" in fonts and "Calibri" not in fonts and "Mincho" not in fonts
    assert "docProps/thumbnail.jpeg" not in names
