"""Where the window remembers its own state (geometry, splitters, columns): QSettings.

The organisation is "lo-desktop". When LO_DESKTOP_DATA_DIR moves the data folder (a portable install,
every test) the state is kept in an INI file inside that folder instead of the user's registry, so a
portable copy carries it and tests never share it.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QSettings

ORGANIZATION = "lo-desktop"
APPLICATION = "lo-desktop"


def window_settings() -> QSettings:
    if os.environ.get("LO_DESKTOP_DATA_DIR"):
        from lo_desktop.paths import data_dir

        return QSettings(str(data_dir() / "window.ini"), QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)
