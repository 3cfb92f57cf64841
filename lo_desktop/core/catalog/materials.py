"""Materials: validate, add, update, soft-delete, restore, purge, and generate codes."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timezone

from lo_desktop.core.errors import UserError, ValidationError
from lo_desktop.core.records import Material, new_uid
from lo_desktop.core.catalog.search import search_text
from lo_desktop.core.thaidate import fiscal_year
from lo_desktop.core.vocab import MATERIAL_FIELDS, VOCABULARIES
from lo_desktop.i18n import _, tr

DEFAULT_CODE_PATTERN = "BN-####"
YEAR_RANGE = (2400, 2700)
LINK_FORM = re.compile(r"^(https?://\S+|file://\S+|[A-Za-z]:[\\/].*|\\\\\S.*|/.*)$")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def get_material(db, code: str, include_deleted: bool = False) -> Material | None:
    sql = "SELECT * FROM materials WHERE code = ? COLLATE NOCASE"
    if not include_deleted:
        sql += " AND deleted_at IS NULL"
    return _one(db, sql, [code.strip()])


def get_material_by_id(db, material_id: int) -> Material | None:
    return _one(db, "SELECT * FROM materials WHERE id = ?", [material_id])


def _one(db, sql: str, params: list) -> Material | None:
    cursor = db.execute(sql, params)
    row = cursor.fetchone()
    if row is None:
        return None
    return Material.from_row(dict(zip([d[0] for d in cursor.description], row)))


MAX_COPIES = 1_000_000


def validate(db, material: Material) -> dict[str, str]:
    """Every rule a material breaks, as field → message. Empty when it may be saved."""
    return {**_code_problems(db, material), **validate_fields(material)}


def validate_fields(material: Material) -> dict[str, str]:
    """The rules a material must keep on its own (all but the code being free)."""
    problems = {}
    if not material.title.strip():
        problems["title"] = _("The title is required.")
    if material.year is not None and not YEAR_RANGE[0] <= material.year <= YEAR_RANGE[1]:
        problems["year"] = tr("The year must be a Buddhist Era year between {low} and {high}.",
                              low=YEAR_RANGE[0], high=YEAR_RANGE[1])
    if material.copies is None or material.copies < 0:
        problems["copies"] = _("The number of copies cannot be negative.")
    elif material.copies > MAX_COPIES:  # SQLite holds 64-bit integers; a package may say 10**30
        problems["copies"] = tr("The number of copies cannot be more than {limit:,}.", limit=MAX_COPIES)
    if material.link.strip() and not LINK_FORM.match(material.link.strip()):
        problems["link"] = _("The link must be a web address (https://…) or a file path.")
    for name in MATERIAL_FIELDS:
        if getattr(material, name) not in VOCABULARIES[name]:
            problems[name] = tr("Unknown value “{value}”.", value=getattr(material, name))
    return problems


def _code_problems(db, material: Material) -> dict[str, str]:
    code = material.code.strip()
    if not code:
        return {}
    row = db.execute("SELECT id, deleted_at FROM materials WHERE code = ? COLLATE NOCASE", [code]).fetchone()
    if row is None or row[0] == material.id:
        return {}
    if row[1]:
        return {"code": tr("The code {code} belongs to a material in the Trash.", code=code)}
    return {"code": tr("The code {code} is already used by another material.", code=code)}


def prepare(db, material: Material, pattern: str = DEFAULT_CODE_PATTERN) -> Material:
    """The material as it will be stored: trimmed, code generated if empty, derived fields filled."""
    m = replace(material, code=material.code.strip(), title=material.title.strip(),
                link=material.link.strip())
    if not m.code:
        m.code = next_code(db, pattern)
    m.uid = m.uid or new_uid()
    m.fiscal_year = fiscal_year(m.received_on) if m.received_on else None
    return m


def add_material(db, material: Material, pattern: str = DEFAULT_CODE_PATTERN) -> Material:
    m = prepare(db, material, pattern)
    _raise_if_invalid(db, m)
    m.created_at = m.updated_at = now()
    row = _stored_row(m)
    row.pop("id")
    with db.atomic():
        m.id = db["materials"].insert(row).last_pk
    return m


def update_material(db, material: Material) -> Material:
    if material.id is None or get_material_by_id(db, material.id) is None:
        raise UserError(_("This material no longer exists."))
    m = prepare(db, material)
    _raise_if_invalid(db, m)
    m.updated_at = now()
    row = _stored_row(m)
    row.pop("created_at")
    with db.atomic():
        db["materials"].update(m.id, row)
    return m


def _raise_if_invalid(db, m: Material) -> None:
    problems = validate(db, m)
    if problems:
        raise ValidationError(problems)


def _stored_row(m: Material) -> dict:
    row = m.to_row()
    row["search_text"] = search_text(row)
    return row


def delete_material(db, material_id: int) -> bool:
    """Move to the Trash; nothing is lost until the Trash is emptied. False when it was not outside it."""
    with db.atomic():
        cursor = db.execute("UPDATE materials SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                            [now(), material_id])
    return cursor.rowcount > 0


def restore_material(db, material_id: int) -> bool:
    """Bring a material back from the Trash; False when it was not in it."""
    with db.atomic():
        cursor = db.execute("UPDATE materials SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL",
                            [material_id])
    return cursor.rowcount > 0


def purge_material(db, material_id: int) -> bool:
    """Delete one material in the Trash for good; False when it was not in the Trash."""
    with db.atomic():
        cursor = db.execute("DELETE FROM materials WHERE id = ? AND deleted_at IS NOT NULL", [material_id])
    return cursor.rowcount > 0


def empty_trash(db) -> int:
    """Delete for good every material in the Trash; returns how many."""
    with db.atomic():
        cursor = db.execute("DELETE FROM materials WHERE deleted_at IS NOT NULL")
    return cursor.rowcount


def next_code(db, pattern: str = DEFAULT_CODE_PATTERN) -> str:
    """The next free code for a pattern where a run of # stands for the number: BN-#### → BN-0031."""
    return next_codes(db, pattern, 1)[0]


def next_codes(db, pattern: str, count: int, taken: set[str] = frozenset()) -> list[str]:
    """``count`` free codes in order, scanning the table once (imports need thousands); codes in
    ``taken`` (case-folded: those an imported file gives its own rows) are skipped."""
    if "#" not in pattern:
        pattern += "-####"
    match = re.search(r"#+", pattern)
    prefix, suffix, width = pattern[:match.start()], pattern[match.end():], len(match.group())
    codes, number = [], _highest_number(db, prefix, suffix)
    while len(codes) < count:
        number += 1
        code = f"{prefix}{number:0{width}d}{suffix}"
        if code.casefold() not in taken:
            codes.append(code)
    return codes


def _highest_number(db, prefix: str, suffix: str) -> int:
    """The largest number among codes shaped prefix + digits + suffix, computed inside SQLite."""
    number = "substr(code, :start, length(code) - :fixed)"
    sql = (f"SELECT MAX(CAST({number} AS INTEGER)) FROM materials "
           # NOCASE like the column's unique index: "bn-0042" takes BN-0042's number too, or the next
           # code would collide with it (an IntegrityError instead of a new code).
           f"WHERE code >= :prefix AND substr(code, 1, :plen) = :prefix COLLATE NOCASE "
           f"AND substr(code, -:slen) = :suffix COLLATE NOCASE "
           f"AND length(code) > :fixed AND {number} NOT GLOB '*[^0-9]*'")
    values = {"start": len(prefix) + 1, "fixed": len(prefix) + len(suffix), "prefix": prefix,
              "plen": len(prefix), "slen": len(suffix) or 10**9, "suffix": suffix}
    if not suffix:
        sql = sql.replace("AND substr(code, -:slen) = :suffix COLLATE NOCASE ", "")
        values.pop("slen"), values.pop("suffix")
    return db.execute(sql, values).fetchone()[0] or 0


def all_codes(db) -> set[str]:
    return {r[0].casefold() for r in db.execute("SELECT code FROM materials").fetchall()}


def locations(db) -> list[str]:
    rows = db.execute("SELECT DISTINCT location FROM materials WHERE location != '' ORDER BY location")
    return [r[0] for r in rows.fetchall()]
