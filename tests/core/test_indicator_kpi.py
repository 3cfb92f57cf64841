"""Indicator 4.1 judged at its boundaries: the fiscal year edges, agency types, channel counts, the Trash."""
from dataclasses import replace
from datetime import date

import pytest

from lo_desktop.core.catalog.materials import add_material, delete_material, update_material
from lo_desktop.core.indicator.channels import Channel, save_channel
from lo_desktop.core.indicator.judge import judge
from lo_desktop.core.records import Material
from lo_desktop.core.indicator.sessions import ExchangeSession, delete_session, save_session
from lo_desktop.settings import Settings

LINE_STAFF = Settings(agency_type="line_staff")


def manual(db, received=date(2013, 1, 10), **changes):
    return add_material(db, Material(title="คู่มือการปฏิบัติงาน ฝ่ายเทศกิจ", kind="work_manual",
                                     received_on=received, **changes))


def material(db, source="exchange", received=date(2013, 6, 24)):
    return add_material(db, Material(title=f"องค์ความรู้ {source}", source=source, received_on=received))


def channel(db, m, key, when=date(2013, 2, 1)):
    return save_channel(db, Channel(m.id, key, when))


def exchange(db, when, material_ids=()):
    return save_session(db, ExchangeSession(when, "การจัดระเบียบผู้ค้า", material_ids=list(material_ids)))


def component(db, number, fy=2556, settings=LINE_STAFF):
    return judge(db, fy, settings).components[number - 1]


# --- component 1 ---------------------------------------------------------------------------------

def test_a_manual_with_one_channel_is_a_gap_and_two_distinct_channels_meet(db):
    m = manual(db)
    channel(db, m, "printed")
    first = component(db, 1)
    assert not first.met and first.gaps[0].target_kind == "material" and first.gaps[0].target_id == m.id
    assert m.code in first.gaps[0].text and "1 ช่องทาง" in first.gaps[0].text
    channel(db, m, "corner_shelf")
    assert component(db, 1).met and component(db, 1).gaps == []


def test_the_same_channel_twice_counts_once(db):
    m = manual(db)
    channel(db, m, "printed", date(2012, 12, 1))
    channel(db, m, "printed", date(2013, 3, 1))
    assert not component(db, 1).met
    assert [len(chans) for _m, chans in component(db, 1).manuals] == [2]


def test_every_counted_manual_needs_two_channels(db):
    good, short = manual(db), manual(db)
    for key in ("email", "intranet"):
        channel(db, good, key)
    channel(db, short, "email")
    c = component(db, 1)
    assert not c.met and [g.target_id for g in c.gaps] == [short.id]
    assert c.figures["manuals"] == 2 and c.figures["manuals_met"] == 1


def test_no_manual_at_all_is_a_gap(db):
    c = component(db, 1)
    assert not c.met and len(c.gaps) == 1 and "2556" in c.gaps[0].text


def test_a_channel_on_30_september_counts_and_one_on_1_october_does_not(db):
    m = manual(db)
    channel(db, m, "email", date(2013, 9, 30))
    channel(db, m, "printed", date(2013, 10, 1))
    assert not component(db, 1, 2556).met
    channel(db, m, "intranet", date(2012, 10, 1))
    assert component(db, 1, 2556).met


def test_a_manual_of_an_earlier_year_counts_when_distributed_in_this_one(db):
    m = manual(db, received=date(2011, 5, 1))
    assert component(db, 1, 2556).manuals == []
    channel(db, m, "email", date(2013, 9, 30))
    assert [x.id for x, _c in component(db, 1, 2556).manuals] == [m.id]


def test_deleted_or_withdrawn_manuals_do_not_count(db):
    gone, withdrawn = manual(db), manual(db)
    delete_material(db, gone.id)
    update_material(db, replace(withdrawn, status="withdrawn"))
    assert component(db, 1).manuals == []


# --- component 2 ---------------------------------------------------------------------------------

def test_the_corner_needs_both_km_and_cop_of_the_year(db):
    material(db, "km")
    c = component(db, 2)
    assert not c.met and c.figures == {"km": 1, "cop": 0} and c.gaps[0].target_kind == "community"
    material(db, "cop", received=date(2013, 9, 30))
    assert component(db, 2).met


def test_knowledge_received_on_1_october_belongs_to_the_next_year(db):
    material(db, "km", received=date(2013, 10, 1))
    material(db, "cop", received=date(2013, 10, 1))
    assert not component(db, 2, 2556).met and component(db, 2, 2557).met


def test_deleted_knowledge_does_not_count(db):
    km, cop = material(db, "km"), material(db, "cop")
    delete_material(db, cop.id)
    c = component(db, 2)
    assert not c.met and [m.id for m in c.km_items] == [km.id] and c.cop_items == []


# --- component 3 ---------------------------------------------------------------------------------

@pytest.mark.parametrize("agency_type, required", [("line", 1), ("staff", 2), ("line_staff", 2)])
def test_the_agency_type_sets_the_number_of_sessions(db, agency_type, required):
    exchange(db, date(2013, 6, 24), [material(db).id])
    c = component(db, 3, settings=Settings(agency_type=agency_type))
    assert c.required == required and c.met == (required == 1)
    if required == 2:
        assert "1 ครั้ง" in c.gaps[-1].text and "2 ครั้ง" in c.gaps[-1].text
    exchange(db, date(2013, 7, 8), [material(db).id])
    assert component(db, 3, settings=Settings(agency_type=agency_type)).met


def test_a_session_without_stored_material_does_not_count_and_says_so(db):
    exchange(db, date(2013, 6, 24), [material(db).id])
    bare = exchange(db, date(2013, 3, 15))
    c = component(db, 3)
    assert not c.met and c.figures == {"required": 2, "held": 2, "counted": 1}
    assert c.gaps[0].text == "การแลกเปลี่ยนเรียนรู้วันที่ 15 มีนาคม 2556 ยังไม่มีองค์ความรู้ที่จัดเก็บในมุมความรู้"
    assert (c.gaps[0].target_kind, c.gaps[0].target_id) == ("session", bare.id)


def test_a_session_whose_only_material_is_deleted_does_not_count(db):
    m = material(db)
    exchange(db, date(2013, 6, 24), [m.id])
    delete_material(db, m.id)
    assert component(db, 3, settings=Settings(agency_type="line")).figures["counted"] == 0


def test_sessions_on_30_september_and_1_october_fall_in_different_years(db):
    exchange(db, date(2013, 9, 30), [material(db).id])
    exchange(db, date(2013, 10, 1), [material(db).id])
    line = Settings(agency_type="line")
    assert component(db, 3, 2556, line).figures["held"] == 1
    assert component(db, 3, 2557, line).figures["held"] == 1
    assert not component(db, 3, 2556).met


def test_a_session_in_the_trash_does_not_count(db):
    s = exchange(db, date(2013, 6, 24), [material(db).id])
    delete_session(db, s.id)
    assert component(db, 3, settings=Settings(agency_type="line")).figures["held"] == 0


def test_the_json_has_the_documented_shape(db):
    data = judge(db, 2556, LINE_STAFF).to_json()
    assert data["fiscal_year"] == 2556 and data["met"] is False
    assert [c["number"] for c in data["components"]] == [1, 2, 3]
    for c in data["components"]:
        assert isinstance(c["met"], bool) and all(isinstance(g, str) for g in c["gaps"]) and c["gaps"]
