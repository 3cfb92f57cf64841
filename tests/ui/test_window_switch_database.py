"""Opening another database from the window moves the one-window lock with it."""
import pytest

from lo_desktop.core.db import open_database
from lo_desktop.core.lock import AlreadyOpen, DatabaseLock


@pytest.fixture
def first_window(qtbot, tmp_path, monkeypatch):
    from lo_desktop.ui import messages
    from lo_desktop.ui.single_instance import guard

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

    from lo_desktop.core.backup import list_backups
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
