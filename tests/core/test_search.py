"""Finding materials by fragments of unspaced Thai, with filters; user text never breaks the query."""
from datetime import date

import pytest

from lo_desktop.core.catalog.materials import add_material, delete_material
from lo_desktop.core.records import Material
from lo_desktop.core.catalog.search import Query, count, facet_counts, search, search_ids


@pytest.fixture
def corner(db):
    add_material(db, Material(title="คู่มือการจัดระเบียบผู้ค้าหาบเร่แผงลอย", code="BN-0001", kind="guide",
                              tags="หาบเร่, แผงลอย", year=2556, received_on=date(2013, 3, 15)))
    add_material(db, Material(title="พระราชบัญญัติรักษาความสะอาดและความเป็นระเบียบเรียบร้อยของบ้านเมือง พ.ศ. ๒๕๓๕",
                              code="BN-0002", kind="law", location="ชั้น A-1", received_on=date(2012, 10, 1)))
    add_material(db, Material(title="สรุปบทเรียนการแลกเปลี่ยนเรียนรู้กับสำนักงานเขตพระโขนง", code="BN-0003",
                              source="exchange", summary='เทศกิจ "จุดผ่อนผัน" 50% AND NEAR(', received_on=date(2013, 9, 30)))
    add_material(db, Material(title="Work manual of the registration section", code="BN-0004", kind="work_manual",
                              author="ฝ่ายทะเบียน", received_on=date(2013, 10, 1)))
    return db


def codes(db, text, **filters):
    return [m.code for m in search(db, Query(text=text, filters=filters))]


@pytest.mark.parametrize("text, expected", [
    ("หาบเร่", ["BN-0001"]),            # inside unspaced Thai
    ("ผู้ค้า", ["BN-0001"]),             # with vowel and tone marks
    ("เรียบร้อย", ["BN-0002"]),
    ("พระโขนง", ["BN-0003"]),
    ("ทะเบียน", ["BN-0004"]),            # author field
    ("แผงลอย หาบเร่", ["BN-0001"]),      # every term must occur, in any order
    ("จุดผ่อนผัน", ["BN-0003"]),         # summary
    ("bn-000", ["BN-0001", "BN-0002", "BN-0003", "BN-0004"]),  # code, case-insensitive
    ("REGISTRATION", ["BN-0004"]),
    ("กข", []),                          # two letters: LIKE path, no match
    ("ผู", ["BN-0001"]),                 # two code points: LIKE path
    ("๒๕๓๕", ["BN-0002"]),               # Thai digits
    ("2535", ["BN-0002"]),               # ...found by Arabic digits too
])
def test_fragments_are_found(corner, text, expected):
    assert codes(corner, text) == expected


@pytest.mark.parametrize("text", [
    '"', '""', "'", "AND", "OR NOT", "NEAR(", "NEAR(a b", "*", "-", "(", ")", "a:b", "title:หาบ", "^",
    "%", "_", "\\", "50%", "%%%%", '"จุดผ่อนผัน"', "ทะเบียน*", "-เทศกิจ", "{}", "\x00", " ",
])
def test_any_typed_text_is_taken_literally_and_never_raises(corner, text):
    found = codes(corner, text)
    assert isinstance(found, list)


def test_operators_are_literal_text(corner):
    assert codes(corner, "AND NEAR(") == ["BN-0003"]
    assert codes(corner, "50%") == ["BN-0003"]
    assert codes(corner, '"จุดผ่อนผัน"') == ["BN-0003"]


def test_filters_combine_with_text(corner):
    assert codes(corner, "", kind="law") == ["BN-0002"]
    assert codes(corner, "สำนักงานเขต", source="exchange") == ["BN-0003"]
    assert codes(corner, "หาบเร่", kind="law") == []


def test_fiscal_year_filter_uses_the_received_date(corner):
    assert codes(corner, "", fiscal_year=2556) == ["BN-0001", "BN-0002", "BN-0003"]
    assert codes(corner, "", fiscal_year=2557) == ["BN-0004"]


def test_deleted_materials_are_only_in_the_trash(corner):
    m = search(corner, Query(text="หาบเร่"))[0]
    delete_material(corner, m.id)
    assert codes(corner, "หาบเร่") == []
    assert [x.code for x in search(corner, Query(text="หาบเร่", deleted=True))] == ["BN-0001"]


def test_facet_counts_follow_the_search_but_not_their_own_filter(corner):
    query = Query(text="สำนักงานเขต", filters={"kind": "law"})
    assert facet_counts(corner, query, "kind") == {"other": 1}
    assert facet_counts(corner, Query(), "kind") == {"guide": 1, "law": 1, "other": 1, "work_manual": 1}
    assert count(corner, Query(filters={"fiscal_year": 2556})) == 3


def test_sorting_and_ids(corner):
    assert [m.code for m in search(corner, Query(), order_by="code", descending=True)] == \
        ["BN-0004", "BN-0003", "BN-0002", "BN-0001"]
    assert len(search_ids(corner, Query(), order_by="title")) == 4
    assert search_ids(corner, Query(), order_by="no_such; DROP TABLE materials") == \
        search_ids(corner, Query(), order_by="code")


def test_editing_a_title_updates_what_is_found(corner):
    from lo_desktop.core.catalog.materials import get_material, update_material

    m = get_material(corner, "BN-0004")
    m.title = "คู่มือฝ่ายทะเบียนฉบับปรับปรุง"
    update_material(corner, m)
    assert codes(corner, "ฉบับปรับปรุง") == ["BN-0004"]
    assert codes(corner, "registration") == []


def test_all_facet_counts_agree_with_single_facets(corner):
    from lo_desktop.core.catalog.search import FILTER_FIELDS, all_facet_counts

    for query in (Query(text="สำนักงานเขต"), Query(text="สำนักงานเขต", filters={"kind": "law"}), Query()):
        together = all_facet_counts(corner, query)
        assert together == {name: facet_counts(corner, query, name) for name in FILTER_FIELDS}


@pytest.fixture
def shelf(db):
    """60 materials: every one a manual, one in three about street vendors, one deleted, one in two filed
    under the guide kind: dense and sparse words side by side."""
    from lo_desktop.core.catalog.transfer import ImportCheck, import_rows

    check = ImportCheck()
    for n in range(60):
        title = "คู่มือ" + ("หาบเร่แผงลอย" if n % 3 == 0 else "งานทะเบียนราษฎร") + ("พิเศษ" if n == 41 else "")
        check.good.append((n + 2, Material(title=title, code=f"ZZ-{60 - n:03d}", kind="guide" if n % 2 else "book")))
    import_rows(db, check)
    delete_material(db, search(db, Query(text="ZZ-030"))[0].id)
    return db


@pytest.mark.parametrize("text, filters", [
    ("คู่มือ", {}), ("หาบเร่", {}), ("ทะเบียน", {"kind": "guide"}), ("พิเศษ", {}), ("ไม่มีเลย", {}),
    ("คู่มือ แผงลอย", {}), ("zz-0", {}), ("หา", {}),
])
@pytest.mark.parametrize("descending", [False, True])
def test_a_keystroke_answer_agrees_with_the_full_search_whatever_the_density(shelf, text, filters, descending):
    """What the window's table shows per keystroke (core/catalog/keystroke.py): every match in order, the
    counts per filter value, and the catalog's total (the Trash left out)."""
    from lo_desktop.core.catalog.keystroke import compute

    query = Query(text=text, filters=filters)
    everything = search(shelf, query, descending=descending)
    answer = compute(shelf.conn, 7, query, "code", descending, True)
    assert answer.serial == 7
    assert answer.ids == [m.id for m in everything]
    assert answer.total == 59
    assert sum(answer.facets["kind"].values()) == len(search(shelf, Query(text=text)))


def test_filter_counts_are_kept_for_a_search_until_another_connection_changes_the_catalog(demo_db):
    """The window's search thread keeps the counts of recent texts: a filter click (same text) must not
    group the catalog again, and a change saved by the window (another connection) must show at once."""
    import sqlite3

    from lo_desktop.core.catalog.keystroke import CountsMemory, compute
    from lo_desktop.core.db import db_path

    reader = sqlite3.connect(f"{db_path(demo_db).resolve().as_uri()}?mode=ro", uri=True)
    ran: list[str] = []
    reader.set_trace_callback(ran.append)
    memory = CountsMemory()

    def answer(query, kept=memory):
        return compute(reader, 1, query, "code", False, False, kept)

    def groupings() -> int:
        return sum("COUNT(*) AS found" in statement for statement in ran)  # the grouping of a text

    first = answer(Query(text="คู่มือ"))
    assert groupings() == 1 and first.facets["kind"]
    clicked = Query(text="คู่มือ", filters={"kind": "work_manual"})
    again = answer(clicked)
    assert groupings() == 1  # the click was answered from memory
    assert again.facets == answer(clicked, kept=None).facets and again.total == first.total
    from lo_desktop.core.catalog import keystroke

    worked = []
    real = keystroke.search.all_facet_counts
    keystroke.search.all_facet_counts = lambda *args: worked.append(args) or real(*args)
    try:
        back = answer(Query(text="คู่มือ"))  # the filter cleared again: its counts were kept whole
    finally:
        keystroke.search.all_facet_counts = real
    assert worked == [] and back.facets == first.facets
    before = groupings()

    add_material(demo_db, Material(title="คู่มือการปฏิบัติงานใหม่", kind="guide"))  # the window saves
    changed = answer(clicked)
    assert groupings() == before + 1
    assert changed.facets == answer(clicked, kept=None).facets and changed.total == first.total + 1
    assert changed.facets["kind"]["guide"] == again.facets["kind"].get("guide", 0) + 1
    reader.close()


def test_the_kept_groupings_stay_bounded_when_a_newer_search_cuts_a_drop_short(demo_db):
    """The search thread keeps a few groupings as temporary tables; a newer request may interrupt the
    drop of the oldest one, and that table must still be dropped later, not kept until the window closes."""
    import sqlite3

    from lo_desktop.core.catalog.keystroke import CountsMemory
    from lo_desktop.core.db import db_path

    reader = sqlite3.connect(f"{db_path(demo_db).resolve().as_uri()}?mode=ro", uri=True)

    class CutShort:
        """The reader, whose first DROP is interrupted (as sqlite3's interrupt() does)."""

        def __init__(self):
            self.cut = False

        def execute(self, sql, *args):
            if sql.startswith("DROP") and not self.cut:
                self.cut = True
                raise sqlite3.OperationalError("interrupted")
            return reader.execute(sql, *args)

    memory, conn = CountsMemory(), CutShort()
    for n in range(CountsMemory.GROUPINGS):
        memory.counted(conn, Query(text=f"คู่มือ {n}"))
    with pytest.raises(sqlite3.OperationalError):
        memory.counted(conn, Query(text="เทศกิจ"))  # one grouping too many: dropping the oldest is cut short
    memory.counted(conn, Query(text="หาบเร่"))
    kept = reader.execute("SELECT COUNT(*) FROM sqlite_temp_master WHERE type = 'table'").fetchone()[0]
    assert kept == CountsMemory.GROUPINGS
    reader.close()
