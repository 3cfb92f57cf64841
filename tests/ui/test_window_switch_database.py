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
