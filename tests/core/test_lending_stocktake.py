"""Stocktake: every kind of scan, the counts the window shows, pausing, and closing in one transaction."""
from datetime import date

import pytest

from lo_desktop.core.lending import loans as lending
from lo_desktop.core.lending import stocktake as st
from lo_desktop.core.catalog.materials import add_material, delete_material, get_material
from lo_desktop.core.errors import UserError
from lo_desktop.core.records import Material

TODAY = date(2024, 3, 1)


def thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


@pytest.fixture
def shelf(db):
    """Shelf A-1: two single copies, one with 2 copies (one lent); B-1 holds one; a digital file."""
    add_material(db, Material(title="คู่มือ ก", code="BN-0001", location="ชั้น A-1"))
    add_material(db, Material(title="คู่มือ ข", code="BN-0002", location="ชั้น A-1"))
    two = add_material(db, Material(title="กฎหมาย", code="BN-0003", location="ชั้น A-1", copies=2))
    add_material(db, Material(title="รายงาน", code="BN-0004", location="ชั้น B-1"))
    add_material(db, Material(title="วิดีโอ", code="BN-0005", location="ชั้น A-1", format="digital", copies=0))
    lending.lend(db, two, lending.ensure_borrower(db, "สมชาย"), today=TODAY)
    return db


def test_scan_outcomes_each_with_a_thai_message(shelf):
    take = st.start(shelf, "ชั้น A-1")
    outcomes = [st.scan(shelf, take.id, payload) for payload in
                ("BN-0001", "bn-0001", "BN-0004", "XX-0009", "XX-0009", "BN-0003", "BN-0003", "BN-0003",
                 "BN-0005")]
    assert [r.outcome for r in outcomes] == [
        st.FOUND, st.DUPLICATE, st.OTHER_LOCATION, st.UNKNOWN, st.DUPLICATE, st.FOUND, st.ON_LOAN,
        st.DUPLICATE, st.NOT_SHELVED]
    assert all(thai(r.message) for r in outcomes)
    assert "ชั้น B-1" in outcomes[2].message and "สมชาย" in outcomes[6].message


def test_counts_as_the_window_shows_them(shelf):
    take = st.start(shelf, "ชั้น A-1")
    assert st.summary(shelf, take.id).counts() == {
        "expected": 3, "found": 0, "missing": 3, "on_loan": 1, "unexpected": 0}
    for payload in ("BN-0001", "BN-0001", "BN-0004", "XX-0009", "BN-0003"):
        st.scan(shelf, take.id, payload)
    result = st.summary(shelf, take.id)
    assert result.counts() == {"expected": 3, "found": 2, "missing": 1, "on_loan": 1, "unexpected": 2}
    assert [i.code for i in result.missing] == ["BN-0002"]
    assert result.on_loan[0].borrowers == "สมชาย"
    assert {i.outcome for i in result.unexpected} == {st.OTHER_LOCATION, st.UNKNOWN}


def test_whole_corner_expects_every_shelf(shelf):
    take = st.start(shelf, None)
    assert st.scan(shelf, take.id, "BN-0004").outcome == st.FOUND
    assert st.summary(shelf, take.id).counts()["expected"] == 4


def test_pause_and_resume_from_the_database(shelf, tmp_path):
    from lo_desktop.core.db import open_database

    take = st.start(shelf, "ชั้น A-1")
    st.scan(shelf, take.id, "BN-0001")
    again = open_database(tmp_path / "corner.db")  # the window was closed and opened again
    resumed = st.open_stocktake(again)
    assert resumed.id == take.id
    assert st.scan(again, resumed.id, "BN-0001").outcome == st.DUPLICATE
    assert st.summary(again, resumed.id).counts()["found"] == 1


def test_one_stocktake_at_a_time_and_shelves_must_exist(shelf):
    with pytest.raises(UserError, match="ชั้น Z-9"):
        st.start(shelf, "ชั้น Z-9")
    take = st.start(shelf, "ชั้น A-1")
    with pytest.raises(UserError) as error:
        st.start(shelf, None)
    assert thai(str(error.value))
    st.close(shelf, take.id, mark_lost=False)
    assert st.start(shelf, None).location is None


def test_closing_marks_missing_as_lost_and_keeps_the_record(shelf):
    add_material(shelf, Material(title="สามฉบับ", code="BN-0006", location="ชั้น A-1", copies=3))
    take = st.start(shelf, "ชั้น A-1")
    for payload in ("BN-0001", "BN-0003", "BN-0006"):
        st.scan(shelf, take.id, payload)
    assert st.close_preview(st.summary(shelf, take.id)) == (1, 1)
    closed = st.close(shelf, take.id)
    assert get_material(shelf, "BN-0002").status == "lost"
    assert get_material(shelf, "BN-0006").copies == 1  # two copies written off, the found one kept
    assert get_material(shelf, "BN-0001").status == "available"
    assert get_material(shelf, "BN-0003").copies == 2  # the lent copy is not missing
    delete_material(shelf, get_material(shelf, "BN-0001").id)  # later catalog edits
    kept = st.summary(shelf, take.id)
    assert kept.counts() == closed.counts() == st.closed_counts(shelf, take.id) and not kept.stocktake.is_open
    assert [i.code for i in kept.missing] == ["BN-0002", "BN-0006"]
    with pytest.raises(UserError):
        st.scan(shelf, take.id, "BN-0002")
    with pytest.raises(UserError):
        st.close(shelf, take.id)


def test_closing_without_marking_changes_no_material(shelf):
    take = st.start(shelf, "ชั้น A-1")
    st.close(shelf, take.id, mark_lost=False)
    assert get_material(shelf, "BN-0002").status == "available"
    assert st.get_stocktake(shelf, take.id).marked_lost is False


def test_a_lost_material_found_again_is_available_after_closing(shelf):
    take = st.start(shelf, "ชั้น A-1")
    for payload in ("BN-0001", "BN-0002", "BN-0003"):
        st.scan(shelf, take.id, payload)
    st.close(shelf, take.id)
    take = st.start(shelf, "ชั้น A-1")
    shelf.execute("UPDATE materials SET status = 'lost' WHERE code = 'BN-0002'")
    result = st.scan(shelf, take.id, "BN-0002")
    assert result.outcome == st.FOUND and "BN-0002" in result.message
    st.close(shelf, take.id, mark_lost=False)
    assert get_material(shelf, "BN-0002").status == "available"


def test_a_failed_close_changes_nothing(shelf, monkeypatch):
    take = st.start(shelf, "ชั้น A-1")

    def broken(*_args):
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(st, "_restore_found_lost", broken)
    with pytest.raises(RuntimeError):
        st.close(shelf, take.id)
    assert get_material(shelf, "BN-0002").status == "available"
    assert st.get_stocktake(shelf, take.id).is_open


def test_empty_scan_and_undo(shelf):
    take = st.start(shelf, "ชั้น A-1")
    with pytest.raises(UserError):
        st.scan(shelf, take.id, "   ")
    result = st.scan(shelf, take.id, "BN-0001")
    st.undo_scan(shelf, take.id, result.scan_id)
    assert st.scan(shelf, take.id, "BN-0001").outcome == st.FOUND
