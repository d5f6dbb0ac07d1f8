"""Workspace settings (``workspace.toml``); ``config/default.toml`` documents every one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(kw_only=True)
class TeamMember:
    """A person in the team."""

    name: str
    role: str = ""
    #: Share of a full working day this person usually gives the sprint (1.0 = full time).
    availability: float = 1.0


@dataclass(kw_only=True)
class Objective:
    """A roadmap objective set by the PM, which sprint goals and items serve."""

    id: str
    title: str
    horizon: str = ""


@dataclass(kw_only=True)
class Timeboxes:
    """Ritual timeboxes, in minutes."""

    daily: int = 15
    planning: int = 120
    refinement: int = 60
    review: int = 60


#: How a tracker's statuses read in ours (matched ignoring case): Jira's usual ones and GitHub's open/closed.
DEFAULT_TRACKER_STATUSES = {
    "To Do": "new",
    "Backlog": "new",
    "Open": "new",
    "Reopened": "new",
    "Selected for Development": "ready",
    "In Progress": "in-progress",
    "In Review": "review",
    "Code Review": "review",
    "Done": "done",
    "Closed": "done",
    "Resolved": "done",
}
#: How a tracker's issue types read as our kinds; "parent" marks a type whose issues others belong to.
DEFAULT_TRACKER_KINDS = {
    "Story": "story",
    "Bug": "bug",
    "Task": "chore",
    "Sub-task": "chore",
    "Subtask": "chore",
    "Spike": "spike",
    "Improvement": "story",
    "New Feature": "story",
    "Epic": "parent",
}
#: How Jira's priorities (Cloud's and Data Center's older names) read as business value.
DEFAULT_TRACKER_PRIORITIES = {
    "Highest": 5,
    "High": 4,
    "Medium": 3,
    "Low": 2,
    "Lowest": 1,
    "Blocker": 5,
    "Critical": 4,
    "Major": 3,
    "Minor": 2,
    "Trivial": 1,
}


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
    #: A tracker's statuses → ours, for ``ritual import``; ``ritual backlog export`` writes back the
    #: first status listed for ours.
    tracker_statuses: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_TRACKER_STATUSES))
    #: A tracker's issue types (Jira's Issue Type, a GitHub label) → our kinds, or "parent".
    tracker_kinds: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_TRACKER_KINDS))
    #: Jira priorities → business value; empty to leave value out of imports.
    tracker_priorities: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_TRACKER_PRIORITIES))
    #: GitHub labels that carry story points, ``{n}`` standing for the number; the first one is the
    #: label written back for a new estimate.
    github_point_labels: list[str] = field(default_factory=lambda: ["points: {n}", "story points: {n}", "estimate/{n}"])
    #: The name of the Jira custom field holding acceptance criteria (its column is "Custom field (NAME)").
    jira_acceptance_field: str = "Acceptance Criteria"
    extra: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def objective_ids(self) -> list[str]:
        """Ids of the roadmap objectives."""
        return [o.id for o in self.objectives]

    def member_names(self) -> list[str]:
        """Team members' names in speaker order."""
        return [m.name for m in self.team]
