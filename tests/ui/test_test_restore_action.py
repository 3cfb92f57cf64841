"""File ▸ Test-restore a backup: the clerk picks a backup and reads whether it is good."""
from types import SimpleNamespace

import pytest

from lo_desktop.core.safety import backup
from lo_desktop.core.safety import full_backup
from lo_desktop.core.db import db_path
from lo_desktop.settings import load_settings
from lo_desktop.ui.safety import safety_menu
from lo_desktop.ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_db, boxes):
    w = MainWindow(demo_db, load_settings(demo_db))
    qtbot.addWidget(w)
    return w


@pytest.fixture
def picked(monkeypatch):
    """The file dialog answers with ``picked.path``; what it was asked is kept in ``picked.asked``."""
    chosen = SimpleNamespace(path="", asked=[])

    def get_open_file_name(parent, title, start, file_filter):
        chosen.asked.append((title, start, file_filter))
        return str(chosen.path), ""

    monkeypatch.setattr(safety_menu.QFileDialog, "getOpenFileName", staticmethod(get_open_file_name))
    return chosen


def menu_action(window):
    return next(a for a in window.menus["file"].actions() if a.objectName() == "action_test_restore")


def test_the_file_menu_offers_a_test_restore_before_quit(window):
    action = menu_action(window)
    assert action.text() == "ทดลองกู้คืนข้อมูลสำรอง…"
    names = [a.objectName() for a in window.menus["file"].actions() if not a.isSeparator()]
    assert names.index("action_test_restore") < names.index("action_quit")


def test_a_chosen_full_backup_is_reported_usable_and_the_database_stays(window, picked, boxes, qtbot, tmp_path):
    path = db_path(window.db)
    picked.path = full_backup.write_full_backup(path, tmp_path / "corner.lobackup").path
    backup.make_backup(path, "daily")  # the backups folder exists: the dialog starts there
    count = window.db.execute("SELECT COUNT(*) FROM materials").fetchone()[0]
    menu_action(window).trigger()
    qtbot.waitUntil(lambda: bool(boxes), timeout=20000)
    title, start, file_filter = picked.asked[0]
    assert title == "ทดลองกู้คืนข้อมูลสำรอง" and start == str(backup.backups_dir(path))
    assert "*.lobackup" in file_filter and "*.db" in file_filter
    text = boxes[0]
    assert text.startswith("ข้อมูลสำรองนี้ใช้ได้") and f"สื่อ {count} รายการ" in text
    assert "ฐานข้อมูลที่ใช้งานอยู่ไม่ถูกแก้ไข" in text
    assert [i.reason for i in backup.list_backups(path)] == ["daily"]  # no restore happened


def test_a_file_that_is_no_backup_is_one_sentence(window, picked, boxes, qtbot, tmp_path):
    picked.path = tmp_path / "notes.db"
    picked.path.write_text("just some notes")
    menu_action(window).trigger()
    qtbot.waitUntil(lambda: bool(boxes), timeout=20000)
    assert "notes.db" in boxes[0] and "ไม่ใช่ไฟล์ SQLite" in boxes[0] and "\n" not in boxes[0]


def test_closing_the_file_dialog_does_nothing(window, picked, boxes):
    picked.path = ""
    assert window.safety_actions.choose_test_restore() is None
    assert boxes == []
