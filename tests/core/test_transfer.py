"""CSV and Excel import/export: lossless round trip, clerk-typed values, all-or-nothing, safe cells."""
import csv
import zipfile
from datetime import date

import openpyxl
import pytest

from lo_desktop.core.catalog.materials import add_material
from lo_desktop.core.db import open_database
from lo_desktop.core.errors import UserError
from lo_desktop.core.records import Material
from lo_desktop.core.catalog.search import Query, count, search
from lo_desktop.core.catalog.transfer import (check_rows, decode_csv, export_materials, guess_mapping, import_rows,
                                      read_table)

FIELDS = ("code", "title", "kind", "format", "source", "topic", "tags", "author", "year", "summary",
          "location", "copies", "link", "status", "received_on", "origin")


def snapshot(db):
    return [tuple(getattr(m, f) for f in FIELDS) for m in search(db, Query())]


def import_file(db, path, skip_invalid=False):
    table = read_table(path)
    check = check_rows(db, table, guess_mapping(table.headers))
    return check, import_rows(db, check, skip_invalid=skip_invalid) if (skip_invalid or not check.problems) else 0


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_is_lossless(demo_db, tmp_path, suffix):
    add_material(demo_db, Material(title="=HYPERLINK(\"http://evil\")", code="BN-9001", summary="-1+2",
                                   tags="@home", received_on=date(2013, 2, 28)))
    out = tmp_path / f"catalog{suffix}"
    exported = export_materials(demo_db, Query(), out)
    assert exported == count(demo_db, Query())
    fresh = open_database(tmp_path / "fresh.db")
    check, imported = import_file(fresh, out)
    assert check.problems == []
    assert imported == exported
    assert snapshot(fresh) == snapshot(demo_db)


def test_csv_export_has_a_bom_thai_headers_and_no_formula_cells(demo_db, tmp_path):
    add_material(demo_db, Material(title="=1+1", code="BN-9001"))
    out = tmp_path / "c.csv"
    export_materials(demo_db, Query(), out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[0][:2] == ["รหัส", "ชื่อเรื่อง"]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows[1:] for cell in row)


def test_xlsx_export_never_holds_a_formula(db, tmp_path):
    add_material(db, Material(title="=SUM(A1:A9)", code="BN-0001"))
    out = tmp_path / "c.xlsx"
    export_materials(db, Query(), out)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_xlsx_text_cells_show_exactly_what_was_typed(db, tmp_path):
    """Every .xlsx cell is text already: no apostrophe is added, so "-5" or a phone "+66 2…" shows as typed."""
    add_material(db, Material(title="=SUM(A1:A9)", code="BN-0001", summary="-5 เล่มชำรุด", author="+66 2398 0001"))
    out = tmp_path / "c.xlsx"
    export_materials(db, Query(), out)
    cells = {cell.value for row in openpyxl.load_workbook(out).worksheets[0].iter_rows() for cell in row}
    assert {"=SUM(A1:A9)", "-5 เล่มชำรุด", "+66 2398 0001"} <= cells
    assert not any(isinstance(v, str) and v.startswith("'") for v in cells)


def write_csv(path, rows, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(rows)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp874"])
def test_csv_in_every_encoding_a_thai_pc_writes(db, tmp_path, encoding):
    path = tmp_path / "list.csv"
    write_csv(path, [["ชื่อเรื่อง", "ปี พ.ศ.", "วันที่รับเข้า"],
                     ["คู่มือเทศกิจ", "๒๕๕๖", "15 มี.ค. 2556"],
                     ["ระเบียบงานทะเบียน", "2013", "2013-03-15"]], encoding)
    check, imported = import_file(db, path)
    assert check.problems == [] and imported == 2
    titles = {m.title: m for m in search(db, Query())}
    assert titles["คู่มือเทศกิจ"].year == 2556
    assert titles["ระเบียบงานทะเบียน"].year == 2556
    assert titles["คู่มือเทศกิจ"].received_on == date(2013, 3, 15)


def test_english_headers_and_labels_are_recognised(db, tmp_path):
    path = tmp_path / "en.csv"
    write_csv(path, [["Code", "Title", "Kind", "Status"], ["X-1", "Manual", "Work manual", "On loan"]])
    import_file(db, path)
    m = search(db, Query())[0]
    assert (m.code, m.kind, m.status) == ("X-1", "work_manual", "on_loan")


def test_a_bad_row_means_nothing_is_written_and_each_problem_is_listed(db, tmp_path):
    add_material(db, Material(title="มีอยู่แล้ว", code="BN-0001"))
    path = tmp_path / "bad.csv"
    write_csv(path, [["รหัส", "ชื่อเรื่อง", "ปี พ.ศ."],
                     ["BN-0002", "ดี", "2556"],
                     ["BN-0003", "", "2556"],
                     ["BN-0001", "ซ้ำ", "2556"],
                     ["BN-0004", "ปีผิด", "สองพันห้า"],
                     ["BN-0002", "ซ้ำในไฟล์", "2556"]])
    check, imported = import_file(db, path)
    assert [n for n, _ in check.problems] == [3, 4, 5, 6]
    assert imported == 0 and count(db, Query()) == 1
    with pytest.raises(UserError):
        import_rows(db, check)
    assert import_rows(db, check, skip_invalid=True) == 1
    assert count(db, Query()) == 2


def test_rows_without_codes_get_consecutive_codes(db, tmp_path):
    path = tmp_path / "nocode.csv"
    write_csv(path, [["ชื่อเรื่อง"], ["ก"], ["ข"], ["ค"]])
    import_file(db, path)
    assert [m.code for m in search(db, Query())] == ["BN-0001", "BN-0002", "BN-0003"]


def test_generated_codes_never_take_a_code_the_file_gives_another_row(db, tmp_path):
    path = tmp_path / "mixed.csv"
    write_csv(path, [["ชื่อเรื่อง", "รหัส"], ["ไม่มีรหัส", ""], ["มีรหัส", "BN-0001"], ["ไม่มีเหมือนกัน", ""]])
    import_file(db, path)
    assert {m.title: m.code for m in search(db, Query())} == {
        "มีรหัส": "BN-0001", "ไม่มีรหัส": "BN-0002", "ไม่มีเหมือนกัน": "BN-0003"}


def test_an_import_leaves_new_materials_findable_one_by_one_afterwards(db, tmp_path):
    """The bulk path sets the index trigger aside; it must be back for the next ordinary save."""
    path = tmp_path / "list.csv"
    write_csv(path, [["ชื่อเรื่อง"], ["คู่มือหาบเร่"], ["แนวทางแผงลอย"]])
    import_file(db, path)
    add_material(db, Material(title="ประกาศหาบเร่ฉบับใหม่"))
    assert count(db, Query(text="หาบเร่")) == 2 and count(db, Query(text="แผงลอย")) == 1


def test_a_failed_import_keeps_the_index_trigger(db, tmp_path, monkeypatch):
    from lo_desktop.core.catalog import bulk_insert as catalog

    path = tmp_path / "list.csv"
    write_csv(path, [["ชื่อเรื่อง"], ["คู่มือหาบเร่"]])
    monkeypatch.setattr(catalog, "_index_new_rows", lambda db, last_id: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        import_file(db, path)
    monkeypatch.undo()
    assert count(db, Query()) == 0
    add_material(db, Material(title="ประกาศหาบเร่ฉบับใหม่"))
    assert count(db, Query(text="หาบเร่")) == 1


def test_a_file_without_a_title_column_is_explained(db, tmp_path):
    path = tmp_path / "x.csv"
    write_csv(path, [["a", "b"], ["1", "2"]])
    table = read_table(path)
    with pytest.raises(UserError, match="ชื่อเรื่อง"):
        check_rows(db, table, guess_mapping(table.headers))


@pytest.mark.parametrize("content, name", [(b"PK\x03\x04garbage", "broken.xlsx"), (b"", "empty.csv"),
                                           (b"hello", "notes.docx")])
def test_broken_files_get_one_clear_sentence(tmp_path, content, name):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError):
        read_table(path)


def test_a_file_with_headers_only_says_there_is_nothing_to_import(tmp_path):
    path = tmp_path / "headers.csv"
    write_csv(path, [["ชื่อเรื่อง", "รหัส"], ["", ""]])
    with pytest.raises(UserError, match="ไม่มีแถวข้อมูล"):
        read_table(path)


def test_an_xml_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * (50 * 1024 * 1024) + b"</a>")
    with pytest.raises(UserError, match="ผิดปกติ"):
        read_table(path)


def test_cp874_bytes_are_decoded():
    assert decode_csv("ทะเบียน".encode("cp874")) == "ทะเบียน"


def test_export_to_an_unknown_type_is_refused(db, tmp_path):
    with pytest.raises(UserError):
        export_materials(db, Query(), tmp_path / "x.pdf")
