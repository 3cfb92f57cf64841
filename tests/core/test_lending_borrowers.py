"""Keeping the borrowers list right: correct a name, merge two spellings of one colleague, delete a slip."""
from datetime import date, timedelta

import pytest
from docx import Document

from lo_desktop.core.lending import loans as lending
from lo_desktop.core.lending.borrowers import (borrowers_with_loans, delete_borrower, likeliest_twin, merge_borrowers,
                                       update_borrower)
from lo_desktop.core.catalog.materials import add_material, get_material
from lo_desktop.core.errors import UserError
from lo_desktop.core.records import Material
from lo_desktop.reports.lending_docs import build_reminder
from lo_desktop.settings import Settings

LENT = date(2024, 3, 1)


@pytest.fixture
def corner(db):
    for n in (1, 2, 3):
        add_material(db, Material(title=f"คู่มือเล่ม {n}", code=f"BN-000{n}", copies=2))
    return db


def lend(db, code: str, borrower, returned: bool = False):
    material = lending.resolve_material(db, code)
    loan = lending.lend(db, material, borrower, 14, today=LENT)
    if returned:
        lending.return_copy(db, material, borrower, today=LENT + timedelta(days=3))
    return loan


def counts(db) -> dict[str, tuple]:
    return {b.name: (b.section, b.phone, out, total) for b, out, total in borrowers_with_loans(db)}


def test_the_list_counts_open_and_all_loans_of_each_borrower(corner):
    somchai = lending.ensure_borrower(corner, "สมชาย ใจดี", "ฝ่ายเทศกิจ", "0 2398 0001")
    lending.ensure_borrower(corner, "ว่าง")
    lend(corner, "BN-0001", somchai)
    lend(corner, "BN-0002", somchai, returned=True)
    assert counts(corner) == {"ว่าง": ("", "", 0, 0), "สมชาย ใจดี": ("ฝ่ายเทศกิจ", "0 2398 0001", 1, 2)}


def test_update_cleans_the_fields_and_every_list_reads_the_new_name(corner, tmp_path):
    typo = lending.ensure_borrower(corner, "สมชัย ใจดี", "ฝ่ายเทศ")
    lend(corner, "BN-0001", typo)
    saved = update_borrower(corner, typo.id, "  สมชาย   ใจดี ", " ฝ่ายเทศกิจ ", "0 2398 0001 ")
    assert (saved.id, saved.name, saved.section, saved.phone) == (typo.id, "สมชาย ใจดี", "ฝ่ายเทศกิจ",
                                                                  "0 2398 0001")
    overdue = lending.overdue_loans(corner, today=LENT + timedelta(days=20))
    assert [(x.code, x.borrower, x.section) for x in overdue] == [("BN-0001", "สมชาย ใจดี", "ฝ่ายเทศกิจ")]
    slip = build_reminder(corner, Settings(), lending.get_borrower(corner, typo.id), tmp_path / "slip.docx",
                          today=LENT + timedelta(days=20))
    text = "\n".join(p.text for p in Document(str(slip)).paragraphs)
    assert "สมชาย ใจดี" in text and "สมชัย" not in text


def test_a_change_of_letter_case_alone_is_allowed(corner):
    jane = lending.ensure_borrower(corner, "jane doe")
    assert update_borrower(corner, jane.id, "Jane Doe", "", "").name == "Jane Doe"


@pytest.mark.parametrize("name", ["", "   "])
def test_an_empty_name_is_refused(corner, name):
    somchai = lending.ensure_borrower(corner, "สมชาย ใจดี", "ฝ่ายเทศกิจ")
    with pytest.raises(UserError):
        update_borrower(corner, somchai.id, name, "ฝ่ายโยธา", "")
    assert lending.get_borrower(corner, somchai.id).section == "ฝ่ายเทศกิจ"


def test_taking_another_borrowers_name_is_refused_with_a_word_about_merging(corner):
    lending.ensure_borrower(corner, "Somchai Jaidee")
    other = lending.ensure_borrower(corner, "Somchay")
    with pytest.raises(UserError, match="Somchai Jaidee") as refused:
        update_borrower(corner, other.id, "somchai   JAIDEE", "", "")
    assert "รวม" in str(refused.value)  # tells the clerk to merge
    assert lending.get_borrower(corner, other.id).name == "Somchay"


def test_an_unknown_borrower_is_a_user_error(corner):
    with pytest.raises(UserError):
        update_borrower(corner, 999, "ใครสักคน", "", "")
    with pytest.raises(UserError):
        delete_borrower(corner, 999)


def test_merge_moves_open_and_returned_loans_and_fills_blanks(corner):
    keep = lending.ensure_borrower(corner, "นายสมชาย ใจดี", "ฝ่ายเทศกิจ")
    other = lending.ensure_borrower(corner, "สมชาย ใจดี", "ฝ่ายโยธา", "0 2398 0001")
    lend(corner, "BN-0001", keep)
    lend(corner, "BN-0002", other)
    lend(corner, "BN-0003", other, returned=True)
    kept = merge_borrowers(corner, keep.id, other.id)
    assert (kept.name, kept.section, kept.phone) == ("นายสมชาย ใจดี", "ฝ่ายเทศกิจ", "0 2398 0001")
    assert lending.get_borrower(corner, other.id) is None
    history = lending.borrower_history(corner, keep.id)
    assert sorted(x.code for x in history) == ["BN-0001", "BN-0002", "BN-0003"]
    assert sorted(x.code for x in history if x.is_open) == ["BN-0001", "BN-0002"]
    # the moved loan can be returned under the kept name; the copies on the shelf did not change
    lending.return_copy(corner, get_material(corner, "BN-0002"), kept)
    assert lending.available_copies(corner, get_material(corner, "BN-0002")) == 2


def test_merging_a_borrower_into_itself_or_a_missing_one_changes_nothing(corner):
    somchai = lending.ensure_borrower(corner, "สมชาย ใจดี")
    lend(corner, "BN-0001", somchai)
    for keep_id, other_id in ((somchai.id, somchai.id), (999, somchai.id), (somchai.id, 999)):
        with pytest.raises(UserError):
            merge_borrowers(corner, keep_id, other_id)
    assert counts(corner) == {"สมชาย ใจดี": ("", "", 1, 1)}


def test_delete_is_refused_while_any_loan_names_the_borrower(corner):
    somchai = lending.ensure_borrower(corner, "สมชาย ใจดี")
    lend(corner, "BN-0001", somchai, returned=True)
    lend(corner, "BN-0002", somchai, returned=True)
    with pytest.raises(UserError, match="2"):
        delete_borrower(corner, somchai.id)
    assert lending.get_borrower(corner, somchai.id) is not None


def test_delete_removes_a_borrower_without_loans(corner):
    slip = lending.ensure_borrower(corner, "สมชายใจดีี")
    delete_borrower(corner, slip.id)
    assert lending.borrowers(corner) == []


def test_the_likeliest_twin_is_the_most_similar_name():
    me = lending.Borrower("สมชาย ใจดี", id=1)
    others = [lending.Borrower("วิชัย มั่นคง", id=2), lending.Borrower("นายสมชาย ใจดี", id=3), me]
    assert likeliest_twin(me, others).id == 3
    assert likeliest_twin(me, [me]) is None


def test_a_phone_given_while_lending_is_recorded_in_the_borrowers_history(db):
    from lo_desktop.core.safety import history
    from lo_desktop.core.lending import loans as lending

    first = lending.ensure_borrower(db, "สมหญิง รักงาน", "ฝ่ายรักษาความสะอาด")
    lending.ensure_borrower(db, "สมหญิง รักงาน", "ฝ่ายรักษาความสะอาด", "0 2398 0002")
    [entry] = history.history_of(db, "borrower", first.id)
    assert entry.changes == {"phone": ["", "0 2398 0002"]}
