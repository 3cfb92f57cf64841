"""Every Thai run of every document resolves to the configured font, at the size of Latin text;
dates are Buddhist Era; pages are A4 with page numbers; Thai digits when the setting asks."""
from __future__ import annotations

import re
import zipfile

import pytest
from docx_reading import all_text, thai_runs
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm

from lo_desktop.core.thaidate import to_thai_digits
from lo_desktop.reports.catalog_register import build_catalog_register
from lo_desktop.reports.indicator_report import build_indicator_report
from lo_desktop.reports.session_memo import build_session_memo
from lo_desktop.settings import Settings

ARABIC_DIGIT = re.compile("[0-9]")
THEME_ATTR = re.compile(r'w:(asciiTheme|hAnsiTheme|eastAsiaTheme|cstheme)=')


def build_all(db, corner, tmp_path, settings) -> dict:
    session_id = corner["sessions"][0].id
    return {
        "kpi": build_indicator_report(db, settings, 2556, tmp_path / "kpi.docx"),
        "memo": build_session_memo(db, settings, session_id, tmp_path / "memo.docx"),
        "register": build_catalog_register(db, settings, tmp_path / "register.docx", with_qr=True),
    }


@pytest.mark.parametrize("font", ["TH Sarabun New", "TH SarabunIT๙"])
def test_every_thai_run_resolves_to_the_configured_font_at_the_latin_size(db, corner, tmp_path, font):
    documents = build_all(db, corner, tmp_path, Settings(report_font=font))
    for name, path in documents.items():
        runs = thai_runs(path)
        assert len(runs) > 10, name
        for run in runs:
            assert run.cs_font == font, (name, run.text)
            assert run.latin_font == font, (name, run.text)
            assert run.cs_half_points is not None and run.cs_half_points == run.latin_half_points, (name, run.text)
            assert not run.theme_override, (name, run.text)


def test_body_text_is_16_pt_and_the_memo_heading_29_pt(db, corner, tmp_path):
    documents = build_all(db, corner, tmp_path, Settings())
    memo = {run.text: run.cs_half_points for run in thai_runs(documents["memo"])}
    assert memo["บันทึกข้อความ"] == 58
    assert memo["ส่วนราชการ"] == memo["เรื่อง"] == memo["วันที่"] == 40
    assert memo["จึงเรียนมาเพื่อโปรดทราบ"] == 32


def test_no_theme_font_survives_in_any_styles_part(db, corner, tmp_path):
    for path in build_all(db, corner, tmp_path, Settings()).values():
        with zipfile.ZipFile(path) as z:
            assert not THEME_ATTR.search(z.read("word/styles.xml").decode())
            assert not THEME_ATTR.search(z.read("word/document.xml").decode())


def test_pages_are_a4_with_numbers_from_the_second_page(db, corner, tmp_path):
    documents = build_all(db, corner, tmp_path, Settings())
    for name, path in documents.items():
        section = Document(str(path)).sections[0]
        short, long = sorted([section.page_width, section.page_height])
        assert abs(short - Cm(21)) < Cm(0.05) and abs(long - Cm(29.7)) < Cm(0.05), name
        assert section.different_first_page_header_footer, name
        assert "PAGE" in section.header._element.xml, name
    register = Document(str(documents["register"])).sections[0]
    assert register.page_width > register.page_height  # the register is landscape


def test_margins_are_the_official_ones(db, corner, tmp_path):
    path = build_all(db, corner, tmp_path, Settings())["memo"]
    section = Document(str(path)).sections[0]
    assert round(section.left_margin.cm, 1) == 3.0
    assert round(section.right_margin.cm, 1) == 2.0
    assert round(section.top_margin.cm, 1) == round(section.bottom_margin.cm, 1) == 2.5


def test_dates_are_buddhist_era_and_no_ce_year_appears(db, corner, tmp_path):
    for name, path in build_all(db, corner, tmp_path, Settings()).items():
        text = all_text(path)
        assert not re.search(r"\b(19|20)\d\d\b", text), name
        assert re.search(r"25\d\d", text), name
    kpi = all_text(tmp_path / "kpi.docx")
    assert "ปีงบประมาณ พ.ศ. 2556" in kpi
    assert "15 มีนาคม 2556" in kpi


def test_thai_digits_setting_turns_every_digit_thai_but_codes(db, corner, tmp_path):
    """Codes stay as printed on the labels and in their QR codes; every other digit is Thai."""
    documents = build_all(db, corner, tmp_path, Settings(thai_digits=True))
    code = corner["manual"].code
    for name, path in documents.items():
        text = all_text(path)
        outside_codes = re.sub(r"\S*[A-Za-z]\S*", "", text)
        assert not ARABIC_DIGIT.search(outside_codes), (name, ARABIC_DIGIT.search(outside_codes))
        assert "๒๕๕๖" in text or "๒๕๖" in text, name
        sect = Document(str(path)).sections[0]._sectPr
        assert sect.find(qn("w:pgNumType")).get(qn("w:fmt")) == "thaiNumbers", name
    assert code in all_text(documents["kpi"]) and code in all_text(documents["register"])
    assert to_thai_digits(code) not in all_text(documents["register"])


def test_without_the_setting_digits_stay_arabic(db, corner, tmp_path):
    text = all_text(build_all(db, corner, tmp_path, Settings())["kpi"])
    assert "๒" not in text and "2556" in text


def test_the_register_qr_codes_scan_back_to_the_labels_payload(db, corner, tmp_path):
    zxingcpp = pytest.importorskip("zxingcpp")
    import io

    from PIL import Image

    from lo_desktop.labels.payload import payload_for as payload_of

    path = build_catalog_register(db, Settings(), tmp_path / "reg.docx", with_qr=True)
    with zipfile.ZipFile(path) as z:
        pngs = [z.read(n) for n in z.namelist() if n.startswith("word/media/") and n.endswith(".png")]
    decoded = set()
    for data in pngs:
        image = Image.open(io.BytesIO(data)).convert("L")
        decoded |= {r.text for r in zxingcpp.read_barcodes(image)}
    assert decoded == {payload_of(m, Settings()) for m in (corner["manual"], corner["km"], corner["cop"])} | {
        payload_of(m, Settings()) for m in _session_materials(db, corner)}


def _session_materials(db, corner):
    from lo_desktop.core.indicator.sessions import session_materials

    return [m for s in corner["sessions"] for m in session_materials(db, s.id)]
