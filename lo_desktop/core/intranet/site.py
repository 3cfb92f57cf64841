"""Datasette over a published snapshot: read-only (immutable), no SQL editor, no download, Thai throughout.

The pages are our own templates (resources/intranet/templates); the attachment files are served from the
snapshot's ``files`` folder; a small plugin (plugin.py, gate.py) keeps the newest publication in view and
gives the templates their words. Datasette is imported only inside ``make_datasette`` so
``lo-desktop --version`` stays fast.
"""
from __future__ import annotations

from pathlib import Path

from lo_desktop.core.errors import UserError
from lo_desktop.core.intranet.published_files import FILES_FOLDER, files_folder
from lo_desktop.core.intranet.sites import Site, close_site, remember, site_of  # noqa: F401 (close_site, site_of: callers take them from here)
from lo_desktop.core.intranet.snapshot import ATTACHMENTS, FTS_TABLE, TABLE
from lo_desktop.core.intranet.words import thai
from lo_desktop.i18n import tr
from lo_desktop.paths import resource

# Settings that close every door but reading: no arbitrary SQL, no whole-file download, no CSV streaming
# of the whole table. A long summary is cut short in the list (its page shows all of it).
SETTINGS = {"default_allow_sql": False, "allow_download": False, "allow_csv_stream": False,
            "allow_facet": True, "suggest_facets": False, "truncate_cells_html": 160}


def metadata() -> dict:
    """Datasette's metadata: Thai titles, the search index, the facets, hidden internals."""
    return {
        "title": thai("Learning corner catalog"),
        "description": thai("The materials of the learning corner, published read-only for colleagues."),
        "allow_sql": False,
        "databases": {"catalog": {
            "title": thai("Learning corner catalog"),
            "allow_sql": False,
            "tables": {
                TABLE: {"title": thai("Materials"), "fts_table": FTS_TABLE, "fts_pk": "id",
                        "sort": thai("Code"), "label_column": thai("Title"),
                        "facets": [thai(c) for c in ("Kind", "Source", "Location", "Fiscal year")],
                        "description": thai("Type a part of a word to search, in Thai or Arabic digits.")},
                ATTACHMENTS: {"title": thai("Attachments"), "hidden": False},
                FTS_TABLE: {"hidden": True},
            },
        }},
    }


def make_datasette(snapshot: str | Path):
    """A Datasette serving ``snapshot`` immutably, and each newer publication of it as it appears;
    refuses a missing snapshot with one sentence. ``close_site`` releases its private copies."""
    snapshot = Path(snapshot)
    if not snapshot.is_file():
        raise UserError(tr("Nothing is published yet: run “lo-desktop publish” first ({path}).", path=snapshot))
    from datasette.app import Datasette

    from lo_desktop.core.intranet import plugin
    from lo_desktop.core.intranet.live import LiveSnapshot

    plugin.register()
    files = files_folder(snapshot)
    files.mkdir(exist_ok=True)
    ds = Datasette(metadata=metadata(), settings=SETTINGS, crossdb=False,
                   template_dir=str(resource("intranet", "templates")),
                   static_mounts=[(FILES_FOLDER, str(files)), (plugin.STYLE_MOUNT, str(resource("intranet", "static")))])
    ds.remove_database("_memory")  # Datasette adds it when started without files
    live = LiveSnapshot(ds, snapshot.resolve())
    live.load()
    remember(ds, Site(live, files.resolve()))
    return ds
