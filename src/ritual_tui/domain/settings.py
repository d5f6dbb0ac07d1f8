"""Workspace settings (``workspace.toml``); ``config/default.toml`` documents every one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ritual_tui.domain.fields import Part


@dataclass(kw_only=True)
class TeamMember(Part):
    """A person in the team."""

    name: str
    role: str = ""
    #: Share of a full working day this person usually gives the sprint (1.0 = full time).
    availability: float = 1.0


@dataclass(kw_only=True)
class Objective(Part):
    """A roadmap objective set by the PM, which sprint goals and items serve."""

    id: str
    title: str
    horizon: str = ""


@dataclass(kw_only=True)
class Timeboxes(Part):
    """Ritual timeboxes, in minutes."""

    daily: int = 15
    planning: int = 120
    refinement: int = 60
    review: int = 60


@dataclass(kw_only=True)
class Settings:
    """Everything a team sets once and edits rarely."""

    schema: int = 1
    product: str = "My product"
    product_goal: str = ""
    team: list[TeamMember] = field(default_factory=list)
    objectives: list[Objective] = field(default_factory=list)
    timeboxes: Timeboxes = field(default_factory=Timeboxes)
    daily_speaker_seconds: int = 120
    sprint_days: int = 14
    definition_of_ready: list[str] = field(default_factory=list)
    definition_of_done: list[str] = field(default_factory=list)
    estimation_scale: list[float] = field(default_factory=lambda: [0, 1, 2, 3, 5, 8, 13, 21])
    escalation_categories: list[str] = field(
        default_factory=lambda: ["blocker", "feedback", "scope-change", "risk", "dependency", "question"]
    )
    escalation_severities: list[str] = field(default_factory=lambda: ["low", "medium", "high", "critical"])
    blocker_aging_dailies: int = 3
    extra: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def objective_ids(self) -> list[str]:
        """Ids of the roadmap objectives."""
        return [o.id for o in self.objectives]

    def member_names(self) -> list[str]:
        """Team members' names in speaker order."""
        return [m.name for m in self.team]
