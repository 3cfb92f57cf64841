"""Words inside attached documents are found by the catalog search; bad files are reported, never block."""
import json

import pytest

from lo_desktop.cli import main
from lo_desktop.core.catalog import attachment_index
from lo_desktop.core.catalog.attachments import add_attachment, remove_attachment
from lo_desktop.core.catalog.materials import add_material, delete_material
from lo_desktop.core.catalog.doctext import ExtractionError, extract_text
from lo_desktop.core.records import Material
from lo_desktop.core.catalog.search import Query, all_facet_counts, count, search

from doctext_files import (write_damaged_pdf, write_docx, write_encrypted_pdf, write_image_pdf, write_pdf,
                           write_txt, write_xlsx)

# Thai without tone marks raised over an upper vowel: Qt's PDF writer gives those glyphs no character.
PDF_WORDS = "รายงานการประชุมเรื่องผู้ค้าหาบเร่แผงลอย ปี ๒๕๕๖ ทางเท้าเขตบางนา"


def codes(db, text: str) -> list[str]:
    return [m.code for m in search(db, Query(text))]


@pytest.fixture
def corner(db, tmp_path):
    """Two materials whose fields say nothing of what their files hold."""
    first = add_material(db, Material(title="แฟ้มเอกสาร", code="BN-0001"))
    second = add_material(db, Material(title="สมุดบันทึก", code="BN-0002"))
    return db, first, second, tmp_path


def test_every_kind_of_document_is_read(tmp_path):
    assert "ผู้ค้าหาบเร่แผงลอย" in extract_text(write_pdf(tmp_path / "a.pdf", ["หน้าแรก", PDF_WORDS]))
    docx = write_docx(tmp_path / "a.docx", ["ย่อหน้าแรก"], [["หัวตาราง", "งบประมาณ ๒๕๖๗"]])
    assert "งบประมาณ ๒๕๖๗" in extract_text(docx) and "ย่อหน้าแรก" in extract_text(docx)
    xlsx = write_xlsx(tmp_path / "a.xlsx", [["รายการ", "ปี"], ["ครุภัณฑ์สำนักงาน", 2556]], sheets=2)
    assert "ครุภัณฑ์สำนักงาน\t2556" in extract_text(xlsx)
    assert extract_text(write_txt(tmp_path / "u.txt", "\ufeffบันทึกข้อความ utf-8")) == "บันทึกข้อความ utf-8"
    assert extract_text(write_txt(tmp_path / "t.txt", "บันทึกข้อความ ภาษาไทย", "cp874")) == "บันทึกข้อความ ภาษาไทย"
    assert extract_text(write_txt(tmp_path / "w.txt", "\ufeffยูนิโค้ด", "utf-16-le")) == "ยูนิโค้ด"


def test_scanned_pdf_is_empty_and_damaged_or_locked_files_are_refused_with_a_reason(tmp_path):
    assert extract_text(write_image_pdf(tmp_path / "scan.pdf")) == ""
    with pytest.raises(ExtractionError, match="damaged.pdf"):
        extract_text(write_damaged_pdf(tmp_path / "damaged.pdf"))
    with pytest.raises(ExtractionError, match="รหัสผ่าน"):
        extract_text(write_encrypted_pdf(tmp_path / "locked.pdf", PDF_WORDS))
    (tmp_path / "fake.docx").write_bytes(b"this is not a zip")
    with pytest.raises(ExtractionError, match="Word"):
        extract_text(tmp_path / "fake.docx")


def test_pictures_and_unknown_kinds_hold_no_text(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really")
    assert extract_text(tmp_path / "photo.jpg") == ""


def test_a_word_only_in_a_file_finds_its_material_with_the_file_and_a_snippet(corner):
    db, first, second, tmp = corner
    add_attachment(db, first.id, write_docx(tmp / "บันทึก.docx", ["บทนำ " * 30 + "เรื่องการคัดแยกขยะมูลฝอย" + " ท้าย" * 30]))
    add_attachment(db, second.id, write_pdf(tmp / "รายงาน.pdf", [PDF_WORDS]))
    summary = attachment_index.index_pending(db)
    assert (summary.ok, summary.empty, summary.failed) == (2, 0, [])
    assert codes(db, "คัดแยกขยะ") == ["BN-0001"] and count(db, Query("คัดแยกขยะ")) == 1
    assert codes(db, "หาบเร่") == ["BN-0002"] and count(db, Query("หาบเร่")) == 1
    [(attachment, snippet)] = attachment_index.attachment_matches(db, "คัดแยกขยะ", first.id)
    assert attachment.name == "บันทึก.docx"
    assert "เรื่องการคัดแยกขยะมูลฝอย" in snippet and snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) < 2 * attachment_index.SNIPPET_CHARS + 30


def test_thai_and_arabic_digits_are_the_same_in_files_both_ways(corner):
    db, first, second, tmp = corner
    add_attachment(db, first.id, write_txt(tmp / "a.txt", "แผนงานประจำปี ๒๕๕๖"))
    add_attachment(db, second.id, write_xlsx(tmp / "b.xlsx", [["ปีงบประมาณ", 2567]]))
    attachment_index.index_pending(db)
    assert codes(db, "2556") == ["BN-0001"] and codes(db, "๒๕๕๖") == ["BN-0001"]
    assert codes(db, "๒๕๖๗") == ["BN-0002"] and codes(db, "2567") == ["BN-0002"]
    [(_attachment, snippet)] = attachment_index.attachment_matches(db, "2556", first.id)
    assert "๒๕๕๖" in snippet  # the snippet shows the file as written


def test_every_term_must_occur_in_the_fields_or_a_file(corner):
    db, first, _second, tmp = corner
    add_attachment(db, first.id, write_txt(tmp / "a.txt", "คำสั่งแต่งตั้งคณะทำงาน"))
    attachment_index.index_pending(db)
    assert codes(db, "แฟ้ม คณะทำงาน") == ["BN-0001"]  # one term in the title, one in the file
    assert codes(db, "แฟ้ม คณ") == ["BN-0001"]  # a short term inside the file
    assert codes(db, "สมุด คณะทำงาน") == []
    assert count(db, Query("แฟ้ม คณะทำงาน")) == 1
    assert all_facet_counts(db, Query("คณะทำงาน"))["kind"] == {"other": 1}


def test_bad_files_are_reported_and_the_others_still_indexed(corner):
    db, first, _second, tmp = corner
    for path in (write_damaged_pdf(tmp / "damaged.pdf"), write_encrypted_pdf(tmp / "locked.pdf", PDF_WORDS),
                 write_image_pdf(tmp / "scan.pdf"), write_txt(tmp / "good.txt", "ข้อความที่ค้นเจอได้")):
        add_attachment(db, first.id, path)
    summary = attachment_index.index_pending(db)
    assert summary.ok == 1 and summary.empty == 1
    assert sorted(name for name, _reason in summary.failed) == ["damaged.pdf", "locked.pdf"]
    assert all(reason for _name, reason in summary.failed)
    assert codes(db, "ค้นเจอได้") == ["BN-0001"]
    assert attachment_index.pending_ids(db) == []  # failures are not retried on every start


def test_attachments_from_before_the_upgrade_are_read_once(corner):
    db, first, _second, tmp = corner
    add_attachment(db, first.id, write_txt(tmp / "old.txt", "เอกสารเก่าก่อนปรับรุ่น"))
    assert codes(db, "ก่อนปรับรุ่น") == [] and len(attachment_index.pending_ids(db)) == 1
    attachment_index.index_pending(db)
    assert codes(db, "ก่อนปรับรุ่น") == ["BN-0001"] and attachment_index.index_pending(db).total == 0


def test_removed_files_and_trashed_materials_leave_the_search(corner):
    db, first, second, tmp = corner
    kept = add_attachment(db, first.id, write_txt(tmp / "a.txt", "ระเบียบการเบิกจ่าย"))
    add_attachment(db, second.id, write_txt(tmp / "b.txt", "ระเบียบการเบิกจ่าย"))  # same bytes: read once
    attachment_index.index_pending(db)
    assert codes(db, "เบิกจ่าย") == ["BN-0001", "BN-0002"]
    remove_attachment(db, kept.id)
    assert codes(db, "เบิกจ่าย") == ["BN-0002"] and count(db, Query("เบิกจ่าย")) == 1
    delete_material(db, second.id)
    assert codes(db, "เบิกจ่าย") == [] and count(db, Query("เบิกจ่าย")) == 0
    assert [m.code for m in search(db, Query("เบิกจ่าย", deleted=True))] == ["BN-0002"]


def test_cli_attach_then_search_finds_a_word_only_in_the_file(tmp_path, capsys):
    path = str(tmp_path / "cli.db")
    assert main(["--db", path, "demo"]) == 0
    document = write_docx(tmp_path / "สรุปบทเรียน.docx", ["ผลการสำรวจความพึงพอใจของผู้รับบริการ ๙๘ เปอร์เซ็นต์"])
    capsys.readouterr()
    assert main(["--db", path, "attach", "BN-0001", str(document)]) == 0
    assert "สรุปบทเรียน.docx" in capsys.readouterr().out
    assert main(["--db", path, "search", "ความพึงพอใจของผู้รับ"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("BN-0001\t") and "พบใน: สรุปบทเรียน.docx — " in out and "98" not in out
    assert main(["--db", path, "search", "98", "--json"]) == 0
    [found] = [m for m in json.loads(capsys.readouterr().out) if m["code"] == "BN-0001"]
    assert found["matched_attachments"][0]["name"] == "สรุปบทเรียน.docx"
    assert "๙๘ เปอร์เซ็นต์" in found["matched_attachments"][0]["snippet"]


def test_cli_reports_a_locked_file_and_keeps_it_attached(tmp_path, capsys):
    path = str(tmp_path / "cli.db")
    main(["--db", path, "demo"])
    locked = write_encrypted_pdf(tmp_path / "locked.pdf", PDF_WORDS)
    assert main(["--db", path, "attach", "BN-0002", str(locked)]) == 0
    captured = capsys.readouterr()
    assert "locked.pdf" in captured.out and "รหัสผ่าน" in captured.err
    assert main(["--db", path, "attach", "NO-SUCH", str(locked)]) == 1
