"""Materials: the rules a clerk relies on when adding, editing and deleting."""
from datetime import date

import pytest

from lo_desktop.core.catalog.materials import (add_material, delete_material, empty_trash, get_material, next_code,
                                     restore_material, update_material, validate)
from lo_desktop.core.errors import UserError, ValidationError
from lo_desktop.core.records import Material


def test_a_code_is_generated_from_the_pattern(db):
    first = add_material(db, Material(title="คู่มือ ก"))
    second = add_material(db, Material(title="คู่มือ ข"))
    assert (first.code, second.code) == ("BN-0001", "BN-0002")
    add_material(db, Material(title="กำหนดเอง", code="BN-0100"))
    assert next_code(db) == "BN-0101"
    assert next_code(db, "LIB-###/56") == "LIB-001/56"


@pytest.mark.parametrize("material, field", [
    (Material(title="  "), "title"),
    (Material(title="ก", year=2013), "year"),
    (Material(title="ก", year=2801), "year"),
    (Material(title="ก", link="www.bangkok"), "link"),
    (Material(title="ก", copies=-1), "copies"),
    (Material(title="ก", kind="novel"), "kind"),
])
def test_invalid_materials_are_refused_with_a_thai_message(db, material, field):
    problems = validate(db, material)
    assert field in problems
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in problems[field])
    with pytest.raises(ValidationError):
        add_material(db, material)
    assert db.execute("SELECT COUNT(*) FROM materials").fetchone()[0] == 0


@pytest.mark.parametrize("link", ["https://www.bangkok.go.th/bangna", "http://intranet/km", r"C:\KM\manual.pdf",
                                  r"\\server\share\file.pdf", "file:///home/km.pdf"])
def test_links_and_paths_are_accepted(db, link):
    assert validate(db, Material(title="ก", link=link)) == {}


def test_duplicate_codes_are_refused_whatever_their_case(db):
    add_material(db, Material(title="ก", code="BN-0001"))
    with pytest.raises(ValidationError) as caught:
        add_material(db, Material(title="ข", code="bn-0001"))
    assert "BN-0001" in caught.value.problems["code"] or "bn-0001" in caught.value.problems["code"]


def test_a_deleted_code_is_still_taken_and_the_message_says_where(db):
    m = add_material(db, Material(title="ก", code="BN-0001"))
    delete_material(db, m.id)
    assert "ถังขยะ" in validate(db, Material(title="ข", code="BN-0001"))["code"]


def test_editing_keeps_its_own_code_and_sets_the_fiscal_year(db):
    m = add_material(db, Material(title="ก", code="BN-0001", received_on=date(2013, 9, 30)))
    assert m.fiscal_year == 2556
    m.received_on = date(2013, 10, 1)
    m.title = "ก ฉบับแก้ไข"
    saved = update_material(db, m)
    assert saved.fiscal_year == 2557
    assert get_material(db, "BN-0001").title == "ก ฉบับแก้ไข"


def test_soft_delete_restore_and_empty_trash(db):
    m = add_material(db, Material(title="ก"))
    delete_material(db, m.id)
    assert get_material(db, m.code) is None
    restore_material(db, m.id)
    assert get_material(db, m.code).title == "ก"
    delete_material(db, m.id)
    assert empty_trash(db) == 1
    assert get_material(db, m.code, include_deleted=True) is None


def test_updating_a_vanished_material_says_so(db):
    with pytest.raises(UserError):
        update_material(db, Material(title="ก", id=999))


def test_next_code_reads_only_codes_of_the_pattern(db):
    for code in ("BN-0009", "BN-12", "XBN-9999", "BN-00A1", "BN-0010/56", "LIB-007/56", "LIB-9/57"):
        add_material(db, Material(title="ก", code=code))
    assert next_code(db, "BN-####") == "BN-0013"
    assert next_code(db, "LIB-###/56") == "LIB-008/56"
    assert next_code(db, "KM####") == "KM0001"
