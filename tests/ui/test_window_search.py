"""Searching as the clerk types (debounced), with Thai fragments, and the filter counts that follow."""
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from lo_desktop.settings import load_settings
from lo_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_db):
    w = MainWindow(demo_db, load_settings(demo_db))
    qtbot.addWidget(w)
    return w


def type_text(widget, text: str) -> None:
    """Key presses carrying Thai text (QTest.keyClicks only knows Latin-1 keys)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def test_typing_a_thai_fragment_filters_once_the_clerk_pauses(window, qtbot):
    page = window.page("catalog")
    everything = page.model.rowCount()
    with qtbot.waitSignal(page.model.modelReset, timeout=2000):
        type_text(page.search_box, "หาบเร่")
        # Nothing happened while typing: the search waits for a pause.
        assert page.model.rowCount() == everything
    assert page.search_box.text() == "หาบเร่"
    assert 0 < page.model.rowCount() < everything
    for row in range(page.model.rowCount()):
        material = page.model.material_at(row)
        assert "หาบเร่" in " ".join([material.title, material.summary, material.tags, material.topic])


def test_the_status_bar_counts_what_is_shown(window, qtbot):
    page = window.page("catalog")
    total = page.model.rowCount()
    assert window.count_label.text() == f"แสดง {total} จาก {total} รายการ"
    page.search_box.setText("เทศกิจ")
    page.apply_search()
    qtbot.waitUntil(lambda: window.count_label.text() == f"แสดง {page.model.rowCount()} จาก {total} รายการ")


def test_filter_counts_follow_the_search(window, qtbot):
    page = window.page("catalog")
    laws_before = page.filters.count_of("kind", "law")
    assert laws_before > 0
    page.search_box.setText("คู่มือการปฏิบัติงาน")
    page.apply_search()
    qtbot.waitUntil(lambda: page.filters.count_of("kind", "law") != laws_before)
    manuals = page.filters.count_of("kind", "work_manual")
    assert manuals == sum(1 for row in range(page.model.rowCount())
                          if page.model.material_at(row).kind == "work_manual")


def test_choosing_a_filter_narrows_the_table_and_fiscal_years_are_buddhist_era(window, qtbot):
    page = window.page("catalog")
    combo = page.filters._combos["fiscal_year"]
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert any(label.startswith("2556 (") for label in labels)
    page.filters.set_filter("fiscal_year", 2556)
    assert page.model.rowCount() == page.filters.count_of("fiscal_year", 2556)
    assert {page.model.material_at(r).fiscal_year for r in range(page.model.rowCount())} == {2556}
    page.filters.clear()
    assert page.model.query.filters == {}


def test_kind_labels_are_the_users_words(window):
    combo = window.page("catalog").filters._combos["kind"]
    assert any(combo.itemText(i).startswith("คู่มือการปฏิบัติงาน (") for i in range(combo.count()))
