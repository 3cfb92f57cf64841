"""The schema, as named sqlite-utils migrations applied in order, each in its own transaction.

Never edit a migration that has shipped: add a new one at the end. A database that has applied a
migration this version does not know was written by a newer version and is refused (see db.py).
"""
from __future__ import annotations

from sqlite_utils import Migrations

MIGRATIONS = Migrations("lo_desktop")


def known_migration_names() -> set[str]:
    return {m.name for m in MIGRATIONS._migrations}


def run_statements(db, *statements: str) -> None:
    """Run DDL one statement at a time: executescript() would COMMIT the migration's transaction."""
    for statement in statements:
        db.execute(statement)


@MIGRATIONS(name="0001_initial")
def m0001_initial(db) -> None:
    run_statements(
        db,
        """
        CREATE TABLE materials (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            code TEXT NOT NULL UNIQUE COLLATE NOCASE,
            title TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'other',
            format TEXT NOT NULL DEFAULT 'physical',
            source TEXT NOT NULL DEFAULT 'other',
            topic TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            year INTEGER,
            summary TEXT NOT NULL DEFAULT '',
            location TEXT NOT NULL DEFAULT '',
            copies INTEGER NOT NULL DEFAULT 1,
            link TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'available',
            received_on TEXT,
            fiscal_year INTEGER,
            origin TEXT NOT NULL DEFAULT '',
            search_text TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        )
        """,
        """
        CREATE TABLE attachments (
            id INTEGER PRIMARY KEY,
            material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            added_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )
        """,
        # Trigram FTS over the normalised search text (Thai digits and case folded), kept in step
        # with the materials table by triggers so that no writer can forget it.
        """
        CREATE VIRTUAL TABLE materials_fts USING fts5(
            search_text, content='materials', content_rowid='id', tokenize='trigram'
        )
        """,
        """
        CREATE TRIGGER materials_fts_insert AFTER INSERT ON materials BEGIN
            INSERT INTO materials_fts(rowid, search_text) VALUES (new.id, new.search_text);
        END
        """,
        """
        CREATE TRIGGER materials_fts_delete AFTER DELETE ON materials BEGIN
            INSERT INTO materials_fts(materials_fts, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
        END
        """,
        """
        CREATE TRIGGER materials_fts_update AFTER UPDATE OF search_text ON materials BEGIN
            INSERT INTO materials_fts(materials_fts, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
            INSERT INTO materials_fts(rowid, search_text) VALUES (new.id, new.search_text);
        END
        """,
        "CREATE INDEX materials_kind ON materials(kind)",
        "CREATE INDEX materials_source ON materials(source)",
        "CREATE INDEX materials_status ON materials(status)",
        "CREATE INDEX materials_location ON materials(location)",
        "CREATE INDEX materials_fiscal_year ON materials(fiscal_year)",
        "CREATE INDEX materials_deleted ON materials(deleted_at)",
        "CREATE INDEX attachments_material ON attachments(material_id)",
        "CREATE INDEX attachments_sha256 ON attachments(sha256)",
    )
