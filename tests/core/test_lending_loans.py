"""Lending: the copy count stays exact, the status follows it, and every mistake gets a clear sentence."""
from dataclasses import replace
from datetime import date, timedelta

import pytest

from lo_desktop.core.lending import loans as lending
from lo_desktop.core.catalog.materials import add_material, get_material, update_material
from lo_desktop.core.errors import UserError
from lo_desktop.core.records import Material

TODAY = date(2024, 3, 1)


def thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


@pytest.fixture
def book(db):
    return add_material(db, Material(title="คู่มือเทศกิจ", code="BN-0001", copies=2, location="ชั้น A-1"))


@pytest.fixture
def somchai(db):
    return lending.ensure_borrower(db, "สมชาย ใจดี", "ฝ่ายเทศกิจ", "081-000-0000")


def status(db, code="BN-0001"):
    return get_material(db, code).status


def test_lending_counts_copies_and_status_follows(db, book, somchai):
    other = lending.ensure_borrower(db, "สมหญิง")
    lending.lend(db, book, somchai, 14, today=TODAY)
    assert lending.available_copies(db, book) == 1 and status(db) == "available"
    loan = lending.lend(db, book, other, 7, today=TODAY)
    assert loan.due_on == TODAY + timedelta(days=7)
    assert lending.available_copies(db, book) == 0 and status(db) == "on_loan"
    lending.return_copy(db, book, other, today=TODAY)
    assert lending.available_copies(db, book) == 1 and status(db) == "available"


def test_no_copy_left_is_refused_and_nothing_is_written(db, book, somchai):
    lending.lend(db, book, somchai, today=TODAY)
    lending.lend(db, book, somchai, today=TODAY)
    with pytest.raises(UserError) as error:
        lending.lend(db, book, somchai, today=TODAY)
    assert thai(str(error.value)) and "BN-0001" in str(error.value)
    assert len(lending.open_loans(db)) == 2


def test_returning_a_copy_that_is_not_lent_is_refused(db, book, somchai):
    with pytest.raises(UserError) as error:
        lending.return_copy(db, book)
    assert thai(str(error.value))
    lending.lend(db, book, somchai, today=TODAY)
    stranger = lending.ensure_borrower(db, "คนอื่น")
    with pytest.raises(UserError, match="คนอื่น"):
        lending.return_copy(db, book, stranger)


def test_return_without_a_borrower_takes_the_loan_due_first(db, book, somchai):
    other = lending.ensure_borrower(db, "สมหญิง")
    lending.lend(db, book, somchai, 30, today=TODAY)
    lending.lend(db, book, other, 3, today=TODAY)
    returned = lending.return_copy(db, book, today=TODAY)
    assert returned.borrower == "สมหญิง" and returned.returned_on == TODAY
    assert [loan.borrower for loan in lending.open_loans(db)] == ["สมชาย ใจดี"]


def test_unknown_code_and_trashed_material_are_named(db, book):
    with pytest.raises(UserError, match="XX-9"):
        lending.resolve_material(db, "XX-9")
    assert lending.resolve_material(db, "https://corner/material/bn-0001").id == book.id
    from lo_desktop.core.catalog.materials import delete_material

    delete_material(db, book.id)
    with pytest.raises(UserError) as error:
        lending.resolve_material(db, "BN-0001")
    assert "BN-0001" in str(error.value) and thai(str(error.value))


def test_digital_only_lost_and_withdrawn_cannot_be_lent(db, somchai):
    digital = add_material(db, Material(title="วิดีโอ", code="BN-0002", format="digital", copies=0))
    lost = add_material(db, Material(title="หาย", code="BN-0003", status="lost"))
    for material in (digital, lost):
        with pytest.raises(UserError) as error:
            lending.lend(db, material, somchai, today=TODAY)
        assert material.code in str(error.value) and thai(str(error.value))
    assert lending.open_loans(db) == []


def test_returning_a_lost_copy_leaves_the_clerks_status(db, book, somchai):
    lending.lend(db, book, somchai, today=TODAY)
    lending.lend(db, book, somchai, today=TODAY)
    update_material(db, replace(get_material(db, "BN-0001"), status="withdrawn"))
    lending.return_copy(db, book, today=TODAY)
    assert status(db) == "withdrawn"


def test_overdue_days_and_history(db, book, somchai):
    lending.lend(db, book, somchai, 14, today=TODAY)
    later = TODAY + timedelta(days=20)
    overdue = lending.overdue_loans(db, today=later)
    assert [(loan.borrower, loan.days_overdue(later)) for loan in overdue] == [("สมชาย ใจดี", 6)]
    assert lending.overdue_loans(db, today=TODAY + timedelta(days=14)) == []
    lending.return_copy(db, book, today=later)
    assert lending.overdue_loans(db, today=later) == []
    assert [loan.returned_on for loan in lending.material_history(db, book.id)] == [later]
    assert len(lending.borrower_history(db, somchai.id)) == 1


def test_borrowers_are_added_once_and_filled_in(db):
    first = lending.ensure_borrower(db, "  สมชาย   ใจดี ")
    again = lending.ensure_borrower(db, "สมชาย ใจดี", section="ฝ่ายโยธา")
    assert first.id == again.id and again.section == "ฝ่ายโยธา"
    assert [b.name for b in lending.borrowers(db)] == ["สมชาย ใจดี"]
    with pytest.raises(UserError):
        lending.ensure_borrower(db, "   ")


def test_bad_loan_periods_are_refused(db, book, somchai):
    for days in (0, -3, 400):
        with pytest.raises(UserError):
            lending.lend(db, book, somchai, days, today=TODAY)
    with pytest.raises(UserError):
        lending.lend_until(db, book, somchai, TODAY - timedelta(days=1), TODAY)
    assert lending.open_loans(db) == []


def test_json_has_the_fields_scripts_read(db, book, somchai):
    loan = lending.lend(db, book, somchai, 14, today=TODAY)
    row = lending.loan_json(loan, today=TODAY + timedelta(days=15))
    assert row["code"] == "BN-0001" and row["borrower"] == "สมชาย ใจดี"
    assert (row["lent_on"], row["due_on"], row["returned_on"], row["days_overdue"]) == (
        "2024-03-01", "2024-03-15", None, 1)
    assert "2567" in lending.loan_line(loan, today=TODAY)  # BE in human output


def test_the_sample_corner_lends_what_its_catalog_marks_on_loan(demo_db):
    on_loan = [r[0] for r in demo_db.execute("SELECT code FROM materials WHERE status = 'on_loan'").fetchall()]
    assert on_loan and all(lending.available_copies(demo_db, get_material(demo_db, c)) == 0 for c in on_loan)
    assert len(lending.overdue_loans(demo_db)) == 1
    from lo_desktop.core.sample.corner import load_demo

    assert load_demo(demo_db) == 0
