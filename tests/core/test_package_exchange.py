"""Exchange packages between two corners: round trip, no duplicates, renamed codes, untrusted input."""
import json
import sqlite3
import zipfile

import pytest

from archive_helpers import declare_size, first_photo_entry, flip_byte_in, with_extra_entry
from lo_desktop.cli import main
from lo_desktop.core.catalog import attachments
from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core.safety import integrity
from lo_desktop.core.exchange import package
from lo_desktop.core.db import db_path, open_database
from lo_desktop.core.errors import UserError
from lo_desktop.core.exchange.actions import import_exchange_package
from lo_desktop.core.exchange.package_import import preview_package
from lo_desktop.core.records import Material
from lo_desktop.core.indicator.sessions import get_session, get_session_by_uid
from lo_desktop.paths import files_dir
from lo_desktop.settings import PHRA_KHANONG, load_settings, save_settings

BANG_NA = "สำนักงานเขตบางนา"
SESSION = 2  # the sample's second session: photos, an attendance scan and linked materials


@pytest.fixture
def receiver(tmp_path):
    db = open_database(tmp_path / "phrakhanong" / "corner.db")
    settings = load_settings(db)
    settings.agency_name, settings.code_pattern = PHRA_KHANONG, "PK-####"
    save_settings(db, settings)
    yield db
    db.close()


@pytest.fixture
def exported(demo_db, tmp_path):
    material = catalog.get_material_by_id(demo_db, get_session(demo_db, SESSION).material_ids[0])
    note = tmp_path / "บันทึก.txt"
    note.write_text("สรุปการแลกเปลี่ยน", encoding="utf-8")
    attachments.add_attachment(demo_db, material.id, note)
    return package.export_session(demo_db, SESSION, tmp_path / "out.lopackage")


def snapshot(db):
    return [db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("materials", "attachments", "exchange_sessions", "session_photos", "agencies")]


def stored(db):
    root = files_dir(db_path(db))
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_round_trip_between_two_corners(demo_db, receiver, exported):
    source = get_session(demo_db, SESSION)
    preview = preview_package(receiver, exported)
    assert preview.agency == BANG_NA and len(preview.new) == len(source.material_ids) and preview.session_new
    result = import_exchange_package(receiver, exported)
    assert result.added == len(source.material_ids)
    copy = get_session_by_uid(receiver, source.uid)
    assert copy.topic == source.topic and copy.held_on == source.held_on
    assert copy.partners == [BANG_NA]  # the exporter is the partner; the receiver is not its own partner
    assert [p.caption for p in copy.photos] == [p.caption for p in source.photos]
    assert copy.attendance_sha256 == source.attendance_sha256
    assert len(copy.material_ids) == len(source.material_ids)
    for material_id in copy.material_ids:
        material = catalog.get_material_by_id(receiver, material_id)
        assert material.origin == "จาก สำนักงานเขตบางนา" and material.location == ""
    assert integrity.check(receiver).ok  # every photo, scan and attachment arrived intact
    assert sum(len(attachments.attachments_of(receiver, i)) for i in copy.material_ids) == 1


def test_importing_again_adds_nothing(receiver, exported, capsys):
    import_exchange_package(receiver, exported)
    before, files_before = snapshot(receiver), stored(receiver)
    result = import_exchange_package(receiver, exported)
    assert result.added == 0 and result.session_id is None and result.preview.nothing_new
    assert snapshot(receiver) == before and stored(receiver) == files_before


def test_a_taken_code_gets_the_next_code_of_the_receivers_pattern(demo_db, receiver, exported):
    first = catalog.get_material_by_id(demo_db, get_session(demo_db, SESSION).material_ids[0])
    mine = catalog.add_material(receiver, Material(title="คู่มือของเขตพระโขนงเอง", code=first.code))
    preview = preview_package(receiver, exported)
    assert [(i.code, i.new_code) for i in preview.renamed] == [(first.code, "PK-0001")]
    assert any("PK-0001" in line for line in preview.lines())
    import_exchange_package(receiver, exported)
    assert catalog.get_material(receiver, first.code).uid == mine.uid  # never overwritten
    assert catalog.get_material(receiver, "PK-0001").uid == first.uid


def test_export_chosen_materials_by_code(demo_db, receiver, tmp_path):
    out = package.export_materials(demo_db, ["BN-0001", "BN-0002"], tmp_path / "two.lopackage")
    result = import_exchange_package(receiver, out)
    assert result.added == 2 and result.session_id is None
    with pytest.raises(UserError, match="BN-9999"):
        package.export_materials(demo_db, ["BN-9999"], tmp_path / "none.lopackage")


def test_a_tampered_file_refuses_the_whole_package(receiver, exported):
    entry, name = first_photo_entry(exported, "package.json")
    flip_byte_in(exported, entry)
    before = snapshot(receiver)
    with pytest.raises(UserError) as caught:
        import_exchange_package(receiver, exported)
    assert name in str(caught.value)
    assert snapshot(receiver) == before and stored(receiver) == []


@pytest.mark.parametrize("name", ["../x", "/etc/x", "files/../../x", "C:\\x", "files/" + "A" * 64])
def test_zip_slip_names_are_refused(receiver, exported, tmp_path, name):
    hostile = with_extra_entry(exported, tmp_path / "hostile.lopackage", name)
    with pytest.raises(UserError, match="ไม่อนุญาต"):
        preview_package(receiver, hostile)
    with pytest.raises(UserError):
        import_exchange_package(receiver, hostile)
    assert snapshot(receiver)[0] == 0 and stored(receiver) == []
    assert not (tmp_path / "x").exists() and not (db_path(receiver).parent.parent / "x").exists()


def test_oversized_declared_sizes_are_refused(receiver, exported):
    entry, _name = first_photo_entry(exported, "package.json")
    declare_size(exported, entry, 600 * 1024 * 1024)
    with pytest.raises(UserError, match="600 MB"):
        preview_package(receiver, exported)


def test_an_oversized_description_is_refused(receiver, exported):
    declare_size(exported, "package.json", 21 * 1024 * 1024)
    with pytest.raises(UserError, match="package.json"):
        preview_package(receiver, exported)


def _rewrite_meta(path, change):
    with zipfile.ZipFile(path) as zf:
        entries = {i.filename: zf.read(i) for i in zf.infolist()}
    meta = json.loads(entries["package.json"])
    change(meta)
    entries["package.json"] = json.dumps(meta).encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)


def test_an_unknown_value_refuses_the_whole_package(receiver, exported):
    _rewrite_meta(exported, lambda meta: meta["materials"][-1].update(kind="spaceship"))
    with pytest.raises(UserError, match="spaceship"):
        import_exchange_package(receiver, exported)
    assert snapshot(receiver)[:4] == [0, 0, 0, 0]


@pytest.mark.parametrize("change", [
    lambda meta: meta.pop("materials"),
    lambda meta: meta["materials"][0].update(uid=["x"]),
    lambda meta: meta["session"].update(held_on="yesterday"),
    lambda meta: meta["session"]["photos"][0].update(sha256="../../x"),
    lambda meta: meta.update(format="something else"),
])
def test_a_broken_description_is_one_sentence(receiver, exported, change):
    _rewrite_meta(exported, change)
    with pytest.raises(UserError, match="out.lopackage"):
        import_exchange_package(receiver, exported)
    assert snapshot(receiver)[:4] == [0, 0, 0, 0]


def test_package_commands_end_to_end(demo_db, tmp_path, capsys):
    source = db_path(demo_db)
    target = tmp_path / "other" / "corner.db"
    out = tmp_path / "session.lopackage"
    assert main(["--db", str(source), "package", "export", "--session", str(SESSION), "--out", str(out)]) == 0
    assert main(["--db", str(target), "--create", "package", "import", str(out), "--preview"]) == 0
    assert "ใหม่" in capsys.readouterr().out
    assert sqlite3.connect(target).execute("SELECT COUNT(*) FROM materials").fetchone()[0] == 0
    assert main(["--db", str(target), "package", "import", str(out)]) == 0
    assert "จาก สำนักงานเขตบางนา" in capsys.readouterr().out
    assert main(["--db", str(target), "package", "import", str(out)]) == 0
    assert "ไม่มีการเพิ่ม" in capsys.readouterr().out
    assert main(["--db", str(target), "check"]) == 0
    assert main(["--db", str(source), "package", "export", "--codes", "NOPE-1", "--out", str(out)]) == 1
