"""Errors a Product Owner can read: each one says what is wrong and, where it can, what to do."""


class RitualError(Exception):
    """Base of every error the tool reports to the user instead of a traceback."""


class ValidationError(RitualError):
    """Input that breaks a rule: an empty title, an unknown status, an estimate off the scale."""


class NotFoundError(RitualError):
    """An id that names no record."""


class DamagedFileError(RitualError):
    """A file that cannot be read whole; it is never overwritten."""

    def __init__(self, path: object, problem: str, line: int | None = None) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        where = f"{path}, line {line}" if line else f"{path}"
        super().__init__(f"{where}: {problem}")


class NewerVersionError(DamagedFileError):
    """A file written by a newer ritual-tui: read it, never rewrite it."""


class WorkspaceMissingError(RitualError):
    """No workspace where one was expected (an unmounted share must not look empty)."""


class ConflictError(RitualError):
    """A record changed on disk since it was read: saving would overwrite someone's work."""


class StorageError(RitualError):
    """The disk refused a write (full, read-only, permissions); the old file is intact."""
