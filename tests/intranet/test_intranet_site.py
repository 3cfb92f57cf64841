"""The intranet catalog: Datasette started in-process on a snapshot published from a small corner."""
from __future__ import annotations

import asyncio
import json
import sqlite3
from datetime import date
from urllib.parse import quote

import pytest

from lo_desktop.core.catalog.materials import add_material, delete_material
from lo_desktop.core.intranet.site import close_site, make_datasette
from lo_desktop.core.intranet.snapshot import publish_snapshot
from lo_desktop.core.records import Material
from lo_desktop.core.vocab import word

KIND, SOURCE, LOCATION, FY = "ประเภท", "แหล่งที่มา", "ที่จัดเก็บ", "ปีงบประมาณ"


@pytest.fixture
def site(db, tmp_path):
    add_material(db, Material(title="คู่มือการจัดระเบียบผู้ค้าหาบเร่แผงลอย", kind="work_manual", source="exchange",
                              location="ชั้น B-2", fiscal_year=2556, received_on=date(2013, 8, 30),
                              summary="ตัวชี้วัดที่ 4.1 ปีงบประมาณ 2556"))
    add_material(db, Material(title="รายงานการประชุมชุมชนนักปฏิบัติ", kind="minutes", source="cop",
                              location="ชั้น A-1", received_on=date(2013, 11, 1)))
    gone = add_material(db, Material(title="สื่อในถังขยะ ลับเฉพาะ", kind="book"))
    delete_material(db, gone.id)
    db.execute("INSERT INTO settings(key, value) VALUES ('secret_setting', 'x') "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
    db.conn.commit()
    path = publish_snapshot(tmp_path / "corner.db")
    ds = make_datasette(path)
    yield path, ds
    close_site(ds)


def get(ds, url, method="get"):
    async def go():
        return await getattr(ds.client, method)(url)
    return asyncio.run(go())


def rows(ds, query=""):
    response = get(ds, "/catalog/materials.json?_shape=objects" + query)
    assert response.status_code == 200
    return response.json()


def test_the_snapshot_holds_only_what_colleagues_read(site):
    path, _ = site
    con = sqlite3.connect(path)
    tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "materials" in tables and "settings" not in tables and "history" not in tables
    assert "borrowers" not in tables and "loans" not in tables


def test_materials_page_is_in_thai_words(site):
    _, ds = site
    page = get(ds, "/catalog/materials")
    assert page.status_code == 200
    html = page.text
    assert "คู่มือการจัดระเบียบผู้ค้าหาบเร่แผงลอย" in html and "<h1>สื่อ</h1>" in html
    assert "ทะเบียนสื่อมุมความรู้" in get(ds, "/catalog").text
    assert "สื่อในถังขยะ" not in html  # the Trash is not published
    first = rows(ds, "&" + quote("ชื่อเรื่อง") + "__startswith=" + quote("คู่มือ"))["rows"][0]
    assert first[KIND] == word("kind", "work_manual", "th") != "work_manual"
    assert first[SOURCE] == word("source", "exchange", "th")
    assert first["วันที่รับเข้า"] == "30 สิงหาคม 2556" and first[FY] == 2556
    assert "work_manual" not in json.dumps(rows(ds), ensure_ascii=False)


@pytest.mark.parametrize("words", ["หาบเร่", "๒๕๕๖", "2556", "ชุมชนนัก"])
def test_search_finds_thai_fragments_and_either_digits(site, words):
    _, ds = site
    found = [r["ชื่อเรื่อง"] for r in rows(ds, "&_search=" + quote(words))["rows"]]
    expected = "รายงานการประชุมชุมชนนักปฏิบัติ" if words == "ชุมชนนัก" else "คู่มือการจัดระเบียบผู้ค้าหาบเร่แผงลอย"
    assert found == [expected]


def test_facets_on_kind_source_location_and_fiscal_year(site):
    _, ds = site
    facets = rows(ds, "&_extra=facet_results")["facet_results"]
    assert set(facets) == {KIND, SOURCE, LOCATION, FY}
    assert {f["value"] for f in facets[FY]["results"]} == {2556, 2557}


def test_internal_tables_are_hidden(site):
    _, ds = site
    listed = get(ds, "/catalog.json").json()
    visible = {t["name"] for t in listed["tables"] if not t["hidden"]}
    assert visible == {"materials", "attachments"}


def test_arbitrary_sql_and_writes_are_refused(site):
    _, ds = site
    assert get(ds, "/catalog.json?sql=" + quote("select * from sqlite_master")).status_code == 403
    assert get(ds, "/catalog.json?sql=" + quote("delete from materials")).status_code in {400, 403}
    assert get(ds, "/catalog/materials", method="post").status_code == 405  # refused before Datasette
    assert len(rows(ds)["rows"]) == 2
    assert get(ds, "/catalog.db").status_code in {403, 404}


def test_serving_nothing_published_is_one_sentence(tmp_path):
    from lo_desktop.core.errors import UserError

    with pytest.raises(UserError):
        make_datasette(tmp_path / "missing.db")
