"""The command palette: every key binding of the screen in view, as "area: what it does"."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen


def screen_commands(screen: Screen[object]) -> Iterator[tuple[str, str, str]]:
    """(palette text, help, action) for each binding of the screen and the app."""
    area = getattr(screen, "AREA", "app")
    seen = set()
    # A screen's keys include those it inherits (every ritual's captures come from its base class).
    inherited = [(binding, area) for cls in type(screen).__mro__ for binding in vars(cls).get("BINDINGS", [])]
    for binding, namespace in [*inherited, *((binding, "app") for binding in screen.app.BINDINGS)]:
        if not isinstance(binding, Binding) or binding.action in seen or not binding.description:
            continue
        seen.add(binding.action)
        what = binding.tooltip or binding.description
        yield f"{namespace}: {what.lower()}", f"key: {binding.key}", binding.action


class RitualCommands(Provider):
    """Offers the actions of the current screen, namespaced ("daily: next speaker")."""

    def _target(self) -> Screen[object]:
        return self.screen

    async def discover(self) -> Hits:
        target = self._target()
        for text, help_text, action in screen_commands(target):
            yield DiscoveryHit(text, partial(target.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        target = self._target()
        for text, help_text, action in screen_commands(target):
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(target.run_action, action), help=help_text)
