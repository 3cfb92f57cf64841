"""Errors a user can cause. Each carries one sentence the user can read (already translated)."""


class UserError(Exception):
    """Something the user can fix; the message is shown as it is, never with a traceback."""


class DatabaseError(UserError):
    """The database file cannot be used (not ours, newer, damaged, locked)."""


class ValidationError(UserError):
    """A record breaks a rule. ``problems`` maps a field name to its message."""

    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__(" ".join(problems.values()))
