"""Sprint planning as it is recorded: the plan a planning session builds step by step (saved as it
goes, so that a planning left half-way resumes), and the rules that judge a selection."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.capacity import MemberCapacity
from ritual_tui.domain.fields import Part
from ritual_tui.domain.forecast import Forecast

# The close-out is one kind of record, decided at the review's close or here: it lives with the review.
from ritual_tui.domain.review import CLOSE_OUT_ACTIONS as CLOSE_OUT_ACTIONS
from ritual_tui.domain.review import CloseOut as CloseOut
from ritual_tui.domain.rules import points, readiness_gaps
from ritual_tui.domain.settings import Settings


@dataclass(kw_only=True)
class LeftOut(Part):
    """An item the room looked at and did not take, and why."""

    item: str
    reason: str = ""


@dataclass(kw_only=True)
class ForecastNote(Part):
    """The forecast as it stood when the plan was saved, and how it was computed."""

    p50: int | None = None
    p85: int | None = None
    #: The chance of finishing the selection, 0–1.
    chance: float | None = None
    #: The closed sprints resampled, and their velocities scaled to this sprint's capacity.
    sprints: list[int] = field(default_factory=list)
    scaled: list[float] = field(default_factory=list)
    method: str = ""

    @classmethod
    def of(cls, forecast: Forecast, points: float) -> ForecastNote:
        """What to keep of a forecast, for a selection of ``points``."""
        chance = forecast.chance(points)
        return cls(
            p50=forecast.p50,
            p85=forecast.p85,
            chance=None if chance is None else round(chance, 3),
            sprints=[p.number for p in forecast.history],
            scaled=[round(v, 1) for v in forecast.scaled],
            method=forecast.how,
        )


@dataclass(kw_only=True)
class Confidence(Part):
    """A fist-of-five vote the PO enters for the room."""

    #: Hands showing 0, 1, 2, 3, 4 and 5 fingers.
    counts: list[int] = field(default_factory=list)
    #: Member → fingers, when the PO entered the vote per member.
    by_member: dict[str, int] = field(default_factory=dict)
    #: What the room said (required for a low vote).
    said: str = ""


@dataclass(kw_only=True)
class SprintPlan(Part):
    """Everything a sprint planning decides, kept on its session."""

    #: The sprint before this one, whose unfinished items are closed out.
    previous: str = ""
    start: date | None = None
    end: date | None = None
    members: list[MemberCapacity] = field(default_factory=list)
    capacity_days: float | None = None
    goal: str = ""
    goal_objective: str = ""
    #: Selected items, in the order they were taken.
    selected: list[str] = field(default_factory=list)
    #: Items selected although they fail the Definition of Ready, with the PO's explicit yes.
    confirmed_not_ready: list[str] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    close_out: list[CloseOut] = field(default_factory=list)
    forecast: ForecastNote | None = None
    confidence: Confidence | None = None
    risks: list[str] = field(default_factory=list)
    #: The sprint started by the commit, and when.
    sprint: str = ""
    committed: datetime | None = None

    def close_out_of(self, item_id: str) -> CloseOut | None:
        """What was decided for an unfinished item, if anything yet."""
        return next((c for c in self.close_out if c.item == item_id), None)


def vote_counts(votes: Sequence[int]) -> list[int]:
    """Fingers shown (0–5 each) as the number of hands for 0, 1, 2, 3, 4 and 5."""
    return [sum(1 for v in votes if v == fingers) for fingers in range(6)]


def is_low(confidence: Confidence, settings: Settings) -> bool:
    """A vote is low when any hand shows fewer fingers than the setting: that person is heard."""
    return any(count for fingers, count in enumerate(confidence.counts) if fingers < settings.confidence_low_below)


def flags(item: BacklogItem, settings: Settings) -> list[str]:
    """What to know before selecting an item: Definition of Ready gaps, too big, no objective."""
    found = []
    if readiness_gaps(item, settings):
        found.append("not ready")
    if item.estimate is not None and item.estimate > settings.split_threshold:
        found.append("split")
    if not item.objective:
        found.append("no objective")
    return found


@dataclass(frozen=True)
class Selection:
    """The selected items' figures, as the room sees them change."""

    items: int
    points: float
    #: Points of items serving the goal's objective.
    goal_points: float

    @property
    def goal_share(self) -> float | None:
        """The share of selected points that serve the goal's objective."""
        return self.goal_points / self.points if self.points else None


def selection(selected: Sequence[str], items: Mapping[str, BacklogItem], goal_objective: str) -> Selection:
    """Count the selection: its points (unestimated as zero) and those serving the goal's objective."""
    chosen = [items[i] for i in selected if i in items]
    serving = [i for i in chosen if goal_objective and i.objective == goal_objective]
    return Selection(len(chosen), points(i.estimate for i in chosen), points(i.estimate for i in serving))


def cut_after(
    ordered: Sequence[str], selected: Sequence[str], items: Mapping[str, BacklogItem], limit: float
) -> str | None:
    """Where the forecast runs out: the last selected item, in list order, whose running total stays
    within ``limit`` points ("" when not even the first one does), or None when the whole selection fits."""
    total, last = 0.0, ""
    chosen = set(selected)
    for item_id in ordered:
        if item_id in chosen:
            total += items[item_id].estimate or 0
            if total > limit + 1e-9:
                return last
            last = item_id
    return None


def further_risks(
    plan: SprintPlan, items: Mapping[str, BacklogItem], settings: Settings, caveat: str, share: float | None
) -> list[str]:
    """Risks of a commitment besides those ``start_sprint`` warns of (readiness, above P85): items to
    split, items serving no objective, little of it serving the goal, a low or missing vote, a thin history."""
    chosen = [items[i] for i in plan.selected if i in items]
    risks = [
        f"{i.id} is estimated at {i.estimate:g} points, above the split threshold ({settings.split_threshold:g})."
        for i in chosen
        if i.estimate is not None and i.estimate > settings.split_threshold
    ]
    risks += [f"{i.id} serves no roadmap objective." for i in chosen if not i.objective]
    if share is not None and share < 0.5:
        risks.append(f"Only {round(share * 100)}% of the committed points serve the goal's objective.")
    if plan.confidence is None:
        risks.append("No confidence vote was recorded.")
    elif is_low(plan.confidence, settings):
        risks.append(f"Low confidence vote. The room said: {plan.confidence.said}")
    if caveat:
        risks.append(caveat)
    return risks
