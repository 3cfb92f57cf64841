"""The restore drill (a "test restore"): prove a backup can be brought back, without touching the clerk's database.

``restore_drill(path)`` restores the backup (a full ``.lobackup`` or a ``.db`` snapshot, told apart by
content as ``backup.restore`` does) into a temporary folder, opens that copy, runs the integrity check on
it and counts what it holds. The temporary folder is always deleted afterwards, also when the backup is
refused or the clerk cancels. ``keep_in=DIR`` (``lo-desktop restore F --to DIR``) restores the copy into
DIR instead and leaves it there, checked the same way. A damaged, foreign or newer backup ends in the UserError that
full_backup / backup / db raise for it (one sentence, naming the file and what is wrong).

A snapshot holds the database only, so its stored files cannot be checked: the report says so instead
of calling every photo missing.
"""
from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from lo_desktop.core.safety import backup
from lo_desktop.core.safety import full_backup
from lo_desktop.core.safety import integrity
from lo_desktop.core.atomic import write_atomically
from lo_desktop.core.errors import UserError
from lo_desktop.core.progress import Progress, report
from lo_desktop.core.thaidate import format_stamp
from lo_desktop.i18n import _, tr

COPY_NAME = "test-restore.db"
# Where a change leaves its time: the history (triggers) and the rows that carry their own stamps.
STAMPS = (("history", "changed_at"), ("materials", "updated_at"), ("exchange_sessions", "updated_at"),
          ("channels", "updated_at"), ("communities", "updated_at"), ("loans", "created_at"),
          ("borrowers", "created_at"))
COUNTS = {
    "materials": "SELECT COUNT(*) FROM materials WHERE deleted_at IS NULL",
    "trashed": "SELECT COUNT(*) FROM materials WHERE deleted_at IS NOT NULL",
    "sessions": "SELECT COUNT(*) FROM exchange_sessions WHERE deleted_at IS NULL",
    "channels": "SELECT COUNT(*) FROM channels",
    "loans": "SELECT COUNT(*) FROM loans",
    "attachments": "SELECT COUNT(*) FROM attachments",
    "photos": "SELECT COUNT(*) FROM session_photos",
}
SHOWN_PROBLEMS = 5


@dataclass
class RestoreReport:
    backup: Path
    full: bool  # a .lobackup with its files; False for a .db snapshot (database only)
    counts: dict[str, int] = field(default_factory=dict)
    stored_files: int = 0  # files the records name (attachments, photos, attendance sheets, evidence)
    files_bad: int = 0  # of those, missing from the backup or changed (full backups only)
    newest_change: str = ""  # ISO stamp of the newest change, "" when nothing was ever changed
    problems: list[str] = field(default_factory=list)
    kept: Path | None = None  # the restored copy left in the folder the clerk chose; None when deleted

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def newest_change_date(self) -> str:
        return format_stamp(self.newest_change)

    def message(self) -> str:
        """What the clerk reads: the verdict, what the backup holds, and that their database is as it was."""
        lines = _verdict(self) + [f"• {text}" for text in self.problems[:SHOWN_PROBLEMS]]
        if len(self.problems) > SHOWN_PROBLEMS:
            lines.append(tr("…and {count} more problems.", count=len(self.problems) - SHOWN_PROBLEMS))
        lines += ["", _contents(self), "", _files_line(self)]
        if self.newest_change:
            lines.append(tr("The newest change in it was made on {date}.", date=self.newest_change_date))
        lines += ["", _kept_line(self)]
        return "\n".join(lines)


def restore_drill(backup_path: str | Path, progress: Progress | None = None, current_db: str | Path | None = None,
                  scratch: str | Path | None = None, keep_in: str | Path | None = None,
                  name: str = COPY_NAME) -> RestoreReport:
    """Restore ``backup_path`` into a temporary folder (under ``scratch``, default the system's), check and
    count it, and delete the folder; with ``keep_in`` the copy (named ``name``) is restored into that folder
    and left there. ``current_db``, when given, is refused as a backup of itself."""
    path = Path(backup_path).expanduser()
    if current_db is not None and path.is_file() and path.resolve() == Path(current_db).resolve():
        raise UserError(backup._same_file_message())
    work = None if keep_in is not None else Path(tempfile.mkdtemp(prefix="lo-test-restore-", dir=scratch))
    try:
        result = RestoreReport(path, full_backup.is_full_backup(path))
        copy = _restore_into(path, Path(keep_in).expanduser() if work is None else work, name, result.full, progress)
        result.kept = copy if work is None else None
        _examine(copy, result, progress)
        return result
    finally:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)


def _restore_into(path: Path, folder: Path, name: str, full: bool, progress) -> Path:
    if full:
        return full_backup.restore_copy(path, folder, name, progress)
    backup.verify_candidate(path)  # its messages name the clerk's file, not the copy
    copy = folder / name
    if copy.exists():
        raise UserError(tr("“{path}” exists already; choose an empty folder for the test restore.", path=copy))
    report(progress, 0, 1, _("Copying the backup…"))
    folder.mkdir(parents=True, exist_ok=True)
    write_atomically(copy, lambda f: _copy_from(path, f))
    return copy


def _copy_from(source: Path, f) -> None:
    with open(source, "rb") as src:
        shutil.copyfileobj(src, f, 1 << 20)


def _examine(copy: Path, result: RestoreReport, progress) -> None:
    from lo_desktop.core.db import open_database

    report(progress, 0, 1, _("Opening the restored copy…"))
    db = open_database(copy)  # brings an older backup up to this version, as a real restore would
    try:
        named = integrity.referenced_files(db)
        checked = integrity.check(db, progress)
        result.stored_files = len(named)
        applied = [p for p in checked.problems if _applies(p, result.full)]
        result.problems = [_problem_text(p, named) for p in applied]
        result.files_bad = sum(p.kind in ("missing", "changed") for p in applied)
        result.counts = {key: db.execute(sql).fetchone()[0] for key, sql in COUNTS.items()}
        result.newest_change = _newest_change(db)
    finally:
        db.close()


def _applies(problem: integrity.Problem, full: bool) -> bool:
    """A snapshot has no files folder: its files are not missing, they were never inside it."""
    return full or problem.kind not in ("missing", "changed", "orphan")


def _problem_text(problem: integrity.Problem, named: dict[str, str]) -> str:
    if problem.kind == "missing":
        return tr("The file “{name}” is not in the backup.", name=named.get(problem.sha256, problem.sha256))
    return problem.text


def _newest_change(db) -> str:
    stamps = []
    for table, column in STAMPS:
        row = db.execute(f"SELECT MAX({column}) FROM {table}").fetchone()
        if row and row[0]:
            stamps.append(str(row[0]))
    return max(stamps, key=_moment, default="")


def _moment(stamp: str) -> datetime:
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return datetime.min.replace(tzinfo=timezone.utc)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _kept_line(result: RestoreReport) -> str:
    if result.kept is not None:
        return tr("Your database was not changed: the restored copy is in {path}.", path=result.kept)
    return _("Your database was not changed: the test restore used a temporary copy, now deleted.")


def _verdict(result: RestoreReport) -> list[str]:
    name = result.backup.name
    if result.ok:
        done = (tr("“{name}” was restored into a copy and checked: no problems.", name=name) if result.kept else
                tr("“{name}” was restored into a temporary copy and checked: no problems.", name=name))
        return [_("This backup is usable."), done]
    count = len(result.problems)
    found = (tr("“{name}” was restored into a copy and the check found {count} problems:", name=name, count=count)
             if result.kept else
             tr("“{name}” was restored into a temporary copy and the check found {count} problems:",
                name=name, count=count))
    return [_("This backup has problems."), found]


def _contents(result: RestoreReport) -> str:
    n = {key: f"{value:,}" for key, value in result.counts.items()}
    return "\n".join([
        _("What the backup holds:"),
        "• " + _materials_line(n["materials"], n["trashed"]),
        "• " + tr("{count} exchange sessions", count=n["sessions"]),
        "• " + tr("{count} distribution channels", count=n["channels"]),
        "• " + tr("{count} loan records", count=n["loans"]),
        "• " + tr("{attachments} attachments and {photos} session photos", attachments=n["attachments"],
                  photos=n["photos"]),
    ])


def _materials_line(materials: str, trashed: str) -> str:
    if trashed == "0":
        return tr("{count} materials", count=materials)
    return tr("{count} materials ({trashed} more in the Trash)", count=materials, trashed=trashed)


def _files_line(result: RestoreReport) -> str:
    if not result.full:
        return _("This is a quick .db snapshot of the database only: attached files and photos are not inside a "
                 "snapshot, so they were not checked (a full backup holds them).")
    if not result.files_bad:
        return tr("All {count} stored files (attachments, photos, attendance sheets, evidence) are present and "
                  "unchanged.", count=f"{result.stored_files:,}")
    return tr("{good} of its {count} stored files are present and unchanged.",
              good=f"{result.stored_files - result.files_bad:,}", count=f"{result.stored_files:,}")
