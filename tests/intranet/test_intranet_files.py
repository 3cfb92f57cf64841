"""Attachments on the intranet: published beside the catalog, opened or downloaded with their names, and
nothing else of the corner reachable."""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from urllib.parse import unquote

import pytest
from site_helpers import MANUAL_BYTES, MANUAL_FILE, get, raw_get

from lo_desktop.core.catalog.attachments import attachments_of, remove_attachment
from lo_desktop.core.catalog.materials import get_material
from lo_desktop.core.files import stored_path
from lo_desktop.core.intranet import snapshot as snapshot_module
from lo_desktop.core.intranet.snapshot import FILE_PATH, publish_snapshot
from lo_desktop.core.intranet.words import size_text


def published_files(path: Path) -> set[str]:
    folder = path.parent / "files"
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def file_links(html: str) -> dict[str, str]:
    """The attachment links of a page: their text → their address."""
    return {text: href for href, text in re.findall(r'<a href="(/files/[^"]+)">([^<]+)</a>', html)}


def test_only_the_files_of_published_materials_are_published(sample, tmp_path):
    path = publish_snapshot(tmp_path / "corner.db")
    names = {name.split("/", 1)[1] for name in published_files(path)}
    assert names == {MANUAL_FILE, "ตาราง.xlsx"}  # not the Trash's
    manual = attachments_of(sample, get_material(sample, "BN-0001").id)
    published = path.parent / "files" / manual[0].sha256 / manual[0].name
    stored = stored_path(sample, manual[0].sha256)
    # a hard link to the stored file where the disk allows it: no second copy of every attachment
    assert published.read_bytes() == stored.read_bytes()
    assert published.stat().st_ino == stored.stat().st_ino


def test_a_material_page_links_each_attachment_with_its_name_and_size(sample, tmp_path, serve):
    ds = serve(publish_snapshot(tmp_path / "corner.db"))
    page = get(ds, "/catalog/materials/BN-0001")
    assert page.status_code == 200
    links = file_links(page.text)
    assert set(links) == {MANUAL_FILE, "ตาราง.xlsx"}
    beside = rf'{re.escape(MANUAL_FILE)}</a>\s*<span class="size">{re.escape(size_text(len(MANUAL_BYTES)))}</span>'
    assert re.search(beside, page.text)

    response = get(ds, links[MANUAL_FILE])
    assert response.status_code == 200
    assert response.content == MANUAL_BYTES
    assert response.headers["content-type"] == "application/pdf"
    assert unquote(links[MANUAL_FILE].rsplit("/", 1)[1]) == MANUAL_FILE  # the name a browser saves
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("inline")  # a PDF opens in the browser
    assert unquote(disposition.split("filename*=UTF-8''", 1)[1]) == MANUAL_FILE


def test_a_spreadsheet_is_offered_as_a_download(sample, tmp_path, serve):
    ds = serve(publish_snapshot(tmp_path / "corner.db"))
    link = file_links(get(ds, "/catalog/materials/BN-0001").text)["ตาราง.xlsx"]
    response = get(ds, link)
    assert response.content == b"PK\x03\x04 sheet"
    assert response.headers["content-disposition"].startswith("attachment")
    assert response.headers["x-content-type-options"] == "nosniff"


def test_the_attachments_table_links_the_files_too(sample, tmp_path, serve):
    ds = serve(publish_snapshot(tmp_path / "corner.db"))
    html = get(ds, "/catalog/attachments").text
    assert set(file_links(html)) == {MANUAL_FILE, "ตาราง.xlsx"}
    assert "ลับ.pdf" not in html


@pytest.mark.parametrize("address", ["/files/%2E%2E/catalog.db", "/files/..%2Fcatalog.db",
                                     "/files/..%2F..%2Fcorner.db", "/files/%2E%2E%5Ccatalog.db",
                                     "/files/", "/files/nothing-here"])
def test_nothing_outside_the_files_folder_is_reachable(sample, tmp_path, serve, address):
    ds = serve(publish_snapshot(tmp_path / "corner.db"))
    response = get(ds, address)
    assert response.status_code == 404
    assert b"SQLite format 3" not in response.content
    assert "ไม่พบหน้าที่ต้องการ" in response.text


def test_a_dot_dot_path_is_refused_even_undecoded(sample, tmp_path, serve):
    """The server itself (not only the HTTP client) refuses a path that climbs out of the folder."""
    ds = serve(publish_snapshot(tmp_path / "corner.db"))
    for path in (b"/files/../catalog.db", b"/files/../../corner.db", b"/files/x/../../catalog.db"):
        status, body = raw_get(ds, path)
        assert status == 404 and b"SQLite format 3" not in body


def test_files_no_longer_published_are_removed(sample, tmp_path):
    path = publish_snapshot(tmp_path / "corner.db")
    manual = get_material(sample, "BN-0001")
    sheet = next(a for a in attachments_of(sample, manual.id) if a.name == "ตาราง.xlsx")
    remove_attachment(sample, sheet.id)
    sample.conn.commit()
    publish_snapshot(tmp_path / "corner.db")
    assert {name.split("/", 1)[1] for name in published_files(path)} == {MANUAL_FILE}
    assert len(list((path.parent / "files").iterdir())) == 1  # the emptied folder went too


def test_a_missing_stored_file_is_listed_without_a_link(sample, tmp_path, serve):
    manual = get_material(sample, "BN-0001")
    sheet = next(a for a in attachments_of(sample, manual.id) if a.name == "ตาราง.xlsx")
    stored_path(sample, sheet.sha256).unlink()
    ds = serve(publish_snapshot(tmp_path / "corner.db"))
    html = get(ds, "/catalog/materials/BN-0001").text
    assert set(file_links(html)) == {MANUAL_FILE}
    assert "ตาราง.xlsx (ไม่ได้เผยแพร่ไฟล์)" in " ".join(html.split())


def test_the_files_are_in_place_before_the_new_catalog(sample, tmp_path, monkeypatch):
    """A colleague never follows a link of the new catalog to a file that is not there yet."""
    seen = []
    original = snapshot_module.write_atomically_by_name

    def checking(target, write_to):
        seen.append(sorted(published_files(Path(target))))
        return original(target, write_to)

    monkeypatch.setattr(snapshot_module, "write_atomically_by_name", checking)
    path = publish_snapshot(tmp_path / "corner.db")
    con = sqlite3.connect(path)
    linked = {row[0] for row in con.execute(f'SELECT "{FILE_PATH}" FROM attachments') if row[0]}
    con.close()
    assert linked and linked <= set(seen[0])
