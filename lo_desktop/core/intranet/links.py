"""Addresses of the intranet catalog's pages, for label payloads (Qt-free).

A material's page is ``<address>/catalog/materials/<code>``; the code is percent-quoted so any code a clerk
typed (Thai letters, spaces, ``/``) survives in a QR payload, and the desktop scanner (core/catalog/scan.py)
reads it back from the path. The site turns such a path into Datasette's own form (intranet/gate.py).
"""
from __future__ import annotations

from urllib.parse import quote, urlsplit

from lo_desktop.core.errors import UserError
from lo_desktop.i18n import _, tr

MATERIALS_PATH = "/catalog/materials"
URL_PATTERN_SUFFIX = MATERIALS_PATH + "/{code}"


def material_url(address: str, code: str) -> str:
    """``http://10.0.0.5:8001`` + ``/catalog/materials/`` + the quoted code; the address may end with ``/``
    or lack ``http://``."""
    return site_address(address) + MATERIALS_PATH + "/" + quote(code.strip(), safe="")


def label_pattern(address: str) -> str:
    """The label payload pattern (Settings.label_url_pattern, labels/payload.py) whose QR codes open each
    material's page on the intranet."""
    return site_address(address) + URL_PATTERN_SUFFIX


def is_label_pattern(pattern: str, address: str) -> bool:
    try:
        return bool(pattern) and pattern == label_pattern(address)
    except UserError:
        return False


def site_address(address: str) -> str:
    """The address as typed, made whole (``http://`` added, no ``/`` at the end); one sentence when it is
    not the address of a computer (``http://10.0.0.5:8001``, ``corner-pc:8001``)."""
    base = (address or "").strip().rstrip("/")
    if base.lower() in ("", "http:", "https:"):
        raise UserError(_("Set the intranet address in the settings first."))
    if "://" not in base:
        base = "http://" + base
    try:
        parts = urlsplit(base)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or " " in base:
        raise UserError(tr("“{address}” is not an intranet address; type it as http://10.0.0.5:8001 or "
                           "corner-pc:8001.", address=address.strip()))
    return base
