"""Opening another database from the window moves the one-window lock with it."""
import sqlite3

import pytest

from lo_desktop.core.db import open_database
from lo_desktop.core.safety.lock import AlreadyOpen, DatabaseLock


@pytest.fixture
def first_window(qtbot, tmp_path, monkeypatch):
    from lo_desktop.ui.common import messages
    from lo_desktop.ui.window.single_instance import guard

    monkeypatch.setattr(messages, "show", lambda *a, **k: None)
    db = open_database(tmp_path / "first.db")
    instance = guard(db)
    from lo_desktop.app import build_window

    window = build_window(db)
    instance.attach(window)
    qtbot.addWidget(window)
    yield window
    if getattr(window, "instance", None):
        window.instance.release()


def held(path) -> bool:
    lock = DatabaseLock(path)
    try:
        lock.acquire()
    except AlreadyOpen:
        return True
    lock.release()
    return False


def test_switching_releases_the_old_database_and_holds_the_new(qtbot, first_window, tmp_path):
    second = tmp_path / "second.db"
    open_database(second).close()
    assert held(tmp_path / "first.db")
    new_window = first_window.file_actions.switch_to(second)
    qtbot.addWidget(new_window)
    assert new_window is not None
    assert not held(tmp_path / "first.db")
    assert held(second)
    with pytest.raises(sqlite3.ProgrammingError):  # closed: the clerk may move or copy the old file
        first_window.db.execute("SELECT 1")
    assert new_window.db.execute("SELECT COUNT(*) FROM materials").fetchone() == (0,)
    new_window.instance.release()


def test_a_database_open_elsewhere_is_refused_and_this_window_stays(qtbot, first_window, tmp_path):
    second = tmp_path / "second.db"
    open_database(second).close()
    other = DatabaseLock(second)
    other.acquire()
    try:
        assert first_window.file_actions.switch_to(second) is None
        assert held(tmp_path / "first.db")
    finally:
        other.release()


def test_opening_a_database_of_an_earlier_version_backs_it_up_before_upgrading(qtbot, first_window, tmp_path):
    import sqlite3

    import sqlite_utils

    from lo_desktop.core.safety.backup import list_backups
    from lo_desktop.core.db import APPLICATION_ID
    from lo_desktop.core.migrations import MIGRATIONS

    older = tmp_path / "older.db"
    names = [m.name for m in MIGRATIONS._migrations]
    legacy = sqlite_utils.Database(sqlite3.connect(older))
    MIGRATIONS.apply(legacy, stop_before=names[-1])
    legacy.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    legacy.close()
    new_window = first_window.file_actions.switch_to(older)
    qtbot.addWidget(new_window)
    assert [b for b in list_backups(older) if b.reason == "before-migrate"]
    new_window.instance.release()


def english_corner(path):
    from dataclasses import replace

    from lo_desktop.settings import load_settings, save_settings

    db = open_database(path)
    save_settings(db, replace(load_settings(db), language="en"))
    db.close()
    return path


def open_from_the_menu(window, path, monkeypatch):
    from lo_desktop.ui.window import file_actions, main_window

    monkeypatch.setattr(file_actions.QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    next(a for a in window.menus["file"].actions() if a.objectName() == "action_open_database").trigger()
    return main_window._windows[-1]


def test_file_open_of_an_english_database_shows_the_window_in_english(qtbot, first_window, tmp_path, monkeypatch):
    from lo_desktop import i18n

    assert first_window.menus["file"].title() != "&File"  # the first corner speaks Thai
    new_window = open_from_the_menu(first_window, english_corner(tmp_path / "english.db"), monkeypatch)
    qtbot.addWidget(new_window)
    assert new_window is not first_window and not first_window.isVisible()
    assert i18n.language() == "en"
    assert new_window.menus["file"].title() == "&File"
    assert new_window.windowTitle() == "Learning corner — english.db"
    assert next(a for a in new_window.menus["file"].actions()
                if a.objectName() == "action_open_database").text() == "Open database…"
    new_window.instance.release()


def test_a_refused_english_database_leaves_this_window_in_its_own_language(qtbot, first_window, tmp_path):
    from lo_desktop import i18n

    second = english_corner(tmp_path / "english.db")
    other = DatabaseLock(second)
    other.acquire()
    try:
        assert first_window.file_actions.switch_to(second) is None
    finally:
        other.release()
    assert i18n.language() == "th"


def test_a_restore_in_a_window_holding_its_lock_rebuilds_the_window(qtbot, first_window, monkeypatch):
    """The window holds its own database's lock: the rebuilt window must take it over, not be refused."""
    from lo_desktop.core.safety import backup
    from lo_desktop.core.catalog import materials as catalog
    from lo_desktop.core.db import db_path
    from lo_desktop.core.records import Material

    path = db_path(first_window.db)
    snapshot = backup.make_backup(path, "manual")
    catalog.add_material(first_window.db, Material(title="เพิ่มหลังสำรอง"))
    old_instance = first_window.instance
    first_window.safety_actions.restore_from(snapshot, ask=False).wait()
    from lo_desktop.ui.window import main_window

    new_window = main_window._windows[-1]
    qtbot.addWidget(new_window)
    assert new_window is not first_window
    assert new_window.db.execute("SELECT COUNT(*) FROM materials").fetchone()[0] == 0
    assert new_window.instance is old_instance and held(path)
