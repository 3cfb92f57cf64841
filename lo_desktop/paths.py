"""Where things live: the resources folder, the user's data folder and the databases.

LO_DESKTOP_DATA_DIR moves the data folder (tests, portable installs);
LO_DESKTOP_DB or --db chooses the database file itself.
"""
from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "lo-desktop"
DEFAULT_DB_NAME = "lo-desktop.db"
DEMO_DB_NAME = "demo.db"


def resources_dir() -> Path:
    """The bundled resources: inside the package when installed, beside it in a checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    override = os.environ.get("LO_DESKTOP_DATA_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    # %LOCALAPPDATA% on Windows, not the roaming %APPDATA%: a SQLite file with its backups must not be
    # copied around with a roaming profile (synced at log-off, size quotas). Elsewhere both are the same.
    local = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))
    roaming = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))
    if roaming != local and (roaming / DEFAULT_DB_NAME).exists() and not (local / DEFAULT_DB_NAME).exists():
        return roaming  # a corner started by an earlier version stays where it is
    return local


def default_db_path() -> Path:
    override = os.environ.get("LO_DESKTOP_DB")
    if override:
        return Path(override).expanduser()
    return data_dir() / DEFAULT_DB_NAME


def demo_db_path() -> Path:
    return data_dir() / DEMO_DB_NAME


def files_dir(db_path: Path) -> Path:
    """The managed folder beside a database that holds its attachments and photos."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.stem + "-files")
