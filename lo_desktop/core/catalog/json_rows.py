"""Materials as the JSON objects other programs read (``lo-desktop list --json``, ``search --json``).

Each object has the keys and values of ``dataclasses.asdict(Material)`` with ``received_on`` as ISO
text (or null), in the same order. SQLite writes each object itself (``json_object``): building a
Material, deep-copying it field by field (asdict) and encoding it in Python cost ~25 ms per 1,000
materials, more than the search; SQLite's objects cost ~6 ms. Stored dates are ISO text already
(Material.to_row writes them so), and an empty one reads as null, as Material made it None.
"""
from __future__ import annotations

import json

from lo_desktop.core.catalog.search import rows_for_ids
from lo_desktop.core.records import MATERIAL_FIELDS

_VALUES = {"received_on": "NULLIF(received_on, '')"}
OBJECT_SQL = "json_object(" + ", ".join(f"'{name}', {_VALUES.get(name, name)}"
                                        for name in MATERIAL_FIELDS) + ")"


def material_objects(db, ids: list[int], matched_attachments: dict[int, list] | None = None) -> list[str]:
    """One JSON object (text) per material, in the order of ``ids``; ids not found are left out. With
    ``matched_attachments`` (what search --json prints) each object ends with that member: the
    material's list there, or [] when it has none."""
    found: dict[int, str] = dict(rows_for_ids(db, f"id, {OBJECT_SQL}", ids))
    if matched_attachments is None:
        return [found[i] for i in ids if i in found]
    return [_with_matches(found[i], matched_attachments.get(i, [])) for i in ids if i in found]


def _with_matches(text: str, matches: list) -> str:
    encoded = json.dumps(matches, ensure_ascii=False) if matches else "[]"
    return f'{text[:-1]},"matched_attachments":{encoded}}}'


def json_array(objects: list[str]) -> str:
    """The objects as one JSON array, one material per line (readable, and a line per record for grep)."""
    return "[\n" + ",\n".join(objects) + "\n]" if objects else "[]"
