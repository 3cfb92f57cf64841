"""Documents are always Thai: every English source the report builders pass to thai() has a Thai entry."""
from __future__ import annotations

import ast
from pathlib import Path

import lo_desktop.reports as reports
from lo_desktop.i18n import catalog
from lo_desktop.reports.session_memo import _Memo  # noqa: F401 - the memo's labels are checked below

FOLDER = Path(reports.__file__).parent
MEMO_LABELS = ("Memo: government agency", "Memo: ref.", "Memo: date", "Memo: subject")


def thai_literals() -> set[str]:
    found = set()
    for path in FOLDER.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "thai" and node.args \
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.add(node.args[0].value)
    return found


def test_every_document_text_has_a_thai_entry():
    literals = thai_literals() | set(MEMO_LABELS)
    assert len(literals) > 50
    missing = sorted(text for text in literals if text not in catalog("th"))
    assert missing == []


def test_documents_stay_thai_when_the_window_speaks_english(db, corner, tmp_path):
    from docx_reading import all_text

    from lo_desktop import i18n
    from lo_desktop.reports.indicator_report import build_indicator_report
    from lo_desktop.settings import Settings

    i18n.set_language("en")
    text = all_text(build_indicator_report(db, Settings(), 2556, tmp_path / "kpi.docx"))
    assert "รายงานผลการดำเนินงานตามตัวชี้วัดที่ 4.1" in text
    assert "Summary of the three components" not in text
