"""Label commands: ``sheets`` lists the sheet templates (and what is taken on the partly used sheet of
one), ``labels`` writes a PDF of QR labels, starting at the first free label of the remembered sheet."""
from __future__ import annotations

import json

from lo_desktop.i18n import _, tr


def register(subparsers) -> None:
    p = subparsers.add_parser("sheets", help=_("list the label sheet templates"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--usage", metavar="ID", help=_("the taken labels of the partly used sheet of this type"))
    p.add_argument("--new-sheet", metavar="ID", help=_("a fresh sheet of this type was loaded: forget what was taken"))
    p.set_defaults(func=run_sheets)
    p = subparsers.add_parser("labels", help=_("write QR labels of materials to a PDF"))
    p.add_argument("--sheet", help=_("sheet id (see `lo-desktop sheets`); default: the corner's sheet"))
    p.add_argument("--start", default="auto",
                   help=_("auto (default): the first free label of the remembered sheet; or N (1 = top left)"))
    p.add_argument("--new-sheet", action="store_true", help=_("print on a fresh sheet: forget what was taken"))
    p.add_argument("--copies", type=int, default=1, help=_("labels per material"))
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--codes", help=_("comma-separated material codes"))
    which.add_argument("--all", action="store_true", help=_("every material"))
    which.add_argument("--unlabelled", action="store_true", help=_("materials never labelled before"))
    which.add_argument("--calibration", action="store_true", help=_("a page outlining every label"))
    p.add_argument("--fields", help=_("comma-separated: code,title,location,agency (default: settings)"))
    p.add_argument("--no-record", action="store_true",
                   help=_("do not remember these labels as printed, nor the positions they take"))
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.set_defaults(func=run_labels)


def run_sheets(args, ctx) -> int:
    from lo_desktop.labels import usage
    from lo_desktop.labels.sheets import all_sheets, get_sheet

    if args.new_sheet:
        sheet = get_sheet(ctx.db, args.new_sheet)
        usage.new_sheet(ctx.db, sheet)
        print(tr("A fresh sheet of {sheet}: the next print starts at label 1.", sheet=sheet.id))
        return 0
    if args.usage:
        return _print_usage(ctx.db, get_sheet(ctx.db, args.usage), args.json)
    sheets = all_sheets(ctx.db)
    if args.json:
        print(json.dumps([s.public() for s in sheets], ensure_ascii=False, indent=1))
        return 0
    for s in sheets:
        taken = usage.used_positions(ctx.db, s)
        note = "  — " + _usage_text(s, taken) if taken else ""
        print(f"{s.id:<24} {s.columns}×{s.rows:<3} {s.label_width_mm:g}×{s.label_height_mm:g} mm  "
              f"{s.display_name}{note}")
    return 0


def _print_usage(db, sheet, as_json: bool) -> int:
    from lo_desktop.labels import geometry, usage

    taken = usage.used_positions(db, sheet)
    if as_json:
        print(json.dumps({"sheet_id": sheet.id, "per_page": sheet.per_page, "used": sorted(taken),
                          "first_free": geometry.first_free(sheet, taken)}))
    else:
        print(_usage_line(sheet, taken))
    return 0


def _usage_line(sheet, taken: set[int]) -> str:
    return f"{sheet.id}: {_usage_text(sheet, taken)}"


def _usage_text(sheet, taken: set[int]) -> str:
    from lo_desktop.labels import geometry

    if not taken:
        return _("a fresh sheet; the next print starts at label 1.")
    return tr("labels {used} are taken ({count} of {total}); the next print starts at label {first}.",
              used=_ranges(taken), count=len(taken), total=sheet.per_page,
              first=geometry.first_free(sheet, taken))


def _ranges(positions: set[int]) -> str:
    """1, 2, 3, 5, 7, 8 → "1–3, 5, 7–8": how a person reads positions on a sheet."""
    runs, ordered = [], sorted(positions)
    for p in ordered:
        if runs and p == runs[-1][1] + 1:
            runs[-1][1] = p
        else:
            runs.append([p, p])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def run_labels(args, ctx) -> int:
    from lo_desktop.labels import history, print_job
    from lo_desktop.labels.calibration import offset_for, scale_for
    from lo_desktop.labels.sheets import get_sheet

    settings = ctx.settings
    sheet = get_sheet(ctx.db, args.sheet or settings.default_sheet)
    # A PDF's offset and scale (the window keeps them per printer; a PDF is the printer named "")
    offset, scale = offset_for(settings.calibration_mm), scale_for(settings.calibration_mm)
    if args.calibration:
        print_job.print_calibration(sheet, args.out, offset, scale)
        print(tr("Calibration page for {sheet} written to {path}.", sheet=sheet.id, path=args.out))
        return 0
    start = _start(args.start)
    if args.codes is not None:
        ids = [m.id for m in history.by_codes(ctx.db, args.codes.split(","))]
    else:
        ids = history.chosen_ids(ctx.db, "unlabelled" if args.unlabelled else "all")
    fields = args.fields.split(",") if args.fields else list(settings.label_fields)
    order = print_job.LabelOrder(ids, sheet, fields, args.copies, start, offset, fresh_sheet=args.new_sheet,
                                 scale_pct=scale)
    printed = print_job.print_labels(ctx.db, settings, order, args.out, record=not args.no_record)
    print(tr("{count} labels on {pages} pages written to {path}.",
             count=printed.labels, pages=printed.pages, path=args.out))
    if printed.sheet_left is not None:
        print(_usage_line(sheet, set(printed.sheet_left)))
    return 0


def _start(value: str) -> int | None:
    """``auto`` → None (the first free label); a number as given (checked against the sheet later)."""
    from lo_desktop.core.errors import UserError

    text = (value or "auto").strip().lower()
    if text == "auto":
        return None
    if not text.isdigit():
        raise UserError(tr("--start takes auto or a label number, not “{value}”.", value=value))
    return int(text)
