"""The door in front of Datasette (an ASGI wrapper): each request sees the newest publication, a label's
address finds its material, and attachment files leave with their names.

- ``/`` goes to the list of materials (the only thing a colleague comes for); anything but reading
  (``POST`` …) is refused with a Thai page before Datasette sees it.
- ``/catalog/materials/<percent-quoted code>`` (links.material_url) is turned into Datasette's own
  tilde-encoded form when the code holds characters Datasette reads otherwise (``.`` starts a format,
  ``%2F`` stays undecoded).
- ``/files/<sha256>/<name>``: only a file inside the snapshot's files folder, with a Thai page for anything
  else; the response says the file's name (``Content-Disposition``) and is opened in the browser only for
  types that cannot run scripts.
- When the server stops (ASGI lifespan shutdown), the private copies of the catalog are removed.
"""
from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import quote, unquote

from datasette.utils import tilde_encode
from datasette.utils.asgi import Response

from lo_desktop.core.intranet.links import MATERIALS_PATH
from lo_desktop.core.intranet.live import NAME
from lo_desktop.core.intranet.sites import close_site, site_of
from lo_desktop.core.intranet.snapshot import CODE, TABLE

FILES_PREFIX = "/files/"
READING = ("GET", "HEAD")
# Opened in the browser; every other type is offered as a download (an HTML or SVG attachment served
# inline from the site's own address could run scripts).
INLINE_TYPES = ("application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain")


class Gate:
    def __init__(self, app, datasette):
        self.app, self.ds = app, datasette

    async def __call__(self, scope, receive, send):
        site = site_of(self.ds)
        if site is None:
            return await self.app(scope, receive, send)
        if scope["type"] == "lifespan":
            return await self.app(scope, self._closing_on_shutdown(receive), send)
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if scope["method"] not in READING:
            return await self._refuse(send, 405)
        scope = _ascii_path(scope)
        if scope["path"] == "/":
            return await Response.redirect(self.ds.urls.table(NAME, TABLE)).asgi_send(send)
        generation = await site.live.enter()
        try:
            await self._route(site, scope, receive, send)
        finally:
            site.live.leave(generation)

    async def _route(self, site, scope, receive, send):
        path = scope["path"]
        if path.startswith(FILES_PREFIX):
            target = inside(site.files, path[len(FILES_PREFIX):])
            if target is None:
                return await self._refuse(send, 404)
            # Datasette routes the undecoded path when it has one; the file's name is in the decoded one.
            scope = {key: value for key, value in scope.items() if key != "raw_path"}
            return await self.app(scope, receive, _adding(send, file_headers(target.name)))
        if path.startswith(MATERIALS_PATH + "/"):
            scope = await self._by_code(scope)
        await self.app(scope, receive, send)

    async def _by_code(self, scope):
        prefix = MATERIALS_PATH + "/"
        raw = (scope.get("raw_path") or quote(scope["path"]).encode()).decode("ascii", "replace")
        segment = raw[len(prefix):] if raw.startswith(prefix) else ""
        if not segment or "/" in segment or not any(c in segment for c in "%.+~"):
            return scope  # a plain code (BN-0001) is Datasette's form already
        code = unquote(segment)
        if not await self._is_code(code):
            return scope
        return {**scope, "raw_path": (prefix + tilde_encode(code)).encode("ascii"), "path": prefix + code}

    async def _is_code(self, code: str) -> bool:
        rows = await self.ds.get_database(NAME).execute(
            f'SELECT 1 FROM {TABLE} WHERE "{CODE}" = ? LIMIT 1', [code])
        return bool(rows.rows)

    async def _refuse(self, send, status: int):
        await self.ds.invoke_startup()
        html = await self.ds.render_template("error.html", {"status": status, "error": "", "title": None})
        headers = {"allow": ", ".join(READING)} if status == 405 else {}
        await Response.html(html, status=status, headers=headers).asgi_send(send)

    def _closing_on_shutdown(self, receive):
        async def receiving():
            message = await receive()
            if message["type"] == "lifespan.shutdown":
                close_site(self.ds)
            return message
        return receiving


def _ascii_path(scope: dict) -> dict:
    """A path typed with Thai letters and sent unquoted (curl, some scanners' apps) the way a browser
    sends it: Datasette reads the undecoded path as ASCII."""
    raw = scope.get("raw_path")
    if not raw or raw.isascii():
        return scope
    return {**scope, "raw_path": quote(raw, safe="/%;=&+~:@!$'()*,").encode("ascii")}


def inside(root: Path, relative: str) -> Path | None:
    """The file ``relative`` names under ``root`` (resolved), or None when it is not a file there."""
    try:
        target = (root / relative).resolve()
    except (OSError, ValueError, RuntimeError):
        return None
    return target if target.is_relative_to(root) and target.is_file() else None


def file_headers(name: str) -> list[tuple[bytes, bytes]]:
    """The file's own name for the browser (RFC 6266's UTF-8 form; a plain ASCII name as well when it is
    one, else an old client falls back to the address, which ends with the quoted name)."""
    how = "inline" if mimetypes.guess_type(name)[0] in INLINE_TYPES else "attachment"
    plain = f'; filename="{name}"' if name.isascii() and name.isprintable() and not set(name) & set('"\\') else ""
    value = f"{how}{plain}; filename*=UTF-8''{quote(name, safe='')}"
    return [(b"content-disposition", value.encode("ascii")), (b"x-content-type-options", b"nosniff")]


def _adding(send, headers: list):
    async def sending(message):
        if message["type"] == "http.response.start" and message.get("status") == 200:
            message = {**message, "headers": [*message.get("headers", []), *headers]}
        await send(message)
    return sending
