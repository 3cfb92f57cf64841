"""The intranet pages speak Thai: Datasette's own words (buttons, counts, menus, errors) are replaced by our
templates, and no English is left for a colleague to read."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from site_helpers import MANUAL_FILE, get, visible_text

from lo_desktop.core.intranet.snapshot import publish_snapshot
from lo_desktop.core.intranet.words import LOOKUPS
from lo_desktop.i18n import catalog
from lo_desktop.paths import resource

TEMPLATES = resource("intranet", "templates")
KIND, FY = "ประเภท", "ปีงบประมาณ"
# Words of Datasette 0.65's own pages; none may reach a colleague.
DATASETTE_WORDS = ["rows", "row", "Search", "Next page", "Advanced export", "Powered by", "Datasette",
                   "Apply", "Sort", "descending", "This data as", "JSON shape", "CSV", "Queries took",
                   "home", "Suggested facets", "Links from other tables", "records", "Error", "Record not found",
                   "column", "filter", "View and edit SQL", "download file", "expand labels", "Table actions",
                   "Menu", "Data license", "Data source", "table", "hidden", "Not Found", "Method"]
# Latin letters a page may show: the sample's codes and file names, the program's own word for a community
# of practice (its vocabulary), and the size units the desktop also shows.
ALLOWED_LATIN = {"BN", "KB", "MB", "xlsx", "pdf", "CoP"}


@pytest.fixture
def ds(sample, tmp_path, serve):
    return serve(publish_snapshot(tmp_path / "corner.db"))


def english_left(html: str) -> set[str]:
    """Latin words a reader sees on the page, other than the sample's own data."""
    return set(re.findall(r"[A-Za-z]{2,}", visible_text(html))) - ALLOWED_LATIN


PAGES = [
    "/catalog/materials",
    "/catalog/materials?_search=" + quote("หาบเร่") + "&" + quote(KIND) + "=" + quote("คู่มือการปฏิบัติงาน"),
    "/catalog/materials?_size=1&_facet_size=1&_sort_desc=" + quote("ชื่อเรื่อง"),
    "/catalog/materials?" + quote("ชื่อเรื่อง") + "__startswith=" + quote("คู่มือ") + "&" + quote(FY) + "__gte=2500",
    "/catalog/materials?_search=" + quote("ไม่มีคำนี้แน่นอน"),
    "/catalog/materials/BN-0001",
    "/catalog/materials/BN-0002",
    "/catalog/attachments",
    "/catalog/attachments/1",
    "/catalog",
]


@pytest.mark.parametrize("url", PAGES)
def test_no_english_is_left_on_a_page(ds, url):
    response = get(ds, url)
    assert response.status_code == 200
    seen = visible_text(response.text)
    assert english_left(response.text) == set(), seen
    assert not [w for w in DATASETTE_WORDS if re.search(rf"\b{re.escape(w)}\b", seen)]
    assert '<html lang="th">' in response.text


@pytest.mark.parametrize("url, status", [("/catalog/materials/BN-9999", 404), ("/catalog/nothing", 404),
                                         ("/catalog?sql=" + quote("select 1"), 403),
                                         ("/catalog/materials?_sort=" + quote("ไม่มีคอลัมน์นี้"), 500)])
def test_error_pages_are_thai(ds, url, status):
    response = get(ds, url)
    assert response.status_code == status
    assert english_left(response.text) == set(), visible_text(response.text)
    assert '<html lang="th">' in response.text


def test_the_table_page_says_how_many_in_thai_and_keeps_search_facets_and_pages(ds):
    html = get(ds, "/catalog/materials?_size=1").text
    seen = visible_text(html)
    assert "พบ 3 รายการ" in seen
    assert "ค้นหา" in seen and 'name="_search"' in html and '<button type="submit">ค้นหา</button>' in html
    assert "หน้าถัดไป" in seen and "_next=" in html
    assert "คู่มือการปฏิบัติงาน" in seen and "รายงานการประชุม" in seen  # kind facet values with counts
    assert "เรียงตาม" in seen
    assert '"id"' not in html and ">id<" not in html  # the search index's key is not a column colleagues see
    following = urlsplit(unescape(re.search(r'href="([^"]*_next=[^"]*)"', html).group(1)))
    second = get(ds, following.path + "?" + following.query)
    assert "หน้าแรก" in visible_text(second.text) and english_left(second.text) == set()


def test_a_chosen_facet_and_a_search_are_said_and_can_be_cleared(ds):
    url = "/catalog/materials?_search=" + quote("หาบเร่") + "&" + quote(KIND) + "=" + quote("คู่มือการปฏิบัติงาน")
    seen = visible_text(get(ds, url).text)
    assert "พบ 1 รายการ" in seen
    assert "ค้นหา “หาบเร่”" in seen and "ประเภท คือ “คู่มือการปฏิบัติงาน”" in seen
    assert "ล้างการค้นหาและตัวกรอง" in seen


def test_numbers_of_rows_have_thousands_separators(sample, tmp_path, serve):
    columns = [r[1] for r in sample.execute("PRAGMA table_info(materials)") if r[1] not in ("id", "code", "uid")]
    names = ", ".join(columns)
    with sample.atomic():  # 1,234 copies of one material, each with its own code
        sample.execute(f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1234) "
                       f"INSERT INTO materials (code, uid, {names}) SELECT printf('BK-%04d', i), printf('u%d', i), "
                       f"{names} FROM n, materials WHERE materials.code = 'BN-0002'")
    ds = serve(publish_snapshot(tmp_path / "corner.db"))
    assert "พบ 1,237 รายการ" in visible_text(get(ds, "/catalog/materials").text)


def test_the_row_page_shows_a_material_by_its_code(ds):
    response = get(ds, "/catalog/materials/BN-0001")
    seen = visible_text(response.text)
    assert "<h1>คู่มือการจัดระเบียบผู้ค้าหาบเร่แผงลอย</h1>" in response.text
    assert "รหัส BN-0001" in seen and "ประเภท คู่มือการปฏิบัติงาน" in seen
    assert "วันที่รับเข้า 30 สิงหาคม 2556" in seen and "ปีงบประมาณ 2556" in seen
    assert "ไฟล์แนบ" in seen and MANUAL_FILE in seen
    assert get(ds, "/catalog/materials/bn-0001").status_code == 200  # typed in lower case


def test_the_row_json_stays_datasettes(ds):
    data = get(ds, "/catalog/materials/BN-0001.json").json()
    assert data["primary_keys"] == ["รหัส"] and data["rows"][0][0] == "BN-0001"


def test_the_front_page_goes_to_the_materials(ds):
    response = get(ds, "/")
    assert response.status_code == 302 and response.headers["location"].endswith("/catalog/materials")


def test_pages_use_a_thai_font_stack_and_fit_a_phone(ds):
    html = get(ds, "/catalog/materials").text
    assert 'name="viewport" content="width=device-width' in html
    linked = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert len(linked) == 1  # the page's own stylesheet, where the page says it is
    served = get(ds, linked[0])
    assert served.status_code == 200
    css = served.text
    fonts = re.search(r"font-family:([^;]+);", css).group(1)
    assert all(name in fonts for name in ("Sarabun", "TH Sarabun New", "Tahoma", "Leelawadee"))
    assert "@media (max-width:" in css and "attr(data-label)" in css  # rows become labelled cards
    assert 'data-label="ชื่อเรื่อง"' in html


def test_every_word_of_the_templates_has_its_thai():
    thai = catalog("th")
    said = set(LOOKUPS.values())
    for template in Path(TEMPLATES).glob("*.html"):
        text = template.read_text(encoding="utf-8")
        said |= set(re.findall(r'_\(\s*"([^"]+)"', text)) | set(re.findall(r"_\(\s*'([^']+)'", text))
    assert len(said) > 30
    assert sorted(s for s in said if s not in thai) == []
