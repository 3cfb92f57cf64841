"""Draw the sample corner's exchange-session photos and attendance sheets (resources/sample/photos).

The pictures are coloured compositions (a room or a street, people as simple figures) with a Thai
caption in Sarabun; they stand in for real photos, which the sample must not contain. Deterministic:
running it again produces the same files. Run: python scripts/make_sample_photos.py
"""
from __future__ import annotations

import random
from pathlib import Path

import fontpkg_sarabun
from PIL import Image, ImageDraw, ImageFilter, ImageFont

OUT = Path(__file__).resolve().parent.parent / "resources" / "sample" / "photos"
SIZE = (800, 533)
FONT = fontpkg_sarabun.ROOT / "files" / "Sarabun-SemiBold.ttf"
FONT_REGULAR = fontpkg_sarabun.ROOT / "files" / "Sarabun-Regular.ttf"

SCENES = {
    "s2556-1-a.jpg": ("street", (64, 120, 170), "คณะสำนักงานเขตบางนาเยี่ยมชมจุดผ่อนผันในพื้นที่เขตพระโขนง"),
    "s2556-1-b.jpg": ("room", (150, 90, 60), "เจ้าหน้าที่เทศกิจเขตพระโขนงบรรยายขั้นตอนการจัดระเบียบผู้ค้า"),
    "s2556-1-c.jpg": ("table", (70, 130, 90), "แลกเปลี่ยนเรียนรู้ ณ ห้องประชุมสำนักงานเขตพระโขนง"),
    "s2556-2-a.jpg": ("room", (110, 80, 150), "สำนักงานเขตบางนาต้อนรับคณะจากสำนักงานเขตพระโขนง"),
    "s2556-2-b.jpg": ("table", (170, 120, 50), "ประชุมสรุปบทเรียนการจัดระเบียบผู้ค้าหาบเร่แผงลอยร่วมกัน"),
    "s2556-2-c.jpg": ("street", (60, 140, 140), "ลงพื้นที่จุดผ่อนผันหน้าตลาดในเขตบางนา"),
    "s2568-1-a.jpg": ("screen", (50, 90, 130), "ประชุมออนไลน์ร่วมกับสำนักงานเขตพระโขนง"),
}
SHEETS = {
    "attendance-2556-1.jpg": "บัญชีลงชื่อผู้เข้าร่วมกิจกรรมแลกเปลี่ยนเรียนรู้ 24 มิถุนายน 2556",
    "attendance-2556-2.jpg": "บัญชีลงชื่อผู้เข้าร่วมกิจกรรมแลกเปลี่ยนเรียนรู้ 8 กรกฎาคม 2556",
}


def shade(colour, amount):
    return tuple(max(0, min(255, c + amount)) for c in colour)


def background(rng, base):
    image = Image.new("RGB", SIZE, base)
    draw = ImageDraw.Draw(image)
    for y in range(SIZE[1]):
        draw.line([(0, y), (SIZE[0], y)], fill=shade(base, int(60 * y / SIZE[1]) - 30))
    # Grain keeps the JPEG near the size of a phone photo scaled for the web.
    noise = Image.effect_noise(SIZE, 18).convert("RGB")
    return Image.blend(image, noise, 0.08)


def person(draw, x, y, scale, colour):
    r = int(14 * scale)
    draw.ellipse([x - r, y - r, x + r, y + r], fill=(235, 200, 170))
    draw.rounded_rectangle([x - 2 * r, y + r + 2, x + 2 * r, y + 6 * r], radius=r, fill=colour)


def scene(draw, rng, kind, base):
    width, height = SIZE
    if kind == "street":
        draw.polygon([(0, height), (width, height), (width * 0.6, height * 0.45), (width * 0.4, height * 0.45)],
                     fill=(120, 120, 125))
        for n in range(6):
            x = 60 + n * 130
            draw.rectangle([x, 250, x + 90, 330], fill=shade(base, 70 - n * 10))
            draw.polygon([(x - 10, 250), (x + 100, 250), (x + 45, 215)], fill=(200, 60 + n * 20, 60))
    elif kind in ("room", "table"):
        draw.rectangle([0, 0, width, 180], fill=shade(base, 50))
        draw.rectangle([250, 40, 550, 160], fill=(245, 245, 240))
        draw.rectangle([120, 330, 680, 380], fill=(120, 80, 50))
    else:
        draw.rectangle([120, 60, 680, 380], fill=(30, 30, 40))
        for n in range(6):
            x, y = 140 + (n % 3) * 180, 80 + (n // 3) * 150
            draw.rectangle([x, y, x + 160, y + 130], fill=shade(base, 20 * n))
            person(draw, x + 80, y + 50, 1.2, shade(base, -40))
        return
    for n in range(rng.randint(5, 8)):
        person(draw, rng.randint(60, width - 60), rng.randint(300, 360), rng.uniform(1.0, 1.6),
               (rng.randint(20, 200), rng.randint(20, 120), rng.randint(60, 200)))


def caption(image, text):
    band = Image.new("RGBA", (SIZE[0], 70), (0, 0, 0, 150))
    image.paste(band, (0, SIZE[1] - 70), band)
    draw = ImageDraw.Draw(image)
    draw.text((24, SIZE[1] - 58), text, font=ImageFont.truetype(str(FONT), 26), fill=(255, 255, 255))


def photo(name, kind, base, text, seed):
    rng = random.Random(seed)
    image = background(rng, base)
    scene(ImageDraw.Draw(image), rng, kind, base)
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    caption(image, text)
    image.save(OUT / name, quality=90, optimize=True)


def sheet(name, title, seed):
    rng = random.Random(seed)
    image = Image.new("RGB", (600, 850), (250, 250, 246))
    draw = ImageDraw.Draw(image)
    draw.text((40, 40), title, font=ImageFont.truetype(str(FONT), 20), fill=(20, 20, 20))
    body = ImageFont.truetype(str(FONT_REGULAR), 16)
    for n, head in enumerate(("ลำดับ", "ชื่อ - สกุล", "ตำแหน่ง", "หน่วยงาน", "ลายมือชื่อ")):
        draw.text((40 + (0, 50, 200, 330, 460)[n], 95), head, font=body, fill=(20, 20, 20))
    for row in range(22):
        y = 125 + row * 31
        draw.line([(35, y), (565, y)], fill=(90, 90, 90))
        draw.text((48, y + 5), str(row + 1), font=body, fill=(40, 40, 40))
        x = 470 + rng.randint(0, 30)
        draw.line([(x, y + 22), (x + 25, y + 8), (x + 55, y + 20)], fill=(30, 40, 120), width=2)
    image = Image.blend(image, Image.effect_noise(image.size, 30).convert("RGB"), 0.06)
    image.convert("L").save(OUT / name, quality=75, optimize=True)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for seed, (name, (kind, base, text)) in enumerate(SCENES.items()):
        photo(name, kind, base, text, seed)
    for seed, (name, title) in enumerate(SHEETS.items()):
        sheet(name, title, 100 + seed)
    for path in sorted(OUT.glob("*.jpg")):
        print(f"{path.name}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
