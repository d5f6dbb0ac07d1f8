"""The rituals the app runs, each declared once: its command, its title, its key on the home screen,
its screen, and the session it keeps. The command line, the home screen, the app's modes and the
command palette are all built from this table.

Adding a ritual: its screen (a ``RitualSessionScreen``), its services module, one line here, tests.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Ritual:
    """One ritual of the Scrum cycle as the app offers it."""

    #: The ritual's name in its session records and in the settings' timeboxes.
    name: str
    #: ``ritual <command>`` opens the app on it.
    command: str
    title: str
    #: The key that opens it from the home screen, and the word beside it in the footer.
    key: str
    #: "module:Class" of its screen, imported when it is first opened.
    screen: str


RITUALS: tuple[Ritual, ...] = (
    Ritual("daily", "daily", "Daily stand-up", "d", "ritual_tui.tui.screens.daily:DailyScreen"),
    Ritual("planning", "plan", "Sprint planning", "l", "ritual_tui.tui.screens.planning:PlanningScreen"),
    Ritual("refinement", "refine", "Backlog refinement", "f", "ritual_tui.tui.screens.refinement:RefinementScreen"),
    Ritual("review", "review", "Sprint review", "v", "ritual_tui.tui.screens.review:ReviewScreen"),
)


def ritual_named(name: str) -> Ritual:
    """The declared ritual of that name (KeyError when the app does not run it)."""
    for ritual in RITUALS:
        if ritual.name == name:
            return ritual
    raise KeyError(name)
