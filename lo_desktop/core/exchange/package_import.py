"""Reading an exchange package: a preview first, then the import's steps (core/exchange_actions.py runs
them with the backup before and the history entry, in one transaction).

The package is untrusted: its names, sizes and every file's hash are checked (core/archive.py) and its
description is read field by field; anything wrong refuses the whole package with one sentence.
Materials and sessions already here (the same ``uid``) are recognised and left as they are, so importing
a package twice adds nothing; a material whose code is taken here gets the next free code of this
corner's pattern (the preview lists each one). Imported materials are marked with their origin
("from <exporting agency>"), lose the exporter's shelf location and loan state, and count as received
on the day of the import.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from lo_desktop.core.archive import Archive
from lo_desktop.core.catalog.materials import add_material, all_codes, next_codes, now
from lo_desktop.core.errors import UserError
from lo_desktop.core.files import folder as files_folder
from lo_desktop.core.files import safe_name
from lo_desktop.core.exchange.package import FORMAT, LIMITS, MATERIAL_FIELDS, VERSION
from lo_desktop.core.progress import Progress, report
from lo_desktop.core.records import Material
from lo_desktop.i18n import _, tr

UID_FORM = re.compile(r"[0-9A-Za-z-]{1,64}")
LOAN_STATES = ("on_loan",)


@dataclass
class PackageItem:
    uid: str
    code: str  # the code in the package
    title: str
    new_code: str = ""  # the code it gets here ("" when it is already here)


@dataclass
class PackagePreview:
    path: Path
    agency: str
    created_at: str
    origin: str
    new: list[PackageItem] = field(default_factory=list)
    present: list[PackageItem] = field(default_factory=list)
    session_topic: str = ""
    session_held_on: date | None = None
    session_new: bool = False
    files: int = 0
    size: int = 0

    @property
    def renamed(self) -> list[PackageItem]:
        return [i for i in self.new if i.new_code != i.code]

    @property
    def nothing_new(self) -> bool:
        return not self.new and not self.session_new

    def lines(self) -> list[str]:
        """The preview in plain sentences, for the CLI and the dialog."""
        from lo_desktop.core.thaidate import format_date

        out = [tr("A package from {agency}: {new} new materials, {present} already here.", agency=self.agency,
                  new=len(self.new), present=len(self.present))]
        if self.session_topic:
            when = format_date(self.session_held_on) if self.session_held_on else ""
            text = _("new, will be added") if self.session_new else _("already here, left as it is")
            out.append(tr("Exchange session “{topic}” ({date}): {state}.", topic=self.session_topic, date=when,
                          state=text))
        out += [tr("{old} is used here by another material; it will be added as {new}.", old=i.code, new=i.new_code)
                for i in self.renamed]
        if self.nothing_new:
            out.append(_("Everything in this package is here already; importing adds nothing."))
        return out


@dataclass
class ImportResult:
    preview: PackagePreview
    added: int = 0
    session_id: int | None = None
    backup: Path | None = None


def preview_package(db, path: str | Path, progress: Progress | None = None) -> PackagePreview:
    with open_package(path, progress) as archive:
        return plan_import(db, archive)


def store_package_files(db, archive: Archive, plan: PackagePreview, progress: Progress | None = None) -> None:
    """Place the files the new records need in the file store (harmless if the import then fails)."""
    wanted = _needed_files(archive.meta, plan)
    root = files_folder(db)
    for done, sha in enumerate(wanted, 1):
        report(progress, done, len(wanted), _("Storing the attachments and photos…"))
        archive.place_file(root, sha)


def add_package_records(db, archive: Archive) -> ImportResult:
    """Add the new materials and session. Run it inside the caller's transaction, after the files."""
    plan = plan_import(db, archive)  # the same answer unless another window changed the catalog meanwhile
    result = ImportResult(plan)
    result.added = _add_materials(db, archive, plan)
    result.session_id = _add_session(db, archive, plan)
    return result


# ---------------------------------------------------------------- reading the description

def open_package(path, progress: Progress | None = None) -> Archive:
    """The package opened, its description checked and every file's fingerprint verified; a context manager."""
    archive = Archive(path, LIMITS, _("exchange package"))
    try:
        _check_meta(archive)
        expected = {f"files/{f['sha256']}": f["sha256"] for f in archive.meta["files"]}
        labels = {f"files/{f['sha256']}": str(f.get("name") or f["sha256"]) for f in archive.meta["files"]}
        archive.verify(expected, labels, progress)
    except (KeyError, TypeError, AttributeError) as exc:
        archive.close()
        raise archive.damaged(_("its description cannot be read")) from exc
    except BaseException:
        archive.close()
        raise
    return archive


def _check_meta(archive: Archive) -> None:
    meta = archive.meta
    archive.check_format(FORMAT, VERSION, _("it is not an lo-desktop exchange package"),
                         tr("“{name}” was made by a newer version of lo-desktop; install it to import this "
                            "package.", name=archive.path.name))
    agency = meta["agency"]["name"]
    if not isinstance(agency, str) or not agency.strip() or len(agency) > 300:
        raise archive.damaged(_("it does not say which agency made it"))
    if not isinstance(meta["materials"], list) or not isinstance(meta["files"], list):
        raise archive.damaged(_("its description cannot be read"))
    files = {f["sha256"] for f in meta["files"]}
    for m in meta["materials"]:
        if not (isinstance(m["uid"], str) and UID_FORM.fullmatch(m["uid"]) and isinstance(m["code"], str)):
            raise archive.damaged(_("a material in it has no valid identifier"))
        if any(a["sha256"] not in files for a in m["attachments"]):
            raise archive.damaged(_("an attachment in it is not in its list of files"))
    session = meta.get("session")
    if session is not None:
        shas = [p["sha256"] for p in session["photos"]] + [session.get("attendance_sha256") or None]
        if any(s is not None and s not in files for s in shas):
            raise archive.damaged(_("a photo in it is not in its list of files"))


def plan_import(db, archive: Archive) -> PackagePreview:
    """What importing would do here: new and present materials, the codes they get, the session."""
    try:
        return _plan_of(db, archive)
    except (KeyError, TypeError, AttributeError) as exc:
        raise archive.damaged(_("its description cannot be read")) from exc


def _plan_of(db, archive: Archive) -> PackagePreview:
    from lo_desktop.settings import load_settings

    meta = archive.meta
    agency = " ".join(meta["agency"]["name"].split())
    preview = PackagePreview(archive.path, agency, str(meta.get("created_at", "")), tr("from {agency}", agency=agency),
                             files=len(meta["files"]), size=archive.total_bytes)
    here = {r[0] for r in db.execute("SELECT uid FROM materials").fetchall()}
    for m in meta["materials"]:
        item = PackageItem(m["uid"], m["code"].strip(), str(m.get("title", "")))
        (preview.present if item.uid in here else preview.new).append(item)
    _assign_codes(db, preview.new, load_settings(db).code_pattern)
    session = meta.get("session")
    if session:
        preview.session_topic = str(session["topic"])
        preview.session_held_on = _date(archive, session["held_on"])
        preview.session_new = not db.execute("SELECT 1 FROM exchange_sessions WHERE uid = ?",
                                             [str(session["uid"])]).fetchone()
    return preview


def _assign_codes(db, items: list[PackageItem], pattern: str) -> None:
    """Keep each package code that is free here; give the others the next free codes of the pattern."""
    taken = all_codes(db)
    renamed = []
    for item in items:
        if item.code and item.code.casefold() not in taken:
            item.new_code = item.code
            taken.add(item.code.casefold())
        else:
            renamed.append(item)
    fresh = (c for c in next_codes(db, pattern, len(items)) if c.casefold() not in taken)
    for item in renamed:
        item.new_code = next(fresh)


def _date(archive: Archive, text) -> date:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError) as exc:
        raise archive.damaged(tr("the date “{value}” cannot be read", value=str(text)[:40])) from exc


# ---------------------------------------------------------------- adding

def _needed_files(meta: dict, plan: PackagePreview) -> list[str]:
    new_uids = {i.uid for i in plan.new}
    shas = [a["sha256"] for m in meta["materials"] if m["uid"] in new_uids for a in m["attachments"]]
    session = meta.get("session")
    if session and plan.session_new:
        shas += [p["sha256"] for p in session["photos"]]
        shas += [session["attendance_sha256"]] if session.get("attendance_sha256") else []
    return list(dict.fromkeys(shas))


def _add_materials(db, archive: Archive, plan: PackagePreview) -> int:
    codes = {i.uid: i.new_code for i in plan.new}
    added = 0
    for raw in archive.meta["materials"]:
        if raw["uid"] not in codes:
            continue
        material = _material(archive, raw, codes[raw["uid"]], plan.origin)
        try:
            material = add_material(db, material)
        except UserError as exc:
            raise UserError(tr("The material “{title}” in the package cannot be added, so nothing was imported: "
                               "{problem}", title=material.title, problem=exc)) from exc
        except (TypeError, AttributeError, ValueError) as exc:
            raise archive.damaged(tr("the material “{code}” cannot be read", code=material.code)) from exc
        _add_attachments(db, archive, material.id, raw["attachments"])
        added += 1
    return added


def _material(archive: Archive, raw: dict, code: str, origin: str) -> Material:
    try:
        m = Material.from_row({k: raw[k] for k in MATERIAL_FIELDS if k in raw})
    except (TypeError, ValueError) as exc:
        raise archive.damaged(tr("the material “{code}” cannot be read", code=str(raw.get("code"))[:40])) from exc
    status = "available" if m.status in LOAN_STATES else m.status
    return replace(m, code=code, origin=origin, location="", status=status, received_on=date.today())


def _add_attachments(db, archive: Archive, material_id: int, attachments: list) -> None:
    rows = [{"material_id": material_id, "name": safe_name(str(a["name"])), "sha256": a["sha256"],
             "size": archive.entries[f"files/{a['sha256']}"].file_size, "added_at": now()} for a in attachments]
    if rows:
        db["attachments"].insert_all(rows)


def _add_session(db, archive: Archive, plan: PackagePreview) -> int | None:
    from lo_desktop.core.indicator.sessions import save_session

    raw = archive.meta.get("session")
    if not raw or not plan.session_new:
        return None
    try:
        session = _session(db, archive, raw, plan)
        return save_session(db, session).id
    except UserError as exc:
        raise UserError(tr("The exchange session in the package cannot be added, so nothing was imported: "
                           "{problem}", problem=exc)) from exc
    except (TypeError, AttributeError, ValueError, KeyError) as exc:
        raise archive.damaged(_("its exchange session cannot be read")) from exc


def _session(db, archive: Archive, raw: dict, plan: PackagePreview):
    from lo_desktop.core.indicator.sessions import COLUMNS, ExchangeSession, Participant, SessionPhoto
    from lo_desktop.settings import load_settings

    values = {k: raw[k] for k in COLUMNS if k in raw}
    values["held_on"] = _date(archive, raw["held_on"])
    uids = [str(u) for u in raw["material_uids"]]
    ids = [r[0] for r in db.execute(f"SELECT id FROM materials WHERE uid IN ({','.join('?' * len(uids))})",
                                    uids).fetchall()] if uids else []
    return ExchangeSession(
        **values, uid=str(raw["uid"]), partners=_partners(raw["partners"], plan.agency, load_settings(db).agency_name),
        participants=[Participant(str(p["name"]), str(p.get("position", "")), str(p.get("agency", "")))
                      for p in raw["participants"]],
        headcounts={str(k): int(v) for k, v in raw["headcounts"].items()},
        photos=[SessionPhoto(p["sha256"], safe_name(str(p["name"])), str(p.get("caption", "")))
                for p in raw["photos"]],
        material_ids=ids)


def _partners(listed: list, exporter: str, receiver: str) -> list[str]:
    """The session as the receiver sees it: the exporter is a partner, the receiver itself is not."""
    names = [" ".join(str(n).split()) for n in listed]
    partners = [n for n in names if n and n != receiver]
    if exporter != receiver:
        partners.append(exporter)
    return list(dict.fromkeys(partners)) or names
