"""What each reference to a clashing id means (the rules are in :mod:`ritual_tui.store.renumber`).

Evidence feeds on evidence: once a blocker's ``session`` is known to mean one of two sessions
``R-1``, the other session's ``captured = ["BL-1"]`` can only mean the other blocker ``BL-1``. So the
rules run again until they tell nothing more.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ritual_tui.domain.fields import Record
from ritual_tui.store.clashes import Clash, age, key
from ritual_tui.store.references import Spot, parse_ref, spots


@dataclass
class Reading:
    """What one reference to a clashing id means: ``target`` (None when it cannot be told) and why."""

    spot: Spot
    clash: Clash
    target: Record | None = None
    why: str = ""


_Back = dict[tuple[int, str], list[Reading]]


def _names(value: object, holder: Record) -> bool:
    names = value if isinstance(value, list) else [value]
    return holder.id in names or key(holder) in names


def _named_back(reading: Reading, back: _Back) -> Record | None:
    """The one record of the clash whose back field (a blocker's ``escalation`` for an escalation's
    ``blocker``) can still mean the holder: it names the holder, and where that name is itself a
    clashing id, it was not found to mean another record."""
    holder, field = reading.spot.holder, reading.spot.link.back
    possible = []
    for candidate in reading.clash.records:
        if not _names(getattr(candidate, field, ""), holder):
            continue
        theirs = [r for r in back.get((id(candidate), field), []) if r.spot.value in (holder.id, key(holder))]
        if not theirs or any(r.target is holder or r.target is None for r in theirs):
            possible.append(candidate)
    return possible[0] if len(possible) == 1 else None


def _judge(reading: Reading, back: _Back) -> tuple[Record | None, str]:
    spot, candidates = reading.spot, reading.clash.records
    named = [c for c in candidates if key(c).lower() == spot.value.strip().lower()]
    if named:
        return named[0], "written as its file key"
    if spot.link.back:
        linked = _named_back(reading, back)
        if linked is not None:
            return linked, f"its '{spot.link.back}' names this record"
    title = getattr(spot.entry, "title", "")
    titled = [c for c in candidates if title and getattr(c, "title", None) == title]
    if len(titled) == 1:
        return titled[0], "the line holds its title"
    day = spot.link.when(spot.holder, spot.entry) if spot.link.when else None
    if day is not None:
        existing = [c for c in candidates if (made_on := age(c)[0]) == date.max or made_on <= day]
        if len(existing) == 1:
            return existing[0], f"the only one made by {day}, when this was written"
    return None, ""


def _by_holder(readings: list[Reading]) -> dict[tuple[int, int], list[Reading]]:
    groups: dict[tuple[int, int], list[Reading]] = defaultdict(list)
    for reading in readings:
        groups[id(reading.spot.holder), id(reading.clash)].append(reading)
    return groups


def _settle(readings: list[Reading], back: _Back, unsure: set[int]) -> None:
    """Apply the rules until they tell nothing more; readings in ``unsure`` stay untold. Within one
    record every reference to an id means one record, so a told one tells the others."""
    progress = True
    while progress:
        progress = False
        for reading in readings:
            if reading.target is None and id(reading) not in unsure:
                reading.target, reading.why = _judge(reading, back)
                progress = progress or reading.target is not None
        for same in _by_holder(readings).values():
            told = next((r.target for r in same if r.target is not None), None)
            for reading in same:
                if told is not None and reading.target is None and id(reading) not in unsure:
                    reading.target, reading.why = told, "this record's other reference to it says so"
                    progress = True


def read_references(records: dict[type[Record], list[Record]], clashes: list[Clash]) -> list[Reading]:
    """What every reference to a clashing id means, as far as the records tell."""
    by_ref = {(clash.records[0].PREFIX, clash.id): clash for clash in clashes}
    readings = []
    for found in records.values():
        for holder in found:
            for spot in spots(holder):
                ref = parse_ref(spot.value)
                if ref and ref[1] in {t.PREFIX for t in spot.link.targets} and (ref[1], ref[0]) in by_ref:
                    readings.append(Reading(spot, by_ref[ref[1], ref[0]]))
    back: _Back = defaultdict(list)
    for reading in readings:
        back[id(reading.spot.holder), reading.spot.link.name].append(reading)
    unsure: set[int] = set()
    while True:
        for reading in readings:
            reading.target, reading.why = None, ""
        _settle(readings, back, unsure)
        # A record whose references to one id were told to mean two records: none of them can be
        # trusted, nor anything told from them, so the rules run again without them.
        split = [same for same in _by_holder(readings).values() if len({id(r.target) for r in same}) > 1]
        newly = {id(r) for same in split for r in same} - unsure
        if not newly:
            return readings
        unsure |= newly


def describe(root: Path, clashes: list[Clash], readings: list[Reading]) -> list[str]:
    """The problems ``ritual check`` reports: each clash, and each reference to a clashing id."""
    lines = []
    for clash in clashes:
        names = ", ".join(f"{key(r)}.toml" for r in clash.records)
        if any(r.target is None for r in readings if r.clash is clash):
            then = "`ritual check --fix` cannot renumber it until each reference below names one by its file key"
        else:
            then = f"`ritual check --fix` keeps it on the oldest, {key(clash.records[0])}, and renumbers the others"
        lines.append(f"{clash.id} is used by {len(clash.records)} records ({names}); {then}")
    for reading in readings:
        holder, clash = reading.spot.holder, reading.clash
        assert holder.stored_as is not None
        where = f"{holder.stored_as.relative_to(root)}: '{reading.spot.where}' names {clash.id}, used twice"
        if reading.target is None:
            keys = " or ".join(key(r) for r in clash.records)
            lines.append(f"{where}; which record it means cannot be told: write {keys} there")
        else:
            lines.append(f"{where}; it means {key(reading.target)} ({reading.why})")
    return lines
