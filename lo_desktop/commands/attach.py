"""Attachment commands: attach files to a material (their text is read at once), remove one, read pending files."""
from __future__ import annotations

import sys

from lo_desktop.i18n import _, tr


def register(subparsers) -> None:
    p = subparsers.add_parser("attach", help=_("attach FILE(s) to the material CODE; their text becomes searchable"))
    p.add_argument("code")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=run_attach)
    p = subparsers.add_parser("detach", help=_("remove the file NAME from the material CODE"))
    p.add_argument("code")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(func=run_detach)
    p = subparsers.add_parser("index-files", help=_("read the text of every attachment not read yet"))
    p.set_defaults(func=run_index_files)


def run_attach(args, ctx) -> int:
    from lo_desktop.core.catalog.actions import attach_file, material_by_code

    material = material_by_code(ctx.db, args.code)
    for path in args.files:
        attached = attach_file(ctx.db, material.id, path)
        print(tr("Attached “{name}” to {code}.", name=attached.attachment.name, code=material.code))
        _say_status(attached.attachment.name, attached.status, attached.error)
    return 0


def run_detach(args, ctx) -> int:
    from lo_desktop.core.catalog.actions import attachment_named, material_by_code, remove_attachment

    material = material_by_code(ctx.db, args.code)
    attachment = attachment_named(ctx.db, material, args.name)
    remove_attachment(ctx.db, attachment.id)
    print(tr("Removed “{name}” from {code}.", name=attachment.name, code=material.code))
    return 0


def _say_status(name: str, status: str, error: str) -> None:
    if status == "failed":
        print(tr("Its text was not read: {reason}", reason=error), file=sys.stderr)
    elif status == "pending":
        print(tr("“{name}” is attached; its text will be read later (or now: lo-desktop index-files).", name=name),
              file=sys.stderr)
    elif status == "empty":
        print(tr("“{name}” holds no text to search (a scan or a picture?).", name=name), file=sys.stderr)


def run_index_files(args, ctx) -> int:
    from lo_desktop.core.catalog.attachment_index import index_pending

    summary = index_pending(ctx.db)
    for name, reason in summary.failed:
        print(tr("Skipped “{name}”: {reason}", name=name, reason=reason), file=sys.stderr)
    print(tr("Read {total} files: {ok} with text, {empty} without text, {failed} could not be read.",
             total=summary.total, ok=summary.ok, empty=summary.empty, failed=len(summary.failed)))
    return 0
