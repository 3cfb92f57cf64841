"""Write resources/templates/base.docx: the Word template every report starts from.

It is python-docx's own template made fit for a Thai government office: A4, margins 3 cm left, 2 cm
right, 2.5 cm top and bottom; TH Sarabun New 16 pt in the document defaults and the styles the reports
use, with Thai in the complex-script slots and no theme fonts (which would bring back Cordia New at
11 pt); black headings; Thai as the language. An office may replace the file with its own (letterhead,
emblem, margins) through the report_template setting.

    python scripts/make_base_template.py [OUT]
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lo_desktop.reports.thai_fonts import (  # noqa: E402
    apply_document_fonts, remove, style_font,
)

FONT = "TH Sarabun New"
BODY_PT = 16
# style name → (size in points, bold, space before, space after)
STYLES = {
    "Normal": (BODY_PT, False, 0, 0),
    "Title": (24, True, 0, 12),
    "Subtitle": (20, False, 0, 6),
    "Heading 1": (20, True, 12, 6),
    "Heading 2": (18, True, 10, 4),
    "Heading 3": (16, True, 6, 2),
    "Caption": (14, False, 2, 6),
    "Header": (BODY_PT, False, 0, 0),
    "Footer": (14, False, 0, 0),
    "Table Grid": (BODY_PT, False, 0, 0),
    "List Bullet": (BODY_PT, False, 0, 0),
    "List Number": (BODY_PT, False, 0, 0),
}
OUT = Path(__file__).resolve().parent.parent / "resources" / "templates" / "base.docx"


def make(out: Path = OUT) -> Path:
    document = Document()
    _page(document)
    _paragraph_defaults(document)
    apply_document_fonts(document, FONT, BODY_PT)
    for name, (size, bold, before, after) in STYLES.items():
        _style(document.styles[name], size, bold, before, after)
    _title_plain(document.styles["Title"])
    _caption_centered(document.styles["Caption"])
    _properties(document)
    out.parent.mkdir(parents=True, exist_ok=True)
    document.save(out)
    return out


def _page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.25)


def _paragraph_defaults(document) -> None:
    """Single spacing, nothing after a paragraph: how Thai official letters are typed."""
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:pPrDefault"))
    spacing = defaults.find(qn("w:pPr")).find(qn("w:spacing"))
    for name, value in (("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")):
        spacing.set(qn(name), value)


def _style(style, size: float, bold: bool, before: int, after: int) -> None:
    style_font(style, FONT, size, bold)
    rpr = style.element.rPr
    for tag in ("w:color", "w:i", "w:iCs", "w:spacing", "w:kern"):
        remove(rpr, tag)
    if style.type == 1:  # paragraph styles carry spacing
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)


def _title_plain(style) -> None:
    """No coloured rule under the title: evaluators print in black and white."""
    ppr = style.element.get_or_add_pPr()
    remove(ppr, "w:pBdr")
    style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _caption_centered(style) -> None:
    style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _properties(document) -> None:
    props = document.core_properties
    props.author = props.last_modified_by = "lo-desktop"
    props.title = props.subject = props.comments = props.keywords = ""
    props.language = "th-TH"


if __name__ == "__main__":
    print(make(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
