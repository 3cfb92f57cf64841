"""What File ▸ Properties says about a document: made now, by lo-desktop, in the document's font.

A template carries its maker's traces (a creation date years ago, "Microsoft Macintosh Word", a font
table naming Calibri and MS Mincho); an evaluator who looks sees a copy of an old file. Every document
is stamped at saving, whichever template it came from.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn

APPLICATION = "lo-desktop"
_APP_TAG = re.compile(rb"<Application>[^<]*</Application>")
_TEMPLATE_TAG = re.compile(rb"<Template>[^<]*</Template>")
THAI_CHARSET = "DE"  # Windows Thai (code page 874)


def stamp_properties(doc, font: str) -> None:
    now = datetime.now(timezone.utc).replace(microsecond=0)
    props = doc.core_properties
    props.created = props.modified = now
    if props.last_printed is not None:
        props.last_printed = now  # never "printed" before it was made
    props.author = props.author or APPLICATION
    props.last_modified_by = APPLICATION
    props.revision = 1
    _application(doc)
    _font_table(doc, font)
    _drop_thumbnail(doc)


def _application(doc) -> None:
    """docProps/app.xml names the program that wrote the file (python-docx has no API for it)."""
    for rel in doc.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            part = rel.target_part
            blob = _APP_TAG.sub(b"<Application>" + APPLICATION.encode() + b"</Application>", part.blob)
            part._blob = _TEMPLATE_TAG.sub(b"<Template>Normal.dotm</Template>", blob)


def _font_table(doc, font: str) -> None:
    """The font table lists the document's font (first) and nothing the document does not use."""
    part = next((rel.target_part for rel in doc.part.rels.values()
                 if rel.reltype == RT.FONT_TABLE and not rel.is_external), None)
    if part is None:
        return
    root = parse_xml(part.blob)
    for entry in root.findall(qn("w:font")):
        root.remove(entry)
    root.append(_font_entry(font))
    part._blob = serialize_part_xml(root)


def _font_entry(font: str):
    entry = OxmlElement("w:font")
    entry.set(qn("w:name"), font)
    for tag, value in (("w:charset", THAI_CHARSET), ("w:family", "swiss"), ("w:pitch", "variable")):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        entry.append(element)
    return entry


def _drop_thumbnail(doc) -> None:
    """The template's preview picture would show the template, not this document, in a file browser."""
    rels = doc.part.package.rels
    for rel_id, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del rels[rel_id]
