"""The lending commands as a script uses them: exit codes, one Thai sentence on a mistake, JSON fields."""
import json
import os
import subprocess
import sys

import pytest


def run(db, *args, check=True):
    command = [sys.executable, "-m", "lo_desktop", "--db", str(db)] + list(args)
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=dict(os.environ))
    assert "Traceback" not in result.stderr
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def corner(db, tmp_path):
    from lo_desktop.core.catalog.materials import add_material
    from lo_desktop.core.records import Material

    add_material(db, Material(title="คู่มือเทศกิจ", code="BN-0001", location="ชั้น A-1"))
    add_material(db, Material(title="วิดีโอ", code="BN-0002", format="digital", copies=0))
    return tmp_path / "corner.db"


def test_lend_list_and_return(corner):
    out = run(corner, "lend", "BN-0001", "--to", "สมชาย ใจดี", "--days", "7").stdout
    assert "BN-0001" in out and "25" in out  # a BE year (25xx) in what the clerk reads
    loans = json.loads(run(corner, "loans", "--json").stdout)
    assert [(x["code"], x["borrower"], x["returned_on"], x["days_overdue"]) for x in loans] == [
        ("BN-0001", "สมชาย ใจดี", None, 0)]
    assert {"title", "lent_on", "due_on"} <= set(loans[0])
    assert json.loads(run(corner, "loans", "--overdue", "--json").stdout) == []
    run(corner, "return", "BN-0001")
    assert json.loads(run(corner, "loans", "--json").stdout) == []
    assert len(json.loads(run(corner, "loans", "--all", "--json").stdout)) == 1


@pytest.mark.parametrize("args", [
    ("lend", "XX-0001", "--to", "สมชาย"),        # a code that does not exist
    ("lend", "BN-0002", "--to", "สมชาย"),        # digital only
    ("return", "BN-0001"),                       # not lent
    ("stocktake", "scan", "BN-0001"),            # no stocktake running
])
def test_mistakes_give_one_thai_sentence(corner, args):
    result = run(corner, *args, check=False)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and any("\u0e00" <= c <= "\u0e7f" for c in result.stderr)


def test_no_copy_left_writes_no_borrower(corner):
    run(corner, "lend", "BN-0001", "--to", "สมชาย")
    assert run(corner, "lend", "BN-0001", "--to", "คนใหม่", check=False).returncode == 1
    import sqlite3

    with sqlite3.connect(corner) as conn:
        assert conn.execute("SELECT name FROM borrowers").fetchall() == [("สมชาย",)]


def test_stocktake_from_the_command_line(corner):
    run(corner, "stocktake", "start", "ชั้น A-1")
    out = run(corner, "stocktake", "scan", "BN-0001", "BN-0001", "ZZ-1").stdout.splitlines()
    assert [line.split("\t")[0] for line in out] == ["found", "duplicate", "unknown"]
    counts = json.loads(run(corner, "stocktake", "status", "--json").stdout)
    assert counts == {"expected": 1, "found": 1, "missing": 0, "on_loan": 0, "unexpected": 1}
    run(corner, "stocktake", "close")
    assert run(corner, "stocktake", "status", check=False).returncode == 1
