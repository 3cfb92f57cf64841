"""Backups and restore with SQLite's online backup API.

A backup is a consistent snapshot even while the window has the database open and is writing: SQLite
copies the pages of one committed state. Backups go to ``<database folder>/backups/`` as
``<stem>-YYYYMMDD-HHMMSS[-reason].db``, written to a temporary file first and renamed when complete, so a
power cut never leaves a half backup under a real name. Automatic backups (daily at start, before a
migration, a restore and an import) keep the newest N (the ``backups_kept`` setting).

Restore checks the chosen file first (SQLite header, ours, not from a newer version, integrity_check),
backs up the current database, then copies the chosen file into it with the backup API: one SQLite
transaction, so the database is either wholly the old one or wholly the restored one, and the -wal file
of the live database stays consistent with it.

These are plain .db snapshots. The "everything in one file" backup (the database, every attachment and
photo, a manifest of hashes) is full_backup.py; the restore action (safety/actions.restore_backup) tells
the two kinds apart by content (a zip), whatever the suffix.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import tempfile
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lo_desktop.core.errors import UserError
from lo_desktop.i18n import _, tr

FOLDER = "backups"
DEFAULT_KEEP = 10
NAME = re.compile(r"^(?P<stem>.+)-(?P<date>\d{8})-(?P<time>\d{6})(?:-(?P<n>\d+))?(?:-(?P<reason>[a-z-]+))?\.db$")
PART_PREFIX = ".part-"


@dataclass
class BackupInfo:
    path: Path
    taken_at: datetime  # local time, from the file name
    reason: str
    size: int
    number: int = 1  # the order of backups taken within the same second


def backups_dir(db_file: Path) -> Path:
    return Path(db_file).parent / FOLDER


def make_backup(db_file: str | Path, reason: str = "", out: str | Path | None = None,
                keep: int | None = None) -> Path:
    """Snapshot ``db_file`` into the backups folder (or ``out``); rotate to ``keep`` when given."""
    db_file = Path(db_file)
    if not db_file.is_file():
        raise UserError(tr("The database “{path}” does not exist.", path=db_file))
    folder = Path(out).expanduser().parent if out else backups_dir(db_file)
    _make_folder(folder)
    # A name of our own for the part file: two programs may back up the same database at once.
    part = folder / f"{PART_PREFIX}{os.getpid()}-{threading.get_ident()}.db"
    target = Path(out).expanduser() if out else folder / "backup.db"
    try:
        copy_pages(db_file, part)
        _fsync(part)
        target = _place(part, Path(out).expanduser()) if out else _place_new(part, db_file, reason)
    except sqlite3.Error as exc:
        raise UserError(_backup_failed(target, exc)) from exc
    except OSError as exc:
        raise UserError(tr("Cannot write the backup “{path}”: {reason}", path=target,
                           reason=exc.strerror or exc)) from exc
    finally:
        part.unlink(missing_ok=True)
    if keep is not None and out is None:
        rotate(db_file, keep)
    return target


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(tr("Cannot create the folder “{folder}”: {reason}", folder=folder,
                           reason=exc.strerror)) from exc


def _place(part: Path, target: Path) -> Path:
    os.replace(part, target)
    return target


def _place_new(part: Path, db_file: Path, reason: str) -> Path:
    """Give the finished snapshot the next free name, never replacing a backup another program just made."""
    while True:
        target = _new_name(db_file, reason)
        try:
            os.link(part, target)  # fails when the name is taken: the check and the naming are one step
        except FileExistsError:
            continue
        except OSError:
            if target.exists():
                continue
            os.replace(part, target)  # a file system without hard links
        return target


def _new_name(db_file: Path, reason: str) -> Path:
    folder = backups_dir(db_file)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    suffix = f"-{reason}" if reason else ""
    # Several backups within one second (a restore right after a backup) are numbered in order.
    same_second = [i for i in list_backups(db_file) if i.taken_at.strftime("%Y%m%d-%H%M%S") == stamp]
    n = max((i.number for i in same_second), default=0) + 1
    counter = f"-{n}" if n > 1 else ""
    return folder / f"{db_file.stem}-{stamp}{counter}{suffix}.db"


def copy_pages(source: Path, target: Path) -> None:
    """A consistent copy of a database (online backup API) as one self-contained file."""
    target.unlink(missing_ok=True)
    src = sqlite3.connect(str(source), timeout=30)
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
        finally:
            dst.close()
    finally:
        src.close()


def _fsync(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def _backup_failed(target: Path, exc: Exception) -> str:
    text = str(exc).lower()
    if "full" in text:
        return tr("Cannot write the backup “{path}”: the disk is full. Free some space.", path=target)
    if "locked" in text or "busy" in text:
        return tr("Cannot back up now: another program is writing to the database. Try again in a moment.")
    return tr("Cannot write the backup “{path}”: {reason}", path=target, reason=exc)


# ---------------------------------------------------------------- listing and rotation

def list_backups(db_file: str | Path) -> list[BackupInfo]:
    """The backups of ``db_file`` in its backups folder, newest first."""
    db_file = Path(db_file)
    folder = backups_dir(db_file)
    found = []
    for path in folder.glob(f"{glob_escape(db_file.stem)}-*.db") if folder.is_dir() else []:
        match = NAME.match(path.name)
        if match and match["stem"] == db_file.stem:
            taken = datetime.strptime(match["date"] + match["time"], "%Y%m%d%H%M%S")
            size = _size_or_none(path)
            if size is not None:
                found.append(BackupInfo(path, taken, match["reason"] or "", size, int(match["n"] or 1)))
    return sorted(found, key=lambda i: (i.taken_at, i.number), reverse=True)


def _size_or_none(path: Path) -> int | None:
    # Another program rotating the same folder may delete a backup between the listing and this look.
    try:
        return path.stat().st_size
    except OSError:
        return None


def reason_label(reason: str) -> str:
    """Why a backup was made, in the words the clerk reads (the window's list and ``lo-desktop backups``)."""
    labels = {"daily": _("Daily"), "manual": _("Manual"), "before-migrate": _("Before an upgrade"),
              "before-restore": _("Before a restore"), "import": _("Before an import"),
              "stocktake": _("Before closing a stocktake"), "purge": _("Before deleting for good"),
              "merge": _("Before a merge")}
    return labels.get(reason, reason)


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def rotate(db_file: str | Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups (at least one is always kept); returns the removed."""
    removed = []
    try:
        old = list_backups(db_file)[max(1, keep):]
    except OSError:
        return removed  # housekeeping never fails the clerk's action: the next rotation tries again
    for info in old:
        try:
            info.path.unlink()
            removed.append(info.path)
        except OSError:
            pass  # in use by a viewer, or another program rotating removed it first
    return removed


def daily_backup(db_file: str | Path, keep: int = DEFAULT_KEEP) -> Path | None:
    """The first start of each day backs the database up; None when today's backup exists already."""
    db_file = Path(db_file)
    if not db_file.is_file() or db_file.stat().st_size == 0:
        return None
    today = datetime.now().date()
    if any(info.taken_at.date() == today for info in list_backups(db_file)):
        return None
    return make_backup(db_file, "daily", keep=keep)


def kept_setting(db_file: Path) -> int:
    """``backups_kept`` read without opening the database for writing (it may be about to migrate)."""
    import json

    try:
        ro = sqlite3.connect(f"{Path(db_file).resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = ro.execute("SELECT value FROM settings WHERE key = 'backups_kept'").fetchone()
        finally:
            ro.close()
        return max(1, int(json.loads(row[0]))) if row else DEFAULT_KEEP
    except (sqlite3.Error, ValueError, TypeError):
        return DEFAULT_KEEP


def before_migrate(db_file: Path) -> None:
    """The ``open_database`` hook: a backup of the old version before its schema changes."""
    make_backup(db_file, "before-migrate", keep=kept_setting(db_file))


def backup_before(db, reason: str) -> Path | None:
    """Back up an open database before ``reason`` ("import", …); None for an in-memory database."""
    from lo_desktop.core.db import db_path
    from lo_desktop.settings import load_settings

    path = db_path(db)
    if path is None:
        return None
    return make_backup(path, reason, keep=max(1, load_settings(db).backups_kept))


# ---------------------------------------------------------------- restore

def verify_candidate(candidate: str | Path) -> Path:
    """Refuse a file that is not a healthy lo-desktop database this version can open."""
    from lo_desktop.core.db import inspect_existing

    candidate = Path(candidate).expanduser()
    if not candidate.is_file():
        raise UserError(tr("The file “{path}” does not exist.", path=candidate))
    inspect_existing(candidate)
    try:
        ro = sqlite3.connect(f"{candidate.resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = [r[0] for r in ro.execute("PRAGMA integrity_check(5)")]
        finally:
            ro.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(tr("“{name}” is damaged and cannot be restored ({reason}).",
                           name=candidate.name, reason=exc)) from exc
    if result != ["ok"]:
        raise UserError(tr("“{name}” is damaged and cannot be restored ({reason}).",
                           name=candidate.name, reason="; ".join(result)))
    return candidate


def restore(candidate: str | Path, db_file: str | Path, keep: int | None = None, progress=None) -> Path | None:
    """Replace the database with a ``.db`` snapshot; returns the backup made of the current database first.

    The database may be open elsewhere in this process (the window): the copy is one SQLite write
    transaction into it, which other connections see as an ordinary commit.
    """
    candidate, db_file = verify_candidate(candidate), Path(db_file)
    if db_file.exists() and candidate.resolve() == db_file.resolve():
        raise UserError(_same_file_message())
    keep = keep if keep is not None else (kept_setting(db_file) if db_file.exists() else DEFAULT_KEEP)
    saved = make_backup(db_file, "before-restore") if db_file.is_file() else None
    _copy_into(candidate, db_file)
    rotate(db_file, max(keep, 2))  # never rotate away the backup just made
    return saved


def _copy_into(candidate: Path, db_file: Path) -> None:
    try:
        with tempfile.TemporaryDirectory(prefix=".lo-restore-", dir=db_file.parent) as work:
            source = _with_page_size(candidate, _page_size(db_file), Path(work))
            src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
            try:
                dst = sqlite3.connect(str(db_file), timeout=30)
                try:
                    src.backup(dst)
                finally:
                    dst.close()
            finally:
                src.close()
    except sqlite3.Error as exc:
        raise UserError(_backup_failed(db_file, exc)) from exc


def _page_size(db_file: Path) -> int | None:
    if not db_file.is_file() or db_file.stat().st_size == 0:
        return None
    with contextlib.closing(sqlite3.connect(f"{db_file.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        return conn.execute("PRAGMA page_size").fetchone()[0]


def _with_page_size(candidate: Path, page_size: int | None, work: Path) -> Path:
    """The candidate itself, or a copy rewritten to the database's page size: SQLite cannot copy pages
    of one size into a WAL database of another (databases made before 8 KB pages, see db.py)."""
    with contextlib.closing(sqlite3.connect(f"{candidate.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        if page_size is None or conn.execute("PRAGMA page_size").fetchone()[0] == page_size:
            return candidate
    copy = work / "converted.db"
    shutil.copyfile(candidate, copy)
    with contextlib.closing(sqlite3.connect(str(copy))) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute(f"PRAGMA page_size = {int(page_size)}")
        conn.execute("VACUUM")
    return copy


def _same_file_message() -> str:
    return tr("That file is the database itself; choose a backup to restore.")
