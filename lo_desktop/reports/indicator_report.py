"""The indicator 4.1 evidence report for one fiscal year, as the evaluation committee reads it.

A cover, a summary table of the three components, then each component with its evidence: the work
manuals with their channels and dates; the KM and CoP knowledge the corner holds; every exchange
session with its partners, head count, learnings, stored materials and photos two to a row.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from lo_desktop.core.indicator.communities import list_communities
from lo_desktop.core.indicator.judge import TITLES, judge
from lo_desktop.core.indicator.figures import years_with_records
from lo_desktop.core.progress import report
from lo_desktop.core.thaidate import format_date, format_fiscal_year
from lo_desktop.core.vocab import word
from lo_desktop.reports.channel_evidence import channel_table
from lo_desktop.reports.docx_base import Builder, Verbatim, thai
from lo_desktop.reports.photos import add_photo_grid
from lo_desktop.reports.session_text import (
    headcount_text, partner_text, photo_items, time_text)

MATERIAL_WIDTHS = [1.2, 2.6, 8.7, 3.5]
COMMUNITY_WIDTHS = [1.2, 4.6, 6.2, 4.0]  # the last heading keeps ปีงบประมาณนี้ on one line
SUMMARY_WIDTHS = [2.3, 5.4, 5.6, 2.7]
DETAIL_WIDTHS = [4.6, 11.4]


def build_indicator_report(db, settings, fiscal_year: int, out: str | Path, progress=None, indicator=None) -> Path:
    """The report of ``indicator`` (judged here when not given: reports/actions.py hands its judgement on)."""
    indicator = indicator or judge(db, fiscal_year, settings)
    builder = Builder(settings)
    steps = _Steps(progress, indicator)
    _cover(builder, indicator)
    _summary(builder, indicator)
    manuals, corner, sessions = indicator.components
    _manuals(builder, db, manuals)
    _corner(builder, db, corner)
    _sessions(builder, db, sessions, steps)
    builder.page_numbers()
    return builder.save(out)


def report_years(db, current: int, back: int = 5) -> list[int]:
    """Fiscal years worth offering, newest first: the last few, and every year something was recorded."""
    return sorted(set(range(current, current - back - 1, -1)) | set(years_with_records(db)), reverse=True)


class _Steps:
    """Progress counted in photos (the slow part) and sessions."""

    def __init__(self, progress, indicator):
        self.progress, self.done = progress, 0
        sessions = indicator.components[2].sessions
        self.total = sum(len(s.photos) + 1 for s, _m in sessions) + 1

    def step(self) -> None:
        self.done += 1
        report(self.progress, self.done, self.total, thai("Writing the indicator report…"))


def fy_text(fiscal_year: int) -> str:
    return format_fiscal_year(fiscal_year, lang="th")


def _cover(builder: Builder, indicator) -> None:
    s = builder.settings
    for _i in range(4):
        builder.paragraph("")
    builder.paragraph(thai("Report on the results of indicator 4.1"), style="Title")
    builder.paragraph(thai("The success of becoming a learning organisation"), style="Subtitle",
                      align=WD_ALIGN_PARAGRAPH.CENTER)
    builder.paragraph(thai("Dimension 4: organisational development"), align=WD_ALIGN_PARAGRAPH.CENTER)
    builder.paragraph(fy_text(indicator.fiscal_year), size=20, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for _i in range(6):
        builder.paragraph("")
    builder.paragraph(s.agency_name, size=22, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    kind = word("agency_type", indicator.agency_type, "th")
    builder.paragraph(thai("Agency type: {kind}", kind=kind), align=WD_ALIGN_PARAGRAPH.CENTER)
    builder.paragraph(thai("Prepared on {date}", date=format_date(date.today(), lang="th")),
                      align=WD_ALIGN_PARAGRAPH.CENTER)
    builder.page_break()


def _summary(builder: Builder, indicator) -> None:
    builder.heading(thai("Summary of the three components"), 1)
    rows = [[c.number, thai(TITLES[c.number]), _figures_text(c), _met_text(c.met)]
            for c in indicator.components]
    header = [thai("Component number"), thai("Criterion of the component"), thai("Result of the year"), thai("Assessment of the component")]
    table = builder.table(header, rows, SUMMARY_WIDTHS)
    for row in table.rows[1:]:
        row.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        row.cells[3].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    verdict = "All three components are met." if indicator.met else "Not every component is met yet."
    builder.paragraph("")
    builder.paragraph(thai(verdict), bold=True)
    for component in indicator.components:
        if not component.met:
            builder.paragraph("")
            builder.heading(thai("Why component {number} is not met yet", number=component.number), 3)
            gap_lines(builder, component)


def gap_lines(builder: Builder, component) -> None:
    """The judgement's own reasons (the ones the window and the command line show), in Thai."""
    for gap in component.gaps:
        paragraph = builder.paragraph(f"- {gap.thai or gap.text}")
        paragraph.paragraph_format.left_indent = Cm(0.5)


def _met_text(met: bool) -> str:
    return thai("Component met") if met else thai("Component not met")


def _figures_text(component) -> str:
    f = component.figures
    if component.number == 1:
        return thai("{manuals} work manuals; {met} distributed through 2 channels or more",
                    manuals=f.get("manuals", 0), met=f.get("manuals_met", 0))
    if component.number == 2:
        return thai("KM knowledge {km} items; CoP knowledge {cop} items", km=f.get("km", 0), cop=f.get("cop", 0))
    return thai("{held} sessions held, {counted} with knowledge stored in the corner (at least {required} "
                "required)", held=f.get("held", 0), counted=f.get("counted", 0), required=component.required)


def component_heading(builder: Builder, component) -> None:
    builder.page_break()
    builder.heading(thai("Component {number}: {title}", number=component.number,
                         title=thai(TITLES[component.number])), 1)
    paragraph = builder.paragraph("")
    builder.run(paragraph, thai("Assessment: "), bold=True)
    builder.run(paragraph, _met_text(component.met) + " (" + _figures_text(component) + ")")
    gap_lines(builder, component)
    builder.paragraph("")


def _manuals(builder: Builder, db, component) -> None:
    component_heading(builder, component)
    if not component.manuals:
        builder.paragraph(thai("No work manual is recorded for this fiscal year."))
    for number, (manual, channels) in enumerate(component.manuals, 1):
        builder.heading(f"{number}. {manual.title} ({manual.code})", 3)
        if channels:
            channel_table(builder, db, channels)
        else:
            builder.paragraph(thai("No channel is recorded in this fiscal year."))
        builder.paragraph("")


def _corner(builder: Builder, db, component) -> None:
    component_heading(builder, component)
    builder.heading(thai("Knowledge from the KM indicator"), 2)
    material_table(builder, component.km_items)
    builder.heading(thai("Knowledge from the CoP indicator"), 2)
    material_table(builder, component.cop_items)
    communities = list_communities(db)
    if communities:
        builder.heading(thai("Communities of practice"), 2)
        of_year = {m.id for m in component.km_items + component.cop_items}
        rows = [[i, c.name, ", ".join(c.members), sum(1 for m in c.material_ids if m in of_year)]
                for i, c in enumerate(communities, 1)]
        # Counted in the report's year, as the CoP list above is: a total over every year would
        # contradict "none recorded" for a year with nothing.
        builder.table([thai("No."), thai("Community of practice name"), thai("Community members"),
                       thai("Materials stored in this fiscal year")], rows, COMMUNITY_WIDTHS)


def material_table(builder: Builder, materials) -> None:
    if not materials:
        builder.paragraph(thai("None recorded."))
        return
    rows = [[i, Verbatim(m.code), m.title, _kind(m.kind)] for i, m in enumerate(materials, 1)]
    builder.table([thai("No."), thai("Code"), thai("Title"), thai("Kind")], rows, MATERIAL_WIDTHS)


def _kind(key: str) -> str:
    return word("kind", key, "th")


def _sessions(builder: Builder, db, component, steps: _Steps) -> None:
    component_heading(builder, component)
    if not component.sessions:
        builder.paragraph(thai("No exchange session is recorded in this fiscal year."))
    for number, (session, materials) in enumerate(component.sessions, 1):
        if number > 1:
            builder.page_break()
        builder.heading(thai("Session {number}: {topic}", number=number, topic=session.topic), 2)
        builder.details(session_rows(session, materials), DETAIL_WIDTHS)
        if session.photos:
            builder.heading(thai("Photos of the session"), 3)
            add_photo_grid(builder, photo_items(db, session), progress=steps.step)
        steps.step()


def session_rows(session, materials) -> list[list[str]]:
    stored = "\n".join(f"{m.code} {m.title}" for m in materials) or thai("None stored yet.")
    rows = [
        (thai("Date of the session"), format_date(session.held_on, lang="th") + time_text(session)),
        (thai("Place of the session"), session.place),
        (thai("Host agency"), session.host),
        (thai("Partner agencies"), partner_text(session)),
        (thai("Topic of the session"), session.topic),
        (thai("Participants and head count"), headcount_text(session)),
        (thai("Agenda of the session"), session.agenda),
        (thai("What we learned"), session.learnings_ours),
        (thai("What the partners learned"), session.learnings_theirs),
        (thai("Follow-up actions"), session.follow_up),
        (thai("Knowledge stored in the corner"), stored),
    ]
    return [list(r) for r in rows if r[1]]
