"""Import and export dialogs: preview with column choices, problems before writing, all or only good rows."""
import csv

import pytest
from PySide6.QtWidgets import QDialog

from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core.records import Material
from lo_desktop.core.catalog.search import Query
from lo_desktop.settings import load_settings
from lo_desktop.ui.catalog.transfer_dialogs import ImportDialog, export_materials


def write_csv(path, rows):
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


@pytest.fixture
def mixed_list(db, tmp_path):
    """Thai headers; row 3 has an unreadable year, row 4 a code already in the catalog."""
    catalog.add_material(db, Material(title="มีอยู่แล้ว", code="BN-0001"))
    return write_csv(tmp_path / "รายการ.csv", [
        ["รหัส", "ชื่อเรื่อง", "ปี พ.ศ.", "หมายเหตุ"],
        ["", "คู่มือการปฏิบัติงานฝ่ายเทศกิจ", "2556", "ชั้น 1"],
        ["", "สรุปบทเรียน KM", "ปีหน้า", ""],
        ["BN-0001", "ซ้ำรหัส", "2556", ""],
    ])


@pytest.fixture
def opened(qtbot, db, boxes, mixed_list):
    dialog = ImportDialog(db, load_settings(db))
    qtbot.addWidget(dialog)
    dialog.load(mixed_list).wait()
    dialog.task.wait()  # the check that reading started
    return dialog


def titles(db):
    return {r[0] for r in db.execute("SELECT title FROM materials").fetchall()}


def test_thai_headers_are_recognised_and_the_unknown_one_left_out(opened):
    assert opened.mapping() == {0: "code", 1: "title", 2: "year"}
    assert opened.preview.item(1, 1).text() == "คู่มือการปฏิบัติงานฝ่ายเทศกิจ"


def test_each_problem_row_is_listed_before_anything_is_written(db, opened):
    problems = [opened.problem_list.item(i).text() for i in range(opened.problem_list.count())]
    assert len(problems) == 2
    assert problems[0].startswith("แถวที่ 3") and problems[1].startswith("แถวที่ 4")
    assert "นำเข้าได้ 1 แถว มีปัญหา 2 แถว" in opened.summary.text()
    assert not opened.import_button.isEnabled()  # all-or-nothing while problems remain
    assert titles(db) == {"มีอยู่แล้ว"}


def test_only_the_good_rows_when_the_clerk_asks(db, opened):
    opened.skip_invalid.setChecked(True)
    assert opened.import_button.isEnabled()
    opened.start_import().wait()
    assert opened.imported == 1 and opened.result() == QDialog.DialogCode.Accepted
    assert titles(db) == {"มีอยู่แล้ว", "คู่มือการปฏิบัติงานฝ่ายเทศกิจ"}
    assert catalog.get_material(db, "BN-0002").year == 2556


def test_a_clean_list_imports_all_rows(db, qtbot, boxes, tmp_path):
    path = write_csv(tmp_path / "ok.csv", [["Title", "Kind"], ["แผ่นพับ", "Poster / infographic"], ["วีดิทัศน์", "วีดิทัศน์"]])
    dialog = ImportDialog(db, load_settings(db))
    qtbot.addWidget(dialog)
    dialog.load(path).wait()
    dialog.task.wait()
    assert dialog.import_button.isEnabled()
    dialog.start_import().wait()
    assert dialog.imported == 2
    assert {m.kind for m in map(lambda c: catalog.get_material(db, c), ["BN-0001", "BN-0002"])} == {"poster", "video"}


def test_without_a_title_column_the_dialog_says_so(opened):
    opened.preview.cellWidget(0, 1).setCurrentIndex(0)  # "(do not import)"
    assert opened.summary.text() == "ไม่พบคอลัมน์ชื่อเรื่อง โปรดเลือกว่าคอลัมน์ใดเป็นชื่อเรื่อง"
    assert not opened.import_button.isEnabled()


def test_choosing_another_column_rechecks(opened):
    combo = opened.preview.cellWidget(0, 2)
    combo.setCurrentIndex(0)  # stop importing the year column: row 3 becomes good
    opened.task.wait()
    assert "นำเข้าได้ 2 แถว มีปัญหา 1 แถว" in opened.summary.text()


def test_an_unreadable_file_is_one_sentence(db, qtbot, boxes, tmp_path):
    path = tmp_path / "รูป.png"
    path.write_bytes(b"\x89PNG")
    dialog = ImportDialog(db, load_settings(db))
    qtbot.addWidget(dialog)
    dialog.load(path).wait()
    assert boxes == ["ไฟล์ “รูป.png” ไม่ใช่ไฟล์ทะเบียนที่อ่านได้ (Excel .xlsx หรือ .xls, LibreOffice .ods, CSV หรือข้อความ Unicode)"]
    assert not dialog.import_button.isEnabled()


def test_export_writes_the_materials_of_the_query(db, qtbot, boxes, tmp_path):
    catalog.add_material(db, Material(title="คู่มือเทศกิจ", topic="ผู้ค้า"))
    catalog.add_material(db, Material(title="รายงานประจำปี"))
    path = tmp_path / "ส่งออก.csv"
    export_materials(None, db, Query(text="เทศกิจ"), path=path).wait()
    text = path.read_text(encoding="utf-8-sig")
    assert "คู่มือเทศกิจ" in text and "รายงานประจำปี" not in text


def register_dialog(qtbot, db, path):
    dialog = ImportDialog(db, load_settings(db))
    qtbot.addWidget(dialog)
    dialog.load(path).wait()
    dialog.task.wait()
    return dialog


def test_a_register_with_title_rows_and_two_sheets_is_proposed_and_skips_are_listed(db, qtbot, boxes):
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "data" / "register_two_sheets.xls"
    dialog = register_dialog(qtbot, db, path)
    assert dialog.sheet_box.isVisibleTo(dialog) and dialog.sheet_box.currentText() == "ทะเบียน"
    assert dialog.header_row_box.value() == 3
    assert "แถวที่ 3 ของแผ่นงาน “ทะเบียน”" in dialog.where.text() and "แถวที่ 4" in dialog.where.text()
    assert dialog.preview.verticalHeaderItem(1).text() == "5"
    listed = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    assert "ข้ามแถวที่ 10: แถวรวมยอด" in listed
    dialog.start_import().wait()
    assert dialog.imported == 3


def test_the_clerk_picks_another_sheet_and_another_header_row(db, qtbot, boxes, tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "core"))
    from register_shapes import COVER, REGISTER, write_xlsx

    other = [["บัญชีรายการ"], ["ชื่อเรื่อง", "ปี"], ["ประกาศจุดผ่อนผัน", "2556"]]
    dialog = register_dialog(qtbot, db, write_xlsx(tmp_path / "r.xlsx", {"สรุป": COVER, "ทะเบียน": REGISTER,
                                                                          "ประกาศ": other}))
    dialog.sheet_box.setCurrentText("ประกาศ")
    dialog.sheet_box.activated.emit(2)
    dialog.task.wait()
    dialog.task.wait()
    assert dialog.table.sheet == "ประกาศ" and dialog.header_row_box.value() == 2
    dialog.header_row_box.setValue(1)  # the title row, the names continuing below it
    dialog.header_row_box.editingFinished.emit()
    dialog.task.wait()
    dialog.task.wait()
    assert (dialog.table.header_row, dialog.table.header_rows) == (1, 2)
    assert dialog.mapping() == {0: "title", 1: "year"} and dialog.import_button.isEnabled()
