"""Reading Word documents back as Word would: the font of each run resolved through run → character
style → paragraph style and its based-on chain → document defaults, for Latin (ascii/sz) and Thai
(cs/szCs) separately."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

THAI = re.compile("[\u0e00-\u0e7f]")


@dataclass
class RunFont:
    text: str
    cs_font: str | None
    cs_half_points: int | None
    latin_font: str | None
    latin_half_points: int | None
    theme_override: bool


def _attr(rpr, tag: str, attr: str):
    if rpr is None:
        return None
    element = rpr.find(qn(tag))
    return None if element is None else element.get(qn(attr))


def _has_theme(rpr) -> bool:
    fonts = None if rpr is None else rpr.find(qn("w:rFonts"))
    return fonts is not None and any(fonts.get(qn(a)) for a in
                                     ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"))


class Resolver:
    """Walks the property chain of one document the way Word does for the properties tested here."""

    def __init__(self, document):
        styles = document.styles.element
        self.styles = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
        defaults = styles.find(qn("w:docDefaults"))
        self.default_rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        self.default_para = next((sid for sid, s in self.styles.items()
                                  if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) == "1"), None)

    def _style_chain(self, style_id):
        while style_id and style_id in self.styles:
            style = self.styles[style_id]
            yield style.find(qn("w:rPr"))
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None

    def chain(self, run_element, paragraph_element):
        """Run properties from the most specific to the least."""
        rpr = run_element.find(qn("w:rPr"))
        yield rpr
        if rpr is not None and rpr.find(qn("w:rStyle")) is not None:
            yield from self._style_chain(rpr.find(qn("w:rStyle")).get(qn("w:val")))
        ppr = paragraph_element.find(qn("w:pPr"))
        pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
        yield from self._style_chain(pstyle.get(qn("w:val")) if pstyle is not None else self.default_para)
        yield self.default_rpr

    def first(self, run_element, paragraph_element, tag, attr):
        for rpr in self.chain(run_element, paragraph_element):
            value = _attr(rpr, tag, attr)
            if value is not None:
                return value
        return None

    def resolve(self, run_element, paragraph_element) -> RunFont:
        text = "".join(t.text or "" for t in run_element.iter(qn("w:t")))
        get = lambda tag, attr: self.first(run_element, paragraph_element, tag, attr)  # noqa: E731
        theme = any(_has_theme(r) for r in self.chain(run_element, paragraph_element))
        cs_size, latin_size = get("w:szCs", "w:val"), get("w:sz", "w:val")
        return RunFont(text, get("w:rFonts", "w:cs"), int(cs_size) if cs_size else None,
                       get("w:rFonts", "w:ascii"), int(latin_size) if latin_size else None, theme)


def story_elements(document):
    """The body and every header and footer: everywhere text can be."""
    yield document.element.body
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.footer, section.first_page_footer):
            if not part.is_linked_to_previous:
                yield part._element


def thai_runs(path: Path) -> list[RunFont]:
    document = Document(str(path))
    resolver = Resolver(document)
    found = []
    for story in story_elements(document):
        for paragraph in story.iter(qn("w:p")):
            for run in paragraph.iter(qn("w:r")):
                font = resolver.resolve(run, paragraph)
                if THAI.search(font.text):
                    found.append(font)
    return found


def all_text(path: Path) -> str:
    document = Document(str(path))
    parts = []
    for story in story_elements(document):
        parts += [t.text or "" for t in story.iter(qn("w:t"))]
    return "\n".join(parts)
