"""Helpers the parity tests share."""
import shutil
from pathlib import Path


def copy_of(base: Path, name: str) -> Path:
    """The database at ``base`` copied whole (its folder: stored files and backups too) into a sibling
    folder ``name``, so each side's backups and files are its own; the copy's database path."""
    folder = base.parent.parent / name
    shutil.copytree(base.parent, folder)
    return folder / base.name
