"""The sample corner's materials: valid, unique, and shaped to show what the dashboard must show.

FY 2556 holds everything indicator 4.1 asks for; FY 2568 deliberately lacks CoP and exchange
outputs so the later year shows gaps.
"""
import pytest

from lo_desktop.core.catalog.materials import validate
from lo_desktop.core.records import EDITABLE_FIELDS
from lo_desktop.core.sample.materials import load_sample_materials, sample_json
from lo_desktop.core.catalog.search import Query, count, search


@pytest.fixture
def sample_db(db):
    load_sample_materials(db)
    return db


def fy_count(db, fiscal_year, **filters):
    return count(db, Query(filters={"fiscal_year": fiscal_year, **filters}))


def test_sample_file_uses_exactly_the_editable_fields():
    for row in sample_json("materials.json"):
        assert set(row) == set(EDITABLE_FIELDS), row["code"]


def test_sample_codes_are_consecutive():
    codes = [row["code"] for row in sample_json("materials.json")]
    assert codes == [f"BN-{n:04d}" for n in range(1, len(codes) + 1)]


def test_every_sample_material_is_stored_and_valid(sample_db):
    materials = search(sample_db, Query())
    assert len(materials) >= 36
    assert len({m.code for m in materials}) == len(materials)
    for material in materials:
        assert validate(sample_db, material) == {}, material.code


def test_fiscal_year_2556_meets_every_component(sample_db):
    assert fy_count(sample_db, 2556, kind="work_manual") >= 7
    assert fy_count(sample_db, 2556, source="km") >= 4
    assert fy_count(sample_db, 2556, source="cop") >= 3
    assert fy_count(sample_db, 2556, source="exchange") >= 3


def test_fiscal_year_2568_has_a_few_items_but_no_cop_or_exchange(sample_db):
    assert 5 <= fy_count(sample_db, 2568) <= 6
    assert fy_count(sample_db, 2568, kind="work_manual") >= 1
    assert fy_count(sample_db, 2568, source="km") >= 1
    assert fy_count(sample_db, 2568, source="cop") == 0
    assert fy_count(sample_db, 2568, source="exchange") == 0


def test_digital_only_items_have_a_link_and_no_copies(sample_db):
    digital = search(sample_db, Query(filters={"format": "digital"}))
    assert digital
    for material in digital:
        assert material.copies == 0 and material.link.startswith("https://"), material.code


def test_thai_text_in_the_sample_is_found_by_search(sample_db):
    found = search(sample_db, Query(text="หาบเร่แผงลอย"))
    assert "BN-0001" in {m.code for m in found}


def test_loading_twice_adds_nothing(db):
    first = load_sample_materials(db)
    assert first == len(sample_json("materials.json"))
    total = count(db, Query())
    assert load_sample_materials(db) == 0
    assert count(db, Query()) == total
