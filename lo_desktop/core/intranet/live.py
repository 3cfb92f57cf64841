"""The newest publication, served without a restart.

``lo-desktop publish`` replaces ``catalog.db`` all at once. Before each request the site looks at the file
(its inode, size and modification time); when it changed, a private copy of the new file is opened as
Datasette's ``catalog`` database in place of the old one. The site never holds ``catalog.db`` itself open:
Windows refuses to replace a file SQLite has open, so a running server would make every publication fail.

Datasette caches a thread's connection by the database's *name*, which stays ``catalog``; each generation
here keeps its own connections instead, and the old generation's are closed (and its copy removed) when the
last request that began with it has finished.
"""
from __future__ import annotations

import asyncio
import itertools
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from datasette.database import Database

NAME = "catalog"
_threads = threading.local()  # per executor thread: {generation key: (database, connection)}
_keys = itertools.count(1)  # a generation's key is never reused in the process


class SnapshotDatabase(Database):
    """An immutable Datasette database whose pooled connections belong to this one copy of the file."""

    def __init__(self, ds, path: Path, key: str):
        super().__init__(ds, path=str(path), is_mutable=False)
        self.key = key
        self.closed = False

    async def execute_fn(self, fn):
        if self.ds.executor is None:  # Datasette's single-threaded mode keeps one connection per object
            return await super().execute_fn(fn)
        return await asyncio.get_running_loop().run_in_executor(self.ds.executor, self._in_thread, fn)

    def _in_thread(self, fn):
        mine = getattr(_threads, "connections", None)
        if mine is None:
            mine = _threads.connections = {}
        entry = mine.get(self.key)
        if entry is None or entry[0] is not self:
            for key in [key for key, (database, _) in mine.items() if database.closed]:
                del mine[key]  # left by generations already closed
            conn = self.connect()
            self.ds._prepare_connection(conn, self.name)
            entry = mine[self.key] = (self, conn)
        return fn(entry[1])

    def close(self) -> None:
        self.closed = True
        super().close()


@dataclass
class Generation:
    db: SnapshotDatabase
    copy: Path
    stamp: tuple
    number: int
    users: int = 0  # requests that may read it: begun with it, or running when it came


def stamp_of(stat: os.stat_result) -> tuple:
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


@dataclass
class LiveSnapshot:
    """Keeps ``ds.databases["catalog"]`` on the newest ``published`` file."""
    ds: object
    published: Path
    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="lo-intranet-")))
    current: Generation | None = None
    old: list = field(default_factory=list)
    count: int = 0
    in_flight: int = 0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def load(self) -> None:
        """Open the published file now (before serving)."""
        self._swap(*self._copy())

    async def enter(self) -> Generation:
        """At the start of a request: the newest generation, counted as in use until ``leave``. A request
        looks the database up a little later, so a generation that comes meanwhile counts it too."""
        if self._changed():
            async with self.lock:
                if self._changed():
                    await self._refresh()
        self.in_flight += 1
        self.current.users += 1
        return self.current

    async def _refresh(self) -> None:
        try:
            copied = await asyncio.to_thread(self._copy)
        except OSError:
            return  # no room for the copy, or the file vanished: keep serving the last one, try again later
        self._swap(*copied)

    def leave(self, started: Generation) -> None:
        self.in_flight -= 1
        for generation in [*self.old, self.current]:
            if generation.number >= started.number:
                generation.users -= 1
        self._reap()

    def published_at(self) -> datetime:
        return datetime.fromtimestamp(self.current.stamp[2] / 1e9)

    def close(self) -> None:
        for generation in [*self.old, self.current]:
            if generation:
                generation.db.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _changed(self) -> bool:
        try:
            return stamp_of(os.stat(self.published)) != self.current.stamp
        except OSError:
            return False  # removed or being replaced: keep serving what is open

    def _copy(self) -> tuple[Path, tuple]:
        """A private copy of the published file and the stamp of exactly the bytes copied (the file is
        replaced, never written in place, so the open handle reads one publication)."""
        self.count += 1
        copy = self.folder / f"catalog-{self.count}.db"
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            with open(self.published, "rb") as source, open(copy, "wb") as target:
                stamp = stamp_of(os.fstat(source.fileno()))
                shutil.copyfileobj(source, target, 1 << 20)
        except BaseException:
            copy.unlink(missing_ok=True)
            raise
        return copy, stamp

    def _swap(self, copy: Path, stamp: tuple) -> None:
        db = SnapshotDatabase(self.ds, copy, key=f"{NAME}#{next(_keys)}")
        if NAME in self.ds.databases:
            self.ds.remove_database(NAME)
        self.ds.add_database(db, name=NAME)
        if self.current:
            self.old.append(self.current)
        self.current = Generation(db, copy, stamp, number=self.count, users=self.in_flight)
        self._reap()

    def _reap(self) -> None:
        for generation in [g for g in self.old if g.users <= 0]:
            generation.db.close()
            try:
                generation.copy.unlink()
            except OSError:
                continue  # still open somewhere on Windows: the folder goes at close()
            self.old.remove(generation)
