"""One running program per database: a lock file beside it, held with a real operating-system lock.

The lock is taken on an open handle (fcntl.flock on Linux and macOS, msvcrt.locking on Windows), so when
the program ends in any way (a crash, a power cut, the task manager) the system releases it and the next
start takes it over: a lock file left behind is recognised as stale because nobody holds its lock. The
file itself records who holds it (process id, computer name, start time) so that a second start can say
so. The file is never deleted: deleting it while another program waits for it would let two hold it.
"""
from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lo_desktop.core.errors import UserError
from lo_desktop.i18n import tr

SUFFIX = ".lock"
LOCK_OFFSET = 1 << 20  # Windows locks bytes: lock one far past the text so others can still read it


@dataclass
class Holder:
    pid: int = 0
    host: str = ""
    started: str = ""


class AlreadyOpen(UserError):
    """Another running program holds the database."""

    def __init__(self, path: Path, holder: Holder):
        self.path, self.holder = path, holder
        where = holder.host if holder.host and holder.host != socket.gethostname() else ""
        if where:
            text = tr("“{name}” is already open in lo-desktop on the computer {host}. Close it there first.",
                      name=path.name, host=where)
        else:
            text = tr("“{name}” is already open in another lo-desktop window.", name=path.name)
        super().__init__(text)


def lock_path(db_file: Path) -> Path:
    db_file = Path(db_file)
    return db_file.with_name(db_file.name + SUFFIX)


class DatabaseLock:
    """``acquire()`` or raise AlreadyOpen; ``release()`` (or the end of the process) lets go."""

    def __init__(self, db_file: str | Path):
        self.db_file = Path(db_file)
        self.path = lock_path(self.db_file)
        self._handle = None
        self.stale: Holder | None = None  # who held it before a crash, when the lock was left behind

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> "DatabaseLock":
        if self.held:
            return self
        handle = self._open()
        if not _try_lock(handle):
            holder = _read_holder(self.path)
            handle.close()
            raise AlreadyOpen(self.db_file, holder)
        previous = _read_holder(self.path)
        self.stale = previous if previous.pid else None
        _write_holder(handle)
        self._handle = handle
        return self

    def _open(self):
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return open(self.path, "a+b")
        except OSError as exc:
            raise UserError(tr("Cannot use “{path}”: {reason}", path=self.path, reason=exc.strerror)) from exc

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            self._handle.seek(0)
            self._handle.truncate()  # an empty lock file: nobody holds it, nothing to call stale
            self._handle.flush()
            _unlock(self._handle)
        except OSError:
            pass
        finally:
            self._handle.close()
            self._handle = None

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc_info):
        self.release()


def holder_of(db_file: str | Path) -> Holder | None:
    """Who holds the database now, or None when nobody does (whatever the lock file says)."""
    path = lock_path(Path(db_file))
    if not path.exists():
        return None
    with open(path, "a+b") as handle:
        if _try_lock(handle):
            _unlock(handle)
            return None
    return _read_holder(path)


def _write_holder(handle) -> None:
    info = {"pid": os.getpid(), "host": socket.gethostname(),
            "started": datetime.now().astimezone().isoformat(timespec="seconds")}
    handle.seek(0)
    handle.truncate()
    handle.write(json.dumps(info).encode("utf-8"))
    handle.flush()


def _read_holder(path: Path) -> Holder:
    try:
        info = json.loads(path.read_text(encoding="utf-8") or "{}")
        return Holder(int(info.get("pid", 0)), str(info.get("host", "")), str(info.get("started", "")))
    except (OSError, ValueError, TypeError, AttributeError):
        return Holder()


if os.name == "nt":
    import msvcrt

    def _try_lock(handle) -> bool:
        handle.seek(LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle) -> None:
        handle.seek(LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(handle) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
