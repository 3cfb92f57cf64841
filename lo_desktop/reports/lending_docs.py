"""Word documents of lending: the reminder slip for a borrower and the stocktake report for the file.

Both go through the one document builder (template, TH Sarabun New with its complex-script slots, A4,
page numbers, atomic save), always in Thai with Buddhist-Era dates whatever language the window speaks.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

from lo_desktop.core.lending import loans as lending
from lo_desktop.core.lending import stocktake
from lo_desktop.core.errors import UserError
from lo_desktop.core.progress import report
from lo_desktop.core.thaidate import format_date
from lo_desktop.i18n import tr
from lo_desktop.reports.docx_base import Builder, thai

LOAN_WIDTHS = [1.4, 2.3, 6.2, 2.5, 2.5, 1.9]
ITEM_WIDTHS = [1.4, 2.4, 7.0, 2.8, 2.4]
COUNT_WIDTHS = [9.0, 7.0]
BATCH = 200
REASONS = {
    stocktake.OTHER_LOCATION: "Belongs to another shelf: {location}",
    stocktake.NOT_SHELVED: "Withdrawn or digital only",
    stocktake.UNKNOWN: "No material has this code",
}


def _doc_date(d: date) -> str:
    return format_date(d, lang="th")


def _short(d: date) -> str:
    return format_date(d, "short", lang="th")


def _centered(builder: Builder, text: str, **kwargs) -> None:
    builder.paragraph(text, align=WD_ALIGN_PARAGRAPH.CENTER, **kwargs)


def _signature(builder: Builder, role: str) -> None:
    builder.paragraph("")
    _centered(builder, thai("(signed) ........................................"))
    _centered(builder, "(........................................)")
    _centered(builder, role)


# --- the reminder slip ----------------------------------------------------------------------------------
def build_reminder(db, settings, borrower, out: str | Path, today: date | None = None) -> Path:
    """A slip asking ``borrower`` to bring back what they hold, the overdue loans marked."""
    today = today or date.today()
    loans = [loan for loan in lending.borrower_history(db, borrower.id) if loan.is_open]
    if not loans:
        raise UserError(tr("{name} has nothing on loan, so no reminder is needed.", name=borrower.name))
    builder = Builder(settings)
    builder.paragraph(thai("Reminder to return borrowed materials"), style="Title")
    _centered(builder, thai("Learning corner, {agency}", agency=settings.agency_name), bold=True)
    builder.paragraph(thai("Date {date}", date=_doc_date(today)), align=WD_ALIGN_PARAGRAPH.RIGHT)
    _addressee(builder, borrower)
    late = sum(1 for loan in loans if loan.days_overdue(today))
    builder.paragraph(thai("You have borrowed the following materials from the learning corner; {late} of "
                           "the {count} are past their due date. Please return them to the corner at your "
                           "earliest convenience. If you have already returned them, please disregard this "
                           "slip.", late=late, count=len(loans)))
    _loan_table(builder, loans, today)
    builder.paragraph("")
    builder.paragraph(thai("Thank you for your cooperation."))
    _signature(builder, thai("Keeper of the learning corner"))
    return builder.save(out)


def _addressee(builder: Builder, borrower) -> None:
    who = borrower.name + (f" ({borrower.section})" if borrower.section else "")
    paragraph = builder.paragraph("")
    builder.run(paragraph, thai("To") + " ", bold=True)
    builder.run(paragraph, who)


def _loan_table(builder: Builder, loans, today: date) -> None:
    header = [thai(h) for h in ("No.", "Code", "Title", "Lent on", "Due on", "Days overdue")]
    rows = [[n, loan.code, loan.title, _short(loan.lent_on), _short(loan.due_on),
             loan.days_overdue(today) or "-"] for n, loan in enumerate(loans, 1)]
    table = builder.table(header, rows, LOAN_WIDTHS)
    for row, loan in zip(table.rows[1:], loans):
        row.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        row.cells[5].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        if loan.days_overdue(today):
            for run in row.cells[5].paragraphs[0].runs:
                run.bold = True


# --- the stocktake report ---------------------------------------------------------------------------------
def build_stocktake_report(db, settings, stocktake_id: int, out: str | Path, progress=None) -> Path:
    take = stocktake.get_stocktake(db, stocktake_id)
    result = stocktake.summary(db, stocktake_id)
    builder = Builder(settings)
    _stocktake_heading(builder, take)
    _counts(builder, result)
    sections = (("Materials not found", result.missing, _missing_row),
                ("Materials on loan (not expected on the shelf)", result.on_loan, _loan_row),
                ("Scanned but not expected here", result.unexpected, _unexpected_row),
                ("Materials found", result.found, _found_row))
    total, done = sum(len(items) for _t, items, _r in sections), 0
    for title, items, row_of in sections:
        done = _section(builder, title, items, row_of, (done, total), progress)
    _signature(builder, thai("Counted by"))
    _signature(builder, thai("Checked by"))
    builder.page_numbers()
    return builder.save(out)


def _local_date(stamp: str | None) -> str:
    return _doc_date(datetime.fromisoformat(stamp).astimezone().date()) if stamp else ""


def _stocktake_heading(builder: Builder, take) -> None:
    builder.paragraph(thai("Stocktake report of the learning corner"), style="Title")
    _centered(builder, builder.settings.agency_name, bold=True)
    scope = take.location or thai("the whole corner")
    rows = [[thai("Scope"), scope], [thai("Started on"), _local_date(take.started_at)],
            [thai("Closed on"), _local_date(take.closed_at) or thai("Not closed yet: results so far")]]
    if not take.is_open:
        rows.append([thai("Missing materials"), thai("Marked as lost") if take.marked_lost
                     else thai("Status left unchanged")])
    builder.paragraph("")
    builder.details(rows, COUNT_WIDTHS)


def _counts(builder: Builder, result) -> None:
    c = result.counts()
    builder.paragraph("")
    builder.heading(thai("Summary of the count"), 1)
    rows = [[thai("Materials expected on the shelf"), c["expected"]], [thai("Found"), c["found"]],
            [thai("Not found"), c["missing"]], [thai("On loan"), c["on_loan"]],
            [thai("Scanned but not expected here"), c["unexpected"]]]
    builder.details([[label, f"{value:,}"] for label, value in rows], COUNT_WIDTHS)


def _section(builder: Builder, title: str, items, row_of, position, progress) -> int:
    done, total = position
    builder.paragraph("")
    builder.heading(thai("{title} ({count})", title=thai(title), count=f"{len(items):,}"), 1)
    if not items:
        builder.paragraph(thai("None."))
        return done
    header, widths = row_of(None, None)
    table = builder.table(header, [], widths)
    for start in range(0, len(items), BATCH):
        for number, item in enumerate(items[start:start + BATCH], start + 1):
            cells = table.add_row().cells
            for cell, value in zip(cells, row_of(number, item)):
                builder.cell_text(cell, value)
            cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        done += len(items[start:start + BATCH])
        report(progress, done, total, thai("Writing the stocktake report…"))
    return done


def _header(*names: str) -> list[str]:
    return [thai(name) for name in names]


def _missing_row(number, item):
    if item is None:
        return _header("No.", "Code", "Title", "Stored at", "Copies not found"), ITEM_WIDTHS
    return [number, item.code, item.title, item.location, f"{item.missing}/{item.expected}"]


def _loan_row(number, item):
    if item is None:
        return _header("No.", "Code", "Title", "Borrower", "Copies on loan"), ITEM_WIDTHS
    return [number, item.code, item.title, item.borrowers, item.on_loan]


def _unexpected_row(number, item):
    if item is None:
        return _header("No.", "Code", "Title", "Reason"), [1.4, 2.4, 6.6, 5.6]
    reason = thai(REASONS[item.outcome], location=item.location or thai("no location"))
    return [number, item.code or item.payload, item.title, reason]


def _found_row(number, item):
    if item is None:
        return _header("No.", "Code", "Title", "Stored at", "Copies found"), ITEM_WIDTHS
    return [number, item.code, item.title, item.location, item.found]
