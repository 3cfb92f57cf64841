"""Lending, stocktake and borrowers: each thing the clerk does here, as the one function both doors call.

The command line (commands/lending.py, commands/borrowers.py) only parses and prints; the window
(ui/lend_dialog.py, ui/lending_page.py, ui/stocktake_page.py, ui/borrowers_dialog.py) only asks and
shows. Every check, backup, write and history entry of these actions happens below, so a loan made at
the counter and one made from a script leave the same rows behind.

Loans themselves have no history entry: the material's status change (on loan / available) is recorded
by the materials trigger, and a borrower's corrected section or phone by ``lending.ensure_borrower``.
"""
from __future__ import annotations

from datetime import date

from lo_desktop.core.lending import borrowers
from lo_desktop.core.lending import loans as lending
from lo_desktop.core.lending import stocktake
from lo_desktop.core.safety.backup import backup_before
from lo_desktop.core.errors import UserError
from lo_desktop.core.progress import Progress, report
from lo_desktop.core.thaidate import format_date
from lo_desktop.i18n import _, tr
from lo_desktop.settings import load_settings

STOCKTAKE_BACKUP = "stocktake"  # the reason in the backup's file name


# --- lending and returning ------------------------------------------------------------------------------
def lend_copy(db, code: str, borrower: str, section: str = "", phone: str = "", *, days: int | None = None,
              due_on: date | None = None, today: date | None = None) -> lending.Loan:
    """Lend one copy of the material a typed code or scanned label names.

    The borrower is found by name or added; a section or phone given that differs from the one on record
    replaces it, and the borrower's history says so. The loan is due on ``due_on`` (the window's date
    picker) or after ``days`` days (the command line; the ``loan_days`` setting when neither is given),
    never more than a year away. One transaction: any refusal (unknown code, in the Trash, digital only,
    lost, no copy left, a bad period, no name) leaves the database as it was, without a new borrower.
    """
    lent_on = today or date.today()
    with db.atomic():
        material = lending.resolve_material(db, code)  # read now: the window may hold a stale copy
        lending.check_lendable(db, material)
        person = lending.ensure_borrower(db, borrower, section, phone)
        if due_on is not None:
            return lending.lend_until(db, material, person, due_on, lent_on)
        return lending.lend(db, material, person, _loan_days(db, days), lent_on)


def _loan_days(db, days: int | None) -> int:
    return days if days is not None else load_settings(db).loan_days


def return_copy(db, code: str, *, borrower_name: str | None = None, borrower_id: int | None = None,
                today: date | None = None) -> lending.Loan:
    """Take back one copy of the material a code or label names: the loan of the given borrower (by name
    from the command line, by the loan picked in the window), else the loan due first. The material is
    available again once a copy is back; a material in the Trash is refused like when lending."""
    with db.atomic():
        material = lending.resolve_material(db, code)
        person = (_borrower_by_id(db, borrower_id) if borrower_id is not None
                  else borrower_named(db, borrower_name) if borrower_name else None)
        return lending.return_copy(db, material, person, today)


def borrower_named(db, name: str) -> lending.Borrower:
    """The borrower of that name (spacing and case aside), or a UserError saying there is none."""
    found = lending.find_borrower(db, name or "")
    if found is None:
        raise UserError(tr("There is no borrower named “{name}”.", name=name))
    return found


def _borrower_by_id(db, borrower_id: int) -> lending.Borrower:
    found = lending.get_borrower(db, borrower_id)
    if found is None:
        raise UserError(_("That borrower is no longer in the list; another window may have changed it."))
    return found


def lent_text(loan: lending.Loan) -> str:
    """What both doors say after a loan."""
    return tr("Lent {code} to {name}, due {date}.", code=loan.code, name=loan.borrower, date=format_date(loan.due_on))


def returned_text(loan: lending.Loan) -> str:
    return tr("{code} returned by {name}.", code=loan.code, name=loan.borrower)


# --- the stocktake ------------------------------------------------------------------------------------------
def start_stocktake(db, location: str | None = None) -> stocktake.Stocktake:
    """Begin counting one shelf location (None or "": the whole corner); refused while another runs or when
    no material is stored at that location."""
    return stocktake.start(db, location)


def chosen_stocktake(db, stocktake_id: int | None = None) -> stocktake.Stocktake:
    """The stocktake an action is about: the window names its own, the command line means the one in
    progress (a UserError when none is)."""
    if stocktake_id is not None:
        return stocktake.get_stocktake(db, stocktake_id)
    running = stocktake.open_stocktake(db)
    if running is None:
        raise UserError(_("No stocktake is in progress. Start one with: lo-desktop stocktake start [LOCATION]"))
    return running


def record_scan(db, payload: str, stocktake_id: int | None = None) -> stocktake.ScanResult:
    """Record one scanned label or typed code in the stocktake (default: the one in progress) and say what
    it means: found, on loan, belongs elsewhere, should not be on the shelf, unknown, or already counted
    (which is not recorded)."""
    return stocktake.scan(db, chosen_stocktake(db, stocktake_id).id, payload)


def undo_last_scan(db, stocktake_id: int | None = None) -> stocktake.ScanRecord | None:
    """Take back the latest scan of an open stocktake (a label scanned by mistake); None when nothing was
    scanned yet. A closed stocktake is refused."""
    take = chosen_stocktake(db, stocktake_id)
    with db.atomic():
        last = stocktake.recent_scans(db, take.id, 1)
        if not last:
            return None
        stocktake.undo_scan(db, take.id, last[0].id)
    return last[0]


def undone_text(record: stocktake.ScanRecord) -> str:
    return tr("The scan of {code} was taken back.", code=record.code)


def close_stocktake(db, *, mark_lost: bool = True, stocktake_id: int | None = None,
                    progress: Progress | None = None) -> stocktake.Summary:
    """Close the stocktake (default: the one in progress) and keep its result.

    With ``mark_lost``, materials of which no copy was found (and none is lent) become lost and missing
    copies are written off; the database is backed up first whenever that changes the catalog, as
    before an import. Found materials that were marked lost become available again either way.
    Cancelling rolls the close back.
    """
    take = chosen_stocktake(db, stocktake_id)
    if not take.is_open:
        raise UserError(_("This stocktake is already closed."))
    if mark_lost and any(stocktake.close_preview(stocktake.summary(db, take.id))):
        report(progress, 0, 0, _("Backing up the database…"))
        backup_before(db, STOCKTAKE_BACKUP)
    return stocktake.close(db, take.id, mark_lost, progress)


def closed_text(result: stocktake.Summary) -> str:
    return tr("Stocktake closed. Found {found} of {expected}; missing {missing}; on loan {on_loan}; "
              "unexpected {unexpected}.", **result.counts())


# --- borrowers ----------------------------------------------------------------------------------------------
def edit_borrower(db, borrower_id: int, name: str, section: str, phone: str) -> lending.Borrower:
    """Correct a borrower's name, section and phone (spaces tidied) and record the change in the
    borrower's history; a name another borrower has is refused (merge them instead). Every loan list and
    document shows the new name at once."""
    return borrowers.update_borrower(db, borrower_id, name, section, phone)


def merge_borrowers(db, keep_id: int, other_id: int) -> lending.Borrower:
    """Make two spellings of one colleague one: every loan of ``other`` (open or returned) moves to
    ``keep``, ``keep``'s blank section and phone take ``other``'s, ``other`` leaves the list, and both
    histories say so — all or nothing."""
    return borrowers.merge_borrowers(db, keep_id, other_id)


def delete_borrower(db, borrower_id: int) -> None:
    """Remove a borrower named in no loan (a typing slip), keeping their last values in the history; one
    named in loans is refused with the advice to merge."""
    borrowers.delete_borrower(db, borrower_id)
