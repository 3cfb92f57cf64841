"""Full backups through the CLI and the core: everything in one file, verified before anything changes."""
import sqlite3
import zipfile

import pytest

from archive_helpers import declare_size, first_photo_entry, flip_byte_in, with_extra_entry
from lo_desktop.cli import main
from lo_desktop.core.safety import backup
from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core.safety import full_backup
from lo_desktop.core.safety import integrity
from lo_desktop.core.db import db_path, open_database
from lo_desktop.core.errors import UserError
from lo_desktop.paths import files_dir


def count(path, sql="SELECT COUNT(*) FROM materials"):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def content(path):
    """What a clerk would see of the database (its bytes change when SQLite checkpoints)."""
    conn = sqlite3.connect(path)
    try:
        return [conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("materials", "attachments", "exchange_sessions", "session_photos")]
    finally:
        conn.close()


def stored_files(db_file):
    return sorted(p.name for p in files_dir(db_file).rglob("*") if p.is_file())


@pytest.fixture
def corner(demo_db, tmp_path):
    path = db_path(demo_db)
    demo_db.close()
    return path


@pytest.fixture
def full(corner, tmp_path, capsys):
    out = tmp_path / "usb" / "corner.lobackup"
    out.parent.mkdir()
    assert main(["--db", str(corner), "backup", "--out", str(out)]) == 0
    assert "9" in capsys.readouterr().out
    return out


def test_the_backup_holds_the_database_every_stored_file_and_a_manifest(corner, full):
    with zipfile.ZipFile(full) as zf:
        names = set(zf.namelist())
        kinds = {i.filename: i.compress_type for i in zf.infolist()}
    assert {"manifest.json", "database.db"} <= names
    assert {f"files/{sha}" for sha in stored_files(corner)} == names - {"manifest.json", "database.db"}
    assert kinds["database.db"] == zipfile.ZIP_DEFLATED
    photo, _name = first_photo_entry(full, "manifest.json")
    assert kinds[photo] == zipfile.ZIP_STORED  # a JPEG is compressed already


def test_a_test_restore_gives_a_complete_copy_that_passes_the_check(corner, full, tmp_path, capsys):
    target = tmp_path / "trial"
    assert main(["--db", str(corner), "restore", str(full), "--to", str(target)]) == 0
    copy = target / corner.name
    assert count(copy) == count(corner)
    assert stored_files(copy) == stored_files(corner)
    capsys.readouterr()
    assert main(["--db", str(copy), "check"]) == 0
    assert "ไม่พบปัญหา" in capsys.readouterr().out


def test_a_test_restore_never_overwrites(corner, full, tmp_path):
    target = tmp_path / "trial"
    assert main(["--db", str(corner), "restore", str(full), "--to", str(target)]) == 0
    before = (target / corner.name).read_bytes()
    assert main(["--db", str(corner), "restore", str(full), "--to", str(target)]) == 1
    assert (target / corner.name).read_bytes() == before


def test_restore_brings_back_the_database_and_the_files(corner, full):
    db = open_database(corner)
    catalog.delete_material(db, catalog.get_material(db, "BN-0001").id)
    catalog.empty_trash(db)
    lost = sorted(files_dir(corner).rglob("*"))[-1]
    lost.unlink()
    db.close()
    assert main(["--db", str(corner), "restore", str(full)]) == 0
    db = open_database(corner)
    assert catalog.get_material(db, "BN-0001") is not None
    assert integrity.check(db).ok
    db.close()
    assert backup.list_backups(corner)[0].reason == "before-restore"


def test_a_damaged_photo_is_named_and_nothing_changes(corner, full, capsys):
    entry, name = first_photo_entry(full, "manifest.json")
    flip_byte_in(full, entry)
    before, files_before = content(corner), stored_files(corner)
    capsys.readouterr()
    assert main(["--db", str(corner), "restore", str(full)]) == 1
    message = capsys.readouterr().err
    assert name in message and "เสียหาย" in message
    assert content(corner) == before and stored_files(corner) == files_before
    assert not [i for i in backup.list_backups(corner) if i.reason == "before-restore"]


def test_a_damaged_database_entry_is_named(corner, full):
    flip_byte_in(full, "database.db")
    with pytest.raises(UserError, match="ฐานข้อมูล"):
        full_backup.restore_full_backup(full, corner)


@pytest.mark.parametrize("name", ["../x", "/etc/x", "files/../../x", "C:\\x", "files/abc"])
def test_hostile_names_refuse_the_whole_backup(corner, full, tmp_path, name):
    hostile = with_extra_entry(full, tmp_path / "hostile.lobackup", name)
    before = content(corner)
    with pytest.raises(UserError, match="ไม่อนุญาต"):
        full_backup.restore_full_backup(hostile, corner)
    assert content(corner) == before
    assert not (tmp_path / "x").exists()


def test_an_oversized_declared_entry_is_refused_before_reading(corner, full):
    entry, _name = first_photo_entry(full, "manifest.json")
    declare_size(full, entry, 3_000_000_000)
    with pytest.raises(UserError, match="MB"):
        full_backup.restore_full_backup(full, corner)


def test_not_a_zip_and_an_old_db_backup(corner, tmp_path, capsys):
    junk = tmp_path / "junk.lobackup"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["--db", str(corner), "restore", str(junk)]) == 1
    assert "junk.lobackup" in capsys.readouterr().err
    old = backup.make_backup(corner, "manual")
    assert main(["--db", str(corner), "restore", str(old)]) == 0


def test_backup_without_out_keeps_the_quick_db_snapshot(corner):
    assert main(["--db", str(corner), "backup"]) == 0
    assert backup.list_backups(corner)[0].path.suffix == ".db"
