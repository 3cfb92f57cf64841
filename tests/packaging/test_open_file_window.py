"""A double-clicked backup or package: the window offers the restore or previews the import, and a
second start on a database already open hands the file to the running window."""
import pytest
from PySide6.QtWidgets import QDialog

from lo_desktop.core.db import open_database
from lo_desktop.core.exchange import package
from lo_desktop.ui.common import messages
from lo_desktop.ui.exchange.package_dialogs import PreviewDialog
from lo_desktop.ui.window import open_file as opening


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    from lo_desktop.app import build_window
    from lo_desktop.ui.window.single_instance import guard

    shown = []
    monkeypatch.setattr(messages, "show", lambda parent, icon, title, text, *a, **k: shown.append(text))
    db = open_database(tmp_path / "มุม ความรู้" / "corner.db")
    instance = guard(db)
    w = build_window(db)
    instance.attach(w)
    w.shown = shown
    qtbot.addWidget(w)
    yield w
    instance.release()


@pytest.fixture
def exported(demo_db, tmp_path):
    return package.export_session(demo_db, 2, tmp_path / "ส่งมา จากบางนา.lopackage")


def test_a_package_opens_its_preview_and_adds_nothing_until_accepted(window, exported, monkeypatch):
    previews = []
    monkeypatch.setattr(PreviewDialog, "exec", lambda self: previews.append(self) or QDialog.DialogCode.Rejected)
    opening.open_file(window, exported).wait()
    assert len(previews) == 1 and previews[0].tree.topLevelItemCount() > 0
    assert window.db.execute("SELECT COUNT(*) FROM materials").fetchone()[0] == 0


def test_a_backup_asks_before_restoring_and_a_no_changes_nothing(window, tmp_path, monkeypatch, demo_db):
    from lo_desktop.core.safety import actions as safety

    backup = safety.save_full_backup(demo_db, tmp_path / "สำรอง 2556.lobackup").path
    asked = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, *a: asked.append(text) or False)
    opening.open_file(window, backup)
    assert backup.name in asked[0]
    assert window.db.execute("SELECT COUNT(*) FROM materials").fetchone()[0] == 0


def test_a_missing_file_is_one_sentence(window, tmp_path):
    opening.open_file(window, tmp_path / "หายไป.lobackup")
    assert window.shown and "หายไป.lobackup" in window.shown[0]


def test_a_second_start_hands_the_file_to_the_running_window(window, qtbot, monkeypatch, tmp_path):
    from lo_desktop.core.db import db_path
    from lo_desktop.ui.window.single_instance import guard

    received = []
    monkeypatch.setattr(opening, "open_file", lambda w, path: received.append((w, path)))
    second = open_database(db_path(window.db))
    try:
        assert guard(second, open_file=tmp_path / "ส่งมา จากบางนา.lopackage") is None
    finally:
        second.close()
    qtbot.waitUntil(lambda: bool(received), timeout=5000)
    assert received[0][0] is window
    assert received[0][1].endswith("ส่งมา จากบางนา.lopackage")
    assert not window.shown  # the running window shows the file; no "already open" box in between
