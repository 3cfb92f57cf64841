"""A running site shows a new publication at the next request, never holds the published file open (so
Windows can replace it), and still refuses every write."""
from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from site_helpers import get

from lo_desktop.core.catalog.materials import add_material, delete_material, get_material
from lo_desktop.core.intranet.site import site_of
from lo_desktop.core.intranet.snapshot import publish_snapshot
from lo_desktop.core.records import Material


def codes(ds) -> list[str]:
    return [r["รหัส"] for r in get(ds, "/catalog/materials.json?_shape=objects").json()["rows"]]


def test_a_new_publication_is_seen_without_a_restart(sample, tmp_path, serve):
    ds = serve(publish_snapshot(tmp_path / "corner.db"))
    assert "BN-0003" not in codes(ds)
    add_material(sample, Material(code="BN-0003", title="สื่อที่เพิ่งรับเข้า"))
    delete_material(sample, get_material(sample, "BN-0002").id)
    publish_snapshot(tmp_path / "corner.db")
    assert "BN-0003" in codes(ds) and "BN-0002" not in codes(ds)
    assert get(ds, "/catalog/materials/BN-0003").status_code == 200
    assert get(ds, "/catalog/materials/BN-0002").status_code == 404
    assert "สื่อที่เพิ่งรับเข้า" in get(ds, "/catalog/materials?_search=" + "เพิ่งรับ").text


def test_requests_running_during_a_publication_finish_on_what_they_began_with(sample, tmp_path, serve):
    ds = serve(publish_snapshot(tmp_path / "corner.db"))
    live = site_of(ds).live

    async def scenario():
        before = await live.enter()  # a request that began before the publication
        add_material(sample, Material(code="BN-0004", title="สื่อใหม่"))
        publish_snapshot(tmp_path / "corner.db")
        after = await live.enter()
        old = (await before.db.execute("SELECT count(*) FROM materials")).rows[0][0]
        new = (await after.db.execute("SELECT count(*) FROM materials")).rows[0][0]
        live.leave(after)
        kept = before.copy.exists()
        live.leave(before)
        return old, new, kept, before.copy.exists()

    old, new, kept_while_used, kept_after = asyncio.run(scenario())
    assert (old, new) == (3, 4)
    assert kept_while_used and not kept_after  # the old copy goes when its last request ends
    assert [p.name for p in live.folder.iterdir()] == [live.current.copy.name]


def test_a_generation_that_came_during_a_request_stays_until_the_request_ends(sample, tmp_path, serve):
    """A request looks its database up after it began: two publications during it must not close the one
    it may have picked up in between."""
    ds = serve(publish_snapshot(tmp_path / "corner.db"))
    live = site_of(ds).live

    async def scenario():
        slow = await live.enter()
        publish_snapshot(tmp_path / "corner.db")
        live.leave(await live.enter())  # a quick request brings the second generation
        middle = live.current
        add_material(sample, Material(code="BN-0005", title="อีกเล่ม"))
        publish_snapshot(tmp_path / "corner.db")
        live.leave(await live.enter())  # and a third
        still = (await middle.db.execute("SELECT count(*) FROM materials")).rows[0][0]
        live.leave(slow)
        return middle, still

    middle, still = asyncio.run(scenario())
    assert still == 3 and not middle.copy.exists()
    assert [p.name for p in live.folder.iterdir()] == [live.current.copy.name]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="open files are listed by /proc (Linux)")
def test_the_published_file_is_never_held_open(sample, tmp_path, serve):
    path = publish_snapshot(tmp_path / "corner.db")
    ds = serve(path)
    codes(ds)
    opened = {os.path.realpath(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")}
    assert str(path.resolve()) not in opened
    assert any(name.startswith(str(site_of(ds).live.folder)) for name in opened)  # its private copy is


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_writes_are_refused(sample, tmp_path, serve, method):
    ds = serve(publish_snapshot(tmp_path / "corner.db"))
    response = get(ds, "/catalog/materials", method=method)
    assert response.status_code == 405 and response.headers["allow"] == "GET, HEAD"
    assert "อ่านอย่างเดียว" in response.text
    assert len(codes(ds)) == 3


def test_other_datasettes_in_the_process_are_left_alone(sample, tmp_path, serve):
    """The plugin is registered in the one plugin manager of the process; it acts only for our site."""
    from datasette.app import Datasette

    serve(publish_snapshot(tmp_path / "corner.db"))
    other = Datasette(memory=True)
    page = get(other, "/")
    assert page.status_code == 200 and "Powered by" in page.text
    assert "ทะเบียน" not in get(other, "/_memory", method="post").text


def test_stopping_the_server_removes_its_private_copies(sample, tmp_path, serve):
    ds = serve(publish_snapshot(tmp_path / "corner.db"))
    folder = site_of(ds).live.folder
    messages = iter([{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}])
    sent = []

    async def receive():
        return next(messages)

    async def send(message):
        sent.append(message["type"])

    asyncio.run(ds.app()({"type": "lifespan", "asgi": {"version": "3.0"}}, receive, send))
    assert sent == ["lifespan.startup.complete", "lifespan.shutdown.complete"]
    assert not folder.exists() and site_of(ds) is None


def test_the_publish_command_says_no_restart_is_needed(tmp_path, capsys):
    from lo_desktop import cli

    db_file = tmp_path / "corner.db"
    assert cli.main(["--db", str(db_file), "--create", "publish"]) == 0
    said = capsys.readouterr().out
    assert "เผยแพร่ทะเบียนไว้ที่" in said and "เริ่มบริการอินทราเน็ตใหม่" not in said
