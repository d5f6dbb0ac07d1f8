"""Ids that clash after a git merge: which record keeps the id, what each reference to it means, and
the renumbering ``ritual check --fix`` does.

The oldest record keeps the id (by when each was made, then by file key: the same on every clone).
The others take the next free numbers in that order and keep their file's random suffix
(``D-3-k7m2.toml`` becomes ``D-8-k7m2.toml``), so two clones that fix the same merge write the
same files, and merging them later has nothing to reconcile.

A reference to a clashing id (a decision's ``items``, a sprint's commitment, …) means, in order of
evidence: the record whose file key it is written as; the one record that names the holder back
(a blocker's ``escalation``, the escalation's ``blocker``); the one record whose title a commitment
line holds; the one record that existed on the day the holder set the reference. Within one record,
every reference to an id means the same record. Git's history is not there to ask, so a reference
none of these settles is ambiguous: its clash is left as it is and the reference is listed, for the
user to write the file key of the record meant; ``--fix`` then finishes the work.
"""

from __future__ import annotations

from pathlib import Path

from ritual_tui.domain.fields import Record, to_doc
from ritual_tui.store import journal, layout
from ritual_tui.store.clashes import Clash
from ritual_tui.store.files import render
from ritual_tui.store.meanings import Reading, describe
from ritual_tui.store.schema import CURRENT


def fix(root: Path, clashes: list[Clash], readings: list[Reading]) -> tuple[list[str], list[str]]:
    """Renumber every clash whose references are all told, in one journalled step; returns what was
    repaired and the clashes left as they were (the caller holds the workspace lock)."""
    stuck = {id(r.clash) for r in readings if r.target is None}
    newer = [c for c in clashes if id(c) not in stuck and any(_newer(r) for r in _to_write(c, readings))]
    stuck |= {id(c) for c in newer}
    fixable = [c for c in clashes if id(c) not in stuck]
    step = journal.Step("renumbering ids that clashed after a merge")
    changed: dict[int, Record] = {}
    # References first: a record's file key, which tells the records of a clash apart, is about to change.
    for reading in readings:
        if id(reading.clash) in stuck or reading.target is None:
            continue
        meant = reading.clash.id_of(reading.target)
        if reading.spot.value != meant:
            reading.spot.replace(meant)
            changed[id(reading.spot.holder)] = reading.spot.holder
    repaired: list[str] = []
    for clash in fixable:
        for record in clash.records[1:]:
            assert record.stored_as is not None
            old = record.stored_as
            step.removes.append(old)
            record.id = clash.id_of(record)
            if hasattr(record, "number"):
                record.number = layout.id_number(record.id)
            record.extra["renumbered_from"] = clash.id
            record.stored_as = old.with_name(f"{record.id}-{old.stem.rsplit('-', 1)[1]}.toml")
            changed[id(record)] = record
            repaired.append(f"renumbered {old.name}: {clash.id} is now {record.id} ({record.stored_as.name})")
    for record in changed.values():
        assert record.stored_as is not None
        before = record.stored_digest if record.stored_as.exists() else None
        data = render({"schema": CURRENT, **to_doc(record)}, layout.record_header(record.KIND, record.id))
        step.writes.append((record.stored_as, data, before))
    if step.writes:
        journal.run(root, step)
    left = describe(root, [c for c in clashes if id(c) in stuck], [r for r in readings if id(r.clash) in stuck])
    left += [f"{c.id}: not renumbered, since a file it would change was written by a newer ritual-tui" for c in newer]
    return repaired, left


def _to_write(clash: Clash, readings: list[Reading]) -> list[Record]:
    """The records fixing ``clash`` would rewrite."""
    holders = [
        r.spot.holder
        for r in readings
        if r.clash is clash and r.target is not None and r.spot.value != clash.id_of(r.target)
    ]
    return [*clash.records[1:], *holders]


def _newer(record: Record) -> bool:
    return record.stored_digest.startswith("newer:")
