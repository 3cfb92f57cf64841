"""Registers the way district offices keep them (issue 14): title rows, names over two rows, rows that
are not materials, every format a district PC saves, several sheets, cells as clerks type them."""
import csv
from datetime import date
from pathlib import Path

import pytest

from lo_desktop.cli import main as cli_main
from lo_desktop.core.catalog.actions import ImportChoices, check_import, import_materials
from lo_desktop.core.catalog.register_cells import copies, register_date, register_year
from lo_desktop.core.catalog.search import Query, search
from lo_desktop.core.catalog.transfer import read_table
from lo_desktop.core.errors import UserError

from register_shapes import COVER, EXPECTED, REGISTER, SKIPPED, write_xlsx

DATA = Path(__file__).resolve().parent.parent / "data"


def arrived(db):
    return [(m.title, m.kind, m.year, m.location, m.copies, m.received_on) for m in sorted(search(db, Query()), key=lambda m: m.code)]


def as_text(rows):
    return [[c.isoformat() if isinstance(c, date) else str(c) for c in row] for row in rows]


def write_text(path, rows, encoding, delimiter=","):
    with open(path, "w", encoding=encoding, newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(as_text(rows))
    return path


def register_files(tmp_path):
    return {
        "xlsx": write_xlsx(tmp_path / "ทะเบียน.xlsx", {"สรุป": COVER, "ทะเบียน": REGISTER}),
        "xls": DATA / "register_two_sheets.xls",
        "ods": DATA / "register_two_sheets.ods",
        "csv utf-8": write_text(tmp_path / "a.csv", REGISTER, "utf-8"),
        "csv bom": write_text(tmp_path / "b.csv", REGISTER, "utf-8-sig"),
        "csv cp874": write_text(tmp_path / "c.csv", REGISTER, "cp874"),
        "unicode text": write_text(tmp_path / "d.txt", REGISTER, "utf-16", delimiter="\t"),
    }


@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods", "csv utf-8", "csv bom", "csv cp874", "unicode text"])
def test_a_real_register_arrives_exactly_in_every_format(db, tmp_path, kind):
    path = register_files(tmp_path)[kind]
    result = import_materials(db, path)
    assert arrived(db) == EXPECTED
    assert result.check.header_row == 3 and result.check.skipped == SKIPPED
    assert result.check.sheet == ("ทะเบียน" if kind in ("xlsx", "xls", "ods") else path.stem)


def test_the_names_split_over_two_rows_are_joined_and_the_sequence_column_ignored(tmp_path):
    table = read_table(write_xlsx(tmp_path / "r.xlsx", {"ทะเบียน": REGISTER}))
    assert table.header_rows == 2 and table.sequence_column == 0
    assert table.headers == ["ลำดับที่", "ชื่อเรื่อง", "ประเภท", "ปี พ.ศ.", "ชั้นวาง", "จำนวน", "วันที่รับ"]
    assert table.numbers == [5, 6, 8]


def test_the_first_sheet_that_looks_like_a_register_is_proposed_and_another_can_be_chosen(db, tmp_path):
    other = [["ชื่อเรื่อง", "ปี"], ["ประกาศกรุงเทพมหานคร เรื่อง จุดผ่อนผัน", "2556"]]
    path = write_xlsx(tmp_path / "r.xlsx", {"สรุป": COVER, "ทะเบียน": REGISTER, "ประกาศ": other})
    assert read_table(path).sheet == "ทะเบียน"
    assert read_table(path, sheet="3").sheets == ["สรุป", "ทะเบียน", "ประกาศ"]
    import_materials(db, path, choices=ImportChoices(sheet="ประกาศ"))
    assert [m.title for m in search(db, Query())] == ["ประกาศกรุงเทพมหานคร เรื่อง จุดผ่อนผัน"]
    with pytest.raises(UserError, match="ไม่มีแผ่นงาน “ปี 2557”"):
        read_table(path, sheet="ปี 2557")


def test_a_chosen_header_row_wins_and_an_empty_one_is_one_sentence(tmp_path):
    rows = [["ชื่อเรื่อง", "รหัส"], ["รายการสื่อ", "เลขทะเบียน"], ["คู่มือ", "BN-0100"]]
    path = write_xlsx(tmp_path / "r.xlsx", {"a": rows})
    assert read_table(path).header_row == 1
    table = read_table(path, header_row=2)
    assert (table.header_row, table.headers, table.numbers) == (2, ["รายการสื่อ", "เลขทะเบียน"], [3])
    with pytest.raises(UserError, match="แถวที่ 40 ไม่มีหัวคอลัมน์"):
        read_table(path, header_row=40)


def test_columns_named_on_the_command_line(db, tmp_path, capsys):
    rows = [["เล่มที่", "หนังสือ", "ที่อยู่บนชั้น"], ["BN-0007", "คู่มือทะเบียนราษฎร", "ชั้น B-2"]]
    path = write_xlsx(tmp_path / "r.xlsx", {"a": rows})
    assert cli_main(["--db", str(tmp_path / "corner.db"), "import", str(path), "--map", "หนังสือ=title", "--map", "เล่มที่=code",
                     "--map", "ที่อยู่บนชั้น=ที่เก็บ"]) == 0
    m = search(db, Query())[0]
    assert (m.code, m.title, m.location) == ("BN-0007", "คู่มือทะเบียนราษฎร", "ชั้น B-2")


def test_a_wrong_column_or_field_in_a_map_is_one_sentence(db, tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", {"a": [["หนังสือ"], ["คู่มือ"]]})
    with pytest.raises(UserError, match="ไม่มีคอลัมน์ “ชื่อ”"):
        check_import(db, path, choices=ImportChoices(columns={"ชื่อ": "title"}))
    with pytest.raises(UserError, match="ไม่ใช่ช่องข้อมูล"):
        check_import(db, path, choices=ImportChoices(columns={"หนังสือ": "ชื่อคน"}))


def test_a_title_that_starts_like_a_total_or_a_note_is_still_a_material(db, tmp_path):
    rows = [["ชื่อเรื่อง", "จำนวน"], ["รวมกฎหมายเทศกิจ", "1"], ["หมายเหตุประจำวันของฝ่ายโยธา", "2"],
            ["รวม", "3"], ["Total 2 items", ""]]
    check = check_import(db, write_xlsx(tmp_path / "r.xlsx", {"a": rows}))
    assert [m.title for _, m in check.good] == ["รวมกฎหมายเทศกิจ", "หมายเหตุประจำวันของฝ่ายโยธา"]
    assert [n for n, _ in check.skipped] == [4, 5]


def test_the_column_names_repeated_at_a_page_break_are_skipped(db, tmp_path):
    rows = [["ชื่อเรื่อง", "ปี"], ["ก", "2556"], ["ชื่อเรื่อง", "ปี"], ["ข", "2557"]]
    check = check_import(db, write_xlsx(tmp_path / "r.xlsx", {"a": rows}))
    assert [m.title for _, m in check.good] == ["ก", "ข"] and check.skipped == [(3, "หัวคอลัมน์ซ้ำ")]


@pytest.mark.parametrize("text, year", [("๒๕๕๖", 2556), ("2556", 2556), ("พ.ศ. ๒๕๕๖", 2556), ("56", 2556),
                                        ("๕๖", 2556), ("2013", 2556), ("2013-03-15", 2556)])
def test_years_as_clerks_type_them(text, year):
    assert register_year(text) == year


@pytest.mark.parametrize("text, day", [("2013-03-15", date(2013, 3, 15)), ("41348", date(2013, 3, 15)),
                                       ("15 มี.ค. 56", date(2013, 3, 15)), ("๑๕/๓/๕๖", date(2013, 3, 15)),
                                       ("15 มีนาคม พ.ศ. ๒๕๕๖", date(2013, 3, 15))])
def test_dates_as_clerks_type_them(text, day):
    assert register_date(text) == day


@pytest.mark.parametrize("text, number", [("3", 3), ("๓", 3), ("3 เล่ม", 3), ("จำนวน ๒ ชุด", 2), ("1,200", 1200)])
def test_copies_as_clerks_write_them(text, number):
    assert copies(text) == number


@pytest.mark.parametrize("text", ["สามเล่ม", "2-3 เล่ม", "1.5", "-1"])
def test_copies_that_are_not_one_whole_number_are_refused(text):
    with pytest.raises(UserError):
        copies(text)


def test_a_file_of_an_unknown_kind_is_one_sentence_and_writes_nothing(db, tmp_path):
    path = tmp_path / "ทะเบียน.docx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(UserError, match="ไม่ใช่ไฟล์ทะเบียน"):
        import_materials(db, path)
    assert search(db, Query()) == []


@pytest.mark.parametrize("name", ["broken.xls", "broken.ods"])
def test_a_damaged_workbook_is_one_sentence(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0 not really" if name.endswith("xls") else b"PK\x03\x04 not really")
    with pytest.raises(UserError, match="เสียหาย"):
        read_table(path)


def test_short_rows_and_empty_rows_below_the_register(db, tmp_path):
    """A CSV row with fewer cells than names (the clerk left the last ones empty) is read as empty cells;
    empty rows after the last one are not listed; a numbered empty row there is."""
    rows = [["ลำดับที่", "ชื่อเรื่อง", "ประเภท", "ปี"], ["1", "คู่มือ ก", "guide", "2556"], ["2", "คู่มือ ข"],
            ["3"], [], ["", "", "", ""], []]
    check = check_import(db, write_text(tmp_path / "short.csv", rows, "utf-8"))
    assert [(n, m.title, m.kind, m.year) for n, m in check.good] == [(2, "คู่มือ ก", "guide", 2556),
                                                                     (3, "คู่มือ ข", "other", None)]
    assert [n for n, _reason in check.skipped] == [4] and check.problems == []


@pytest.mark.parametrize("text", ["2014-04-21", "2557-04-21", "1900-01-01", "1856-12-31", "2157-12-31", "2158-01-01", "2014-02-30", "2014-4-21x"])
def test_an_excel_date_is_read_as_the_thai_date_reader_reads_it(text):
    from lo_desktop.core.thaidate import parse_date

    try:
        expected = parse_date(text)
    except UserError:
        with pytest.raises(UserError):
            register_date(text)
    else:
        assert register_date(text) == expected
