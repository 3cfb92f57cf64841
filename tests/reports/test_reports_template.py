"""The base template is Thai and A4; an office's own template keeps its styles, margins and emblem."""
from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx_reading import thai_runs
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Inches
from PIL import Image

from lo_desktop.core.errors import UserError
from lo_desktop.reports.docx_base import base_template
from lo_desktop.reports.session_memo import build_session_memo
from lo_desktop.settings import Settings


def test_the_base_template_defaults_are_thai_16_pt_a4():
    document = Document(str(base_template()))
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")} == {"TH Sarabun New"}
    assert defaults.find(qn("w:sz")).get(qn("w:val")) == defaults.find(qn("w:szCs")).get(qn("w:val")) == "32"
    assert defaults.find(qn("w:lang")).get(qn("w:bidi")) == "th-TH"
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert (round(section.left_margin.cm, 1), round(section.right_margin.cm, 1)) == (3.0, 2.0)
    with zipfile.ZipFile(base_template()) as z:
        styles = z.read("word/styles.xml").decode()
    assert not re.search(r"(asciiTheme|cstheme)=", styles)
    assert "Cordia" not in styles and "Angsana" not in styles


@pytest.mark.parametrize("name", ["Normal", "Heading 1", "Heading 2", "Heading 3", "Title", "Caption",
                                  "Table Grid"])
def test_the_styles_reports_use_carry_the_thai_font_and_matching_sizes(name):
    rpr = Document(str(base_template())).styles[name].element.rPr
    assert rpr.find(qn("w:rFonts")).get(qn("w:cs")) == "TH Sarabun New"
    assert rpr.find(qn("w:sz")).get(qn("w:val")) == rpr.find(qn("w:szCs")).get(qn("w:val"))


def office_template(path, with_emblem: bool):
    """A Letter-size template with its own margins, a style of its own and, maybe, an emblem."""
    document = Document()
    section = document.sections[0]
    section.left_margin = Inches(1.25)
    document.styles.add_style("Office Note", 1)
    if with_emblem:
        png = io.BytesIO()
        Image.new("RGB", (90, 100), (200, 150, 0)).save(png, "PNG")
        png.seek(0)
        document.add_picture(png, width=Cm(1.3))
    document.add_paragraph("text of the template body that must not reach the memo")
    document.save(path)
    return path


def test_an_office_template_keeps_its_styles_and_margins_and_gives_its_emblem(db, corner, tmp_path):
    template = office_template(tmp_path / "office.docx", with_emblem=True)
    settings = Settings(report_template=str(template))
    path = build_session_memo(db, settings, corner["sessions"][0].id, tmp_path / "memo.docx")
    document = Document(str(path))
    assert "Office Note" in [s.name for s in document.styles]
    assert round(document.sections[0].left_margin.inches, 2) == 1.25
    assert round(document.sections[0].page_width.cm, 1) == 21.0  # A4 even though the template was Letter
    assert "must not reach" not in "\n".join(p.text for p in document.paragraphs)
    first_table = document.tables[0]
    assert first_table.rows[0].cells[0]._tc.xpath(".//pic:pic")  # the emblem beside the heading
    for run in thai_runs(path):
        assert run.cs_font == "TH Sarabun New" and run.cs_half_points == run.latin_half_points


def test_without_an_emblem_the_memo_leaves_clean_space(db, corner, tmp_path):
    """A printed memo must look finished: no dashed box, no placeholder word, only the 1.5 cm."""
    path = build_session_memo(db, Settings(), corner["sessions"][0].id, tmp_path / "memo.docx")
    cell = Document(str(path)).tables[0].rows[0].cells[0]
    assert not cell._tc.xpath(".//pic:pic")
    assert not cell._tc.xpath("./w:tcPr/w:tcBorders")
    assert cell.text.strip() == ""
    assert round(cell.width.cm, 1) == 1.5


def test_a_missing_template_is_one_clear_sentence(db, corner, tmp_path):
    settings = Settings(report_template=str(tmp_path / "gone.docx"))
    with pytest.raises(UserError, match="gone.docx"):
        build_session_memo(db, settings, corner["sessions"][0].id, tmp_path / "memo.docx")


def test_a_template_that_is_not_a_docx_is_refused(db, corner, tmp_path):
    (tmp_path / "letter.docx").write_text("not a word file")
    with pytest.raises(UserError, match="letter.docx"):
        build_session_memo(db, Settings(report_template=str(tmp_path / "letter.docx")),
                           corner["sessions"][0].id, tmp_path / "memo.docx")
