"""Photos go into documents upright, at most 1600 px on the long side, as JPEG within a byte budget."""
from __future__ import annotations

import io
import zipfile

from PIL import Image
from report_data import phone_photo

from lo_desktop.reports.indicator_report import build_indicator_report
from lo_desktop.reports.photos import BYTE_BUDGET, MAX_SIDE, prepare_photo
from lo_desktop.settings import Settings

TEN_MB = 10 * 1024 * 1024


def marked_sideways_photo(path):
    """A landscape scene with a red top-left corner, stored on its side with EXIF orientation 6."""
    scene = Image.new("RGB", (4000, 3000), "white")
    scene.paste((255, 0, 0), (0, 0, 800, 600))
    exif = Image.Exif()
    exif[0x0112] = 6
    scene.transpose(Image.Transpose.ROTATE_90).save(path, "JPEG", quality=85, exif=exif.tobytes())
    return path


def test_a_sideways_phone_photo_is_turned_upright(tmp_path):
    photo = prepare_photo(marked_sideways_photo(tmp_path / "side.jpg"))
    image = Image.open(io.BytesIO(photo.data))
    assert image.width > image.height
    assert image.getpixel((5, 5))[0] > 200 and image.getpixel((5, 5))[1] < 60  # red corner top-left
    assert image.getpixel((image.width - 5, image.height - 5)) > (200, 200, 200)


def test_large_photos_are_downscaled_and_reencoded_as_jpeg(tmp_path):
    photo = prepare_photo(phone_photo(tmp_path / "big.jpg", 1, (4000, 3000)))
    image = Image.open(io.BytesIO(photo.data))
    assert image.format == "JPEG"
    assert max(image.size) <= MAX_SIDE and max(image.size) >= 1000
    assert len(photo.data) <= BYTE_BUDGET


def test_a_noisy_photo_still_fits_the_byte_budget(tmp_path):
    noise = Image.effect_noise((3000, 2000), 120).convert("RGB")
    noise.save(tmp_path / "noise.png")
    photo = prepare_photo(tmp_path / "noise.png")
    assert len(photo.data) <= BYTE_BUDGET
    assert max(Image.open(io.BytesIO(photo.data)).size) <= MAX_SIDE


def test_transparency_prints_white(tmp_path):
    Image.new("RGBA", (100, 50), (0, 0, 0, 0)).save(tmp_path / "clear.png")
    image = Image.open(io.BytesIO(prepare_photo(tmp_path / "clear.png").data))
    assert image.getpixel((50, 25)) > (240, 240, 240)


def test_a_missing_or_broken_photo_is_none(tmp_path):
    (tmp_path / "broken.jpg").write_bytes(b"not a picture")
    assert prepare_photo(tmp_path / "missing.jpg") is None
    assert prepare_photo(tmp_path / "broken.jpg") is None


def test_every_picture_in_the_report_is_a_small_jpeg_and_forty_fit_in_ten_mb(db, tmp_path):
    """Eight phone photos measured; each embedded one stays within the budget that keeps 40 under 10 MB."""
    from report_data import build_corner

    build_corner(db, tmp_path / "photos", sessions=2, photos_per_session=4, photo_size=(4000, 3000))
    path = build_indicator_report(db, Settings(), 2556, tmp_path / "kpi.docx")
    with zipfile.ZipFile(path) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        sizes = [z.getinfo(n).file_size for n in media]
        images = [Image.open(io.BytesIO(z.read(n))) for n in media]
    assert len(media) == 8
    assert all(image.format == "JPEG" and max(image.size) <= MAX_SIDE for image in images)
    assert max(sizes) <= BYTE_BUDGET
    overhead = path.stat().st_size - sum(sizes)
    assert overhead + 40 * BYTE_BUDGET < TEN_MB


def test_a_photo_whose_file_is_gone_becomes_a_note_not_an_error(db, corner, tmp_path):
    from lo_desktop.core.files import stored_path

    stored_path(db, corner["sessions"][0].photos[0].sha256).unlink()
    path = build_indicator_report(db, Settings(), 2556, tmp_path / "kpi.docx")
    from docx_reading import all_text

    assert "ไม่พบไฟล์ภาพ" in all_text(path)
