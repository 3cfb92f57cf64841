"""Data-safety commands: backup, restore, check, history."""
from __future__ import annotations

import sys

from lo_desktop.core.errors import UserError
from lo_desktop.i18n import _, size_text, tr


def register(subparsers) -> None:
    p = subparsers.add_parser("backup", help=_("back up the database (into its backups folder, or FILE)"))
    p.add_argument("--out", metavar="FILE",
                   help=_("write a full backup (database, attachments and photos; .lobackup) to FILE instead"))
    p.set_defaults(func=run_backup)
    p = subparsers.add_parser("restore", help=_("replace the database with a backup (the current one is backed up)"))
    p.add_argument("file", help=_("a .db backup or a full backup (.lobackup)"))
    p.add_argument("--to", metavar="DIR", help=_("restore a complete copy into DIR (a test restore) instead"))
    p.set_defaults(func=run_restore)
    p = subparsers.add_parser("backups", help=_("list the backups of the database"))
    p.set_defaults(func=run_list_backups)
    p = subparsers.add_parser("check", help=_("check the database and its stored files"))
    p.add_argument("--relink-from", metavar="FOLDER", help=_("look for missing files in FOLDER and put them back"))
    p.add_argument("--remove-orphans", action="store_true", help=_("delete stored files no record uses"))
    p.add_argument("--rebuild-search", action="store_true", help=_("rebuild the search index"))
    p.set_defaults(func=run_check)
    p = subparsers.add_parser("history", help=_("show the changes of one material (by code), or the latest"))
    p.add_argument("code", nargs="?")
    p.set_defaults(func=run_history)


def run_backup(args, ctx) -> int:
    from lo_desktop.core.safety.actions import back_up

    if args.out:
        return run_full_backup(args, ctx)
    print(tr("Backed up to {path}.", path=back_up(ctx.db)))  # opened (and upgraded) first: a current backup
    return 0


def run_full_backup(args, ctx) -> int:
    from lo_desktop.core.safety.actions import save_full_backup

    result = save_full_backup(ctx.db, args.out)
    for name in result.skipped:
        print(tr("Not in the backup: the file “{name}” is missing or changed in the files folder (see check).",
                 name=name), file=sys.stderr)
    print(tr("Backed up the database and {count} files to {path} ({size} MB).", count=result.files,
             path=result.path, size=f"{result.size / 1024 / 1024:,.1f}"))
    return 1 if result.skipped else 0


def run_restore(args, ctx) -> int:
    from lo_desktop.core.safety.actions import restore_backup

    if args.to:
        return run_test_restore(args, ctx)
    saved = restore_backup(ctx.db_path, args.file)  # refused while a window has the database open
    if saved:
        print(tr("The database before the restore was backed up to {path}.", path=saved))
    print(tr("Restored {path} from {backup}.", path=ctx.db_path, backup=args.file))
    return 0


def run_test_restore(args, ctx) -> int:
    from lo_desktop.core.safety.actions import run_restore_drill

    result = run_restore_drill(args.file, ctx.db_path, keep_in=args.to)
    print(result.message())
    return 0 if result.ok else 1


def run_list_backups(args, ctx) -> int:
    from lo_desktop.core.safety.backup import list_backups, reason_label
    from lo_desktop.core.thaidate import format_date

    backups = list_backups(ctx.db_path)
    for info in backups:
        when = f"{format_date(info.taken_at.date())} {info.taken_at:%H:%M:%S}"
        print(f"{when}\t{reason_label(info.reason)}\t{size_text(info.size)}\t{info.path}")
    print(tr("{count} backups", count=len(backups)), file=sys.stderr)
    return 0


def run_check(args, ctx) -> int:
    from lo_desktop.core.safety import actions as safety

    db = ctx.db
    if args.relink_from:
        print(tr("{count} missing files found and put back.", count=safety.relink_missing_files(db, args.relink_from)))
    if args.rebuild_search:
        safety.rebuild_search_index(db)
        print(_("The search index was rebuilt."))
    if args.remove_orphans:
        print(tr("{count} orphaned files removed.", count=safety.remove_orphaned_files(db)))
    report = safety.check_database(db)
    for problem in report.problems:
        print(f"- {problem.text}{_repair_hint(problem.repair)}")
    print(report.summary())
    return 0 if report.ok else 1


def _repair_hint(repair: str) -> str:
    hints = {"relink": _(" (repair: check --relink-from FOLDER)"),
             "remove_orphan": _(" (repair: check --remove-orphans)"),
             "rebuild_search": _(" (repair: check --rebuild-search)"),
             "restore_backup": _(" (repair: restore a backup)")}
    return hints.get(repair, "")


def run_history(args, ctx) -> int:
    from lo_desktop.core.safety import history
    from lo_desktop.core.catalog.materials import get_material

    if args.code:
        material = get_material(ctx.db, args.code, include_deleted=True)
        if material is None:
            raise UserError(tr("There is no material with the code {code}.", code=args.code))
        changes = history.history_of(ctx.db, "material", material.id)
    else:
        changes = history.recent(ctx.db, 50)
    from lo_desktop.core.thaidate import format_stamp

    for change in changes:
        print(f"{format_stamp(change.changed_at, with_time=True)}\t{history.action_label(change.action)}\t"
              f"{history.entity_label(change.entity)} {change.entity_id}")
        for line in history.describe(change, history.field_label):
            print(f"\t{line}")
    return 0


