"""Richard Lawrence's story-splitting patterns, as prompts the PO reads while splitting an item."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SplitPattern:
    """A way to split a story, and the question that finds the split."""

    name: str
    prompt: str


SPLIT_PATTERNS: tuple[SplitPattern, ...] = (
    SplitPattern("Workflow steps", "Which steps of the workflow could ship one at a time?"),
    SplitPattern("Business-rule variations", "Which business rules could come later, one story each?"),
    SplitPattern("Major effort", "Is one part the bulk of the work, with the rest easy after it?"),
    SplitPattern("Simple / complex", "What is the simplest version? What makes it complex?"),
    SplitPattern("Variations in data", "Which kinds of data could we handle one at a time?"),
    SplitPattern("Data entry methods", "Could a simpler way to enter the data come first?"),
    SplitPattern("Defer performance", "Could it work first, and be made fast in a second story?"),
    SplitPattern("Operations (CRUD)", "Could create, read, update and delete ship separately?"),
    SplitPattern("Break out a spike", "What do we not know yet? A timeboxed spike finds out first."),
)
#: What the criteria of the item split do: copied to every child, moved to the first one, or left.
CRITERIA_CHOICES = ("copy", "move", "leave")
#: What becomes of the item split: kept as the children's epic, or dropped.
PARENT_CHOICES = ("keep", "drop")


def pattern_named(name: str) -> SplitPattern:
    """The pattern of that name (case ignored); KeyError when there is none."""
    for pattern in SPLIT_PATTERNS:
        if pattern.name.casefold() == name.casefold():
            return pattern
    raise KeyError(name)
