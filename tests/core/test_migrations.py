"""Upgrading: a database left at any earlier schema opens, is brought up to date, and keeps its data."""
import sqlite3

import pytest
import sqlite_utils

from lo_desktop.core.catalog.materials import add_material, get_material
from lo_desktop.core.db import APPLICATION_ID, open_database
from lo_desktop.core.migrations import MIGRATIONS
from lo_desktop.core.records import Material
from lo_desktop.core.catalog.search import Query, count

NAMES = [m.name for m in MIGRATIONS._migrations]


def database_at(path, last: str):
    """A database as an older lo-desktop left it: migrations up to and including ``last``."""
    db = sqlite_utils.Database(sqlite3.connect(path))
    later = NAMES[NAMES.index(last) + 1:]
    MIGRATIONS.apply(db, stop_before=later[0] if later else None)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    add_material(db, Material(title="คู่มือการจัดระเบียบผู้ค้าหาบเร่แผงลอย", code="BN-0001", year=2556))
    db.close()


@pytest.mark.parametrize("last", NAMES)
def test_every_earlier_schema_upgrades_and_keeps_its_materials(tmp_path, last):
    path = tmp_path / "old.db"
    database_at(path, last)
    backups = []
    db = open_database(path, before_migrate=backups.append)
    assert {m.name for m in MIGRATIONS.applied(db)} == set(NAMES)
    assert get_material(db, "BN-0001").title == "คู่มือการจัดระเบียบผู้ค้าหาบเร่แผงลอย"
    assert count(db, Query(text="หาบเร่")) == 1  # the search index came through too
    assert backups == ([] if last == NAMES[-1] else [path])
    db.close()


def test_migration_names_are_unique_and_numbered_in_order():
    numbers = [name.split("_")[0] for name in NAMES]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
