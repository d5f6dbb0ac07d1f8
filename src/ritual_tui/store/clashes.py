"""Ids that clash after a git merge: two branches each added a record and took the same number.

The oldest record keeps the id (by when each was made, then by file key: the same on every clone);
the others are given the next free numbers, in that order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from ritual_tui.domain.fields import Record
from ritual_tui.store import layout
from ritual_tui.store.references import made


def key(record: Record) -> str:
    """A record's file key (``D-3-k7m2``): unique where ids clash."""
    assert record.stored_as is not None
    return record.stored_as.stem


def age(record: Record) -> tuple[date, str, str]:
    when = made(record)
    day = when.date() if isinstance(when, datetime) else when
    return (day or date.max, when.isoformat() if when else "", key(record))


@dataclass
class Clash:
    """Records of one kind sharing an id, oldest first: the first keeps it, the others get ``new_ids``."""

    id: str
    records: list[Record]
    new_ids: dict[str, str]

    def id_of(self, record: Record) -> str:
        """The id ``record`` has once the clash is fixed."""
        return self.new_ids.get(key(record), self.id)


def find_clashes(records: dict[type[Record], list[Record]], next_numbers: dict[type[Record], int]) -> list[Clash]:
    """Every id used by more than one record, with the ids the newer ones would get."""
    clashes = []
    for record_type, found in records.items():
        by_id: dict[str, list[Record]] = defaultdict(list)
        for record in found:
            by_id[record.id].append(record)
        number = next_numbers[record_type]
        for record_id in sorted((i for i, rs in by_id.items() if len(rs) > 1), key=layout.id_number):
            oldest_first = sorted(by_id[record_id], key=age)
            new_ids = {}
            for record in oldest_first[1:]:
                new_ids[key(record)] = f"{record_type.PREFIX}-{number}"
                number += 1
            clashes.append(Clash(record_id, oldest_first, new_ids))
    return clashes


def renumbered_twice(records: dict[type[Record], list[Record]]) -> list[str]:
    """Copies of one record that two clones renumbered differently (each had added records of its
    own first), kept side by side when git reported the rename: same suffix, same former id."""
    copies: dict[tuple[str, str, str], list[Record]] = defaultdict(list)
    for found in records.values():
        for record in found:
            former = record.extra.get("renumbered_from")
            if isinstance(former, str):
                copies[record.PREFIX, key(record).rsplit("-", 1)[1], former].append(record)
    return [
        f"{', '.join(f'{key(r)}.toml' for r in same)} are one record ({former}) renumbered on two clones: "
        "keep one, and point the references to the other at it"
        for (_, _, former), same in copies.items()
        if len(same) > 1
    ]
