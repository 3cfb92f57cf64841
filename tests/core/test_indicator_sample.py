"""The sample corner proves indicator 4.1 for FY 2556 and shows gaps for FY 2568; the CLI reports both."""
import json
import os
import subprocess
import sys

import pytest

from lo_desktop.core.files import stored_path
from lo_desktop.core.indicator.judge import judge
from lo_desktop.core.sample.corner import load_demo
from lo_desktop.core.indicator.sessions import list_sessions, session_materials
from lo_desktop.settings import PHRA_KHANONG, load_settings


def test_fy_2556_meets_all_three_components(demo_db):
    indicator = judge(demo_db, 2556, load_settings(demo_db))
    assert indicator.met and all(c.gaps == [] for c in indicator.components)


def test_the_fy_2556_exchanges_with_phra_khanong_are_complete(demo_db):
    sessions = list_sessions(demo_db, 2556)
    assert len(sessions) == 2
    for s in sessions:
        assert s.partners == [PHRA_KHANONG] and s.learnings_ours and s.learnings_theirs
        assert {p.agency for p in s.participants} == {"สำนักงานเขตบางนา", PHRA_KHANONG}
        assert all(m.source == "exchange" for m in session_materials(demo_db, s.id))
        assert s.photos and all(p.caption for p in s.photos)
        assert all(stored_path(demo_db, p.sha256).is_file() for p in s.photos)
        assert stored_path(demo_db, s.attendance_sha256).is_file()


def test_fy_2568_shows_a_gap_in_every_component(demo_db):
    indicator = judge(demo_db, 2568, load_settings(demo_db))
    assert [c.met for c in indicator.components] == [False, False, False]
    assert "การแลกเปลี่ยนเรียนรู้วันที่ 12 มีนาคม 2568 ยังไม่มีองค์ความรู้ที่จัดเก็บในมุมความรู้" in \
        [g.text for g in indicator.components[2].gaps]


def test_loading_the_sample_twice_adds_nothing(demo_db):
    tables = ("exchange_sessions", "session_photos", "channels", "communities", "agencies")
    before = [demo_db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables]
    assert load_demo(demo_db) == 0
    assert [demo_db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables] == before


def test_sample_photos_are_small_real_jpegs():
    from PIL import Image

    from lo_desktop.paths import resource

    photos = sorted(resource("sample", "photos").glob("*.jpg"))
    assert len(photos) >= 7
    for path in photos:
        assert 15_000 < path.stat().st_size < 80_000
        with Image.open(path) as image:
            assert image.format == "JPEG"


def cli(*args, db):
    result = subprocess.run([sys.executable, "-m", "lo_desktop", "--db", str(db), *args],
                            capture_output=True, text=True, encoding="utf-8", env=dict(os.environ))
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture
def demo_file(tmp_path):
    path = tmp_path / "demo.db"
    assert cli("demo", db=path).returncode == 0
    return path


def test_cli_sessions_json(demo_file):
    sessions = json.loads(cli("sessions", "--json", db=demo_file).stdout)
    assert {"id", "date", "topic", "partners"} <= set(sessions[0])
    assert sessions[0]["date"] == "24 มิถุนายน 2556" and sessions[0]["partners"] == [PHRA_KHANONG]
    only = json.loads(cli("sessions", "--fy", "2568", "--json", db=demo_file).stdout)
    assert [s["held_on"][:4] for s in only] == ["2025", "2025"]


def test_cli_kpi_json_for_both_years(demo_file):
    met = json.loads(cli("kpi", "--fy", "2556", "--json", db=demo_file).stdout)
    assert met["fiscal_year"] == 2556 and [c["met"] for c in met["components"]] == [True, True, True]
    assert [c["number"] for c in met["components"]] == [1, 2, 3]
    gaps = json.loads(cli("kpi", "--fy", "๒๕๖๘", "--json", db=demo_file).stdout)
    assert gaps["fiscal_year"] == 2568 and not any(c["met"] for c in gaps["components"])
    assert all(c["gaps"] for c in gaps["components"])


def test_cli_kpi_text_marks_each_component(demo_file):
    out = cli("kpi", "--fy", "2568", db=demo_file).stdout
    assert out.count("✗") == 3 and "ยังไม่มีองค์ความรู้ที่จัดเก็บในมุมความรู้" in out


def test_cli_kpi_unreadable_year_is_one_sentence(demo_file):
    result = cli("kpi", "--fy", "ปีหน้า", db=demo_file)
    assert result.returncode == 1 and result.stderr.count("\n") == 1
