"""Registers shaped like the ones district offices keep, for the import tests (and tests/data's generator).

REGISTER is one sheet as a clerk lays it out: a merged title row, a blank row, column names split over
two rows (การจัดเก็บ over ชั้นวาง and จำนวน), a sequence column, Thai digits, a pre-numbered empty row,
a totals row, a note and signature lines. EXPECTED is exactly what must arrive.
"""
from __future__ import annotations

from datetime import date

TITLE = "ทะเบียนสื่อมุมความรู้ สำนักงานเขตบางนา ปีงบประมาณ ๒๕๕๖"
REGISTER = [
    [TITLE, "", "", "", "", "", ""],
    ["", "", "", "", "", "", ""],
    ["ลำดับที่", "ชื่อเรื่อง", "ประเภท", "ปี พ.ศ.", "การจัดเก็บ", "", "วันที่รับ"],
    ["", "", "", "", "ชั้นวาง", "จำนวน", ""],
    ["๑", "คู่มือการจัดระเบียบผู้ค้าหาบเร่แผงลอย", "คู่มือการปฏิบัติงาน", "๒๕๕๖", "ชั้น A-1", "3 เล่ม", date(2013, 3, 15)],
    [2, "รวมกฎหมายเทศกิจ", "", "56", "ชั้น A-2", "๒", "15 มี.ค. 56"],
    [3, "", "", "", "", "", ""],
    [4, "สรุปบทเรียนการแลกเปลี่ยนเรียนรู้กับเขตพระโขนง", "", "พ.ศ. ๒๕๕๖", "", "1", "๑ ต.ค. ๒๕๕๕"],
    ["", "", "", "", "", "", ""],
    ["", "รวม ๓ รายการ", "", "", "", "6", ""],
    ["หมายเหตุ: ข้อมูล ณ วันที่ 30 ก.ย. 2556", "", "", "", "", "", ""],
    ["", "", "", "ลงชื่อ.............................ผู้บันทึก", "", "", ""],
    ["", "", "", "(นางสาวสมใจ ใจดี)", "", "", ""],
]
# (title, kind, year, location, copies, received_on)
EXPECTED = [
    ("คู่มือการจัดระเบียบผู้ค้าหาบเร่แผงลอย", "work_manual", 2556, "ชั้น A-1", 3, date(2013, 3, 15)),
    ("รวมกฎหมายเทศกิจ", "other", 2556, "ชั้น A-2", 2, date(2013, 3, 15)),
    ("สรุปบทเรียนการแลกเปลี่ยนเรียนรู้กับเขตพระโขนง", "other", 2556, "", 1, date(2012, 10, 1)),
]
SKIPPED = [(7, "แถวที่มีแต่เลขลำดับ ไม่มีข้อมูล"), (9, "แถวว่าง"), (10, "แถวรวมยอด"), (11, "หมายเหตุ"),
           (12, "บรรทัดลงชื่อ"), (13, "บรรทัดลงชื่อ")]
COVER = [["สรุปทะเบียน"], ["จำนวนทั้งหมด", 3]]  # a first sheet that is not the register


def write_xlsx(path, sheets: dict[str, list[list]]):
    """An .xlsx with these sheets; the title row of a register is merged across, as clerks do."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append([None if cell == "" else cell for cell in row])
        if rows and rows[0] and rows[0][0] == TITLE:
            sheet.merge_cells("A1:G1")
            sheet.merge_cells("E3:F3")
    book.save(path)
    return path
