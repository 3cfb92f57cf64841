"""The text inside attachments, read once and indexed for the same fragment search as the catalog fields.

Each attachment gets one ``attachment_text`` row: ``ok`` (text found), ``empty`` (no text layer, or a
kind of file we do not read), ``failed`` (damaged or password-protected; ``error`` says why) or
``pending`` (to be read again). ``index_pending`` reads every attachment without a finished row, so
attachments made before this feature existed are read after an upgrade. Reading happens outside any
transaction and each file is written in its own short one: the window keeps working meanwhile, and a
file that fails never stops the others.
"""
from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field

from lo_desktop.core.catalog.attachments import attachment_path
from lo_desktop.core.catalog.materials import now
from lo_desktop.core.catalog.doctext import ExtractionError, extract_text
from lo_desktop.core.errors import UserError
from lo_desktop.core.progress import Progress, report
from lo_desktop.core.records import Attachment
from lo_desktop.core.catalog.search import normalize, terms
from lo_desktop.i18n import tr

SNIPPET_CHARS = 40  # either side of the match


@dataclass
class IndexSummary:
    ok: int = 0
    empty: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)

    @property
    def total(self) -> int:
        return self.ok + self.empty + len(self.failed)


def pending_ids(db) -> list[int]:
    rows = db.execute(
        "SELECT a.id FROM attachments a LEFT JOIN attachment_text t ON t.attachment_id = a.id "
        "WHERE t.attachment_id IS NULL OR t.status = 'pending' ORDER BY a.id").fetchall()
    return [r[0] for r in rows]


def index_pending(db, progress: Progress | None = None) -> IndexSummary:
    """Read and index every attachment still without text. Cancelling keeps the files already done."""
    ids = pending_ids(db)
    summary = IndexSummary()
    for done, attachment_id in enumerate(ids):
        attachment = _attachment(db, attachment_id)
        if attachment is None:
            continue  # removed meanwhile
        report(progress, done, len(ids), tr("Reading “{name}”…", name=attachment.name))
        status, error = index_attachment(db, attachment)
        if status == "failed":
            summary.failed.append((attachment.name, error))
        elif status == "ok":
            summary.ok += 1
        else:
            summary.empty += 1
    report(progress, len(ids), len(ids))
    return summary


def index_attachment(db, attachment: Attachment) -> tuple[str, str]:
    """Read one attachment and store its text; returns (status, error)."""
    status, error, text = _known_text(db, attachment) or _read(db, attachment)
    with db.atomic():
        # DELETE then INSERT: REPLACE would not fire the trigger that takes the old text out of the index.
        db.execute("DELETE FROM attachment_text WHERE attachment_id = ?", [attachment.id])
        db.execute(
            "INSERT INTO attachment_text (attachment_id, status, error, text, search_text, indexed_at) "
            "SELECT id, ?, ?, ?, ?, ? FROM attachments WHERE id = ?",  # nothing if it was removed meanwhile
            [status, error, text, searchable(text), now(), attachment.id])
    return status, error


def searchable(text: str) -> str:
    """The normalised text, each whitespace-separated piece once: a search term holds no whitespace, so
    it occurs in the text exactly when it occurs in one of its pieces, and a long report that repeats
    itself indexes (and scans) several times faster."""
    return "\n".join(dict.fromkeys(normalize(text).split()))


def _attachment(db, attachment_id: int) -> Attachment | None:
    row = db.execute("SELECT material_id, name, sha256, size, added_at, id FROM attachments WHERE id = ?",
                     [attachment_id]).fetchone()
    return Attachment(*row) if row else None


def _known_text(db, attachment: Attachment):
    """The same bytes attached elsewhere were read already: reuse that text instead of reading again."""
    row = db.execute(
        "SELECT t.status, t.error, t.text FROM attachment_text t JOIN attachments a ON a.id = t.attachment_id "
        "WHERE a.sha256 = ? AND a.id != ? AND t.status IN ('ok', 'empty') LIMIT 1",
        [attachment.sha256, attachment.id]).fetchone()
    return tuple(row) if row else None


def _read(db, attachment: Attachment) -> tuple[str, str, str]:
    try:
        text = extract_text(attachment_path(db, attachment), attachment.name)
    except (ExtractionError, UserError) as exc:
        return "failed", str(exc), ""
    except (MemoryError, RecursionError, sqlite3.Error):
        raise
    except Exception as exc:  # an extractor's own bug must not stop the other files
        return "failed", tr("“{name}” could not be read ({reason}).", name=attachment.name,
                            reason=type(exc).__name__), ""
    return ("ok" if text else "empty"), "", text


# --- what matched ---------------------------------------------------------------------------------------
def attachment_matches(db, query_text: str, material_id: int) -> list[tuple[Attachment, str]]:
    """The attachments of a material whose text holds a term of the search, most terms first, each with
    a snippet of the original text around the match."""
    wanted = terms(query_text)
    if not wanted:
        return []
    rows = db.execute(
        "SELECT a.material_id, a.name, a.sha256, a.size, a.added_at, a.id, t.text, t.search_text "
        "FROM attachments a JOIN attachment_text t ON t.attachment_id = a.id "
        "WHERE a.material_id = ? AND t.status = 'ok' ORDER BY a.id", [material_id]).fetchall()
    found = []
    for *fields, text, pieces in rows:
        hits = [t for t in wanted if t in pieces]
        if hits:
            found.append((len(hits), Attachment(*fields), snippet(text, normalize(text), max(hits, key=len))))
    found.sort(key=lambda item: -item[0])
    return [(attachment, text) for _n, attachment, text in found]


def found_only_in_attachments(db, query_text: str, material_id: int) -> bool:
    """True when the material's own fields do not hold every term: it was found through a file."""
    row = db.execute("SELECT search_text FROM materials WHERE id = ?", [material_id]).fetchone()
    return row is not None and not all(t in row[0] for t in terms(query_text))


def materials_with_text(db) -> set[int]:
    """Materials that have at least one attachment with text (the only ones worth asking about)."""
    rows = db.execute("SELECT DISTINCT a.material_id FROM attachments a "
                      "JOIN attachment_text t ON t.attachment_id = a.id WHERE t.status = 'ok'").fetchall()
    return {r[0] for r in rows}


def snippet(text: str, folded: str, term: str) -> str:
    """±SNIPPET_CHARS characters of the original text around the first occurrence of a normalised term."""
    at = folded.find(term)
    if at < 0:
        return ""
    start, end = _original_span(text, folded, at, at + len(term))
    left, right = max(0, start - SNIPPET_CHARS), min(len(text), end + SNIPPET_CHARS)
    while left > 0 and unicodedata.category(text[left]).startswith("M"):
        left -= 1  # never begin with a Thai vowel or tone mark cut from its consonant
    piece = re.sub(r"\s+", " ", text[left:right]).strip()
    return ("…" if left > 0 else "") + piece + ("…" if right < len(text) else "")


def _original_span(text: str, folded: str, start: int, end: int) -> tuple[int, int]:
    """Map a span of the normalised text back to the original (case folding may change lengths)."""
    if len(text) == len(folded):
        return start, end
    offsets = []
    for index, char in enumerate(text):
        offsets.extend([index] * len(normalize(char)))
    offsets.append(len(text))
    return offsets[min(start, len(offsets) - 1)], offsets[min(end, len(offsets) - 1)]
