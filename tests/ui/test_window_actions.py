"""Delete, undo, redo and the Trash through the window's own actions."""
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QMessageBox

from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core.catalog import search
from lo_desktop.settings import load_settings
from lo_desktop.ui.common import messages
from lo_desktop.ui.window.main_window import MainWindow
from lo_desktop.ui.catalog.trash_view import TrashDialog


@pytest.fixture
def window(qtbot, demo_db):
    w = MainWindow(demo_db, load_settings(demo_db))
    qtbot.addWidget(w)
    return w


@pytest.fixture
def answer(monkeypatch):
    """Answer every message box with the given button instead of blocking on it."""
    asked = []

    def set_answer(button):
        monkeypatch.setattr(messages, "show", lambda parent, icon, title, text, *a, **k: asked.append(text) or button)
        return asked
    return set_answer


def select_code(page, code):
    material = catalog.get_material(page.db, code)
    page.show_material_id(material.id)
    return material


def test_delete_moves_the_selection_to_the_trash_and_undo_brings_it_back(window, demo_db):
    page, actions = window.page("catalog"), window.catalog_actions
    shown = page.model.rowCount()
    material = select_code(page, "BN-0005")
    actions.delete.trigger()
    assert catalog.get_material(demo_db, "BN-0005") is None
    assert page.model.rowCount() == shown - 1
    assert "ถังขยะ" in window.statusBar().currentMessage()
    actions.undo.trigger()
    assert catalog.get_material(demo_db, "BN-0005").id == material.id
    assert page.model.rowCount() == shown
    actions.redo.trigger()
    assert catalog.get_material(demo_db, "BN-0005") is None


def test_undo_of_an_edit_writes_the_previous_values_back(window, demo_db):
    before = catalog.get_material(demo_db, "BN-0002")
    after = catalog.update_material(demo_db, replace(before, title="ชื่อใหม่"))
    window.catalog_actions.push_edit(before, after)
    window.catalog_actions.undo.trigger()
    assert catalog.get_material(demo_db, "BN-0002").title == before.title
    window.catalog_actions.redo.trigger()
    assert catalog.get_material(demo_db, "BN-0002").title == "ชื่อใหม่"


def test_undo_of_a_new_material_moves_it_to_the_trash(window, demo_db):
    from lo_desktop.core.records import Material

    added = catalog.add_material(demo_db, Material(title="สื่อใหม่"))
    window.catalog_actions.push_new(added)
    assert window.page("catalog").current_material().id == added.id
    window.catalog_actions.undo.trigger()
    assert catalog.get_material_by_id(demo_db, added.id).deleted_at is not None


def test_the_trash_restores_and_empties_only_after_asking(qtbot, demo_db, answer):
    for code in ("BN-0003", "BN-0004"):
        catalog.delete_material(demo_db, catalog.get_material(demo_db, code).id)
    trash = TrashDialog(demo_db)
    qtbot.addWidget(trash)
    assert trash.model.rowCount() == 2
    trash.table.selectRow(0)
    assert trash.restore_selected() == 1
    assert search.count(demo_db, search.Query(deleted=True)) == 1
    asked = answer(QMessageBox.StandardButton.No)
    assert trash.empty() == 0 and len(asked) == 1
    answer(QMessageBox.StandardButton.Yes)
    assert trash.empty() == 1
    assert search.count(demo_db, search.Query(deleted=True)) == 0


def test_delete_and_enter_belong_to_the_table_not_the_search_box(window):
    from PySide6.QtCore import Qt

    table_keys = {action.shortcut().toString(): action for action in window.page("catalog").table.actions()}
    assert set(table_keys) >= {"Return", "Del"}
    assert all(action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut for action in table_keys.values())
    assert window.catalog_actions.delete.shortcut().isEmpty()


def test_the_delete_key_deletes_in_the_table_but_edits_text_in_the_search_box(window, qtbot, demo_db):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = window.page("catalog")
    page.search_box.setText("abc")
    page.search_box.setFocus()
    page.search_box.home(False)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    select_code(page, "BN-0008")
    page.search_box.setFocus()
    qtbot.keyClick(page.search_box, Qt.Key.Key_Delete)
    assert page.search_box.text() == "bc"
    assert catalog.get_material(demo_db, "BN-0008") is not None
    page.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert catalog.get_material(demo_db, "BN-0008") is None


def test_changed_settings_reach_the_pages_already_open(window, demo_db, monkeypatch):
    """The indicator judged with the old agency type, and new materials took the old code pattern,
    until the program was restarted."""
    from lo_desktop.ui.window import settings_dialog

    dashboard, catalog_page = window.page("dashboard"), window.page("catalog")
    judged = []
    monkeypatch.setattr(type(dashboard), "refresh", lambda page: judged.append(page.settings.agency_type))

    class Chosen:
        def __init__(self, db, settings, parent=None):
            self.settings = replace(settings, agency_type="line", code_pattern="PK-####")

        def exec(self):
            return settings_dialog.QDialog.DialogCode.Accepted

    monkeypatch.setattr(settings_dialog, "SettingsDialog", Chosen)
    window.file_actions.edit_settings()
    assert judged == ["line"]
    assert catalog_page.settings.code_pattern == "PK-####" and window.settings.code_pattern == "PK-####"
