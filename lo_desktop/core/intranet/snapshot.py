"""Publish: a snapshot of the corner shaped for colleagues, written all at once beside the database.

The live database is copied with SQLite's online backup API (the clerk's writes never wait on readers),
then only what a colleague may read goes into the published file ``<db>-intranet/catalog.db``: the
materials outside the Trash with Thai column names, Thai words for stored keys, Buddhist-Era dates, and a
trigram search index. History, settings, borrowers and every other internal table are simply not there.
The code is the materials' primary key, so a material's page is ``/catalog/materials/<code>``; the integer
``id`` stays only to join the search index. Their attachment files go to ``files/`` beside it
(published_files.py), before the new catalog is put in place.
"""
from __future__ import annotations

import sqlite3
import tempfile
from datetime import date
from pathlib import Path

from lo_desktop.core import thaidate, vocab
from lo_desktop.core.atomic import write_atomically_by_name
from lo_desktop.core.intranet.words import thai
from lo_desktop.core.intranet.published_files import files_folder, place_files, prune, relative_path
from lo_desktop.core.safety.backup import copy_pages
from lo_desktop.paths import files_dir

SNAPSHOT_NAME = "catalog.db"  # Datasette names a database by its file: /catalog/materials
TABLE = "materials"
FTS_TABLE = "materials_search"
ATTACHMENTS = "attachments"
ID = "id"  # the search index's key; not shown on the pages

# (stored column, English heading (Thai through the catalog), how the value is shown)
COLUMNS = (
    ("code", "Code", None), ("title", "Title", None), ("kind", "Kind", "kind"),
    ("format", "Format", "format"), ("source", "Source", "source"), ("status", "Status", "status"),
    ("author", "Author", None), ("topic", "Topic", None), ("tags", "Tags", None),
    ("year", "Year", None), ("fiscal_year", "Fiscal year", None), ("location", "Location", None),
    ("copies", "Copies", None), ("received_on", "Received on", "date"), ("link", "Link", None),
    ("summary", "Summary", None),
)


CODE = thai("Code")
# The attachments table: its number, the material's code, the file's name and size, and where the file is
# published inside files/ (empty when the stored file is missing).
NUMBER, MATERIAL, FILE_NAME, FILE_SIZE, FILE_PATH = (
    thai(h) for h in ("No.", "Material", "File name", "Size (bytes)", "Published file"))


def snapshot_path(db_file: str | Path) -> Path:
    db_file = Path(db_file)
    return db_file.with_name(db_file.stem + "-intranet") / SNAPSHOT_NAME


def publish_snapshot(db_file: str | Path, target: str | Path | None = None) -> Path:
    """Write the colleagues' catalog from ``db_file`` and return its path (the old one stays until the new
    one is complete)."""
    target = Path(target) if target else snapshot_path(db_file)
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = files_folder(target)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".~lo-copy-") as work:
        copy = Path(work) / "copy.db"
        copy_pages(Path(db_file), copy)
        attachments = _read_attachments(copy)
        placed = place_files(files_dir(Path(db_file)), folder, {(a[3], a[1], a[2]) for a in attachments})
        path = write_atomically_by_name(target, lambda tmp: _shape(copy, tmp, attachments, placed))
    prune(folder, placed)
    return path


def _read_attachments(copy: Path) -> list:
    """(code, name, size, sha256) of every attachment of a material outside the Trash."""
    con = sqlite3.connect(str(copy))
    try:
        return con.execute("SELECT m.code, a.name, a.size, a.sha256 FROM attachments a "
                           "JOIN materials m ON m.id = a.material_id WHERE m.deleted_at IS NULL "
                           "ORDER BY m.code, a.name, a.id").fetchall()
    finally:
        con.close()


def _shape(copy: Path, out: Path, attachments: list, placed: set[str]) -> None:
    out.unlink(missing_ok=True)
    con = sqlite3.connect(str(out))
    try:
        con.execute("PRAGMA journal_mode = DELETE")
        con.execute("ATTACH DATABASE ? AS live", (str(copy),))
        rows = con.execute(f"SELECT id, {', '.join(c for c, _, _ in COLUMNS)}, search_text FROM live.materials "
                           "WHERE deleted_at IS NULL ORDER BY code").fetchall()
        con.commit()
        con.execute("DETACH DATABASE live")
        _write_materials(con, rows)
        _write_attachments(con, attachments, placed)
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()


def _write_materials(con: sqlite3.Connection, rows: list) -> None:
    # NOCASE like the desktop's codes: a code typed in lower case in the address still finds its page.
    names = ", ".join(f'"{thai(h)}"' + (" TEXT PRIMARY KEY COLLATE NOCASE" if c == "code" else "")
                      for c, h, _ in COLUMNS)
    con.execute(f"CREATE TABLE {TABLE} ({names}, {ID} INTEGER NOT NULL UNIQUE)")
    marks = ", ".join("?" * (len(COLUMNS) + 1))
    con.executemany(f"INSERT INTO {TABLE} VALUES ({marks})", ([*_shown(r[1:-1]), r[0]] for r in rows))
    con.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(text, tokenize='trigram')")
    con.executemany(f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (?, ?)",
                    ((r[0], searchable(r[-1])) for r in rows))
    for column in ("Kind", "Source", "Location", "Fiscal year"):  # the facets count through these
        con.execute(f'CREATE INDEX "{TABLE}_{column}" ON {TABLE}("{thai(column)}")')


def searchable(search_text: str) -> str:
    """The desktop's folded text (Arabic digits) followed by the same text in Thai digits, so a colleague
    finds ๒๕๕๖ and 2556 alike (Datasette passes the search words through unchanged)."""
    thai = thaidate.to_thai_digits(search_text)
    return search_text if thai == search_text else f"{search_text}\n{thai}"


def _shown(values) -> list:
    return [_show(value, how) for value, (_, _, how) in zip(values, COLUMNS)]


def _show(value, how: str | None):
    if how == "date":
        try:
            return thaidate.format_date(date.fromisoformat(value), lang="th") if value else ""
        except ValueError:
            return value
    return vocab.word(how, value, "th") if how and value else value


def _write_attachments(con: sqlite3.Connection, rows: list, placed: set[str]) -> None:
    con.execute(f'CREATE TABLE {ATTACHMENTS} ("{NUMBER}" INTEGER PRIMARY KEY, '
                f'"{MATERIAL}" TEXT REFERENCES {TABLE}("{CODE}") COLLATE NOCASE, "{FILE_NAME}" TEXT, '
                f'"{FILE_SIZE}" INTEGER, "{FILE_PATH}" TEXT)')
    con.execute(f'CREATE INDEX "{ATTACHMENTS}_{MATERIAL}" ON {ATTACHMENTS}("{MATERIAL}")')
    con.executemany(f'INSERT INTO {ATTACHMENTS}("{MATERIAL}", "{FILE_NAME}", "{FILE_SIZE}", "{FILE_PATH}") '
                    "VALUES (?, ?, ?, ?)", (_attachment(row, placed) for row in rows))


def _attachment(row: tuple, placed: set[str]) -> tuple:
    code, name, size, sha = row
    relative = relative_path(sha, name)
    return code, name, size, relative if relative in placed else None
