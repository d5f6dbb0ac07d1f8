"""Changes to decisions that touch two records at once."""

from __future__ import annotations

from ritual_tui.domain.decision import Decision
from ritual_tui.domain.errors import ValidationError
from ritual_tui.store.workspace import Workspace


def supersede(ws: Workspace, old_id: str, new_id: str) -> Decision:
    """Mark ``old_id`` superseded by ``new_id`` (both must exist and differ)."""
    with ws.lock:
        old, new = ws.get(Decision, old_id), ws.get(Decision, new_id)
        if old.id == new.id:
            raise ValidationError("A decision cannot supersede itself.")
        if old.status == "superseded":
            raise ValidationError(f"{old.id} is already superseded by {old.superseded_by}.")

        def retire(d: Decision) -> None:
            d.status, d.superseded_by = "superseded", new.id

        ws.update(Decision, new.id, lambda d: setattr(d, "supersedes", old.id))
        return ws.update(Decision, old.id, retire)
