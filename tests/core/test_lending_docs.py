"""The reminder slip and the stocktake report: Thai, Buddhist-Era dates, the rows a reader checks."""
from datetime import date, timedelta

import pytest
from docx import Document

from lo_desktop.core.lending import loans as lending
from lo_desktop.core.lending import stocktake as st
from lo_desktop.core.catalog.materials import add_material
from lo_desktop.core.errors import UserError
from lo_desktop.core.records import Material
from lo_desktop.reports.lending_docs import build_reminder, build_stocktake_report
from lo_desktop.settings import Settings


def all_text(path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


@pytest.fixture
def corner(db):
    for n, loc in ((1, "ชั้น A-1"), (2, "ชั้น A-1"), (3, "ชั้น B-1")):
        add_material(db, Material(title=f"คู่มือเล่ม {n}", code=f"BN-000{n}", location=loc))
    return db


def test_reminder_lists_the_borrowers_loans_with_be_dates(corner, tmp_path):
    somchai = lending.ensure_borrower(corner, "สมชาย ใจดี", "ฝ่ายเทศกิจ")
    lent = date(2024, 3, 1)
    for code in ("BN-0001", "BN-0002"):
        lending.lend(corner, lending.resolve_material(corner, code), somchai, 14, today=lent)
    lending.lend(corner, lending.resolve_material(corner, "BN-0003"), lending.ensure_borrower(corner, "คนอื่น"),
                 today=lent)
    path = build_reminder(corner, Settings(), somchai, tmp_path / "slip", today=lent + timedelta(days=20))
    assert path.suffix == ".docx"
    text = all_text(path)
    assert "สมชาย ใจดี" in text and "BN-0001" in text and "BN-0002" in text and "BN-0003" not in text
    assert "1\xa0มี.ค.\xa02567" in text and "2024" not in text  # non-breaking: a date never wraps in its cell
    assert "\n6\n" in text  # days overdue


def test_no_reminder_for_a_borrower_with_nothing_out(corner, tmp_path):
    with pytest.raises(UserError):
        build_reminder(corner, Settings(), lending.ensure_borrower(corner, "ว่าง"), tmp_path / "slip.docx")
    assert not (tmp_path / "slip.docx").exists()


def test_stocktake_report_has_every_list(corner, tmp_path):
    take = st.start(corner, "ชั้น A-1")
    for payload in ("BN-0001", "BN-0003", "ZZ-9"):
        st.scan(corner, take.id, payload)
    st.close(corner, take.id)
    text = all_text(build_stocktake_report(corner, Settings(), take.id, tmp_path / "count.docx"))
    assert "รายงานผลการตรวจนับ" in text and "ชั้น A-1" in text
    for code in ("BN-0001", "BN-0002", "BN-0003", "ZZ-9"):
        assert code in text
    assert "บันทึกว่าสูญหายแล้ว" in text and "ชั้น B-1" in text
