"""``ritual backlog export --jira|--github``: what refinement changed, as the tracker takes it back."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.text import visible
from ritual_tui.store.workspace import Workspace
from ritual_tui.tracker.gh_script import gh_script, github_change
from ritual_tui.tracker.mapping import Vocabulary
from ritual_tui.tracker.writeback import changed_fields, jira_csv


@dataclass
class WriteBack:
    """The file to hand the tracker, and what it covers."""

    items: list[BacklogItem]
    text: str
    notes: list[str] = field(default_factory=list)


def items_to_write_back(ws: Workspace, tracker: str, everything: bool = False) -> list[BacklogItem]:
    """Items imported from ``tracker`` and changed here since (every one with ``everything``), by rank."""
    items = sorted(ws.all(BacklogItem), key=lambda i: (i.rank, i.id))
    return [
        item
        for item in items
        if item.tracker is not None and item.tracker.name == tracker and (everything or changed_fields(item))
    ]


def write_back(ws: Workspace, tracker: str, as_json: bool = False, everything: bool = False) -> WriteBack:
    """Jira: a CSV for its importer. GitHub: a bash script of ``gh`` commands, or (``as_json``) the changes."""
    vocabulary = Vocabulary(ws.settings)
    items = items_to_write_back(ws, tracker, everything)
    result = WriteBack(items, "")
    if tracker == "jira":
        result.text = jira_csv(items, vocabulary, result.notes)
        return result
    # A change GitHub cannot hold (new → in-progress: both open) is no command: the item is not counted.
    changed = [(item, change) for item in items if (change := github_change(item, vocabulary, everything))]
    result.items = [item for item, _ in changed]
    changes = [change for _, change in changed]
    if as_json:
        document = {"kind": "github-changes", "generated_on": clock.now().isoformat(), "issues": changes}
        result.text = _inert_json(document) + "\n"
    else:
        result.text = gh_script(changes, result.notes)
    return result


def _inert_json(document: object) -> str:
    """JSON whose text cannot act on a terminal: the characters JSON leaves raw that would (C1
    controls, DEL, bidi overrides) are written as \\u escapes, which any JSON reader reads back."""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return "".join(char if visible(char) == char or char == "\n" else f"\\u{ord(char):04x}" for char in text)
