"""The sample corner (Bang Na, FY 2556) for the demo database.

Each loader adds what is missing and recognises what it added before (by code or stable id), so
loading twice changes nothing. Later parts of the program append their loaders to ``LOADERS``.
"""
from __future__ import annotations

import json
from datetime import date

from lo_desktop.core.catalog import add_material, get_material
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


LOADERS = [load_sample_materials]


def load_indicator_sample(db) -> int:
    from lo_desktop.core.sample_indicator import load_indicator_sample as load

    return load(db)


LOADERS.append(load_indicator_sample)


def load_demo(db) -> int:
    """Load every part of the sample corner; returns how many records were added."""
    return sum(loader(db) for loader in LOADERS)


def load_lending_sample(db) -> int:
    from lo_desktop.core.sample_lending import load_sample_loans

    return load_sample_loans(db)


LOADERS.append(load_lending_sample)
