import shutil

import pytest

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
        paths = []
        for side in ("cli", "window"):
            shutil.copytree(base.parent, tmp_path / side)
            paths.append(tmp_path / side / "corner.db")
        opened.append(open_database(paths[1]))
        return paths[0], opened[-1]
    yield make
    for db in opened:
        db.close()
