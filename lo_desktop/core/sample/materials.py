"""The sample corner's materials (resources/sample/materials.json), and the reader of every sample file."""
from __future__ import annotations

import json
from datetime import date

from lo_desktop.core.catalog.materials import add_material, get_material
from lo_desktop.core.records import Material
from lo_desktop.paths import resource


def sample_json(name: str):
    return json.loads(resource("sample", name).read_text(encoding="utf-8"))


def load_sample_materials(db) -> int:
    added = 0
    for row in sample_json("materials.json"):
        if get_material(db, row["code"], include_deleted=True) is None:
            add_material(db, _material(row))
            added += 1
    return added


def _material(row: dict) -> Material:
    values = dict(row)
    if values.get("received_on"):
        values["received_on"] = date.fromisoformat(values["received_on"])
    return Material(**values)
