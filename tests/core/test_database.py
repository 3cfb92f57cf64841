"""Opening databases: new, ours, not ours, newer, damaged — refusals leave the file untouched."""
import sqlite3
from pathlib import Path

import pytest

from lo_desktop.core.db import open_database
from lo_desktop.core.errors import DatabaseError
from lo_desktop.core.migrations import MIGRATIONS, known_migration_names


def test_a_new_database_is_created_with_every_migration(tmp_path):
    path = tmp_path / "sub" / "new.db"
    db = open_database(path)
    assert path.exists()
    assert {m.name for m in MIGRATIONS.applied(db)} == known_migration_names()
    assert "materials" in db.table_names()
    db.close()


def test_reopening_applies_nothing_twice(tmp_path):
    path = tmp_path / "c.db"
    open_database(path).close()
    db = open_database(path)
    assert MIGRATIONS.pending(db) == []
    db.close()


def test_a_text_file_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("ทะเบียนสื่อ ไม่ใช่ฐานข้อมูล", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="SQLite"):
        open_database(path)
    assert path.read_bytes() == before


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="โปรแกรมอื่น"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused_byte_for_byte(tmp_path):
    path = tmp_path / "newer.db"
    db = open_database(path)
    db["_sqlite_migrations"].insert({"migration_set": "lo_desktop", "name": "9999_from_the_future",
                                     "applied_at": "2030-01-01"})
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="ใหม่กว่า"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_damaged_database_gets_a_clear_message(tmp_path):
    path = tmp_path / "broken.db"
    open_database(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(DatabaseError):
        open_database(path)
    assert path.read_bytes() == before


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs a folder no one may write to: Linux /proc")
def test_a_folder_that_cannot_hold_the_database_is_not_called_damage():
    with pytest.raises(DatabaseError) as caught:
        open_database(Path("/proc/lo-desktop-test.db"))
    assert "โฟลเดอร์" in str(caught.value) and "เสียหาย" not in str(caught.value)


def test_an_empty_file_becomes_a_new_database(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    db = open_database(path)
    assert "materials" in db.table_names()
    db.close()


def test_migrations_run_each_in_its_own_transaction(tmp_path, monkeypatch):
    """A failing migration leaves no trace of itself: its DDL is rolled back with it."""
    from sqlite_utils import Migrations

    import sqlite_utils

    failing = Migrations("lo_desktop_test")

    @failing(name="0001_ok")
    def ok(db):
        db.execute("CREATE TABLE a (x)")

    @failing(name="0002_broken")
    def broken(db):
        db.execute("CREATE TABLE b (x)")
        raise RuntimeError("boom")

    db = sqlite_utils.Database(tmp_path / "t.db")
    with pytest.raises(RuntimeError):
        failing.apply(db)
    assert "a" in db.table_names() and "b" not in db.table_names()
    assert [m.name for m in failing.applied(db)] == ["0001_ok"]


@pytest.mark.parametrize("forged", ["../../etc/passwd", "/etc/passwd", "ab", "A" * 64, "0" * 63 + "/", ""])
def test_a_forged_file_hash_never_names_a_path(db, forged):
    from lo_desktop.core.errors import UserError
    from lo_desktop.core.files import stored_path

    with pytest.raises(UserError):
        stored_path(db, forged)


@pytest.mark.parametrize("exc, expected", [
    (sqlite3.OperationalError("database is locked"), "ลองอีกครั้ง"),
    (PermissionError(13, "Permission denied", "C:/report.docx"), "C:/report.docx"),
    (ValueError("a bug"), None),
])
def test_the_window_and_the_cli_say_the_same_sentence(exc, expected):
    from lo_desktop.core.errors import plain_sentence

    sentence = plain_sentence(exc)
    assert (sentence is None) if expected is None else (expected in sentence)


class _Answered:
    """A query's rows, read at once (so the snapshot they came from is over when the caller reads them)."""

    def __init__(self, rows):
        self.rows = rows

    def fetchone(self):
        return self.rows[0] if self.rows else None

    def __iter__(self):
        return iter(self.rows)


def test_a_database_another_program_finishes_creating_meanwhile_is_not_called_foreign(tmp_path, monkeypatch):
    """Two programs create one new database: the second inspects the file while the first commits its
    schema. Read in two moments, the file showed tables without lo-desktop's mark and was refused as
    another program's (a race seen in CI); its questions must share one snapshot."""
    from lo_desktop.core import db as db_module

    path = tmp_path / "new.db"
    made = sqlite3.connect(path)
    made.execute("PRAGMA journal_mode = WAL")  # the first program has made the file, not yet its schema
    made.close()
    connect = sqlite3.connect

    class Inspecting:
        """The second program's read-only connection; the first program commits right after its first
        question is answered."""

        def __init__(self, conn):
            self.conn, self.asked = conn, 0

        def execute(self, sql, *args):
            rows = _Answered(self.conn.execute(sql, *args).fetchall())
            if not sql.startswith("BEGIN"):
                self.asked += 1
                if self.asked == 1:
                    monkeypatch.setattr(db_module.sqlite3, "connect", connect)
                    open_database(path).close()
            return rows

        def close(self):
            self.conn.close()

    monkeypatch.setattr(db_module.sqlite3, "connect",
                        lambda target, *a, **k: Inspecting(connect(target, *a, **k)) if "mode=ro" in str(target)
                        else connect(target, *a, **k))
    db = open_database(path)
    assert {m.name for m in MIGRATIONS.applied(db)} == known_migration_names()
    db.close()
