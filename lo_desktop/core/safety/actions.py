"""The data-safety actions, one function each, for the command line and the File menu alike.

Back up now (a quick ``.db`` snapshot), save a full backup (``.lobackup`` with every stored file),
restore from either kind, the restore drill (a test restore), and the integrity check with its repairs.
The window runs them through ui/tasks.run_task with its progress; the command line without.
"""
from __future__ import annotations

from pathlib import Path

from lo_desktop.core.safety import backup
from lo_desktop.core.safety import full_backup
from lo_desktop.core.safety import integrity
from lo_desktop.core.db import db_path
from lo_desktop.core.errors import UserError
from lo_desktop.core.safety.lock import DatabaseLock
from lo_desktop.core.progress import Progress
from lo_desktop.core.safety.restore_drill import COPY_NAME, RestoreReport, restore_drill
from lo_desktop.i18n import _
from lo_desktop.settings import load_settings


def back_up(db) -> Path:
    """Snapshot the database into its backups folder ("manual"), keeping the newest ``backups_kept``."""
    return backup.make_backup(_file_of(db), "manual", keep=load_settings(db).backups_kept)


def save_full_backup(db, out: str | Path, progress: Progress | None = None) -> full_backup.FullBackupResult:
    """Write the database and every attachment, photo and sheet its records name into one ``.lobackup``.

    Stored files missing or changed in the files folder are left out and named in ``result.skipped``.
    """
    return full_backup.write_full_backup(_file_of(db), out, progress)


def restore_backup(db_file: str | Path, candidate: str | Path, progress: Progress | None = None, *,
                   lock_held: bool = False) -> Path | None:
    """Replace the database with a ``.db`` snapshot or a full backup (told apart by content); returns the
    "before-restore" backup made of the current database first (None when there was none).

    The backup is checked whole before anything changes. Unless the caller holds the database's lock
    (``lock_held``: the window restoring the database it has open), the lock is taken for the restore, so
    a database open in a window is refused rather than replaced under it. It takes the file, not an open
    database: a restore may create the database, and must not upgrade the one it is about to replace.
    """
    if lock_held:
        return _restore_either_kind(candidate, db_file, progress)
    with DatabaseLock(db_file):
        return _restore_either_kind(candidate, db_file, progress)


def _restore_either_kind(candidate, db_file, progress) -> Path | None:
    if full_backup.is_full_backup(candidate):
        return full_backup.restore_full_backup(candidate, db_file, progress)
    return backup.restore(candidate, db_file, progress=progress)


def run_restore_drill(candidate: str | Path, current_db: str | Path | None = None, *,
                        keep_in: str | Path | None = None, progress: Progress | None = None) -> RestoreReport:
    """The restore drill (a test restore): restore ``candidate`` into a copy, check and count it, the database untouched.

    The copy is temporary and deleted afterwards, or with ``keep_in`` left in that folder under the
    database's own name (``current_db``'s), ready to be opened.
    """
    name = Path(current_db).name if current_db is not None and keep_in is not None else COPY_NAME
    return restore_drill(candidate, progress, current_db=current_db, keep_in=keep_in, name=name)


def check_database(db, progress: Progress | None = None) -> integrity.Report:
    """The integrity check: SQLite's own, foreign keys, the search index and every stored file."""
    return integrity.check(db, progress)


def relink_missing_files(db, folder: str | Path, progress: Progress | None = None) -> int:
    """Look for missing stored files in ``folder`` (by content) and put them back; returns how many."""
    return integrity.relink_from_folder(db, folder, progress)


def remove_orphaned_files(db) -> int:
    """Delete the stored files no record names; returns how many."""
    return integrity.remove_orphans(db)


def rebuild_search_index(db) -> None:
    """Rebuild the search index from the materials."""
    integrity.rebuild_search(db)


def _file_of(db) -> Path:
    path = db_path(db)
    if path is None:
        raise UserError(_("A database kept only in memory cannot be backed up."))
    return path
