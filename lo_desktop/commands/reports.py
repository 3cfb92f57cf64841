"""Word documents from the command line: ``report kpi``, ``report session``, ``report catalog``."""
from __future__ import annotations

import sys

from lo_desktop.core.field_labels import MATERIAL_LABELS
from lo_desktop.i18n import _, tr


def register(subparsers) -> None:
    parser = subparsers.add_parser("report", help=_("write a Word document (kpi, session, catalog)"))
    kinds = parser.add_subparsers(dest="report", metavar="KIND", required=True)
    p = kinds.add_parser("kpi", help=_("indicator 4.1 evidence report for a fiscal year"))
    p.add_argument("--fy", help=_("BE fiscal year, e.g. 2556 (default: the current one)"))
    p.add_argument("--out", help=_("the .docx to write (default: indicator-4.1-FY.docx)"))
    p.set_defaults(func=run_indicator)
    p = kinds.add_parser("session", help=_("memo (บันทึกข้อความ) for one exchange session"))
    p.add_argument("id", type=int, help=_("the session's number (see: lo-desktop sessions)"))
    p.add_argument("--out", help=_("the .docx to write (default: memo-session-ID.docx)"))
    p.add_argument("--date", help=_("the memo's date, e.g. 25/6/2556 (default: today)"))
    p.set_defaults(func=run_session)
    p = kinds.add_parser("catalog", help=_("register of the corner's materials"))
    p.add_argument("--out", help=_("the .docx to write (default: catalog-register.docx)"))
    p.add_argument("--search", default="", help=_("only materials matching this text"))
    for name in ("kind", "source", "format", "status", "location"):
        p.add_argument(f"--{name}", help=tr("only materials whose {field} is this", field=_(MATERIAL_LABELS[name])))
    p.add_argument("--fiscal-year", help=_("only materials received in this BE fiscal year"))
    p.add_argument("--qr", action="store_true", help=_("add a small QR code to every row"))
    p.set_defaults(func=run_catalog)


def run_indicator(args, ctx) -> int:
    from lo_desktop.commands.years import fiscal_year_arg
    from lo_desktop.core.thaidate import today_fiscal_year
    from lo_desktop.reports.actions import write_indicator_report

    fy = fiscal_year_arg(args.fy) or today_fiscal_year()
    report = write_indicator_report(ctx.db, fy, args.out or f"indicator-4.1-{fy}.docx")
    _saved(report.path)
    if not report.indicator.met:  # the judgement the report was made from, not a second one
        print(_("The indicator is not met yet; the report shows what is recorded. Still missing:"),
              file=sys.stderr)
        for component in report.indicator.components:
            for gap in component.gaps:
                print(f"  - {gap.text}", file=sys.stderr)
    return 0


def run_session(args, ctx) -> int:
    from lo_desktop.core.thaidate import parse_date
    from lo_desktop.reports.actions import write_session_memo

    memo_date = parse_date(args.date) if args.date else None
    _saved(write_session_memo(ctx.db, args.id, args.out or f"memo-session-{args.id}.docx", memo_date=memo_date))
    return 0


def run_catalog(args, ctx) -> int:
    from lo_desktop.reports.actions import write_catalog_register

    _saved(write_catalog_register(ctx.db, args.out or "catalog-register.docx", catalog_query(args), args.qr))
    return 0


def catalog_query(args):
    """The search and filters a clerk gave, with vocabulary words read as keys (Thai or English)."""
    from lo_desktop.core.errors import UserError
    from lo_desktop.core.catalog.search import Query
    from lo_desktop.commands.years import fiscal_year_arg
    from lo_desktop.core.vocab import key_for

    filters = {}
    for name in ("kind", "source", "format", "status"):
        value = getattr(args, name)
        if value:
            key = key_for(name, value)
            if key is None:
                raise UserError(tr("Unknown value “{value}”.", value=value))
            filters[name] = key
    if args.location:
        filters["location"] = args.location
    if args.fiscal_year:
        filters["fiscal_year"] = fiscal_year_arg(args.fiscal_year)
    return Query(text=args.search, filters=filters)


def _saved(path) -> None:
    print(tr("Saved “{path}”.", path=path))
