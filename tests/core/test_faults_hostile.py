"""Fault suite (issue 20): hostile files and strings, and --db paths that name no database.

Each ends in one Thai sentence (exit 1) and changes nothing, never an "unexpected error".
"""
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from fault_helpers import UNEXPECTED, dead_pid
from lo_desktop.cli import main

DEPTH = 100_000  # far past Python's recursion limit


def say(capsys, *args) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert not any(word in text for word in UNEXPECTED), text
    return code, text


def nested(meta: dict) -> bytes:
    return (json.dumps(meta)[:-1] + ', "x": ' + "[" * DEPTH + "]" * DEPTH + "}").encode()


def rewritten(source: Path, target: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, data if info.filename == name else src.read(info))
    return target


@pytest.fixture
def corner(demo_db):
    from lo_desktop.core.db import db_path

    return str(db_path(demo_db))


@pytest.fixture
def package(corner, tmp_path, capsys) -> Path:
    out = tmp_path / "p.lopackage"
    assert say(capsys, "--db", corner, "package", "export", "--codes", "BN-0001", "--out", str(out))[0] == 0
    return out


def materials(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM materials").fetchone()[0]
    finally:
        conn.close()


def test_a_deeply_nested_package_description_is_refused_in_one_sentence(corner, package, tmp_path, capsys):
    with zipfile.ZipFile(package) as zf:
        meta = json.loads(zf.read("package.json"))
    bad = rewritten(package, tmp_path / "deep.lopackage", "package.json", nested(meta))
    before = materials(corner)
    for args in (["package", "import", str(bad)], ["package", "import", str(bad), "--preview"]):
        code, text = say(capsys, "--db", corner, *args)
        assert code == 1 and "package.json" in text
    assert materials(corner) == before


def test_a_deeply_nested_backup_manifest_is_refused_by_restore_and_the_drill(corner, tmp_path, capsys):
    full = tmp_path / "full.lobackup"
    assert say(capsys, "--db", corner, "backup", "--out", str(full))[0] == 0
    with zipfile.ZipFile(full) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    bad = rewritten(full, tmp_path / "deep.lobackup", "manifest.json", nested(manifest))
    before = materials(corner)
    assert say(capsys, "--db", corner, "restore", str(bad))[0] == 1
    assert say(capsys, "--db", corner, "restore", str(bad), "--to", str(tmp_path / "drill"))[0] == 1
    assert materials(corner) == before


def test_a_package_claiming_10_to_the_30_copies_is_refused_whole(corner, package, tmp_path, capsys):
    with zipfile.ZipFile(package) as zf:
        meta = json.loads(zf.read("package.json"))
    meta["materials"][0]["copies"] = 10 ** 30
    meta["materials"][0]["uid"] = meta["materials"][0]["uid"][:-4] + "ffff"  # new here, so it would be added
    bad = rewritten(package, tmp_path / "big.lopackage", "package.json", json.dumps(meta).encode())
    before = materials(corner)
    code, text = say(capsys, "--db", corner, "package", "import", str(bad))
    assert code == 1 and "1,000,000" in text
    assert materials(corner) == before


def test_a_lone_surrogate_in_a_search_finds_nothing_and_says_so(corner, capsys):
    # What a terminal hands over for bytes it could not decode (Python's surrogateescape).
    assert say(capsys, "--db", corner, "search", "คู่มือ\udcff")[0] == 0
    assert say(capsys, "--db", corner, "search", "\ud800", "--json")[0] == 0


def test_a_lone_surrogate_in_a_new_title_is_refused_in_one_sentence(corner, capsys):
    before = materials(corner)
    code, text = say(capsys, "--db", corner, "add", "--title", "คู่มือ\udcff")
    assert code == 1
    assert materials(corner) == before


def test_an_empty_file_given_as_db_is_refused_and_left_empty(tmp_path, capsys):
    empty = tmp_path / "copy.db"
    empty.write_bytes(b"")
    code, text = say(capsys, "--db", str(empty), "list")
    assert code == 1 and "0 ไบต์" in text and "--create" in text
    assert empty.read_bytes() == b""


def test_a_mistyped_folder_in_db_is_not_created(tmp_path, capsys):
    typo = tmp_path / "Documnets" / "corner.db"
    code, text = say(capsys, "--db", str(typo), "list")
    assert code == 1 and "--create" in text
    assert not typo.parent.exists()
    assert say(capsys, "--db", str(typo), "--create", "list")[0] == 0  # asked for: made
    assert typo.is_file()


def test_a_killed_test_restore_does_not_block_the_retry(corner, tmp_path, capsys):
    full = tmp_path / "full.lobackup"
    assert say(capsys, "--db", corner, "backup", "--out", str(full))[0] == 0
    drill = tmp_path / "drill"
    name = Path(corner).name
    files = drill / (Path(name).stem + "-files") / "ab"
    files.mkdir(parents=True)  # what the killed restore had placed so far
    (files / f".part-{dead_pid()}-x").write_bytes(b"x" * 1000)
    (drill / f".part-{dead_pid()}-{name}").write_bytes(b"SQLite format 3\x00")
    code, text = say(capsys, "--db", corner, "restore", str(full), "--to", str(drill))
    assert code == 0, text
    assert (drill / name).is_file()
    assert list(drill.rglob(".part-*")) == []
