"""``ritual sprint review ITEM --accept|--reject|--carry-over``: one item of the sprint's review from
the shell, by the same rules as the review screen."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.text import visible
from ritual_tui.services.review_items import MissesDoneError, NotDoneError, Verdict, review_item
from ritual_tui.store.workspace import Workspace

_OUTCOMES = {"accept": "accepted", "reject": "rejected", "carry_over": "carried-over"}


def register_review(sub: Any) -> None:
    """Add ``sprint review`` to the ``sprint`` family."""
    review = sub.add_parser("review", help="accept, reject or carry over an item of the active sprint")
    review.add_argument("item")
    verdict = review.add_mutually_exclusive_group(required=True)
    for name, help_text in (
        ("accept", "accept it: it is done"),
        ("reject", "reject it: it goes back to the backlog at the close"),
        ("carry-over", "carry it over: it is not finished"),
    ):
        verdict.add_argument(
            f"--{name}", dest="outcome", action="store_const", const=name.replace("-", "_"), help=help_text
        )
    review.add_argument(
        "--unmet", type=int, action="append", default=[], metavar="N", help="acceptance criterion N not met"
    )
    review.add_argument("--met", type=int, action="append", default=[], metavar="N", help="acceptance criterion N met")
    review.add_argument(
        "--done", action="append", metavar="N|all", help="Definition of Done entry N met (or all of them)"
    )
    review.add_argument("--reason", default="", help="why it is rejected")
    review.add_argument("--override", default="", help="why it is accepted although it misses the Definition of Done")
    review.add_argument("--yes", action="store_true", help="accept it although its status is not done")
    review.set_defaults(func=review_one)


def _done_entries(values: list[str] | None, count: int) -> list[int] | None:
    if values is None:
        return None
    if "all" in values:
        return list(range(1, count + 1))
    try:
        return [int(v) for v in values]
    except ValueError:
        raise ValidationError("--done takes the number of a Definition of Done entry, or all.") from None


def review_one(ws: Workspace, args: argparse.Namespace) -> int:
    """Decide one item's outcome at the review."""
    verdict = Verdict(
        _OUTCOMES[args.outcome],
        unmet=args.unmet,
        met=args.met,
        done=_done_entries(args.done, len(ws.settings.definition_of_done)),
        reason=args.reason,
        override=args.override,
        not_done_ok=args.yes,
    )
    try:
        sprint, item = review_item(ws, args.item, verdict)
    except NotDoneError as error:
        raise ValidationError(f"{error} Say so with --yes.") from None
    except MissesDoneError as error:
        entries = "; ".join(f"{n}. {e}" for n, e in enumerate(ws.settings.definition_of_done, start=1))
        print(f"The Definition of Done: {visible(entries)}", file=sys.stderr)
        raise ValidationError(
            f"{error} Tick what is met with --done N (or --done all), or accept it anyway with --override REASON."
        ) from None
    print(visible(f"{item.id} {sprint.outcomes[item.id]} at the review of sprint {sprint.number}: {item.title}"))
    return 0
