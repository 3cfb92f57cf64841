"""core.scan.code_from_payload: every form a label or a person may hand to the scan field."""
import pytest

from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core.catalog.scan import candidates, code_from_payload, from_thai_layout


@pytest.mark.parametrize("payload", [
    "BN-0007",
    "  bn-0007\n",
    "https://intranet.bangna.go.th/material/BN-0007",
    "https://intranet.bangna.go.th/material/BN-0007/",
    "http://x.example/m?lang=th&code=BN-0007",
    "https://webportal.bangkok.go.th/bangna/km/manual.pdf#BN-0007",
    "https://x.example/material/bn%2D0007",
    "www.example.com/items/BN-0007",
    "BN-0007 รวมประกาศกรุงเทพมหานคร",
    "BN-0007\nรวมประกาศกรุงเทพมหานคร เรื่อง กำหนดให้ที่หรือทางสาธารณะ",
    "มุมความรู้ เขตบางนา\nรหัส: BN-0007\n",
    "[BN-0007]",
])
def test_the_code_is_found_in_every_printed_form(demo_db, payload):
    assert code_from_payload(demo_db, payload) == "BN-0007"


@pytest.mark.parametrize("payload", ["", "   ", "BN-9999", "https://x.example/material/", "หาบเร่แผงลอย",
                                     "BN-000"])
def test_no_code_gives_none(demo_db, payload):
    assert code_from_payload(demo_db, payload) is None


def test_a_scanner_typing_through_the_thai_keyboard_layout_is_understood(demo_db):
    typed = "ฺ์ขจจจึ"  # what BN-0007 becomes with the Kedmanee layout active
    assert from_thai_layout(typed) == "BN-0007"
    assert code_from_payload(demo_db, typed) == "BN-0007"


def test_a_material_in_the_trash_is_found_only_when_asked_for(demo_db):
    catalog.delete_material(demo_db, catalog.get_material(demo_db, "BN-0007").id)
    assert code_from_payload(demo_db, "BN-0007") is None
    assert code_from_payload(demo_db, "BN-0007", include_deleted=True) == "BN-0007"


def test_the_whole_text_is_tried_first_so_codes_with_spaces_work(db):
    from lo_desktop.core.records import Material

    catalog.add_material(db, Material(title="มีช่องว่าง", code="KM 12"))
    catalog.add_material(db, Material(title="สั้น", code="KM"))
    assert code_from_payload(db, "KM 12") == "KM 12"
    assert candidates("KM 12")[0] == "KM 12"


def test_a_very_long_paste_is_bounded(demo_db):
    assert len(candidates("x y " * 5000)) <= 400
