"""Publishing the catalog is a distribution channel of the work manuals in it (indicator 4.1, component 1)."""
from dataclasses import replace
from datetime import date

from lo_desktop.core import thaidate
from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core.indicator import actions
from lo_desktop.core.indicator.channels import channels_of
from lo_desktop.core.indicator.publication import manuals_to_record
from lo_desktop.settings import load_settings, save_settings

DAY = date(2026, 12, 4)  # fiscal year 2570


def live_manuals(db) -> list[str]:
    return [r[0] for r in db.execute("SELECT code FROM materials WHERE kind = 'work_manual' AND deleted_at IS NULL "
                                     "AND status != 'withdrawn' ORDER BY code").fetchall()]


def intranet_dates(db, code) -> list[date]:
    material = catalog.get_material(db, code, include_deleted=True)
    return [c.distributed_on for c in channels_of(db, material.id) if c.channel == "intranet"]


def test_every_published_manual_is_recorded_once_per_fiscal_year(demo_db):
    manuals = live_manuals(demo_db)
    assert len(manuals) >= 2
    made = actions.record_intranet_publication(demo_db, DAY)
    assert sorted(catalog.get_material_by_id(demo_db, c.material_id).code for c in made) == manuals
    assert all(intranet_dates(demo_db, code).count(DAY) == 1 for code in manuals)
    assert actions.record_intranet_publication(demo_db, date(2027, 1, 15)) == []  # same fiscal year
    next_year = actions.record_intranet_publication(demo_db, date(2027, 10, 1))  # fiscal year 2571
    assert len(next_year) == len(manuals)


def test_trashed_withdrawn_and_other_kinds_are_not_recorded(demo_db):
    first, second = live_manuals(demo_db)[:2]
    catalog.delete_material(demo_db, catalog.get_material(demo_db, first).id)
    withdrawn = catalog.get_material(demo_db, second)
    catalog.update_material(demo_db, replace(withdrawn, status="withdrawn"))
    codes = [m.code for m in manuals_to_record(demo_db, DAY)]
    assert first not in codes and second not in codes
    assert all(catalog.get_material(demo_db, c).kind == "work_manual" for c in codes)
    actions.record_intranet_publication(demo_db, DAY)
    assert intranet_dates(demo_db, first) == [] and intranet_dates(demo_db, second) == []


def test_the_evidence_is_the_manuals_page_when_the_address_is_known(demo_db):
    settings = load_settings(demo_db)
    save_settings(demo_db, replace(settings, intranet_address="10.0.0.5:8001/"))
    made = actions.record_intranet_publication(demo_db, DAY)
    code = catalog.get_material_by_id(demo_db, made[0].material_id).code
    assert made[0].evidence_link == f"http://10.0.0.5:8001/catalog/materials/{code}"


def test_the_indicator_counts_the_intranet_for_the_year(demo_db):
    fy = thaidate.fiscal_year(DAY)
    before = actions.judge_indicator(demo_db, fy).components[0].figures["channels_used"]
    actions.record_intranet_publication(demo_db, DAY)
    after = actions.judge_indicator(demo_db, fy).components[0].figures["channels_used"]
    assert after.get("intranet", 0) == len(live_manuals(demo_db)) > before.get("intranet", 0)
