"""The attachment files of a publication: ``<snapshot folder>/files/<sha256>/<file name>``.

One folder per fingerprint holding the file under the clerk's name: a browser saves it with that name, and
two attachments that share a name never collide. A file is a hard link to the content-addressed store when
the disk allows it (no extra space), else a copy. Only the files of published materials are there, so the
site reaches nothing else of the corner. Files are put in place before the new catalog is, and the ones no
longer published are removed after it (a colleague's open page keeps working until then).
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from lo_desktop.core.files import HASH_FORM, safe_name
from lo_desktop.core.leftovers import part_prefix

FILES_FOLDER = "files"


def files_folder(snapshot: Path) -> Path:
    return Path(snapshot).parent / FILES_FOLDER


def relative_path(sha256: str, name: str) -> str:
    """Where an attachment is published inside the files folder (and, quoted, in its address)."""
    return f"{sha256}/{safe_name(name)}"


def place_files(store: Path, folder: Path, wanted: Iterable[tuple[str, str, int]]) -> set[str]:
    """Put each (sha256, name, size) from the store into ``folder``; returns the relative paths that are
    there now. A file missing from the store, or one the disk refuses, is left out (its name is still
    listed, without a link)."""
    placed = set()
    for sha, name, size in wanted:
        if not HASH_FORM.fullmatch(sha or ""):
            continue  # a fingerprint read from the database is untrusted: it names a folder
        relative = relative_path(sha, name)
        try:
            if _place(Path(store) / sha[:2] / sha, Path(folder) / relative, size):
                placed.add(relative)
        except OSError:
            continue
    return placed


def _place(source: Path, target: Path, size: int) -> bool:
    if target.is_file() and target.stat().st_size == size:
        return True  # published before: the folder is named by the content, so it is the same file
    if not source.is_file():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=part_prefix())
    os.close(fd)
    tmp = Path(name)
    try:
        _link_or_copy(source, tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return True


def _link_or_copy(source: Path, tmp: Path) -> None:
    tmp.unlink()
    try:
        os.link(source, tmp)
    except OSError:  # another drive, FAT, a share without links
        shutil.copyfile(source, tmp)


def prune(folder: Path, keep: set[str]) -> int:
    """Remove what is in ``folder`` but not in ``keep`` (and emptied folders); returns the files removed.
    A file a colleague is downloading on Windows cannot be removed yet: it goes at the next publication."""
    folder = Path(folder)
    removed = 0
    for root, dirs, names in os.walk(folder, topdown=False):
        for name in names:
            path = Path(root) / name
            if path.relative_to(folder).as_posix() not in keep:
                removed += _remove(path)
        for name in dirs:
            try:
                (Path(root) / name).rmdir()
            except OSError:
                pass  # not empty
    return removed


def _remove(path: Path) -> int:
    try:
        path.unlink()
        return 1
    except OSError:
        return 0
