"""Datasette over a published snapshot: read-only (immutable), no SQL editor, no download, Thai titles.

Datasette is imported only inside ``make_datasette`` so ``lo-desktop --version`` stays fast.
"""
from __future__ import annotations

from pathlib import Path

from lo_desktop.core.errors import UserError
from lo_desktop.core.intranet.snapshot import FTS_TABLE, TABLE, heading
from lo_desktop.i18n import tr

# Settings that close every door but reading: no arbitrary SQL, no whole-file download, no CSV streaming
# of the whole table.
SETTINGS = {"default_allow_sql": False, "allow_download": False, "allow_csv_stream": False,
            "allow_facet": True, "suggest_facets": False}


def metadata() -> dict:
    """Datasette's metadata: Thai titles, the search index, the facets, hidden internals."""
    return {
        "title": heading("Learning corner catalog"),
        "description": heading("The materials of the learning corner, published read-only for colleagues."),
        "allow_sql": False,
        "databases": {"catalog": {
            "title": heading("Learning corner catalog"),
            "allow_sql": False,
            "tables": {
                TABLE: {"title": heading("Materials"), "fts_table": FTS_TABLE, "fts_pk": "id",
                        "sort": heading("Code"), "label_column": heading("Title"),
                        "facets": [heading(c) for c in ("Kind", "Source", "Location", "Fiscal year")],
                        "description": heading("Type a part of a word to search, in Thai or Arabic digits.")},
                "attachments": {"title": heading("Attachments"), "hidden": False},
                FTS_TABLE: {"hidden": True},
            },
        }},
    }


def make_datasette(snapshot: str | Path):
    """A Datasette serving ``snapshot`` immutably; refuses a missing snapshot with one sentence."""
    snapshot = Path(snapshot)
    if not snapshot.is_file():
        raise UserError(tr("Nothing is published yet: run “lo-desktop publish” first ({path}).", path=snapshot))
    from datasette.app import Datasette

    return Datasette(immutables=[str(snapshot)], metadata=metadata(), settings=SETTINGS, crossdb=False)
