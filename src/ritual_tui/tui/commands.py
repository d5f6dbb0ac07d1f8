"""Every key of a screen, for the help and the command palette: "area: what it does", with the keys
shown as the footer shows them; the palette also offers going to every view and ritual."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen


@dataclass(frozen=True)
class Command:
    """One thing the PO can do on a screen."""

    area: str
    #: What it does, in sentence case ("Capture a blocker").
    what: str
    #: The keys that do it, as shown ("?, f1").
    keys: str
    action: str

    @property
    def text(self) -> str:
        """How the palette lists it: "daily: Capture a blocker"."""
        return f"{self.area}: {self.what}"


def _keys(screen: Screen[object], binding: Binding) -> str:
    return ", ".join(screen.app.get_key_display(Binding(key.strip(), binding.action)) for key in binding.key.split(","))


#: Textual's own keys, said as our own are (its descriptions read "Focus Previous").
PLAIN_WORDS = {"focus_previous": "Move to the previous panel", "focus_next": "Move to the next panel"}


def screen_commands(screen: Screen[object]) -> Iterator[Command]:
    """Each binding of the screen (its own and those it inherits) and of the app, once each."""
    area = getattr(screen, "AREA", "app")
    seen = set()
    # A screen's keys include those it inherits (every ritual's captures come from its base class).
    inherited = [(binding, area) for cls in type(screen).__mro__ for binding in vars(cls).get("BINDINGS", [])]
    for binding, namespace in [*inherited, *((binding, "app") for binding in screen.app.BINDINGS)]:
        action = binding.action.removeprefix("app.") if isinstance(binding, Binding) else ""
        if not isinstance(binding, Binding) or action in seen or not binding.description:
            continue
        seen.add(action)
        what = binding.tooltip or PLAIN_WORDS.get(action, binding.description)
        yield Command(namespace, what[:1].upper() + what[1:], _keys(screen, binding), binding.action)


def go_to_commands() -> Iterator[tuple[str, str]]:
    """(palette text, action) for every view and ritual the app can open."""
    from ritual_tui.rituals import RITUALS

    for ritual in RITUALS:
        yield f"go to: {ritual.title}", f"app.open_ritual('{ritual.name}')"
    for view, title in (
        ("escalations", "Escalations for the PM"),
        ("decisions", "Decision log"),
        ("backlog", "Backlog"),
        ("blockers", "Blockers"),
        ("topics", "Parking-lot topics"),
        ("notes", "Notes"),
        ("summary", "Sprint summary"),
        ("brief", "PM brief"),
    ):
        yield f"go to: {title}", f"app.open('{view}')"
    yield "go to: Home", "app.go_home"
    yield "help: Show every key of this screen", "app.help"


class RitualCommands(Provider):
    """Offers the actions of the current screen ("daily: Next speaker") and every place to go."""

    def _entries(self) -> list[tuple[str, str, str]]:
        screen = self.screen
        own = [(c.text, f"key: {c.keys}", c.action) for c in screen_commands(screen)]
        return own + [(text, "", action) for text, action in go_to_commands()]

    async def discover(self) -> Hits:
        for text, help_text, action in self._entries():
            yield DiscoveryHit(text, partial(self.screen.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, action in self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self.screen.run_action, action), help=help_text)
