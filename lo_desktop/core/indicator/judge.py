"""Judge indicator 4.1 (learning organisation) for one BE fiscal year, with the gaps a clerk can act on.

1. Work manuals distributed through at least 2 distinct channels within the year.
2. The corner holds knowledge from the KM and the CoP indicators of the year.
3. Enough cross-agency exchange sessions (Line 1, Staff 2, Line & Staff 2), each with a stored material.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lo_desktop.core import vocab
from lo_desktop.core.indicator.channels import Channel, channels_of_many
from lo_desktop.core.indicator.records import materials_by_ids, rows
from lo_desktop.core.records import Material
from lo_desktop.core.indicator.sessions import ExchangeSession, list_sessions
from lo_desktop.core.thaidate import fiscal_year_range, format_date
from lo_desktop.i18n import _, translate

REQUIRED_SESSIONS = {"line": 1, "staff": 2, "line_staff": 2}
MIN_CHANNELS = 2
TITLES = {
    1: "Channels distributing the work manuals",
    2: "A learning corner holding KM and CoP knowledge",
    3: "Knowledge exchange with other agencies",
}


@dataclass
class Gap:
    text: str
    target_kind: str | None = None  # "material" | "session" | "community" | "settings" | "catalog"
    target_id: int | None = None
    thai: str = ""  # the same sentence in Thai for the report, whatever language the window speaks


def _gap(template: str, target_kind: str | None = None, target_id: int | None = None, **values) -> Gap:
    """A gap in the window's language and in Thai; a value may be a function of the language."""
    def text(lang: str | None) -> str:
        filled = {k: v(lang) if callable(v) else v for k, v in values.items()}
        return translate(template, lang).format(**filled)
    return Gap(text(None), target_kind, target_id, thai=text("th"))


@dataclass
class Component:
    number: int
    title: str
    met: bool
    gaps: list[Gap] = field(default_factory=list)
    figures: dict = field(default_factory=dict)
    manuals: list[tuple[Material, list[Channel]]] = field(default_factory=list)
    km_items: list[Material] = field(default_factory=list)
    cop_items: list[Material] = field(default_factory=list)
    sessions: list[tuple[ExchangeSession, list[Material]]] = field(default_factory=list)
    required: int = 0

    def to_json(self) -> dict:
        from lo_desktop.core.indicator.as_json import component_json

        return component_json(self)


@dataclass
class Indicator:
    fiscal_year: int
    agency_type: str
    components: list[Component]

    @property
    def met(self) -> bool:
        return all(c.met for c in self.components)

    def to_json(self) -> dict:
        return {"fiscal_year": self.fiscal_year, "agency_type": self.agency_type, "met": self.met,
                "components": [c.to_json() for c in self.components]}


def required_sessions(agency_type: str) -> int:
    return REQUIRED_SESSIONS.get(agency_type, 2)


def judge(db, fiscal_year: int, settings) -> Indicator:
    components = [judge_channels(db, fiscal_year), judge_corner(db, fiscal_year),
                  judge_sessions(db, fiscal_year, settings.agency_type)]
    return Indicator(fiscal_year, settings.agency_type, components)


# --- component 1 ---------------------------------------------------------------------------------

def counted_manuals(db, fy: int) -> list[tuple[Material, list[Channel]]]:
    """Live work manuals received in the year or distributed in it, each with its channels of the year."""
    first, last = (d.isoformat() for d in fiscal_year_range(fy))
    found = rows(db, "SELECT * FROM materials WHERE kind = 'work_manual' AND deleted_at IS NULL "
                     "AND status != 'withdrawn' AND (fiscal_year = ? OR id IN (SELECT material_id FROM channels "
                     "WHERE distributed_on BETWEEN ? AND ?)) ORDER BY code", [fy, first, last])
    manuals = [Material.from_row(r) for r in found]
    channels = channels_of_many(db, [m.id for m in manuals])
    return [(m, [c for c in channels[m.id]
                if c.distributed_on and first <= c.distributed_on.isoformat() <= last])
            for m in manuals]


def distinct_channels(channels: list[Channel]) -> list[str]:
    return list(dict.fromkeys(c.channel for c in channels))


def judge_channels(db, fy: int) -> Component:
    manuals = counted_manuals(db, fy)
    short = [(m, chans) for m, chans in manuals if len(distinct_channels(chans)) < MIN_CHANNELS]
    gaps = [_manual_gap(m, chans, fy) for m, chans in short]
    if not manuals:
        gaps.append(_gap("No work manual is recorded for fiscal year {fy}: catalog the agency's work manuals "
                         "and record the channels each was distributed through.", "catalog", fy=fy))
    used: dict[str, int] = {}
    for _m, chans in manuals:
        for key in distinct_channels(chans):
            used[key] = used.get(key, 0) + 1
    figures = {"manuals": len(manuals), "manuals_met": len(manuals) - len(short), "channels_used": used}
    return Component(1, _(TITLES[1]), bool(manuals) and not short, gaps, figures, manuals=manuals)


def _manual_gap(manual: Material, channels: list[Channel], fy: int) -> Gap:
    return _gap("The work manual “{title}” ({code}) was distributed through {count} channel(s) in fiscal year "
                "{fy}; record at least {needed}.", "material", manual.id, title=manual.title, code=manual.code,
                count=len(distinct_channels(channels)), fy=fy, needed=MIN_CHANNELS)


# --- component 2 ---------------------------------------------------------------------------------

def corner_items(db, fy: int, source: str) -> list[Material]:
    found = rows(db, "SELECT * FROM materials WHERE source = ? AND fiscal_year = ? AND deleted_at IS NULL "
                     "ORDER BY code", [source, fy])
    return [Material.from_row(r) for r in found]


def judge_corner(db, fy: int) -> Component:
    km, cop = corner_items(db, fy, "km"), corner_items(db, fy, "cop")
    gaps = []
    if not km:
        gaps.append(_gap("The corner holds no knowledge from the KM indicator for fiscal year {fy}: catalog "
                         "the KM outputs with the source “KM”.", "catalog", fy=fy))
    if not cop:
        gaps.append(_gap("The corner holds no knowledge from the CoP indicator for fiscal year {fy}: catalog "
                         "what the communities of practice produced with the source “CoP”.", "community", fy=fy))
    figures = {"km": len(km), "cop": len(cop)}
    return Component(2, _(TITLES[2]), bool(km and cop), gaps, figures, km_items=km, cop_items=cop)


# --- component 3 ---------------------------------------------------------------------------------

def judge_sessions(db, fy: int, agency_type: str) -> Component:
    required = required_sessions(agency_type)
    held = [(s, materials_by_ids(db, s.material_ids)) for s in list_sessions(db, fy)]
    counted = [s for s, materials in held if materials]
    gaps = [_gap("The exchange session of {date} has no knowledge stored in the learning corner yet.",
                 "session", s.id, date=lambda lang, d=s.held_on: format_date(d, lang=lang))
            for s, materials in held if not materials]
    if len(counted) < required:
        gaps.append(_gap("Fiscal year {fy} has {counted} exchange session(s) with stored knowledge; a {type} "
                         "agency needs at least {required}.", "session", fy=fy, counted=len(counted),
                         type=lambda lang: vocab.word("agency_type", agency_type, lang), required=required))
    figures = {"required": required, "held": len(held), "counted": len(counted)}
    return Component(3, _(TITLES[3]), len(counted) >= required, gaps, figures, sessions=held,
                     required=required)
