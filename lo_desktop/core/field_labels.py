"""Each material field as the clerk knows it (English source of the translated word; read it through
``_()``). One dict for the window, the command line, registers and the history; nothing imported, so
the command line can name its options at start-up for free."""
from __future__ import annotations

MATERIAL_LABELS = {
    "code": "Code", "title": "Title", "kind": "Kind", "format": "Format", "source": "Knowledge source",
    "topic": "Topic", "tags": "Tags", "author": "Author / unit", "year": "Year (BE)", "summary": "Summary",
    "location": "Shelf location", "copies": "Copies", "link": "Digital link", "status": "Status",
    "received_on": "Received on", "origin": "Origin",
}
