"""Settling a git merge in which two branches moved the same backlog item.

A move writes only the item's ``rank`` (and its ``updated`` time), so when both branches moved it,
git stops on exactly those lines. :func:`settle` resolves such a file the same way whichever branch
was merged into which: the side moved last (the later ``updated``) wins, and on a tie the higher
place (the lower rank). A conflict touching any other line is left for a person to resolve.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from ritual_tui.store.files import write_atomic
from ritual_tui.store.reading import read_bytes

#: The only keys a rank conflict may touch.
MOVE_KEYS = {"rank", "updated"}


def _hunks(lines: list[str]) -> list[tuple[int, int, list[str], list[str]]] | None:
    """(first line, last line, ours, theirs) of each conflict; None when the markers are unbalanced."""
    hunks, n = [], 0
    while n < len(lines):
        if not lines[n].startswith("<<<<<<<"):
            n += 1
            continue
        sides: tuple[list[str], list[str], list[str]] = ([], [], [])  # ours, base (diff3), theirs
        start, side = n, 0
        n += 1
        while n < len(lines) and not lines[n].startswith(">>>>>>>"):
            if lines[n].startswith("|||||||"):
                side = 1
            elif lines[n].startswith("======="):
                side = 2
            else:
                sides[side].append(lines[n])
            n += 1
        if n == len(lines):
            return None
        hunks.append((start, n, list(sides[0]), list(sides[2])))
        n += 1
    return hunks


def _values(lines: list[str]) -> dict[str, Any] | None:
    try:
        doc = tomllib.loads("\n".join(lines))
    except tomllib.TOMLDecodeError:
        return None
    return doc if set(doc) <= MOVE_KEYS else None


def settle_text(text: str) -> str | None:
    """The file with its rank conflicts settled, or None when it holds another kind of conflict."""
    lines = text.split("\n")
    hunks = _hunks(lines)
    if not hunks:
        return None
    ours: dict[str, Any] = {}
    theirs: dict[str, Any] = {}
    for _, _, mine, other in hunks:
        found = (_values(mine), _values(other))
        if found[0] is None or found[1] is None:
            return None
        ours.update(found[0])
        theirs.update(found[1])

    def key(side: dict[str, Any]) -> tuple[str, float]:
        # Later updated first; then the lower rank. ISO date-times of one zone compare as text.
        return (str(side.get("updated", "")), -float(side.get("rank", 0)))

    take_ours = key(ours) >= key(theirs)
    out, last = [], 0
    for start, end, mine, other in hunks:
        out += lines[last:start] + (mine if take_ours else other)
        last = end + 1
    return "\n".join(out + lines[last:])


def settle(path: Path) -> bool:
    """Settle a backlog item file's rank conflict in place; False when it has none it can settle."""
    text = read_bytes(path).decode("utf-8", errors="replace")
    if "<<<<<<<" not in text:
        return False
    settled = settle_text(text)
    if settled is None:
        return False
    write_atomic(path, settled.encode("utf-8"))
    return True
