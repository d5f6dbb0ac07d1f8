"""Measure ``ritual import jira`` on 5,000 rows, a re-import of the same file, and the write-back.

    python -m benchmarks.tracker        # writes benchmarks/RESULTS-tracker.md

The export is generated once (seeded) into ``benchmarks/.cache``: Jira's columns, multi-line quoted
descriptions, repeated Labels and Sprint columns, 100 epics whose stories name them by Parent id.
Each figure is a whole ``ritual`` process, as a user runs it; imports go into fresh workspaces.
"""

from __future__ import annotations

import csv
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from benchmarks.generate import WORDS
from benchmarks.run import CACHE, ENV, HERE, ritual

ROWS = 5000
EPICS = 100
IMPORTS = 3
RE_IMPORTS = 5
HEADER = [
    "Summary", "Issue key", "Issue id", "Issue Type", "Status", "Priority", "Created", "Resolved",
    "Sprint", "Sprint", "Labels", "Labels", "Labels", "Description", "Custom field (Story Points)",
    "Custom field (Acceptance Criteria)", "Parent",
]  # fmt: skip


def jira_export(path: Path) -> Path:
    """A realistic 5,000-row Jira export (made once)."""
    if path.exists():
        return path
    rng = random.Random(7)
    rows = []
    for n in range(1, ROWS + 1):
        epic = n <= EPICS
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 8)))
        status = rng.choice(["To Do", "To Do", "In Progress", "In Review", "Done", "Backlog"])
        labels = [rng.choice(WORDS) for _ in range(rng.randint(0, 3))]
        description = "\n\n".join(
            f'As a user, I want the "{rng.choice(WORDS)}" page, so that {words}, quickly.' for _ in range(3)
        )
        criteria = "\n".join(
            f"* Given a {rng.choice(WORDS)}, when I {rng.choice(WORDS)}, then it works" for _ in range(3)
        )
        row = {
            "Summary": f"{words.capitalize()} ({n})",
            "Issue key": f"APP-{n}",
            "Issue id": str(10000 + n),
            "Issue Type": "Epic" if epic else rng.choice(["Story", "Bug", "Task"]),
            "Status": status,
            "Priority": rng.choice(["High", "Medium", "Low"]),
            "Created": f"{rng.randint(1, 28)}/Mar/24 10:{rng.randint(10, 59)} AM",
            "Resolved": "20/Apr/24 4:02 PM" if status == "Done" else "",
            "Description": description,
            "Custom field (Story Points)": "" if epic else str(rng.choice([1, 2, 3, 5, 8])),
            "Custom field (Acceptance Criteria)": criteria,
            "Parent": "" if epic else str(10000 + rng.randint(1, EPICS)),
        }
        sprints = [f"APP Sprint {rng.randint(1, 40)}", ""]
        rows.append(
            [row.get(name, "") for name in HEADER[:8]]
            + sprints
            + [*labels, "", "", ""][:3]
            + [row[name] for name in HEADER[13:]]
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def timed(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, env=ENV, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def record_files(root: Path) -> dict[str, tuple[int, int]]:
    """Each record file's inode and modification time: a rewrite changes them."""
    found = {}
    for path in root.rglob("*.toml"):
        if ".ritual" not in path.parts:
            status = path.stat()
            found[str(path)] = (status.st_ino, status.st_mtime_ns)
    return found


def fresh_workspace(name: str) -> Path:
    from ritual_tui.store.workspace import Workspace

    root = CACHE / name
    shutil.rmtree(root, ignore_errors=True)
    Workspace.create(root, "Benchmark")
    return root


def main() -> None:
    export = jira_export(CACHE / "jira-5000.csv")
    size = export.stat().st_size / 2**20
    imports = [timed(ritual(fresh_workspace(f"tracker-{n}"), "import", "jira", str(export))) for n in range(IMPORTS)]
    root = CACHE / "tracker-0"
    files = record_files(root)
    assert len(files) == ROWS + 1, len(files)  # the items and workspace.toml
    first_again = timed(ritual(root, "import", "jira", str(export)))  # the read cache learns the files
    again = [timed(ritual(root, "import", "jira", str(export))) for _ in range(RE_IMPORTS)]
    assert record_files(root) == files, "a re-import of the same file rewrote a record"
    write_back = timed(ritual(root, "backlog", "export", "--jira", str(CACHE / "back.csv"), "--all"))
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    table = [
        "| what | figure | target |",
        "|---|---|---|",
        f"| `ritual import jira`, {ROWS:,} rows ({size:.1f} MB) into a new workspace | "
        f"{statistics.median(imports):.1f} s (median of {IMPORTS}) | well under a minute |",
        f"| the same file again, first time (no file written; the read cache learns the new files) | "
        f"{first_again:.2f} s | a few seconds |",
        f"| the same file again (no file written) | {statistics.median(again):.2f} s (median of {RE_IMPORTS}) "
        "| a few seconds |",
        f"| `ritual backlog export --jira --all`, {ROWS:,} items | {write_back:.2f} s | (reported) |",
    ]
    text = (
        f"# Benchmark results: tracker import\n\nMachine: {machine}. Date: {date.today()}.\n\n"
        f"Reproduce: `python -m benchmarks.tracker`.\n\n" + "\n".join(table) + "\n"
    )
    (HERE / "RESULTS-tracker.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    sys.exit(main())
