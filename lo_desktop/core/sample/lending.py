"""Loans of the sample corner: the copies its catalog marks as on loan, lent to three colleagues.

Dates are relative to today, so the demo always shows loans due soon, one overdue and one returned.
Loaded once: a database that already has loans is left as it is.
"""
from __future__ import annotations

from datetime import date, timedelta

from lo_desktop.core.catalog.materials import get_material
from lo_desktop.core.lending.loans import ensure_borrower, lend_until, return_copy

BORROWERS = (("นายสมชาย ใจดี", "ฝ่ายเทศกิจ", "0 2398 0001"),
             ("นางสาวสมหญิง รักงาน", "ฝ่ายรักษาความสะอาดและสวนสาธารณะ", "0 2398 0002"),
             ("นายวิชัย มั่นคง", "ฝ่ายโยธา", "0 2398 0003"))
# (code, borrower index, lent days ago, loan days)
LOANS = (("BN-0002", 0, 30, 14), ("BN-0002", 1, 5, 14), ("BN-0002", 2, 2, 14),
         ("BN-0008", 0, 10, 14), ("BN-0008", 1, 3, 7), ("BN-0008", 2, 1, 14))


def load_sample_loans(db, today: date | None = None) -> int:
    today = today or date.today()
    if db.execute("SELECT COUNT(*) FROM loans").fetchone()[0]:
        return 0
    people = [ensure_borrower(db, *row) for row in BORROWERS]
    added = _returned_loan(db, people[2], today)
    for code, who, ago, days in LOANS:
        material = get_material(db, code)
        if material is not None:
            lent = today - timedelta(days=ago)
            lend_until(db, material, people[who], lent + timedelta(days=days), lent)
            added += 1
    return added + len(people)


def _returned_loan(db, borrower, today: date) -> int:
    material = get_material(db, "BN-0004")
    if material is None:
        return 0
    lent = today - timedelta(days=40)
    lend_until(db, material, borrower, lent + timedelta(days=14), lent)
    return_copy(db, material, borrower, today=lent + timedelta(days=12))
    return 1
