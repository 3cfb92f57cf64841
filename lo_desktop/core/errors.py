"""Errors a user can cause. Each carries one sentence the user can read (already translated)."""


class UserError(Exception):
    """Something the user can fix; the message is shown as it is, never with a traceback."""


class DatabaseError(UserError):
    """The database file cannot be used (not ours, newer, damaged, locked)."""


class NoDatabase(DatabaseError):
    """Nothing to open at the path (no file, or an empty one) and creating was not asked for: a typo or a
    copy that did not finish must never quietly become an empty catalog. The caller offers to create."""

    def __init__(self, message: str, path):
        self.path = path
        super().__init__(message)


class ValidationError(UserError):
    """A record breaks a rule. ``problems`` maps a field name to its message."""

    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__(" ".join(problems.values()))


def plain_sentence(exc: BaseException) -> str | None:
    """The one sentence for an error the user's surroundings caused (a busy database, a file that
    cannot be used), or None for a bug. The command line and the window both say it this way."""
    import sqlite3

    from lo_desktop.i18n import tr

    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc)):
        return tr("The database is busy: another program is writing to it. Nothing was changed; "
                  "try again in a moment.")
    if isinstance(exc, OSError) and exc.strerror:
        return tr("Cannot use “{path}”: {reason}", path=exc.filename or "", reason=exc.strerror)
    # The last nets for hostile input an action did not check itself; each happens before a commit.
    if isinstance(exc, UnicodeEncodeError):
        return tr("The text holds a character that cannot be stored (a broken character from the keyboard or "
                  "a paste). Nothing was changed.")
    if isinstance(exc, OverflowError):
        return tr("A number is too large to be stored. Nothing was changed.")
    if isinstance(exc, RecursionError):
        return tr("The file is nested too deeply to be read. Nothing was changed.")
    return None
