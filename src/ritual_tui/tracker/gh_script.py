"""Changes for GitHub: a list of what to change per issue (for ``--json``), and a bash script of
``gh issue edit|close|reopen`` commands applying it.

Every argument is quoted for the shell: text with control characters, bidi marks or newlines goes in
bash's ``$'…'`` quoting with each such byte escaped, so the script is printable text that no title
can break out of, and ``gh`` receives each title exactly. A NUL cannot be a program's argument: such
a title is left out of the script, with a note.
"""

from __future__ import annotations

import re
import shlex
from typing import Any

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.text import visible
from ritual_tui.tracker.mapping import Vocabulary
from ritual_tui.tracker.writeback import imported_copy, labels_of

#: Our statuses that are a closed issue on GitHub; the others are open.
CLOSED = ("done", "dropped")
_BARE = re.compile(r"^[A-Za-z0-9_./:=@%+,-]+$")
_KEY = re.compile(r"^(?:([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+))?#([0-9]+)$")


def github_change(item: BacklogItem, vocabulary: Vocabulary, everything: bool = False) -> dict[str, Any] | None:
    """What to change on the item's issue (None when nothing); with ``everything``, its title and
    labels are set even where unchanged."""
    copy = imported_copy(item)
    found = _KEY.match(item.external_ref)
    if found is None:
        return None
    change: dict[str, Any] = {"item": item.id, "issue": item.external_ref}
    change |= {"repo": found[1] or "", "number": int(found[2])}
    if everything or item.title != copy.title:
        change["title"] = {"from": copy.title, "to": item.title}
    labels = labels_of(item)
    add = [label for label in labels if everything or label not in copy.labels]
    remove = [label for label in copy.labels if label not in labels]
    if everything or item.estimate != copy.estimate:
        label = "" if item.estimate is None else vocabulary.points_label(item.estimate, copy.points_label)
        if item.estimate == copy.estimate and copy.points_label:
            label = copy.points_label  # unchanged: the label as GitHub has it, case and all
        if copy.points_label and copy.points_label != label:
            remove.append(copy.points_label)
        if label and (everything or label != copy.points_label):
            add.append(label)
        if item.estimate != copy.estimate:
            change["points"] = {"from": copy.estimate, "to": item.estimate}
    if add or remove:
        change["labels"] = {"add": add, "remove": remove}
    if (item.status in CLOSED) != (copy.status in CLOSED):
        change["state"] = {"to": "closed" if item.status in CLOSED else "open", "status": item.status}
    return change if set(change) - {"item", "issue", "repo", "number"} else None


def shell_word(text: str) -> str:
    """``text`` as one shell word that bash reads back exactly (ValueError for a NUL)."""
    if "\0" in text:
        raise ValueError("a NUL cannot be passed as an argument")
    if _BARE.match(text):
        return text
    if visible(text) == text:
        return shlex.quote(text)
    escaped = []
    for char in text:
        if char in "\\'":
            escaped.append("\\" + char)
        elif visible(char) != char:
            escaped.append("".join(f"\\x{byte:02x}" for byte in char.encode("utf-8", "surrogatepass")))
        else:
            escaped.append(char)
    return "$'" + "".join(escaped) + "'"


def _label_flag(label: str) -> str:
    # gh reads --add-label as a comma-separated list (CSV): a label with a comma or quote is quoted.
    return f'"{label.replace(chr(34), chr(34) * 2)}"' if any(c in label for c in ',"\r\n') else label


def gh_commands(change: dict[str, Any], notes: list[str]) -> list[str]:
    """The ``gh`` command lines applying one change."""
    target = [str(change["number"]), *([f"--repo={change['repo']}"] if change["repo"] else [])]
    labels = change.get("labels", {})
    edit = [f"--title={change['title']['to']}"] if "title" in change else []
    edit += [f"--add-label={_label_flag(label)}" for label in labels.get("add", [])]
    edit += [f"--remove-label={_label_flag(label)}" for label in labels.get("remove", [])]
    if any("\0" in word for word in edit):
        notes.append(f"{change['item']}: a title or label holds a NUL, which no command can pass; left out.")
        edit = [word for word in edit if "\0" not in word]
    lines = [f"# {change['item']} ({visible(change['issue'])})"]
    if edit:
        lines.append(" ".join(shell_word(word) for word in ["gh", "issue", "edit", *target, *edit]))
    if "state" in change:
        verb = "close" if change["state"]["to"] == "closed" else "reopen"
        reason = ["--reason=not planned"] if change["state"]["status"] == "dropped" else []
        lines.append(" ".join(shell_word(word) for word in ["gh", "issue", verb, *target, *reason]))
    return lines


def gh_script(changes: list[dict[str, Any]], notes: list[str]) -> str:
    """A bash script applying every change, stopping at the first command that fails."""
    lines = [
        "#!/usr/bin/env bash",
        "# Changes made in ritual-tui, to write back to GitHub. Review them, then run: bash THIS-FILE",
        "# Every argument is quoted: titles and labels reach gh exactly as typed, never as shell.",
        "set -euo pipefail",
    ]
    for change in changes:
        lines += ["", *gh_commands(change, notes)]
    return "\n".join(lines) + "\n"
