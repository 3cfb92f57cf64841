"""Lending, stocktake and borrowers done once through the command line and once through the window, each on
its own copy of the same database: both must leave the same rows, history entries and backups.

The window is driven as the clerk drives it (the lend dialog, the lending page, the stocktake page, the
borrowers dialog), with its questions answered by monkeypatch. Daily backups are left out of the
comparison: they belong to opening the database (the CLI opens it per command), not to the action.
"""
import sqlite3
from contextlib import closing
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate

from lo_desktop.cli import main
from lo_desktop.core.lending import loans as lending
from lo_desktop.core.safety.backup import list_backups
from lo_desktop.core.catalog.materials import add_material, delete_material
from lo_desktop.core.db import db_path
from lo_desktop.core.records import Material
from lo_desktop.settings import load_settings
from lo_desktop.ui.common import messages

TODAY = date.today()


# --- two copies of one database ----------------------------------------------------------------------------
def corner(db) -> None:
    for code, title, location, copies, fmt in (
            ("BN-0001", "คู่มือเทศกิจ", "ชั้น A-1", 1, "physical"), ("BN-0002", "คู่มือ ข", "ชั้น A-1", 2, "physical"),
            ("BN-0003", "รายงาน", "ชั้น B-1", 1, "physical"), ("BN-0004", "วิดีโอ", "", 0, "digital")):
        add_material(db, Material(code=code, title=title, location=location, copies=copies, format=fmt))
    lending.ensure_borrower(db, "สมชาย ใจดี", "ฝ่ายเทศกิจ")
    lending.ensure_borrower(db, "นายสมชาย ใจดี", "", "0 2398 0001")
    lending.ensure_borrower(db, "วิชัย มั่นคง")


def cli(path, *args, code=0) -> None:
    assert main(["--db", str(path), *args]) == code


def state(path) -> dict:
    """What the action leaves behind, without ids and times that legitimately differ between the copies."""
    queries = {
        "materials": "SELECT code, title, copies, status, deleted_at IS NOT NULL FROM materials ORDER BY code",
        "borrowers": "SELECT name, section, phone FROM borrowers ORDER BY name",
        "loans": """SELECT m.code, b.name, l.lent_on, l.due_on, l.returned_on FROM loans l
                    JOIN materials m ON m.id = l.material_id JOIN borrowers b ON b.id = l.borrower_id ORDER BY l.id""",
        "stocktakes": "SELECT location, closed_at IS NOT NULL, marked_lost, result FROM stocktakes ORDER BY id",
        "scans": "SELECT material_id, payload, code, outcome FROM stocktake_scans ORDER BY id",
        "history": "SELECT entity, entity_id, action, changes FROM history ORDER BY id",
    }
    with closing(sqlite3.connect(path)) as conn:
        found = {name: conn.execute(sql).fetchall() for name, sql in queries.items()}
    found["backups"] = sorted(info.reason for info in list_backups(path) if info.reason != "daily")
    return found


def same(cli_path, window_db) -> dict:
    ours, theirs = state(cli_path), state(db_path(window_db))
    assert ours == theirs
    return ours


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    monkeypatch.setattr(messages, "show", lambda parent, icon, title, text, *a, **k: shown.append(text))
    return shown


# --- lending -------------------------------------------------------------------------------------------------
def test_lending_leaves_the_same_loans_borrowers_and_history(qtbot, twins):
    from lo_desktop.ui.lending.lend_dialog import LendDialog

    path, db = twins(corner)
    cli(path, "lend", "BN-0001", "--to", "สมชาย ใจดี", "--phone", "0 2398 0009", "--days", "7")
    cli(path, "lend", "BN-0002", "--to", "สมหญิง รักงาน", "--section", "ฝ่ายโยธา", "--days", "7")
    cli(path, "lend", "BN-0002", "--to", "คนใหม่", "--days", "400", code=1)  # more than a year
    cli(path, "lend", "BN-0004", "--to", "คนใหม่", "--days", "7", code=1)  # digital only

    dialog = LendDialog(db, load_settings(db))
    qtbot.addWidget(dialog)

    def lend(name, section=None, phone=None, days=7):
        dialog.borrower_box.setEditText(name)  # a known name fills its section and phone
        for edit, value in ((dialog.section_edit, section), (dialog.phone_edit, phone)):
            if value is not None:
                edit.setText(value)
        due = TODAY + timedelta(days=days)
        dialog.due_edit.setDate(QDate(due.year, due.month, due.day))
        dialog.lend()
        return "b71c1c" not in dialog.result_label.styleSheet()

    dialog.scanned("BN-0001")
    assert lend("สมชาย ใจดี", phone="0 2398 0009")
    dialog.scanned("BN-0002")
    assert lend("สมหญิง รักงาน", "ฝ่ายโยธา", "")
    assert not lend("คนใหม่", "", "", days=400)
    dialog.scanned("BN-0004")
    assert not lend("คนใหม่", "", "")

    result = same(path, db)
    assert [row[:2] for row in result["loans"]] == [("BN-0001", "สมชาย ใจดี"), ("BN-0002", "สมหญิง รักงาน")]
    assert "คนใหม่" not in [row[0] for row in result["borrowers"]]  # a refused loan adds no borrower
    assert ("borrower", 1, "updated", '{"phone": ["", "0 2398 0009"]}') in result["history"]
    assert result["backups"] == []


def lent_corner(db) -> None:
    corner(db)
    lent = TODAY - timedelta(days=3)
    for code, name in (("BN-0001", "สมชาย ใจดี"), ("BN-0002", "สมชาย ใจดี"), ("BN-0002", "นายสมชาย ใจดี"),
                       ("BN-0003", "วิชัย มั่นคง")):
        lending.lend(db, lending.resolve_material(db, code), lending.find_borrower(db, name), 14, today=lent)
    delete_material(db, lending.resolve_material(db, "BN-0003").id)  # lent, then moved to the Trash


def test_returning_leaves_the_same_loans_and_statuses(qtbot, twins, boxes):
    from lo_desktop.ui.lending.lend_dialog import LendDialog
    from lo_desktop.ui.lending.lending_page import LendingPage

    path, db = twins(lent_corner)
    cli(path, "return", "BN-0002", "--from", "นายสมชาย ใจดี")
    cli(path, "return", "BN-0001")
    cli(path, "return", "BN-0003", code=1)  # in the Trash: restore it first

    page = LendingPage(db, load_settings(db))
    qtbot.addWidget(page)

    def return_row(code, name):
        page.table.selectRow(next(i for i, x in enumerate(page._shown) if (x.code, x.borrower) == (code, name)))
        page.return_selected()

    return_row("BN-0002", "นายสมชาย ใจดี")
    return_row("BN-0003", "วิชัย มั่นคง")
    assert len(boxes) == 1 and "BN-0003" in boxes[0]
    dialog = LendDialog(db, load_settings(db))
    qtbot.addWidget(dialog)
    dialog.scanned("BN-0001")
    dialog.scanned("BN-0001")  # the same label again: it comes back

    result = same(path, db)
    assert [(row[0], row[1], row[4] is not None) for row in result["loans"]] == [
        ("BN-0001", "สมชาย ใจดี", True), ("BN-0002", "สมชาย ใจดี", False), ("BN-0002", "นายสมชาย ใจดี", True),
        ("BN-0003", "วิชัย มั่นคง", False)]
    assert [row[3] for row in result["materials"][:3]] == ["available", "available", "on_loan"]


# --- the stocktake ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("mark_lost", [True, False])
def test_a_stocktake_leaves_the_same_count_catalog_and_backups(qtbot, twins, monkeypatch, mark_lost):
    from lo_desktop.ui.lending.stocktake_page import StocktakePage

    path, db = twins(corner)
    cli(path, "stocktake", "start", "ชั้น A-1")
    cli(path, "stocktake", "scan", "BN-0002", "BN-0003", "NOPE-1", "BN-0001")
    cli(path, "stocktake", "undo")  # BN-0001 was scanned by mistake
    cli(path, "stocktake", "close", *([] if mark_lost else ["--keep-status"]))

    page = StocktakePage(db, load_settings(db))
    qtbot.addWidget(page)
    page.scope_box.setCurrentIndex(page.scope_box.findData("ชั้น A-1"))
    page.start()
    for payload in ("BN-0002", "BN-0003", "NOPE-1", "BN-0001"):
        page.scanned(payload)
    page.undo_last()
    monkeypatch.setattr(messages, "choose", lambda *a, **k: 0 if mark_lost else 1)
    page.close_count()

    result = same(path, db)
    assert [row[3] for row in result["scans"]] == ["found", "other_location", "unknown"]
    assert result["materials"][0][3] == ("lost" if mark_lost else "available")  # BN-0001, not found
    assert result["materials"][1][2] == (1 if mark_lost else 2)  # one copy of two found: one written off
    assert result["backups"] == (["stocktake"] if mark_lost else [])


# --- borrowers ----------------------------------------------------------------------------------------------------
def borrowers_corner(db) -> None:
    corner(db)
    lending.ensure_borrower(db, "สมชายใจดีี")  # a typing slip, never lent to
    for code, name in (("BN-0001", "สมชาย ใจดี"), ("BN-0002", "นายสมชาย ใจดี")):
        lending.lend(db, lending.resolve_material(db, code), lending.find_borrower(db, name), 14, today=TODAY)


def test_borrower_edits_leave_the_same_list_loans_and_history(qtbot, twins, monkeypatch, boxes):
    from lo_desktop.ui.lending.borrowers_dialog import BorrowerForm, BorrowersDialog, MergeForm

    path, db = twins(borrowers_corner)
    cli(path, "borrowers", "edit", "วิชัย มั่นคง", "--name", "นายวิชัย  มั่นคง", "--section", "ฝ่ายโยธา",
        "--phone", "0 2398 0003")
    cli(path, "borrowers", "merge", "สมชาย ใจดี", "--into", "นายสมชาย ใจดี")
    cli(path, "borrowers", "delete", "สมชายใจดีี")
    cli(path, "borrowers", "delete", "นายสมชาย ใจดี", code=1)  # named in loans: merge instead

    dialog = BorrowersDialog(db)
    qtbot.addWidget(dialog)

    def select(name):
        dialog.table.selectRow([b.name for b, _o, _t in dialog.shown].index(name))

    def fill(form):
        form.name_edit.setText("นายวิชัย  มั่นคง")
        form.section_edit.setText("ฝ่ายโยธา")
        form.phone_edit.setText("0 2398 0003")
        form.accept()
        return form.result()

    def keep_the_other(form):
        form.keep_box.setCurrentIndex(form.keep_box.findText("นายสมชาย ใจดี"))
        form.accept()
        return form.result()

    monkeypatch.setattr(BorrowerForm, "exec", fill)
    monkeypatch.setattr(MergeForm, "exec", keep_the_other)
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    select("วิชัย มั่นคง")
    dialog.edit_selected()
    select("สมชาย ใจดี")
    dialog.merge_selected()
    select("สมชายใจดีี")
    dialog.delete_selected()
    select("นายสมชาย ใจดี")
    dialog.delete_selected()
    assert len(boxes) == 1

    result = same(path, db)
    assert result["borrowers"] == [("นายวิชัย มั่นคง", "ฝ่ายโยธา", "0 2398 0003"),
                                   ("นายสมชาย ใจดี", "ฝ่ายเทศกิจ", "0 2398 0001")]
    assert {row[2] for row in result["history"] if row[0] == "borrower"} == {"updated", "merged", "purged"}
