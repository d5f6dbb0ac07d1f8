"""What the refinement screen's keys stand on: the agenda entry taken up and the one under the
cursor, which keys apply now, and writes that run in the order their keys were pressed (an action
still under way is not started again by a second press)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.session import RitualSession
from ritual_tui.services.refinement import RefinementContext
from ritual_tui.tui.widgets.table import RecordTable

if TYPE_CHECKING:
    from ritual_tui.tui.screens.session import RitualSessionScreen as _Screen
else:
    _Screen = object

#: Actions on the item taken up, and those on the entry under the cursor.
ON_ITEM = ("vote", "reveal", "revote", "estimate", "estimate_other", "edit", "checklist", "ready", "split")
ON_CURSOR = ("skip", "agenda", "rank", "discuss")


class RefinementKeys(_Screen):
    """What every refinement key stands on: the entry taken up, the entry under the cursor, which
    keys apply now, and writes that a second press cannot start twice."""

    context: RefinementContext | None
    #: Actions whose write is under way: a second press is ignored until it is done.
    _busy: set[str]

    def session_saved(self, session: RitualSession) -> None: ...
    def item_saved(self, item: BacklogItem) -> None: ...

    # -- what applies now ------------------------------------------------------------------------

    def _taken_item(self) -> str:
        record = self.context.refinement if self.context else None
        return record.current if record and self.context and record.current in self.context.items else ""

    def _taken_topic(self) -> str:
        record = self.context.refinement if self.context else None
        return record.current if record and self.context and record.current in self.context.topics else ""

    def _cursor(self) -> str:
        table = self.query_one("#agenda", RecordTable)
        return (table.selected_key or "") if self.context is not None else ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in getattr(self, "_busy", set()):
            return None
        if action in ON_ITEM:
            if not self._taken_item() or self.ending:
                return None
            return True if self._poker_allows(action) else None
        if action == "close_topic":
            return True if self._taken_topic() and not self.ending else None
        if action in ON_CURSOR:
            return True if self._cursor() and not self.ending else None
        if action == "rank":
            return True if self._cursor() in (self.context.items if self.context else {}) else None
        return super().check_action(action, parameters)

    def _poker_allows(self, action: str) -> bool:
        """Whether a poker key applies to the round as it stands (see ``PokerActions``)."""
        return True

    def _act(self, action: str, job: Callable[[], Any], then: Callable[[Any], None]) -> None:
        """Write in turn; ``action`` cannot be pressed again until this write is done."""
        if not hasattr(self, "_busy"):
            self._busy = set()
        self._busy.add(action)
        self.refresh_bindings()

        def done(result: Any) -> None:
            self._busy.discard(action)
            then(result)

        def failed(_: Exception) -> None:
            self._busy.discard(action)
            self.refresh_bindings()

        self.write(job, done, failed)

    def _item_write(self, action: str, change: Callable[[str, str], Any]) -> None:
        """Change the item taken up (``change(item_id, session_id)``), then show it and the session."""
        assert self.context is not None
        item_id, session_id = self._taken_item(), self.context.session.id

        def job() -> tuple[Any, BacklogItem, RitualSession]:
            done = change(item_id, session_id)
            return done, self.ws.get(BacklogItem, item_id), self.ws.get(RitualSession, session_id)

        def shown(result: tuple[Any, BacklogItem, RitualSession]) -> None:
            assert self.context is not None
            done, item, session = result
            self.context.items[item.id] = item
            for made in (getattr(done, "override", None), *getattr(done, "children", ())):
                if made is not None and not isinstance(made, BacklogItem):
                    self.captured(made)  # the decision recording a readiness override
            self.session_saved(session)

        self._act(action, job, shown)

    def _session_write(self, action: str, job: Callable[[str], RitualSession]) -> None:
        assert self.context is not None
        session_id = self.context.session.id
        self._act(action, lambda: job(session_id), self.session_saved)
