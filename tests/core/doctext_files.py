"""Real documents for the text-extraction tests and benchmark: PDF drawn by Qt with Sarabun (so Thai has a
text layer), DOCX by python-docx, XLSX by openpyxl, text files in UTF-8 and Windows Thai."""
from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _app():
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    # A widgets application, as pytest-qt makes: window tests in the same run need one.
    app = QApplication.instance() or QApplication([])
    if not getattr(_app, "family", None):
        import fontpkg_sarabun

        font_id = QFontDatabase.addApplicationFont(str(fontpkg_sarabun.ROOT / "files" / "Sarabun-Regular.ttf"))
        _app.family = QFontDatabase.applicationFontFamilies(font_id)[0]
    return app


def write_pdf(path: Path, pages: list[str]) -> Path:
    """One page per string, drawn as text (extractable) in Sarabun."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    _app()
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    painter = QPainter(writer)
    painter.setFont(QFont(_app.family, 14))
    for number, text in enumerate(pages):
        if number:
            writer.newPage()
        painter.drawText(QRectF(200, 200, 2000, 3000), Qt.TextFlag.TextWordWrap, text)
    painter.end()
    return path


def write_image_pdf(path: Path) -> Path:
    """A 'scan': a page holding only a picture, no text layer."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter

    _app()
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("lightgray"))
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.drawImage(QRectF(100, 100, 4000, 2000), image)
    painter.end()
    return path


def write_encrypted_pdf(path: Path, text: str, password: str = "ลับ1234") -> Path:
    import pypdf

    plain = write_pdf(path.with_suffix(".plain.pdf"), [text])
    writer = pypdf.PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password=password, owner_password=password, algorithm="RC4-128")
    with open(path, "wb") as f:
        writer.write(f)
    plain.unlink()
    return path


def write_damaged_pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n\x00\x13garbage" * 3)
    return path


def write_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.save(str(path))
    return path


def write_xlsx(path: Path, rows: list[list], sheets: int = 1) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    for number in range(sheets):
        sheet = book.active if number == 0 else book.create_sheet()
        sheet.title = f"แผ่นที่ {number + 1}"
        for row in rows:
            sheet.append(row)
    book.save(str(path))
    return path


def write_txt(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path
