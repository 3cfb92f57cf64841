"""File-menu backup, restore and check; the History tab; one window per database."""
from dataclasses import replace

import pytest

from lo_desktop.core.catalog import attachments
from lo_desktop.core.safety import backup
from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core import files
from lo_desktop.core.db import db_path
from lo_desktop.core.safety.lock import AlreadyOpen
from lo_desktop.settings import load_settings
from lo_desktop.ui.common import messages
from lo_desktop.ui.safety import safety_menu
from lo_desktop.ui.common.history_widget import HistoryWidget
from lo_desktop.ui.window.main_window import MainWindow
from lo_desktop.ui.window.single_instance import SingleInstance


@pytest.fixture
def window(qtbot, demo_db, monkeypatch):
    monkeypatch.setattr(messages, "show", lambda parent, icon, title, text, *a, **k: shown.append(text))
    shown = []
    w = MainWindow(demo_db, load_settings(demo_db))
    w.shown = shown
    qtbot.addWidget(w)
    return w


def file_menu_names(window):
    return [a.objectName() for a in window.menus["file"].actions() if not a.isSeparator()]


def test_the_file_menu_offers_backup_restore_and_check_before_quit(window):
    names = file_menu_names(window)
    for name in ("action_backup", "action_backup_copy", "action_restore", "action_check"):
        assert name in names
    assert names[-1] == "action_quit"


def test_back_up_now_writes_a_backup(window):
    window.safety_actions.backup_now().wait()
    assert [info.reason for info in backup.list_backups(db_path(window.db))] == ["manual"]


def test_restore_rebuilds_the_window_over_the_restored_database(window, qtbot):
    count = lambda db: db.execute("SELECT COUNT(*) FROM materials WHERE deleted_at IS NULL").fetchone()[0]
    before = count(window.db)
    snapshot = backup.make_backup(db_path(window.db), "manual")
    material = catalog.get_material(window.db, "BN-0001")
    catalog.delete_material(window.db, material.id)
    window.safety_actions.restore_from(snapshot, ask=False).wait()
    new_window = _newest_window()
    qtbot.addWidget(new_window)
    assert count(new_window.db) == before
    assert any("ก่อน" in text or "before" in text for text in window.shown)
    assert [i.reason for i in backup.list_backups(db_path(new_window.db))][0] == "before-restore"


def _newest_window():
    from lo_desktop.ui.window import main_window

    return main_window._windows[-1]


def test_the_restore_dialog_lists_the_backups_newest_first(window, qtbot):
    first = backup.make_backup(db_path(window.db), "daily")
    second = backup.make_backup(db_path(window.db), "import")
    dialog = safety_menu.RestoreDialog(db_path(window.db), window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    assert "ก่อนนำเข้า" in dialog.list.item(0).text() or "import" in dialog.list.item(0).text()
    dialog.accept()
    assert dialog.chosen == second and first != second


def test_check_shows_problems_with_their_repairs_and_removes_orphans(window, qtbot, tmp_path, monkeypatch):
    source = tmp_path / "memo.pdf"
    source.write_bytes(b"%PDF memo")
    material = catalog.get_material(window.db, "BN-0001")
    attached = attachments.add_attachment(window.db, material.id, source)
    attachments.remove_attachment(window.db, attached.id)  # its file is now an orphan
    reports = []
    monkeypatch.setattr(safety_menu.CheckDialog, "exec", lambda self: reports.append(self) or 0)
    window.safety_actions.check_database().wait()
    dialog = reports[0]
    qtbot.addWidget(dialog)
    assert dialog.problems.count() == 1 and "memo" not in dialog.summary.text()
    assert list(dialog.repair_buttons) == ["remove_orphan"]
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    dialog.repair_buttons["remove_orphan"].click()
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=10000)
    assert reports[1].report.ok
    assert not files.stored_path(window.db, attached.sha256).exists()


def test_history_tab_shows_what_changed(demo_db, qtbot):
    material = catalog.get_material(demo_db, "BN-0001")
    catalog.update_material(demo_db, replace(material, location="ตู้ A-3"))
    widget = HistoryWidget(demo_db, "material", material.id)
    qtbot.addWidget(widget)
    latest_action, lines = widget.entries()[0]
    assert latest_action == "แก้ไข"
    assert any("ตู้ A-3" in line and "→" in line for line in lines)
    widget.show_record("material", None)
    assert widget.entries() == [] and not widget.empty.isHidden()


def test_a_second_window_on_the_same_database_is_refused_and_the_first_comes_forward(demo_db, qtbot):
    first = SingleInstance(db_path(demo_db))
    first.claim()
    raised = []
    first.bring_forward = lambda: raised.append(True)
    try:
        second = SingleInstance(db_path(demo_db))
        with pytest.raises(AlreadyOpen):
            second.claim()
        qtbot.waitUntil(lambda: bool(raised), timeout=5000)
    finally:
        first.release()
    again = SingleInstance(db_path(demo_db))
    again.claim()
    again.release()
