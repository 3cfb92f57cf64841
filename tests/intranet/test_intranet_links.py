"""A label's payload can be a material's page on the intranet: the address is built from the settings' intranet
address, the desktop scanner reads the code back out of it, and the site opens that very page."""
from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import pytest
from site_helpers import ODD_CODE, get, raw_get

from lo_desktop.core.catalog.scan import code_from_payload
from lo_desktop.core.errors import UserError
from lo_desktop.core.intranet.links import URL_PATTERN_SUFFIX, material_url
from lo_desktop.core.intranet.snapshot import publish_snapshot


@pytest.mark.parametrize("address", ["http://10.0.0.5:8001", "http://10.0.0.5:8001/", "10.0.0.5:8001",
                                     " 10.0.0.5:8001/ "])
def test_the_address_of_a_material(address):
    assert material_url(address, "BN-0001") == "http://10.0.0.5:8001/catalog/materials/BN-0001"


def test_codes_are_quoted_and_https_kept():
    assert material_url("https://corner.example", "ก.1/2556") == \
        "https://corner.example/catalog/materials/%E0%B8%81.1%2F2556"
    assert material_url("http://pc:8001", "A B+C") == "http://pc:8001/catalog/materials/A%20B%2BC"
    assert URL_PATTERN_SUFFIX.format(code="BN-0001") == "/catalog/materials/BN-0001"


def test_no_address_is_one_sentence():
    with pytest.raises(UserError):
        material_url("  ", "BN-0001")


@pytest.mark.parametrize("code", ["BN-0001", ODD_CODE])
def test_the_scanner_reads_the_code_back(sample, code):
    assert code_from_payload(sample, material_url("10.0.0.5:8001", code)) == code


@pytest.mark.parametrize("code, title", [("BN-0001", "คู่มือการจัดระเบียบผู้ค้าหาบเร่แผงลอย"),
                                         (ODD_CODE, "แผ่นพับความรู้เรื่องภาษี")])
def test_the_site_opens_the_page_a_label_points_to(sample, tmp_path, serve, code, title):
    ds = serve(publish_snapshot(tmp_path / "corner.db"))
    path = urlsplit(material_url("10.0.0.5:8001", code)).path
    page = get(ds, path)
    assert page.status_code == 200
    assert f"<h1>{title}</h1>" in page.text
    # the list's own link to the material (Datasette's tilde-encoded form) opens the same page
    listed = get(ds, "/catalog/materials").text
    link = re.search(rf'<a href="(/catalog/materials/[^"]+)">{re.escape(html.escape(code))}</a>', listed).group(1)
    assert f"<h1>{title}</h1>" in get(ds, link).text


def test_a_thai_code_sent_unquoted_still_finds_its_page(sample, tmp_path, serve):
    from lo_desktop.core.catalog.materials import add_material
    from lo_desktop.core.records import Material

    add_material(sample, Material(code="คม-0001", title="คู่มือภาษีป้าย"))
    ds = serve(publish_snapshot(tmp_path / "corner.db"))
    status, body = raw_get(ds, "/catalog/materials/คม-0001".encode())
    assert status == 200 and "<h1>คู่มือภาษีป้าย</h1>" in body.decode()
