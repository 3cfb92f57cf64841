"""Addresses of the intranet catalog's pages, for label payloads (Qt-free).

A material's page is ``<address>/catalog/materials/<code>``; the code is percent-quoted so any code a clerk
typed (Thai letters, spaces, ``/``) survives in a QR payload, and the desktop scanner (core/catalog/scan.py)
reads it back from the path. The site turns such a path into Datasette's own form (intranet/gate.py).
"""
from __future__ import annotations

from urllib.parse import quote

from lo_desktop.core.errors import UserError
from lo_desktop.i18n import _

MATERIALS_PATH = "/catalog/materials"
URL_PATTERN_SUFFIX = MATERIALS_PATH + "/{code}"


def material_url(address: str, code: str) -> str:
    """``http://10.0.0.5:8001`` + ``/catalog/materials/`` + the quoted code; the address may end with ``/``
    or lack ``http://``."""
    base = (address or "").strip().rstrip("/")
    if not base:
        raise UserError(_("Set the intranet address in the settings first."))
    if "://" not in base:
        base = "http://" + base
    return base + MATERIALS_PATH + "/" + quote(code.strip(), safe="")
