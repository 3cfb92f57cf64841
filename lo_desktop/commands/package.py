"""Exchange packages: ``package export (--session ID | --codes C1,C2) --out F`` and ``package import F``."""
from __future__ import annotations

from lo_desktop.i18n import _, tr


def register(subparsers) -> None:
    p = subparsers.add_parser("package", help=_("exchange packages for a partner corner (export, import)"))
    sub = p.add_subparsers(dest="package_command", metavar="ACTION", required=True)
    e = sub.add_parser("export", help=_("pack one exchange session or chosen materials with their files"))
    which = e.add_mutually_exclusive_group(required=True)
    which.add_argument("--session", type=int, metavar="ID", help=_("the exchange session (its number)"))
    which.add_argument("--codes", metavar="C1,C2", help=_("material codes, separated by commas"))
    e.add_argument("--out", metavar="FILE", required=True, help=_("the package file to write (.lopackage)"))
    e.set_defaults(func=run_export)
    i = sub.add_parser("import", help=_("add a package's materials and session (a preview first)"))
    i.add_argument("file")
    i.add_argument("--preview", action="store_true", help=_("only show what would be added"))
    i.set_defaults(func=run_import)


def run_export(args, ctx) -> int:
    from lo_desktop.core.exchange import actions as exchange_actions

    if args.session is not None:
        path = exchange_actions.export_session_package(ctx.db, args.session, args.out)
    else:
        path = exchange_actions.export_materials_package(ctx.db, args.codes.split(","), args.out)
    print(tr("Exchange package written to {path}.", path=path))
    return 0


def run_import(args, ctx) -> int:
    from lo_desktop.core.exchange.actions import import_exchange_package, preview_exchange_package

    if args.preview:
        for line in preview_exchange_package(ctx.db, args.file).lines():
            print(line)
        return 0
    result = import_exchange_package(ctx.db, args.file)
    for line in result.preview.lines():
        print(line)
    if not result.preview.nothing_new:
        print(tr("Imported {count} materials marked “{origin}”.", count=result.added, origin=result.preview.origin))
        if result.session_id is not None:
            print(tr("The exchange session was added as number {id}.", id=result.session_id))
    else:
        print(_("Nothing was added."))
    return 0
