"""The integrity check finds what is wrong and its repairs put it right."""
import os
from pathlib import Path

import pytest

from lo_desktop.core.catalog import attachments
from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core import files
from lo_desktop.core.safety import integrity
from lo_desktop.core.errors import UserError
from lo_desktop.core.records import Material


@pytest.fixture
def attached(db, tmp_path):
    material = catalog.add_material(db, Material(title="คู่มือ"))
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"%PDF-1.4 evidence of the learning corner")
    attachment = attachments.add_attachment(db, material.id, source)
    return attachment


def test_a_sound_database_passes(db, attached):
    report = integrity.check(db)
    assert report.ok and report.files_checked == 1


def test_a_moved_file_is_reported_and_relinked_from_a_folder(db, attached, tmp_path):
    stored = files.stored_path(db, attached.sha256)
    moved = tmp_path / "desktop" / "whatever-name.bin"
    moved.parent.mkdir()
    stored.rename(moved)
    report = integrity.check(db)
    assert [p.kind for p in report.problems] == ["missing"]
    assert "scan.pdf" in report.problems[0].text and report.problems[0].repair == "relink"
    assert integrity.relink_from_folder(db, moved.parent) == 1
    assert integrity.check(db).ok
    assert files.stored_path(db, attached.sha256).read_bytes() == moved.read_bytes()


def test_a_changed_file_is_reported(db, attached):
    files.stored_path(db, attached.sha256).write_bytes(b"overwritten")
    assert [p.kind for p in integrity.check(db).problems] == ["changed"]


def test_orphans_are_listed_and_removed_but_used_files_stay(db, attached):
    root = files.folder(db)
    (root / "ab").mkdir(exist_ok=True)
    orphan = root / "ab" / ("ab" + "0" * 62)
    orphan.write_bytes(b"left behind")
    leftover = root / "ab" / ".part-x1y2"
    leftover.write_bytes(b"half a copy")
    os.utime(leftover, (1, 1))  # untouched for ages: a stopped program's part file (core/leftovers.py)
    report = integrity.check(db)
    assert [p.path for p in report.of_kind("orphan")] == [orphan]
    assert [p.path for p in report.of_kind("leftover")] == [leftover]
    assert integrity.remove_orphans(db) == 2
    assert not orphan.exists() and files.stored_path(db, attached.sha256).exists()
    assert integrity.check(db).ok


def test_a_removed_attachment_leaves_an_orphan(db, attached):
    attachments.remove_attachment(db, attached.id)
    assert [p.kind for p in integrity.check(db).problems] == ["orphan"]


def test_broken_foreign_keys_are_reported(db, attached):
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("INSERT INTO attachments (material_id, name, sha256, size, added_at) "
               "VALUES (999, 'x', ?, 1, '2024-01-01')", [attached.sha256])
    db.conn.commit()
    db.execute("PRAGMA foreign_keys = ON")
    assert [p.kind for p in integrity.check(db).problems] == ["foreign_key"]


def test_a_stale_search_index_is_found_and_rebuilt(db):
    m = catalog.add_material(db, Material(title="ระเบียบงานสารบรรณ"))
    with db.atomic():
        db.execute("INSERT INTO materials_fts(materials_fts, rowid, search_text) "
                   "SELECT 'delete', id, search_text FROM materials WHERE id = ?", [m.id])
    problems = integrity.check(db).problems
    assert [p.repair for p in problems] == ["rebuild_search"]
    integrity.rebuild_search(db)
    assert integrity.check(db).ok


def test_materials_in_the_trash_are_not_an_index_problem_and_stay_out_of_a_rebuilt_index(db):
    from lo_desktop.core.catalog.search import Query, count

    kept = catalog.add_material(db, Material(title="ระเบียบงานสารบรรณ ฉบับใช้งาน"))
    thrown = catalog.add_material(db, Material(title="ระเบียบงานสารบรรณ ฉบับเก่า"))
    catalog.delete_material(db, thrown.id)
    assert integrity.check(db).ok
    integrity.rebuild_search(db)
    assert count(db, Query(text="สารบรรณ")) == 1
    catalog.restore_material(db, thrown.id)
    assert count(db, Query(text="สารบรรณ")) == 2 and kept.id != thrown.id
    assert integrity.check(db).ok


def test_a_damaged_file_is_reported_without_a_traceback(tmp_path):
    from lo_desktop.core.db import open_database

    path = tmp_path / "damaged.db"
    database = open_database(path)
    for n in range(400):
        catalog.add_material(database, Material(title=f"เรื่อง {n}", summary="ข" * 500))
    database.close()
    data = bytearray(path.read_bytes())
    data[20480:24576] = b"\x00" * 4096  # wipe one page in the middle
    path.write_bytes(bytes(data))
    try:
        database = open_database(path)
    except UserError:
        return  # refused at the door: also a plain sentence
    report = integrity.check(database)
    assert report.of_kind("damaged") and report.problems[0].repair == "restore_backup"


def test_check_command_reports_and_repairs(db, attached, capsys):
    from lo_desktop.cli import main
    from lo_desktop.core.db import db_path

    path = Path(db_path(db))
    files.stored_path(db, attached.sha256).unlink()
    assert main(["--db", str(path), "check"]) == 1
    out = capsys.readouterr().out
    assert "scan.pdf" in out
