"""Plain records the core hands out; no behaviour beyond conversion."""
from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field, fields
from datetime import date


def new_uid() -> str:
    """A stable identifier for a record that travels between corners (packages, backups).

    Time first, then 64 random bits: unique like a random UUID, but new ones sort after old ones, so a
    large import appends to the uid index instead of writing all over it.
    """
    return f"{time.time_ns():016x}{secrets.token_hex(8)}"


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
        values = {k: v for k, v in row.items() if k in _MATERIAL_FIELDS}
        if values.get("received_on"):
            values["received_on"] = date.fromisoformat(values["received_on"])
        return cls(**values)

    def to_row(self) -> dict:
        # A shallow copy: dataclasses.asdict deep-copies every value and dominates bulk imports.
        row = {name: getattr(self, name) for name in _MATERIAL_FIELDS}
        row["received_on"] = self.received_on.isoformat() if self.received_on else None
        return row


# dataclasses.fields() is slow enough to show in a 100,000-row import: read the names once.
_MATERIAL_FIELDS = tuple(f.name for f in fields(Material))


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


@dataclass
class Page:
    """One page of search results and the total they come from."""
    items: list = field(default_factory=list)
    total: int = 0
