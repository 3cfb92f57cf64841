"""The internal memo (บันทึกข้อความ) reporting one exchange session, in the official layout.

Emblem space 1.5 cm and the heading "บันทึกข้อความ" in bold 29 pt; the labels ส่วนราชการ / ที่ / วันที่ /
เรื่อง in bold 20 pt with dotted leaders; the body in 16 pt with a 2.5 cm first-line indent; a signature
block; the photos on an appendix page. The Garuda emblem itself is not shipped (its artwork licence is
unclear): when the office's template holds a picture in its body it is used, else its 1.5 cm is left as
clean space (a printed memo must look finished; the office stamps or prints its emblem there).
Lists inside a numbered section are numbered under it (1.1, 1.2), never "1." inside "1.".
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt

from lo_desktop.core.errors import UserError
from lo_desktop.core.progress import report
from lo_desktop.core.indicator.sessions import get_session, session_materials
from lo_desktop.core.thaidate import format_date
from lo_desktop.i18n import tr
from lo_desktop.reports.docx_base import Builder, keep_together, keep_with_next, set_widths, thai
from lo_desktop.reports.photos import add_photo_grid
from lo_desktop.reports.session_text import (
    date_time_text, headcount_text, participant_lines, partner_text, photo_items)

HEADING_PT = 29
LABEL_PT = 20
EMBLEM_CM = 1.5
INDENT_CM = 2.5
SIGNATURE_INDENT_CM = 6.5
MAX_LISTED_PARTICIPANTS = 30


def build_session_memo(db, settings, session_id: int, out: str | Path, progress=None,
                       memo_date: date | None = None) -> Path:
    """The memo of one session, dated ``memo_date`` (default: today)."""
    session = get_session(db, session_id)
    if session is None or session.deleted_at:
        raise UserError(tr("There is no exchange session number {id}.", id=session_id))
    builder = Builder(settings)
    memo = _Memo(builder, session, session_materials(db, session_id), memo_date or date.today())
    memo.write()
    if session.photos:
        builder.page_break()
        builder.paragraph(thai("Photos of the exchange session"), size=LABEL_PT, bold=True,
                          align=WD_ALIGN_PARAGRAPH.CENTER)
        builder.paragraph(f"{session.topic} {format_date(session.held_on, lang='th')}",
                          align=WD_ALIGN_PARAGRAPH.CENTER)
        builder.paragraph("")
        add_photo_grid(builder, photo_items(db, session), progress=_counter(progress, len(session.photos)))
    builder.page_numbers()
    return builder.save(out)


class _Memo:
    def __init__(self, builder: Builder, session, materials, memo_date: date):
        self.b, self.session, self.materials, self.date = builder, session, materials, memo_date
        section = builder.doc.sections[0]
        self.width = Emu(section.page_width - section.left_margin - section.right_margin)
        self.agency = builder.settings.agency_name

    def write(self) -> None:
        self.heading()
        self.label_line([("Memo: government agency", self.agency)])
        self.label_line([("Memo: ref.", ""), ("Memo: date", format_date(self.date, lang="th"))])
        self.label_line([("Memo: subject", self.subject())])
        self.to_line()
        self.body()
        self.signature()

    # the head of the memo -----------------------------------------------------------------------
    def heading(self) -> None:
        table = self.b.doc.add_table(rows=1, cols=3)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        set_widths(table, [EMBLEM_CM, self.width.cm - 2 * EMBLEM_CM, EMBLEM_CM])
        emblem, title, _right = table.rows[0].cells
        row = table.rows[0]
        row.height, row.height_rule = Cm(EMBLEM_CM), WD_ROW_HEIGHT_RULE.AT_LEAST
        self.emblem(emblem)
        title.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
        self.b.run(title.paragraphs[0], thai("Memorandum (heading)"), size=HEADING_PT, bold=True)
        title.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

    def emblem(self, cell) -> None:
        """The office's emblem from its template, else clean 1.5 cm space: no box, no placeholder word."""
        _no_margins(cell)
        if self.b.emblem:
            self.b.picture(cell.paragraphs[0], self.b.emblem, height=Cm(EMBLEM_CM))

    def label_line(self, pairs: list[tuple[str, str]]) -> None:
        """``ส่วนราชการ  สำนักงานเขตบางนา ........``: each label bold 20 pt, its value, dots to the next stop."""
        paragraph = self.b.paragraph()
        stops = self._stops(len(pairs))
        for position in stops:
            paragraph.paragraph_format.tab_stops.add_tab_stop(position, _align(position, stops[-1]),
                                                              WD_TAB_LEADER.DOTS)
        for label, value in pairs:
            self.b.run(paragraph, thai(label), size=LABEL_PT, bold=True)
            self.b.run(paragraph, f"  {value}" if value else "  ")
            self.b.run(paragraph, "\t")

    def _stops(self, count: int) -> list:
        if count == 1:
            return [self.width]
        return [Cm(8.0), self.width]

    def subject(self) -> str:
        return thai("Report on the knowledge exchange with {partners}",
                    partners=partner_text(self.session) or thai("another agency"))

    def to_line(self) -> None:
        director = thai("Director of {agency}", agency=self.b.settings.agency_short or self.agency)
        paragraph = self.b.paragraph()
        paragraph.paragraph_format.space_before = Pt(6)
        self.b.run(paragraph, thai("Memo: to"))
        self.b.run(paragraph, f"  {director}")

    # the body -----------------------------------------------------------------------------------
    def body(self) -> None:
        s = self.session
        place = thai(" at {place}", place=s.place) if s.place else ""
        self.para(thai("In accordance with indicator 4.1, the success of becoming a learning organisation, "
                       "{agency} held a cross-agency knowledge exchange with {partners} on the topic "
                       "“{topic}” on {when}{place}. The details are as follows.",
                       agency=self.agency, partners=partner_text(s) or thai("another agency"),
                       topic=s.topic, when=date_time_text(s), place=place), space_before=6)
        sections = [
            (thai("Purpose of the session"),
             [thai("To exchange knowledge and good practice on “{topic}” with {partners}, and to store what "
                   "was learned in the learning corner.", topic=s.topic,
                   partners=partner_text(s) or thai("another agency"))]),
            (thai("Agenda of the session"), _lines(s.agenda)),
            (thai("Participants of the session"), [headcount_text(s)] + self.participants()),
            (thai("Key learnings of the session"), self.learned() or [thai("None recorded.")]),
            (thai("Follow-up actions"), _lines(s.follow_up) or [thai("None recorded.")]),
            (thai("Knowledge stored in the learning corner"), self.stored()),
        ]
        number = 0
        for title, lines in sections:
            if lines:
                number += 1
                self.numbered(number, title, lines)
        keep_with_next(self.para(thai("For your information."), space_before=12))

    def learned(self) -> list[str]:
        s, agency = self.session, self.b.settings.agency_short or self.agency
        learned = [thai("What {agency} learned: {text}", agency=agency, text=s.learnings_ours)] \
            if s.learnings_ours else []
        if s.learnings_theirs:
            learned.append(thai("What the partner agencies learned: {text}", text=s.learnings_theirs))
        return learned

    def participants(self) -> list[str]:
        lines = participant_lines(self.session)
        if not lines or len(lines) > MAX_LISTED_PARTICIPANTS:
            return []
        return lines

    def stored(self) -> list[str]:
        if not self.materials:
            return [thai("None stored yet.")]
        return [f"{m.code} {m.title}" for m in self.materials]

    def numbered(self, number: int, title: str, lines: list[str]) -> None:
        """``1. title``, then one line as a paragraph, or several as 1.1, 1.2 (their own "1." dropped)."""
        heading = self.para(f"{number}. {title}", bold=True, space_before=6)
        keep_with_next(heading)
        for sub, line in enumerate(lines, 1):
            self.para(f"{number}.{sub} {line}" if len(lines) > 1 else line)

    def para(self, text: str, bold: bool | None = None, space_before: float = 0):
        paragraph = self.b.paragraph(text, bold=bold)
        paragraph.paragraph_format.first_line_indent = Cm(INDENT_CM)
        paragraph.paragraph_format.space_before = Pt(space_before)
        return paragraph

    # the signature ------------------------------------------------------------------------------
    def signature(self) -> None:
        """Three blank lines to sign on, the name line and the position: kept with "for your
        information" above them and together on one page."""
        lines = [self.b.paragraph("") for _i in range(3)]
        for text in ("(" + "." * 45 + ")", thai("Signer's position") + " " + "." * 40):
            paragraph = self.b.paragraph(text, align=WD_ALIGN_PARAGRAPH.CENTER)
            paragraph.paragraph_format.left_indent = Cm(SIGNATURE_INDENT_CM)
            lines.append(paragraph)
        keep_together(lines)


def _align(position, last) -> WD_TAB_ALIGNMENT:
    return WD_TAB_ALIGNMENT.RIGHT if position == last else WD_TAB_ALIGNMENT.LEFT


_OWN_NUMBER = re.compile(r"^\s*(?:\(?\d+[.)]|[-•*])\s*")


def _lines(text: str | None) -> list[str]:
    """The non-empty lines of a field, without the numbers or bullets the clerk typed."""
    return [_OWN_NUMBER.sub("", line).strip() for line in (text or "").splitlines() if line.strip()]


def _no_margins(cell) -> None:
    """No inner margins: the emblem fills its 1.5 cm. tcMar goes after tcW and before vAlign (CT_TcPr)."""
    tcpr = cell._tc.get_or_add_tcPr()
    margins = OxmlElement("w:tcMar")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), "0")
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    tcpr.append(margins)


def _counter(progress, total: int):
    state = {"done": 0}

    def step() -> None:
        state["done"] += 1
        report(progress, state["done"], total, thai("Writing the memo…"))
    return step
