"""Lending physical copies to colleagues: borrowers, loans, returns, overdue lists and history.

A material has ``copies`` physical copies; each open loan (``returned_on IS NULL``) holds one, so the
copies on the shelf are ``copies − open loans``. The material's status follows: ``on_loan`` once no copy
is left, ``available`` again when one comes back. ``lost`` and ``withdrawn`` are the clerk's word and
are never overridden here.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from lo_desktop.core.catalog.materials import get_material, now
from lo_desktop.core.errors import UserError
from lo_desktop.core.safety.history import record_change
from lo_desktop.core.records import Material
from lo_desktop.core.catalog.scan import code_from_payload
from lo_desktop.core.thaidate import format_date
from lo_desktop.core.vocab import word
from lo_desktop.i18n import _, tr

MAX_LOAN_DAYS = 366


@dataclass
class Borrower:
    name: str
    section: str = ""
    phone: str = ""
    id: int | None = None


@dataclass
class Loan:
    """One loan with what a list shows of its material and borrower."""
    id: int
    material_id: int
    code: str
    title: str
    borrower_id: int
    borrower: str
    section: str
    phone: str
    lent_on: date
    due_on: date
    returned_on: date | None = None

    @property
    def is_open(self) -> bool:
        return self.returned_on is None

    def days_overdue(self, today: date | None = None) -> int:
        """Days past the due date of a loan still out; 0 when returned or not yet due."""
        if not self.is_open:
            return 0
        return max(0, ((today or date.today()) - self.due_on).days)


# --- borrowers --------------------------------------------------------------------------------------
def borrowers(db) -> list[Borrower]:
    rows = db.execute("SELECT id, name, section, phone FROM borrowers ORDER BY name").fetchall()
    return [Borrower(id=r[0], name=r[1], section=r[2], phone=r[3]) for r in rows]


def find_borrower(db, name: str) -> Borrower | None:
    row = db.execute("SELECT id, name, section, phone FROM borrowers WHERE name = ? COLLATE NOCASE",
                     [" ".join(name.split())]).fetchone()
    return Borrower(id=row[0], name=row[1], section=row[2], phone=row[3]) if row else None


def get_borrower(db, borrower_id: int) -> Borrower | None:
    row = db.execute("SELECT id, name, section, phone FROM borrowers WHERE id = ?", [borrower_id]).fetchone()
    return Borrower(id=row[0], name=row[1], section=row[2], phone=row[3]) if row else None


def ensure_borrower(db, name: str, section: str = "", phone: str = "") -> Borrower:
    """The borrower of that name, added on the fly when new; a section or phone given fills in blanks."""
    name = " ".join((name or "").split())
    if not name:
        raise UserError(_("Type the borrower's name."))
    found = find_borrower(db, name)
    if found is None:
        with db.atomic():
            new_id = db["borrowers"].insert({"name": name, "section": section.strip(), "phone": phone.strip(),
                                             "created_at": now()}).last_pk
        return Borrower(name=name, section=section.strip(), phone=phone.strip(), id=new_id)
    changes = {k: v.strip() for k, v in (("section", section), ("phone", phone))
               if v.strip() and v.strip() != getattr(found, k)}
    if changes:
        with db.atomic():
            db["borrowers"].update(found.id, changes)
            record_change(db, "borrower", found.id, {k: [getattr(found, k), v] for k, v in changes.items()})
        found = get_borrower(db, found.id)
    return found


# --- availability -----------------------------------------------------------------------------------
def open_loan_count(db, material_id: int) -> int:
    return db.execute("SELECT COUNT(*) FROM loans WHERE material_id = ? AND returned_on IS NULL",
                      [material_id]).fetchone()[0]


def available_copies(db, material: Material) -> int:
    return max(0, (material.copies or 0) - open_loan_count(db, material.id))


def is_lendable_format(material: Material) -> bool:
    return material.format != "digital" and (material.copies or 0) > 0


def resolve_material(db, text: str) -> Material:
    """The live material a typed code or scanned label names, or a UserError saying why not."""
    code = code_from_payload(db, text or "")
    if code is None:
        in_trash = code_from_payload(db, text or "", include_deleted=True)
        if in_trash:
            raise UserError(tr("{code} is in the Trash; restore it before lending or returning it.", code=in_trash))
        raise UserError(tr("No material has the code “{code}”.", code=(text or "").strip()[:60]))
    return get_material(db, code)


# --- lending and returning ----------------------------------------------------------------------------
def check_lendable(db, material: Material) -> None:
    if not is_lendable_format(material):
        raise UserError(tr("{code} is digital only: there is no physical copy to lend.", code=material.code))
    if material.status in ("lost", "withdrawn"):
        raise UserError(tr("{code} is marked “{status}” and cannot be lent.", code=material.code,
                           status=word("status", material.status)))
    if available_copies(db, material) == 0:
        raise UserError(tr("No copy of {code} is left to lend: all {copies} are on loan.",
                           code=material.code, copies=material.copies))


def lend(db, material: Material, borrower: Borrower, days: int = 14, today: date | None = None) -> Loan:
    """Lend one copy of ``material`` to ``borrower`` for ``days`` days."""
    if not 1 <= int(days) <= MAX_LOAN_DAYS:
        raise UserError(tr("A loan lasts from 1 to {most} days.", most=MAX_LOAN_DAYS))
    lent_on = today or date.today()
    return lend_until(db, material, borrower, lent_on + timedelta(days=int(days)), lent_on)


def lend_until(db, material: Material, borrower: Borrower, due_on: date, lent_on: date | None = None) -> Loan:
    lent_on = lent_on or date.today()
    if due_on < lent_on:
        raise UserError(_("The due date cannot be before the day of lending."))
    if (due_on - lent_on).days > MAX_LOAN_DAYS:  # a due date picked in the window obeys the days' limit too
        raise UserError(tr("A loan lasts from 1 to {most} days.", most=MAX_LOAN_DAYS))
    with db.atomic():
        check_lendable(db, material)  # inside the transaction: two windows cannot lend the last copy
        loan_id = db["loans"].insert({"material_id": material.id, "borrower_id": borrower.id,
                                      "lent_on": lent_on.isoformat(), "due_on": due_on.isoformat(),
                                      "returned_on": None, "created_at": now()}).last_pk
        _follow_status(db, material.id)
    return get_loan(db, loan_id)


def return_copy(db, material: Material, borrower: Borrower | None = None, today: date | None = None) -> Loan:
    """Return one copy: the borrower's loan when given, else the loan due first."""
    loan = _open_loan_to_return(db, material, borrower)
    with db.atomic():
        db.execute("UPDATE loans SET returned_on = ? WHERE id = ?", [(today or date.today()).isoformat(), loan.id])
        _follow_status(db, material.id)
    return get_loan(db, loan.id)


def _open_loan_to_return(db, material: Material, borrower: Borrower | None) -> Loan:
    loans = [loan for loan in open_loans_of(db, material.id)
             if borrower is None or loan.borrower_id == borrower.id]
    if loans:
        return loans[0]
    if borrower is not None and open_loans_of(db, material.id):
        raise UserError(tr("{code} is not lent to {name}.", code=material.code, name=borrower.name))
    raise UserError(tr("{code} is not on loan, so there is nothing to return.", code=material.code))


def _follow_status(db, material_id: int) -> None:
    """on_loan when no copy is left, available when one is; lost and withdrawn stay as they are."""
    row = db.execute("SELECT copies, status FROM materials WHERE id = ?", [material_id]).fetchone()
    copies, status = row
    left = copies - open_loan_count(db, material_id)
    wanted = "on_loan" if left <= 0 else "available"
    if status in ("available", "on_loan") and status != wanted:
        db.execute("UPDATE materials SET status = ?, updated_at = ? WHERE id = ?", [wanted, now(), material_id])


# --- lists ------------------------------------------------------------------------------------------
_LOAN_SQL = """
    SELECT l.id, l.material_id, m.code, m.title, l.borrower_id, b.name, b.section, b.phone,
           l.lent_on, l.due_on, l.returned_on
    FROM loans l JOIN materials m ON m.id = l.material_id JOIN borrowers b ON b.id = l.borrower_id
"""


def _loans(db, where: str, params: list, order: str = "l.due_on, l.id") -> list[Loan]:
    rows = db.execute(f"{_LOAN_SQL} WHERE {where} ORDER BY {order}", params).fetchall()
    return [_loan(r) for r in rows]


def _loan(r) -> Loan:
    return Loan(id=r[0], material_id=r[1], code=r[2], title=r[3], borrower_id=r[4], borrower=r[5],
                section=r[6], phone=r[7], lent_on=date.fromisoformat(r[8]), due_on=date.fromisoformat(r[9]),
                returned_on=date.fromisoformat(r[10]) if r[10] else None)


def get_loan(db, loan_id: int) -> Loan:
    return _loans(db, "l.id = ?", [loan_id])[0]


def open_loans(db) -> list[Loan]:
    return _loans(db, "l.returned_on IS NULL", [])


def open_loans_of(db, material_id: int) -> list[Loan]:
    return _loans(db, "l.returned_on IS NULL AND l.material_id = ?", [material_id])


def overdue_loans(db, today: date | None = None) -> list[Loan]:
    """Open loans past their due date, the longest overdue first."""
    return _loans(db, "l.returned_on IS NULL AND l.due_on < ?", [(today or date.today()).isoformat()])


def material_history(db, material_id: int) -> list[Loan]:
    return _loans(db, "l.material_id = ?", [material_id], order="l.lent_on DESC, l.id DESC")


def borrower_history(db, borrower_id: int) -> list[Loan]:
    return _loans(db, "l.borrower_id = ?", [borrower_id], order="l.lent_on DESC, l.id DESC")


def all_loans(db) -> list[Loan]:
    return _loans(db, "1", [], order="l.lent_on DESC, l.id DESC")


def loan_json(loan: Loan, today: date | None = None) -> dict:
    """The fields a script reads from ``lo-desktop loans --json`` (dates in ISO, CE)."""
    return {"code": loan.code, "title": loan.title, "borrower": loan.borrower, "section": loan.section,
            "phone": loan.phone, "lent_on": loan.lent_on.isoformat(), "due_on": loan.due_on.isoformat(),
            "returned_on": loan.returned_on.isoformat() if loan.returned_on else None,
            "days_overdue": loan.days_overdue(today)}


def loan_line(loan: Loan, today: date | None = None) -> str:
    """One line for the terminal, dates in the Buddhist Era."""
    late = loan.days_overdue(today)
    state = (tr("returned {date}", date=format_date(loan.returned_on, "short")) if loan.returned_on
             else tr("{days} days overdue", days=late) if late else _("on loan"))
    return "\t".join([loan.code, loan.title, loan.borrower, format_date(loan.lent_on, "short"),
                      format_date(loan.due_on, "short"), state])
