"""Settings of a corner, with their defaults in one place, kept in the database's settings table.

They travel with the database (a backup or a copy carries the agency's name, its code pattern and its
custom label sheets). Values are stored as JSON.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields

from lo_desktop.fonts import DOCUMENT_FONT

PHRA_KHANONG = "สำนักงานเขตพระโขนง"


@dataclass
class Settings:
    agency_name: str = "สำนักงานเขตบางนา"
    agency_short: str = "เขตบางนา"
    agency_type: str = "line_staff"
    partners: list = field(default_factory=lambda: [PHRA_KHANONG])
    code_pattern: str = "BN-####"
    default_sheet: str = "avery-l7160"
    report_font: str = DOCUMENT_FONT
    thai_digits: bool = False
    language: str = "th"
    label_url_pattern: str = ""
    intranet_address: str = ""  # where colleagues open the published catalog, e.g. http://10.0.0.5:8001
    label_fields: list = field(default_factory=lambda: ["code", "title", "location", "agency"])
    # the printers' offsets (mm) and scale corrections (%): labels/calibration.py
    calibration_mm: dict = field(
        default_factory=lambda: {"x": 0.0, "y": 0.0, "scale_x": 100.0, "scale_y": 100.0})
    backups_kept: int = 10
    loan_days: int = 14
    report_template: str = ""


def load_settings(db) -> Settings:
    stored = {}
    if "settings" in db.table_names():
        stored = {r[0]: r[1] for r in db.execute("SELECT key, value FROM settings").fetchall()}
    defaults = Settings()
    values = {}
    for f in fields(Settings):
        if f.name in stored:
            try:
                values[f.name] = json.loads(stored[f.name])
            except ValueError:
                values[f.name] = getattr(defaults, f.name)
    return Settings(**values)


def save_settings(db, settings: Settings) -> None:
    rows = [{"key": k, "value": json.dumps(v, ensure_ascii=False)} for k, v in asdict(settings).items()]
    with db.atomic():
        db["settings"].upsert_all(rows, pk="key")
