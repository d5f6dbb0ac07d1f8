"""``ritual sprint forecast`` and ``ritual sprint capacity``, and the team options of ``sprint start``:
the planning screen's figures from the shell, computed by the same functions."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from typing import Any

from ritual_tui.commands.output import print_json, print_table
from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.capacity import (
    MemberCapacity,
    check_dates,
    check_members,
    default_dates,
    default_members,
    member_days,
    team_capacity,
)
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.plan_input import member_named, parse_days, parse_share
from ritual_tui.domain.rules import format_points, plural, points
from ritual_tui.domain.text import visible
from ritual_tui.services.sprints import last_sprint, sprint_forecast
from ritual_tui.store.workspace import Workspace


def team_options(parser: argparse.ArgumentParser) -> None:
    """--off and --share, for ``start``, ``forecast`` and ``capacity``."""
    parser.add_argument(
        "--off",
        action="append",
        default=[],
        metavar="NAME=DATES",
        help="days a member is away, e.g. 'Jonas=2026-12-01,2026-12-02' or 'Mei=2026-12-07..2026-12-09' (repeat)",
    )
    parser.add_argument(
        "--share",
        action="append",
        default=[],
        metavar="NAME=PERCENT",
        help="a member's availability this sprint, e.g. 'Samir=50' (default: the settings' availability; repeat)",
    )


def members_from(ws: Workspace, args: argparse.Namespace) -> list[MemberCapacity]:
    """The settings' team with the availability and days off given on the command line."""
    members = default_members(ws.settings)
    names = [m.name for m in members]
    by_name = {m.name: m for m in members}
    for option, value in [("--off", v) for v in args.off] + [("--share", v) for v in args.share]:
        name, sep, text = value.partition("=")
        if not sep:
            raise ValidationError(f"{option} {value!r}: write NAME=VALUE, such as 'Jonas=2026-12-01'.")
        member = by_name[member_named(name, names)]
        if option == "--off":
            member.days_off = sorted(set(member.days_off) | set(parse_days(text)))
        else:
            member.availability = parse_share(text)
    return members


def _dates(ws: Workspace, args: argparse.Namespace) -> tuple[date, date]:
    settings, today = ws.settings, clock.today()
    previous = last_sprint(ws)
    start = args.start or default_dates(settings, previous, today)[0]
    end = args.end or start + timedelta(days=settings.sprint_days - 1)
    check_dates(start, end, settings, today, previous if previous is not None and previous.status == "closed" else None)
    return start, end


def _team_rows(members: list[MemberCapacity], start: date, end: date) -> list[dict[str, Any]]:
    return [
        {
            "name": m.name,
            "availability_percent": round(m.availability * 100),
            "days_off": [d.isoformat() for d in m.days_off],
            "person_days": round(member_days(m, start, end), 1),
        }
        for m in members
    ]


def show_capacity(ws: Workspace, args: argparse.Namespace) -> int:
    """Print the team's capacity for a sprint of these dates, member by member."""
    start, end = _dates(ws, args)
    members = members_from(ws, args)
    check_members(members, start, end)
    rows = _team_rows(members, start, end)
    total = team_capacity(members, start, end)
    if args.json:
        print_json({"start": start, "end": end, "capacity_days": total, "members": rows})
        return 0
    print(f"Sprint {start} to {end}: {total:g} person-days")
    table = [
        [r["name"], f"{r['availability_percent']}%", ", ".join(r["days_off"]), f"{r['person_days']:g}"] for r in rows
    ]
    print_table(["MEMBER", "SHARE", "DAYS OFF", "PERSON-DAYS"], table, empty="No team in workspace.toml.")
    return 0


def show_forecast(ws: Workspace, args: argparse.Namespace) -> int:
    """Print capacity, velocity history, P50/P85 and the chance of finishing the items given."""
    start, end = _dates(ws, args)
    members = members_from(ws, args)
    check_members(members, start, end)
    capacity = team_capacity(members, start, end)
    outlook = sprint_forecast(ws, capacity)
    items = [ws.get(BacklogItem, ref) for ref in dict.fromkeys(args.items)]
    total = points(i.estimate for i in items)
    chance = outlook.chance(total) if items else None
    history = [
        {
            "sprint": p.number,
            "committed": p.committed,
            "completed": p.completed,
            "capacity_days": None if p.capacity_days is None else round(p.capacity_days, 1),
            "scaled": round(v, 1),
        }
        for p, v in zip(outlook.history, outlook.scaled, strict=True)
    ]
    if args.json:
        print_json(
            {
                "start": start,
                "end": end,
                "capacity_days": capacity,
                "members": _team_rows(members, start, end),
                "history": history,
                "p50": outlook.p50,
                "p85": outlook.p85,
                "caveat": outlook.caveat,
                "method": outlook.how,
                "items": [i.id for i in items],
                "points": total,
                "chance_percent": None if chance is None else round(chance * 100),
            }
        )
        return 0
    print(f"Sprint {start} to {end}: {capacity:g} person-days")
    rows = [
        [h["sprint"], format_points(h["committed"]), format_points(h["completed"]), h["capacity_days"], h["scaled"]]
        for h in history
    ]
    print_table(["SPRINT", "COMMITTED", "COMPLETED", "PERSON-DAYS", "SCALED"], rows, empty="No closed sprint yet.")
    if outlook.p50 is not None:
        print(f"Forecast: P50 {outlook.p50} points, P85 {outlook.p85} points")
    if outlook.caveat:
        print(visible(outlook.caveat))
    print(visible(outlook.how))
    if items:
        odds = "no history to say" if chance is None else f"{round(chance * 100)}%"
        print(f"{plural(len(items), 'item')}, {format_points(total)} points: chance of finishing {odds}")
    return 0
