"""Insert many prepared material rows at once (an import): one transaction, the search index filled
in stages while the next rows are prepared.

Preparing a row is Python (reading the sheet again, completing the material, its search text);
indexing a stage is one SQLite statement that runs without Python's interpreter lock. So while
SQLite indexes one stage, a helper thread prepares the next one, and a 100,000-row import uses
both cores of the clerk's PC (−1 to −2 s of ~7 s here). Only the caller's thread touches the
connection: the helper takes rows from ``rows`` and nothing else, and only while the caller is in
the index statement, so the two never wait for each other's lock row by row (a producer thread
running beside ``executemany`` made an import slower).
"""
from __future__ import annotations

import contextlib
import itertools
import queue
import sqlite3
import threading
from collections.abc import Iterable, Iterator

from lo_desktop.core.progress import report

INDEX_TRIGGER = "materials_fts_insert"
FTS_HASH_BYTES = 16 * 1024 * 1024  # pending index data before FTS5 writes a segment (1 MB by default)
IMPORT_CACHE_KB = 16 * 1024  # 64 MB was no faster at 100,000 rows and a fifth of the import's memory
BATCH_ROWS = 2000  # rows per executemany
STAGE_ROWS = 10_000  # rows indexed by one statement; ~15 MB of prepared rows held at a time


def insert_many(db, columns: tuple[str, ...], rows: Iterable[tuple], progress=None, total: int | None = None) -> int:
    """Insert prepared material rows (values in ``columns`` order) in one transaction, taking them from
    ``rows`` as they come (``total`` is how many there will be, for progress). Returns how many.

    The index's insert trigger is set aside inside the transaction (a rollback brings it back): per row
    it costs more than the row itself, and FTS5 would flush after every statement.
    """
    sql = f"INSERT INTO materials ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KB}")  # while the codes go into their indexes
    try:
        with db.atomic():
            trigger = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                 [INDEX_TRIGGER]).fetchone()[0]
            db.execute(f"DROP TRIGGER {INDEX_TRIGGER}")
            count = _insert_stages(db, sql, iter(rows), progress, total)
            db.execute(trigger)
        return count
    finally:
        db.execute(f"PRAGMA cache_size = {int(cache)}")


def _insert_stages(db, sql: str, rows: Iterator[tuple], progress, total: int | None) -> int:
    count = 0
    with _Ahead(rows, STAGE_ROWS) as ahead, _index_settings(db):
        stage = ahead.take()
        while stage:
            last_id = db.execute("SELECT COALESCE(MAX(id), 0) FROM materials").fetchone()[0]
            for start in range(0, len(stage), BATCH_ROWS):
                db.conn.executemany(sql, stage[start:start + BATCH_ROWS])
                count += min(BATCH_ROWS, len(stage) - start)
                report(progress, count, max(total or 0, count))
            del stage
            ahead.ask()  # the next stage is prepared while this one is indexed
            _index_new_rows(db, last_id)
            stage = ahead.take()
    return count


def _index_new_rows(db, last_id: int) -> None:
    """One statement fills the index for every row above ``last_id``."""
    db.execute("INSERT INTO materials_fts(rowid, search_text) SELECT id, search_text FROM materials_live_text "
               "WHERE id > ?", [last_id])


@contextlib.contextmanager
def _index_settings(db):
    """Few, large index segments while the stages go in, no merging meanwhile (it resumes after; on an
    error the transaction is rolled back, and the stored settings with it)."""
    _configure_index(db, "automerge", 0)
    larger_hash = _configure_index(db, "hashsize", FTS_HASH_BYTES)
    yield
    if larger_hash:
        _configure_index(db, "hashsize", 1024 * 1024)
    _configure_index(db, "automerge", 4)


def _configure_index(db, option: str, value: int) -> bool:
    """Set an FTS5 option; False when this SQLite does not know it (the import is then only slower)."""
    try:
        db.execute("INSERT INTO materials_fts(materials_fts, rank) VALUES (?, ?)", [option, value])
    except sqlite3.OperationalError:
        return False
    return True


class _Ahead:
    """The next ``size`` rows of ``rows``, taken by a helper thread when asked. The first stage is
    asked for at once; whatever taking rows raises (a cancel, a bad cell) is raised by ``take``."""

    def __init__(self, rows: Iterator[tuple], size: int):
        self.rows, self.size = rows, size
        self.asked: queue.SimpleQueue[bool] = queue.SimpleQueue()
        self.ready: queue.SimpleQueue[tuple[list, BaseException | None]] = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._run, name="import-rows", daemon=True)

    def __enter__(self):
        self.thread.start()
        self.ask()
        return self

    def __exit__(self, *exc) -> None:
        self.asked.put(False)
        self.thread.join()

    def ask(self) -> None:
        self.asked.put(True)

    def take(self) -> list[tuple]:
        stage, error = self.ready.get()
        if error is not None:
            raise error
        return stage

    def _run(self) -> None:
        while self.asked.get():
            try:
                self.ready.put((list(itertools.islice(self.rows, self.size)), None))
            except BaseException as exc:  # handed to the caller's thread, which raises it
                self.ready.put(([], exc))
