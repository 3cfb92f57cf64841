"""In the window: files are read in the background, and a search that matches inside a file says where."""
import sys
from pathlib import Path

import pytest

from lo_desktop.core.catalog import attachment_index
from lo_desktop.core.catalog.attachments import add_attachment
from lo_desktop.core.catalog.materials import get_material
from lo_desktop.settings import load_settings
from lo_desktop.ui.catalog import found_in_file
from lo_desktop.ui.window.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "core"))
from doctext_files import write_damaged_pdf, write_docx, write_pdf, write_txt  # noqa: E402


@pytest.fixture
def opened(monkeypatch):
    urls = []
    monkeypatch.setattr(found_in_file.QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()))
    return urls


def make_window(qtbot, db):
    window = MainWindow(db, load_settings(db))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.count_label.text() != "")
    return window


def search_for(qtbot, page, text: str) -> None:
    with qtbot.waitSignal(page.search_done, timeout=5000):
        page.search_box.setText(text)
        page.apply_search()


def indexed(qtbot, db, page) -> None:
    qtbot.waitUntil(lambda: not page.detail.indexer.running and attachment_index.pending_ids(db) == [],
                    timeout=15000)


def test_files_from_before_the_upgrade_are_read_at_start_and_found(qtbot, demo_db, tmp_path, opened):
    material = get_material(demo_db, "BN-0003")
    add_attachment(demo_db, material.id, write_docx(tmp_path / "คำสั่งแต่งตั้ง.docx",
                                                     ["คำสั่งแต่งตั้งคณะกรรมการตรวจรับพัสดุ ปี ๒๕๖๗"]))
    window = make_window(qtbot, demo_db)
    page = window.page("catalog")
    indexed(qtbot, demo_db, page)
    search_for(qtbot, page, "ตรวจรับพัสดุ")
    assert [page.model.material_at(r).code for r in range(page.model.rowCount())] == ["BN-0003"]
    page.select_row(0)
    found = page.detail.found
    assert found.isVisibleTo(page.detail)
    assert "พบใน: " in found.label.text() and "คำสั่งแต่งตั้ง.docx" in found.label.text()
    assert "คณะกรรมการตรวจรับพัสดุ ปี ๒๕๖๗" in found.label.text()
    found.open_button.click()
    assert Path(opened[0]).name == "คำสั่งแต่งตั้ง.docx" and Path(opened[0]).is_file()
    search_for(qtbot, page, "")
    page.select_row(0)
    assert not found.isVisibleTo(page.detail)


def test_a_file_added_in_the_pane_is_read_in_the_background(qtbot, demo_db, tmp_path):
    window = make_window(qtbot, demo_db)
    page = window.page("catalog")
    page.select_row(0)
    code = page.current_material().code
    damaged = write_damaged_pdf(tmp_path / "เสีย.pdf")
    report = write_pdf(tmp_path / "รายงาน.pdf", ["สรุปผลการอบรมอาสาสมัครเวรยาม ๒๕๖๖"])
    assert page.detail.attachments.add_files([str(damaged), str(report)]) == 2
    indexed(qtbot, demo_db, page)
    statuses = demo_db.execute("SELECT a.name, t.status FROM attachments a JOIN attachment_text t "
                               "ON t.attachment_id = a.id ORDER BY a.id").fetchall()
    assert statuses[-2:] == [("เสีย.pdf", "failed"), ("รายงาน.pdf", "ok")]
    search_for(qtbot, page, "2566 อาสาสมัครเวรยาม")
    assert [page.model.material_at(r).code for r in range(page.model.rowCount())] == [code]


def test_a_file_added_through_the_editor_is_read_when_its_material_is_shown(qtbot, demo_db, tmp_path):
    window = make_window(qtbot, demo_db)
    page = window.page("catalog")
    indexed(qtbot, demo_db, page)
    material = get_material(demo_db, "BN-0002")
    add_attachment(demo_db, material.id, write_txt(tmp_path / "บันทึก.txt", "บันทึกข้อความเรื่องตู้ดับเพลิง", "cp874"))
    page.show_material_id(material.id)
    indexed(qtbot, demo_db, page)
    search_for(qtbot, page, "ตู้ดับเพลิง")
    assert page.model.rowCount() == 1
