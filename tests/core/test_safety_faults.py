"""Fault tests: a killed import, two writers at once, an export to a full disk or a locked file.

Each fault must leave the database openable, passing the integrity check and holding exactly the rows
it held before (or after) — never half an import — and every failed export must leave no partial file.
"""
import csv
import hashlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from lo_desktop.core.safety import integrity
from lo_desktop.core.db import open_database
from lo_desktop.core.errors import UserError
from lo_desktop.core.catalog.search import Query
from lo_desktop.core.catalog.transfer import export_materials

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX signals and mounts")


def write_csv(path: Path, rows: int, prefix: str = "คู่มือ") -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["ชื่อ", "ปี", "ที่เก็บ"])
        for n in range(rows):
            out.writerow([f"{prefix} เล่มที่ {n}", 2560 + n % 9, f"ชั้น {n % 40}"])
    return path


def cli(*args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "lo_desktop", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def fingerprint(path: Path) -> tuple[int, str]:
    """The number of materials and a digest of every stored value, read by a fresh connection."""
    database = open_database(path)
    try:
        rows = database.execute("SELECT * FROM materials ORDER BY id").fetchall()
        assert integrity.check(database).ok
    finally:
        database.close()
    return len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()


@pytest.fixture
def corner(tmp_path):
    path = tmp_path / "corner.db"
    assert cli("--db", str(path), "demo").wait(60) == 0
    return path


def wait_for_wal(path: Path, child: subprocess.Popen, threshold: int) -> bool:
    """True once the import's transaction has written ``threshold`` bytes to the WAL."""
    wal = path.with_name(path.name + "-wal")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None:
        if wal.exists() and wal.stat().st_size >= threshold:
            return True
        time.sleep(0.01)
    return False


def test_killing_an_import_midway_loses_nothing_and_adds_nothing_partial(corner, tmp_path):
    """A kill leaves the catalog as it was, or (a kill that came just after the commit: the pages of the
    transaction may all reach the WAL only while committing) with the whole list: never part of it."""
    source = write_csv(tmp_path / "big.csv", 20_000)
    before = fingerprint(corner)
    rng = random.Random(7)
    inside = untouched = 0
    for attempt in range(3):
        child = cli("--db", str(corner), "import", str(source))
        inside += wait_for_wal(corner, child, rng.randint(300_000, 4_000_000))
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL, "the import finished before it could be killed"
        after = fingerprint(corner)
        assert after == before or after[0] == before[0] + 20_000
        untouched += after == before
        before = after
    assert inside == 3  # every kill came while the import was writing
    assert untouched >= 1  # and most land before the commit, as this test means them to


def test_two_imports_at_once_each_lands_whole_or_says_busy(corner, tmp_path):
    """SQLite lets one writer in at a time: the other waits, or (when the first committed while it was
    starting) stops with one sentence and writes nothing; run again, it lands. No row is lost or doubled."""
    sources = [write_csv(tmp_path / "first.csv", 3_000, "ชุดแรก"), write_csv(tmp_path / "second.csv", 3_000, "ชุดสอง")]
    count_before, _digest = fingerprint(corner)
    children = [cli("--db", str(corner), "import", str(source)) for source in sources]
    results = [child.communicate(timeout=120) for child in children]
    landed = [child.returncode == 0 for child in children]
    for ok, (out, err) in zip(landed, results):
        assert ok or ("Traceback" not in err and len(err.strip().splitlines()) == 1), err
    assert any(landed)
    assert fingerprint(corner)[0] == count_before + 3_000 * sum(landed)
    for ok, source in zip(landed, sources):
        if not ok:
            assert cli("--db", str(corner), "import", str(source)).wait(120) == 0
    assert fingerprint(corner)[0] == count_before + 6_000


def test_a_writer_blocked_too_long_gets_one_clear_sentence_and_changes_nothing(corner, tmp_path, monkeypatch,
                                                                                capsys):
    from lo_desktop import cli as cli_module
    from lo_desktop.core import db as db_module

    original = db_module._apply_pragmas

    def impatient(database):
        original(database)
        database.execute("PRAGMA busy_timeout = 300")

    monkeypatch.setattr(db_module, "_apply_pragmas", impatient)
    source = write_csv(tmp_path / "small.csv", 50)
    before = fingerprint(corner)
    holder = open_database(corner)  # another program in the middle of a long write
    holder.execute("BEGIN IMMEDIATE")
    try:
        code = cli_module.main(["--db", str(corner), "import", str(source)])
    finally:
        holder.conn.rollback()
        holder.close()
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "โปรแกรมอื่น" in err
    assert fingerprint(corner) == before


def test_a_writer_that_waits_briefly_then_succeeds(corner, tmp_path):
    source = write_csv(tmp_path / "small.csv", 200)
    count_before, _digest = fingerprint(corner)
    holder = open_database(corner)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE settings SET value = value")
    release = threading.Timer(1.5, lambda: holder.conn.commit())
    release.start()
    try:
        child = cli("--db", str(corner), "import", str(source))
        out, err = child.communicate(timeout=60)
    finally:
        release.join()
        holder.close()
    assert child.returncode == 0, err
    assert fingerprint(corner)[0] == count_before + 200


@pytest.fixture
def tiny_disk(tmp_path):
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a small disk here (needs root)")
    yield mount_point
    subprocess.run(["umount", str(mount_point)], check=False)


def test_an_export_to_a_full_disk_says_so_and_leaves_the_old_file(demo_db, tiny_disk):
    target = tiny_disk / "catalog.csv"
    target.write_bytes(b"the previous export")
    (tiny_disk / "filler").write_bytes(b"x" * 40_000)
    with pytest.raises(UserError, match="ดิสก์เต็ม|disk is full"):
        export_materials(demo_db, Query(), target)
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["catalog.csv", "filler"]


def test_a_backup_to_a_full_disk_says_so_and_leaves_nothing(demo_db, tiny_disk):
    from lo_desktop.core.safety.backup import make_backup
    from lo_desktop.core.db import db_path

    with pytest.raises(UserError):
        make_backup(db_path(demo_db), out=tiny_disk / "corner-backup.db")
    assert list(tiny_disk.iterdir()) == []


def test_an_export_to_a_locked_file_says_so_and_leaves_no_partial_file(demo_db, tmp_path, monkeypatch):
    target = tmp_path / "catalog.xlsx"
    target.write_bytes(b"open in Excel")

    def locked(source, destination):  # what Windows does while Excel holds the file
        raise PermissionError(13, "The process cannot access the file", str(destination))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(UserError, match="Word|โปรแกรมอื่น"):
        export_materials(demo_db, Query(), target)
    monkeypatch.undo()
    assert target.read_bytes() == b"open in Excel"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".~lo-")) == []
