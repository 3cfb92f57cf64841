"""The channels one work manual went through, with their evidence as an evaluator looks for it.

A photo given as evidence is placed as a picture in its row (not printed as a file name); a file that is
not a picture is named. A link is clickable and shown short enough to stay on a line or two in its cell;
when it had to be shortened, the full address follows the table at the full text width.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from docx.shared import Cm

from lo_desktop.core.errors import UserError
from lo_desktop.core.files import stored_path
from lo_desktop.core.vocab import word
from lo_desktop.reports.docx_base import Builder, short_date, thai
from lo_desktop.reports.photos import prepare_photo

WIDTHS = [1.0, 3.4, 3.6, 8.0]  # the date column holds "16 ธ.ค. 2567" on one line
PICTURE_CM = 5.0
PICTURE_MAX_HEIGHT_CM = 4.5
LINK_CHARS = 48  # about a line and a half at 12 pt in the evidence column
LINK_PT = 12


def channel_table(builder: Builder, db, channels) -> None:
    header = [thai("No."), thai("Distribution channel"), thai("Date distributed"), thai("Evidence of distribution")]
    table = builder.table(header, [], WIDTHS)
    long_links = []
    for number, channel in enumerate(channels, 1):
        cells = builder.row(table, [number, word("channel", channel.channel, "th"),
                                    short_date(channel.distributed_on), channel.note])
        if _evidence(builder, db, cells[3], channel):
            long_links.append((number, channel.evidence_link))
    if long_links:
        _full_links(builder, long_links)


def short_link(url: str, limit: int = LINK_CHARS) -> str:
    """``www.bangkok.go.th/…/kumue.pdf``: the host and the file an evaluator recognises."""
    bare = url.split("://", 1)[-1].rstrip("/")
    if len(bare) <= limit:
        return bare
    parts = urlsplit(url if "://" in url else "http://" + url)
    tail = parts.path.rstrip("/").rsplit("/", 1)[-1]
    room = max(8, limit - len(parts.netloc) - 3)
    if len(tail) > room:
        tail = tail[:room - 1] + "…"
    return f"{parts.netloc}/…/{tail}" if tail else parts.netloc


def _evidence(builder: Builder, db, cell, channel) -> bool:
    """Fill the evidence cell below the note; True when the link was shortened."""
    shortened = False
    if channel.evidence_link:
        paragraph = cell.add_paragraph() if channel.note else cell.paragraphs[0]
        paragraph.paragraph_format.space_after = 0
        shown = short_link(channel.evidence_link)
        builder.link(paragraph, channel.evidence_link, shown, LINK_PT)
        shortened = shown != channel.evidence_link.split("://", 1)[-1].rstrip("/")
    if channel.evidence_sha256:
        _evidence_file(builder, db, cell, channel)
    return shortened


def _evidence_file(builder: Builder, db, cell, channel) -> None:
    photo = prepare_photo(_stored(db, channel.evidence_sha256))
    paragraph = cell.add_paragraph()
    if photo is None:  # a PDF, a document, or a file no longer in the store: named
        builder.run(paragraph, thai("Evidence file: {name}", name=channel.evidence_name or "-"), size=LINK_PT)
        return
    width = min(PICTURE_CM, PICTURE_MAX_HEIGHT_CM * photo.width / photo.height)
    builder.picture(paragraph, photo.data, width=Cm(width))


def _stored(db, sha256: str):
    try:
        path = stored_path(db, sha256)
    except UserError:  # an in-memory database keeps no files
        return None
    return path if path.is_file() else None


def _full_links(builder: Builder, links) -> None:
    paragraph = builder.paragraph(thai("Full addresses of the links above:"), size=LINK_PT)
    paragraph.paragraph_format.keep_with_next = True
    for number, url in links:
        paragraph = builder.paragraph(f"{number}. ", size=LINK_PT)
        builder.link(paragraph, url, size=LINK_PT)
