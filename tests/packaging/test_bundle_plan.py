"""What the bundle recipe (packaging/bundle_plan.py) keeps and leaves out, checked without building."""
import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import bundle_plan  # noqa: E402


def pyside_modules_imported() -> set[str]:
    found = set()
    for source in (ROOT / "lo_desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
                found.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("PySide6."))
    return found


def test_every_qt_module_the_program_imports_is_kept():
    assert pyside_modules_imported() <= set(bundle_plan.QT_USED)


def test_unused_qt_modules_and_dev_packages_are_excluded():
    excluded = bundle_plan.excluded_modules(["QtCore", "QtQml", "QtWebEngineCore", "QtCharts", "QtSql"])
    assert {"PySide6.QtQml", "PySide6.QtWebEngineCore", "PySide6.QtSql"} <= set(excluded)
    assert "PySide6.QtCore" not in excluded and "PySide6.QtCharts" not in excluded
    assert {"pytest", "PyInstaller", "hatchling", "tkinter"} <= set(excluded)


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqwayland-egl.so", False),
    ("PySide6/plugins/imageformats/qjpeg.dll", True),
    ("PySide6/plugins/imageformats/qwebp.dll", False),
    ("PySide6/plugins/printsupport/windowsprintersupport.dll", True),
    ("PySide6/plugins/tls/qschannelbackend.dll", False),
    ("PySide6/Qt/translations/qtbase_th.qm", False),
    ("PySide6/Qt6Qml.dll", False),
    ("PySide6/Qt/lib/libQt6Quick.so.6", False),
    ("PySide6/Qt6Widgets.dll", True),
    ("lo_desktop/resources/i18n/th/windows.json", True),
])
def test_plugins_and_libraries_kept_or_dropped(dest, kept):
    assert bundle_plan.keep_file(dest) is kept


def test_libraries_only_a_dropped_plugin_needed_fall_out():
    binaries = [("PySide6/QtGui.abi3.so", "/x/QtGui.abi3.so", "EXTENSION"),
                ("PySide6/Qt/lib/libQt6Gui.so.6", "/x/libQt6Gui.so.6", "BINARY"),
                ("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY"),
                ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY")]
    links = {"/x/QtGui.abi3.so": ["libQt6Gui.so.6"], "/x/libQt6Gui.so.6": ["libQt6Core.so.6"]}
    kept = bundle_plan.reachable(binaries, lambda path: links.get(path, []))
    assert [entry[0] for entry in kept] == [entry[0] for entry in binaries[:3]]


def test_the_label_wrapper_reads_only_the_dictionary_the_bundle_carries(tmp_path):
    """pythainlp ships 60 MB of models; packaging/hooks/hook-pythainlp.py keeps a few files. Prove in a
    fresh interpreter that importing it and segmenting Thai opens nothing else."""
    import subprocess

    hook = (ROOT / "packaging" / "hooks" / "hook-pythainlp.py").read_text(encoding="utf-8")
    keep = ast.literal_eval(hook.split("KEEP = ", 1)[1].split("\n", 1)[0])
    script = (
        "import sys\n"
        "opened = set()\n"
        "def audit(event, args):\n"
        "    if event == 'open' and 'pythainlp' in str(args[0]) and not str(args[0]).endswith(('.py', '.pyc')):\n"
        "        opened.add(str(args[0]).replace('\\\\', '/').rsplit('/', 1)[-1])\n"
        "sys.addaudithook(audit)\n"
        "from lo_desktop.labels.thai_wrap import words\n"
        "assert len(words('การจัดระเบียบผู้ค้าหาบเร่แผงลอย')) > 2\n"
        "print('\\n'.join(sorted(name for name in opened if '.' in name)))\n"
    )
    env = {**__import__("os").environ, "PYTHAINLP_DATA": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    opened = set(out.stdout.split())
    assert "words_th.txt" in opened
    assert opened <= set(keep), opened - set(keep)


def _submodules(package: str) -> list[str]:
    """What PyInstaller's collect_submodules finds, listed with pkgutil (no PyInstaller needed)."""
    import importlib
    import pkgutil

    module = importlib.import_module(package)
    return [package] + [m.name for m in pkgutil.walk_packages(module.__path__, package + ".", onerror=lambda _: None)]


def test_the_intranet_server_is_in_the_plan():
    """lo-desktop serve in the bundle: Datasette's plugins and uvicorn's loops and protocols are imported by
    name, Datasette's templates and static files are read from its folder."""
    from datasette.plugins import DEFAULT_PLUGINS

    hidden = set(bundle_plan.hidden_imports(_submodules))
    assert {"lo_desktop.core.intranet.plugin", "lo_desktop.core.intranet.gate", "lo_desktop.commands.intranet"} <= hidden
    assert set(DEFAULT_PLUGINS) <= hidden
    assert {"datasette.app", "uvicorn.loops.auto", "uvicorn.loops.asyncio", "uvicorn.protocols.http.auto",
            "uvicorn.protocols.http.h11_impl", "uvicorn.lifespan.on", "uvicorn.logging"} <= hidden
    datas = bundle_plan.server_datas(lambda package: [(f"/site/{package}/templates/table.html", f"{package}/templates"),
                                                      (f"/site/{package}/static/app.css", f"{package}/static")])
    assert {dest for _, dest in datas} == {"datasette/templates", "datasette/static"}
    assert bundle_plan.keep_file("lo_desktop/resources/intranet/templates/table.html")
    assert bundle_plan.keep_file("datasette/templates/base.html")


def test_the_server_runs_without_the_packages_the_bundle_leaves_out(tmp_path):
    """Every excluded package blocked in a fresh interpreter: Datasette, its default plugins and uvicorn's
    chosen loop and protocol still import, and a page of a published catalog is served."""
    import subprocess

    blocked = sorted({name.split(".")[0] for name in bundle_plan.EXCLUDED_PACKAGES if "." not in name})
    script = (
        "import sys, asyncio\n"
        f"for name in {blocked!r}:\n"
        "    sys.modules[name] = None\n"
        "import importlib\n"
        "from datasette.plugins import DEFAULT_PLUGINS\n"
        f"for name in [*DEFAULT_PLUGINS, *{list(bundle_plan.SERVER_MODULES)!r}]:\n"
        "    importlib.import_module(name)\n"
        "from lo_desktop.core.db import open_database\n"
        "from lo_desktop.core.intranet.snapshot import publish_snapshot\n"
        "from lo_desktop.core.intranet.site import make_datasette, close_site\n"
        f"open_database({str(tmp_path / 'corner.db')!r}).close()\n"
        f"ds = make_datasette(publish_snapshot({str(tmp_path / 'corner.db')!r}))\n"
        "page = asyncio.run(ds.client.get('/catalog/materials'))\n"
        "close_site(ds)\n"
        "print(page.status_code)\n"
    )
    env = {**__import__("os").environ, "LO_DESKTOP_DATA_DIR": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT,
                         check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["200"]
