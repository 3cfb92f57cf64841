"""The program-wide guard: every literal passed to _() or tr() anywhere in lo_desktop has a Thai entry.

It scans the source, so it also fails for strings of other parts of the program that forgot theirs.
"""
import ast
from pathlib import Path

import lo_desktop
from lo_desktop.i18n import catalog

PACKAGE = Path(lo_desktop.__file__).parent


def translated_literals() -> dict[str, str]:
    """English literal → the first file:line that passes it to _() or tr()."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "tr")
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value, f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    return found


def test_the_scan_finds_the_window_strings():
    literals = translated_literals()
    assert "Showing {shown} of {total} materials" in literals
    assert len(literals) > 50


def test_every_translated_literal_has_a_thai_entry():
    thai = catalog("th")
    missing = {text: where for text, where in translated_literals().items() if not thai.get(text)}
    assert not missing, "No Thai for:\n" + "\n".join(f"{where}: {text!r}" for text, where in sorted(
        missing.items(), key=lambda item: item[1]))


def test_placeholders_survive_translation():
    """A Thai entry must keep every {name} of its English source, or tr() raises KeyError."""
    import string

    thai = catalog("th")
    broken = []
    for text in translated_literals():
        if text in thai:
            wanted = {f for _lit, f, _spec, _conv in string.Formatter().parse(text) if f}
            have = {f for _lit, f, _spec, _conv in string.Formatter().parse(thai[text]) if f}
            if wanted != have:
                broken.append(text)
    assert not broken, broken
