"""What no trigger sees reaches the history: a session's partners, participants, head counts, photos and
stored materials; the corrections of partner agencies and borrowers. A failed save leaves no entry."""
from dataclasses import replace
from datetime import date

import pytest
from PIL import Image

from lo_desktop.core.indicator import agency_edit
from lo_desktop.core.lending import borrowers
from lo_desktop.core.safety import history
from lo_desktop.core.lending import loans as lending
from lo_desktop.core.indicator import session_store
from lo_desktop.core.indicator import sessions
from lo_desktop.core.indicator.agencies import find_agency
from lo_desktop.core.catalog.materials import add_material
from lo_desktop.core.errors import UserError
from lo_desktop.core.records import Material
from lo_desktop.core.indicator.sessions import ExchangeSession, Participant, get_session, save_session
from lo_desktop.i18n import catalog

BANG_NA = "สำนักงานเขตบางนา"
PHRA_KHANONG = "สำนักงานเขตพระโขนง"
SOMJAI = Participant("นางสาวสมใจ ใจดี", "หัวหน้าฝ่ายเทศกิจ", BANG_NA)


def entries(db, entity, entity_id):
    """The recorded entries (not the creation shown from created_at), oldest first."""
    return [c for c in reversed(history.history_of(db, entity, entity_id)) if c.id]


def new_session(db, **changes):
    values = dict(held_on=date(2013, 6, 24), topic="การจัดระเบียบผู้ค้าหาบเร่แผงลอย", partners=[PHRA_KHANONG],
                  participants=[SOMJAI], headcounts={BANG_NA: 6})
    return save_session(db, ExchangeSession(**values | changes))


@pytest.fixture
def jpeg(tmp_path):
    path = tmp_path / "visit.jpg"
    Image.new("RGB", (64, 48), (200, 80, 40)).save(path)
    return path


# ---------------------------------------------------------------- a session's child rows

def test_editing_only_the_participants_writes_one_entry_with_old_and_new(db):
    s = new_session(db)
    somsak = Participant("นายสมศักดิ์ รักงาน", "", PHRA_KHANONG)
    save_session(db, replace(s, participants=[SOMJAI, somsak]))
    [entry] = entries(db, "session", s.id)
    assert entry.action == "updated"
    assert entry.changes == {"participants": [
        f"นางสาวสมใจ ใจดี, หัวหน้าฝ่ายเทศกิจ ({BANG_NA})",
        f"นางสาวสมใจ ใจดี, หัวหน้าฝ่ายเทศกิจ ({BANG_NA}); นายสมศักดิ์ รักงาน ({PHRA_KHANONG})"]}


def test_a_save_without_a_change_writes_nothing(db):
    s = new_session(db)
    save_session(db, get_session(db, s.id))
    assert entries(db, "session", s.id) == []


def test_a_new_session_writes_no_entry_its_creation_shows_from_created_at(db):
    s = new_session(db)
    assert [c.action for c in history.history_of(db, "session", s.id)] == ["created"]


def test_a_changed_field_and_changed_children_each_say_their_part(db):
    s = new_session(db)
    save_session(db, replace(s, place="ห้องประชุม 1", headcounts={BANG_NA: 8},
                             partners=[PHRA_KHANONG, "สำนักงานเขตประเวศ"]))
    changes = [c.changes for c in entries(db, "session", s.id)]
    assert {"place": ["", "ห้องประชุม 1"]} in changes
    assert {"partners": [PHRA_KHANONG, f"{PHRA_KHANONG}, สำนักงานเขตประเวศ"],
            "headcounts": [f"{BANG_NA}: 6", f"{BANG_NA}: 8"]} in changes


def test_a_photo_caption_change_is_recorded_by_file_name(db, jpeg):
    s = new_session(db)
    sessions.add_photo(db, s.id, jpeg, "คณะเยี่ยมชม")
    with_photo = get_session(db, s.id)
    photos = [replace(with_photo.photos[0], caption="คณะเยี่ยมชมจุดผ่อนผัน")]
    save_session(db, replace(with_photo, photos=photos))
    added, recaptioned = entries(db, "session", s.id)
    assert added.changes == {"photos": ["", "visit.jpg (คณะเยี่ยมชม)"]}
    assert recaptioned.changes == {"photos": ["visit.jpg (คณะเยี่ยมชม)", "visit.jpg (คณะเยี่ยมชมจุดผ่อนผัน)"]}
    assert history.describe(recaptioned) == [
        "photos: “visit.jpg (คณะเยี่ยมชม)” → “visit.jpg (คณะเยี่ยมชมจุดผ่อนผัน)”"]


def test_stored_materials_are_recorded_by_their_codes(db):
    manual = add_material(db, Material(title="คู่มือการจัดระเบียบผู้ค้า"))
    notes = add_material(db, Material(title="บันทึกบทเรียน"))
    s = new_session(db, material_ids=[manual.id])
    save_session(db, replace(s, material_ids=[notes.id, manual.id]))
    [entry] = entries(db, "session", s.id)
    assert entry.changes == {"materials": [manual.code, ", ".join(sorted([manual.code, notes.code]))]}


def test_describe_names_who_came_and_who_left(db):
    s = new_session(db)
    somsak = Participant("นายสมศักดิ์ รักงาน", "", PHRA_KHANONG)
    save_session(db, replace(s, participants=[somsak]))
    [entry] = entries(db, "session", s.id)
    from lo_desktop.core.safety.history import field_label

    assert history.describe(entry, field_label) == [
        f"ผู้เข้าร่วม: นำออก “นางสาวสมใจ ใจดี, หัวหน้าฝ่ายเทศกิจ ({BANG_NA})”",
        f"ผู้เข้าร่วม: เพิ่ม “นายสมศักดิ์ รักงาน ({PHRA_KHANONG})”"]


def test_a_save_that_fails_after_writing_leaves_no_entry_and_no_change(db, monkeypatch):
    s = new_session(db)
    real = session_store.record_change

    def record_then_fail(*args, **kwargs):
        real(*args, **kwargs)
        raise UserError("ดิสก์เต็ม")

    monkeypatch.setattr(session_store, "record_change", record_then_fail)
    with pytest.raises(UserError):
        save_session(db, replace(s, participants=[]))
    assert entries(db, "session", s.id) == []
    assert [p.name for p in get_session(db, s.id).participants] == [SOMJAI.name]


def test_a_refused_save_leaves_no_entry(db):
    s = new_session(db)
    with pytest.raises(UserError):
        save_session(db, replace(s, participants=[SOMJAI], partners=[]))
    assert entries(db, "session", s.id) == []


# ---------------------------------------------------------------- partner agencies

def test_renaming_an_agency_is_recorded_and_so_is_every_session_it_changed(db):
    s = new_session(db, participants=[Participant("นายสมศักดิ์ รักงาน", "", "เขตพระโขนงก")],
                    headcounts={"เขตพระโขนงก": 5}, partners=["เขตพระโขนงก"])
    other = new_session(db, partners=[BANG_NA])
    typo = find_agency(db, "เขตพระโขนงก")
    agency_edit.rename_agency(db, typo.id, PHRA_KHANONG, "พระโขนง")
    [agency] = entries(db, "agency", typo.id)
    assert agency.changes == {"name": ["เขตพระโขนงก", PHRA_KHANONG], "short_name": ["", "พระโขนง"]}
    [session_entry] = entries(db, "session", s.id)
    assert session_entry.changes == {
        "partners": ["เขตพระโขนงก", PHRA_KHANONG],
        "participants": ["นายสมศักดิ์ รักงาน (เขตพระโขนงก)", f"นายสมศักดิ์ รักงาน ({PHRA_KHANONG})"],
        "headcounts": ["เขตพระโขนงก: 5", f"{PHRA_KHANONG}: 5"]}
    assert entries(db, "session", other.id) == []


def test_merging_agencies_records_the_merge_and_the_sessions_partners(db):
    s = new_session(db, partners=["สนง.เขตพระโขนง"])
    both = new_session(db, partners=[PHRA_KHANONG, "สนง.เขตพระโขนง"])
    keep, other = find_agency(db, PHRA_KHANONG), find_agency(db, "สนง.เขตพระโขนง")
    agency_edit.merge_agencies(db, keep.id, other.id)
    [merged] = entries(db, "agency", other.id)
    assert merged.action == "merged" and merged.changes == {"merged_into": ["สนง.เขตพระโขนง", PHRA_KHANONG]}
    assert [e.changes for e in entries(db, "session", s.id)] == [{"partners": ["สนง.เขตพระโขนง", PHRA_KHANONG]}]
    assert [e.changes for e in entries(db, "session", both.id)] == [
        {"partners": [f"{PHRA_KHANONG}, สนง.เขตพระโขนง", PHRA_KHANONG]}]


def test_a_rename_that_fails_midway_leaves_no_entry(db, monkeypatch):
    s = new_session(db, partners=["เขตพระโขนงก"])
    typo = find_agency(db, "เขตพระโขนงก")
    real = agency_edit.record_children_changes

    def record_then_fail(*args):
        real(*args)
        raise UserError("ดิสก์เต็ม")

    monkeypatch.setattr(agency_edit, "record_children_changes", record_then_fail)
    with pytest.raises(UserError):
        agency_edit.rename_agency(db, typo.id, PHRA_KHANONG)
    assert entries(db, "agency", typo.id) == [] and entries(db, "session", s.id) == []
    assert get_session(db, s.id).partners == ["เขตพระโขนงก"]


# ---------------------------------------------------------------- borrowers

def test_a_borrower_correction_records_only_what_changed(db):
    b = lending.ensure_borrower(db, "สมชัย ใจดี", "ฝ่ายเทศกิจ", "0 2398 0001")
    borrowers.update_borrower(db, b.id, "สมชาย ใจดี", "ฝ่ายเทศกิจ", "0 2398 0001")
    borrowers.update_borrower(db, b.id, "สมชาย ใจดี", "ฝ่ายเทศกิจ", "0 2398 0001")  # nothing new
    assert [(e.action, e.changes) for e in entries(db, "borrower", b.id)] == [
        ("updated", {"name": ["สมชัย ใจดี", "สมชาย ใจดี"]})]


def test_a_borrower_merge_records_the_merge_and_the_blanks_filled(db):
    keep = lending.ensure_borrower(db, "สมชาย ใจดี")
    other = lending.ensure_borrower(db, "สมชัย ใจดี", "ฝ่ายเทศกิจ")
    borrowers.merge_borrowers(db, keep.id, other.id)
    assert [(e.action, e.changes) for e in entries(db, "borrower", other.id)] == [
        ("merged", {"merged_into": ["สมชัย ใจดี", "สมชาย ใจดี"]})]
    assert [e.changes for e in entries(db, "borrower", keep.id)] == [{"section": ["", "ฝ่ายเทศกิจ"]}]


def test_a_deleted_borrower_keeps_its_last_values_in_the_history(db):
    b = lending.ensure_borrower(db, "ว่าง ไม่ยืม", "ฝ่ายโยธา")
    borrowers.delete_borrower(db, b.id)
    [entry] = entries(db, "borrower", b.id)
    assert entry.action == "purged"
    assert entry.changes == {"name": ["ว่าง ไม่ยืม", None], "section": ["ฝ่ายโยธา", None], "phone": ["", None]}
    from lo_desktop.core.safety.history import field_label

    assert history.describe(entry, field_label) == ["ชื่อ: ว่าง ไม่ยืม", "ฝ่าย/กลุ่มงาน: ฝ่ายโยธา"]


def test_a_refused_borrower_delete_records_nothing(db):
    b = lending.ensure_borrower(db, "สมชาย ใจดี")
    lending.lend(db, add_material(db, Material(title="คู่มือ", copies=1)), b)
    with pytest.raises(UserError):
        borrowers.delete_borrower(db, b.id)
    assert entries(db, "borrower", b.id) == []


# ---------------------------------------------------------------- labels a clerk reads

def test_every_new_label_has_thai():
    thai = catalog("th")
    labels = list(history.CHANGE_LABELS.values()) + list(history.ENTITY_LABELS.values()) + ["Merged into another"]
    assert [label for label in labels if not thai.get(label)] == []


def test_the_history_command_shows_a_session_entry_in_thai(tmp_path):
    import subprocess
    import sys

    from lo_desktop.core.db import open_database

    path = tmp_path / "corner.db"
    database = open_database(path)
    s = new_session(database)
    save_session(database, replace(s, participants=[SOMJAI, Participant("นายสมศักดิ์ รักงาน")]))
    database.close()
    result = subprocess.run([sys.executable, "-m", "lo_desktop", "--db", str(path), "history"],
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    assert f"กิจกรรมแลกเปลี่ยนเรียนรู้ {s.id}" in result.stdout
    assert "\tผู้เข้าร่วม: เพิ่ม “นายสมศักดิ์ รักงาน”" in result.stdout
