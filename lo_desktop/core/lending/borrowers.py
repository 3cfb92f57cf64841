"""Keeping the list of borrowers tidy: fix a name, section or phone, merge two spellings of one colleague,
remove a name nobody borrowed under.

Borrowers are added on the fly when lending (``lending.ensure_borrower``), so typing slips end up as extra
borrowers. Every list and document (loans, overdue, reminder slip, stocktake) reads the name through a
join on ``loans.borrower_id``, so a change here shows everywhere at once; loans themselves never copy it.
Every correction, merge and deletion is recorded in the history (entity "borrower"), in its transaction.
"""
from __future__ import annotations

from lo_desktop.core.errors import UserError
from lo_desktop.core.safety.history import record_change
from lo_desktop.core.lending.loans import Borrower, find_borrower, get_borrower
from lo_desktop.core.similar import most_alike
from lo_desktop.i18n import _, tr

# (borrower, open loans, all loans): what the borrowers dialog lists
BorrowerCounts = tuple[Borrower, int, int]

_COUNTS_SQL = """
    SELECT b.id, b.name, b.section, b.phone,
           COALESCE(SUM(l.id IS NOT NULL AND l.returned_on IS NULL), 0), COUNT(l.id)
    FROM borrowers b LEFT JOIN loans l ON l.borrower_id = b.id
    GROUP BY b.id ORDER BY b.name, b.id
"""


def clean(text: str | None) -> str:
    """Trimmed, with runs of spaces made one, as ``ensure_borrower`` stores names."""
    return " ".join((text or "").split())


def borrowers_with_loans(db) -> list[BorrowerCounts]:
    """Every borrower with their open loans and all their loans (returned ones too), by name."""
    return [(Borrower(id=r[0], name=r[1], section=r[2], phone=r[3]), r[4], r[5])
            for r in db.execute(_COUNTS_SQL).fetchall()]


def loan_count(db, borrower_id: int) -> int:
    return db.execute("SELECT COUNT(*) FROM loans WHERE borrower_id = ?", [borrower_id]).fetchone()[0]


def _existing(db, borrower_id: int) -> Borrower:
    found = get_borrower(db, borrower_id)
    if found is None:
        raise UserError(_("That borrower is no longer in the list; another window may have changed it."))
    return found


def update_borrower(db, borrower_id: int, name: str, section: str, phone: str) -> Borrower:
    """Correct a borrower's name, section and phone; a name another borrower has is refused (merge them)."""
    name, section, phone = clean(name), clean(section), clean(phone)
    if not name:
        raise UserError(_("Type the borrower's name."))
    with db.atomic():
        old = _existing(db, borrower_id)
        namesake = find_borrower(db, name)
        if namesake is not None and namesake.id != borrower_id:
            raise UserError(tr("Another borrower is already named “{name}”; to make the two one, merge them "
                               "instead.", name=namesake.name))
        db.execute("UPDATE borrowers SET name = ?, section = ?, phone = ? WHERE id = ?",
                   [name, section, phone, borrower_id])
        record_change(db, "borrower", borrower_id, _changes(old, get_borrower(db, borrower_id)))
    return get_borrower(db, borrower_id)


def merge_borrowers(db, keep_id: int, other_id: int) -> Borrower:
    """Move every loan of ``other`` (open or returned) to ``keep``, fill ``keep``'s blank section and phone
    from ``other``, and delete ``other`` — all or nothing."""
    if keep_id == other_id:
        raise UserError(_("Choose two different borrowers to merge."))
    with db.atomic():
        keep = _existing(db, keep_id)
        other = _existing(db, other_id)
        db.execute("UPDATE loans SET borrower_id = ? WHERE borrower_id = ?", [keep_id, other_id])
        db.execute("UPDATE borrowers SET section = CASE WHEN section = '' THEN ? ELSE section END, "
                   "phone = CASE WHEN phone = '' THEN ? ELSE phone END WHERE id = ?",
                   [other.section, other.phone, keep_id])
        db.execute("DELETE FROM borrowers WHERE id = ?", [other_id])
        record_change(db, "borrower", keep_id, _changes(keep, get_borrower(db, keep_id)))
        record_change(db, "borrower", other_id, {"merged_into": [other.name, keep.name]}, action="merged")
    return get_borrower(db, keep_id)


def delete_borrower(db, borrower_id: int) -> None:
    """Remove a borrower named in no loan; one with loans keeps them (merge it into another instead)."""
    with db.atomic():
        borrower = _existing(db, borrower_id)
        count = loan_count(db, borrower_id)
        if count:
            raise UserError(tr("{name} is named in {count} loans and cannot be deleted; merge them into the "
                               "right borrower instead.", name=borrower.name, count=count))
        db.execute("DELETE FROM borrowers WHERE id = ?", [borrower_id])
        record_change(db, "borrower", borrower_id, {f: [getattr(borrower, f), None] for f in FIELDS},
                      action="purged")


FIELDS = ("name", "section", "phone")


def _changes(old: Borrower, new: Borrower) -> dict:
    """{field: [old, new]} of what differs, as the history records it."""
    return {f: [getattr(old, f), getattr(new, f)] for f in FIELDS if getattr(old, f) != getattr(new, f)}


def likeliest_twin(borrower: Borrower, others: list[Borrower]) -> Borrower | None:
    """The other borrower whose name looks most like this one's: the usual target of a merge."""
    candidates = [b for b in others if b.id != borrower.id]
    index = most_alike(borrower.name, [b.name for b in candidates])
    return None if index is None else candidates[index]
