"""Borrower commands: list the borrowers, correct one, merge two spellings of one colleague, delete a slip.

The same actions as the window's Borrowers… dialog (core/lending_actions.py); borrowers are named as the
clerk types them (spacing and case aside).
"""
from __future__ import annotations

import json

from lo_desktop.i18n import _, tr


def register(subparsers) -> None:
    p = subparsers.add_parser("borrowers", help=_("list, correct, merge or delete borrowers"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_list)
    sub = p.add_subparsers(dest="action", metavar="ACTION")
    s = sub.add_parser("edit", help=_("correct a borrower's name, section or phone"))
    s.add_argument("name")
    s.add_argument("--name", dest="new_name", default=None, metavar="NEW", help=_("the corrected name"))
    s.add_argument("--section", default=None)
    s.add_argument("--phone", default=None)
    s.set_defaults(func=run_edit)
    s = sub.add_parser("merge", help=_("move every loan of a borrower to another and remove the first"))
    s.add_argument("name")
    s.add_argument("--into", required=True, metavar="NAME", help=_("the borrower who keeps the loans"))
    s.set_defaults(func=run_merge)
    s = sub.add_parser("delete", help=_("delete a borrower named in no loan"))
    s.add_argument("name")
    s.set_defaults(func=run_delete)


def run_list(args, ctx) -> int:
    from lo_desktop.core.lending.borrowers import borrowers_with_loans

    rows = borrowers_with_loans(ctx.db)
    if args.json:
        print(json.dumps([{"name": b.name, "section": b.section, "phone": b.phone, "open_loans": out,
                           "all_loans": total} for b, out, total in rows], ensure_ascii=False, indent=1))
        return 0
    for b, out, total in rows:
        print(f"{b.name}\t{b.section}\t{b.phone}\t{out}\t{total}")
    return 0


def run_edit(args, ctx) -> int:
    from lo_desktop.core.lending import actions

    old = actions.borrower_named(ctx.db, args.name)
    given = lambda value, current: current if value is None else value  # noqa: E731 - an option left out keeps it
    new = actions.edit_borrower(ctx.db, old.id, given(args.new_name, old.name), given(args.section, old.section),
                                given(args.phone, old.phone))
    print(tr("Saved the borrower “{name}”.", name=new.name))
    return 0


def run_merge(args, ctx) -> int:
    from lo_desktop.core.lending import actions

    other = actions.borrower_named(ctx.db, args.name)
    keep = actions.merge_borrowers(ctx.db, actions.borrower_named(ctx.db, args.into).id, other.id)
    print(tr("“{other}” merged into “{keep}”.", other=other.name, keep=keep.name))
    return 0


def run_delete(args, ctx) -> int:
    from lo_desktop.core.lending import actions

    borrower = actions.borrower_named(ctx.db, args.name)
    actions.delete_borrower(ctx.db, borrower.id)
    print(tr("Deleted the borrower “{name}”.", name=borrower.name))
    return 0
