"""A plain `pip install .` (not editable) carries resources/: the installed program finds its data."""
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("wheel")
    src = out / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".git", "*.db", "__pycache__", "build", "dist"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(out), str(src)], check=True, capture_output=True)
    return next(out.glob("lo_desktop-*.whl"))


def test_the_wheel_holds_every_resource(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {"lo_desktop/resources/" + p.relative_to(ROOT / "resources").as_posix()
                for p in (ROOT / "resources").rglob("*") if p.is_file()}
    assert expected and expected <= names


def test_a_fresh_venv_install_finds_its_resources(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True,
                   capture_output=True)
    code = ("from lo_desktop.paths import resource; from lo_desktop.i18n import _; "
            "p = resource('sample', 'materials.json'); print(p.is_file(), 'site-packages' in str(p), _('Title'))")
    out = subprocess.run([str(python), "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True)
    assert out.stdout.split() == ["True", "True", "ชื่อเรื่อง"]
