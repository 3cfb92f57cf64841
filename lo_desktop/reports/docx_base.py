"""The start of every Word document: the office's template, A4, Thai fonts, page numbers, saving.

``Builder`` owns one python-docx document opened from the base template (or the office's own, from
the ``report_template`` setting) and writes every paragraph, run and table through the one font
helper, with Thai digits when the setting asks for them. The template's styles, margins, headers and
footers are kept; its body is emptied (a picture in it is kept aside as the office's emblem).
"""
from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.image.image import Image as DocxImage
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml.shape import CT_Inline
from docx.parts.image import ImagePart
from docx.shared import Cm, RGBColor
from docx.table import _Cell

from lo_desktop.core.atomic import write_atomically
from lo_desktop.core.errors import UserError
from lo_desktop.core.thaidate import format_date, to_thai_digits
from lo_desktop.i18n import catalog, tr
from lo_desktop.paths import resource
from lo_desktop.reports.doc_properties import stamp_properties
from lo_desktop.reports.thai_fonts import apply_document_fonts, document_font, run_font

BODY_PT = 16
TABLE_PT = 14
A4 = (Cm(21), Cm(29.7))
_PICTURE = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_EMBED = qn("r:embed")


class Verbatim(str):
    """Text printed exactly as stored whatever the Thai-digits setting: a material's code must read as
    on its label and in its QR code."""


_LATIN_TOKEN = re.compile(r"\S*[A-Za-z]\S*")


def thai_digits_outside_codes(text: str) -> str:
    """Thai digits, except inside a word holding Latin letters (``BN-0029``, a link), which is a code
    or an address that must stay as printed elsewhere."""
    parts, last = [], 0
    for match in _LATIN_TOKEN.finditer(text):
        parts.append(to_thai_digits(text[last:match.start()]))
        parts.append(match.group())
        last = match.end()
    parts.append(to_thai_digits(text[last:]))
    return "".join(parts)


def thai(text: str, /, **values) -> str:
    """Documents go to the evaluator: always Thai, whatever language the window speaks."""
    return catalog("th").get(text, text).format(**values)


def base_template() -> Path:
    return resource("templates", "base.docx")


def template_path(settings) -> Path:
    """The office's template when the settings name one, else the bundled base."""
    chosen = (getattr(settings, "report_template", "") or "").strip()
    if not chosen:
        return base_template()
    path = Path(chosen).expanduser()
    if not path.is_file():
        raise UserError(tr("The report template “{path}” does not exist. Choose another in the settings "
                           "or clear it to use the standard one.", path=path))
    return path


def open_template(path: Path):
    try:
        return Document(str(path))
    except Exception:  # noqa: BLE001 - python-docx raises several kinds for a file that is not a .docx
        raise UserError(tr("“{path}” is not a Word document (.docx) that can be used as a template.",
                           path=path)) from None


OTHER_FORMATS = {".pdf", ".doc", ".odt", ".rtf", ".txt", ".html", ".htm", ".xlsx", ".xls", ".csv"}


def docx_path(path: str | Path) -> Path:
    """The file the clerk meant: ``report`` and ``report 2556.1`` get ``.docx``; a Word file is never written
    under another format's name (``r.pdf`` would not open as a PDF), that is refused."""
    path = Path(path).expanduser()
    suffix = path.suffix.lower()
    if suffix in OTHER_FORMATS:
        raise UserError(tr("Reports are Word documents: name the file “{name}” instead.",
                           name=path.with_suffix(".docx").name))
    return path if suffix == ".docx" else path.with_name(path.name + ".docx")


class Builder:
    def __init__(self, settings, landscape: bool = False):
        self.settings = settings
        self.font = document_font(settings.report_font)
        self.thai_digits = bool(settings.thai_digits)
        self.doc = open_template(template_path(settings))
        self.emblem = _first_picture(self.doc)
        _clear_body(self.doc)
        apply_document_fonts(self.doc, self.font, BODY_PT)
        _page_setup(self.doc, landscape)
        self._shape_id = max(self.doc.part.next_id, 1000)

    # text --------------------------------------------------------------------------------------
    def text(self, value) -> str:
        text = "" if value is None else str(value)
        if not self.thai_digits or isinstance(value, Verbatim):
            return text
        return thai_digits_outside_codes(text)

    def run(self, paragraph, text, size: float | None = None, bold: bool | None = None):
        run = paragraph.add_run(self.text(text))
        run_font(run, self.font, size, bold)
        return run

    def paragraph(self, text="", style: str | None = None, size: float | None = None,
                  bold: bool | None = None, align=None, container=None):
        """A paragraph in ``container`` (the document, a cell, a header) holding ``text`` in one run."""
        container = container if container is not None else self.doc
        paragraph = container.add_paragraph(style=self.style(style))
        if text != "":
            self.run(paragraph, text, size, bold)
        if align is not None:
            paragraph.alignment = align
        return paragraph

    def heading(self, text, level: int = 1):
        """A heading kept on the page of what follows it (set on the paragraph too: an office's
        template may have heading styles without it, or none at all)."""
        name = f"Heading {level}"
        if self.style(name) is None:  # an office template without heading styles
            paragraph = self.paragraph(text, size=BODY_PT + 4 - 2 * (level - 1), bold=True)
        else:
            paragraph = self.paragraph(text, style=name)
        keep_with_next(paragraph)
        return paragraph

    def style(self, name: str | None):
        if name is None:
            return None
        try:
            return self.doc.styles[name]
        except KeyError:
            return None

    def picture(self, paragraph, data: bytes, width=None, height=None):
        """A picture in a new run. python-docx's add_picture walks every part and scans the whole
        document on each call (quadratic in a register with a QR per row); ids and names are counted
        here instead."""
        image = DocxImage.from_blob(data)
        self._shape_id += 1
        name = PackURI(f"/word/media/lo-{self._shape_id}.{image.ext}")  # no walk over every part to name it
        rel_id = self.doc.part.relate_to(ImagePart.from_image(image, name), RT.IMAGE)
        cx, cy = image.scaled_dimensions(width, height)
        run = paragraph.add_run()
        run._r.add_drawing(CT_Inline.new_pic_inline(self._shape_id, rel_id, image.filename, cx, cy))
        return run

    def link(self, paragraph, url: str, text: str | None = None, size: float | None = None):
        """A clickable link showing ``text`` (the address itself by default), blue and underlined."""
        run = self.run(paragraph, Verbatim(text or url), size)
        run.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        run.font.underline = True
        rel_id = self.doc.part.relate_to(url, RT.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rel_id)
        run._r.addprevious(link)
        link.append(run._r)
        return run

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # tables ------------------------------------------------------------------------------------
    def table(self, header: list[str], rows: list[list], widths_cm: list[float], size: float = TABLE_PT):
        """A grid with a bold header row repeated on every page; no row is ever split across pages."""
        table = self.doc.add_table(rows=1, cols=len(header))
        if self.style("Table Grid") is not None:
            table.style = self.style("Table Grid")
        table.autofit = False
        for cell, text in zip(table.rows[0].cells, header):
            self.cell_text(cell, text, size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        _repeat_header(table.rows[0])
        keep_row_whole(table.rows[0]._tr)
        for values in rows:
            self.row(table, values, size)
        set_widths(table, widths_cm)
        return table

    def row(self, table, values: list, size: float = TABLE_PT) -> list[_Cell]:
        """A new last row kept whole on one page, ``values`` written into its cells."""
        cells = new_row(table)
        keep_row_whole(cells[0]._tc.getparent())
        for cell, value in zip(cells, values):
            self.cell_text(cell, value, size)
        return cells

    def details(self, rows: list[list], widths_cm: list[float], size: float = TABLE_PT):
        """A two-column table of label and value, labels in bold, no header row."""
        table = self.doc.add_table(rows=0, cols=2)
        if self.style("Table Grid") is not None:
            table.style = self.style("Table Grid")
        table.autofit = False
        for label, value in rows:
            cells = new_row(table)
            keep_row_whole(cells[0]._tc.getparent())
            self.cell_text(cells[0], label, size, bold=True)
            self.cell_text(cells[1], value, size)
        set_widths(table, widths_cm)
        return table

    def cell_text(self, cell, text, size: float = TABLE_PT, bold: bool | None = None, align=None):
        """Write ``text`` (lines separated by newlines) into a cell's first paragraph onward."""
        lines = self.text(text).split("\n") if text is not None else [""]
        paragraph = cell.paragraphs[0]
        for index, line in enumerate(lines):
            if index:
                paragraph = cell.add_paragraph()
            run = paragraph.add_run(line)
            run_font(run, self.font, size, bold)
            paragraph.paragraph_format.space_after = 0  # an office template's spacing would double every row
            if align is not None:
                paragraph.alignment = align

    # page numbers and saving ------------------------------------------------------------------
    def page_numbers(self) -> None:
        """``- ๒ -`` at the top centre from the second page on, as Thai official documents number them."""
        for section in self.doc.sections:
            section.different_first_page_header_footer = True
            if self.thai_digits:
                _number_format(section, "thaiNumbers")
            header = section.header
            header.is_linked_to_previous = False
            if "PAGE" not in header._element.xml:
                self._page_field(header)

    def _page_field(self, header) -> None:
        paragraph = header.paragraphs[0] if not header.paragraphs[0].text else header.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.run(paragraph, "- ")
        # Thai digits come from the section's number format (w:pgNumType thaiNumbers), which Word
        # honours; LibreOffice shows Arabic digits there, and misreads a \* ThaiArabic switch as letters.
        for kind, instruction in (("begin", None), (None, " PAGE "), ("separate", None), ("result", "2"),
                                  ("end", None)):
            run = self.run(paragraph, "")
            if kind in ("begin", "separate", "end"):
                mark = OxmlElement("w:fldChar")
                mark.set(qn("w:fldCharType"), kind)
                run._r.append(mark)
            elif kind == "result":
                run.text = self.text(instruction)
            else:
                code = OxmlElement("w:instrText")
                code.set(qn("xml:space"), "preserve")
                code.text = instruction
                run._r.append(code)
        self.run(paragraph, " -")

    def save(self, path: str | Path) -> Path:
        stamp_properties(self.doc, self.font)
        return write_atomically(docx_path(path), self.doc.save)


def new_row(table) -> list[_Cell]:
    """The cells of a new last row. python-docx's ``row.cells`` rebuilds the cells of the whole table
    each time, which makes a long table quadratic; the new row's own cells are all that is needed."""
    row = table.add_row()
    return [_Cell(tc, table) for tc in row._tr.tc_lst]


def set_widths(table, widths_cm: list[float]) -> None:
    """Word reads the cell widths, LibreOffice the grid: set both."""
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths_cm):
        column.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table._tbl.tr_lst:
        for tc, width in zip(row.tc_lst, widths_cm):
            tc.width = Cm(width)


def short_date(d) -> str:
    """``16 ธ.ค. 2567`` held on one line: in a narrow cell a date never wraps between day and year."""
    return format_date(d, "short", lang="th").replace(" ", NBSP)


NBSP = "\u00a0"


def keep_with_next(paragraph) -> None:
    paragraph.paragraph_format.keep_with_next = True


def keep_together(paragraphs) -> None:
    """A block (a signature, a heading and its line) that never breaks across pages: every line but
    the last is kept with the next, and each line's own lines together."""
    paragraphs = list(paragraphs)
    for index, paragraph in enumerate(paragraphs):
        paragraph.paragraph_format.keep_together = True
        if index < len(paragraphs) - 1:
            paragraph.paragraph_format.keep_with_next = True


def keep_row_whole(tr) -> None:
    """w:cantSplit: a row moves whole to the next page instead of leaving half its lines behind."""
    trpr = tr.get_or_add_trPr()
    if trpr.find(qn("w:cantSplit")) is None:
        trpr.insert(0, OxmlElement("w:cantSplit"))  # first in CT_TrPr's choice: before w:tblHeader


def _repeat_header(row) -> None:
    """The header row repeats on every page a long table runs over."""
    trpr = row._tr.get_or_add_trPr()
    mark = OxmlElement("w:tblHeader")
    trpr.append(mark)


def _number_format(section, fmt: str) -> None:
    sect = section._sectPr
    pg = sect.find(qn("w:pgNumType"))
    if pg is None:
        pg = OxmlElement("w:pgNumType")
        # pgNumType comes after the page size, margins and borders in CT_SectPr.
        anchors = [sect.find(qn(tag)) for tag in ("w:pgBorders", "w:pgMar", "w:pgSz")]
        anchor = next((a for a in anchors if a is not None), None)
        if anchor is not None:
            anchor.addnext(pg)
        else:
            sect.insert(0, pg)
    pg.set(qn("w:fmt"), fmt)


def _page_setup(doc, landscape: bool) -> None:
    """Official documents are A4 whatever paper the template assumed; its margins are kept."""
    for section in doc.sections:
        short, long = A4
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = long, short
        else:
            section.page_width, section.page_height = short, long


def _clear_body(doc) -> None:
    body = doc.element.body
    for element in list(body):
        if element.tag != qn("w:sectPr"):
            body.remove(element)


def _first_picture(doc) -> bytes | None:
    """The first picture in the template's body (an office puts its Garuda there), as image bytes."""
    for blip in doc.element.body.iter(_PICTURE):
        rel_id = blip.get(_EMBED)
        part = doc.part.related_parts.get(rel_id) if rel_id else None
        if part is not None:
            return part.blob
    return None
