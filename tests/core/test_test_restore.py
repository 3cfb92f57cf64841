"""A test restore proves a backup can be brought back, and leaves the clerk's database exactly as it was."""
import hashlib
import json
import sqlite3
import tempfile
import zipfile
from datetime import datetime

import pytest

from archive_helpers import first_photo_entry, flip_byte_in
from lo_desktop.core.catalog import attachments
from lo_desktop.core.safety import backup
from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core.safety import full_backup
from lo_desktop.core.db import db_path, open_database
from lo_desktop.core.errors import UserError
from lo_desktop.core.progress import Cancelled, Progress
from lo_desktop.core.safety.restore_drill import restore_drill as run_test_restore
from lo_desktop.core.thaidate import format_date
from lo_desktop.paths import files_dir, resource

COUNTS = {
    "materials": "SELECT COUNT(*) FROM materials WHERE deleted_at IS NULL",
    "trashed": "SELECT COUNT(*) FROM materials WHERE deleted_at IS NOT NULL",
    "sessions": "SELECT COUNT(*) FROM exchange_sessions WHERE deleted_at IS NULL",
    "channels": "SELECT COUNT(*) FROM channels",
    "loans": "SELECT COUNT(*) FROM loans",
    "attachments": "SELECT COUNT(*) FROM attachments",
    "photos": "SELECT COUNT(*) FROM session_photos",
}


@pytest.fixture(autouse=True)
def scratch(tmp_path, monkeypatch):
    """The system's temporary folder, made observable: every test ends with it empty again."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
    assert list(folder.iterdir()) == [], "the test restore left its temporary folder behind"


@pytest.fixture
def corner(demo_db, tmp_path):
    """The clerk's database: the demo, one material in the Trash and one PDF attached."""
    memo = tmp_path / "บันทึกการประชุม.pdf"
    memo.write_bytes(b"%PDF-1.4 minutes of the meeting")
    attachments.add_attachment(demo_db, catalog.get_material(demo_db, "BN-0002").id, memo)
    catalog.delete_material(demo_db, catalog.get_material(demo_db, "BN-0001").id)
    path = db_path(demo_db)
    demo_db.close()
    return path


@pytest.fixture
def full(corner, tmp_path):
    out = tmp_path / "usb" / "corner.lobackup"
    out.parent.mkdir()
    assert full_backup.write_full_backup(corner, out).skipped == []
    return out


def counts_of(path):
    conn = sqlite3.connect(path)
    try:
        return {key: conn.execute(sql).fetchone()[0] for key, sql in COUNTS.items()}
    finally:
        conn.close()


def stored_files(db_file):
    return sorted(p for p in files_dir(db_file).rglob("*") if p.is_file())


def fingerprint(db_file):
    """Every byte the clerk owns: the database (and its -wal), the files folder and the backups folder."""
    folder = db_file.parent
    paths = [p for p in folder.glob(f"{db_file.name}*") if p.is_file()]
    paths += [p for root in (files_dir(db_file), backup.backups_dir(db_file)) for p in root.rglob("*") if p.is_file()]
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(paths)}


def test_a_good_full_backup_is_usable_and_says_what_it_holds(corner, full):
    expected = counts_of(corner)
    assert expected["trashed"] == 1 and expected["attachments"] == 1 and expected["photos"] > 0
    sample = json.loads(resource("sample", "materials.json").read_text(encoding="utf-8"))
    assert expected["materials"] == len(sample) - 1  # an anchor outside these queries: the sample, one trashed
    result = run_test_restore(full)
    assert result.ok and result.full and result.problems == []
    assert result.counts == expected
    assert result.stored_files == len(stored_files(corner))
    assert result.newest_change_date == format_date(datetime.now().date())  # the material moved to the Trash
    text = result.message()
    assert text.startswith("ข้อมูลสำรองนี้ใช้ได้")
    assert f"สื่อ {expected['materials']} รายการ (อยู่ในถังขยะอีก 1 รายการ)" in text
    assert f"การยืม {expected['loans']} รายการ" in text and "ไฟล์แนบ 1 ไฟล์" in text
    assert f"ทั้ง {result.stored_files} ไฟล์" in text and "อยู่ครบและไม่ถูกแก้ไข" in text
    assert str(datetime.now().year + 543) in text and str(datetime.now().year) not in text
    assert "ฐานข้อมูลที่ใช้งานอยู่ไม่ถูกแก้ไข" in text


def test_a_photo_changed_inside_the_backup_is_refused_by_name(full):
    entry, name = first_photo_entry(full, "manifest.json")
    flip_byte_in(full, entry)
    with pytest.raises(UserError) as refused:
        run_test_restore(full)
    message = str(refused.value)
    assert name in message and "เสียหาย" in message and "\n" not in message


def test_a_backup_made_while_a_photo_was_missing_reports_the_photo(corner, tmp_path):
    with sqlite3.connect(corner) as conn:
        sha, name = conn.execute("SELECT sha256, name FROM session_photos ORDER BY id").fetchone()
    (files_dir(corner) / sha[:2] / sha).unlink()
    out = tmp_path / "incomplete.lobackup"
    assert full_backup.write_full_backup(corner, out).skipped == [name]
    result = run_test_restore(out)
    assert not result.ok and result.files_bad == 1
    assert result.problems == [f"ไม่มีไฟล์ “{name}” อยู่ในข้อมูลสำรอง"]
    text = result.message()
    assert text.startswith("ข้อมูลสำรองนี้มีปัญหา") and name in text and "ใช้ได้" not in text


def test_a_db_snapshot_works_and_says_files_are_not_inside_it(corner):
    snapshot = backup.make_backup(corner, "manual")
    result = run_test_restore(snapshot)
    assert result.ok and not result.full  # its photos are not "missing": a snapshot never holds them
    assert result.counts == counts_of(corner)
    text = result.message()
    assert text.startswith("ข้อมูลสำรองนี้ใช้ได้")
    assert "ไม่มีไฟล์แนบและภาพถ่ายอยู่ข้างใน" in text and "อยู่ครบและไม่ถูกแก้ไข" not in text


def foreign_zip(tmp_path):
    path = tmp_path / "photos.lobackup"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("manifest.json", json.dumps({"format": "something-else", "version": 1}))
    return path


def newer_backup(full, tmp_path):
    path = tmp_path / "from-the-future.lobackup"
    with zipfile.ZipFile(full) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "manifest.json":
                data = json.dumps({**json.loads(data), "version": full_backup.VERSION + 1}).encode()
            dst.writestr(info, data)
    return path


def foreign_sqlite(tmp_path):
    path = tmp_path / "other-program.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    return path


@pytest.mark.parametrize("make, words", [
    (lambda full, tmp: tmp.joinpath("notes.db").write_text("not a backup") and tmp / "notes.db", "ไม่ใช่ไฟล์ SQLite"),
    (lambda full, tmp: foreign_zip(tmp), "ไม่ใช่ข้อมูลสำรองแบบครบถ้วน"),
    (lambda full, tmp: foreign_sqlite(tmp), "ของโปรแกรมอื่น"),
    (lambda full, tmp: newer_backup(full, tmp), "รุ่นที่ใหม่กว่า"),
    (lambda full, tmp: tmp / "gone.lobackup", "ไม่พบ"),
])
def test_what_is_not_a_usable_backup_ends_in_one_thai_sentence(full, tmp_path, make, words):
    with pytest.raises(UserError) as refused:
        run_test_restore(make(full, tmp_path))
    message = str(refused.value)
    assert words in message and "\n" not in message and "Traceback" not in message


def test_the_clerks_database_and_files_stay_byte_for_byte_as_they_were(corner, full):
    db = open_database(corner)  # open, as in the window
    try:
        snapshot = backup.make_backup(corner, "manual")
        before = fingerprint(corner)
        assert len(stored_files(corner)) > 1 and any(name.endswith("-wal") for name in before)
        for chosen in (full, snapshot):
            assert run_test_restore(chosen, current_db=corner).ok
        assert fingerprint(corner) == before
    finally:
        db.close()


def test_the_database_itself_is_not_a_backup_of_itself(corner):
    with pytest.raises(UserError, match="ฐานข้อมูลที่ใช้อยู่"):
        run_test_restore(corner, current_db=corner)


class CancelWhilePuttingBackFiles(Progress):
    def reported(self, done, total, text):
        if "ภาพถ่าย" in text:
            self.cancel()


def test_cancelling_leaves_no_temporary_copy_behind(full, scratch):
    with pytest.raises(Cancelled):
        run_test_restore(full, CancelWhilePuttingBackFiles())
    # the autouse fixture checks the temporary folder is empty again
