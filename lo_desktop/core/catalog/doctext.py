"""Plain text out of the documents clerks attach: PDF, Word (DOCX), Excel (XLSX) and text files.

``extract_text(path, name)`` returns the text ("" when a file holds none, e.g. a scanned PDF without a
text layer, or a kind of file we do not read) or raises ``ExtractionError`` with one translated
sentence for a damaged or password-protected file. The type is taken from the name the clerk gave the
file (stored files are named by their hash). Text is bounded (``MAX_CHARS``, ``MAX_PAGES``) so one huge
file cannot fill the database or hold up the others.

PDF is read by pypdf (BSD licence, pure Python, actively maintained): no native library to ship.
"""
from __future__ import annotations

import logging
import zipfile
from pathlib import Path

from lo_desktop.core.errors import UserError
from lo_desktop.i18n import tr

MAX_CHARS = 2_000_000  # of text per file: ~700 pages of Thai prose
MAX_PAGES = 1_000  # of a PDF
TEXT_SUFFIXES = (".txt", ".csv", ".md", ".text")


class ExtractionError(Exception):
    """The file could not be read; ``str(error)`` is one translated sentence saying why."""


def extract_text(path: str | Path, name: str | None = None) -> str:
    path = Path(path)
    name = name or path.name
    extractor = _extractor(name)
    if extractor is None:
        return ""
    if not path.is_file():
        raise ExtractionError(tr("The stored copy of “{name}” is missing.", name=name))
    text = extractor(path, name)
    return clean(text)[:MAX_CHARS]


CONTROL = dict.fromkeys(c for c in range(32) if chr(c) not in "\t\n\r\f")


def clean(text: str) -> str:
    """Drop control characters ("" when only blanks are left). A PDF whose font maps a glyph to no
    character (Qt's PDFs do so for Thai tone marks raised over an upper vowel) yields them."""
    text = text.translate(CONTROL)
    return text if text.strip() else ""


def _extractor(name: str):
    suffix = Path(name).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return plain_text
    return {".pdf": pdf_text, ".docx": docx_text, ".xlsx": xlsx_text, ".xlsm": xlsx_text}.get(suffix)


# --- PDF ------------------------------------------------------------------------------------------
def pdf_text(path: Path, name: str) -> str:
    import pypdf
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a damaged file is reported once, by us
    try:
        reader = pypdf.PdfReader(path)
        _unlock(reader, name)
        return _pages_text(reader)
    except ExtractionError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError,
            RecursionError, UnicodeError, AssertionError, NotImplementedError) as exc:
        # pypdf raises many kinds for a damaged file; each is the same sentence to the clerk.
        raise ExtractionError(tr("“{name}” is damaged or is not a real PDF file ({reason}).",
                                 name=name, reason=type(exc).__name__)) from exc


def _unlock(reader, name: str) -> None:
    """Files locked only against printing or editing open with the empty password; others are refused."""
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except Exception:  # e.g. AES without the optional cryptography package
        opened = 0
    if not opened:
        raise ExtractionError(tr("“{name}” is protected by a password and was not read.", name=name))


def _pages_text(reader) -> str:
    parts, size = [], 0
    for number, page in enumerate(reader.pages):
        if number >= MAX_PAGES or size >= MAX_CHARS:
            break
        text = page.extract_text() or ""
        parts.append(text)
        size += len(text)
    return "\n".join(parts)


# --- Word and Excel (zip files) -----------------------------------------------------------------------
def _open_zip(path: Path, name: str, kind: str) -> None:
    """Refuse a file that is not a zip (damaged, or an Office file encrypted with a password) or a bomb."""
    if not zipfile.is_zipfile(path):
        raise ExtractionError(tr("“{name}” is damaged, protected by a password or not a real {kind} file.",
                                 name=name, kind=kind))
    from lo_desktop.core.catalog.transfer import refuse_zip_bomb

    try:
        refuse_zip_bomb(path)
    except UserError as exc:
        raise ExtractionError(tr("“{name}” unpacks to an unreasonable size and was refused.", name=name)) from exc


def docx_text(path: Path, name: str) -> str:
    _open_zip(path, name, "Word")
    import docx

    try:
        with open(path, "rb") as f:
            document = docx.Document(f)
        lines = [p.text for p in document.paragraphs]
        for table in document.tables:
            lines.extend("\t".join(cell.text for cell in row.cells) for row in table.rows)
    except Exception as exc:  # python-docx raises many kinds for a damaged file
        raise ExtractionError(tr("“{name}” is damaged, protected by a password or not a real {kind} file.",
                                 name=name, kind="Word")) from exc
    return "\n".join(lines)


def xlsx_text(path: Path, name: str) -> str:
    _open_zip(path, name, "Excel")
    import openpyxl

    try:
        # A file object: openpyxl refuses a path without .xlsx, and stored files are named by their hash.
        with open(path, "rb") as f:
            book = openpyxl.load_workbook(f, read_only=True, data_only=True)
            try:
                return _book_text(book)
            finally:
                book.close()
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ExtractionError(tr("“{name}” is damaged, protected by a password or not a real {kind} file.",
                                 name=name, kind="Excel")) from exc


def _book_text(book) -> str:
    lines, size = [], 0
    for sheet in book.worksheets:
        lines.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            line = "\t".join(_cell(v) for v in row if v is not None)
            if line:
                lines.append(line)
                size += len(line)
            if size >= MAX_CHARS:
                return "\n".join(lines)
    return "\n".join(lines)


def _cell(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- plain text ---------------------------------------------------------------------------------------
def plain_text(path: Path, name: str) -> str:
    limit = MAX_CHARS * 3  # a Thai character is three bytes of UTF-8
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise ExtractionError(tr("Cannot read “{path}”: {reason}", path=name, reason=exc.strerror)) from exc
    if len(data) > limit:
        data = data[:limit].rsplit(b"\n", 1)[0]  # never end inside a multi-byte character
    return decode(data)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM (Notepad's "Unicode"), else Windows Thai (cp874)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    from lo_desktop.core.catalog.transfer import decode_csv

    return decode_csv(data)
