"""Every page fits a 1366×768 laptop and stays usable at 1024×700: no page may raise the window's minimum size
(the indicator header on one line once made it 1,545 px wide, for good)."""
import pytest
from PySide6.QtWidgets import QApplication

from lo_desktop.settings import load_settings
from lo_desktop.ui.window.main_window import MainWindow
from lo_desktop.ui.window.pages import PAGES

SMALL_SCREEN = (1024, 700)
# What a window manager takes around a window at most (title bar, borders) on the small screen.
FRAME = (16, 40)


@pytest.fixture
def window(qtbot, demo_db):
    w = MainWindow(demo_db, load_settings(demo_db))
    qtbot.addWidget(w)
    w.resize(SMALL_SCREEN[0] - FRAME[0], SMALL_SCREEN[1] - FRAME[1])
    w.show()
    qtbot.waitExposed(w)
    return w


def fits(size) -> bool:
    return size.width() <= SMALL_SCREEN[0] - FRAME[0] and size.height() <= SMALL_SCREEN[1] - FRAME[1]


@pytest.mark.parametrize("key", [key for key, _t, _c in PAGES])
def test_no_page_makes_the_window_wider_than_a_small_screen(window, key):
    window.show_page(key)
    QApplication.processEvents()
    assert fits(window.minimumSizeHint()), (key, window.minimumSizeHint())
    assert window.width() <= SMALL_SCREEN[0] - FRAME[0]


def test_after_every_page_the_window_still_fits(window):
    for key, _t, _c in PAGES:
        window.show_page(key)
        QApplication.processEvents()
    assert fits(window.minimumSizeHint()), window.minimumSizeHint()


def test_the_catalog_detail_pane_shows_a_long_title_whole_at_the_small_size(window, qtbot):
    from lo_desktop.core.catalog import materials as catalog

    page = window.show_page("catalog")
    page.show_material_id(catalog.get_material(window.db, "BN-0001").id)
    QApplication.processEvents()
    detail = page.detail
    assert detail.widget().width() <= detail.viewport().width()  # nothing cut at the right
    assert detail.title.width() <= detail.viewport().width()


def test_an_empty_corner_says_where_to_start_and_a_full_one_does_not(qtbot, db, demo_db):
    from lo_desktop.app import build_window

    empty = build_window(db)
    qtbot.addWidget(empty)
    hint = empty.page("catalog").empty_hint
    qtbot.waitUntil(lambda: not hint.isHidden(), timeout=5000)
    assert "Ctrl+N" in hint.text()
    full = build_window(demo_db)
    qtbot.addWidget(full)
    page = full.page("catalog")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5000)
    qtbot.wait(200)
    assert page.empty_hint.isHidden()


def test_tab_in_the_material_editor_follows_the_fields_as_they_are_laid_out(qtbot, demo_db):
    from PySide6.QtCore import Qt
    from lo_desktop.core.catalog.materials import get_material
    from lo_desktop.settings import load_settings
    from lo_desktop.ui.catalog.material_dialog import MaterialDialog

    dialog = MaterialDialog(demo_db, load_settings(demo_db), get_material(demo_db, "BN-0001"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.focusWidget() is not None)
    owners = {id(widget): name for name, widget in dialog.fields.items()}

    def field_of(widget):
        while widget is not None and id(widget) not in owners:
            widget = widget.parentWidget()
        return owners.get(id(widget)) if widget is not None else None

    visited = []
    for _ in range(24):
        focused = dialog.focusWidget()
        name = field_of(focused)
        if name and (not visited or visited[-1] != name):
            visited.append(name)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    laid_out = ["title", "kind", "format", "source", "status", "topic", "tags", "author", "year", "received_on",
                "location", "copies", "link", "attachments", "summary", "code"]
    assert visited[:len(laid_out)] == laid_out  # opens on the title; the code (above it) comes round last
