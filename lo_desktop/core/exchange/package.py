"""Exchange packages: one exchange session, or chosen materials, with their files, for another corner.

A package is a zip (``.lopackage``) holding ``package.json`` and ``files/<sha256>``. ``package.json`` has
the format and version, the exporting agency, the time it was made, the materials (every catalog field,
their stable ``uid`` and their attachments), the session when one was exported (its fields, participants,
head counts, partners by name, photos, attendance scan and the uids of its materials) and the list of
files with size and SHA-256. Reading and importing is package_import.py.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from lo_desktop import __version__
from lo_desktop.core.archive import MB, Limits, add_json, add_stored_file, write_zip
from lo_desktop.core.atomic import write_atomically
from lo_desktop.core.catalog.attachments import attachments_of
from lo_desktop.core.catalog.materials import get_material
from lo_desktop.core.errors import UserError
from lo_desktop.core.files import stored_path
from lo_desktop.core.progress import Progress, report
from lo_desktop.core.records import Material
from lo_desktop.core.indicator.sessions import COLUMNS as SESSION_COLUMNS
from lo_desktop.core.indicator.sessions import get_session, session_materials
from lo_desktop.i18n import _, tr

SUFFIX = ".lopackage"
FORMAT = "lo-desktop-package"
VERSION = 1
LIMITS = Limits("package.json", meta_bytes=20 * MB, file_bytes=500 * MB, total_bytes=5 * 1024 * MB)
MATERIAL_FIELDS = ("uid", "code", "title", "kind", "format", "source", "topic", "tags", "author", "year", "summary",
                   "location", "copies", "link", "status", "received_on", "origin")


def export_session(db, session_id: int, out: str | Path, progress: Progress | None = None) -> Path:
    session = get_session(db, session_id)
    if session is None or session.deleted_at:
        raise UserError(tr("There is no exchange session number {id}.", id=session_id))
    return _export(db, session_materials(db, session_id), session, out, progress)


def export_materials(db, codes: list[str], out: str | Path, progress: Progress | None = None) -> Path:
    materials = []
    for code in dict.fromkeys(c.strip() for c in codes if c.strip()):
        material = get_material(db, code)
        if material is None:
            raise UserError(tr("There is no material with the code {code}.", code=code))
        materials.append(material)
    if not materials:
        raise UserError(_("Choose at least one material to export."))
    return _export(db, materials, None, out, progress)


def _export(db, materials: list[Material], session, out, progress) -> Path:
    from lo_desktop.settings import load_settings

    settings = load_settings(db)
    meta = {"format": FORMAT, "version": VERSION, "app_version": __version__,
            "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "agency": {"name": settings.agency_name, "short_name": settings.agency_short},
            "materials": [_material_entry(db, m) for m in materials],
            "session": _session_entry(session, materials) if session else None}
    named = _files_named(meta)
    meta["files"] = [{"sha256": sha, "name": name} for sha, name in named.items()]
    return write_atomically(out, lambda f: _write(f, db, meta, named, progress))


def _material_entry(db, m: Material) -> dict:
    entry = {name: getattr(m, name) for name in MATERIAL_FIELDS}
    entry["received_on"] = m.received_on.isoformat() if m.received_on else None
    entry["attachments"] = [{"name": a.name, "sha256": a.sha256, "size": a.size}
                            for a in attachments_of(db, m.id)]
    return entry


def _session_entry(session, materials: list[Material]) -> dict:
    entry = {name: getattr(session, name) for name in SESSION_COLUMNS}
    entry["held_on"] = session.held_on.isoformat()
    entry.update(uid=session.uid, partners=list(session.partners), headcounts=dict(session.headcounts),
                 participants=[{"name": p.name, "position": p.position, "agency": p.agency}
                               for p in session.participants],
                 photos=[{"sha256": p.sha256, "name": p.name, "caption": p.caption} for p in session.photos],
                 material_uids=[m.uid for m in materials])
    return entry


def _files_named(meta: dict) -> dict[str, str]:
    """Every stored file the package needs, SHA-256 → a name the clerk knows it by."""
    named: dict[str, str] = {}
    for m in meta["materials"]:
        for a in m["attachments"]:
            named.setdefault(a["sha256"], a["name"])
    session = meta["session"]
    if session:
        for p in session["photos"]:
            named.setdefault(p["sha256"], p["name"])
        if session["attendance_sha256"]:
            named.setdefault(session["attendance_sha256"], session["attendance_name"])
    return named


def _write(f, db, meta: dict, named: dict[str, str], progress) -> None:
    with write_zip(f) as zf:
        for done, (sha, name) in enumerate(named.items(), 1):
            report(progress, done, len(named), _("Packing the attachments and photos…"))
            source = stored_path(db, sha)
            if not (source.is_file() and add_stored_file(zf, source, sha)):
                raise UserError(tr("The file “{name}” is missing or changed in the files folder, so the package "
                                   "cannot be made. Run “Check the database” first.", name=name))
        for item in meta["files"]:
            item["size"] = stored_path(db, item["sha256"]).stat().st_size
        add_json(zf, "package.json", meta)
