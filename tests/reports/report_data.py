"""A corner with indicator 4.1 evidence for report tests and the benchmark, built through the core API.

Photos are made like a phone makes them: large JPEGs, some stored sideways with an EXIF orientation
mark, with enough texture that they do not compress to nothing.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

from lo_desktop.core.catalog.materials import add_material
from lo_desktop.core.indicator.channels import Channel, save_channel
from lo_desktop.core.indicator.communities import Community, save_community
from lo_desktop.core.records import Material
from lo_desktop.core.indicator.sessions import ExchangeSession, Participant, SessionPhoto, save_session, store_photo

FY = 2556
PARTNER = "สำนักงานเขตพระโขนง"
EXIF_ORIENTATION = 0x0112


def phone_photo(path: Path, seed: int, size=(4000, 3000), sideways: bool = False) -> Path:
    """A textured photo; ``sideways`` stores it rotated with orientation 6, as phones held upright do."""
    rng = random.Random(seed)
    small = Image.new("RGB", (size[0] // 8, size[1] // 8))
    draw = ImageDraw.Draw(small)
    for _i in range(60):
        x, y = rng.randrange(small.width), rng.randrange(small.height)
        r = rng.randrange(5, small.width // 4)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _c in range(3)))
    image = small.filter(ImageFilter.GaussianBlur(3)).resize(size, Image.Resampling.BILINEAR)
    noise = Image.effect_noise(size, 24).convert("RGB")
    image = Image.blend(image, noise, 0.12)
    exif = Image.Exif()
    if sideways:
        image = image.transpose(Image.Transpose.ROTATE_90)  # stored on its side …
        exif[EXIF_ORIENTATION] = 6                          # … and marked "turn 90° clockwise to view"
    exif[0x010E] = f"photo {seed}"  # a distinct description keeps every file distinct in the store
    image.save(path, "JPEG", quality=90, exif=exif.tobytes())
    return path


def material(db, title: str, kind: str = "other", source: str = "other", received=date(2013, 3, 1),
             **values) -> Material:
    return add_material(db, Material(title=title, kind=kind, source=source, received_on=received, **values))


def build_corner(db, photo_dir: Path, sessions: int = 2, photos_per_session: int = 2,
                 photo_size=(1200, 900), photo_files: list[Path] | None = None) -> dict:
    """Work manuals with channels, KM and CoP items, a community, and exchange sessions with photos."""
    photo_dir.mkdir(parents=True, exist_ok=True)
    manual = material(db, "คู่มือการจัดระเบียบผู้ค้าหาบเร่แผงลอย", "work_manual", location="ชั้น A-1")
    for key, day in (("website", date(2013, 1, 10)), ("corner_shelf", date(2013, 1, 15))):
        save_channel(db, Channel(manual.id, key, day, evidence_link="https://www.bangkok.go.th/bangna"))
    km = material(db, "บทเรียนการจัดระเบียบทางเท้า (KM)", "report", "km")
    cop = material(db, "บันทึกชุมชนนักปฏิบัติงานเทศกิจ", "report", "cop")
    save_community(db, Community("ชุมชนนักปฏิบัติงานเทศกิจ", ["นายสมชาย ใจดี", "นางสาวสุดา รักงาน"], [cop.id]))
    made = []
    for number in range(sessions):
        stored = material(db, f"สรุปองค์ความรู้การแลกเปลี่ยนครั้งที่ {number + 1}", "report", "exchange")
        pics = []
        for p in range(photos_per_session):
            index = number * photos_per_session + p
            path = photo_files[index] if photo_files else phone_photo(
                photo_dir / f"s{number}p{p}.jpg", index, photo_size, sideways=(p % 2 == 1))
            pics.append(store_photo(db, path, f"ภาพที่ {p + 1} การแลกเปลี่ยนเรียนรู้ (Bang Na)"))
        made.append(save_session(db, _session(number, stored.id, pics)))
    return {"manual": manual, "km": km, "cop": cop, "sessions": made}


def _session(number: int, material_id: int, photos: list[SessionPhoto]) -> ExchangeSession:
    held = date(2013, 3, 15) + timedelta(days=7 * number)  # 25 sessions fit in FY 2556
    people = [Participant("นายสมชาย ใจดี", "หัวหน้าฝ่ายเทศกิจ", "สำนักงานเขตบางนา"),
              Participant("นางสาวสุดา รักงาน", "นักพัฒนาสังคม", "สำนักงานเขตบางนา"),
              Participant("นายวิชัย มั่นคง", "หัวหน้าฝ่ายเทศกิจ", PARTNER)]
    return ExchangeSession(
        held_on=held, topic="การจัดระเบียบผู้ค้าหาบเร่แผงลอย", start_time="09:30", end_time="12:00",
        place="ห้องประชุมสำนักงานเขตบางนา ชั้น 3", host="สำนักงานเขตบางนา", partners=[PARTNER],
        agenda="แลกเปลี่ยนแนวทางการกำหนดจุดผ่อนผันตามมาตรา 20 ของ พ.ร.บ. รักษาความสะอาดฯ พ.ศ. 2535",
        learnings_ours="การประสานงานกับผู้ค้าก่อนจัดระเบียบ 30 วัน ช่วยลดข้อร้องเรียน",
        learnings_theirs="การใช้ QR code ติดแผงค้าเพื่อตรวจสอบทะเบียนผู้ค้า",
        follow_up="ทดลองใช้ทะเบียนผู้ค้าแบบ QR ในปีงบประมาณ 2557",
        participants=people, headcounts={"สำนักงานเขตบางนา": 15, PARTNER: 10},
        photos=photos, material_ids=[material_id])
