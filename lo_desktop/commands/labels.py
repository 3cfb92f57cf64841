"""Label commands: ``sheets`` lists the sheet templates, ``labels`` writes a PDF of QR labels."""
from __future__ import annotations

import json

from lo_desktop.i18n import tr


def register(subparsers) -> None:
    p = subparsers.add_parser("sheets", help="list the label sheet templates")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_sheets)
    p = subparsers.add_parser("labels", help="write QR labels of materials to a PDF")
    p.add_argument("--sheet", help="sheet id (see `lo-desktop sheets`); default: the corner's sheet")
    p.add_argument("--start", type=int, default=1, help="first free label on the sheet (1 = top left)")
    p.add_argument("--copies", type=int, default=1, help="labels per material")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--codes", help="comma-separated material codes")
    which.add_argument("--all", action="store_true", help="every material")
    which.add_argument("--unlabelled", action="store_true", help="materials never labelled before")
    which.add_argument("--calibration", action="store_true", help="a page outlining every label")
    p.add_argument("--fields", help="comma-separated: code,title,location,agency (default: settings)")
    p.add_argument("--no-record", action="store_true", help="do not remember these labels as printed")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.set_defaults(func=run_labels)


def run_sheets(args, ctx) -> int:
    from lo_desktop.labels.sheets import all_sheets

    sheets = all_sheets(ctx.db)
    if args.json:
        print(json.dumps([s.public() for s in sheets], ensure_ascii=False, indent=1))
        return 0
    for s in sheets:
        print(f"{s.id:<24} {s.columns}×{s.rows:<3} {s.label_width_mm:g}×{s.label_height_mm:g} mm  {s.display_name}")
    return 0


def run_labels(args, ctx) -> int:
    from lo_desktop.labels import history
    from lo_desktop.labels.render import Job, content_for, write_pdf
    from lo_desktop.labels.sheets import get_sheet

    settings = ctx.settings
    sheet = get_sheet(ctx.db, args.sheet or settings.default_sheet)
    offset = (float(settings.calibration_mm.get("x", 0)), float(settings.calibration_mm.get("y", 0)))
    if args.calibration:
        write_pdf(args.out, Job(sheet, [], [], offset_mm=offset), calibration=True)
        print(tr("Calibration page for {sheet} written to {path}.", sheet=sheet.id, path=args.out))
        return 0
    if args.codes is not None:
        materials = history.by_codes(ctx.db, args.codes.split(","))
    else:
        choice = "unlabelled" if args.unlabelled else "all"
        materials = history.materials(ctx.db, history.chosen_ids(ctx.db, choice))
    fields = args.fields.split(",") if args.fields else list(settings.label_fields)
    job = Job(sheet, [content_for(m, settings) for m in materials], _known_fields(fields),
              args.copies, args.start, offset)
    pages = write_pdf(args.out, job)
    if not args.no_record:
        history.record_prints(ctx.db, [m.id for m in materials], sheet.id)
    print(tr("{count} labels on {pages} pages written to {path}.",
             count=len(materials) * args.copies, pages=pages, path=args.out))
    return 0


def _known_fields(fields: list[str]) -> list[str]:
    from lo_desktop.core.errors import UserError
    from lo_desktop.labels.layout import FIELDS

    unknown = [f for f in fields if f.strip() not in FIELDS]
    if unknown:
        raise UserError(tr("Unknown label field “{field}”; choose from {known}.",
                           field=unknown[0], known=", ".join(FIELDS)))
    return [f.strip() for f in fields]

