"""Catalog commands: demo, list, search, show, export, import (and, from material_edits, the edits)."""
from __future__ import annotations

import sys

from lo_desktop.commands import material_edits
from lo_desktop.i18n import _, tr

LIST_FIELDS = ("code", "title", "kind", "source", "format", "status", "location", "year", "fiscal_year")


def register(subparsers) -> None:
    p = subparsers.add_parser("demo", help=_("load the sample corner into the database"))
    p.set_defaults(func=run_demo)
    p = subparsers.add_parser("list", help=_("list every material"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_list)
    p = subparsers.add_parser("search", help=_("find materials by any fragment of text"))
    p.add_argument("text")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=_limit, metavar="N",
                   help=_("show at most N materials (the first in code order)"))
    p.set_defaults(func=run_search)
    p = subparsers.add_parser("show", help=_("show one material"))
    p.add_argument("code")
    p.set_defaults(func=run_show)
    p = subparsers.add_parser("export", help=_("export the catalog to FILE.csv or FILE.xlsx"))
    p.add_argument("file")
    p.set_defaults(func=run_export)
    p = subparsers.add_parser("import", help=_("import materials from a register (.xlsx, .xls, .ods, .csv, .txt)"))
    p.add_argument("file")
    p.add_argument("--sheet", help=_("the sheet to read, by name or number (default: the first register)"))
    p.add_argument("--header-row", type=int, metavar="N", help=_("the row holding the column names (default: found)"))
    p.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                   help=_("read the column named COLUMN as FIELD (FIELD - leaves it out); repeatable"))
    p.add_argument("--dry-run", action="store_true", help=_("check every row, write nothing"))
    p.add_argument("--skip-invalid", action="store_true", help=_("write the good rows, skip the bad ones"))
    p.set_defaults(func=run_import)
    material_edits.register(subparsers)


def run_demo(args, ctx) -> int:
    from lo_desktop.core.sample.corner import load_demo

    added = load_demo(ctx.db)
    print(tr("Sample corner loaded into {path}: {count} records added.", path=ctx.db_path, count=added))
    return 0


def run_list(args, ctx) -> int:
    from lo_desktop.core.catalog.search import Query

    return _print_materials(ctx.db, Query(), args.json)


def run_search(args, ctx) -> int:
    from lo_desktop.core.catalog.search import Query, count, fetch_by_ids, search_ids

    query = Query(text=args.text)
    ids = search_ids(ctx.db, query, limit=args.limit)
    found_in = _file_matches(ctx.db, query, ids)
    if args.json:
        from lo_desktop.core.catalog.json_rows import json_array, material_objects

        matches = {i: [{"name": a.name, "snippet": snippet} for a, snippet in found]
                   for i, found in found_in.items()}
        print(json_array(material_objects(ctx.db, ids, matches)))
        return 0
    if found_in:  # an import of ~80 ms, only when a file may hold the text
        from lo_desktop.core.catalog.attachment_index import found_only_in_attachments
    materials = fetch_by_ids(ctx.db, ids)
    for m in (materials[i] for i in ids):
        print(f"{m.code}\t{m.title}\t{_location(m)}")
        if found_in.get(m.id) and found_only_in_attachments(ctx.db, args.text, m.id):
            attachment, snippet = found_in[m.id][0]
            print("\t" + tr("found in: {name} — {snippet}", name=attachment.name, snippet=snippet))
    total = len(ids) if args.limit is None or len(ids) < args.limit else count(ctx.db, query)
    print(_count_line(len(ids), total), file=sys.stderr)
    return 0


def _limit(text: str) -> int:
    import argparse

    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(tr("--limit takes a number of materials (0 or more), not “{value}”.",
                                            value=text))
    return int(text)


def _count_line(shown: int, total: int) -> str:
    if shown < total:
        return tr("{shown} of {count} materials", shown=shown, count=total)
    return tr("{count} materials", count=total)


def _file_matches(db, query, ids: list[int]) -> dict:
    """Which attachments of the found materials hold the search text. Asked only when an attachment's
    text may answer at all (one index probe; most searches of most corners: no), and then only of the
    materials that have file text."""
    from lo_desktop.core.catalog.search import files_match

    if not ids or not files_match(db, query):
        return {}
    from lo_desktop.core.catalog.attachment_index import attachment_matches, materials_with_text

    with_text = materials_with_text(db)
    return {i: attachment_matches(db, query.text, i) for i in ids if i in with_text}


def _print_materials(db, query, as_json: bool) -> int:
    from lo_desktop.core.catalog.search import search, search_ids

    if as_json:
        from lo_desktop.core.catalog.json_rows import json_array, material_objects

        print(json_array(material_objects(db, search_ids(db, query))))
        return 0
    materials = search(db, query)
    for m in materials:
        print(f"{m.code}\t{m.title}\t{_location(m)}")
    print(tr("{count} materials", count=len(materials)), file=sys.stderr)
    return 0


def _location(m) -> str:
    return m.location or "-"


def run_show(args, ctx) -> int:
    from lo_desktop.core.catalog.materials import get_material
    from lo_desktop.core.errors import UserError

    m = get_material(ctx.db, args.code)
    if m is None:
        raise UserError(tr("There is no material with the code {code}.", code=args.code))
    for name, value in material_lines(ctx.db, m):
        print(f"{name}: {value}")
    return 0


def material_lines(db, m) -> list[tuple[str, str]]:
    from lo_desktop.core.catalog.attachments import attachments_of
    from lo_desktop.core.thaidate import format_date
    from lo_desktop.core.catalog.transfer import COLUMNS, export_cells

    lines = list(zip([_(english) for english in COLUMNS.values()], export_cells(m)))
    lines = [(name, value) for name, value in lines if value]
    if m.received_on:
        lines = [(n, format_date(m.received_on) if n == _("Received on") else v) for n, v in lines]
    for attachment in attachments_of(db, m.id):
        lines.append((_("Attachment"), attachment.name))
    return lines


def run_export(args, ctx) -> int:
    from lo_desktop.core.catalog.actions import export_materials

    count = export_materials(ctx.db, args.file)
    print(tr("Exported {count} materials to {path}.", count=count, path=args.file))
    return 0


def run_import(args, ctx) -> int:
    from lo_desktop.core.catalog.actions import ImportChoices, ImportRefused, import_materials

    choices = ImportChoices(args.sheet, args.header_row, _column_choices(args.map))
    try:
        result = import_materials(ctx.db, args.file, skip_invalid=args.skip_invalid, dry_run=args.dry_run,
                                  choices=choices)
    except ImportRefused as refused:
        _print_problems(refused.check)
        print(tr("Nothing was imported: fix the rows above, or use --skip-invalid to import only the good rows."),
              file=sys.stderr)
        return 1
    _print_problems(result.check)
    if args.dry_run:
        print(tr("Checked: {good} rows can be imported, {bad} have problems. Nothing was written.",
                 good=len(result.check.good), bad=len(result.check.problems)))
        return 1 if result.check.problems else 0
    print(tr("Imported {count} materials.", count=result.imported))
    return 0


def _column_choices(pairs: list[str]) -> dict[str, str]:
    from lo_desktop.core.errors import UserError

    if any("=" not in pair for pair in pairs):
        raise UserError(_("Write each --map as \"column name=field\", e.g. --map \"ชื่อหนังสือ=title\"."))
    return dict(pair.rsplit("=", 1) for pair in pairs)


def _print_problems(check) -> None:
    where = tr("Column names from row {row} of the sheet “{sheet}”.", row=check.header_row, sheet=check.sheet)
    print(where, file=sys.stderr)
    for number, reason in check.skipped:
        print(tr("Row {row} skipped: {reason}", row=number, reason=reason), file=sys.stderr)
    for number, problem in check.problems:
        print(tr("Row {row}: {problem}", row=number, problem=problem), file=sys.stderr)
