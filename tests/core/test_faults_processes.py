"""Fault suite (issue 20): several programs at once on one database, and the kill that leaves part files.

Every test counts operations, the failures reported and the changes saved; they must agree, and no
output may be an "unexpected error". Process counts and waits are bounded (fault_helpers.TIMEOUT).
"""
import csv
import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from fault_helpers import dead_pid, run_together, start

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
WRITERS = 6


def rows(path: Path, sql: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def csv_of(path: Path, titles: list[str], codes: list[str] | None = None) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["รหัส", "ชื่อเรื่อง"])
        for n, title in enumerate(titles):
            out.writerow([codes[n] if codes else "", title])
    return path


@pytest.fixture
def corner(tmp_path) -> Path:
    path = tmp_path / "corner.db"
    assert run_together([["--db", str(path), "--create", "add", "--title", "คู่มือเทศกิจ"]]).succeeded == 1
    return path


def test_programs_creating_one_new_database_at_once_all_succeed(tmp_path):
    # Before: each migrated on its own and one could see half a schema ("no such table" after saving).
    path = tmp_path / "new.db"
    tally = run_together([["--db", str(path), "--create", "add", "--title", f"เรื่อง {n}"] for n in range(WRITERS)],
                         gate=tmp_path / "gate")
    assert tally.unexpected() == []
    assert tally.succeeded == WRITERS == rows(path, "SELECT COUNT(*) FROM materials")
    assert rows(path, "SELECT COUNT(DISTINCT code) FROM materials") == WRITERS


def test_attaching_beside_other_writers_says_what_was_saved(corner, tmp_path):
    files = []
    for n in range(WRITERS):
        files.append(tmp_path / f"note{n}.txt")
        files[-1].write_text(f"บันทึกการประชุม ครั้งที่ {n}\n" * 50, encoding="utf-8")
    commands = [["--db", str(corner), "attach", "BN-0001", str(f)] for f in files]
    commands += [["--db", str(corner), "add", "--title", f"สื่อ {n}"] for n in range(WRITERS)]
    tally = run_together(commands, gate=tmp_path / "gate")
    assert tally.unexpected() == []
    attached = sum(o.code == 0 for o in tally.outcomes[:WRITERS])
    assert attached == rows(corner, "SELECT COUNT(*) FROM attachments")  # reported == saved
    assert tally.succeeded == len(commands)


def test_two_programs_rotating_backups_never_fail_the_clerks_action(corner, tmp_path):
    conn = sqlite3.connect(corner)
    conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('backups_kept', '1')")
    conn.commit()
    conn.close()
    lists = [csv_of(tmp_path / f"list{n}.csv", [f"รายการ {n}-{i}" for i in range(5)]) for n in range(WRITERS)]
    tally = run_together([["--db", str(corner), "import", str(p)] for p in lists], gate=tmp_path / "gate")
    assert tally.unexpected() == []
    assert [o.err for o in tally.failed] == []  # housekeeping (pruning) must not fail an import
    assert rows(corner, "SELECT COUNT(*) FROM materials") == 1 + 5 * WRITERS


def test_imports_with_blank_codes_at_once_each_get_their_own_codes(corner, tmp_path):
    # A code written in lower case takes its number too: the next blank code must not collide with it.
    own = run_together([["--db", str(corner), "import", str(csv_of(tmp_path / "own.csv", ["มีรหัสเอง"], ["bn-0002"]))]])
    assert own.succeeded == 1
    lists = [csv_of(tmp_path / f"blank{n}.csv", [f"ไม่มีรหัส {n}-{i}" for i in range(20)]) for n in range(WRITERS)]
    tally = run_together([["--db", str(corner), "import", str(p)] for p in lists], gate=tmp_path / "gate")
    assert tally.unexpected() == []
    assert tally.succeeded == WRITERS  # the codes are numbered inside each writing transaction
    assert rows(corner, "SELECT COUNT(*) FROM materials") == 2 + 20 * WRITERS  # reported == saved
    assert rows(corner, "SELECT COUNT(DISTINCT code) FROM materials") == 2 + 20 * WRITERS


def test_a_code_taken_by_another_program_after_the_check_refuses_the_import_whole(corner, tmp_path, monkeypatch):
    from lo_desktop.core.catalog import actions
    from lo_desktop.core.db import open_database
    from lo_desktop.core.errors import UserError

    db = open_database(corner)
    listed = csv_of(tmp_path / "late.csv", ["เรื่องแรก", "เรื่องที่สอง"], ["BN-0100", "BN-0101"])
    check = actions.check_import(db, listed)
    other = sqlite3.connect(corner)  # another program takes BN-0101 between the check and the write
    other.execute("INSERT INTO materials (uid, code, title, created_at, updated_at) "
                  "VALUES ('x', 'bn-0101', 'คนอื่น', '2024-01-01', '2024-01-01')")
    other.commit()
    other.close()
    with pytest.raises(UserError, match="ไม่ได้นำเข้า"):
        actions.import_materials(db, listed, check=check)
    assert rows(corner, "SELECT COUNT(*) FROM materials WHERE code = 'BN-0100'") == 0
    db.close()


def test_a_backup_another_program_rotated_away_is_skipped_not_an_error(corner, monkeypatch):
    from lo_desktop.core.safety import backup

    for _ in range(3):
        backup.make_backup(corner, "import")
    vanished = backup.list_backups(corner)[-1].path
    real_stat = Path.stat

    def stat(self, *args, **kwargs):  # the other program deletes it between the listing and the look
        if self == vanished:
            raise FileNotFoundError(2, "No such file or directory", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    assert vanished not in [i.path for i in backup.list_backups(corner)]
    backup.make_backup(corner, "import", keep=1)  # rotation past the vanished file: no error


def test_a_killed_attach_leaves_a_part_file_the_next_start_removes(corner, tmp_path):
    big = tmp_path / "video.bin"
    with open(big, "wb") as f:  # large enough that the copy is still running when it is killed
        for _ in range(64):
            f.write(os.urandom(1 << 20))
    child = start("--db", str(corner), "attach", "BN-0001", str(big))
    files = corner.with_name("corner-files")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None and not list(files.rglob(".part-*")):
        time.sleep(0.005)
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=60)
    # Whether or not the kill caught the copy, leave one part file of a dead program behind for certain.
    stale = files / "ab" / f".part-{dead_pid()}-killed"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"x" * 4096)
    tally = run_together([["--db", str(corner), "check"]])
    assert tally.unexpected() == [] and tally.succeeded == 1
    assert "ไฟล์ที่คัดลอกค้างไว้" in tally.outcomes[0].err  # said once, at the start that cleaned
    assert list(files.rglob(".part-*")) == []
    assert rows(corner, "SELECT COUNT(*) FROM attachments") in (0, 1)


def test_a_part_file_of_a_running_program_is_left_alone(corner):
    files = corner.with_name("corner-files") / "cd"
    files.mkdir(parents=True)
    busy = files / f".part-{os.getpid()}-copying"  # this test's own pid: a copy in progress
    busy.write_bytes(b"x")
    tally = run_together([["--db", str(corner), "check", "--remove-orphans"]])
    assert tally.unexpected() == [] and tally.succeeded == 1
    assert busy.exists()
