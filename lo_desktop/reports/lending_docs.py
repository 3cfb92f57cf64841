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
from lo_desktop.reports.docx_base import Builder, Verbatim, keep_together, short_date, thai

LOAN_WIDTHS = [0.9, 2.4, 3.9, 3.3, 3.3, 2.2]  # 16.0 cm, the A4 text width; "BN-0008" and "24 พ.ย. 2569" on one line
ITEM_WIDTHS = [1.0, 2.5, 7.3, 2.8, 2.4]
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
    """Space to sign, the line, the name in brackets and the role: one block on one page."""
    lines = [builder.paragraph("")]
    for text in (thai("(signed) ........................................"),
                 "(........................................)", role):
        lines.append(builder.paragraph(text, align=WD_ALIGN_PARAGRAPH.CENTER))
    keep_together(lines)


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
    builder.paragraph(_reminder_text(loans, today))
    _loan_table(builder, loans, today)
    builder.paragraph("")
    builder.paragraph(thai("Thank you for your cooperation."))
    _signature(builder, thai("Keeper of the learning corner"))
    return builder.save(out)


def _reminder_text(loans, today: date) -> str:
    """Asks for the overdue ones back; with nothing overdue, only reminds of the due dates."""
    late = sum(1 for loan in loans if loan.days_overdue(today))
    if not late:
        return thai("You have borrowed the following materials from the learning corner; none is past its "
                    "due date yet. Please return each by the due date shown, so that colleagues can borrow "
                    "it in turn.")
    return thai("You have borrowed the following materials from the learning corner; {late} of the {count} "
                "are past their due date. Please return them to the corner at your earliest convenience. If "
                "you have already returned them, please disregard this slip.", late=late, count=len(loans))


def _addressee(builder: Builder, borrower) -> None:
    who = borrower.name + (f" ({borrower.section})" if borrower.section else "")
    paragraph = builder.paragraph("")
    builder.run(paragraph, thai("To") + " ", bold=True)
    builder.run(paragraph, who)


def _loan_table(builder: Builder, loans, today: date) -> None:
    header = [thai(h) for h in ("No.", "Code", "Title", "Lent on", "Due on", "Days overdue")]
    table = builder.table(header, [], LOAN_WIDTHS)
    for n, loan in enumerate(loans, 1):
        cells = builder.row(table, [n, Verbatim(loan.code), loan.title, short_date(loan.lent_on),
                                    short_date(loan.due_on), ""])
        late = loan.days_overdue(today)
        # bold through the font helper: w:bCs too, or Thai digits would print plain
        builder.cell_text(cells[5], late or "-", bold=bool(late), align=WD_ALIGN_PARAGRAPH.CENTER)
        cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


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


def copy_counts(result) -> dict[str, int]:
    """The summary in copies, the unit every table below counts in, so that its figures add up:
    expected = found of what was expected + not found. A title with some copies missing is in both
    lists, each with its own copies; copies found beyond what was expected (a title marked lost, a
    copy more than recorded) are counted apart."""
    expected = sum(item.expected for item in result.missing) + sum(
        item.expected for item in result.found if item.status not in ("lost", "withdrawn") and not item.missing)
    missing = sum(item.missing for item in result.missing)
    found = sum(item.found for item in result.found)
    return {"titles": result.expected, "expected": expected, "found": found, "missing": missing,
            "found_expected": expected - missing, "extra": found - (expected - missing),
            "on_loan": sum(item.on_loan for item in result.on_loan), "unexpected": len(result.unexpected)}


def _counts(builder: Builder, result) -> None:
    c = copy_counts(result)
    builder.paragraph("")
    builder.heading(thai("Summary of the count (in copies)"), 1)
    rows = [[thai("Expected on the shelf"), thai("{copies} copies ({titles} titles)", copies=f"{c['expected']:,}",
                                                  titles=f"{c['titles']:,}")],
            [thai("Found"), thai("{copies} copies", copies=f"{c['found_expected']:,}")],
            [thai("Not found"), thai("{copies} copies", copies=f"{c['missing']:,}")]]
    if c["extra"]:
        rows.append([thai("Found beyond what was expected (lost or extra copies)"),
                     thai("{copies} copies", copies=f"{c['extra']:,}")])
    rows += [[thai("On loan (not expected on the shelf)"), thai("{copies} copies", copies=f"{c['on_loan']:,}")],
             [thai("Scanned but not expected here"), thai("{count} scans", count=f"{c['unexpected']:,}")]]
    builder.details(rows, COUNT_WIDTHS)


def _section(builder: Builder, title: str, items, row_of, position, progress) -> int:
    done, total = position
    builder.paragraph("")
    builder.heading(thai("{title} ({count} titles)", title=thai(title), count=f"{len(items):,}"), 1)
    if not items:
        builder.paragraph(thai("None."))
        return done
    header, widths = row_of(None, None)
    table = builder.table(header, [], widths)
    for start in range(0, len(items), BATCH):
        for number, item in enumerate(items[start:start + BATCH], start + 1):
            cells = builder.row(table, row_of(number, item))
            cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            cells[-1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        done += len(items[start:start + BATCH])
        report(progress, done, total, thai("Writing the stocktake report…"))
    return done


def _header(*names: str) -> list[str]:
    return [thai(name) for name in names]


def _missing_row(number, item):
    if item is None:
        return _header("No.", "Code", "Title", "Stored at", "Copies not found"), ITEM_WIDTHS
    return [number, Verbatim(item.code), item.title, item.location, f"{item.missing}/{item.expected}"]


def _loan_row(number, item):
    if item is None:
        return _header("No.", "Code", "Title", "Borrower", "Copies on loan"), ITEM_WIDTHS
    return [number, Verbatim(item.code), item.title, item.borrowers, item.on_loan]


def _unexpected_row(number, item):
    if item is None:
        return _header("No.", "Code", "Title", "Reason"), [1.2, 2.4, 6.8, 5.6]
    reason = thai(REASONS[item.outcome], location=item.location or thai("no location"))
    return [number, Verbatim(item.code or item.payload), item.title, reason]


def _found_row(number, item):
    if item is None:
        return _header("No.", "Code", "Title", "Stored at", "Copies found"), ITEM_WIDTHS
    return [number, Verbatim(item.code), item.title, item.location, item.found]
