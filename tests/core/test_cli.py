"""The command line as a clerk or a script uses it: real processes, real exit codes, no tracebacks."""
import json
import os
import subprocess
import sys

import pytest


def run(*args, db=None, env=None, check=True):
    command = [sys.executable, "-m", "lo_desktop"] + (["--db", str(db)] if db else []) + list(args)
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8",
                            env={**os.environ, **(env or {})})
    assert "Traceback" not in result.stderr
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def demo(tmp_path):
    path = tmp_path / "demo.db"
    run("demo", db=path)
    return path


def test_version_is_quick_to_ask():
    assert run("--version").stdout.startswith("lo-desktop ")


def test_demo_twice_changes_nothing(demo):
    before = json.loads(run("list", "--json", db=demo).stdout)
    out = run("demo", db=demo).stdout
    assert " 0 " in out
    assert json.loads(run("list", "--json", db=demo).stdout) == before
    assert len(before) >= 30 and {"code", "title"} <= set(before[0])


def test_search_finds_a_thai_fragment(demo):
    found = json.loads(run("search", "หาบเร่", "--json", db=demo).stdout)
    assert found and all("หาบเร่" in (m["title"] + m["summary"] + m["tags"] + m["topic"]) for m in found)


def test_search_with_fts_syntax_never_fails(demo):
    assert run("search", 'NEAR("(', "--json", db=demo).stdout.strip() == "[]"


def test_show_prints_thai_fields_and_a_be_date(demo):
    out = run("show", "BN-0001", db=demo).stdout
    assert "ชื่อเรื่อง:" in out and "25" in out


def test_unknown_code_is_one_sentence_and_exit_1(demo):
    result = run("show", "NOPE-1", db=demo, check=False)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "NOPE-1" in result.stderr


def test_env_variable_chooses_the_database(tmp_path):
    path = tmp_path / "env.db"
    run("demo", env={"LO_DESKTOP_DB": str(path)})
    assert path.exists()


def test_export_import_round_trip_through_the_cli(demo, tmp_path):
    out = tmp_path / "all.xlsx"
    run("export", str(out), db=demo)
    fresh = tmp_path / "fresh.db"
    assert "นำเข้า" in run("--create", "import", str(out), db=fresh).stdout  # a new --db needs --create
    original = json.loads(run("list", "--json", db=demo).stdout)
    copied = json.loads(run("list", "--json", db=fresh).stdout)
    key = ("code", "title", "kind", "year", "summary", "received_on", "status")
    assert [[m[k] for k in key] for m in copied] == [[m[k] for k in key] for m in original]


def test_import_with_bad_rows_writes_nothing_unless_told(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("ชื่อเรื่อง,ปี พ.ศ.\nดี,2556\n,2556\nปีผิด,abc\n", encoding="utf-8")
    db = tmp_path / "c.db"
    result = run("--create", "import", str(path), db=db, check=False)
    assert result.returncode == 1
    assert "แถวที่ 3" in result.stderr and "แถวที่ 4" in result.stderr
    assert json.loads(run("list", "--json", db=db).stdout) == []
    assert run("import", str(path), "--dry-run", db=db, check=False).returncode == 1
    run("import", str(path), "--skip-invalid", db=db)
    assert [m["title"] for m in json.loads(run("list", "--json", db=db).stdout)] == ["ดี"]


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    bogus = tmp_path / "x.db"
    bogus.write_text("hello")
    result = run("list", db=bogus, check=False)
    assert result.returncode == 1 and "SQLite" in result.stderr
    assert bogus.read_text() == "hello"


def test_main_py_runs_too(tmp_path):
    main = os.path.join(os.path.dirname(__file__), "..", "..", "main.py")
    result = subprocess.run([sys.executable, main, "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "lo-desktop" in result.stdout


def test_help_and_a_mistyped_command_speak_thai():
    assert "วิธีใช้:" in run("--help").stdout
    assert "ค้นหาสื่อด้วยข้อความส่วนใดก็ได้" in run("--help").stdout
    mistyped = run("serch", "x", check=False)
    assert mistyped.returncode == 2 and "ไม่มีตัวเลือก 'serch'" in mistyped.stderr
