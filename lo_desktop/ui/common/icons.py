"""Tool bar and menu icons: small SVG files in resources/icons, drawn for this program."""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon

from lo_desktop.paths import resource


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()
