"""The one font helper every Word document goes through.

Word draws Thai with the *complex-script* font and size of a run (``w:rFonts/@w:cs``, ``w:szCs``),
not with ``w:ascii``/``w:sz``; setting only ``font.name``/``font.size`` in python-docx leaves Thai in
the theme's Thai font (Cordia New / Angsana New) at another size. A theme attribute (``w:cstheme``)
wins over ``w:cs`` where both are present, so theme attributes are removed wherever a font is set.
Every property element is written in the order the schema requires, or Word calls the file damaged.
"""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from lo_desktop.fonts import DOCUMENT_FONT

FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
THAI_LANG = "th-TH"
# The order of the run-property children in CT_RPr (ECMA-376 §17.3.2.28): an element is inserted
# before the first sibling that comes later in this list.
RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
    "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
    "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
    "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
    "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
)


def document_font(chosen: str | None = None) -> str:
    """The font a document is written in: the one chosen in the settings, else the program's default
    Word font (named with the bundled fonts in lo_desktop/fonts.py)."""
    return (chosen or "").strip() or DOCUMENT_FONT


def child(rpr, tag: str):
    """The child ``tag`` of a run-properties element, created in schema order when missing."""
    found = rpr.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    later = set(RPR_ORDER[RPR_ORDER.index(tag) + 1:])
    for sibling in rpr:
        if _prefixed(sibling.tag) in later:
            sibling.addprevious(element)
            return element
    rpr.append(element)
    return element


def _prefixed(clark: str) -> str:
    return "w:" + clark.split("}", 1)[1] if clark.startswith("{") else clark


def remove(rpr, tag: str) -> None:
    found = rpr.find(qn(tag))
    if found is not None:
        rpr.remove(found)


def set_rpr_font(rpr, font: str, size_pt: float | None = None, bold: bool | None = None,
                 lang: bool = True) -> None:
    """Font in all four slots, no theme override; size in both sz and szCs; bold in both b and bCs."""
    fonts = child(rpr, "w:rFonts")
    for attr in THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for slot in FONT_SLOTS:
        fonts.set(qn(slot), font)
    if bold is not None:
        _set_bold(rpr, bold)
    if size_pt is not None:
        set_rpr_size(rpr, size_pt)
    if lang:
        _set_thai_lang(rpr)


def set_rpr_size(rpr, size_pt: float) -> None:
    half_points = str(int(round(size_pt * 2)))
    child(rpr, "w:sz").set(qn("w:val"), half_points)
    child(rpr, "w:szCs").set(qn("w:val"), half_points)


def _set_bold(rpr, bold: bool) -> None:
    for tag in ("w:b", "w:bCs"):
        element = child(rpr, tag)
        if bold:
            element.attrib.pop(qn("w:val"), None)
        else:
            element.set(qn("w:val"), "0")


def _set_thai_lang(rpr) -> None:
    lang = child(rpr, "w:lang")
    lang.set(qn("w:val"), THAI_LANG)
    lang.set(qn("w:eastAsia"), THAI_LANG)
    lang.set(qn("w:bidi"), THAI_LANG)


def match_cs_size(rpr) -> None:
    """Give Thai the same size as Latin text wherever a style sets only one of them."""
    sz, sz_cs = rpr.find(qn("w:sz")), rpr.find(qn("w:szCs"))
    if sz is not None:
        child(rpr, "w:szCs").set(qn("w:val"), sz.get(qn("w:val")))
    elif sz_cs is not None:
        rpr.remove(sz_cs)


def match_cs_bold(rpr) -> None:
    """Bold Thai wherever Latin text is bold: Word reads w:bCs for Thai, w:b for Latin."""
    bold = rpr.find(qn("w:b"))
    if bold is not None:
        bold_cs = child(rpr, "w:bCs")
        bold_cs.attrib.pop(qn("w:val"), None)
        if bold.get(qn("w:val")) is not None:
            bold_cs.set(qn("w:val"), bold.get(qn("w:val")))


def run_font(run, font: str, size_pt: float | None = None, bold: bool | None = None) -> None:
    """Format one python-docx run: every run the reports write passes through here."""
    set_rpr_font(run._r.get_or_add_rPr(), font, size_pt, bold)


def document_defaults_rpr(document):
    """The ``w:docDefaults/w:rPrDefault/w:rPr`` element of a document, created when missing."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    return rpr


def apply_document_fonts(document, font: str, body_pt: float = 16) -> None:
    """Document defaults in ``font`` at ``body_pt``. Everywhere in the styles (table-style parts
    included) theme fonts give way to ``font`` and Thai gets the size and weight of Latin text.
    The styles' own sizes (the template's) are kept."""
    set_rpr_font(document_defaults_rpr(document), font, body_pt)
    styles = document.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        for attr in THEME_ATTRS:
            fonts.attrib.pop(qn(attr), None)
        for slot in FONT_SLOTS:
            fonts.set(qn(slot), font)
    for rpr in styles.iter(qn("w:rPr")):
        match_cs_size(rpr)
        match_cs_bold(rpr)
