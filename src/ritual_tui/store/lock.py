"""One writer at a time per workspace, across processes.

``fcntl.flock`` is released by the kernel when its holder dies, so a killed process never leaves
the workspace locked. The lock file is opened without following symlinks: a link planted there is
refused, and its target is never touched.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from ritual_tui.domain.errors import StorageError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

#: How long a writer waits for another before giving up with a message.
WAIT_SECONDS = 15.0


class WorkspaceLock:
    """A re-entrant, process-wide exclusive lock on one file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._depth = 0
        # flock is per process: threads of one process (the TUI's workers) queue here first.
        self._threads = threading.RLock()

    def __enter__(self) -> WorkspaceLock:
        self._threads.acquire()
        try:
            if self._depth == 0:
                self._fd = self._acquire()
        except BaseException:
            self._threads.release()
            raise
        self._depth += 1
        return self

    def __exit__(self, *exc: object) -> None:
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            os.close(self._fd)  # closing releases the flock
            self._fd = None
        self._threads.release()

    def _acquire(self) -> int:
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(self.path, flags, 0o600)
        except OSError as error:
            if self.path.is_symlink():
                raise StorageError(f"Refused: {self.path} is a symbolic link, not a lock file.") from None
            raise StorageError(f"Could not open the lock {self.path}: {error.strerror}.") from None
        if fcntl is None:  # pragma: no cover
            return fd
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(fd)
                    raise StorageError(
                        f"Another ritual-tui process has held {self.path} for {WAIT_SECONDS:.0f} s; try again."
                    ) from None
                time.sleep(0.005)
