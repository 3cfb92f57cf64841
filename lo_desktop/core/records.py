"""Plain records the core hands out; no behaviour beyond conversion."""
from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, fields
from datetime import date


def new_uid() -> str:
    """A stable identifier for a record that travels between corners (packages, backups).

    Time first, then 64 random bits: unique like a random UUID, but new ones sort after old ones, so a
    large import appends to the uid index instead of writing all over it.
    """
    return f"{time.time_ns():016x}{secrets.token_hex(8)}"


def new_uids(count: int) -> list[str]:
    """``count`` identifiers like new_uid's (still in rising order), from one read of the random source."""
    start, noise = time.time_ns(), secrets.token_hex(8 * count)
    return [f"{start + n:016x}{noise[16 * n:16 * n + 16]}" for n in range(count)]


@dataclass
class Material:
    title: str = ""
    code: str = ""
    kind: str = "other"
    format: str = "physical"
    source: str = "other"
    topic: str = ""
    tags: str = ""
    author: str = ""
    year: int | None = None
    summary: str = ""
    location: str = ""
    copies: int = 1
    link: str = ""
    status: str = "available"
    received_on: date | None = None
    origin: str = ""
    id: int | None = None
    uid: str = ""
    fiscal_year: int | None = None
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None

    @classmethod
    def from_row(cls, row: dict) -> "Material":
        values = {k: v for k, v in row.items() if k in _FIELD_NAMES}
        if values.get("received_on"):
            values["received_on"] = date.fromisoformat(values["received_on"])
        return cls(**values)

    @classmethod
    def from_values(cls, values) -> "Material":
        """From column values in MATERIAL_FIELDS order (SELECT_COLUMNS): the fast way to read many rows."""
        m = cls(*values)
        if m.received_on:
            m.received_on = date.fromisoformat(m.received_on)
        return m

    def to_row(self) -> dict:
        # A shallow copy: dataclasses.asdict deep-copies every value and dominates bulk imports.
        row = {name: getattr(self, name) for name in MATERIAL_FIELDS}
        row["received_on"] = self.received_on.isoformat() if self.received_on else None
        return row


# dataclasses.fields() is slow enough to show in a 100,000-row import: read the names once.
MATERIAL_FIELDS = tuple(f.name for f in fields(Material))
_FIELD_NAMES = frozenset(MATERIAL_FIELDS)
SELECT_COLUMNS = ", ".join(MATERIAL_FIELDS)  # a material's columns, without its search text


@dataclass
class Attachment:
    material_id: int
    name: str
    sha256: str
    size: int
    added_at: str = ""
    id: int | None = None


EDITABLE_FIELDS = (
    "code", "title", "kind", "format", "source", "topic", "tags", "author", "year", "summary",
    "location", "copies", "link", "status", "received_on",
)
SEARCHED_FIELDS = ("code", "title", "summary", "tags", "author", "topic")
