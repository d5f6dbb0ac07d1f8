"""Workspace settings (``workspace.toml``).

The defaults are written once, here; ``config/default.toml`` documents every setting with the same
defaults (a test holds the two together). A workspace's file sets only what differs: a key left out,
even inside a table such as ``[timeboxes]``, takes the default below.
"""

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


DEFINITION_OF_READY = [
    "Story states who, what and why",
    "Acceptance criteria written as Given/When/Then",
    "Estimated by the team",
    "Dependencies identified",
    "Linked to a roadmap objective",
]
DEFINITION_OF_DONE = [
    "Acceptance criteria verified",
    "Code reviewed",
    "Automated tests pass",
    "Deployed to staging",
    "User-facing documentation updated",
]
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
    #: The product this workspace is about.
    product: str = "My product"
    #: The long-term target set by the PM that every sprint goal serves.
    product_goal: str = ""
    #: Who decides operational questions (the PO) and strategic ones (the PM), by name.
    product_owner: str = ""
    product_manager: str = ""
    #: The team, in the daily's default speaking order.
    team: list[TeamMember] = field(default_factory=list)
    #: Roadmap objectives set by the PM.
    objectives: list[Objective] = field(default_factory=list)
    timeboxes: Timeboxes = field(default_factory=Timeboxes)
    #: Seconds each speaker gets in the daily.
    daily_speaker_seconds: int = 120
    #: Calendar days in a sprint.
    sprint_days: int = 14
    definition_of_ready: list[str] = field(default_factory=lambda: list(DEFINITION_OF_READY))
    definition_of_done: list[str] = field(default_factory=lambda: list(DEFINITION_OF_DONE))
    #: The points an estimate may take.
    estimation_scale: list[float] = field(default_factory=lambda: [0, 1, 2, 3, 5, 8, 13, 20, 40, 100])
    escalation_categories: list[str] = field(
        default_factory=lambda: ["blocker", "feedback", "scope-change", "risk", "dependency", "question"]
    )
    #: Least to most severe.
    escalation_severities: list[str] = field(default_factory=lambda: ["low", "medium", "high", "critical"])
    #: What a new escalation starts as, and one raised from a blocker.
    escalation_category: str = "question"
    escalation_severity: str = "medium"
    blocker_escalation_category: str = "blocker"
    blocker_escalation_severity: str = "high"
    #: Open the app in presenter mode (for a workspace always shown on a shared screen).
    presenter_mode: bool = False
    #: A blocker open in this many dailies is flagged and offered for escalation.
    blocker_aging_dailies: int = 3
    #: The sprint review's forecasts take the velocity range from this many last closed sprints:
    #: their lowest and their highest velocity.
    velocity_range_sprints: int = 3
    #: The category of an escalation raised from review feedback.
    feedback_escalation_category: str = "feedback"
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
    # -- backlog refinement ------------------------------------------------------------------------
    #: Minutes each agenda entry gets in a refinement before its clock shows over time.
    refinement_item_minutes: int = 10
    #: The planning-poker deck: "fibonacci" (0 1 2 3 5 8 13 20 40 100 ? ☕), "t-shirt" (XS … XXL),
    #: or "custom" (the cards of ``poker_custom_deck``).
    poker_deck: str = "fibonacci"
    poker_custom_deck: list[str] = field(default_factory=list)
    #: The Product Owner votes in planning poker too (by default the PO only enters the votes).
    poker_po_votes: bool = False
    #: An estimate above this many points is offered a split in refinement (INVEST's "small") and
    #: flagged when it is planned.
    split_threshold: float = 13
    #: A sprint that commits more than this share (in %) of its planning forecast is flagged as
    #: over-committed in its summary's headline.
    overcommit_percent: int = 110
    # -- sprint planning --
    #: The closed sprints the forecast resamples: the most recent ones (0 = every closed sprint).
    forecast_sprints: int = 10
    #: The longest sprint planning accepts, in calendar days.
    longest_sprint_days: int = 28
    #: In the fist-of-five confidence vote, a hand with fewer fingers than this makes the vote low.
    confidence_low_below: int = 3
    extra: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def objective_ids(self) -> list[str]:
        """Ids of the roadmap objectives."""
        return [o.id for o in self.objectives]

    def member_names(self) -> list[str]:
        """Team members' names in speaker order."""
        return [m.name for m in self.team]

    def timebox_minutes(self, ritual: str) -> int:
        """The timebox of a ritual (daily, planning, refinement, review), in minutes."""
        return int(getattr(self.timeboxes, ritual))

    def default_category(self, for_blocker: bool = False) -> str:
        """The category a new escalation starts with: the setting when the list still has it, else
        the first category (a list edited without its default must not break a capture)."""
        wanted = self.blocker_escalation_category if for_blocker else self.escalation_category
        return wanted if wanted in self.escalation_categories else self.escalation_categories[0]

    def default_severity(self, for_blocker: bool = False) -> str:
        """The severity a new escalation starts with: the setting when the scale still has it, else
        the middle of the scale (for a blocker, the upper middle)."""
        scale = self.escalation_severities
        wanted = self.blocker_escalation_severity if for_blocker else self.escalation_severity
        if wanted in scale:
            return wanted
        return scale[min(len(scale) - 1, len(scale) // 2 if for_blocker else (len(scale) - 1) // 2)]

    def feedback_category(self) -> str:
        """The category of an escalation raised from review feedback (the usual default when the
        list of categories no longer has it)."""
        wanted = self.feedback_escalation_category
        return wanted if wanted in self.escalation_categories else self.default_category()

    def is_urgent(self, severity: str) -> bool:
        """True for the more severe half of the scale (high and critical on the default scale)."""
        scale = self.escalation_severities
        return severity in scale and scale.index(severity) >= len(scale) // 2

    def decider(self, level: str) -> str:
        """Who decides at a level: the PO for operational decisions, the PM for strategic ones."""
        if level == "strategic":
            return self.product_manager or "Product Manager"
        return self.po_name()

    def po_name(self) -> str:
        """The Product Owner's name, or the role when the settings do not name one."""
        return self.product_owner or "Product Owner"

    def vocabulary_problems(self) -> list[str]:
        """Settings that contradict each other (a default that is not in its own list)."""
        problems = []
        for key, value, allowed in (
            ("escalation_category", self.escalation_category, self.escalation_categories),
            ("blocker_escalation_category", self.blocker_escalation_category, self.escalation_categories),
            ("escalation_severity", self.escalation_severity, self.escalation_severities),
            ("blocker_escalation_severity", self.blocker_escalation_severity, self.escalation_severities),
            ("feedback_escalation_category", self.feedback_escalation_category, self.escalation_categories),
        ):
            if value not in allowed:
                problems.append(f"{key} = {value!r} is not one of {', '.join(allowed)}")
        if not self.escalation_categories:
            problems.append("escalation_categories is empty")
        if not self.escalation_severities:
            problems.append("escalation_severities is empty")
        return problems
