"""Lending and stocktake commands: loans, lend, return, reminder, stocktake (start, scan, undo, status, close,
report). Each runs one action of core/lending_actions.py and prints what it says."""
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
    p = subparsers.add_parser("stocktake", help=_("count the shelves: start, scan, undo, status, close, report"))
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    s = sub.add_parser("start", help=_("start counting a shelf location (none: the whole corner)"))
    s.add_argument("location", nargs="?", default=None)
    s.set_defaults(func=run_stocktake_start)
    s = sub.add_parser("scan", help=_("record scanned labels or typed codes"))
    s.add_argument("payloads", nargs="+", metavar="CODE")
    s.set_defaults(func=run_stocktake_scan)
    s = sub.add_parser("undo", help=_("take back the latest scan (a label scanned by mistake)"))
    s.set_defaults(func=run_stocktake_undo)
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
    from lo_desktop.core.lending import loans as lending

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
    from lo_desktop.core.lending import actions

    loan = actions.lend_copy(ctx.db, args.code, args.to, args.section, args.phone, days=args.days)
    print(actions.lent_text(loan))
    return 0


def run_return(args, ctx) -> int:
    from lo_desktop.core.lending import actions

    loan = actions.return_copy(ctx.db, args.code, borrower_name=args.borrower)
    print(actions.returned_text(loan))
    return 0


def run_reminder(args, ctx) -> int:
    from lo_desktop.core.lending.actions import borrower_named
    from lo_desktop.reports.actions import write_reminder

    path = write_reminder(ctx.db, borrower_named(ctx.db, args.name).id, args.file)
    print(tr("Saved {path}.", path=path))
    return 0


# --- stocktake --------------------------------------------------------------------------------------------
def run_stocktake_start(args, ctx) -> int:
    from lo_desktop.core.lending import actions

    take = actions.start_stocktake(ctx.db, args.location)
    print(tr("Stocktake of {scope} started. Scan the labels on the shelf.", scope=take.scope()))
    return 0


def run_stocktake_scan(args, ctx) -> int:
    from lo_desktop.core.lending import actions

    for payload in args.payloads:
        result = actions.record_scan(ctx.db, payload)
        print(f"{result.outcome}\t{result.message}")
    return 0


def run_stocktake_undo(args, ctx) -> int:
    from lo_desktop.core.lending import actions

    undone = actions.undo_last_scan(ctx.db)
    print(actions.undone_text(undone) if undone else _("Nothing has been scanned yet."))
    return 0


def run_stocktake_status(args, ctx) -> int:
    from lo_desktop.core.lending import actions
    from lo_desktop.core.lending import stocktake

    result = stocktake.summary(ctx.db, actions.chosen_stocktake(ctx.db).id)
    if args.json:
        print(json.dumps(result.counts(), indent=1))
        return 0
    print(tr("Found {found} of {expected}; missing {missing}; on loan {on_loan}; unexpected {unexpected}.",
             **result.counts()))
    for item in result.missing:
        print(f"{item.code}\t{item.title}\t{item.location}\t{item.missing}/{item.expected}")
    return 0


def run_stocktake_close(args, ctx) -> int:
    from lo_desktop.core.lending import actions

    print(actions.closed_text(actions.close_stocktake(ctx.db, mark_lost=not args.keep_status)))
    return 0


def run_stocktake_report(args, ctx) -> int:
    from lo_desktop.reports.actions import write_stocktake_report

    path = write_stocktake_report(ctx.db, args.id, args.file)  # none given: the latest
    print(tr("Saved {path}.", path=path))
    return 0
