"""Photos for Word: turned upright by their EXIF mark, shrunk, re-encoded as JPEG, laid two to a row.

A phone photo is 3–6 MB at 4000 px; the evaluator prints it 8 cm wide. Each photo is therefore cut to
a long side of at most 1600 px and encoded within a byte budget, so a report with 40 photos stays well
under 10 MB and can be e-mailed. A photo that is missing or unreadable becomes a line of text in its
place instead of stopping the whole report.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm
from PIL import Image, ImageOps, UnidentifiedImageError

from lo_desktop.i18n import _

MAX_SIDE = 1600
BYTE_BUDGET = 220_000  # 40 photos × 220 kB ≈ 8.8 MB
QUALITIES = (82, 72, 62, 52)
SMALLER_SIDES = (1280, 1024)
Image.MAX_IMAGE_PIXELS = 120_000_000  # refuse decompression bombs, accept any real camera


@dataclass
class Photo:
    data: bytes
    width: int
    height: int


def prepare_photo(path: str | Path) -> Photo | None:
    """The photo ready for a document, or None when the file is missing or not an image."""
    try:
        with Image.open(path) as image:
            image.draft("RGB", (MAX_SIDE, MAX_SIDE))  # JPEG decodes at a fraction of full size: fast
            upright = ImageOps.exif_transpose(image)
            return _encode(_rgb(upright))
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        return None


def _rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        white = Image.new("RGB", image.size, "white")  # transparency prints white, not black
        white.paste(image, mask=image.getchannel("A"))
        return white
    return image.convert("RGB") if image.mode != "RGB" else image


def _encode(image: Image.Image) -> Photo:
    data = b""
    for side in (MAX_SIDE, *SMALLER_SIDES):
        sized = _fit(image, side)
        for quality in QUALITIES:
            data = _jpeg(sized, quality)
            if len(data) <= BYTE_BUDGET:
                return Photo(data, *sized.size)
    return Photo(data, *sized.size)


def _fit(image: Image.Image, side: int) -> Image.Image:
    if max(image.size) <= side:
        return image
    scale = side / max(image.size)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS)


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
    return out.getvalue()


def add_photo_grid(builder, items: list[tuple[Path | None, str]], columns: int = 2,
                   width_cm: float = 7.5, max_height_cm: float = 6.5, progress=None) -> None:
    """Photos with their captions, ``columns`` to a row, in a borderless table."""
    if not items:
        return
    table = builder.doc.add_table(rows=0, cols=columns)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    cells = []
    for index, (path, caption) in enumerate(items):
        if index % columns == 0:
            cells = table.add_row().cells
        _photo_cell(builder, cells[index % columns], path, caption, width_cm, max_height_cm)
        if progress is not None:
            progress()


def _photo_cell(builder, cell, path, caption: str, width_cm: float, max_height_cm: float) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    photo = prepare_photo(path) if path is not None else None
    if photo is None:
        builder.run(paragraph, _("(The photo file is missing.)"), size=14)
    else:
        width = min(width_cm, max_height_cm * photo.width / photo.height)
        paragraph.add_run().add_picture(io.BytesIO(photo.data), width=Cm(width))
    if caption:
        builder.paragraph(caption, style="Caption", align=WD_ALIGN_PARAGRAPH.CENTER, container=cell)
