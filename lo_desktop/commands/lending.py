"""Lending and stocktake commands: loans, lend, return, stocktake (start, scan, status, close, report)."""
from __future__ import annotations

import json
import sys

from lo_desktop.i18n import _, tr


def register(subparsers) -> None:
    p = subparsers.add_parser("loans", help=_("list the loans still out (dates in the Buddhist Era)"))
    p.add_argument("--overdue", action="store_true", help=_("only loans past their due date"))
    p.add_argument("--all", action="store_true", help=_("every loan, returned ones included"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_loans)
    p = subparsers.add_parser("lend", help=_("lend one copy of a material"))
    p.add_argument("code")
    p.add_argument("--to", required=True, metavar="NAME", help=_("the borrower (added when new)"))
    p.add_argument("--section", default="")
    p.add_argument("--phone", default="")
    p.add_argument("--days", type=int, default=None, help=_("loan period (default: the settings)"))
    p.set_defaults(func=run_lend)
    p = subparsers.add_parser("return", help=_("take back one copy of a material"))
    p.add_argument("code")
    p.add_argument("--from", dest="borrower", default=None, metavar="NAME")
    p.set_defaults(func=run_return)
    p = subparsers.add_parser("reminder", help=_("write a reminder slip (Word) for a borrower"))
    p.add_argument("name")
    p.add_argument("file")
    p.set_defaults(func=run_reminder)
    _register_stocktake(subparsers)


def _register_stocktake(subparsers) -> None:
    p = subparsers.add_parser("stocktake", help=_("count the shelves: start, scan, status, close, report"))
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    s = sub.add_parser("start", help=_("start counting a shelf location (none: the whole corner)"))
    s.add_argument("location", nargs="?", default=None)
    s.set_defaults(func=run_stocktake_start)
    s = sub.add_parser("scan", help=_("record scanned labels or typed codes"))
    s.add_argument("payloads", nargs="+", metavar="CODE")
    s.set_defaults(func=run_stocktake_scan)
    s = sub.add_parser("status", help=_("found, missing, on loan and unexpected so far"))
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=run_stocktake_status)
    s = sub.add_parser("close", help=_("close the stocktake and mark missing materials as lost"))
    s.add_argument("--keep-status", action="store_true", help=_("close without marking anything lost"))
    s.set_defaults(func=run_stocktake_close)
    s = sub.add_parser("report", help=_("write the stocktake report (Word)"))
    s.add_argument("file")
    s.add_argument("--id", type=int, default=None, help=_("which stocktake (default: the latest)"))
    s.set_defaults(func=run_stocktake_report)


# --- loans ------------------------------------------------------------------------------------------------
def run_loans(args, ctx) -> int:
    from lo_desktop.core import lending

    loans = (lending.overdue_loans(ctx.db) if args.overdue else lending.all_loans(ctx.db) if args.all
             else lending.open_loans(ctx.db))
    if args.json:
        print(json.dumps([lending.loan_json(loan) for loan in loans], ensure_ascii=False, indent=1))
        return 0
    for loan in loans:
        print(lending.loan_line(loan))
    print(tr("{count} loans", count=len(loans)), file=sys.stderr)
    return 0


def run_lend(args, ctx) -> int:
    from lo_desktop.core import lending
    from lo_desktop.core.thaidate import format_date

    material = lending.resolve_material(ctx.db, args.code)
    lending.check_lendable(ctx.db, material)  # before the borrower is added, so a refusal writes nothing
    borrower = lending.ensure_borrower(ctx.db, args.to, args.section, args.phone)
    days = args.days if args.days is not None else ctx.settings.loan_days
    loan = lending.lend(ctx.db, material, borrower, days)
    print(tr("Lent {code} to {name}, due {date}.", code=loan.code, name=loan.borrower,
             date=format_date(loan.due_on)))
    return 0


def run_return(args, ctx) -> int:
    from lo_desktop.core import lending
    from lo_desktop.core.errors import UserError

    material = lending.resolve_material(ctx.db, args.code)
    borrower = None
    if args.borrower:
        borrower = lending.find_borrower(ctx.db, args.borrower)
        if borrower is None:
            raise UserError(tr("There is no borrower named “{name}”.", name=args.borrower))
    loan = lending.return_copy(ctx.db, material, borrower)
    print(tr("{code} returned by {name}.", code=loan.code, name=loan.borrower))
    return 0


def run_reminder(args, ctx) -> int:
    from lo_desktop.core import lending
    from lo_desktop.core.errors import UserError
    from lo_desktop.reports.lending_docs import build_reminder

    borrower = lending.find_borrower(ctx.db, args.name)
    if borrower is None:
        raise UserError(tr("There is no borrower named “{name}”.", name=args.name))
    path = build_reminder(ctx.db, ctx.settings, borrower, args.file)
    print(tr("Saved {path}.", path=path))
    return 0


# --- stocktake --------------------------------------------------------------------------------------------
def _running(db):
    from lo_desktop.core import stocktake
    from lo_desktop.core.errors import UserError

    running = stocktake.open_stocktake(db)
    if running is None:
        raise UserError(_("No stocktake is in progress. Start one with: lo-desktop stocktake start [LOCATION]"))
    return running


def run_stocktake_start(args, ctx) -> int:
    from lo_desktop.core import stocktake

    take = stocktake.start(ctx.db, args.location)
    print(tr("Stocktake of {scope} started. Scan the labels on the shelf.", scope=take.scope()))
    return 0


def run_stocktake_scan(args, ctx) -> int:
    from lo_desktop.core import stocktake

    take = _running(ctx.db)
    for payload in args.payloads:
        result = stocktake.scan(ctx.db, take.id, payload)
        print(f"{result.outcome}\t{result.message}")
    return 0


def run_stocktake_status(args, ctx) -> int:
    from lo_desktop.core import stocktake

    result = stocktake.summary(ctx.db, _running(ctx.db).id)
    if args.json:
        print(json.dumps(result.counts(), indent=1))
        return 0
    print(tr("Found {found} of {expected}; missing {missing}; on loan {on_loan}; unexpected {unexpected}.",
             **result.counts()))
    for item in result.missing:
        print(f"{item.code}\t{item.title}\t{item.location}\t{item.missing}/{item.expected}")
    return 0


def run_stocktake_close(args, ctx) -> int:
    from lo_desktop.core import stocktake

    result = stocktake.close(ctx.db, _running(ctx.db).id, mark_lost=not args.keep_status)
    print(tr("Stocktake closed. Found {found} of {expected}; missing {missing}; on loan {on_loan}; "
             "unexpected {unexpected}.", **result.counts()))
    return 0


def run_stocktake_report(args, ctx) -> int:
    from lo_desktop.core import stocktake
    from lo_desktop.core.errors import UserError
    from lo_desktop.reports.lending_docs import build_stocktake_report

    takes = stocktake.stocktakes(ctx.db)
    chosen = args.id if args.id is not None else (takes[0].id if takes else None)
    if chosen is None:
        raise UserError(_("There is no stocktake yet."))
    path = build_stocktake_report(ctx.db, ctx.settings, chosen, args.file)
    print(tr("Saved {path}.", path=path))
    return 0
