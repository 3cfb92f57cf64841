"""A report is written whole or not at all: a target open in Word, a read-only folder or a full disk
give one clear sentence, leave the previous file as it was and no temporary file behind.
(Tests run as root, where chmod does not stop writing, so the refusals are simulated.)"""
from __future__ import annotations

import errno
import os

import pytest

from lo_desktop.core import atomic
from lo_desktop.core.atomic import write_atomically
from lo_desktop.core.errors import UserError
from lo_desktop.reports.catalog_register import build_catalog_register
from lo_desktop.settings import Settings

PREVIOUS = b"the report the clerk printed last week"


@pytest.fixture
def target(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(PREVIOUS)
    return path


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "report.docx")


def test_writes_the_whole_file(target):
    write_atomically(target, lambda f: f.write(b"new"))
    assert target.read_bytes() == b"new"
    assert leftovers(target.parent) == []


def test_a_target_open_in_word_keeps_the_previous_file(target, monkeypatch):
    def locked(src, dst):
        raise PermissionError(errno.EACCES, "The process cannot access the file", str(dst))

    monkeypatch.setattr(atomic.os, "replace", locked)
    with pytest.raises(UserError, match="Word"):
        write_atomically(target, lambda f: f.write(b"new"))
    assert target.read_bytes() == PREVIOUS
    assert leftovers(target.parent) == []


def test_a_read_only_folder_gives_a_clear_message(target, monkeypatch):
    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refused)
    with pytest.raises(UserError, match="read-only|อ่านอย่างเดียว"):
        write_atomically(target, lambda f: f.write(b"new"))
    assert target.read_bytes() == PREVIOUS
    assert leftovers(target.parent) == []


def test_a_full_disk_halfway_leaves_nothing_half_written(target):
    def fill(f):
        f.write(b"x" * 10_000)
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(UserError, match="ดิสก์เต็ม"):
        write_atomically(target, fill)
    assert target.read_bytes() == PREVIOUS
    assert leftovers(target.parent) == []


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(UserError, match="nowhere"):
        write_atomically(tmp_path / "nowhere" / "r.docx", lambda f: f.write(b"x"))


def test_a_failing_builder_leaves_the_previous_report(demo_db, target, monkeypatch):
    """End to end: the register of the sample corner, saved over a report that Word holds open."""
    def locked(src, dst):
        raise PermissionError(errno.EACCES, "locked")

    monkeypatch.setattr(atomic.os, "replace", locked)
    with pytest.raises(UserError):
        build_catalog_register(demo_db, Settings(), target)
    assert target.read_bytes() == PREVIOUS
    assert not [p for p in target.parent.iterdir() if p.name.startswith(atomic.TEMP_PREFIX)]


def test_the_new_file_is_readable_by_others_like_any_saved_file(tmp_path):
    path = write_atomically(tmp_path / "new.docx", lambda f: f.write(b"x"))
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
