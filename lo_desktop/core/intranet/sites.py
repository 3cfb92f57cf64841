"""Which Datasette in the process is an intranet site, and what it serves (kept apart from site.py so the
plugin can ask without importing the module that registers it)."""
from __future__ import annotations

import weakref
from dataclasses import dataclass
from pathlib import Path

_sites: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@dataclass
class Site:
    """What the plugin needs to know about one Datasette: the live snapshot and the files folder."""
    live: object  # live.LiveSnapshot
    files: Path


def remember(datasette, site: Site) -> None:
    _sites[datasette] = site


def site_of(datasette) -> Site | None:
    """The intranet site a Datasette serves, or None for any other Datasette in the process."""
    return _sites.get(datasette)


def close_site(datasette) -> None:
    """Close the snapshot's connections and remove the private copies (when the server stops)."""
    site = _sites.pop(datasette, None)
    if site:
        site.live.close()
