"""Attachment commands: attach files to a material (their text is read at once), read pending files."""
from __future__ import annotations

import sys

from lo_desktop.i18n import _, tr


def register(subparsers) -> None:
    p = subparsers.add_parser("attach", help=_("attach FILE(s) to the material CODE; their text becomes searchable"))
    p.add_argument("code")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=run_attach)
    p = subparsers.add_parser("index-files", help=_("read the text of every attachment not read yet"))
    p.set_defaults(func=run_index_files)


def run_attach(args, ctx) -> int:
    from lo_desktop.core.attachment_index import index_attachment
    from lo_desktop.core.attachments import add_attachment
    from lo_desktop.core.catalog import get_material
    from lo_desktop.core.errors import UserError

    material = get_material(ctx.db, args.code)
    if material is None:
        raise UserError(tr("There is no material with the code {code}.", code=args.code))
    for path in args.files:
        attachment = add_attachment(ctx.db, material.id, path)
        status, error = index_attachment(ctx.db, attachment)
        print(tr("Attached “{name}” to {code}.", name=attachment.name, code=material.code))
        _say_status(attachment.name, status, error)
    return 0


def _say_status(name: str, status: str, error: str) -> None:
    if status == "failed":
        print(tr("Its text was not read: {reason}", reason=error), file=sys.stderr)
    elif status == "empty":
        print(tr("“{name}” holds no text to search (a scan or a picture?).", name=name), file=sys.stderr)


def run_index_files(args, ctx) -> int:
    from lo_desktop.core.attachment_index import index_pending

    summary = index_pending(ctx.db)
    for name, reason in summary.failed:
        print(tr("Skipped “{name}”: {reason}", name=name, reason=reason), file=sys.stderr)
    print(tr("Read {total} files: {ok} with text, {empty} without text, {failed} could not be read.",
             total=summary.total, ok=summary.ok, empty=summary.empty, failed=len(summary.failed)))
    return 0
