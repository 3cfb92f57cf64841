"""The schema, as named sqlite-utils migrations applied in order, each in its own transaction.

Never edit a migration that has shipped: add a new one at the end. A database that has applied a
migration this version does not know was written by a newer version and is refused (see db.py).
"""
from __future__ import annotations

from lo_desktop.core.sqlite_lib import Migrations

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
        # Non-empty only inside a bulk import's transaction: row triggers then leave the index to one
        # INSERT … SELECT at the end (FTS5 flushes to disk after every triggered statement).
        "CREATE TABLE bulk_load (active INTEGER NOT NULL)",
        # Trigram FTS over the normalised search text (Thai digits and case folded: so the tokenizer need
        # not fold case again, 12 % faster to build) of the materials
        # outside the Trash, kept in step by triggers so that no writer can forget it. Keeping the
        # Trash out lets a search count its matches from the index alone.
        """
        CREATE VIRTUAL TABLE materials_fts USING fts5(
            search_text, content='materials', content_rowid='id', tokenize='trigram case_sensitive 1'
        )
        """,
        """
        CREATE TRIGGER materials_fts_insert AFTER INSERT ON materials
        WHEN new.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM bulk_load) BEGIN
            INSERT INTO materials_fts(rowid, search_text) VALUES (new.id, new.search_text);
        END
        """,
        """
        CREATE TRIGGER materials_fts_delete AFTER DELETE ON materials WHEN old.deleted_at IS NULL BEGIN
            INSERT INTO materials_fts(materials_fts, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
        END
        """,
        """
        CREATE TRIGGER materials_fts_unindex AFTER UPDATE OF search_text, deleted_at ON materials
        WHEN old.deleted_at IS NULL BEGIN
            INSERT INTO materials_fts(materials_fts, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
        END
        """,
        """
        CREATE TRIGGER materials_fts_reindex AFTER UPDATE OF search_text, deleted_at ON materials
        WHEN new.deleted_at IS NULL BEGIN
            INSERT INTO materials_fts(rowid, search_text) VALUES (new.id, new.search_text);
        END
        """,
        # Live materials in code order, covering: a text search walks it instead of sorting matches.
        "CREATE INDEX materials_live_code ON materials(deleted_at, code)",
        # Only the selective filter columns are indexed: kind, source, format and status have a handful of
        # values each, where an index rarely beats a scan and slows every insert (-40 % on an import).
        "CREATE INDEX materials_location ON materials(location)",
        "CREATE INDEX materials_fiscal_year ON materials(fiscal_year)",
        "CREATE INDEX attachments_material ON attachments(material_id)",
        "CREATE INDEX attachments_sha256 ON attachments(sha256)",
    )


@MIGRATIONS(name="0002_indicator")
def m0002_indicator(db) -> None:
    """Indicator 4.1 records: partner agencies, exchange sessions, distribution channels, CoPs."""
    run_statements(
        db,
        """
        CREATE TABLE agencies (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            short_name TEXT NOT NULL DEFAULT ''
        )
        """,
        """
        CREATE TABLE exchange_sessions (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            held_on TEXT NOT NULL,
            start_time TEXT NOT NULL DEFAULT '',
            end_time TEXT NOT NULL DEFAULT '',
            place TEXT NOT NULL DEFAULT '',
            host TEXT NOT NULL DEFAULT '',
            topic TEXT NOT NULL,
            format TEXT NOT NULL DEFAULT 'visit',
            agenda TEXT NOT NULL DEFAULT '',
            learnings_ours TEXT NOT NULL DEFAULT '',
            learnings_theirs TEXT NOT NULL DEFAULT '',
            follow_up TEXT NOT NULL DEFAULT '',
            attendance_sha256 TEXT NOT NULL DEFAULT '',
            attendance_name TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        )
        """,
        # RESTRICT: an agency that sessions name cannot disappear from under them.
        """
        CREATE TABLE session_partners (
            session_id INTEGER NOT NULL REFERENCES exchange_sessions(id) ON DELETE CASCADE,
            agency_id INTEGER NOT NULL REFERENCES agencies(id) ON DELETE RESTRICT,
            sort_order INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (session_id, agency_id)
        )
        """,
        """
        CREATE TABLE session_participants (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES exchange_sessions(id) ON DELETE CASCADE,
            sort_order INTEGER NOT NULL DEFAULT 0,
            name TEXT NOT NULL,
            position TEXT NOT NULL DEFAULT '',
            agency TEXT NOT NULL DEFAULT ''
        )
        """,
        """
        CREATE TABLE session_headcounts (
            session_id INTEGER NOT NULL REFERENCES exchange_sessions(id) ON DELETE CASCADE,
            agency TEXT NOT NULL,
            headcount INTEGER NOT NULL CHECK (headcount >= 0),
            PRIMARY KEY (session_id, agency)
        )
        """,
        """
        CREATE TABLE session_photos (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES exchange_sessions(id) ON DELETE CASCADE,
            sort_order INTEGER NOT NULL DEFAULT 0,
            sha256 TEXT NOT NULL,
            name TEXT NOT NULL,
            caption TEXT NOT NULL DEFAULT ''
        )
        """,
        """
        CREATE TABLE session_materials (
            session_id INTEGER NOT NULL REFERENCES exchange_sessions(id) ON DELETE CASCADE,
            material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
            PRIMARY KEY (session_id, material_id)
        )
        """,
        """
        CREATE TABLE channels (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
            channel TEXT NOT NULL,
            distributed_on TEXT,
            evidence_link TEXT NOT NULL DEFAULT '',
            evidence_sha256 TEXT NOT NULL DEFAULT '',
            evidence_name TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE communities (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE community_members (
            community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
            sort_order INTEGER NOT NULL DEFAULT 0,
            name TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE community_materials (
            community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
            material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
            PRIMARY KEY (community_id, material_id)
        )
        """,
        "CREATE INDEX exchange_sessions_held_on ON exchange_sessions(held_on)",
        "CREATE INDEX session_partners_agency ON session_partners(agency_id)",
        "CREATE INDEX session_participants_session ON session_participants(session_id)",
        "CREATE INDEX session_photos_session ON session_photos(session_id)",
        "CREATE INDEX session_materials_material ON session_materials(material_id)",
        "CREATE INDEX channels_material ON channels(material_id)",
        "CREATE INDEX channels_distributed_on ON channels(distributed_on)",
        "CREATE INDEX community_members_community ON community_members(community_id)",
        "CREATE INDEX community_materials_material ON community_materials(material_id)",
    )


@MIGRATIONS(name="0003_labels")
def m0003_labels(db) -> None:
    run_statements(
        db,
        # The clerk's own sheets, kept with the database; ``definition`` is the sheet as JSON (mm).
        """
        CREATE TABLE label_sheets (
            id TEXT PRIMARY KEY,
            definition TEXT NOT NULL
        )
        """,
        # One row per material each time its label is printed: "not yet labelled" reads this.
        """
        CREATE TABLE label_prints (
            id INTEGER PRIMARY KEY,
            material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
            printed_at TEXT NOT NULL,
            sheet_id TEXT NOT NULL
        )
        """,
        "CREATE INDEX label_prints_material ON label_prints(material_id)",
    )


@MIGRATIONS(name="0004_history")
def m0004_history(db) -> None:
    """The history table and the triggers that record every change of materials, sessions and channels."""
    from lo_desktop.core.history_schema import schema_statements

    run_statements(db, *schema_statements())


@MIGRATIONS(name="0005_lending")
def m0005_lending(db) -> None:
    """Borrowers and loans of physical copies; stocktakes and the labels scanned in them."""
    run_statements(
        db,
        """
        CREATE TABLE borrowers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            section TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )
        """,
        # RESTRICT: a borrower with loan history cannot vanish; the material's history goes with it
        # only when the Trash is emptied.
        """
        CREATE TABLE loans (
            id INTEGER PRIMARY KEY,
            material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
            borrower_id INTEGER NOT NULL REFERENCES borrowers(id) ON DELETE RESTRICT,
            lent_on TEXT NOT NULL,
            due_on TEXT NOT NULL,
            returned_on TEXT,
            created_at TEXT NOT NULL
        )
        """,
        # location NULL: the whole corner. ``result`` is the JSON snapshot written when it is closed,
        # so the record survives later edits of the catalog.
        """
        CREATE TABLE stocktakes (
            id INTEGER PRIMARY KEY,
            location TEXT,
            started_at TEXT NOT NULL,
            closed_at TEXT,
            marked_lost INTEGER NOT NULL DEFAULT 0,
            result TEXT
        )
        """,
        """
        CREATE TABLE stocktake_scans (
            id INTEGER PRIMARY KEY,
            stocktake_id INTEGER NOT NULL REFERENCES stocktakes(id) ON DELETE CASCADE,
            material_id INTEGER REFERENCES materials(id) ON DELETE SET NULL,
            payload TEXT NOT NULL,
            code TEXT NOT NULL DEFAULT '',
            outcome TEXT NOT NULL,
            scanned_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX loans_material ON loans(material_id)",
        "CREATE INDEX loans_borrower ON loans(borrower_id)",
        "CREATE INDEX loans_open_due ON loans(due_on) WHERE returned_on IS NULL",
        "CREATE INDEX stocktake_scans_stocktake ON stocktake_scans(stocktake_id, material_id)",
    )


@MIGRATIONS(name="0006_attachment_text")
def m0006_attachment_text(db) -> None:
    """Text read out of attached documents, and its trigram index, so a search finds words inside files."""
    run_statements(
        db,
        # One row per attachment once it has been read; an attachment without a row (or 'pending') is
        # read by attachment_index.index_pending. ``text`` is the original (shown in snippets),
        # ``search_text`` its normalised form (what the index holds).
        """
        CREATE TABLE attachment_text (
            attachment_id INTEGER PRIMARY KEY REFERENCES attachments(id) ON DELETE CASCADE,
            status TEXT NOT NULL CHECK (status IN ('ok', 'empty', 'failed', 'pending')),
            error TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            search_text TEXT NOT NULL DEFAULT '',
            indexed_at TEXT
        )
        """,
        """
        CREATE VIRTUAL TABLE attachment_text_fts USING fts5(
            search_text, content='attachment_text', content_rowid='attachment_id', tokenize='trigram'
        )
        """,
        # Kept in step by triggers, as materials_fts is, so no writer can forget the index.
        """
        CREATE TRIGGER attachment_text_fts_insert AFTER INSERT ON attachment_text BEGIN
            INSERT INTO attachment_text_fts(rowid, search_text) VALUES (new.attachment_id, new.search_text);
        END
        """,
        """
        CREATE TRIGGER attachment_text_fts_delete AFTER DELETE ON attachment_text BEGIN
            INSERT INTO attachment_text_fts(attachment_text_fts, rowid, search_text)
            VALUES ('delete', old.attachment_id, old.search_text);
        END
        """,
        """
        CREATE TRIGGER attachment_text_fts_update AFTER UPDATE OF search_text ON attachment_text BEGIN
            INSERT INTO attachment_text_fts(attachment_text_fts, rowid, search_text)
            VALUES ('delete', old.attachment_id, old.search_text);
            INSERT INTO attachment_text_fts(rowid, search_text) VALUES (new.attachment_id, new.search_text);
        END
        """,
    )


@MIGRATIONS(name="0007_sheet_usage")
def m0007_sheet_usage(db) -> None:
    run_statements(
        db,
        # Per sheet type, the taken positions of the partly used sheet in the printer's tray:
        # ``used`` is a JSON list of 1-based positions; no row means a fresh sheet.
        """
        CREATE TABLE sheet_usage (
            sheet_id TEXT PRIMARY KEY,
            used TEXT NOT NULL DEFAULT '[]',
            updated_at TEXT NOT NULL
        )
        """,
    )


@MIGRATIONS(name="0008_search_index_of_live_materials")
def m0008_search_index_of_live_materials(db) -> None:
    """The search index reads its text from a view of the materials outside the Trash.

    Before, its content table was ``materials`` itself, Trash included, so SQLite's own integrity check
    found the index "wrong" as soon as anything was in the Trash and a rebuild put trashed materials back
    into searches. The insert trigger no longer consults a marker table: a bulk import now sets the
    trigger aside inside its transaction (catalog.insert_many), because a trigger that touches FTS5 costs
    ~18 µs a row even when its WHEN clause is false (1.8 s of a 100,000-row import).
    ``columnsize=0``: the per-row token counts only serve ranking, which the catalog never uses.
    """
    run_statements(
        db,
        "DROP TRIGGER materials_fts_insert",
        "DROP TRIGGER materials_fts_delete",
        "DROP TRIGGER materials_fts_unindex",
        "DROP TRIGGER materials_fts_reindex",
        "DROP TABLE materials_fts",
        "DROP TABLE bulk_load",
        "CREATE VIEW materials_live_text AS SELECT id, search_text FROM materials WHERE deleted_at IS NULL",
        """
        CREATE VIRTUAL TABLE materials_fts USING fts5(
            search_text, content='materials_live_text', content_rowid='id',
            tokenize='trigram case_sensitive 1', columnsize=0
        )
        """,
        """
        CREATE TRIGGER materials_fts_insert AFTER INSERT ON materials WHEN new.deleted_at IS NULL BEGIN
            INSERT INTO materials_fts(rowid, search_text) VALUES (new.id, new.search_text);
        END
        """,
        """
        CREATE TRIGGER materials_fts_delete AFTER DELETE ON materials WHEN old.deleted_at IS NULL BEGIN
            INSERT INTO materials_fts(materials_fts, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
        END
        """,
        """
        CREATE TRIGGER materials_fts_unindex AFTER UPDATE OF search_text, deleted_at ON materials
        WHEN old.deleted_at IS NULL BEGIN
            INSERT INTO materials_fts(materials_fts, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
        END
        """,
        """
        CREATE TRIGGER materials_fts_reindex AFTER UPDATE OF search_text, deleted_at ON materials
        WHEN new.deleted_at IS NULL BEGIN
            INSERT INTO materials_fts(rowid, search_text) VALUES (new.id, new.search_text);
        END
        """,
        "INSERT INTO materials_fts(materials_fts) VALUES ('rebuild')",
    )
