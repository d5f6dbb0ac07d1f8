"""The agenda entry under discussion: an item's story, criteria, readiness and INVEST hints, or a
parking-lot topic; with the entry's clock against the per-item timebox."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Topic
from ritual_tui.domain.readiness import checklist, invest_hints
from ritual_tui.domain.refinement import AgendaClock
from ritual_tui.domain.rules import format_points
from ritual_tui.domain.settings import Settings
from ritual_tui.tui.text import join, literal
from ritual_tui.tui.widgets.bigclock import BigClock
from ritual_tui.tui.widgets.speaker import clock_face


class EntryPanel(Vertical):
    """Shows an item or a topic; :meth:`tick` redraws its clock."""

    DEFAULT_CSS = """
    EntryPanel { height: 1fr; }
    EntryPanel #entry-head { height: auto; }
    EntryPanel #entry-title { width: 1fr; text-style: bold; color: $accent; }
    EntryPanel #entry-clock { width: 18; height: 3; }
    EntryPanel.-over-time #entry-clock { color: $error; }
    EntryPanel #entry-body { height: 1fr; scrollbar-size-vertical: 1; }
    EntryPanel #entry-hints { color: $warning; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal(id="entry-head"):
            yield Static(id="entry-title")
            yield BigClock(id="entry-clock")
        yield Static(id="meeting-line", classes="caption")
        with VerticalScroll(id="entry-body"):
            yield Static(id="entry-story")
            yield Static(id="entry-criteria")
            yield Static(id="entry-ready")
            yield Static(id="entry-hints")
            yield Static(id="entry-notes", classes="private")

    def on_resize(self) -> None:
        # The clock grows with the panel, so the room can read it on a projector.
        clock = self.query_one("#entry-clock", BigClock)
        clock.styles.height = max(3, min(10, self.size.height // 4))
        clock.styles.width = max(18, min(60, self.size.width // 3))

    def show_item(self, item: BacklogItem, settings: Settings, presenter: bool) -> None:
        """Show an item whole (its private notes only outside presenter mode)."""
        head = f"{item.id} · {item.kind} · {item.status} · {format_points(item.estimate)} pts"
        self._set("#entry-title", join(head, "\n", literal(item.title)))
        self._set("#entry-story", literal(item.story_line() or "No story yet: w writes it (as a / I want / so that)."))
        criteria = [join(f"{n}. ", literal(c)) for n, c in enumerate(item.acceptance, start=1)]
        self._set(
            "#entry-criteria",
            join("Acceptance criteria:\n", *_lines(criteria)) if criteria else "No criteria yet: w writes them.",
        )
        lines = checklist(item, settings)
        ticked = len([line for line in lines if line.ticked])
        marks = "  ".join(("☑ " if line.ticked else "☐ ") + line.text for line in lines)
        self._set(
            "#entry-ready", join((f"Ready: {ticked} of {len(lines)} · t ticks · y ready", "bold"), "\n", literal(marks))
        )
        hints = invest_hints(item, settings.split_threshold)
        self._set("#entry-hints", "\n".join(f"⚠ {h}" for h in hints) + ("  · l splits" if hints else ""))
        notes = (
            "" if presenter or not item.private_notes else join(("Private: ", "italic"), literal(item.private_notes))
        )
        self._set("#entry-notes", notes)

    def show_topic(self, topic: Topic) -> None:
        """Show a parking-lot topic and how to close it."""
        by = f" by {topic.raised_by}" if topic.raised_by else ""
        self._set("#entry-title", join(f"{topic.id} · parking-lot topic · {topic.status}\n", literal(topic.title)))
        self._set("#entry-story", literal(f"Raised{by} on {topic.raised}." if topic.raised else f"Raised{by}."))
        self._set(
            "#entry-criteria",
            literal(topic.outcome)
            if topic.outcome
            else "c closes it: a new item, a decision, an escalation, or dropped.",
        )
        for widget in ("#entry-ready", "#entry-hints", "#entry-notes"):
            self._set(widget, "")

    def show_nothing(self) -> None:
        """Nothing under discussion yet."""
        self._set("#entry-title", "Enter takes up the agenda entry under the cursor")
        for widget in ("#entry-story", "#entry-criteria", "#entry-ready", "#entry-hints", "#entry-notes"):
            self._set(widget, "")

    def tick(self, clock: AgendaClock) -> None:
        """Redraw the entry's countdown and the meeting's time."""
        remaining = clock.item_remaining() if clock.current else float(clock.item_seconds)
        self.query_one("#entry-clock", BigClock).value = clock_face(remaining)
        self.set_class(remaining < 0, "-over-time")
        elapsed = clock.elapsed()
        over = "  OVER TIME" if elapsed > clock.timebox_seconds else ""
        paused = "  [paused]" if clock.paused else ""
        self._set(
            "#meeting-line",
            f"Entry {clock_face(clock.item_elapsed())}/{clock_face(clock.item_seconds)} · "
            f"meeting {clock_face(elapsed)}/{clock_face(clock.timebox_seconds)}{over}{paused}",
        )

    def _set(self, selector: str, content: Content | str) -> None:
        widget = self.query_one(selector, Static)
        widget.update(content)
        widget.display = bool(content.plain if isinstance(content, Content) else content)


def _lines(lines: list[Content]) -> list[Content | str]:
    out: list[Content | str] = []
    for n, line in enumerate(lines):
        out += [line] if n == 0 else ["\n", line]
    return out
