"""Data safety through the command line and through the window leave the same corner behind.

Each test copies one sample corner twice, runs an action with ``lo-desktop … --db A`` and through the
File menu over B (opened as the window opens a corner at start), and compares the rows, the history
and the backups (their reasons; names hold times and legitimately differ).
"""
import json
from dataclasses import replace
import sqlite3
from argparse import Namespace
from pathlib import Path

import pytest

from lo_desktop import i18n
from parity_helpers import copy_of  # noqa: E402
from lo_desktop.cli import Context, main
from lo_desktop.core.safety import backup
from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core.safety import full_backup
from lo_desktop.core.db import open_database
from lo_desktop.core.sample.corner import load_demo
from lo_desktop.paths import files_dir
from lo_desktop.settings import load_settings, save_settings
from lo_desktop.ui.window import file_actions, main_window
from lo_desktop.ui.common import messages
from lo_desktop.ui.safety import safety_menu


@pytest.fixture
def base(tmp_path):
    """A closed sample corner with one PDF attached, as the clerk leaves it."""
    path = tmp_path / "base" / "corner.db"
    db = open_database(path)
    load_demo(db)
    memo = tmp_path / "memo.pdf"
    memo.write_bytes(b"%PDF-1.4 minutes")
    from lo_desktop.core.catalog import attachments

    attachments.add_attachment(db, catalog.get_material(db, "BN-0002").id, memo)
    db.close()
    return path


@pytest.fixture
def open_window(qtbot, boxes):
    """Open a corner as the window does at start (app.open_first_corner, the lock, the window)."""
    opened = []

    def opener(path: Path):
        from lo_desktop import app
        from lo_desktop.ui.window.single_instance import guard

        corner = app.open_first_corner(Context(Namespace(db=str(path), demo=False)))
        instance = guard(corner.db)
        window = main_window.open_window(corner, instance)
        qtbot.addWidget(window)
        opened.append(instance)
        return window

    yield opener
    for instance in opened:
        instance.release()


def newest_window():
    return main_window._windows[-1]


def state(path: Path) -> dict:
    """What the clerk owns: the rows that matter, the history (without times and ids) and the backups."""
    conn = sqlite3.connect(path)
    try:
        return {
            "materials": conn.execute("SELECT code, title, location, deleted_at IS NULL FROM materials "
                                      "ORDER BY code").fetchall(),
            "attachments": conn.execute("SELECT sha256, name FROM attachments ORDER BY sha256").fetchall(),
            "history": [(a, e, json.loads(c or "{}")) for a, e, c in conn.execute(
                "SELECT action, entity, changes FROM history ORDER BY id")],
            "settings": conn.execute("SELECT key, value FROM settings ORDER BY key").fetchall(),
            "backups": sorted(i.reason for i in backup.list_backups(path)),
            "files": sorted(p.name for p in files_dir(path).rglob("*") if p.is_file()),
        }
    finally:
        conn.close()


def cli(path: Path, *args) -> int:
    return main(["--db", str(path), *args])


def delete_bn_0001(path_or_db):
    db = open_database(path_or_db) if isinstance(path_or_db, Path) else path_or_db
    catalog.delete_material(db, catalog.get_material(db, "BN-0001").id)
    if isinstance(path_or_db, Path):
        db.close()


# ------------------------------------------------------------------------------------------- backup

def test_back_up_now_is_the_same_from_both(base, open_window):
    a, b = copy_of(base, "a"), copy_of(base, "b")
    assert cli(a, "backup") == 0
    window = open_window(b)
    window.safety_actions.backup_now().wait()
    assert state(a)["backups"] == ["daily", "manual"]
    assert state(a) == state(b)


def test_a_full_backup_is_the_same_from_both(base, open_window, tmp_path, monkeypatch):
    a, b = copy_of(base, "a"), copy_of(base, "b")
    out_a, out_b = tmp_path / "a.lobackup", tmp_path / "b.lobackup"
    assert cli(a, "backup", "--out", str(out_a)) == 0
    window = open_window(b)
    monkeypatch.setattr(safety_menu.QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out_b), "")))
    window.safety_actions.save_backup_copy().wait()
    assert state(a) == state(b)
    entries = []
    for out in (out_a, out_b):
        with full_backup.open_verified(out) as archive:
            entries.append(sorted(archive.file_entries()))
    assert entries[0] == entries[1] and len(entries[0]) == len(state(a)["files"])


# ------------------------------------------------------------------------------------------- restore

@pytest.mark.parametrize("kind", ["snapshot", "full"])
def test_a_restore_is_the_same_from_both(base, open_window, tmp_path, monkeypatch, kind):
    a, b = copy_of(base, "a"), copy_of(base, "b")
    saved = tmp_path / "saved.lobackup"
    if kind == "full":
        assert cli(a, "backup", "--out", str(saved)) == 0
    else:
        assert cli(a, "backup") == 0
        saved = next(i.path for i in backup.list_backups(a) if i.reason == "manual")
    delete_bn_0001(a)
    assert cli(a, "restore", str(saved)) == 0

    window = open_window(b)
    if kind == "full":
        monkeypatch.setattr(safety_menu.QFileDialog, "getSaveFileName",
                            staticmethod(lambda *args, **k: (str(tmp_path / "saved-b.lobackup"), "")))
        window.safety_actions.save_backup_copy().wait()
        chosen = tmp_path / "saved-b.lobackup"
    else:
        window.safety_actions.backup_now().wait()
        chosen = next(i.path for i in backup.list_backups(b) if i.reason == "manual")
    delete_bn_0001(window.db)
    monkeypatch.setattr(messages, "confirm", lambda *args, **k: True)
    window.safety_actions.restore_from(chosen).wait()

    assert newest_window() is not window  # the window was rebuilt over the restored database
    assert catalog.get_material(newest_window().db, "BN-0001") is not None
    after_a, after_b = state(a), state(b)
    assert "before-restore" in after_a["backups"]
    assert after_a == after_b


def test_a_restore_refused_while_the_window_has_the_database_open(base, open_window, capsys):
    b = copy_of(base, "b")
    snapshot = backup.make_backup(b, "manual")
    open_window(b)
    before = state(b)
    assert cli(b, "restore", str(snapshot)) == 1
    assert "เปิดอยู่" in capsys.readouterr().err
    assert state(b) == before


def test_a_test_restore_reports_the_same_and_changes_nothing(base, open_window, tmp_path, boxes, capsys,
                                                             monkeypatch):
    a, b = copy_of(base, "a"), copy_of(base, "b")
    saved = tmp_path / "saved.lobackup"
    full_backup.write_full_backup(base, saved)
    before_a = state(a)
    assert cli(a, "restore", str(saved), "--to", str(tmp_path / "trial")) == 0
    printed = capsys.readouterr().out
    window = open_window(b)
    before_b = state(b)
    boxes.clear()
    window.safety_actions.test_restore_from(saved).wait()
    assert state(a) == before_a and state(b) == before_b
    holds = lambda text: text[text.index("ข้อมูลที่อยู่ในไฟล์สำรอง"):text.index("ฐานข้อมูลที่ใช้งานอยู่")]  # noqa: E731
    assert printed.startswith("ข้อมูลสำรองนี้ใช้ได้") and boxes[0].startswith("ข้อมูลสำรองนี้ใช้ได้")
    assert holds(printed) == holds(boxes[0])
    assert str(tmp_path / "trial" / a.name) in printed  # the command line keeps the copy where asked
    assert (tmp_path / "trial" / a.name).is_file()


# ------------------------------------------------------------------------------------------- check

def orphan_in(path: Path) -> None:
    """An attachment removed in the old way: its stored file stays behind, named by nothing."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM attachments")
    conn.close()


def test_check_finds_the_same_and_repairs_the_same(base, open_window, capsys, monkeypatch, qtbot):
    a, b = copy_of(base, "a"), copy_of(base, "b")
    orphan_in(a), orphan_in(b)
    assert cli(a, "check") == 1
    printed = capsys.readouterr().out
    assert cli(a, "check", "--remove-orphans") == 0

    window = open_window(b)
    reports = []
    monkeypatch.setattr(safety_menu.CheckDialog, "exec", lambda self: reports.append(self) or 0)
    window.safety_actions.check_database().wait()
    first = reports[0]
    assert [p.text for p in first.report.problems] and all(p.text in printed for p in first.report.problems)
    monkeypatch.setattr(messages, "confirm", lambda *args, **k: True)
    first.repair_buttons["remove_orphan"].click()
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=10000)  # the dialog checks again after a repair
    assert reports[1].report.ok
    assert state(a) == state(b)


# ------------------------------------------------------------------------------------------- opening

def english(path: Path) -> Path:
    db = open_database(path)
    save_settings(db, replace(load_settings(db), language="en"))
    db.close()
    return path


def test_opening_applies_the_same_settings_and_language(base, open_window, capsys, monkeypatch):
    a, b, c = (english(copy_of(base, name)) for name in "abc")
    assert cli(a, "check") == 0
    assert "The database is sound" in capsys.readouterr().out  # the command line speaks the corner's English
    cli_language = i18n.language()
    i18n.set_language("th")

    window = open_window(b)  # the window's start
    assert (i18n.language(), window.menus["file"].title()) == (cli_language, "&File")
    i18n.set_language("th")

    monkeypatch.setattr(file_actions.QFileDialog, "getOpenFileName", staticmethod(lambda *args, **k: (str(c), "")))
    window.file_actions.open_database()  # File ▸ Open
    opened = newest_window()
    assert opened is not window and opened.menus["file"].title() == "&File" and i18n.language() == cli_language
    opened.instance.release()
    assert state(a) == state(b) == state(c)  # each was opened once today: one daily backup each
