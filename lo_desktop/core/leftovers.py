"""Temporary files a stopped program left behind, found and removed at the next start.

Every copy into the files folder, a backups folder or a restore's folder first writes
``.part-<pid>-…`` and renames it when complete. A program killed halfway (power cut, Task Manager)
leaves that part file: up to the size of the biggest attachment, and a retry into the same folder must
not trip over it. A part file is stale when the program that wrote it (the pid in its name) is no longer
running, or, whatever its name, when nothing has written to it for a day (a pid can be reused).
"""
from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

PREFIX = ".part-"
STALE_AFTER = 24 * 3600  # seconds without a write: abandoned even if its pid runs again
_PID = re.compile(r"^\.part-(\d+)-")


def part_prefix() -> str:
    """The prefix of this program's part files: the pid tells a later start whether the writer is gone."""
    return f"{PREFIX}{os.getpid()}-"


@dataclass
class Cleaned:
    files: int = 0
    size: int = 0  # bytes

    def __iadd__(self, other: "Cleaned") -> "Cleaned":
        self.files += other.files
        self.size += other.size
        return self


def stale_parts(folder: Path) -> list[Path]:
    """The stale part files in ``folder`` and its subfolders (the files folder has one per hash prefix)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    try:
        return sorted(p for p in folder.rglob(f"{PREFIX}*") if _is_stale(p))
    except OSError:
        return []  # a folder that vanished or cannot be read: nothing to clean now


def remove_stale_parts(*folders: Path) -> Cleaned:
    """Delete the stale part files in ``folders``; never raises (cleaning must not stop a start)."""
    cleaned = Cleaned()
    for folder in folders:
        for path in stale_parts(folder):
            try:
                size = path.stat().st_size
                path.unlink()
            except OSError:
                continue  # another program cleaned it first, or it is in use
            cleaned += Cleaned(1, size)
    return cleaned


def _is_stale(path: Path) -> bool:
    try:
        if not path.is_file():
            return False
        age = time.time() - path.stat().st_mtime
    except OSError:
        return False
    match = _PID.match(path.name)
    if match and not _running(int(match.group(1))):
        return True
    return age > STALE_AFTER


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return _running_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: alive
    return True


def _running_on_windows(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
