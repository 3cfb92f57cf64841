"""Backups with the online API, rotation, the daily backup, the migration hook and a verified restore."""
import os
import sqlite3
from datetime import datetime

import pytest

from lo_desktop.core.safety import backup
from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core.db import db_path, open_database
from lo_desktop.core.errors import UserError
from lo_desktop.core.records import Material


def titles(database):
    return [r[0] for r in database.execute("SELECT title FROM materials ORDER BY id").fetchall()]


def test_backup_is_a_consistent_copy_while_the_database_is_open(db):
    catalog.add_material(db, Material(title="คู่มือการจัดการความรู้"))
    path = backup.make_backup(db_path(db), "manual")
    assert path.parent == db_path(db).parent / "backups"
    assert path.name.startswith("corner-") and path.name.endswith("-manual.db")
    copy = open_database(path)
    assert titles(copy) == ["คู่มือการจัดการความรู้"]
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()


def test_backup_is_one_file_without_a_wal_beside_it(db):
    path = backup.make_backup(db_path(db))
    assert not path.with_name(path.name + "-wal").exists()
    assert not [p for p in path.parent.iterdir() if p.name.startswith(backup.PART_PREFIX)]


def test_backup_to_a_chosen_file(db, tmp_path):
    out = tmp_path / "usb" / "copy.db"
    assert backup.make_backup(db_path(db), out=out) == out
    assert out.read_bytes()[:16] == b"SQLite format 3\x00"


def test_rotation_keeps_the_newest(db):
    made = [backup.make_backup(db_path(db), "manual", keep=3) for _ in range(5)]
    kept = [info.path for info in backup.list_backups(db_path(db))]
    assert kept == list(reversed(made[-3:]))


def test_daily_backup_once_a_day(db):
    first = backup.daily_backup(db_path(db))
    assert first is not None and first.name.endswith("-daily.db")
    assert backup.daily_backup(db_path(db)) is None
    assert len(backup.list_backups(db_path(db))) == 1


def test_backup_before_names_the_reason_and_uses_the_setting(db):
    from lo_desktop.settings import load_settings, save_settings

    settings = load_settings(db)
    settings.backups_kept = 2
    save_settings(db, settings)
    for _ in range(4):
        path = backup.backup_before(db, "import")
    assert path.name.endswith("-import.db")
    assert len(backup.list_backups(db_path(db))) == 2


def test_a_migration_is_preceded_by_a_backup(tmp_path):
    path = tmp_path / "old.db"
    database = open_database(path)
    catalog.add_material(database, Material(title="ก่อนปรับรุ่น"))
    database.execute("DELETE FROM _sqlite_migrations WHERE name = '0004_history'")
    for kind in ("update", "delete"):
        for table in ("materials", "exchange_sessions", "channels"):
            database.execute(f"DROP TRIGGER history_{table}_{kind}")
    database.execute("DROP TABLE history")
    database.conn.commit()
    database.close()
    reopened = open_database(path, before_migrate=backup.before_migrate)
    saved = backup.list_backups(path)
    assert [info.reason for info in saved] == ["before-migrate"]
    old = sqlite3.connect(saved[0].path)
    assert "history" not in {r[0] for r in old.execute("SELECT name FROM sqlite_master")}
    assert "history" in reopened.table_names()
    reopened.close()


def test_restore_brings_back_the_backup_and_saves_the_current_state_first(db):
    catalog.add_material(db, Material(title="เล่มแรก"))
    snapshot = backup.make_backup(db_path(db), "manual")
    catalog.add_material(db, Material(title="เล่มที่สอง"))
    saved = backup.restore(snapshot, db_path(db))
    assert titles(db) == ["เล่มแรก"]  # the open connection sees the restored database
    assert saved.name.endswith("-before-restore.db")
    previous = open_database(saved)
    assert titles(previous) == ["เล่มแรก", "เล่มที่สอง"]
    previous.close()
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    catalog.add_material(db, Material(title="หลังกู้คืน"))
    assert titles(db) == ["เล่มแรก", "หลังกู้คืน"]


@pytest.mark.parametrize("old_page_size", [4096, 16384])
def test_a_backup_with_other_page_size_restores_into_an_open_database(db, tmp_path, monkeypatch, old_page_size):
    """Databases made before 8 KB pages (4 KB) keep their page size; their backups must still restore."""
    from lo_desktop.core import db as database_module

    monkeypatch.setattr(database_module, "PAGE_SIZE", old_page_size)
    older = open_database(tmp_path / "older.db")
    catalog.add_material(older, Material(title="คู่มือจากเครื่องเก่า"))
    snapshot = backup.make_backup(db_path(older), "manual")
    older.close()
    assert sqlite3.connect(snapshot).execute("PRAGMA page_size").fetchone()[0] == old_page_size
    catalog.add_material(db, Material(title="ทะเบียนเครื่องใหม่"))
    backup.restore(snapshot, db_path(db))
    assert titles(db) == ["คู่มือจากเครื่องเก่า"]
    assert db.execute("PRAGMA page_size").fetchone()[0] == 8192
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    catalog.add_material(db, Material(title="หลังกู้คืน"))
    assert titles(db) == ["คู่มือจากเครื่องเก่า", "หลังกู้คืน"]


def test_restore_refuses_a_file_that_is_not_ours_and_changes_nothing(db, tmp_path):
    catalog.add_material(db, Material(title="ของเดิม"))
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    text = tmp_path / "notes.db"
    text.write_text("not a database")
    for candidate in (other, text, tmp_path / "missing.db"):
        with pytest.raises(UserError):
            backup.restore(candidate, db_path(db))
    assert titles(db) == ["ของเดิม"]
    assert backup.list_backups(db_path(db)) == []


def test_restore_refuses_a_damaged_backup(db, tmp_path):
    for n in range(300):
        catalog.add_material(db, Material(title=f"เรื่องที่ {n}", summary="ก" * 400))
    snapshot = backup.make_backup(db_path(db), "manual")
    data = bytearray(snapshot.read_bytes())
    data[8192:40960] = os.urandom(32768)  # scramble pages after the header
    snapshot.write_bytes(bytes(data))
    with pytest.raises(UserError):
        backup.restore(snapshot, db_path(db))
    assert len(titles(db)) == 300


def test_restore_refuses_the_database_itself(db):
    with pytest.raises(UserError):
        backup.restore(db_path(db), db_path(db))


def test_a_full_disk_leaves_no_half_backup(db, monkeypatch):
    def full(source, target):
        target.write_bytes(b"half")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "copy_pages", full)
    with pytest.raises(UserError, match="ดิสก์เต็ม|disk is full"):
        backup.make_backup(db_path(db), "manual")
    folder = backup.backups_dir(db_path(db))
    assert list(folder.iterdir()) == []


def test_list_backups_reads_the_time_from_the_name(db):
    path = backup.make_backup(db_path(db), "daily")
    info = backup.list_backups(db_path(db))[0]
    assert info.path == path and info.reason == "daily"
    assert abs((datetime.now() - info.taken_at).total_seconds()) < 3600
