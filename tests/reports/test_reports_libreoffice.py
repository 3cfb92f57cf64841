"""The documents open in LibreOffice and come out as A4 pages (skipped where LibreOffice is absent)."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from lo_desktop.reports.indicator_report import build_indicator_report
from lo_desktop.reports.session_memo import build_session_memo
from lo_desktop.settings import Settings

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")


def to_pdf(docx, folder) -> bytes:
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{folder}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
                   check=True, capture_output=True, timeout=180)
    return (folder / (docx.stem + ".pdf")).read_bytes()


def test_the_report_and_the_memo_convert_to_a4_pages(db, corner, tmp_path):
    kpi = build_indicator_report(db, Settings(), 2556, tmp_path / "kpi.docx")
    memo = build_session_memo(db, Settings(), corner["sessions"][0].id, tmp_path / "memo.docx")
    for docx in (kpi, memo):
        pdf = to_pdf(docx, tmp_path)
        boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", pdf)
        assert len(boxes) >= 2, docx.name  # the memo runs onto its photo page; the report is longer
        assert all(abs(float(w) - 595.3) < 1.5 and abs(float(h) - 841.9) < 1.5 for w, h in boxes)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(tmp_path / "memo.pdf"), "-"], capture_output=True,
                              check=True).stdout.decode()
        assert "บันทึกข้อความ" in text
