"""Exchange sessions: what is saved, what is refused, and that a refusal leaves nothing half-written."""
from datetime import date

import pytest
from PIL import Image

from lo_desktop.core.catalog.materials import add_material, delete_material
from lo_desktop.core.errors import UserError, ValidationError
from lo_desktop.core.files import folder as files_folder, stored_path
from lo_desktop.core.indicator.records import MAX_FILE_BYTES
from lo_desktop.core.records import Material
from lo_desktop.core.indicator.sessions import (
    ExchangeSession, Participant, add_agency, add_photo, delete_agency, delete_session, get_session,
    list_agencies, list_sessions, restore_session, save_session, session_materials, store_attendance)
from lo_desktop.settings import PHRA_KHANONG


def count(db, table):
    return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def session(**changes):
    values = dict(held_on=date(2013, 6, 24), topic="การจัดระเบียบผู้ค้าหาบเร่แผงลอย",
                  participants=[Participant("นางสาวสมใจ ใจดี", "หัวหน้าฝ่ายเทศกิจ", "สำนักงานเขตบางนา")])
    return ExchangeSession(**values | changes)


@pytest.fixture
def jpeg(tmp_path):
    path = tmp_path / "visit.jpg"
    Image.new("RGB", (64, 48), (200, 80, 40)).save(path)
    return path


def test_a_saved_session_reads_back_whole(db):
    m = add_material(db, Material(title="สรุปผลการแลกเปลี่ยนเรียนรู้", source="exchange"))
    saved = save_session(db, session(start_time="9.30", end_time="15:30", material_ids=[m.id],
                                     headcounts={"สำนักงานเขตพระโขนง": 12}))
    again = get_session(db, saved.id)
    assert again.partners == [PHRA_KHANONG]  # Phra Khanong is the default partner
    assert again.start_time == "09:30" and again.participants[0].name == "นางสาวสมใจ ใจดี"
    assert again.headcounts_by_agency() == {"สำนักงานเขตบางนา": 1, "สำนักงานเขตพระโขนง": 12}
    assert again.total_headcount() == 13
    assert [x.code for x in session_materials(db, saved.id)] == [m.code]


def test_editing_replaces_the_lists_and_keeps_the_uid(db):
    saved = save_session(db, session(partners=["สำนักงานเขตพระโขนง", "สำนักงานเขตประเวศ"]))
    saved.participants = [Participant("นายสมชาย รักงาน")]
    saved.partners = ["สำนักงานเขตประเวศ"]
    again = save_session(db, saved)
    assert [p.name for p in again.participants] == ["นายสมชาย รักงาน"]
    assert again.partners == ["สำนักงานเขตประเวศ"] and again.uid == saved.uid
    assert count(db, "exchange_sessions") == 1


def test_a_session_without_a_date_is_refused_and_nothing_saved(db):
    with pytest.raises(ValidationError) as caught:
        save_session(db, session(held_on=None))
    assert "held_on" in caught.value.problems and "วันที่" in str(caught.value)
    assert count(db, "exchange_sessions") == 0 and count(db, "agencies") == 0


def test_a_participant_without_a_name_is_refused_and_nothing_saved(db):
    people = [Participant("นางสาวสมใจ ใจดี"), Participant("  ", "เจ้าพนักงานเทศกิจ", "สำนักงานเขตพระโขนง")]
    with pytest.raises(ValidationError) as caught:
        save_session(db, session(participants=people))
    assert "ลำดับที่ 2" in str(caught.value)
    assert count(db, "exchange_sessions") == 0 and count(db, "session_participants") == 0


def test_an_edit_that_is_refused_leaves_the_stored_session_as_it_was(db):
    saved = save_session(db, session())
    saved.participants.append(Participant(""))
    saved.participants[-1].position = "ผู้ช่วย"
    saved.topic = "หัวข้อใหม่"
    with pytest.raises(ValidationError):
        save_session(db, saved)
    assert get_session(db, saved.id).topic == "การจัดระเบียบผู้ค้าหาบเร่แผงลอย"


def test_an_empty_participant_row_is_dropped_not_refused(db):
    saved = save_session(db, session(participants=[Participant("นายสมชาย รักงาน"), Participant("")]))
    assert len(saved.participants) == 1


@pytest.mark.parametrize("changes, field", [
    (dict(topic="  "), "topic"), (dict(partners=[]), "partners"), (dict(format="party"), "format"),
    (dict(start_time="25:00"), "start_time"), (dict(start_time="14:00", end_time="09:00"), "end_time"),
    (dict(headcounts={"สำนักงานเขตพระโขนง": -1}), "headcounts"), (dict(material_ids=[999]), "material_ids"),
])
def test_each_rule_names_its_field(db, changes, field):
    with pytest.raises(ValidationError) as caught:
        save_session(db, session(**changes))
    assert field in caught.value.problems


def test_a_photo_is_stored_with_its_caption(db, jpeg):
    saved = save_session(db, session())
    photo = add_photo(db, saved.id, jpeg, "คณะเยี่ยมชมจุดผ่อนผัน")
    assert photo.caption == "คณะเยี่ยมชมจุดผ่อนผัน" and photo.name == "visit.jpg"
    assert stored_path(db, photo.sha256).read_bytes() == jpeg.read_bytes()
    assert [p.caption for p in get_session(db, saved.id).photos] == ["คณะเยี่ยมชมจุดผ่อนผัน"]


def test_a_file_that_is_not_an_image_is_refused_as_a_photo(db, tmp_path):
    saved = save_session(db, session())
    fake = tmp_path / "minutes.jpg"
    fake.write_text("รายงานการประชุม", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        add_photo(db, saved.id, fake)
    assert "minutes.jpg" in str(caught.value) and "ภาพ" in str(caught.value)
    assert count(db, "session_photos") == 0


def test_a_200_mb_photo_is_refused_before_it_is_read(db, tmp_path):
    saved = save_session(db, session())
    huge = tmp_path / "huge.jpg"
    with open(huge, "wb") as f:  # sparse: 200 MB on paper, nothing on disk
        f.truncate(200 * 1024 * 1024)
    with pytest.raises(UserError) as caught:
        add_photo(db, saved.id, huge)
    assert "200 MB" in str(caught.value) and "25 MB" in str(caught.value)
    assert count(db, "session_photos") == 0
    assert not any(p.is_file() for p in files_folder(db).rglob("*"))


def test_a_photo_just_under_the_limit_passes_the_size_check(db, tmp_path):
    from lo_desktop.core.indicator.records import check_file

    edge = tmp_path / "edge.jpg"
    with open(edge, "wb") as f:
        f.truncate(MAX_FILE_BYTES)
    assert check_file(edge) == edge


def test_the_attendance_scan_takes_a_picture_or_a_pdf_only(db, jpeg, tmp_path):
    assert store_attendance(db, jpeg)[1] == "visit.jpg"
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\n")
    assert store_attendance(db, pdf)[1] == "sheet.pdf"
    text = tmp_path / "sheet.txt"
    text.write_text("ไม่ใช่ภาพ", encoding="utf-8")
    with pytest.raises(UserError):
        store_attendance(db, text)


def test_a_partner_agency_named_by_sessions_cannot_be_deleted(db):
    save_session(db, session())
    agency = next(a for a in list_agencies(db) if a.name == PHRA_KHANONG)
    with pytest.raises(UserError) as caught:
        delete_agency(db, agency.id)
    assert PHRA_KHANONG in str(caught.value)
    assert [a.name for a in list_agencies(db)] == [PHRA_KHANONG]


def test_a_session_in_the_trash_still_protects_its_agency(db):
    saved = save_session(db, session())
    delete_session(db, saved.id)
    with pytest.raises(UserError):
        delete_agency(db, list_agencies(db)[0].id)


def test_the_database_itself_refuses_to_drop_a_named_agency(db):
    import sqlite3

    save_session(db, session())
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("DELETE FROM agencies")


def test_an_unused_agency_can_be_deleted(db):
    agency = add_agency(db, "สำนักงานเขตประเวศ")
    delete_agency(db, agency.id)
    assert list_agencies(db) == []


def test_trash_and_restore(db):
    saved = save_session(db, session())
    delete_session(db, saved.id)
    assert list_sessions(db) == [] and [s.id for s in list_sessions(db, trash=True)] == [saved.id]
    restore_session(db, saved.id)
    assert [s.id for s in list_sessions(db)] == [saved.id]


def test_a_material_in_the_trash_is_not_listed_for_its_session(db):
    m = add_material(db, Material(title="เอกสารประกอบการบรรยาย", source="exchange"))
    saved = save_session(db, session(material_ids=[m.id]))
    delete_material(db, m.id)
    assert session_materials(db, saved.id) == []


def test_sessions_of_a_fiscal_year_split_on_1_october(db):
    save_session(db, session(held_on=date(2013, 9, 30), topic="ปลายปี"))
    save_session(db, session(held_on=date(2013, 10, 1), topic="ต้นปีใหม่"))
    assert [s.topic for s in list_sessions(db, 2556)] == ["ปลายปี"]
    assert [s.topic for s in list_sessions(db, 2557)] == ["ต้นปีใหม่"]
