"""Open the one SQLite file safely.

Before anything writes, the file is inspected read-only: a file that is not SQLite, not ours, damaged or
written by a newer lo-desktop is refused and left exactly as it was.
"""
from __future__ import annotations

import contextlib
import sqlite3
import time
from pathlib import Path
from typing import Callable

from lo_desktop.core.sqlite_lib import sqlite_utils

from lo_desktop.core.errors import DatabaseError, NoDatabase
from lo_desktop.core.migrations import MIGRATIONS, known_migration_names
from lo_desktop.i18n import tr

APPLICATION_ID = 0x4C4F444B  # "LODK": marks a file as an lo-desktop database
SQLITE_HEADER = b"SQLite format 3\x00"
PAGE_SIZE = 8192  # for new databases; older ones keep theirs (restore converts between them)
BUSY_SECONDS = 10  # how long a program waits for another one's write (sqlite3.connect's timeout, busy_timeout)


class Database(sqlite_utils.Database):
    """sqlite-utils' Database whose outermost ``atomic()`` takes the write lock at BEGIN.

    A deferred BEGIN upgrades to a write lock only at the first write; if another program writes at
    that moment SQLite answers "busy" at once instead of waiting. BEGIN IMMEDIATE waits (busy_timeout).

    sqlite-utils' plugins are not loaded: the program uses none, a plugin some other package installed
    must not change how the clerk's database is opened, and looking for them read the metadata of every
    installed package on each start (0.04 s here).
    """

    def __init__(self, conn, **options):
        super().__init__(conn, execute_plugins=False, **options)

    @contextlib.contextmanager
    def atomic(self):
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            with super().atomic():  # a savepoint inside our transaction
                yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")


def open_database(path: str | Path, before_migrate: Callable[[Path], None] | None = None, *, create: bool = True):
    """Open an lo-desktop database and bring its schema up to date; a new one only when ``create``.

    Without ``create`` a missing or empty (0-byte) file is refused with NoDatabase and nothing is made.
    ``before_migrate(path)`` runs when an existing database has pending migrations (a backup hook).
    Returns a ``sqlite_utils.Database``.
    """
    path = Path(path)
    existing = path.exists() and path.stat().st_size > 0
    if existing:
        inspect_existing(path)
    elif not create:
        raise NoDatabase(_missing_message(path), path)
    else:
        _ensure_folder(path)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_SECONDS, check_same_thread=False)
        db = Database(conn)
        if not existing:
            # Materials rows are ~1.5 KB of Thai: 4 KB pages hold two and leave a quarter empty; 8 KB
            # pages make a 100,000-row catalogue 12 % smaller and its import ~15 % faster.
            db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        _apply_pragmas(db)
        if MIGRATIONS.pending(db):
            _migrate(db, path, before_migrate if existing else None)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(_damaged_message(path, exc)) from exc
    return db


def _migrate(db, path: Path, before_migrate) -> None:
    """Apply every pending migration in ONE write transaction, asking again under the lock.

    Two programs opening a new (or older) file at once would otherwise both start migrating, and one could
    see a schema half made (a command failing on "no such table" after its change was saved).
    """
    if before_migrate and MIGRATIONS.applied(db):
        before_migrate(path)
    with db.atomic():  # BEGIN IMMEDIATE: a second program waits here, then finds nothing pending
        if MIGRATIONS.pending(db):
            MIGRATIONS.apply(db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _missing_message(path: Path) -> str:
    if path.exists() and path.is_file():
        return tr("“{path}” is empty (0 bytes): it is not a database, perhaps a copy that did not finish. "
                  "Nothing was changed.", path=path)
    if path.is_dir():
        return tr("“{path}” is a folder, not a database file. Nothing was changed.", path=path)
    return tr("There is no database at “{path}”. Nothing was created.", path=path)


def inspect_existing(path: Path) -> None:
    """Refuse, without writing a byte, a file we must not open."""
    _check_header(path)
    try:
        ro = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            # One snapshot for every question: another program creating this file may commit its schema
            # between two reads, and its tables seen without its mark looked like another program's file.
            ro.execute("BEGIN")
            _check_ownership(ro, path)
        finally:
            ro.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(_damaged_message(path, exc)) from exc


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(tr("Cannot read “{path}”: {reason}", path=path, reason=exc.strerror)) from exc
    if header != SQLITE_HEADER:
        raise DatabaseError(
            tr("“{path}” is not an lo-desktop database (it is not an SQLite file). Nothing was changed.", path=path)
        )


def _check_ownership(ro: sqlite3.Connection, path: Path) -> None:
    app_id = ro.execute("PRAGMA application_id").fetchone()[0]
    tables = {r[0] for r in ro.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if app_id != APPLICATION_ID and (tables - {"_sqlite_migrations"}):
        raise DatabaseError(
            tr("“{path}” is an SQLite file of another program, not an lo-desktop database. Nothing was changed.",
               path=path)
        )
    if "_sqlite_migrations" in tables:
        applied = {r[0] for r in ro.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATIONS.name])}
        if applied - known_migration_names():
            raise DatabaseError(
                tr("“{path}” was written by a newer version of lo-desktop. Install the newer version to open it. "
                   "Nothing was changed.", path=path)
            )


def _apply_pragmas(db) -> None:
    # WAL keeps readers (the window) and the writer from blocking each other; FULL sync makes a
    # committed change survive a power cut on a local disk.
    _use_wal(db)
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")


def _use_wal(db) -> None:
    """Switch the file to WAL (a no-op once it is). Switching needs the file alone for a moment, and when
    another program opens the same new file just then, SQLite answers "locked" at once rather than
    waiting: two programs creating one database together must both succeed, so try again meanwhile."""
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            if db.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal":
                return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() > deadline:
                raise
        if time.monotonic() > deadline:
            return  # still another journal: the file works as it is, and the next opening switches it
        time.sleep(0.01)


def _is_busy(exc: Exception) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _ensure_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            tr("Cannot create the folder “{folder}”: {reason}", folder=path.parent, reason=exc.strerror)) from exc


def _damaged_message(path: Path, exc: Exception) -> str:
    text = str(exc).lower()
    if _is_busy(exc):
        return tr("“{path}” is busy: another program is writing to it. Try again in a moment.", path=path)
    if "unable to open" in text:  # SQLite's words for a folder it cannot create a file in
        return tr("Cannot open or create “{path}”: check that its folder exists and can be written to. "
                  "Nothing was changed.", path=path)
    if "readonly" in text or "read-only" in text:
        return tr("“{path}” cannot be written (read-only). Nothing was changed.", path=path)
    return tr("“{path}” is damaged and cannot be opened ({reason}). Restore it from a backup.",
              path=path, reason=exc)


def db_path(db) -> Path | None:
    """The file behind a database, or None for an in-memory one."""
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row and row[2] else None
