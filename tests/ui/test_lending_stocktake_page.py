"""The stocktake page: counts follow the scans, scans stay on the page inside the main window, close and resume."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lo_desktop.core.lending import stocktake as st
from lo_desktop.core.catalog.materials import add_material, get_material
from lo_desktop.core.records import Material
from lo_desktop.settings import load_settings
from lo_desktop.ui.common import messages
from lo_desktop.ui.lending.stocktake_page import StocktakePage


@pytest.fixture
def corner(db):
    add_material(db, Material(title="คู่มือ ก", code="BN-0001", location="ชั้น A-1"))
    add_material(db, Material(title="คู่มือ ข", code="BN-0002", location="ชั้น A-1"))
    add_material(db, Material(title="รายงาน", code="BN-0003", location="ชั้น B-1"))
    return db


@pytest.fixture
def page(qtbot, corner):
    p = StocktakePage(corner, load_settings(corner))
    qtbot.addWidget(p)
    return p


def counts(page) -> dict:
    page.refresh_lists()
    return {key: int(label.text()) for key, label in page.count_labels.items()}


def start_on(page, location):
    page.scope_box.setCurrentIndex(page.scope_box.findData(location))
    page.start()
    assert page.stack.currentIndex() == 1


def test_counts_follow_each_kind_of_scan(page):
    start_on(page, "ชั้น A-1")
    assert counts(page) == {"expected": 2, "found": 0, "missing": 2, "on_loan": 0, "unexpected": 0}
    for payload in ("BN-0001", "BN-0003", "NOPE-1"):
        page.scanned(payload)
    assert counts(page) == {"expected": 2, "found": 1, "missing": 1, "on_loan": 0, "unexpected": 2}
    assert page.tables["missing"].item(0, 0).text() == "BN-0002"
    assert page.log.count() == 3
    page.scanned("BN-0001")
    assert "BN-0001" in page.result_label.text() and "e65100" in page.result_label.styleSheet()
    assert counts(page)["found"] == 1 and page.log.count() == 3  # the same label again is not counted


def test_undo_pause_and_resume(page, corner, qtbot):
    start_on(page, "ชั้น A-1")
    page.scanned("BN-0002")
    page.undo_last()
    assert counts(page)["found"] == 0
    page.scanned("BN-0001")
    page.show_start()  # Pause
    assert page.resume_button.isVisible() or not page.isVisible()
    again = StocktakePage(corner, load_settings(corner))
    qtbot.addWidget(again)
    assert not again.start_button.isEnabled()
    again.resume()
    assert counts(again)["found"] == 1


def test_closing_asks_then_marks_missing_as_lost(page, corner, monkeypatch):
    start_on(page, "ชั้น A-1")
    page.scanned("BN-0001")
    asked = []
    monkeypatch.setattr(messages, "choose", lambda parent, text, choices, title=None: asked.append(text) or 0)
    page.close_count()
    assert "1" in asked[0]
    assert get_material(corner, "BN-0002").status == "lost"
    assert page.stack.currentIndex() == 0 and page.past.rowCount() == 1
    assert st.open_stocktake(corner) is None


def test_cancel_on_close_changes_nothing(page, corner, monkeypatch):
    start_on(page, "ชั้น A-1")
    monkeypatch.setattr(messages, "choose", lambda *args, **kwargs: 2)
    page.close_count()
    assert st.open_stocktake(corner) is not None and get_material(corner, "BN-0002").status == "available"


def test_in_the_main_window_a_scan_stays_on_the_stocktake_page(qtbot, window):
    page = window.show_page("stocktake")
    page.start()  # the whole corner
    page.scan_entry.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.scan_entry)
    with qtbot.waitSignal(page.scan_entry.submitted):
        qtbot.keyClicks(page.scan_entry, "BN-0004")  # as fast as a USB scanner
        qtbot.keyClick(page.scan_entry, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is page
    assert counts(page)["found"] == 1 and page.log.count() == 1 and "BN-0004" in page.result_label.text()


def test_the_catalog_menu_lends_the_selected_material(qtbot, demo_db, monkeypatch):
    from lo_desktop.ui.lending import lend_dialog
    from lo_desktop.ui.window.main_window import MainWindow

    window = MainWindow(demo_db, load_settings(demo_db))
    qtbot.addWidget(window)
    window.page("catalog").show_material_id(get_material(demo_db, "BN-0004").id)
    picked = []
    monkeypatch.setattr(lend_dialog.LendDialog, "exec", lambda self: picked.append(self.material.code))
    window.findChild(type(window.menus["catalog"].actions()[0]), "action_lend").trigger()
    assert picked == ["BN-0004"]
