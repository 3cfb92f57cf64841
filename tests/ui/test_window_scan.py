"""A USB scanner types a payload very fast and presses Enter: wherever the focus is, that material opens."""
import itertools

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication



def focus(qtbot, widget):
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def shown_code(window):
    material = window.page("catalog").detail.material()
    return material.code if material else None


def test_a_fast_burst_into_the_table_opens_that_material(window, qtbot):
    table = window.page("catalog").table
    focus(qtbot, table)
    # A URL, so the table's own type-to-find cannot be what selects the row.
    qtbot.keyClicks(table, "https://intranet.example/material/BN-0012")
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "BN-0012" in window.statusBar().currentMessage())
    assert shown_code(window) == "BN-0012"
    assert window.page("catalog").detail.title.text().replace("\u200b", "").startswith("คู่มือการปฏิบัติงาน")


def test_a_scan_into_the_search_box_leaves_the_search_as_it_was(window, qtbot):
    page = window.page("catalog")
    page.search_box.setText("คู่มือ")
    focus(qtbot, page.search_box)
    page.search_box.end(False)
    qtbot.keyClicks(page.search_box, "bn-0003")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: shown_code(window) == "BN-0003")
    assert page.search_box.text() == "คู่มือ"


def test_a_payload_on_two_lines_is_read_whole(window, qtbot):
    table = window.page("catalog").table
    focus(qtbot, table)
    for line in ("https://intranet.example/m", "?code=BN-0020"):
        qtbot.keyClicks(table, line.replace("?", ""))
        qtbot.keyClick(table, Qt.Key.Key_Return)
    # "https://intranet.example/m" then "code=BN-0020": the code is on the second line.
    qtbot.waitUntil(lambda: "BN-0020" in window.statusBar().currentMessage())
    assert shown_code(window) == "BN-0020"


def test_a_scanner_on_the_thai_keyboard_layout_still_opens_the_material(window, qtbot):
    table = window.page("catalog").table
    focus(qtbot, table)
    for char in "ฺ์ขจจๅึ ":  # "BN-0017 " typed through the Kedmanee layout
        QApplication.sendEvent(table, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                                Qt.KeyboardModifier.NoModifier, char))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "BN-0017" in window.statusBar().currentMessage())
    assert shown_code(window) == "BN-0017"


def test_a_person_typing_at_normal_speed_is_not_a_scan(window, qtbot):
    page = window.page("catalog")
    steps = itertools.count(step=0.25)  # a quarter of a second between keys
    window.scanner._clock = lambda: next(steps)
    focus(qtbot, page.search_box)
    qtbot.keyClicks(page.search_box, "BN-0012")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    qtbot.wait(150)
    assert page.search_box.text() == "BN-0012"
    assert shown_code(window) is None


def test_the_scan_box_in_the_tool_bar_opens_a_typed_code(window, qtbot):
    focus(qtbot, window.scan_box)
    window.scan_box.setText("BN-0030")
    qtbot.keyClick(window.scan_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown_code(window) == "BN-0030")
    assert window.scan_box.text() == ""


def test_an_unknown_code_is_said_in_the_status_bar(window):
    assert window.open_scanned("XX-1234") is False
    assert "XX-1234" in window.statusBar().currentMessage()
