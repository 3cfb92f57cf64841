"""The Datasette plugin of the intranet site, registered in code (no package entry point to install).

Datasette's plugin manager is one per process; every hook here does nothing for a Datasette that is not an
intranet site (site.site_of), so other instances (tests, a second server) are untouched.
"""
from __future__ import annotations

import sys
from urllib.parse import quote

from datasette import hookimpl
from datasette.utils import urlsafe_components
from markupsafe import Markup, escape

from lo_desktop.core.intranet import words
from lo_desktop.core.intranet.gate import FILES_PREFIX, Gate
from lo_desktop.core.intranet.live import NAME
from lo_desktop.core.intranet.sites import site_of
from lo_desktop.core.intranet.snapshot import (
    ATTACHMENTS,
    FILE_NAME,
    FILE_PATH,
    FILE_SIZE,
    ID,
    MATERIAL,
    NUMBER,
    TABLE,
)

PLUGIN_NAME = "lo_desktop_intranet"
STYLE_MOUNT = "-/intranet"  # where the pages' stylesheet is served from (resources/intranet/static)
STYLESHEET = "intranet.css"
# Columns the pages do not show: the search index's key and where a file lies (its name is the link).
HIDDEN_COLUMNS = frozenset({ID, FILE_PATH})


def register() -> None:
    from datasette.plugins import pm

    if pm.get_plugin(PLUGIN_NAME) is None:
        pm.register(sys.modules[__name__], name=PLUGIN_NAME)


@hookimpl
def asgi_wrapper(datasette):
    return lambda app: Gate(app, datasette)


@hookimpl
def prepare_jinja2_environment(env, datasette):
    """The pages' words as globals: Datasette renders its error pages without any plugin's variables."""
    site = site_of(datasette)
    if site is None:
        return
    env.globals.update({
        "_": words.thai, "hidden_columns": HIDDEN_COLUMNS, "lookup_words": words.lookup_words(),
        "home_url": datasette.urls.table(NAME, TABLE),
        "published_on": lambda: words.moment_text(site.live.published_at()),
        "style_url": datasette.urls.path(f"/{STYLE_MOUNT}/{STYLESHEET}"),
    })


@hookimpl
def extra_template_vars(view_name, table, request, datasette):
    if site_of(datasette) is None or view_name != "row" or table != TABLE or request is None:
        return {}

    async def values() -> dict:
        return {"attachments": await attachments(datasette, request)}

    return values


async def attachments(datasette, request) -> list[dict]:
    """The files of the material a row page shows: name, size in words, and the address of the file
    (None when the stored file was missing at publication)."""
    code = urlsafe_components(request.url_vars["pks"])[0]
    rows = await datasette.get_database(NAME).execute(
        f'SELECT "{FILE_NAME}", "{FILE_SIZE}", "{FILE_PATH}" FROM {ATTACHMENTS} WHERE "{MATERIAL}" = ? '
        f'ORDER BY "{FILE_NAME}", "{NUMBER}"', [code])
    return [{"name": name, "size": words.size_text(size), "url": file_url(datasette, path) if path else None}
            for name, size, path in rows.rows]


def file_url(datasette, relative: str) -> str:
    return datasette.urls.path(FILES_PREFIX + quote(relative, safe="/"))


@hookimpl
def render_cell(row, value, column, table, datasette):
    """In the attachments table, a file's name is the link to the file."""
    if table != ATTACHMENTS or column != FILE_NAME or site_of(datasette) is None or not value:
        return None
    try:
        path = row[FILE_PATH]
    except (IndexError, KeyError):
        return None
    if not path:
        return None
    return Markup(f'<a href="{escape(file_url(datasette, path))}">{escape(value)}</a>')
