"""Partner agencies corrected: a mistyped name renamed, two spellings merged into one partner."""
from datetime import date

import pytest

from lo_desktop.core.indicator import agency_edit
from lo_desktop.core.indicator.agencies import agencies_with_use, delete_agency, find_agency, list_agencies
from lo_desktop.core.indicator.agency_edit import merge_agencies, rename_agency
from lo_desktop.core.catalog.materials import add_material
from lo_desktop.core.errors import UserError
from lo_desktop.core.indicator.judge import judge
from lo_desktop.core.records import Material
from lo_desktop.core.indicator.sessions import (
    ExchangeSession, Participant, delete_session, get_session, list_sessions, restore_session, save_session)
from lo_desktop.settings import PHRA_KHANONG, Settings, load_settings, save_settings

SHORT = "สนง.เขตพระโขนง"  # the clerk's other spelling of Phra Khanong


def exchange(db, partners, held_on=date(2013, 6, 24), **changes):
    stored = add_material(db, Material(title="สรุปการแลกเปลี่ยน", source="exchange"))
    return save_session(db, ExchangeSession(held_on, "การจัดระเบียบผู้ค้าหาบเร่แผงลอย", partners=partners,
                                            material_ids=[stored.id], **changes))


def agency(db, name):
    return find_agency(db, name)


def uses(db) -> dict[str, int]:
    return {a.name: n for a, n in agencies_with_use(db)}


def indicator_partners(db) -> list[list[str]]:
    sessions = judge(db, 2556, Settings(agency_type="line")).components[2].sessions
    return [s.partners for s, _materials in sessions]


# --- rename -------------------------------------------------------------------------------------

def test_a_rename_shows_in_the_session_list_and_the_indicator_at_once(db):
    exchange(db, [SHORT])
    renamed = rename_agency(db, agency(db, SHORT).id, "  สำนักงานเขต   พระโขนง ", " เขตพระโขนง ")
    assert (renamed.name, renamed.short_name) == ("สำนักงานเขต พระโขนง", "เขตพระโขนง")
    assert [s.partners for s in list_sessions(db)] == [["สำนักงานเขต พระโขนง"]]
    assert indicator_partners(db) == [["สำนักงานเขต พระโขนง"]]
    assert judge(db, 2556, Settings()).to_json()["components"][2]["items"][0]["partners"] == [
        "สำนักงานเขต พระโขนง"]


def test_a_rename_carries_the_head_counts_participants_and_default_partners(db):
    people = [Participant("นายสมชาย รักงาน", agency=SHORT)]
    saved = exchange(db, [SHORT], participants=people, headcounts={SHORT: 12})
    save_settings(db, Settings(partners=[SHORT]))
    rename_agency(db, agency(db, SHORT).id, PHRA_KHANONG, "")
    again = get_session(db, saved.id)
    assert again.headcounts == {PHRA_KHANONG: 12}
    assert [p.agency for p in again.participants] == [PHRA_KHANONG]
    assert load_settings(db).partners == [PHRA_KHANONG]  # a new session would not bring SHORT back


def test_only_the_short_name_may_change(db):
    exchange(db, [PHRA_KHANONG])
    rename_agency(db, agency(db, PHRA_KHANONG).id, PHRA_KHANONG, "เขตพระโขนง")
    assert [(a.name, a.short_name) for a in list_agencies(db)] == [(PHRA_KHANONG, "เขตพระโขนง")]


@pytest.mark.parametrize("taken", ["สำนักงานเขตประเวศ", " สำนักงานเขตประเวศ  ", "BMA  City Hall"])
def test_renaming_to_a_name_another_agency_has_is_refused(db, taken):
    exchange(db, [SHORT, "สำนักงานเขตประเวศ", "bma city hall"])
    with pytest.raises(UserError) as refused:
        rename_agency(db, agency(db, SHORT).id, taken, "")
    assert "รวม" in str(refused.value)  # points the clerk to merging instead
    assert SHORT in uses(db)


def test_an_empty_name_or_an_agency_gone_is_refused(db):
    exchange(db, [SHORT])
    with pytest.raises(UserError):
        rename_agency(db, agency(db, SHORT).id, "   ", "")
    with pytest.raises(UserError):
        rename_agency(db, 999, "สำนักงานเขตประเวศ", "")
    assert list(uses(db)) == [SHORT]


# --- merge --------------------------------------------------------------------------------------

def test_merging_two_spellings_leaves_one_partner_per_session_and_one_agency(db):
    both = exchange(db, [PHRA_KHANONG, SHORT], headcounts={PHRA_KHANONG: 10, SHORT: 2})
    only_short = exchange(db, [SHORT, "สำนักงานเขตประเวศ"], held_on=date(2013, 8, 1))
    exchange(db, [PHRA_KHANONG], held_on=date(2013, 9, 1))
    assert uses(db) == {PHRA_KHANONG: 2, SHORT: 2, "สำนักงานเขตประเวศ": 1}
    kept = merge_agencies(db, agency(db, PHRA_KHANONG).id, agency(db, SHORT).id)
    assert kept.name == PHRA_KHANONG
    assert uses(db) == {PHRA_KHANONG: 3, "สำนักงานเขตประเวศ": 1}
    assert get_session(db, both.id).partners == [PHRA_KHANONG]
    assert get_session(db, both.id).headcounts == {PHRA_KHANONG: 12}  # the session's total is unchanged
    assert get_session(db, only_short.id).partners == [PHRA_KHANONG, "สำนักงานเขตประเวศ"]  # order kept
    assert indicator_partners(db) == [[PHRA_KHANONG], [PHRA_KHANONG, "สำนักงานเขตประเวศ"], [PHRA_KHANONG]]
    assert {p for names in indicator_partners(db) for p in names} == {PHRA_KHANONG, "สำนักงานเขตประเวศ"}


def test_the_kept_agency_takes_the_short_name_only_when_it_has_none(db):
    exchange(db, [PHRA_KHANONG, SHORT])
    rename_agency(db, agency(db, SHORT).id, SHORT, "เขตพระโขนง")
    merge_agencies(db, agency(db, PHRA_KHANONG).id, agency(db, SHORT).id)
    assert agency(db, PHRA_KHANONG).short_name == "เขตพระโขนง"


def test_a_merge_that_fails_midway_changes_nothing(db, monkeypatch):
    exchange(db, [SHORT], headcounts={SHORT: 3})
    save_settings(db, Settings(partners=[SHORT]))
    def disk_full(*args):
        raise OSError("disk full")

    monkeypatch.setattr(agency_edit, "save_settings", disk_full)
    exchange(db, [PHRA_KHANONG], held_on=date(2013, 9, 1))
    with pytest.raises(OSError):
        merge_agencies(db, agency(db, PHRA_KHANONG).id, agency(db, SHORT).id)
    assert uses(db) == {PHRA_KHANONG: 1, SHORT: 1}
    assert list_sessions(db)[0].headcounts == {SHORT: 3}


def test_merging_with_itself_or_an_unknown_agency_is_refused(db):
    exchange(db, [SHORT])
    short_id = agency(db, SHORT).id
    for keep, other in ((short_id, short_id), (short_id, 999), (999, short_id)):
        with pytest.raises(UserError):
            merge_agencies(db, keep, other)
    assert uses(db) == {SHORT: 1}


# --- the Trash and deleting ---------------------------------------------------------------------

def test_sessions_in_the_trash_count_and_follow_a_merge(db):
    trashed = exchange(db, [SHORT])
    delete_session(db, trashed.id)
    exchange(db, [PHRA_KHANONG], held_on=date(2013, 9, 1))
    assert uses(db) == {PHRA_KHANONG: 1, SHORT: 1}
    merge_agencies(db, agency(db, PHRA_KHANONG).id, agency(db, SHORT).id)
    restore_session(db, trashed.id)
    assert get_session(db, trashed.id).partners == [PHRA_KHANONG]
    assert uses(db) == {PHRA_KHANONG: 2}


def test_an_agency_is_deleted_only_once_no_session_names_it(db):
    saved = exchange(db, [SHORT])
    delete_session(db, saved.id)
    with pytest.raises(UserError):
        delete_agency(db, agency(db, SHORT).id)
    changed = get_session(db, saved.id)
    changed.partners = [PHRA_KHANONG]
    save_session(db, changed)
    assert uses(db) == {PHRA_KHANONG: 1, SHORT: 0}
    delete_agency(db, agency(db, SHORT).id)
    assert uses(db) == {PHRA_KHANONG: 1}


def test_a_partner_typed_with_other_spaces_or_letter_case_is_the_same_agency(db):
    exchange(db, ["Phra Khanong District Office"])
    exchange(db, ["phra khanong  district office"], held_on=date(2013, 7, 8))
    assert uses(db) == {"Phra Khanong District Office": 2}


def test_deleting_an_unused_agency_is_recorded_with_its_name(db):
    from lo_desktop.core.safety import history
    from lo_desktop.core.indicator.agencies import add_agency

    unused = add_agency(db, "สำนักงานเขตยานนาวา", "เขตยานนาวา")
    delete_agency(db, unused.id)
    entry = history.history_of(db, "agency", unused.id)[0]
    assert entry.action == "purged"
    assert entry.changes == {"name": ["สำนักงานเขตยานนาวา", None], "short_name": ["เขตยานนาวา", None]}
