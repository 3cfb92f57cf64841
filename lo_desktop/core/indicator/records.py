"""Helpers the indicator 4.1 records share: bounded file intake, photos, rows and material lists."""
from __future__ import annotations

from pathlib import Path

from lo_desktop.core.errors import UserError
from lo_desktop.core.files import safe_name, store_file
from lo_desktop.core.records import Material
from lo_desktop.i18n import tr

MAX_FILE_MB = 25
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024


def rows(db, sql: str, params: list | tuple = ()) -> list[dict]:
    cursor = db.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values)) for values in cursor.fetchall()]


def marks(values) -> str:
    return ",".join("?" * len(values))


def check_file(path: str | Path) -> Path:
    """The file as a Path, refused before a byte is read when it is missing or too large."""
    path = Path(path)
    if not path.is_file():
        raise UserError(tr("The file “{path}” does not exist.", path=path))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UserError(tr("“{name}” is {size} MB; files larger than {limit} MB cannot be stored. "
                           "Reduce it (for example, save the photo at a smaller size) and try again.",
                           name=path.name, size=round(size / 1024 / 1024), limit=MAX_FILE_MB))
    return path


def check_image(path: str | Path) -> Path:
    """A picture Pillow can read (JPEG, PNG, WebP …) of a bounded size, or one clear sentence."""
    path = check_file(path)
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise UserError(tr("“{name}” is not a picture that can be opened (use a JPEG, PNG or WebP photo).",
                           name=path.name)) from None
    return path


def store_checked(db, path: Path) -> tuple[str, str]:
    """Store a checked file in the managed folder; returns (sha256, display name)."""
    sha, _size = store_file(db, path)
    return sha, safe_name(path.name)


def materials_by_ids(db, ids) -> list[Material]:
    """Materials outside the Trash for the ids, ordered by code."""
    ids = list(ids)
    if not ids:
        return []
    found = rows(db, f"SELECT * FROM materials WHERE deleted_at IS NULL AND id IN ({marks(ids)}) "
                     "ORDER BY code", ids)
    return [Material.from_row(row) for row in found]


def missing_material_ids(db, ids) -> list[int]:
    ids = list(dict.fromkeys(int(i) for i in ids))
    if not ids:
        return []
    found = {r[0] for r in db.execute(f"SELECT id FROM materials WHERE id IN ({marks(ids)})", ids).fetchall()}
    return [i for i in ids if i not in found]
