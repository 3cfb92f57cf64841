"""Indicator 4.1 commands: the exchange sessions and the judgement of a fiscal year."""
from __future__ import annotations

import json

from lo_desktop.i18n import _, tr


def register(subparsers) -> None:
    p = subparsers.add_parser("sessions", help=_("list the knowledge-exchange sessions"))
    p.add_argument("--fy", metavar="YEAR", help=_("only the sessions of this fiscal year (BE, e.g. 2556)"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_sessions)
    p = subparsers.add_parser("kpi", help=_("judge indicator 4.1 for a fiscal year"))
    p.add_argument("--fy", metavar="YEAR", help=_("fiscal year (BE, e.g. 2556; default: the current one)"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_indicator)
    from lo_desktop.commands import indicator_edit  # the changes to these records: session, channel, …

    indicator_edit.register(subparsers)


def _fiscal_year(text: str | None) -> int | None:
    from lo_desktop.commands.years import fiscal_year_arg

    return fiscal_year_arg(text)


def run_sessions(args, ctx) -> int:
    from lo_desktop.core.indicator.sessions import list_sessions

    sessions = list_sessions(ctx.db, _fiscal_year(args.fy))
    if args.json:
        print(json.dumps([session_json(s) for s in sessions], ensure_ascii=False, indent=1))
        return 0
    from lo_desktop.core.thaidate import format_date

    for s in sessions:
        print(f"{format_date(s.held_on)}\t{s.topic}\t{', '.join(s.partners)}\t"
              + tr("{count} materials", count=len(s.material_ids)))
    print(tr("{count} exchange sessions", count=len(sessions)))
    return 0


def session_json(s) -> dict:
    from lo_desktop.core.thaidate import format_date

    return {"id": s.id, "date": format_date(s.held_on), "held_on": s.held_on.isoformat(), "topic": s.topic,
            "partners": s.partners, "format": s.format, "start_time": s.start_time, "end_time": s.end_time,
            "place": s.place, "host": s.host, "participants": len(s.participants),
            "headcount": s.total_headcount(), "headcounts": s.headcounts_by_agency(), "photos": len(s.photos),
            "material_ids": s.material_ids}


def run_indicator(args, ctx) -> int:
    from lo_desktop.core.indicator.actions import judge_indicator

    indicator = judge_indicator(ctx.db, _fiscal_year(args.fy))
    if args.json:
        print(json.dumps(indicator.to_json(), ensure_ascii=False, indent=1))
    else:
        print(summary_text(indicator))
    return 0


def summary_text(indicator) -> str:
    from lo_desktop.core import vocab
    from lo_desktop.core.thaidate import format_fiscal_year

    lines = [tr("Indicator 4.1, {year} ({type} agency)", year=format_fiscal_year(indicator.fiscal_year),
                type=vocab.word("agency_type", indicator.agency_type))]
    for c in indicator.components:
        mark = "✓" if c.met else "✗"
        lines.append(f"{mark} {c.number}. {c.title}: {_figures_text(c)}")
        lines.extend(f"    - {gap.text}" for gap in c.gaps)
    lines.append(_("All three components are met.") if indicator.met else _("Some components are not met yet."))
    return "\n".join(lines)


def _figures_text(c) -> str:
    f = c.figures
    if c.number == 1:
        return tr("{met} of {total} work manuals reach 2 channels", met=f["manuals_met"], total=f["manuals"])
    if c.number == 2:
        return tr("KM {km} items, CoP {cop} items", km=f["km"], cop=f["cop"])
    return tr("{counted} of {required} required sessions with stored knowledge ({held} held)",
              counted=f["counted"], required=f["required"], held=f["held"])
