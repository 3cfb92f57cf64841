"""Generate realistic Thai catalog rows for benchmarks (deterministic)."""
from __future__ import annotations

import random

WORDS = ("คู่มือ การปฏิบัติงาน ฝ่ายเทศกิจ การจัดระเบียบ ผู้ค้า หาบเร่ แผงลอย ทางเท้า สำนักงานเขต บางนา พระโขนง "
         "รักษาความสะอาด ทะเบียนราษฎร โยธา การคลัง สิ่งแวดล้อม สุขาภิบาล พัฒนาชุมชน ประกาศ กรุงเทพมหานคร "
         "พระราชบัญญัติ แนวทาง สรุปบทเรียน การแลกเปลี่ยนเรียนรู้ ชุมชนนักปฏิบัติ การจัดการความรู้ ขั้นตอน "
         "มาตรฐาน บริการประชาชน ระเบียบ ข้อบัญญัติ ภาษีที่ดิน สิ่งปลูกสร้าง จุดผ่อนผัน ตลาดนัด ความปลอดภัย "
         "อาหาร ฉบับปรับปรุง ประจำปี รายงาน ผลการดำเนินงาน ตัวชี้วัด องค์กรแห่งการเรียนรู้ "
         "การควบคุมอาคาร ใบอนุญาต ก่อสร้าง ดัดแปลง รื้อถอน ขยะมูลฝอย คัดแยก รีไซเคิล น้ำเสีย ท่อระบายน้ำ "
         "ป้องกันน้ำท่วม สวนสาธารณะ ต้นไม้ ทางม้าลาย ไฟฟ้าส่องสว่าง กล้องวงจรปิด อาสาสมัคร ผู้สูงอายุ "
         "ผู้พิการ เด็กและเยาวชน โรงเรียน ศูนย์สาธารณสุข วัคซีน ไข้เลือดออก ยุงลาย ควบคุมโรค ตลาดสด "
         "สุขลักษณะ ร้านอาหาร แผงจำหน่าย ป้ายโฆษณา ภาษีป้าย ค่าธรรมเนียม ใบเสร็จ งบประมาณ จัดซื้อจัดจ้าง "
         "พัสดุ ครุภัณฑ์ บัญชี การเงิน เบิกจ่าย สวัสดิการ ข้าราชการ ลูกจ้าง ฝึกอบรม สัมมนา ดูงาน "
         "ประชาคม ชุมชนแออัด คณะกรรมการชุมชน เลือกตั้ง บัตรประจำตัวประชาชน ทะเบียนบ้าน แจ้งเกิด แจ้งตาย "
         "ย้ายที่อยู่ จดทะเบียนสมรส พาณิชย์ ร้องเรียน ร้องทุกข์ ศูนย์บริการ หนึ่งหยุด อิเล็กทรอนิกส์ "
         "ระบบสารสนเทศ ฐานข้อมูล แผนที่ ภาษีบำรุงท้องที่ ภาษีโรงเรือน ประเมินราคา ที่ดิน ชายหาด "
         "คลอง ทางเดินริมน้ำ จักรยาน จอดรถ จราจร ทางหลวง สะพานลอย ถนน ซอย หมู่บ้าน คอนโดมิเนียม "
         "อัคคีภัย ดับเพลิง ซ้อมแผน ภัยพิบัติ แผ่นดินไหว ฝุ่นละออง มลพิษ เสียงดัง กลิ่นเหม็น "
         "เหตุรำคาญ สัตว์จรจัด สุนัข แมว ฉีดวัคซีนพิษสุนัขบ้า นวัตกรรม ธรรมาภิบาล ความโปร่งใส").split()
KINDS = ("work_manual", "guide", "book", "law", "report", "poster", "video", "digital_file", "minutes", "other")
SOURCES = ("km", "cop", "exchange", "other")
SHELVES = [f"ชั้น {c}-{n}" for c in "ABCDEF" for n in range(1, 6)]


def material_rows(count: int, seed: int = 2556):
    rng = random.Random(seed)
    for n in range(1, count + 1):
        title = "".join(rng.sample(WORDS, rng.randint(3, 7)))
        yield {
            "code": f"BN-{n:06d}", "title": title, "kind": rng.choice(KINDS), "source": rng.choice(SOURCES),
            "format": rng.choice(("physical", "digital", "both")), "topic": rng.choice(WORDS),
            "tags": ", ".join(rng.sample(WORDS, 3)), "author": "ฝ่าย" + rng.choice(WORDS),
            "year": rng.randint(2540, 2569), "summary": " ".join(rng.sample(WORDS, 12)),
            "location": rng.choice(SHELVES), "copies": rng.randint(0, 5), "status": "available",
            "received_on": f"{rng.randint(2000, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        }


def fill_database(db, count: int) -> None:
    """Insert ``count`` materials straight through the importer's fast path."""
    from datetime import date

    from lo_desktop.core.records import Material
    from lo_desktop.core.catalog.transfer import ImportCheck, import_rows

    check = ImportCheck()
    for n, row in enumerate(material_rows(count)):
        row = dict(row, received_on=date.fromisoformat(row["received_on"]))
        check.good.append((n + 2, Material(**row)))
    import_rows(db, check)
