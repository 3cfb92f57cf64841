"""The catalog actions' own promises: what they refuse, and that a cancelled import leaves nothing."""
import csv

import pytest

from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core.catalog import actions as catalog_actions
from lo_desktop.core.safety.backup import list_backups
from lo_desktop.core.errors import UserError
from lo_desktop.core.progress import Cancelled, Progress
from lo_desktop.core.records import Material
from lo_desktop.core.catalog.transfer import field_values


class CancelAtOnce(Progress):
    def reported(self, done, total, text):
        self.cancel()


def test_a_cancelled_import_writes_neither_rows_nor_its_history_entry(db, tmp_path):
    path = tmp_path / "list.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["Title"], ["หนึ่ง"], ["สอง"]])
    check = catalog_actions.check_import(db, path)
    with pytest.raises(Cancelled):
        catalog_actions.import_materials(db, path, check=check, progress=CancelAtOnce())
    assert db.execute("SELECT COUNT(*) FROM materials").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM history").fetchone()[0] == 0
    assert [b.reason for b in list_backups(tmp_path / "corner.db")] == ["import"]  # taken before writing
    assert catalog_actions.import_materials(db, path).imported == 2


def test_only_materials_in_the_trash_are_deleted_for_good(db, tmp_path):
    kept = catalog.add_material(db, Material(title="ยังใช้อยู่"))
    with pytest.raises(UserError, match=kept.code):
        catalog_actions.purge_materials(db, [kept.id])
    assert catalog_actions.empty_trash(db) == 0
    assert list_backups(tmp_path / "corner.db") == []  # an empty Trash: nothing to delete, nothing backed up
    catalog_actions.delete_materials(db, [kept.id])
    assert catalog_actions.purge_materials(db, [kept.id]) == 1
    assert [b.reason for b in list_backups(tmp_path / "corner.db")] == ["purge"]
    assert catalog.get_material_by_id(db, kept.id) is None


def test_no_file_is_attached_to_a_material_in_the_trash(db, tmp_path):
    material = catalog.add_material(db, Material(title="ในถังขยะ"))
    catalog_actions.delete_materials(db, [material.id])
    note = tmp_path / "note.txt"
    note.write_text("ข้อความ", encoding="utf-8")
    with pytest.raises(UserError):
        catalog_actions.attach_file(db, material.id, note)


def test_an_emptied_code_takes_the_next_code_of_the_settings_pattern(db):
    first = catalog_actions.add_material(db, Material(title="ก"))
    second = catalog_actions.add_material(db, Material(title="ข"))
    edited = catalog_actions.edit_material(db, Material(**{**vars(first), "code": ""}))
    assert (first.code, second.code, edited.code) == ("BN-0001", "BN-0002", "BN-0003")


def test_typed_values_are_read_as_an_imported_row_is():
    values = field_values({"title": " คู่มือ ", "kind": "วีดิทัศน์", "year": "๒๕๖๗", "received_on": "15/3/2567",
                           "copies": "๓"})
    assert (values["title"], values["kind"], values["year"], values["copies"]) == ("คู่มือ", "video", 2567, 3)
    assert values["received_on"].isoformat() == "2024-03-15"
    assert field_values({"year": ""}) == {"year": None}
    with pytest.raises(UserError):
        field_values({"kind": "ไม่มีประเภทนี้"})


class CancelAfter(Progress):
    """Cancels once ``rows`` rows are reported written: after some batches have gone into the database."""

    def __init__(self, rows):
        super().__init__()
        self.rows = rows

    def reported(self, done, total, text):
        if done >= self.rows:
            self.cancel()


def write_list(path, count, code_every=0):
    with path.open("w", encoding="utf-8", newline="") as f:
        rows = [["ชื่อเรื่อง", "รหัสสื่อ"]]
        rows += [[f"เรื่องที่ {n}", f"IM-{n:05d}" if code_every and n % code_every == 0 else ""]
                 for n in range(1, count + 1)]
        csv.writer(f).writerows(rows)
    return path


def test_a_list_written_in_batches_is_cancelled_whole_after_some_batches(db, tmp_path):
    path = write_list(tmp_path / "big.csv", 5000)
    check = catalog_actions.check_import(db, path)
    with pytest.raises(Cancelled):
        catalog_actions.import_materials(db, path, check=check, progress=CancelAfter(4000))
    assert db.execute("SELECT COUNT(*) FROM materials").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM history").fetchone()[0] == 0


def test_the_check_keeps_no_materials_and_the_write_makes_the_same_ones(db, tmp_path):
    path = write_list(tmp_path / "big.csv", 4500, code_every=7)
    check = catalog_actions.check_import(db, path)
    assert not isinstance(check.good, list) and len(check.good) == 4500
    first = [(n, m.title, m.code) for n, m in check.good]
    assert first == [(n, m.title, m.code) for n, m in check.good]  # read again, the same rows
    assert first[:2] == [(2, "เรื่องที่ 1", ""), (3, "เรื่องที่ 2", "")] and first[6] == (8, "เรื่องที่ 7", "IM-00007")
    assert catalog_actions.import_materials(db, path, check=check).imported == 4500
    codes = [r[0] for r in db.execute("SELECT code FROM materials ORDER BY id")]
    assert len(set(codes)) == 4500 and codes[6] == "IM-00007"
    assert db.execute("SELECT COUNT(*) FROM materials_fts WHERE materials_fts MATCH ?", ["4499"]).fetchone()[0] == 1


@pytest.fixture
def small_stages(monkeypatch):
    """Stages of 1,000 rows: a 4,500-row list is prepared and indexed in five turns."""
    from lo_desktop.core.catalog import bulk_insert

    monkeypatch.setattr(bulk_insert, "STAGE_ROWS", 1000)


def test_every_stage_of_an_import_is_searchable(db, tmp_path, small_stages):
    path = write_list(tmp_path / "big.csv", 4500)
    assert catalog_actions.import_materials(db, path).imported == 4500
    def found(text):
        return db.execute("SELECT COUNT(*) FROM materials_fts WHERE materials_fts MATCH ?", [f'"{text}"']).fetchone()[0]
    assert found("เรื่องที่") == 4500
    assert [found(f"เรื่องที่ {n}") for n in (999, 1000, 1001, 3999, 4500)] == [1] * 5
    add_material_after = catalog_actions.add_material(db, Material(title="ประกาศหาบเร่ฉบับใหม่"))
    assert add_material_after.id == 4501 and found("หาบเร่") == 1  # the index trigger is back


def test_an_import_cancelled_in_a_later_stage_writes_nothing(db, tmp_path, small_stages):
    path = write_list(tmp_path / "big.csv", 4500)
    check = catalog_actions.check_import(db, path)
    with pytest.raises(Cancelled):
        catalog_actions.import_materials(db, path, check=check, progress=CancelAfter(3000))
    assert db.execute("SELECT COUNT(*) FROM materials").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM materials_fts_data").fetchone()[0] <= 2  # its empty structure only


def test_a_row_failing_while_the_next_stage_is_prepared_fails_the_import_whole(db, tmp_path, small_stages, monkeypatch):
    from lo_desktop.core.catalog import transfer

    path = write_list(tmp_path / "big.csv", 4500)
    check = catalog_actions.check_import(db, path)
    made = transfer._new_row
    monkeypatch.setattr(transfer, "_new_row", lambda m, *rest: made(m, *rest) if m.title != "เรื่องที่ 2500" else 1 / 0)
    with pytest.raises(ZeroDivisionError):
        catalog_actions.import_materials(db, path, check=check)
    monkeypatch.undo()
    assert db.execute("SELECT COUNT(*) FROM materials").fetchone()[0] == 0
    assert catalog_actions.import_materials(db, path, check=check).imported == 4500
