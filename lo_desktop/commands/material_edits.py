"""Commands that change one material or the Trash: add, edit, delete, restore, purge, empty-trash.

Values are typed as in an imported list (a kind as the clerk words it, a BE year, a Thai date); the
actions themselves are lo_desktop.core.catalog.actions, the same the window calls.
"""
from __future__ import annotations

from lo_desktop.core.field_labels import MATERIAL_LABELS
from lo_desktop.i18n import _, tr

FIELDS = MATERIAL_LABELS  # field → the name a clerk knows it by


def register(subparsers) -> None:
    p = subparsers.add_parser("add", help=_("add a material (an empty code takes the next code)"))
    _field_options(p, required=("title",))
    p.set_defaults(func=run_add)
    p = subparsers.add_parser("edit", help=_("change fields of the material CODE"))
    p.add_argument("code")
    _field_options(p, dest_prefix="new_")
    p.set_defaults(func=run_edit)
    p = subparsers.add_parser("delete", help=_("move the materials CODE… to the Trash"))
    p.add_argument("codes", nargs="+", metavar="CODE")
    p.set_defaults(func=run_delete)
    p = subparsers.add_parser("restore-material", help=_("bring the materials CODE… back from the Trash"))
    p.add_argument("codes", nargs="+", metavar="CODE")
    p.set_defaults(func=run_restore)
    p = subparsers.add_parser("purge", help=_("delete the materials CODE… in the Trash for good (after a backup)"))
    p.add_argument("codes", nargs="+", metavar="CODE")
    p.set_defaults(func=run_purge)
    p = subparsers.add_parser("empty-trash", help=_("delete every material in the Trash for good (after a backup)"))
    p.set_defaults(func=run_empty_trash)


def _field_options(parser, required=(), dest_prefix: str = "") -> None:
    for name, column in FIELDS.items():
        parser.add_argument(f"--{name.replace('_', '-')}", dest=dest_prefix + name, metavar="TEXT",
                            required=name in required, help=_(column))


def _given(args, dest_prefix: str = "") -> dict[str, str]:
    values = {name: getattr(args, dest_prefix + name) for name in FIELDS}
    return {name: text for name, text in values.items() if text is not None}


def run_add(args, ctx) -> int:
    from lo_desktop.core.catalog.actions import add_material
    from lo_desktop.core.records import Material
    from lo_desktop.core.catalog.transfer import field_values

    saved = add_material(ctx.db, Material(**field_values(_given(args))))
    print(tr("Added {code}: {title}.", code=saved.code, title=saved.title))
    return 0


def run_edit(args, ctx) -> int:
    from dataclasses import replace

    from lo_desktop.core.catalog.actions import edit_material, material_by_code
    from lo_desktop.core.errors import UserError
    from lo_desktop.core.catalog.transfer import field_values

    given = _given(args, "new_")
    if not given:
        raise UserError(_("Nothing to change: give at least one field, such as --title."))
    material = material_by_code(ctx.db, args.code)
    saved = edit_material(ctx.db, replace(material, **field_values(given)))
    print(tr("Saved {code}: {title}.", code=saved.code, title=saved.title))
    return 0


def run_delete(args, ctx) -> int:
    from lo_desktop.core.catalog.actions import delete_materials, material_by_code

    ids = [material_by_code(ctx.db, code).id for code in args.codes]
    count = delete_materials(ctx.db, ids)
    print(tr("Moved {count} materials to the Trash.", count=count))
    return 0


def run_restore(args, ctx) -> int:
    from lo_desktop.core.catalog.actions import material_by_code, restore_materials

    ids = [material_by_code(ctx.db, code, in_trash=True).id for code in args.codes]
    count = restore_materials(ctx.db, ids)
    print(tr("Restored {count} materials from the Trash.", count=count))
    return 0


def run_purge(args, ctx) -> int:
    from lo_desktop.core.catalog.actions import material_by_code, purge_materials

    ids = [material_by_code(ctx.db, code, in_trash=True).id for code in args.codes]
    count = purge_materials(ctx.db, ids)
    print(tr("Deleted {count} materials in the Trash for good.", count=count))
    return 0


def run_empty_trash(args, ctx) -> int:
    from lo_desktop.core.catalog.actions import empty_trash

    count = empty_trash(ctx.db)
    print(tr("Deleted {count} materials in the Trash for good.", count=count))
    return 0
