"""The lend / return dialog and the lending page, driven as the clerk drives them (scans are key bursts)."""
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from lo_desktop.core.lending import loans as lending
from lo_desktop.core.catalog.materials import add_material, get_material
from lo_desktop.core.records import Material
from lo_desktop.settings import load_settings
from lo_desktop.ui.lending.lend_dialog import LendDialog
from lo_desktop.ui.lending.lending_page import LendingPage
from lo_desktop.ui.lending.lending_scan import ScanEntry


def thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


@pytest.fixture
def corner(db):
    add_material(db, Material(title="คู่มือเทศกิจ", code="BN-0001", location="ชั้น A-1"))
    add_material(db, Material(title="วิดีโอ", code="BN-0002", format="digital", copies=0))
    return db


@pytest.fixture
def dialog(qtbot, corner):
    d = LendDialog(corner, load_settings(corner))
    qtbot.addWidget(d)
    return d


def scan(qtbot, entry, *lines):
    with qtbot.waitSignal(entry.submitted) as signal:
        for line in lines:
            qtbot.keyClicks(entry, line)
            qtbot.keyClick(entry, Qt.Key.Key_Return)
    return signal.args[0]


def test_the_scan_field_reads_a_label_on_two_lines_as_one(qtbot):
    entry = ScanEntry()
    qtbot.addWidget(entry)
    assert scan(qtbot, entry, "BN-0001", "Manual title") == "BN-0001\nManual title"  # QtTest types ASCII only
    assert entry.text() == ""


def test_scan_lend_then_scan_twice_returns(qtbot, dialog, corner):
    scan(qtbot, dialog.scan_entry, "BN-0001")
    assert dialog.material.code == "BN-0001"
    dialog.borrower_box.setEditText("สมชาย ใจดี")
    dialog.section_edit.setText("ฝ่ายเทศกิจ")
    dialog.lend()
    loans = lending.open_loans(corner)
    assert [(x.code, x.borrower, x.section) for x in loans] == [("BN-0001", "สมชาย ใจดี", "ฝ่ายเทศกิจ")]
    assert loans[0].due_on == date.today() + timedelta(days=14)
    assert get_material(corner, "BN-0001").status == "on_loan"
    assert "สมชาย ใจดี" in dialog.result_label.text()
    scan(qtbot, dialog.scan_entry, "bn-0001")  # the same label again: it comes back
    assert lending.open_loans(corner) == []
    assert get_material(corner, "BN-0001").status == "available"


@pytest.mark.parametrize("payload", ["XX-0404", "BN-0002"])
def test_bad_codes_are_one_red_thai_sentence(qtbot, dialog, corner, payload):
    scan(qtbot, dialog.scan_entry, payload)
    if dialog.material is not None:  # the digital item is picked but cannot be lent
        dialog.borrower_box.setEditText("สมชาย")
        dialog.lend()
    assert thai(dialog.result_label.text()) and payload in dialog.result_label.text()
    assert "b71c1c" in dialog.result_label.styleSheet()
    assert lending.open_loans(corner) == [] and lending.borrowers(corner) == []


def test_no_copy_left_and_nothing_to_return(qtbot, dialog, corner):
    scan(qtbot, dialog.scan_entry, "BN-0001")
    dialog.return_selected()
    assert thai(dialog.result_label.text())
    dialog.borrower_box.setEditText("สมชาย")
    dialog.lend()
    dialog.borrower_box.setEditText("สมหญิง")
    dialog.lend()
    assert "BN-0001" in dialog.result_label.text() and len(lending.open_loans(corner)) == 1


def test_a_known_borrower_fills_section_and_phone(qtbot, corner):
    lending.ensure_borrower(corner, "สมชาย ใจดี", "ฝ่ายโยธา", "02-000-0000")
    d = LendDialog(corner, load_settings(corner))
    qtbot.addWidget(d)
    d.borrower_box.setEditText("สมชาย ใจดี")
    assert (d.section_edit.text(), d.phone_edit.text()) == ("ฝ่ายโยธา", "02-000-0000")


def test_lending_page_lists_overdue_and_returns_the_selected_loan(qtbot, corner):
    material = get_material(corner, "BN-0001")
    lending.lend(corner, material, lending.ensure_borrower(corner, "สมชาย"), 7, today=date.today() - timedelta(days=10))
    page = LendingPage(corner, load_settings(corner))
    qtbot.addWidget(page)
    assert page.table.rowCount() == 1
    assert "3" in page.table.item(0, 6).text() and thai(page.count_label.text())
    page.view_box.setCurrentIndex(page.view_box.findData("overdue"))
    assert page.table.rowCount() == 1
    page.table.selectRow(0)
    assert page.material_history.rowCount() == 1 and page.borrower_history.rowCount() == 1
    page.return_selected()
    assert lending.open_loans(corner) == [] and page.table.rowCount() == 0
    page.view_box.setCurrentIndex(page.view_box.findData("all"))
    assert page.table.rowCount() == 1
