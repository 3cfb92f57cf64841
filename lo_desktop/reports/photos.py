"""Photos for Word: turned upright by their EXIF mark, shrunk, re-encoded as JPEG, laid two to a row.

A phone photo is 3–6 MB at 4000 px; the evaluator prints it 7.5 cm wide. Each photo is therefore cut
to a long side between 1000 and 1600 px (the nearest the JPEG decoder's fast 1/2, 1/4, 1/8 scales
allow) and encoded within a byte budget, so a report with 40 photos stays well
under 10 MB and can be e-mailed. A photo that is missing or unreadable becomes a line of text in its
place instead of stopping the whole report.
"""
from __future__ import annotations

import io
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm
from PIL import Image, UnidentifiedImageError

from lo_desktop.reports.docx_base import new_row, thai

MAX_SIDE = 1600
PRINT_SIDE = 1000
BYTE_BUDGET = 220_000  # 40 photos × 220 kB ≈ 8.8 MB
QUALITIES = (82, 72, 62, 52)
SMALLER_SIDES = (1280, 1024)
WORKERS = max(1, min(4, os.cpu_count() or 1))
EXIF_ORIENTATION = 0x0112
ORIENTATIONS = {
    2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
Image.MAX_IMAGE_PIXELS = 120_000_000  # refuse decompression bombs, accept any real camera


@dataclass
class Photo:
    data: bytes
    width: int
    height: int


def prepare_photo(path: str | Path | None) -> Photo | None:
    """The photo ready for a document, or None when the file is missing or not an image."""
    if path is None:
        return None
    try:
        with Image.open(path) as image:
            orientation = image.getexif().get(EXIF_ORIENTATION, 1)
            _draft(image)
            sized = _fit(_rgb(image), MAX_SIDE)
            return _encode(_upright(sized, orientation))
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        return None


def prepare_many(paths: list, progress=None) -> list[Photo | None]:
    """Prepare photos on a few threads (Pillow decodes and scales outside the GIL), in order.
    ``progress()`` is called after each; if it raises (the user cancelled), the rest is dropped."""
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = [pool.submit(prepare_photo, path) for path in paths]
        try:
            results = []
            for future in futures:
                results.append(future.result())
                if progress is not None:
                    progress()
            return results
        except BaseException:
            for future in futures:
                future.cancel()
            raise


def _draft(image: Image.Image) -> None:
    """Let a JPEG decode at 1/2, 1/4 or 1/8 scale when that still leaves a long side of PRINT_SIDE:
    decoding and scaling are most of the time a report takes, and 1000 px is over 300 dpi at the
    7.5 cm a photo is printed (two to a row)."""
    scale = PRINT_SIDE / max(image.size)
    if scale < 1:
        image.draft("RGB", (max(1, int(image.width * scale)), max(1, int(image.height * scale))))


def _upright(image: Image.Image, orientation: int) -> Image.Image:
    """Turn the pixels the way the camera's EXIF mark says (after scaling: far fewer pixels to move)."""
    method = ORIENTATIONS.get(orientation)
    return image.transpose(method) if method is not None else image


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
    return image.resize(size, Image.Resampling.BICUBIC, reducing_gap=2.0)


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
    return out.getvalue()


def add_photo_grid(builder, items: list[tuple[Path | None, str]], columns: int = 2,
                   width_cm: float = 7.5, max_height_cm: float = 6.5, progress=None) -> None:
    """Photos with their captions, ``columns`` to a row, in a borderless table."""
    if not items:
        return
    photos = prepare_many([path for path, _caption in items], progress)
    table = builder.doc.add_table(rows=0, cols=columns)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    cells = []
    for index, (photo, (_path, caption)) in enumerate(zip(photos, items)):
        if index % columns == 0:
            cells = new_row(table)
        _photo_cell(builder, cells[index % columns], photo, caption, width_cm, max_height_cm)


def _photo_cell(builder, cell, photo: Photo | None, caption: str, width_cm: float, max_height_cm: float):
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if photo is None:
        builder.run(paragraph, thai("(The photo file is missing.)"), size=14)
    else:
        width = min(width_cm, max_height_cm * photo.width / photo.height)
        builder.picture(paragraph, photo.data, width=Cm(width))
    if caption:
        builder.paragraph(caption, style="Caption", align=WD_ALIGN_PARAGRAPH.CENTER, container=cell)
