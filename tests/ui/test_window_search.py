"""Searching as the clerk types (debounced), with Thai fragments, and the filter counts that follow."""
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from lo_desktop.settings import load_settings
from lo_desktop.ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_db):
    w = MainWindow(demo_db, load_settings(demo_db))
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.count_label.text() != "")  # the first answer of the search worker
    return w


def answered(qtbot, page):
    """Wait for the search worker's answer to what the test does inside the block."""
    return qtbot.waitSignal(page.search_done, timeout=5000)


def type_text(widget, text: str) -> None:
    """Key presses carrying Thai text (QTest.keyClicks only knows Latin-1 keys)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def test_typing_a_thai_fragment_filters_once_the_clerk_pauses(window, qtbot):
    page = window.page("catalog")
    everything = page.model.rowCount()
    with qtbot.waitSignal(page.model.modelReset, timeout=5000):
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
    with answered(qtbot, page):
        page.search_box.setText("เทศกิจ")
        page.apply_search()
    assert page.model.rowCount() < total
    qtbot.waitUntil(lambda: window.count_label.text() == f"แสดง {page.model.rowCount()} จาก {total} รายการ")


def test_filter_counts_follow_the_search(window, qtbot):
    page = window.page("catalog")
    laws_before = page.filters.count_of("kind", "law")
    assert laws_before > 0
    with answered(qtbot, page):
        page.search_box.setText("คู่มือการปฏิบัติงาน")
        page.apply_search()
    assert page.filters.count_of("kind", "law") != laws_before
    manuals = page.filters.count_of("kind", "work_manual")
    assert manuals == sum(1 for row in range(page.model.rowCount())
                          if page.model.material_at(row).kind == "work_manual")


def test_choosing_a_filter_narrows_the_table_and_fiscal_years_are_buddhist_era(window, qtbot):
    page = window.page("catalog")
    combo = page.filters._combos["fiscal_year"]
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert any(label.startswith("2556 (") for label in labels)
    with answered(qtbot, page):
        page.filters.set_filter("fiscal_year", 2556)
    assert page.model.rowCount() == page.filters.count_of("fiscal_year", 2556)
    assert {page.model.material_at(r).fiscal_year for r in range(page.model.rowCount())} == {2556}
    with answered(qtbot, page):
        page.filters.clear()
    assert page.model.query.filters == {}


def test_kind_labels_are_the_users_words(window):
    combo = window.page("catalog").filters._combos["kind"]
    assert any(combo.itemText(i).startswith("คู่มือการปฏิบัติงาน (") for i in range(combo.count()))


@pytest.mark.parametrize("text, filters", [
    ("", {}), ("คู่มือ", {}), ("", {"kind": "work_manual"}), ("เทศกิจ", {"kind": "work_manual", "status": "available"}),
    ("", {"fiscal_year": 2556, "location": "ชั้น A-1", "source": "other"}), ("ไม่มีคำนี้", {"kind": "law"}),
])
def test_the_one_pass_filter_counts_equal_the_core_ones(demo_db, text, filters):
    from lo_desktop.core.catalog import search
    from lo_desktop.ui.catalog.filter_panel import FACETS

    import sqlite3

    from lo_desktop.core.catalog.keystroke import CountsMemory
    from lo_desktop.core.db import db_path

    query = search.Query(text, filters)
    counts = search.all_facet_counts(demo_db, query)
    reader = sqlite3.connect(f"{db_path(demo_db).resolve().as_uri()}?mode=ro", uri=True)  # as the search thread
    memory = CountsMemory()
    memory.counted(reader, search.Query(text))  # the text searched before its filters were chosen
    kept, _total = memory.counted(reader, query)
    reader.close()
    for name, _caption in FACETS:
        assert counts[name] == kept[name] == search.facet_counts(demo_db, query, name), name
