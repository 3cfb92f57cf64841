"""`search --json` and `list --json` print what dataclasses.asdict(Material) held (their JSON content is
a contract with other programs), and `search --limit N` the first N in code order."""
import json
from dataclasses import asdict
from datetime import date

import pytest

from doctext_files import write_txt
from lo_desktop.cli import main
from lo_desktop.core.catalog import attachment_index
from lo_desktop.core.catalog.attachments import add_attachment
from lo_desktop.core.catalog.materials import add_material
from lo_desktop.core.catalog.search import Query, search
from lo_desktop.core.records import Material

AWKWARD = 'ชื่อ "อ้าง" \\ ทับ\tแท็บ\nบรรทัดใหม่ 🙂 \u200b น้ำผึ้ง'


@pytest.fixture
def corner(tmp_path):
    from lo_desktop.core.db import open_database

    path = tmp_path / "search.db"
    db = open_database(path)
    for n in range(1, 6):
        add_material(db, Material(title=f"{AWKWARD} {n}", code=f"JS-{n:04d}", summary=AWKWARD * n,
                                  author="ฝ่ายทะเบียน" if n % 2 else "", year=2560 + n if n != 3 else None,
                                  received_on=date(2024, 1, n) if n != 2 else None, copies=n))
    add_material(db, Material(title="ไม่เกี่ยว", code="ZZ-0001"))
    first = search(db, Query("JS-0001"))[0]
    add_attachment(db, first.id, write_txt(tmp_path / "บันทึก.txt", "บันทึกถึง js-0 ฝ่ายทะเบียน"))
    attachment_index.index_pending(db)
    db.close()
    return path


def _reference(path, text: str | None) -> list[dict]:
    """What the command printed before: each Material through asdict, its date as ISO text."""
    from lo_desktop.core.db import open_database

    db = open_database(path)
    try:
        rows = []
        for m in search(db, Query(text or "")):
            row = asdict(m)
            row["received_on"] = m.received_on.isoformat() if m.received_on else None
            if text is not None:
                row["matched_attachments"] = [{"name": a.name, "snippet": snippet}
                                              for a, snippet in attachment_index.attachment_matches(db, text, m.id)]
            rows.append(row)
        return rows
    finally:
        db.close()


def _json(capsys, *args) -> list[dict]:
    capsys.readouterr()
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_search_json_holds_every_field_as_before(corner, capsys):
    found = _json(capsys, "--db", str(corner), "search", "js-0", "--json")
    assert found == _reference(corner, "js-0")
    assert [list(row) for row in found] == [list(row) for row in _reference(corner, "js-0")]  # key order
    assert [m["code"] for m in found] == [f"JS-{n:04d}" for n in range(1, 6)]
    assert found[0]["title"].startswith(AWKWARD) and found[1]["received_on"] is None
    assert found[0]["matched_attachments"][0]["name"] == "บันทึก.txt"
    assert all(m["matched_attachments"] == [] for m in found[1:])


def test_list_json_holds_every_field_as_before(corner, capsys):
    assert _json(capsys, "--db", str(corner), "list", "--json") == _reference(corner, None)


def test_search_limit_gives_the_first_in_code_order(corner, capsys):
    found = _json(capsys, "--db", str(corner), "search", "js-0", "--json", "--limit", "2")
    assert [m["code"] for m in found] == ["JS-0001", "JS-0002"]
    assert found == _reference(corner, "js-0")[:2]
    assert _json(capsys, "--db", str(corner), "search", "js-0", "--json", "--limit", "0") == []
    assert main(["--db", str(corner), "search", "js-0", "--limit", "3"]) == 0
    out, err = capsys.readouterr()
    assert [line.split("\t")[0] for line in out.splitlines() if line.startswith("JS-")] == \
        ["JS-0001", "JS-0002", "JS-0003"]
    assert "3 จาก 5" in err  # the clerk is told how many were left out


def test_a_bad_limit_is_one_thai_sentence(corner, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(corner), "search", "js-0", "--limit", "-1"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "--limit" in err and "จำนวนสื่อ" in err
