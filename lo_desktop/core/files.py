"""The managed folder beside a database: attachments and photos stored by content hash.

A stored file's path is derived only from its SHA-256, never from the name the user gave it, so no
name (``..``, an absolute path, a reserved Windows name) can write outside the folder. Identical
files are stored once.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from pathlib import Path

from lo_desktop.core.db import db_path
from lo_desktop.core.errors import UserError
from lo_desktop.core.leftovers import part_prefix
from lo_desktop.i18n import tr
from lo_desktop.paths import files_dir

CHUNK = 1 << 20
HASH_FORM = re.compile(r"[0-9a-f]{64}")


def folder(db) -> Path:
    path = db_path(db)
    if path is None:
        raise UserError(tr("This database is in memory and cannot hold files."))
    return files_dir(path)


def stored_path(db, sha256: str) -> Path:
    # A hash read from a database (or a package) is untrusted: only 64 hex digits name a file.
    if not HASH_FORM.fullmatch(sha256 or ""):
        raise UserError(tr("“{value}” is not a stored file's fingerprint.", value=str(sha256)[:80]))
    return folder(db) / sha256[:2] / sha256


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def store_file(db, source: str | Path) -> tuple[str, int]:
    """Copy a file into the managed folder; returns (sha256, size). Atomic: no half-copied file."""
    source = Path(source)
    if not source.is_file():
        raise UserError(tr("The file “{path}” does not exist.", path=source))
    sha = sha256_of(source)
    target = stored_path(db, sha)
    if not target.exists():
        _copy_atomically(source, target)
    return sha, source.stat().st_size


def _copy_atomically(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(source, "rb") as src:
        _write_atomically(target, lambda f: shutil.copyfileobj(src, f, CHUNK))


def _write_atomically(target: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=part_prefix())  # a killed copy: core/leftovers.py
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def safe_name(name: str) -> str:
    """A display/export file name without folders or characters Windows refuses."""
    base = Path(name.replace("\\", "/")).name.strip(" .") or "file"
    base = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in base)
    stem = base.split(".")[0].upper()
    reserved = {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(1, 10)} | {f"LPT{i}" for i in range(1, 10)}
    return "_" + base if stem in reserved else base
