"""`lo-desktop report kpi|session|catalog` write their documents or say in one sentence why not."""
from __future__ import annotations

from docx import Document

from lo_desktop.cli import main
from lo_desktop.core.db import open_database
from lo_desktop.core.sample.corner import load_demo


def demo_file(tmp_path):
    path = tmp_path / "demo.db"
    database = open_database(path)
    load_demo(database)
    database.close()
    return path


def test_report_kpi_for_a_thai_digit_year(tmp_path, capsys):
    db = demo_file(tmp_path)
    out = tmp_path / "kpi.docx"
    assert main(["--db", str(db), "report", "kpi", "--fy", "๒๕๕๖", "--out", str(out)]) == 0
    assert out.is_file()
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "ปีงบประมาณ พ.ศ. 2556" in text
    assert "kpi.docx" in capsys.readouterr().out


def test_report_session_and_an_unknown_session(tmp_path, capsys):
    db = demo_file(tmp_path)
    out = tmp_path / "memo"
    assert main(["--db", str(db), "report", "session", "1", "--out", str(out)]) == 0
    assert (tmp_path / "memo.docx").is_file()  # .docx added for the clerk
    assert main(["--db", str(db), "report", "session", "999", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "999" in err and "Traceback" not in err


def test_report_catalog_with_a_thai_filter(tmp_path):
    db = demo_file(tmp_path)
    out = tmp_path / "reg.docx"
    assert main(["--db", str(db), "report", "catalog", "--kind", "คู่มือการปฏิบัติงาน", "--out", str(out)]) == 0
    table = Document(str(out)).tables[0]
    kinds = {row.cells[3].text for row in table.rows[1:]}
    assert kinds == {"คู่มือการปฏิบัติงาน"}


def test_report_into_a_missing_folder_is_one_sentence(tmp_path, capsys):
    db = demo_file(tmp_path)
    assert main(["--db", str(db), "report", "catalog", "--out", str(tmp_path / "no" / "r.docx")]) == 1
    assert "Traceback" not in capsys.readouterr().err
