"""The catalog table model: lazy (a bounded number of rows read), correct cells, SQL sorting."""
import pytest
from PySide6.QtCore import Qt

from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core.records import Material
from lo_desktop.core.catalog.search import Query, search_text
from lo_desktop.ui.catalog.material_model import COLUMNS, MaterialTableModel

TITLES = ("คู่มือการปฏิบัติงาน", "รายงานการประชุม", "องค์ความรู้เรื่อง", "กฎหมายว่าด้วย")


def generate(db, count: int) -> None:
    """``count`` materials inserted directly in one transaction (add_material would take a minute)."""
    rows = []
    for n in range(1, count + 1):
        row = Material(code=f"GEN-{n:05d}", title=f"{TITLES[n % 4]} ฉบับที่ {count - n}", kind="book",
                       uid=f"uid-{n}", year=2500 + n % 60, created_at="2024-01-01T00:00:00+00:00",
                       updated_at="2024-01-01T00:00:00+00:00").to_row()
        row.pop("id")
        row["search_text"] = search_text(row)
        rows.append(row)
    with db.atomic():
        db["materials"].insert_all(rows, batch_size=1000)


def column(key: str) -> int:
    return [c[0] for c in COLUMNS].index(key)


@pytest.fixture
def big_db(db):
    generate(db, 5000)
    return db


def test_a_new_model_reads_no_rows_until_asked(big_db):
    model = MaterialTableModel(big_db)
    assert model.rowCount() == 5000
    assert model.fetched == 0


def test_the_rows_a_view_shows_are_read_in_bounded_blocks(big_db, qtbot):
    from PySide6.QtWidgets import QTableView

    model = MaterialTableModel(big_db)
    view = QTableView()
    view.setModel(model)
    view.resize(800, 600)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.scrollToBottom()
    qtbot.wait(10)
    assert 0 < model.fetched <= 4 * MaterialTableModel.BLOCK
    assert model.cached_count() <= MaterialTableModel.CACHE_LIMIT


def test_the_cache_stays_bounded_when_every_row_is_read(big_db):
    model = MaterialTableModel(big_db)
    for row in range(0, 5000, 7):
        model.material_at(row)
    assert model.cached_count() <= MaterialTableModel.CACHE_LIMIT


def test_cells_show_the_material_of_their_row(big_db):
    model = MaterialTableModel(big_db)
    assert model.data(model.index(41, column("code"))) == "GEN-00042"
    assert model.data(model.index(41, column("title"))) == "องค์ความรู้เรื่อง ฉบับที่ 4958"
    assert model.data(model.index(41, column("kind"))) == "หนังสือ"
    assert model.data(model.index(41, column("updated"))) == "1 ม.ค. 2567"


def test_sorting_by_title_and_back_to_code_happens_in_sql(big_db):
    model = MaterialTableModel(big_db)
    model.sort(column("title"), Qt.SortOrder.AscendingOrder)
    titles = [model.data(model.index(row, column("title"))) for row in range(50)]
    assert titles == sorted(titles)
    model.sort(column("code"), Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, column("code"))) == "GEN-05000"
    assert model.sort_state() == ("code", True)


def test_a_reset_signals_and_empties_the_cache(big_db, qtbot):
    model = MaterialTableModel(big_db)
    model.material_at(10)
    with qtbot.waitSignal(model.modelReset):
        model.set_query(Query("รายงาน"))
    assert model.cached_count() == 0
    assert model.rowCount() == 1250


def test_a_deleted_material_leaves_the_table_on_refresh(demo_db):
    model = MaterialTableModel(demo_db)
    before = model.rowCount()
    catalog.delete_material(demo_db, model.id_at(0))
    model.refresh()
    assert model.rowCount() == before - 1
