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
