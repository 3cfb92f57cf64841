"""List the _()/tr() strings of the given files (default: the whole package) that have no Thai entry.

    python scripts/i18n_missing.py [FILE ...] [--json]   (--json prints a skeleton to fill in)
"""
import ast
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lo_desktop.i18n import catalog  # noqa: E402


def literals(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "tr") and node.args
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            found.append(node.args[0].value)
    return found


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--json"]
    files = [Path(a) for a in args] or sorted(Path("lo_desktop").rglob("*.py"))
    thai = catalog("th")
    missing = sorted({s for f in files for s in literals(f) if s not in thai})
    if "--json" in sys.argv:
        print(json.dumps({s: "" for s in missing}, ensure_ascii=False, indent=2))
    else:
        print("\n".join(missing))


if __name__ == "__main__":
    main()
