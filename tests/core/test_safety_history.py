"""Every change to a material, session or channel is recorded, whoever writes it."""
from dataclasses import replace
from datetime import date

from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core.indicator import channels
from lo_desktop.core.safety import history
from lo_desktop.core.indicator import sessions
from lo_desktop.core.records import Material
from lo_desktop.core.indicator.sessions import ExchangeSession, Participant


def actions(db, entity, entity_id):
    return [c.action for c in reversed(history.history_of(db, entity, entity_id))]


def test_material_changes_record_old_and_new(db):
    m = catalog.add_material(db, Material(title="คู่มือเดิม", copies=1))
    catalog.update_material(db, replace(m, title="คู่มือใหม่", copies=3))
    latest = history.history_of(db, "material", m.id)[0]
    assert latest.action == "updated"
    assert latest.changes == {"title": ["คู่มือเดิม", "คู่มือใหม่"], "copies": [1, 3]}
    assert latest.changed_at.endswith("+00:00")


def test_saving_without_a_change_records_nothing(db):
    m = catalog.add_material(db, Material(title="คู่มือ"))
    catalog.update_material(db, m)
    assert actions(db, "material", m.id) == ["created"]


def test_trash_restore_and_purge_are_recorded_and_the_purged_values_kept(db):
    m = catalog.add_material(db, Material(title="เอกสารที่ลบ", location="ชั้น 2"))
    catalog.delete_material(db, m.id)
    catalog.restore_material(db, m.id)
    catalog.delete_material(db, m.id)
    catalog.empty_trash(db)
    assert actions(db, "material", m.id) == ["deleted", "restored", "deleted", "purged"]
    purged = history.history_of(db, "material", m.id)[0]
    assert purged.changes["title"][0] == "เอกสารที่ลบ" and purged.changes["location"][0] == "ชั้น 2"


def test_a_change_by_another_tool_is_recorded_too(db):
    m = catalog.add_material(db, Material(title="คู่มือ"))
    with db.atomic():
        db.execute("UPDATE materials SET location = 'ตู้ 3' WHERE id = ?", [m.id])
    assert history.history_of(db, "material", m.id)[0].changes == {"location": ["", "ตู้ 3"]}


def test_session_changes_are_recorded(db):
    s = sessions.save_session(db, ExchangeSession(
        held_on=date(2013, 6, 24), topic="การจัดระเบียบผู้ค้า",
        participants=[Participant("นางสาวสมใจ ใจดี", "หัวหน้าฝ่าย", "สำนักงานเขตบางนา")]))
    sessions.save_session(db, replace(s, place="ห้องประชุม 1"))
    sessions.delete_session(db, s.id)
    sessions.restore_session(db, s.id)
    assert actions(db, "session", s.id) == ["created", "updated", "deleted", "restored"]
    assert history.history_of(db, "session", s.id)[2].changes["place"] == ["", "ห้องประชุม 1"]


def test_an_import_adds_no_history_row_per_material(db):
    from lo_desktop.core.catalog.transfer import ImportCheck, import_rows

    import_rows(db, ImportCheck(good=[(n + 2, Material(title=f"เล่ม {n}")) for n in range(50)]))
    assert db.execute("SELECT COUNT(*) FROM history").fetchone()[0] == 0
    first = db.execute("SELECT id, created_at FROM materials ORDER BY id").fetchone()
    created = history.history_of(db, "material", first[0])
    assert [(c.action, c.changed_at) for c in created] == [("created", first[1])]


def test_channel_changes_are_recorded(db):
    m = catalog.add_material(db, Material(title="คู่มือ"))
    c = channels.save_channel(db, channels.Channel(m.id, "facebook", date(2024, 3, 1)))
    channels.save_channel(db, replace(c, note="โพสต์ซ้ำ"))
    channels.delete_channel(db, c.id)
    assert actions(db, "channel", c.id) == ["updated", "purged"]


def test_describe_says_what_changed(db):
    m = catalog.add_material(db, Material(title="ก"))
    catalog.update_material(db, replace(m, title="ข", summary=""))
    change = history.history_of(db, "material", m.id)[0]
    assert history.describe(change, lambda name: name.upper()) == ["TITLE: ก → ข"]


def test_an_import_writes_one_summary_entry(db):
    history.record_import(db, 120, "รายการสื่อ.csv")
    latest = history.recent(db, 1)[0]
    assert latest.action == "imported" and latest.changes == {"count": 120, "file": "รายการสื่อ.csv"}


def test_stored_keys_are_described_in_the_clerks_words(db):
    m = catalog.add_material(db, Material(title="คู่มือ"))
    catalog.update_material(db, replace(m, status="on_loan", kind="work_manual"))
    lines = history.describe(history.history_of(db, "material", m.id)[0], history.field_label)
    assert sorted(lines) == ["ประเภท: อื่น ๆ → คู่มือการปฏิบัติงาน", "สถานะ: พร้อมให้บริการ → ถูกยืม"]
