"""Write a file all at once or not at all: a temporary file in the target folder, then a rename.

A report is written where the clerk chose. Three things commonly go wrong there, and each must leave
the previous file as it was and no stray temporary file behind: the target is open in Word (Windows
refuses to replace it), the folder may not be written to, or the disk fills up halfway.
Each becomes a UserError with one sentence the clerk can act on. Every file written for the user goes
through here: reports, exports, label PDFs (``write_atomically_by_name``: QPdfWriter opens its file
itself), full backups and exchange packages.
"""
from __future__ import annotations

import errno
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Callable

from lo_desktop.core.errors import UserError
from lo_desktop.i18n import tr

TEMP_PREFIX = ".~lo-"
TEMP_SUFFIX = ".part"
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def write_atomically(path: str | Path, write_fn: Callable[[BinaryIO], None]) -> Path:
    """Call ``write_fn(f)`` on a temporary file beside ``path``, then put it in place; returns the path."""
    return _atomically(path, lambda tmp, target: _fill(tmp, target, write_fn))


def write_atomically_by_name(path: str | Path, write_to: Callable[[Path], None]) -> Path:
    """The same for writers that open the file themselves by name (Qt's QPdfWriter): ``write_to(tmp)``
    fills the temporary file; it is synced and put in place the same way."""
    return _atomically(path, lambda tmp, target: _fill_by_name(tmp, target, write_to))


def _atomically(path: str | Path, fill: Callable[[Path, Path], None]) -> Path:
    target = Path(path).expanduser().resolve()
    _check_target(target)
    tmp = _create_temp(target)
    try:
        fill(tmp, target)
        _replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _check_target(target: Path) -> None:
    if not target.parent.is_dir():
        raise UserError(tr("The folder “{folder}” does not exist.", folder=target.parent))
    if target.is_dir():
        raise UserError(tr("“{path}” is a folder. Choose a file name.", path=target))


def _create_temp(target: Path) -> Path:
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
    except OSError as exc:
        raise _folder_error(exc, target) from None
    os.close(fd)
    _copy_mode(Path(name), target)
    return Path(name)


def _copy_mode(tmp: Path, target: Path) -> None:
    """mkstemp makes a private file (0600); the result gets the old file's mode or the usual default."""
    try:
        mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask()
        os.chmod(tmp, mode)
    except OSError:
        pass  # a file system without modes (FAT, some network shares): nothing to keep


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _fill(tmp: Path, target: Path, write_fn) -> None:
    with _disk_full_said(target), open(tmp, "wb") as f:
        write_fn(f)
        f.flush()
        os.fsync(f.fileno())


def _fill_by_name(tmp: Path, target: Path, write_to) -> None:
    with _disk_full_said(target):
        write_to(tmp)
        with open(tmp, "r+b") as f:  # the writer has closed it; its bytes reach the disk before the rename
            os.fsync(f.fileno())


@contextmanager
def _disk_full_said(target: Path):
    try:
        yield
    except OSError as exc:
        if exc.errno in _DISK_FULL:
            raise UserError(tr("Cannot save “{path}”: the disk is full. Free some space or choose "
                               "another drive.", path=target)) from None
        raise


def _replace(tmp: Path, target: Path) -> None:
    try:
        os.replace(tmp, target)
    except PermissionError:
        # Windows refuses to replace a file another program holds open; elsewhere the file is read-only.
        raise UserError(tr("Cannot save “{path}”: the file is open in another program (such as Word) or "
                           "is read-only. Close it and try again.", path=target)) from None
    except OSError as exc:
        raise _folder_error(exc, target) from None


def _folder_error(exc: OSError, target: Path) -> UserError:
    if exc.errno in _DISK_FULL:
        return UserError(tr("Cannot save “{path}”: the disk is full. Free some space or choose "
                            "another drive.", path=target))
    if isinstance(exc, PermissionError) or exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return UserError(tr("Cannot save in the folder “{folder}”: it is read-only or you may not write "
                            "there. Choose another folder.", folder=target.parent))
    return UserError(tr("Cannot save “{path}”: {reason}", path=target, reason=exc.strerror or exc))
