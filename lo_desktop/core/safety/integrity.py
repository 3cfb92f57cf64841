"""The integrity check: is the database sound, and is every file it names present and unchanged?

``check(db)`` looks at SQLite's own integrity_check, the foreign keys, the search index, every stored
file a record names (present, and its content still has the SHA-256 it is stored under) and the files in
the managed folder that no record names (orphans). Each problem is one plain sentence, and says which
repair applies: re-link a moved file (``relink_from_folder``), remove orphans
(``remove_orphans``) or rebuild the search index (``rebuild_search``).
"""
from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from lo_desktop.core.errors import UserError
from lo_desktop.core.files import folder as files_folder
from lo_desktop.core.files import sha256_of, store_file, stored_path
from lo_desktop.core.leftovers import PREFIX as PART_PREFIX
from lo_desktop.core.leftovers import remove_stale_parts, stale_parts
from lo_desktop.core.progress import Progress, report
from lo_desktop.i18n import _, tr

# Every column that names a stored file: (table, hash column, name column, owner column).
FILE_REFERENCES = (
    ("attachments", "sha256", "name", "material_id"),
    ("session_photos", "sha256", "name", "session_id"),
    ("exchange_sessions", "attendance_sha256", "attendance_name", "id"),
    ("channels", "evidence_sha256", "evidence_name", "id"),
)
SHOWN_LIMIT = 20
SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass
class Problem:
    kind: str  # damaged, foreign_key, search_index, missing, changed, orphan, leftover
    text: str
    repair: str = ""  # relink, remove_orphan, rebuild_search, restore_backup; "" when none applies
    sha256: str = ""
    path: Path | None = None


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def of_kind(self, *kinds: str) -> list[Problem]:
        return [p for p in self.problems if p.kind in kinds]

    def summary(self) -> str:
        if self.ok:
            return tr("The database is sound: {files} stored files checked, no problems.", files=self.files_checked)
        return tr("{count} problems found ({files} stored files checked).", count=len(self.problems),
                  files=self.files_checked)


def check(db, progress: Progress | None = None) -> Report:
    result = Report()
    result.problems += _sqlite_problems(db)
    if result.of_kind("damaged"):
        return result  # reading further from a damaged file proves nothing
    result.problems += _foreign_key_problems(db)
    result.problems += _search_index_problems(db)
    if _has_file_folder(db):
        referenced = referenced_files(db)
        result.problems += _file_problems(db, referenced, result, progress)
        result.problems += [Problem("orphan", tr("“{name}” in the files folder belongs to no record.",
                                                 name=p.name), "remove_orphan", path=p)
                            for p in orphans(db, referenced)]
        result.problems += [Problem("leftover", tr("“{name}” is an unfinished copy ({size} MB) left by a program "
                                                   "that was stopped.", name=p.name, size=_megabytes(p)),
                                    "remove_orphan", path=p) for p in stale_parts(files_folder(db))]
    return result


def _megabytes(path: Path) -> str:
    try:
        return f"{path.stat().st_size / 1024 / 1024:,.1f}"
    except OSError:
        return "0"


def _has_file_folder(db) -> bool:
    from lo_desktop.core.db import db_path

    return db_path(db) is not None


def _sqlite_problems(db) -> list[Problem]:
    try:
        rows = [r[0] for r in db.execute(f"PRAGMA integrity_check({SHOWN_LIMIT})").fetchall()]
    except sqlite3.DatabaseError as exc:  # damaged past what integrity_check itself can read
        rows = [str(exc)]
    if rows == ["ok"]:
        return []
    return [Problem("damaged", tr("The database file is damaged: {detail}", detail=text), "restore_backup")
            for text in rows]


def _foreign_key_problems(db) -> list[Problem]:
    rows = db.execute("PRAGMA foreign_key_check").fetchall()
    return [Problem("foreign_key", tr("Row {row} of “{table}” points to a “{parent}” that does not exist.",
                                      row=r[1], table=r[0], parent=r[2])) for r in rows[:SHOWN_LIMIT]]


def _search_index_problems(db) -> list[Problem]:
    try:
        db.execute("INSERT INTO materials_fts(materials_fts, rank) VALUES ('integrity-check', 1)")
    except Exception:  # noqa: BLE001 - sqlite3 reports a corrupt FTS index as a generic error
        return [Problem("search_index", _("The search index does not match the catalog."), "rebuild_search")]
    return []


def referenced_files(db) -> dict[str, str]:
    """SHA-256 → the name a record gives it, for every stored file some record names."""
    tables = set(db.table_names())
    named: dict[str, str] = {}
    for table, sha_col, name_col, _owner in FILE_REFERENCES:
        if table in tables:
            for sha, name in db.execute(f"SELECT {sha_col}, {name_col} FROM {table} WHERE {sha_col} != ''"):
                named.setdefault(sha, name)
    return named


def _file_problems(db, referenced: dict[str, str], result: Report, progress) -> list[Problem]:
    problems = []
    checked = 0
    for done, (sha, name) in enumerate(sorted(referenced.items()), 1):
        path = stored_path(db, sha) if SHA256.fullmatch(sha) else None  # a forged hash never leaves the folder
        if path is None or not path.is_file():
            problems.append(Problem("missing", tr("The file “{name}” is missing from the files folder.", name=name),
                                    "relink", sha, path))
        elif sha256_of(path) != sha:
            problems.append(Problem("changed", tr("The file “{name}” was changed or damaged in the files folder.",
                                                  name=name), "relink", sha, path))
        checked += path is not None
        result.files_checked = checked
        report(progress, done, len(referenced), _("Checking stored files…"))
    return problems


def orphans(db, referenced: dict[str, str] | None = None) -> list[Path]:
    """Files in the managed folder no record names. Part files are not: one may be a copy another program
    is making right now; a stopped program's are ``leftovers.stale_parts``."""
    referenced = referenced_files(db) if referenced is None else referenced
    root = files_folder(db)
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*")
                  if p.is_file() and p.name not in referenced and not p.name.startswith(PART_PREFIX))


# ---------------------------------------------------------------- repairs

def remove_orphans(db) -> int:
    """Delete the orphaned files (each checked again just before); returns how many were removed."""
    removed = remove_stale_parts(files_folder(db)).files
    for path in orphans(db):
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass
    _remove_empty_folders(files_folder(db))
    return removed


def _remove_empty_folders(root: Path) -> None:
    if root.is_dir():
        for sub in root.iterdir():
            if sub.is_dir() and not any(sub.iterdir()):
                sub.rmdir()


def relink_from_folder(db, search_folder: str | Path, progress: Progress | None = None) -> int:
    """Look through a folder (and its subfolders) for the missing or changed files; returns how many came back."""
    wanted = {p.sha256 for p in check(db).of_kind("missing", "changed")}
    search_folder = Path(search_folder).expanduser()
    if not search_folder.is_dir():
        raise UserError(tr("The folder “{folder}” does not exist.", folder=search_folder))
    candidates = [Path(root) / name for root, _dirs, names in os.walk(search_folder) for name in names]
    found = 0
    for done, path in enumerate(candidates, 1):
        report(progress, done, len(candidates), _("Looking for the missing files…"))
        sha = _readable_hash(path) if wanted else ""
        if sha in wanted:
            _put_back(db, path)
            wanted.discard(sha)
            found += 1
    return found


def _readable_hash(path: Path) -> str:
    try:
        return sha256_of(path)
    except OSError:
        return ""


def _put_back(db, path: Path) -> None:
    sha = sha256_of(path)
    stored_path(db, sha).unlink(missing_ok=True)  # a changed copy is replaced by the true one
    store_file(db, path)


def rebuild_search(db) -> None:
    with db.atomic():
        db.execute("INSERT INTO materials_fts(materials_fts) VALUES ('rebuild')")
