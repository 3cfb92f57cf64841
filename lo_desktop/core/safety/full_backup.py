"""Full backups: one ``.lobackup`` file (a zip) with the database, every stored file and a manifest.

Layout: ``manifest.json`` (format, version, app version, created_at, the database's SHA-256 and size, and
for every stored file its entry ``files/<sha256>``, size, SHA-256 and the name a record gives it),
``database.db`` (an online-API snapshot, deflated) and ``files/<sha256>`` (photos, PDFs and Office files
are stored as they are — they are compressed already). The file is written beside its target and renamed
when complete.

Restore reads the manifest, bounds every size, and hashes the database and every file before it changes
anything; a damaged entry is named. Then the current database is backed up (backup.py), the files are
copied into the files folder (identical files are skipped) and the database is replaced through the online
backup API. ``to=DIR`` restores a complete copy into DIR instead, leaving the current database alone.

The automatic backups (daily, before a migration, a restore or an import) stay plain ``.db`` snapshots:
they take a fraction of a second, while a full backup copies every photo (see docs/DEVELOPING.md).
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from lo_desktop import __version__
from lo_desktop.core.safety import backup
from lo_desktop.core.archive import MB, Archive, Limits, add_json, add_stored_file, extract_to, write_zip
from lo_desktop.core.atomic import write_atomically
from lo_desktop.core.errors import UserError
from lo_desktop.core.leftovers import part_prefix, remove_stale_parts
from lo_desktop.core.progress import Progress, report
from lo_desktop.i18n import _, tr
from lo_desktop.paths import files_dir

SUFFIX = ".lobackup"
FORMAT = "lo-desktop-backup"
VERSION = 1
ZIP_MAGIC = b"PK\x03\x04"
LIMITS = Limits("manifest.json", meta_bytes=50 * MB, file_bytes=2 * 1024 * MB,
                total_bytes=20 * 1024 * MB, extra_names=("database.db",))


@dataclass
class FullBackupResult:
    path: Path
    files: int = 0
    size: int = 0
    skipped: list[str] = field(default_factory=list)  # names of stored files missing or changed in the folder


def is_full_backup(path: str | Path) -> bool:
    try:
        with open(Path(path).expanduser(), "rb") as f:
            return f.read(4) == ZIP_MAGIC
    except OSError:
        return False


# ---------------------------------------------------------------- writing

def write_full_backup(db_file: str | Path, out: str | Path, progress: Progress | None = None) -> FullBackupResult:
    """Write the database and every file its records name into ``out`` (one zip)."""
    db_file, out = Path(db_file), Path(out).expanduser()
    with tempfile.TemporaryDirectory(prefix="lo-backup-") as work:
        snapshot = backup.make_backup(db_file, out=Path(work) / "database.db")
        named = _referenced(snapshot)
        result = FullBackupResult(out)
        write_atomically(out, lambda f: _write(f, snapshot, db_file, named, result, progress))
    result.size = out.stat().st_size
    return result


def _referenced(snapshot: Path) -> dict[str, str]:
    from lo_desktop.core.sqlite_lib import sqlite_utils

    from lo_desktop.core.safety.integrity import referenced_files

    conn = sqlite3.connect(f"{snapshot.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return referenced_files(sqlite_utils.Database(conn, execute_plugins=False))
    finally:
        conn.close()


def _write(f, snapshot: Path, db_file: Path, named: dict[str, str], result: FullBackupResult, progress) -> None:
    from lo_desktop.core.archive import hash_file

    folder = files_dir(db_file)
    listed = []
    with write_zip(f) as zf:
        zf.write(snapshot, "database.db")
        for done, (sha, name) in enumerate(sorted(named.items()), 1):
            report(progress, done, len(named), _("Copying the attachments and photos…"))
            source = folder / sha[:2] / sha
            if len(sha) == 64 and source.is_file() and add_stored_file(zf, source, sha):
                listed.append({"entry": f"files/{sha}", "sha256": sha, "size": source.stat().st_size, "name": name})
            else:
                result.skipped.append(name)
        add_json(zf, "manifest.json", {
            "format": FORMAT, "version": VERSION, "app_version": __version__,
            "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "database": {"entry": "database.db", "sha256": hash_file(snapshot), "size": snapshot.stat().st_size,
                         "name": db_file.name},
            "files": listed})
    result.files = len(listed)


# ---------------------------------------------------------------- checking

def open_verified(path: str | Path, progress: Progress | None = None) -> Archive:
    """The archive with its manifest checked and every hash verified, or a UserError naming the damage."""
    archive = Archive(path, LIMITS, _("full backup"))
    try:
        expected, labels = _expected(archive)
        archive.verify(expected, labels, progress)
    except BaseException:
        archive.close()
        raise
    return archive


def _expected(archive: Archive) -> tuple[dict[str, str], dict[str, str]]:
    meta = archive.meta
    archive.check_format(FORMAT, VERSION, _("it is not an lo-desktop full backup"),
                         tr("“{name}” was made by a newer version of lo-desktop; install it to restore this "
                            "backup.", name=archive.path.name))
    try:
        database = meta["database"]
        expected = {"database.db": str(database["sha256"])}
        labels = {"database.db": _("the database")}
        for item in meta["files"]:
            entry = f"files/{item['sha256']}"
            if entry != item.get("entry", entry) or entry in expected:
                raise archive.damaged(tr("the list of contents names “{entry}” wrongly", entry=entry[:120]))
            expected[entry], labels[entry] = str(item["sha256"]), str(item.get("name") or entry)
    except (KeyError, TypeError) as exc:
        raise archive.damaged(_("its list of contents cannot be read")) from exc
    return expected, labels


def _check_space(archive: Archive, folder: Path) -> None:
    free = shutil.disk_usage(folder).free
    if archive.total_bytes > free:
        raise UserError(tr("Restoring “{name}” needs {need} MB but the disk has {free} MB free; nothing was "
                           "changed.", name=archive.path.name, need=archive.total_bytes // MB + 1, free=free // MB))


# ---------------------------------------------------------------- restoring

def restore_full_backup(path: str | Path, db_file: str | Path, progress: Progress | None = None) -> Path | None:
    """Replace the database and fill its files folder from a full backup; returns the backup made first."""
    db_file = Path(db_file)
    db_file.parent.mkdir(parents=True, exist_ok=True)
    with open_verified(path, progress) as archive:
        _check_space(archive, db_file.parent)
        with tempfile.TemporaryDirectory(prefix=".lo-restore-", dir=db_file.parent) as work:
            candidate = Path(work) / "database.db"
            extract_to(archive, "database.db", archive.meta["database"]["sha256"], candidate)
            backup.verify_candidate(candidate)
            _copy_files(archive, files_dir(db_file), progress)
            return backup.restore(candidate, db_file)


def restore_copy(path: str | Path, folder: str | Path, name: str, progress: Progress | None = None) -> Path:
    """Restore a complete copy (database and files folder) into ``folder`` for a test restore."""
    folder = Path(folder).expanduser()
    target = folder / name
    if target.exists():
        raise UserError(tr("“{path}” exists already; choose an empty folder for the test restore.", path=target))
    # A restore killed halfway left part files and some of the files folder (content-addressed, so a
    # retry keeps the intact ones): the retry is not refused for a database that does not exist.
    remove_stale_parts(folder, files_dir(target))
    folder.mkdir(parents=True, exist_ok=True)
    with open_verified(path, progress) as archive:
        _check_space(archive, folder)
        part = folder / f"{part_prefix()}{name}"
        try:
            extract_to(archive, "database.db", archive.meta["database"]["sha256"], part)
            backup.verify_candidate(part)
            _copy_files(archive, files_dir(target), progress)
            os.replace(part, target)
        finally:
            part.unlink(missing_ok=True)
    return target


def _copy_files(archive: Archive, folder: Path, progress) -> None:
    entries = archive.file_entries()
    for done, entry in enumerate(entries, 1):
        report(progress, done, len(entries), _("Putting back the attachments and photos…"))
        archive.place_file(folder, entry.split("/", 1)[1])
