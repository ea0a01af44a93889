"""The editorial calendar proposal of check 07 and its CSV export.

For every platform that carries a content pillar:

- **posts per week**: the posting plan of check 04 (all its lines for the platform), else
  the platform's observed frequency in the exports; a platform with neither is left out.
  Week k (0-based) gets ``⌊(k+1)·f + ½⌋ − ⌊k·f + ½⌋`` posts, so 0.5 per week gives a post
  every other week and the total over n weeks is ``⌊n·f + ½⌋``.
- **days**: the platform's weekdays ranked by the median performance index of its posts
  (at least ``min_posts_per_slot`` posts each), then the remaining weekdays Monday to
  Friday, then Saturday and Sunday; a week with n posts uses the first n of them.
- **time**: the platform's best hour (same rule); a platform whose export has no time of
  day takes the best hour over all platforms; without any timed posts 10:00.
- **format** and **pillar** of each post in turn: apportioned to the formats of check 04
  (weighted by their posts per week) and to the pillars that name the platform (weighted
  by their planned share; pillars without a share weigh equally), each post going to the
  one furthest behind its due share.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from smtoolkit.checks.content.metrics import apportion, rank_hours, rank_weekdays
from smtoolkit.checks.content.model import Pillar, PlatformRole

__all__ = [
    "CALENDAR_FILE",
    "CSV_COLUMNS",
    "DEFAULT_HOUR",
    "CalendarEntry",
    "PlatformPlan",
    "calendar_start",
    "plan_calendar",
    "posts_in_week",
    "to_csv",
]

#: The file the build writes next to the check's page.
CALENDAR_FILE = "07-editorial-calendar.csv"
#: The hour used when no post in the data has a time of day.
DEFAULT_HOUR = 10
#: The slot length written as the end time of each calendar event.
SLOT_MINUTES = 30
#: Google Calendar's CSV import columns (support.google.com/calendar/answer/37118), then
#: the same facts as separate columns for planning tools and spreadsheets.
CSV_COLUMNS = (
    "Subject",
    "Start Date",
    "Start Time",
    "End Date",
    "End Time",
    "All Day Event",
    "Description",
    "Location",
    "Private",
    "Date",
    "Time",
    "Platform",
    "Format",
    "Content Pillar",
    "Target Group",
    "Platform Role",
)


@dataclass(frozen=True)
class PlatformPlan:
    """How the calendar schedules one platform, and where each choice came from.

    ``frequency_source``: ``plan`` (check 04) or ``observed`` (the exports);
    ``hour_source``: ``platform``, ``all`` (all platforms with a time of day) or ``default``.
    """

    platform: str
    per_week: float
    frequency_source: str
    weekdays: tuple[int, ...]
    ranked_weekdays: int
    hour: int
    hour_source: str
    formats: tuple[tuple[str, float], ...]
    pillars: tuple[str, ...]
    role: str | None


@dataclass(frozen=True)
class CalendarEntry:
    """One proposed post."""

    when: dt.datetime
    platform: str
    format: str | None
    pillar: str | None
    target_group: str
    role: str | None


def calendar_start(start: dt.date | None, reference: dt.date) -> dt.date:
    """``start`` when given, else the Monday after ``reference`` (a Monday gives the next one)."""
    if start is not None:
        return start
    return reference + dt.timedelta(days=7 - reference.weekday())


def posts_in_week(per_week: float, week: int) -> int:
    """Posts in week ``week`` (0-based): ``⌊(k+1)·f + ½⌋ − ⌊k·f + ½⌋``."""

    def upto(k: int) -> int:
        return math.floor(round(k * per_week, 9) + 0.5)

    return upto(week + 1) - upto(week)


def _weekday_order(ranked: Sequence[int]) -> tuple[int, ...]:
    rest = [d for d in (0, 1, 2, 3, 4, 5, 6) if d not in ranked]
    return (*ranked, *rest)


def _platform_plans(
    frame: pd.DataFrame,
    pillars: Sequence[Pillar],
    roles: Sequence[PlatformRole],
    planned: dict[str, list[tuple[str, float]]],
    observed: dict[str, float],
    min_posts: int,
) -> tuple[list[PlatformPlan], list[str]]:
    carried: dict[str, list[str]] = {}
    for pillar in pillars:
        if not pillar.name:
            continue
        for carrier in pillar.platforms:
            names = carried.setdefault(str(carrier), [])
            if pillar.name not in names:
                names.append(pillar.name)
    role_of: dict[str, str] = {str(r.platform): str(r.role) for r in roles}
    overall = [] if frame.empty else rank_hours(frame, min_posts)
    plans: list[PlatformPlan] = []
    skipped: list[str] = []
    for platform, names in carried.items():
        lines = planned.get(platform, [])
        per_week = sum(w for _, w in lines)
        source = "plan"
        if per_week <= 0:
            per_week, source = observed.get(platform, 0.0), "observed"
        if per_week <= 0:
            skipped.append(platform)
            continue
        days = [s.value for s in rank_weekdays(frame, min_posts, platform)] if not frame.empty else []
        hours = rank_hours(frame, min_posts, platform) if not frame.empty else []
        if hours:
            hour, hour_source = hours[0].value, "platform"
        elif overall:
            hour, hour_source = overall[0].value, "all"
        else:
            hour, hour_source = DEFAULT_HOUR, "default"
        plans.append(
            PlatformPlan(
                platform=platform,
                per_week=per_week,
                frequency_source=source,
                weekdays=_weekday_order(days),
                ranked_weekdays=len(days),
                hour=hour,
                hour_source=hour_source,
                formats=tuple((f, w) for f, w in lines if w > 0),
                pillars=tuple(names),
                role=role_of.get(platform),
            )
        )
    return plans, skipped


def plan_calendar(
    frame: pd.DataFrame,
    pillars: Sequence[Pillar],
    roles: Sequence[PlatformRole],
    planned: dict[str, list[tuple[str, float]]],
    observed: dict[str, float],
    *,
    start: dt.date,
    weeks: int,
    min_posts: int,
) -> tuple[list[CalendarEntry], list[PlatformPlan], list[str]]:
    """Propose the posts of ``weeks`` weeks from ``start``.

    Returns the entries, the per-platform plans and the platforms left out for want of a
    frequency. ``planned``: check 04's lines per platform as (format, posts per week); ``observed``:
    posts per week per platform in the exports; ``frame``: the enriched posts.
    """
    plans, skipped = _platform_plans(frame, pillars, roles, planned, observed, min_posts)
    by_name = {p.name: p for p in pillars}
    entries: list[CalendarEntry] = []
    for plan in plans:
        counts = [posts_in_week(plan.per_week, k) for k in range(weeks)]
        total = sum(counts)
        format_order = apportion([w for _, w in plan.formats], total)
        weights = [by_name[n].share for n in plan.pillars]
        given = [w for w in weights if w is not None]
        pillar_weights = [
            w if w is not None else (sum(given) / len(given) if given else 1.0) for w in weights
        ]
        pillar_order = apportion(pillar_weights, total)
        position = 0
        for week, count in enumerate(counts):
            week_start = start + dt.timedelta(days=7 * week)
            chosen = [plan.weekdays[i % 7] for i in range(count)]
            slots = sorted(
                (
                    (week_start + dt.timedelta(days=(day - week_start.weekday()) % 7), i // 7)
                    for i, day in enumerate(chosen)
                ),
            )
            for day, round_ in slots:
                when = dt.datetime.combine(day, dt.time(min(plan.hour + 2 * round_, 23)))
                pillar_name = plan.pillars[pillar_order[position]] if pillar_order else None
                entries.append(
                    CalendarEntry(
                        when=when,
                        platform=plan.platform,
                        format=plan.formats[format_order[position]][0] if format_order else None,
                        pillar=pillar_name,
                        target_group=by_name[pillar_name].target_group if pillar_name else "",
                        role=plan.role,
                    )
                )
                position += 1
    entries.sort(key=lambda e: (e.when, e.platform))
    return entries, plans, skipped


def _cell(text: str) -> str:
    """Client text for a spreadsheet cell: a leading = + - @ would start a formula (OWASP)."""
    return "'" + text if text[:1] in {"=", "+", "-", "@"} else text


def _us_time(moment: dt.datetime) -> str:
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def to_csv(entries: Sequence[CalendarEntry], language: str, translate: Any) -> str:
    """The calendar as CSV (UTF-8, comma, CRLF, header row ``CSV_COLUMNS``).

    ``translate(key, language, **params)`` supplies the platform, format and role labels and
    the description text in ``language``.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        end = e.when + dt.timedelta(minutes=SLOT_MINUTES)
        platform = translate(f"platform.{e.platform}", language)
        fmt = translate(f"format.{e.format}", language) if e.format else ""
        role = translate(f"content.choice.role.{e.role}", language) if e.role else ""
        pillar = _cell(e.pillar or "")
        group = _cell(e.target_group)
        description = translate(
            "content.csv.description",
            language,
            format=fmt or "–",
            pillar=pillar or "–",
            group=group or "–",
            role=role or "–",
        )
        writer.writerow(
            [
                translate("content.csv.subject", language, platform=platform, pillar=pillar or "–"),
                e.when.strftime("%m/%d/%Y"),
                _us_time(e.when),
                end.strftime("%m/%d/%Y"),
                _us_time(end),
                "False",
                description,
                platform,
                "False",
                e.when.date().isoformat(),
                e.when.strftime("%H:%M"),
                platform,
                fmt,
                pillar,
                group,
                role,
            ]
        )
    return buffer.getvalue()
