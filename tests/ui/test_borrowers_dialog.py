"""The borrowers dialog, driven as the clerk drives it: filter, edit, merge after a question, delete."""
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QPushButton

from lo_desktop.core.lending import loans as lending
from lo_desktop.core.lending.borrowers import update_borrower
from lo_desktop.core.catalog.materials import add_material
from lo_desktop.core.records import Material
from lo_desktop.settings import load_settings
from lo_desktop.ui.common import messages
from lo_desktop.ui.lending.borrowers_dialog import BorrowerForm, BorrowersDialog, MergeForm
from lo_desktop.ui.lending.lending_page import LendingPage
from lo_desktop.ui.window.main_window import MainWindow


@pytest.fixture
def corner(db):
    for n in (1, 2, 3):
        add_material(db, Material(title=f"คู่มือเล่ม {n}", code=f"BN-000{n}", copies=2))
    keep = lending.ensure_borrower(db, "นายสมชาย ใจดี", "ฝ่ายเทศกิจ")
    twin = lending.ensure_borrower(db, "สมชาย ใจดี", "", "0 2398 0001")
    lending.ensure_borrower(db, "วิชัย มั่นคง", "ฝ่ายโยธา")
    lent = date.today() - timedelta(days=30)
    for code, who in (("BN-0001", keep), ("BN-0002", twin), ("BN-0003", twin)):
        lending.lend(db, lending.resolve_material(db, code), who, 14, today=lent)
    lending.return_copy(db, lending.resolve_material(db, "BN-0003"), twin)
    return db


@pytest.fixture
def dialog(qtbot, corner):
    d = BorrowersDialog(corner)
    qtbot.addWidget(d)
    return d


def rows(d: BorrowersDialog) -> list[list[str]]:
    return [[d.table.item(r, c).text() for c in range(d.table.columnCount())] for r in range(d.table.rowCount())]


def select(d: BorrowersDialog, name: str) -> None:
    d.table.selectRow([b.name for b, _o, _t in d.shown].index(name))


def test_lists_every_borrower_with_open_and_all_loans(dialog):
    assert dialog.windowTitle() == "ผู้ยืม"
    assert rows(dialog) == [["นายสมชาย ใจดี", "ฝ่ายเทศกิจ", "", "1", "1"],
                            ["วิชัย มั่นคง", "ฝ่ายโยธา", "", "0", "0"],
                            ["สมชาย ใจดี", "", "0 2398 0001", "1", "2"]]
    assert "3" in dialog.count_label.text()


def test_the_filter_narrows_by_name_section_or_phone(qtbot, dialog):
    qtbot.keyClicks(dialog.filter_edit, "2398")
    assert [r[0] for r in rows(dialog)] == ["สมชาย ใจดี"]
    dialog.filter_edit.setText("โยธา")
    assert [r[0] for r in rows(dialog)] == ["วิชัย มั่นคง"]
    dialog.filter_edit.setText("สมชาย")
    assert [r[0] for r in rows(dialog)] == ["นายสมชาย ใจดี", "สมชาย ใจดี"]
    dialog.filter_edit.clear()
    assert len(rows(dialog)) == 3


def fill_form(monkeypatch, name, section, phone, seen=None):
    """The edit form answered as a clerk would: fields typed, then OK."""
    def exec_(form):
        if seen is not None:
            seen.append((form.name_edit.text(), form.section_edit.text(), form.phone_edit.text()))
        form.name_edit.setText(name)
        form.section_edit.setText(section)
        form.phone_edit.setText(phone)
        form.accept()
        return form.result()
    monkeypatch.setattr(BorrowerForm, "exec", exec_)


def test_edit_saves_and_the_lending_page_shows_the_new_name(qtbot, monkeypatch, dialog, corner):
    page = LendingPage(corner, load_settings(corner))
    qtbot.addWidget(page)
    dialog.changed.connect(page.refresh)
    seen = []
    fill_form(monkeypatch, " วิชัย  มั่นคงดี ", "ฝ่ายโยธา", "0 2398 0003", seen)
    select(dialog, "วิชัย มั่นคง")
    dialog.edit_selected()
    assert seen == [("วิชัย มั่นคง", "ฝ่ายโยธา", "")]
    assert ["วิชัย มั่นคงดี", "ฝ่ายโยธา", "0 2398 0003", "0", "0"] in rows(dialog)
    assert dialog.selected()[0].name == "วิชัย มั่นคงดี"
    # Enter on the table edits too; the page behind reads the new name of a borrower with loans
    fill_form(monkeypatch, "นายสมชาย ใจดีมาก", "ฝ่ายเทศกิจ", "", seen)
    select(dialog, "นายสมชาย ใจดี")
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert seen[-1][0] == "นายสมชาย ใจดี"
    borrowers = {page.table.item(r, 2).text() for r in range(page.table.rowCount())}
    assert "นายสมชาย ใจดีมาก" in borrowers and "นายสมชาย ใจดี" not in borrowers


def test_edit_to_a_name_taken_keeps_the_form_open_with_one_thai_sentence(monkeypatch, dialog, corner, boxes):
    fill_form(monkeypatch, "วิชัย มั่นคง", "", "")
    select(dialog, "สมชาย ใจดี")
    dialog.edit_selected()
    assert len(boxes) == 1 and "วิชัย มั่นคง" in boxes[0] and "รวม" in boxes[0]
    assert [r[0] for r in rows(dialog)] == ["นายสมชาย ใจดี", "วิชัย มั่นคง", "สมชาย ใจดี"]


def test_merge_offers_the_similar_name_and_moves_loans_after_the_question(qtbot, monkeypatch, dialog, corner):
    offered, questions = [], []
    def pick(form):
        offered.append(form.keep_box.currentText())
        form.accept()
        return form.result()
    monkeypatch.setattr(MergeForm, "exec", pick)
    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: questions.append(text) or True)
    with qtbot.waitSignal(dialog.changed):
        select(dialog, "สมชาย ใจดี")
        dialog.merge_selected()
    assert offered == ["นายสมชาย ใจดี — ฝ่ายเทศกิจ"]
    assert len(questions) == 1
    assert "สมชาย ใจดี" in questions[0] and "นายสมชาย ใจดี" in questions[0] and "2" in questions[0]
    assert rows(dialog) == [["นายสมชาย ใจดี", "ฝ่ายเทศกิจ", "0 2398 0001", "2", "3"],
                            ["วิชัย มั่นคง", "ฝ่ายโยธา", "", "0", "0"]]


def test_merge_answered_no_changes_nothing(monkeypatch, dialog, corner):
    monkeypatch.setattr(MergeForm, "exec", lambda form: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: False)
    before = rows(dialog)
    select(dialog, "สมชาย ใจดี")
    dialog.merge_selected()
    assert rows(dialog) == before and len(lending.borrowers(corner)) == 3


def test_delete_is_enabled_only_without_loans(qtbot, monkeypatch, dialog, corner, boxes):
    select(dialog, "สมชาย ใจดี")  # one loan returned, still named in it
    assert not dialog.delete_button.isEnabled()
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)  # the key tells why instead
    assert len(boxes) == 1 and "2" in boxes[0]
    assert len(lending.borrowers(corner)) == 3
    select(dialog, "วิชัย มั่นคง")
    assert dialog.delete_button.isEnabled()
    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: "วิชัย มั่นคง" in text)
    dialog.delete_button.click()
    assert [b.name for b in lending.borrowers(corner)] == ["นายสมชาย ใจดี", "สมชาย ใจดี"]
    assert len(rows(dialog)) == 2


def rename_while_open(monkeypatch, old: str, new: str) -> list:
    """The dialog's exec replaced by a rename done in it, announced as the dialog announces it."""
    opened = []

    def exec_(d):
        borrower = next(b for b, _o, _t in d.rows if b.name == old)
        update_borrower(d.db, borrower.id, new, borrower.section, borrower.phone)
        opened.append(d)
        d.changed.emit()
        return 0
    monkeypatch.setattr(BorrowersDialog, "exec", exec_)
    return opened


def loan_borrowers(page) -> set[str]:
    return {page.table.item(r, 2).text() for r in range(page.table.rowCount())}


def test_the_lending_page_button_opens_the_dialog_and_refreshes(qtbot, monkeypatch, corner):
    page = LendingPage(corner, load_settings(corner))
    qtbot.addWidget(page)
    opened = rename_while_open(monkeypatch, "สมชาย ใจดี", "นายสมชาย ใจดี (ซ้ำ)")
    next(b for b in page.findChildren(QPushButton) if b.text() == "ผู้ยืม…").click()
    assert len(opened) == 1 and "นายสมชาย ใจดี (ซ้ำ)" in loan_borrowers(page)


def test_the_catalog_menu_opens_the_dialog_and_refreshes_the_lending_page(qtbot, monkeypatch, demo_db):
    window = MainWindow(demo_db, load_settings(demo_db))
    qtbot.addWidget(window)
    page = window.page("lending")
    assert "นายวิชัย มั่นคง" in loan_borrowers(page)
    opened = rename_while_open(monkeypatch, "นายวิชัย มั่นคง", "นายวิชัย มั่นคงดี")
    action = window.findChild(QAction, "action_borrowers")
    assert action.text() == "ผู้ยืม…" and action in window.menus["catalog"].actions()
    action.trigger()
    assert len(opened) == 1 and "นายวิชัย มั่นคงดี" in loan_borrowers(page)


def test_the_selected_borrower_shows_its_history_below_the_list(dialog, corner):
    select(dialog, "วิชัย มั่นคง")
    assert dialog.history.entries() == []
    borrower = lending.find_borrower(corner, "วิชัย มั่นคง")
    update_borrower(corner, borrower.id, "นายวิชัย มั่นคง", "ฝ่ายโยธา", "0 2398 0003")
    dialog.refresh(borrower.id)
    [(action, lines)] = dialog.history.entries()
    assert action == "แก้ไข" and "ชื่อ: วิชัย มั่นคง → นายวิชัย มั่นคง" in lines
