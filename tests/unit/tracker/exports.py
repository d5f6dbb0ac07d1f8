"""Exports as trackers write them, built from rows so that each test shows what its file holds."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data" / "tracker"
#: A Jira Cloud "Export → CSV (all fields)": multi-line quoted descriptions, repeated Sprint and
#: Labels columns, both story-point columns, an epic and a sub-task named by numeric Parent ids.
JIRA_CLOUD = DATA / "jira-cloud.csv"
#: ``gh issue list --json number,title,body,labels,state,milestone,url`` of three issues.
GH_ISSUES = DATA / "gh-issues.json"

HEADER = ["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Custom field (Story Points)"]


def csv_bytes(
    rows: Sequence[Sequence[str]], header: Sequence[str] = HEADER, delimiter: str = ",", encoding: str = "utf-8"
) -> bytes:
    """A CSV file's bytes, quoted as Jira and Excel quote."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def rewritten(data: bytes, delimiter: str, encoding: str) -> bytes:
    """The same export saved again with another delimiter and encoding (as Excel does)."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    return csv_bytes(rows[1:], rows[0], delimiter, encoding)


def tree(root: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file under ``root`` with its bytes, inode and modification time (a rewrite changes them)."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.name != "lock":
            status = path.stat()
            found[str(path.relative_to(root))] = (path.read_bytes(), status.st_ino, status.st_mtime_ns)
    return found


def records(root: Path) -> dict[str, tuple[bytes, int, int]]:
    """Like :func:`tree`, without ``.ritual/`` (the derived read cache may learn files any time)."""
    return {name: state for name, state in tree(root).items() if not name.startswith(".ritual")}


def edited_export(tmp_path: Path, change: Callable[[dict[str, list[str]]], None]) -> Path:
    """The Jira fixture with some rows changed, as a later export of the same project would be."""
    rows = list(csv.reader(io.StringIO(JIRA_CLOUD.read_text(encoding="utf-8"), newline="")))
    by_key = {row[1]: row for row in rows[1:]}
    change(by_key)
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    path = tmp_path / "later.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path
