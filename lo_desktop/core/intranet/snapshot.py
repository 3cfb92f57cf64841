"""Publish: a snapshot of the corner shaped for colleagues, written all at once beside the database.

The live database is copied with SQLite's online backup API (the clerk's writes never wait on readers),
then only what a colleague may read goes into the published file ``<db>-intranet/catalog.db``: the
materials outside the Trash with Thai column names, Thai words for stored keys, Buddhist-Era dates, and a
trigram search index. History, settings, borrowers and every other internal table are simply not there.
"""
from __future__ import annotations

import sqlite3
import tempfile
from datetime import date
from pathlib import Path

from lo_desktop.core import thaidate, vocab
from lo_desktop.core.safety.backup import copy_pages
from lo_desktop.core.atomic import write_atomically_by_name
from lo_desktop.i18n import translate

SNAPSHOT_NAME = "catalog.db"  # Datasette names a database by its file: /catalog/materials
TABLE = "materials"
FTS_TABLE = "materials_search"

# (stored column, English heading (Thai through the catalog), how the value is shown)
COLUMNS = (
    ("code", "Code", None), ("title", "Title", None), ("kind", "Kind", "kind"),
    ("format", "Format", "format"), ("source", "Source", "source"), ("status", "Status", "status"),
    ("author", "Author", None), ("topic", "Topic", None), ("tags", "Tags", None),
    ("year", "Year", None), ("fiscal_year", "Fiscal year", None), ("location", "Location", None),
    ("copies", "Copies", None), ("received_on", "Received on", "date"), ("link", "Link", None),
    ("summary", "Summary", None),
)


def heading(english: str) -> str:
    return translate(english, "th")


def snapshot_path(db_file: str | Path) -> Path:
    db_file = Path(db_file)
    return db_file.with_name(db_file.stem + "-intranet") / SNAPSHOT_NAME


def publish_snapshot(db_file: str | Path, target: str | Path | None = None) -> Path:
    """Write the colleagues' catalog from ``db_file`` and return its path (the old one stays until the new
    one is complete)."""
    target = Path(target) if target else snapshot_path(db_file)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".~lo-copy-") as work:
        copy = Path(work) / "copy.db"
        copy_pages(Path(db_file), copy)
        return write_atomically_by_name(target, lambda tmp: _shape(copy, tmp))


def _shape(copy: Path, out: Path) -> None:
    out.unlink(missing_ok=True)
    con = sqlite3.connect(str(out))
    try:
        con.execute("PRAGMA journal_mode = DELETE")
        con.execute("ATTACH DATABASE ? AS live", (str(copy),))
        rows = con.execute(f"SELECT id, {', '.join(c for c, _, _ in COLUMNS)}, search_text FROM live.materials "
                           "WHERE deleted_at IS NULL ORDER BY code").fetchall()
        attachments = con.execute("SELECT a.material_id, a.name, a.size FROM live.attachments a "
                                  "JOIN live.materials m ON m.id = a.material_id WHERE m.deleted_at IS NULL "
                                  "ORDER BY a.material_id, a.name").fetchall()
        con.commit()
        con.execute("DETACH DATABASE live")
        _write_materials(con, rows)
        _write_attachments(con, attachments)
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()


def _write_materials(con: sqlite3.Connection, rows: list) -> None:
    names = ", ".join(f'"{heading(h)}"' for _, h, _ in COLUMNS)
    con.execute(f"CREATE TABLE {TABLE} (id INTEGER PRIMARY KEY, {names})")
    marks = ", ".join("?" * (len(COLUMNS) + 1))
    con.executemany(f"INSERT INTO {TABLE} VALUES ({marks})", ([r[0], *_shown(r[1:-1])] for r in rows))
    con.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(text, tokenize='trigram')")
    con.executemany(f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (?, ?)",
                    ((r[0], searchable(r[-1])) for r in rows))
    for column in ("Kind", "Source", "Location", "Fiscal year"):  # the facets count through these
        con.execute(f'CREATE INDEX "{TABLE}_{column}" ON {TABLE}("{heading(column)}")')


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


def _write_attachments(con: sqlite3.Connection, rows: list) -> None:
    con.execute(f'CREATE TABLE attachments (id INTEGER PRIMARY KEY, material_id INTEGER REFERENCES {TABLE}(id), '
                f'"{heading("File name")}" TEXT, "{heading("Size (bytes)")}" INTEGER)')
    con.executemany("INSERT INTO attachments(material_id, " + f'"{heading("File name")}", "{heading("Size (bytes)")}")'
                    " VALUES (?, ?, ?)", rows)
