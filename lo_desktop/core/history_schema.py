"""The history table and the triggers that fill it: part of the schema, so the kernel owns it.

Migration 0004 builds the triggers from ``TRACKED``; reading and describing the history is
core/safety/history.py.
"""
from __future__ import annotations

NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')"

# Which fields each tracked table records. Frozen: migration 0004 builds its triggers from these;
# tracking another field needs a new migration that recreates the triggers.
TRACKED = {
    "materials": ("material", (
        "code", "title", "kind", "format", "source", "topic", "tags", "author", "year", "summary", "location",
        "copies", "link", "status", "received_on", "origin", "deleted_at")),
    "exchange_sessions": ("session", (
        "held_on", "start_time", "end_time", "place", "host", "topic", "format", "agenda", "learnings_ours",
        "learnings_theirs", "follow_up", "attendance_sha256", "attendance_name", "deleted_at")),
    "channels": ("channel", (
        "material_id", "channel", "distributed_on", "evidence_link", "evidence_sha256", "evidence_name",
        "note")),
}


def schema_statements() -> list[str]:
    statements = [
        """
        CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            entity TEXT NOT NULL,
            entity_id INTEGER NOT NULL,
            action TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            changes TEXT
        )
        """,
        "CREATE INDEX history_entity ON history(entity, entity_id)",
    ]
    for table, (entity, fields) in TRACKED.items():
        statements += trigger_statements(table, entity, fields)
    return statements


def trigger_statements(table: str, entity: str, fields: tuple[str, ...]) -> list[str]:
    insert = "INSERT INTO history(entity, entity_id, action, changed_at, changes) VALUES"
    changed = " OR ".join(f"old.{f} IS NOT new.{f}" for f in fields)
    diff = ", ".join(f"'{f}', CASE WHEN old.{f} IS NOT new.{f} THEN json_array(old.{f}, new.{f}) END"
                     for f in fields)
    last_values = ", ".join(f"'{f}', json_array(old.{f}, NULL)" for f in fields)
    action = "'updated'"
    if "deleted_at" in fields:
        action = ("CASE WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL THEN 'deleted' "
                  "WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL THEN 'restored' "
                  "ELSE 'updated' END")
    return [
        # json_patch onto {} drops the NULL members, leaving only the fields that changed.
        f"""CREATE TRIGGER history_{table}_update AFTER UPDATE ON {table} WHEN {changed} BEGIN
            {insert} ('{entity}', new.id, {action}, {NOW_SQL}, json_patch('{{}}', json_object({diff})));
        END""",
        f"""CREATE TRIGGER history_{table}_delete AFTER DELETE ON {table} BEGIN
            {insert} ('{entity}', old.id, 'purged', {NOW_SQL}, json_object({last_values}));
        END""",
    ]
