import pytest
from parity_helpers import copy_of

from lo_desktop.core.db import open_database


@pytest.fixture
def twins(tmp_path):
    """make(build) → (the CLI's database file, the window's open database): one corner built once, then
    copied whole (database and stored files) into a folder per side, so each side's backups are its own."""
    opened = []

    def make(build):
        base = tmp_path / "base" / "corner.db"
        base.parent.mkdir()
        db = open_database(base)
        build(db)
        db.close()
        paths = [copy_of(base, side) for side in ("cli", "window")]
        opened.append(open_database(paths[1]))
        return paths[0], opened[-1]
    yield make
    for db in opened:
        db.close()
