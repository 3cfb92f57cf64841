"""The shape of the program, checked: no import cycles, layers that only look down, a core without Qt.

Imports inside functions count: a cycle hidden behind a late import is still a cycle a reader must untangle.
"""
import ast
import subprocess
import sys
from pathlib import Path

import lo_desktop

PACKAGE = Path(lo_desktop.__file__).parent
DOMAINS = ("catalog", "indicator", "lending", "safety", "exchange", "sample")
# Label modules that promise "No Qt here" in their docstring: their geometry, text and QR run anywhere.
QT_FREE_LABEL_MODULES = ("calibration", "geometry", "history", "layout", "payload", "qr", "sheets", "thai_wrap",
                         "usage")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_of(name: str) -> set[str]:
    """The project modules a module imports anywhere in it (top level and inside functions)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: imports_of(name) for name in MODULES}


def cycles() -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(max(10_000, sys.getrecursionlimit()))
    for v in GRAPH:
        if v not in index:
            visit(v)
    return groups


def importers_of(prefix: str, among: str) -> dict[str, list[str]]:
    return {name: sorted(m for m in GRAPH[name] if m == prefix or m.startswith(prefix + "."))
            for name in MODULES if name.startswith(among)} 


def offenders(prefix: str, among: str) -> dict[str, list[str]]:
    return {k: v for k, v in importers_of(prefix, among).items() if v}


def test_the_graph_sees_late_imports():
    # The parser must count an import inside a function, or the cycle test below proves nothing.
    assert "lo_desktop.core.safety.backup" in GRAPH["lo_desktop.core.corner"]
    assert any(m.startswith("lo_desktop.ui.") for m in GRAPH["lo_desktop.app"])


def test_no_import_cycles():
    assert cycles() == []


def test_labels_and_reports_never_import_the_window():
    assert offenders("lo_desktop.ui", "lo_desktop.labels") == {}
    assert offenders("lo_desktop.ui", "lo_desktop.reports") == {}


def test_the_core_never_imports_the_layers_above_it():
    for layer in ("lo_desktop.ui", "lo_desktop.commands", "lo_desktop.labels", "lo_desktop.reports",
                  "lo_desktop.app", "lo_desktop.cli"):
        assert offenders(layer, "lo_desktop.core") == {}, layer


def test_the_kernel_never_imports_a_domain():
    kernel = [name for name in MODULES if name.count(".") == 2 and name.startswith("lo_desktop.core.")
              and name != "lo_desktop.core.corner"]  # corner opens a database: the one door above the kernel
    assert kernel, "the kernel modules sit directly in lo_desktop/core"
    for domain in DOMAINS:
        found = {k: v for k in kernel for v in [sorted(m for m in GRAPH[k]
                                                       if m.startswith(f"lo_desktop.core.{domain}"))] if v}
        assert found == {}, domain


def test_every_core_module_the_command_line_and_the_qt_free_label_modules_load_without_qt():
    # Transitively: a core module that imports a helper that imports Qt fails here, not only a direct import.
    names = sorted(n for n in MODULES if n.startswith(("lo_desktop.core", "lo_desktop.commands")))
    names += ["lo_desktop.cli"] + [f"lo_desktop.labels.{m}" for m in QT_FREE_LABEL_MODULES]
    code = ("import importlib, sys\n"
            f"for name in {names!r}:\n"
            "    importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert len(names) > 50  # every core module really was imported
