"""Thai in the window wraps between words: zero-width break opportunities in DISPLAYED text only."""
import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel

from lo_desktop.core.catalog import materials as catalog
from lo_desktop.settings import load_settings
from lo_desktop.ui.common.thai_text import ZWSP, breakable, breakable_address, install_clean_copy, plain


@pytest.mark.parametrize("text, words", [
    ("การจัดระเบียบผู้ค้าหาบเร่แผงลอย", ["การ", "จัดระเบียบ", "ผู้ค้า", "หาบเร่", "แผงลอย"]),
    ("การจัดการความรู้", ["การ", "จัดการ", "ความรู้"]),
    ("สำนักงานเขตพระโขนง", ["สำนักงานเขต", "พระโขนง"]),  # a district's name stays whole
])
def test_breaks_fall_between_words_never_inside_one(text, words):
    assert breakable(text).split(ZWSP) == words


@pytest.mark.parametrize("text", [
    "BN-0001 คู่มือการปฏิบัติงาน ฝ่ายเทศกิจ\nพ.ศ. 2535  (ฉบับที่ 2)", "plain English", "", "ผู้ค้า"])
def test_the_shown_text_is_the_stored_text_plus_breaks_only(text):
    shown = breakable(text)
    assert plain(shown) == text
    assert not any(shown[i + 1:i + 2] in "ัิีึืุู่้๊๋์ำะา" for i, c in enumerate(shown) if c == ZWSP)


def test_english_and_codes_are_left_alone():
    assert breakable("BN-0001 report.docx") == "BN-0001 report.docx"
    assert breakable_address("https://x.example/a/b?c=1") == "https://x.example/\u200ba/\u200bb?\u200bc=\u200b1"


def test_a_label_of_unspaced_thai_wraps_inside_a_narrow_pane(qtbot):
    text = "การจัดระเบียบผู้ค้าหาบเร่แผงลอยบนทางเท้าของสำนักงานเขตบางนาร่วมกับสำนักงานเขตพระโขนง"
    label = QLabel(breakable(text))
    label.setWordWrap(True)
    qtbot.addWidget(label)
    whole = QFontMetrics(label.font()).horizontalAdvance(text)
    assert label.minimumSizeHint().width() < whole / 3  # the widest word, not the whole line


def test_copying_shown_text_gives_the_stored_text(qtbot):
    app = QApplication.instance()
    install_clean_copy(app)
    label = QLabel("x")
    qtbot.addWidget(label)
    label.show()
    label.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is label)
    app.clipboard().setText(breakable("สำนักงานเขตบางนาจัดระเบียบผู้ค้า"))
    qtbot.waitUntil(lambda: ZWSP not in app.clipboard().text())
    assert app.clipboard().text() == "สำนักงานเขตบางนาจัดระเบียบผู้ค้า"


def test_the_detail_pane_shows_breaks_and_the_editor_gets_the_stored_title(qtbot, demo_db):
    from lo_desktop.ui.window.main_window import MainWindow

    window = MainWindow(demo_db, load_settings(demo_db))
    qtbot.addWidget(window)
    material = catalog.get_material(demo_db, "BN-0001")
    page = window.page("catalog")
    page.show_material_id(material.id)
    qtbot.waitUntil(lambda: page.detail.material() is not None)
    assert ZWSP in page.detail.title.text() and plain(page.detail.title.text()) == material.title
    assert ZWSP not in page.detail.material().title
    assert catalog.get_material(demo_db, "BN-0001").title == material.title


def test_before_the_dictionary_is_loaded_text_is_shown_whole(monkeypatch):
    from lo_desktop.labels import thai_wrap
    from lo_desktop.ui.common import thai_text

    monkeypatch.setattr(thai_wrap, "dictionary_ready", lambda: False)
    assert thai_text.breakable("การจัดระเบียบผู้ค้า") == "การจัดระเบียบผู้ค้า"  # no 0.7 s wait on the window


def test_the_window_loads_the_dictionary_once_it_is_up(qtbot, db, monkeypatch):
    from lo_desktop.app import build_window
    from lo_desktop.labels import thai_wrap

    loads = []
    monkeypatch.setattr(thai_wrap, "load_in_background", lambda: loads.append(True))
    window = build_window(db)
    qtbot.addWidget(window)
    assert loads == []  # not while the window is being built
    qtbot.waitUntil(lambda: loads == [True], timeout=5000)
