"""The core runs without a screen: no module under lo_desktop/core imports Qt."""
import ast
from pathlib import Path

import lo_desktop.core

CORE = Path(lo_desktop.core.__file__).parent


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_core_module_imports_qt():
    offenders = {
        path.name: sorted(n for n in imported_modules(path) if n.split(".")[0] in ("PySide6", "shiboken6"))
        for path in CORE.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_core_and_cli_import_without_loading_qt():
    import subprocess
    import sys

    code = ("import sys, lo_desktop.cli, lo_desktop.core.catalog, lo_desktop.core.transfer; "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
