"""Reading and writing the one-file archives (full backups and exchange packages) safely.

Both are zip files holding one JSON description, optionally ``database.db``, and stored files under
``files/<sha256>``. An archive is untrusted input (it may come on a USB stick from another office): no
entry name is ever used as a path — only the exact names above are accepted and a stored file's path is
derived from its verified hash — declared sizes are bounded before anything is read, every byte is read
with a cap, and every file is hashed before anything is changed. One damaged entry refuses the whole
archive, naming the damaged entries.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lo_desktop.core.errors import UserError
from lo_desktop.core.files import CHUNK, sha256_of
from lo_desktop.core.leftovers import part_prefix
from lo_desktop.core.progress import report
from lo_desktop.i18n import _, tr

FILE_ENTRY = re.compile(r"files/([0-9a-f]{64})")
MB = 1024 * 1024
# Already-compressed content (JPEG, PNG, GIF, WebP/RIFF, PDF, zip-based Office files) is stored as it is.
COMPRESSED_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"RIFF", b"%PDF", b"PK\x03\x04")


@dataclass(frozen=True)
class Limits:
    meta_name: str  # "manifest.json" or "package.json"
    meta_bytes: int
    file_bytes: int
    total_bytes: int
    extra_names: tuple[str, ...] = ()  # other fixed entries allowed ("database.db")
    max_entries: int = 200_000


# ---------------------------------------------------------------- writing

def compression_for(head: bytes) -> int:
    return zipfile.ZIP_STORED if head.startswith(COMPRESSED_MAGIC) else zipfile.ZIP_DEFLATED


def add_json(zf: zipfile.ZipFile, name: str, data: dict) -> None:
    zf.writestr(name, json.dumps(data, ensure_ascii=False, indent=1), zipfile.ZIP_DEFLATED)


def add_stored_file(zf: zipfile.ZipFile, source: Path, sha: str) -> bool:
    """Copy a stored file into ``files/<sha>``, hashing as it goes; False when its content is not ``sha``.

    A file whose content changed in the store must not travel under its old fingerprint: the entry is
    then dropped from the archive again (zip entries cannot be removed, so the check reads first).
    """
    if hash_file(source) != sha:
        return False
    with open(source, "rb") as f:
        head = f.read(8)
        f.seek(0)
        info = zipfile.ZipInfo(f"files/{sha}", date_time=(2000, 1, 1, 0, 0, 0))
        info.compress_type = compression_for(head)
        with zf.open(info, "w", force_zip64=True) as out:
            shutil.copyfileobj(f, out, CHUNK)
    return True


def hash_file(path: Path) -> str:
    return sha256_of(path)


# ---------------------------------------------------------------- reading

class Archive:
    """An opened archive whose names and declared sizes were checked; ``meta`` is its parsed JSON."""

    def __init__(self, path: str | Path, limits: Limits, kind: str):
        self.path, self.limits, self.kind = Path(path).expanduser(), limits, kind
        self.zf = _open_zip(self.path, kind)
        try:
            self.entries = self._checked_entries()
            self.meta = self._read_meta()
        except BaseException:
            self.zf.close()
            raise

    def close(self) -> None:
        self.zf.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def damaged(self, reason: str) -> UserError:
        return UserError(tr("“{name}” is damaged and was refused whole; nothing was changed ({reason}).",
                            name=self.path.name, reason=reason))

    def check_format(self, fmt: str, version: int, not_ours: str, newer: str) -> None:
        """Refuse a file of another kind (``not_ours``: why, as a damage reason) or from a newer version
        (``newer``: the whole sentence)."""
        if self.meta.get("format") != fmt:
            raise self.damaged(not_ours)
        if not isinstance(self.meta.get("version"), int) or self.meta["version"] > version:
            raise UserError(newer)

    def _checked_entries(self) -> dict[str, zipfile.ZipInfo]:
        infos = self.zf.infolist()
        if len(infos) > self.limits.max_entries:
            raise self.damaged(tr("{count} entries is too many", count=len(infos)))
        entries: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            self._check_entry(info, entries)
            entries[info.filename] = info
            total += info.file_size
        if total > self.limits.total_bytes:
            raise UserError(tr("“{name}” would unpack to {size} MB, more than the {limit} MB allowed; it was "
                               "refused.", name=self.path.name, size=total // MB,
                               limit=self.limits.total_bytes // MB))
        if self.limits.meta_name not in entries:
            raise self.damaged(tr("“{entry}” is missing", entry=self.limits.meta_name))
        self.total_bytes = total
        return entries

    def _check_entry(self, info: zipfile.ZipInfo, seen: dict) -> None:
        name = info.filename
        allowed = name == self.limits.meta_name or name in self.limits.extra_names or FILE_ENTRY.fullmatch(name)
        if not allowed:
            raise self.damaged(tr("it holds an entry named “{entry}”, which is not allowed", entry=name[:120]))
        if name in seen:
            raise self.damaged(tr("the entry “{entry}” appears twice", entry=name))
        if stat.S_ISLNK(info.external_attr >> 16) or info.is_dir():
            raise self.damaged(tr("the entry “{entry}” is a link or a folder", entry=name))
        if info.flag_bits & 0x1:
            raise self.damaged(tr("the entry “{entry}” is encrypted", entry=name))
        limit = self.limits.meta_bytes if name == self.limits.meta_name else self.limits.file_bytes
        if name in self.limits.extra_names:
            limit = self.limits.total_bytes
        if info.file_size > limit:
            raise UserError(tr("“{name}” was refused: the entry “{entry}” declares {size} MB, more than the "
                               "{limit} MB allowed.", name=self.path.name, entry=name,
                               size=info.file_size // MB, limit=limit // MB))

    def _read_meta(self) -> dict:
        data = self.read_bytes(self.limits.meta_name)
        try:
            meta = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:  # RecursionError: [[[[…]]]] nested deep
            raise self.damaged(tr("“{entry}” cannot be read", entry=self.limits.meta_name)) from exc
        if not isinstance(meta, dict):
            raise self.damaged(tr("“{entry}” cannot be read", entry=self.limits.meta_name))
        return meta

    def read_bytes(self, name: str) -> bytes:
        chunks = []
        self.copy_entry(name, chunks.append)
        return b"".join(chunks)

    def copy_entry(self, name: str, write) -> str:
        """Stream one entry to ``write`` with its declared size as a hard cap; returns its SHA-256."""
        info = self.entries[name]
        digest, left = hashlib.sha256(), info.file_size
        try:
            with self.zf.open(info) as src:
                while chunk := src.read(min(CHUNK, left + 1)):
                    left -= len(chunk)
                    if left < 0:
                        raise self.damaged(tr("the entry “{entry}” is larger than it says", entry=name))
                    digest.update(chunk)
                    write(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:  # a bad CRC, bad deflate data, cut short
            raise EntryDamaged(name) from exc
        if left != 0:
            raise EntryDamaged(name)
        return digest.hexdigest()

    def file_entries(self) -> list[str]:
        return [n for n in self.entries if FILE_ENTRY.fullmatch(n)]

    def verify(self, expected: dict[str, str], labels: dict[str, str], progress=None) -> None:
        """Hash every entry named in ``expected`` (entry → sha256); refuse naming each damaged entry.

        ``labels`` gives the name a clerk knows an entry by (a photo's file name). Entries the
        description does not list are refused too: they would be unverifiable luggage.
        """
        unlisted = [n for n in self.entries if n != self.limits.meta_name and n not in expected]
        if unlisted:
            raise self.damaged(tr("the entry “{entry}” is not in its list of contents", entry=unlisted[0]))
        missing = [n for n in expected if n not in self.entries]
        bad = []
        done_bytes = 0
        for name, sha in expected.items():
            if name in self.entries:
                try:
                    ok = self.copy_entry(name, _discard) == sha
                except EntryDamaged:
                    ok = False
                if not ok:
                    bad.append(labels.get(name, name))
                done_bytes += self.entries[name].file_size
            report(progress, done_bytes // MB, max(1, self.total_bytes // MB), _("Checking every file…"))
        if bad or missing:
            names = ", ".join(f"“{n}”" for n in bad + [labels.get(m, m) for m in missing])
            raise UserError(tr("“{name}” is damaged and nothing was changed: {entries} do not match their "
                               "recorded fingerprints or are missing.", name=self.path.name, entries=names))

    def place_file(self, folder: Path, sha: str) -> None:
        """Copy ``files/<sha>`` into a content-addressed files folder; an intact copy already there is kept."""
        if f"files/{sha}" not in self.entries or not FILE_ENTRY.fullmatch(f"files/{sha}"):
            raise self.damaged(tr("the file “{entry}” is missing", entry=sha[:80]))
        target = folder / sha[:2] / sha
        if target.is_file() and target.stat().st_size == self.entries[f"files/{sha}"].file_size \
                and hash_file(target) == sha:
            return
        extract_to(self, f"files/{sha}", sha, target)


class EntryDamaged(Exception):
    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


def _discard(_chunk: bytes) -> None:
    pass


def _open_zip(path: Path, kind: str) -> zipfile.ZipFile:
    if not path.is_file():
        raise UserError(tr("The file “{path}” does not exist.", path=path))
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UserError(tr("“{name}” is not a {kind} or is damaged; nothing was changed.",
                           name=path.name, kind=kind)) from exc


def extract_to(archive: Archive, name: str, sha: str, target: Path) -> None:
    """Write one entry to ``target`` atomically, checking its hash again as it is written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=part_prefix())  # a killed copy: core/leftovers.py
    try:
        with os.fdopen(fd, "wb") as out:
            written = archive.copy_entry(name, out.write)
            out.flush()
            os.fsync(out.fileno())
        if written != sha:
            raise UserError(tr("“{name}” changed while it was being read; nothing was changed.",
                               name=archive.path.name))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_zip(f: BinaryIO) -> zipfile.ZipFile:
    return zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
