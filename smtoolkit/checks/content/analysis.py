"""Check 07 (content and media mix): what the posts achieve, the pillar plan, the calendar.

Data: the normalized POSTS and FOLLOWERS tables of every platform export in the
engagement's ``data/`` folder (docs/data-formats.md). Reference date: the engagement's
``settings.workshop_date``, else today.

Per post (``interactions`` = reactions + comments + shares + saves; clicks are a separate
KPI, the CTR of check 09):

- engagement rate by reach ``interactions ÷ reach``, by impressions
  ``interactions ÷ impressions``, by followers ``interactions ÷ followers on the post's day``;
- the **headline engagement rate** uses reach where the export has it (Meta), else
  impressions (LinkedIn has no reach), else followers; a post with none of them (YouTube's
  table export has no interactions) has no rate. Every table names the basis it used;
- the performance index ``rate ÷ median rate of the post's platform`` (1.0 = the
  platform's median), so posts of platforms with different rate levels compare;
- Kaushik's rates (Avinash Kaushik, "Best Social Media Metrics: Conversation,
  Amplification, Applause, Economic Value", Occam's Razor, 2011): conversation = comments
  per post, amplification = shares per post, applause = reactions per post; per follower,
  each post's count ÷ followers on its day × 1,000 (per 1,000 followers), averaged.

Followers on a day: the export's totals where it has them; otherwise one count the
consultant read off the platform (``follower_counts``) plus the daily gains of the export
(see :mod:`smtoolkit.checks.content.data`). Without a count, rates by followers are not
computed and the findings name the platforms.

Medians by platform, by platform × format and by pillar. Posting frequency: posts ÷ (days
from the first to the last post of all platforms ÷ 7). Weekday × hour: the median
performance index of the posts with a time of day (exports that give only the day, such as
LinkedIn's and YouTube's, have none; their weekday still counts). A weekday or hour is a
*best slot* when it has at least ``min_posts_per_slot`` posts; best first by median index.

Pillars: a post belongs to the pillar whose keywords its text contains most (distinct
keywords, case ignored; ties go to the pillar listed first); a post matching no keyword is
"unassigned". Consistency across accounts: the handles of check 01's inventory (accounts
not marked "close") are compared once lower-cased and stripped of ``@``, spaces and
punctuation with the handle most accounts share: same, variant (one contains the other)
or different. Check 01's inventory has no display name, bio, link or logo per account;
those four are compared only when the inventory carries fields named ``display_name``,
``bio``, ``link`` and ``logo`` (same value once case and spaces are ignored; links by
host name).

Score (100 points):

- pillar plan, 20: 20 × complete pillars ÷ max(pillars, 3); complete = name, target group,
  at least one platform and one keyword (content strategy practice: three to five pillars);
- platform roles, 15: 15 × platforms in use with a role ÷ platforms in use (in the exports,
  in a pillar or in check 04's plan);
- posts follow the plan, 15: 15 × posts assigned to a pillar ÷ posts;
- measurable engagement, 10: 10 × posts with a headline engagement rate ÷ posts;
- regular posting, 20: 20 × platforms posting regularly ÷ platforms with posts; regular =
  a post within ``active_days`` before the end of the data and, where check 04 plans the
  platform, at least 75 % of its planned posts per week (stories left out: post exports do
  not contain them);
- consistent appearance, 20: 20 × (same + ½ × variant handles) ÷ accounts compared.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlparse

import pandas as pd

from smtoolkit.checks.base import Criterion, Recommendation, Result
from smtoolkit.checks.content import data as content_data
from smtoolkit.checks.content.calendar import (
    CalendarEntry,
    PlatformPlan,
    calendar_start,
    plan_calendar,
)
from smtoolkit.checks.content.metrics import (
    Frequency,
    GroupStats,
    HandleCheck,
    Slot,
    classify_posts,
    enrich_posts,
    group_stats,
    handle_consistency,
    posting_frequency,
    rank_hours,
    rank_weekdays,
    slot_grid,
)
from smtoolkit.checks.content.model import ContentAnswers, Pillar
from smtoolkit.importers import Kind, empty_frame
from smtoolkit.messages import Date, Message, Number, Percent, Term

__all__ = [
    "MIN_PILLARS",
    "PLAN_SHARE",
    "PROFILE_FIELDS",
    "ContentDetails",
    "ProfileCheck",
    "analyse",
    "compare_profiles",
    "follower_counts",
    "planned_frequency",
    "reference_date",
]

#: A pillar plan needs this many complete pillars for full points.
MIN_PILLARS = 3
#: A platform posts regularly when it reaches this share of its planned posts per week.
PLAN_SHARE = 0.75
#: Post formats that platform post exports do not contain.
NOT_EXPORTED = frozenset({"story", "live"})
#: Fields of an account in check 01's inventory needed for the appearance check.
PROFILE_FIELDS = ("display_name", "bio", "link", "logo")
#: A pillar whose actual share of posts differs from its plan by more than this is named.
SHARE_GAP = 0.10
#: A format is compared on a platform when it has at least this many posts with a rate.
MIN_FORMAT_POSTS = 5
#: Too many unassigned posts: the keywords or the pillars need work.
UNASSIGNED_LIMIT = 0.2


def reference_date(engagement: Any) -> dt.date:
    """The workshop date of the engagement, or today when none is recorded."""
    workshop = getattr(getattr(engagement, "settings", None), "workshop_date", None)
    return workshop if isinstance(workshop, dt.date) else dt.date.today()


def follower_counts(answers: ContentAnswers) -> dict[str, tuple[float, dt.date | None]]:
    """The newest follower count per platform (a count without a day is taken as the newest)."""
    best: dict[str, tuple[float, dt.date | None]] = {}
    for row in answers.follower_counts:
        current = best.get(row.platform)
        if current is None or (current[1] is not None and (row.as_of is None or row.as_of > current[1])):
            best[row.platform] = (float(row.followers), row.as_of)
    return best


def planned_frequency(engagement: Any) -> dict[str, list[tuple[str, float]]]:
    """Check 04's posting plan per platform: (format, posts per week) lines."""
    try:
        effort = engagement.section("effort") if engagement is not None else None
    except (KeyError, AttributeError):
        effort = None
    plan: dict[str, list[tuple[str, float]]] = {}
    for line in getattr(effort, "channels", []) or []:
        plan.setdefault(line.platform, []).append((line.format, float(line.posts_per_week)))
    return plan


def _inventory(engagement: Any) -> tuple[list[Any], bool]:
    """Check 01's accounts that are kept or undecided, and whether check 01 is available."""
    try:
        strategy = engagement.section("strategy") if engagement is not None else None
    except (KeyError, AttributeError):
        return [], False
    if strategy is None:
        return [], False
    accounts = [a for a in getattr(strategy, "accounts", []) if getattr(a, "keep", "keep") != "close"]
    return accounts, True


@dataclass(frozen=True)
class ProfileCheck:
    """One profile field (display name, bio, link, logo) compared across accounts.

    ``status`` is ``not_recorded`` when check 01's inventory has no such field; else the
    accounts that miss a value and those that differ from the most common value.
    """

    field: str
    status: str
    reference: str | None = None
    missing: tuple[str, ...] = ()
    different: tuple[str, ...] = ()


def _profile_value(name: str, value: Any) -> str:
    text = " ".join(str(value or "").split()).casefold()
    if name == "link" and text:
        parsed = urlparse(text if "//" in text else f"//{text}")
        host = parsed.hostname or text
        return host.removeprefix("www.")
    return text


def compare_profiles(accounts: list[Any], available: set[str]) -> list[ProfileCheck]:
    """Compare display name, bio, link and logo of ``accounts`` where the inventory has them.

    ``available``: the field names the inventory model has. A bio only needs to be filled
    in (bios differ by platform on purpose); the other fields should agree.
    """
    checks = []
    for name in PROFILE_FIELDS:
        if name not in available:
            checks.append(ProfileCheck(name, "not_recorded"))
            continue
        labels = [f"{a.network}: {a.handle}" for a in accounts]
        values = [_profile_value(name, getattr(a, name, None)) for a in accounts]
        missing = tuple(label for label, v in zip(labels, values, strict=True) if not v)
        present = [v for v in values if v]
        if name == "bio" or not present:
            checks.append(ProfileCheck(name, "checked", None, missing))
            continue
        reference = max(set(present), key=lambda v: (present.count(v), -present.index(v)))
        different = tuple(label for label, v in zip(labels, values, strict=True) if v and v != reference)
        checks.append(ProfileCheck(name, "checked", reference, missing, different))
    return checks


@dataclass(frozen=True)
class ContentDetails:
    """Everything the content page shows besides the score."""

    answers: ContentAnswers
    reference: dt.date
    problems: tuple[str, ...]
    posts: pd.DataFrame
    platforms: tuple[GroupStats, ...]
    formats: tuple[GroupStats, ...]
    pillars: tuple[GroupStats, ...]
    frequency: tuple[Frequency, ...]
    period: tuple[dt.date, dt.date] | None
    planned: dict[str, list[tuple[str, float]]]
    weekdays: tuple[Slot, ...]
    hours: tuple[Slot, ...]
    grid: tuple[pd.DataFrame, pd.DataFrame]
    follower_methods: dict[str, str]
    inventory_available: bool
    handle_reference: str | None
    handles: tuple[HandleCheck, ...]
    profiles: tuple[ProfileCheck, ...]
    calendar: tuple[CalendarEntry, ...]
    calendar_plans: tuple[PlatformPlan, ...]
    calendar_skipped: tuple[str, ...]
    calendar_start: dt.date
    regular: dict[str, bool] = field(default_factory=dict)
    used_platforms: tuple[str, ...] = ()

    @property
    def post_count(self) -> int:
        """All posts in the exports."""
        return len(self.posts)

    @property
    def assigned(self) -> int:
        """Posts assigned to a pillar."""
        return int(self.posts["pillar"].notna().sum()) if len(self.posts) else 0

    @property
    def rated(self) -> int:
        """Posts with a headline engagement rate."""
        return int(self.posts["er"].notna().sum()) if len(self.posts) else 0

    def planned_per_week(self, platform: str) -> float:
        """Posts per week check 04 plans for ``platform``, without formats exports lack."""
        return sum(w for f, w in self.planned.get(platform, []) if f not in NOT_EXPORTED)


def _complete(pillar: Pillar) -> bool:
    return bool(pillar.name and pillar.target_group and pillar.platforms and pillar.keywords)


def _regular(d: ContentDetails) -> dict[str, bool]:
    active_days = d.answers.active_days
    result = {}
    for f in d.frequency:
        planned = d.planned_per_week(f.platform)
        enough = planned <= 0 or f.per_week >= PLAN_SHARE * planned
        result[f.platform] = f.days_since_last < active_days and enough
    return result


def _share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _criteria(d: ContentDetails) -> tuple[Criterion, ...]:
    pillars = d.answers.pillars
    complete = sum(1 for p in pillars if _complete(p))
    roles = {r.platform for r in d.answers.platform_roles}
    used = d.used_platforms
    with_role = sum(1 for p in used if p in roles)
    posts = d.post_count
    regular = sum(1 for ok in d.regular.values() if ok)
    compared = [h for h in d.handles]
    same = sum(1 for h in compared if h.status == "same")
    variant = sum(1 for h in compared if h.status == "variant")
    handle_points = same + 0.5 * variant
    return (
        Criterion(
            Message("content.criterion.pillars"),
            20 * _share(complete, max(len(pillars), MIN_PILLARS)),
            20,
            Message("content.criterion.of", {"part": complete, "whole": len(pillars)}),
        ),
        Criterion(
            Message("content.criterion.roles"),
            15 * _share(with_role, len(used)),
            15,
            Message("content.criterion.of", {"part": with_role, "whole": len(used)}),
        ),
        Criterion(
            Message("content.criterion.assigned"),
            15 * _share(d.assigned, posts) if pillars else 0.0,
            15,
            Message("content.criterion.of", {"part": d.assigned, "whole": posts}),
        ),
        Criterion(
            Message("content.criterion.measurable"),
            10 * _share(d.rated, posts),
            10,
            Message("content.criterion.of", {"part": d.rated, "whole": posts}),
        ),
        Criterion(
            Message("content.criterion.regular"),
            20 * _share(regular, len(d.regular)),
            20,
            Message("content.criterion.of", {"part": regular, "whole": len(d.regular)}),
        ),
        Criterion(
            Message("content.criterion.handles"),
            20 * _share(handle_points, len(compared)),
            20,
            Message("content.criterion.of", {"part": Number(handle_points, 1), "whole": len(compared)}),
        ),
    )


def _platform(p: str) -> Term:
    return Term(f"platform.{p}")


def _rate_findings(d: ContentDetails) -> list[Message]:
    found = []
    for g in d.platforms:
        platform = g.key[0]
        if g.median_er is None:
            found.append(Message("content.finding.no_rate", {"platform": _platform(platform)}))
            continue
        basis = g.bases[0] if len(g.bases) == 1 else "mixed"
        found.append(
            Message(
                f"content.finding.rate.{basis}",
                {
                    "platform": _platform(platform),
                    "rate": Percent(g.median_er, 1),
                    "posts": g.posts,
                    "conversation": Number(g.conversation or 0.0, 1),
                    "amplification": Number(g.amplification or 0.0, 1),
                    "applause": Number(g.applause or 0.0, 1),
                },
            )
        )
    missing = [g.key[0] for g in d.platforms if g.key[0] not in d.follower_methods]
    if missing:
        found.append(
            Message(
                "content.finding.no_followers",
                {"platforms": _join([_platform(p) for p in missing])},
            )
        )
    return found


def _join(items: list[Any]) -> Any:
    joined = items[0]
    for item in items[1:]:
        joined = Message("content.join", {"head": joined, "tail": item})
    return joined


def _format_findings(d: ContentDetails) -> list[Message]:
    found = []
    by_platform: dict[str, list[GroupStats]] = {}
    for g in d.formats:
        if g.key[1] and g.median_er is not None and g.rated >= MIN_FORMAT_POSTS:
            by_platform.setdefault(g.key[0], []).append(g)
    for platform, groups in by_platform.items():
        if len(groups) < 2:
            continue
        ranked = sorted(groups, key=lambda g: -(g.median_er or 0.0))
        best, worst = ranked[0], ranked[-1]
        found.append(
            Message(
                "content.finding.formats",
                {
                    "platform": _platform(platform),
                    "best": Term(f"content.post_format.{best.key[1]}"),
                    "best_rate": Percent(best.median_er or 0.0, 1),
                    "worst": Term(f"content.post_format.{worst.key[1]}"),
                    "worst_rate": Percent(worst.median_er or 0.0, 1),
                },
            )
        )
    return found


def _frequency_findings(d: ContentDetails) -> list[Message]:
    found = []
    if d.period is not None:
        found.append(
            Message(
                "content.finding.period",
                {
                    "posts": d.post_count,
                    "platforms": len(d.frequency),
                    "start": Date(d.period[0]),
                    "end": Date(d.period[1]),
                },
            )
        )
    for f in d.frequency:
        planned = d.planned_per_week(f.platform)
        if f.days_since_last >= d.answers.active_days:
            found.append(
                Message(
                    "content.finding.idle",
                    {"platform": _platform(f.platform), "last": Date(f.last_post), "days": f.days_since_last},
                )
            )
        if planned > 0 and f.per_week < PLAN_SHARE * planned:
            found.append(
                Message(
                    "content.finding.below_plan",
                    {
                        "platform": _platform(f.platform),
                        "observed": Number(f.per_week, 1),
                        "planned": Number(planned, 1),
                    },
                )
            )
    return found


def _slot_findings(d: ContentDetails) -> list[Message]:
    if not d.weekdays and not d.hours:
        return [Message("content.finding.no_slots", {"posts": d.answers.min_posts_per_slot})]
    found = []
    if d.weekdays:
        best = d.weekdays[0]
        found.append(
            Message(
                "content.finding.best_weekday",
                {
                    "day": Term(f"content.weekday.{best.value}"),
                    "index": Number(best.median_index, 2),
                    "posts": best.posts,
                },
            )
        )
    if d.hours:
        best = d.hours[0]
        found.append(
            Message(
                "content.finding.best_hour",
                {"hour": best.value, "index": Number(best.median_index, 2), "posts": best.posts},
            )
        )
    return found


def _pillar_findings(d: ContentDetails) -> list[Message]:
    pillars = d.answers.pillars
    if not pillars:
        return [Message("content.finding.no_pillars")]
    found = []
    incomplete = [p for p in pillars if not _complete(p)]
    for p in incomplete:
        gaps = [
            Term(f"content.gap.{name}")
            for name, ok in (
                ("name", bool(p.name)),
                ("target_group", bool(p.target_group)),
                ("platforms", bool(p.platforms)),
                ("keywords", bool(p.keywords)),
            )
            if not ok
        ]
        found.append(
            Message("content.finding.pillar_incomplete", {"pillar": p.name or "–", "gaps": _join(gaps)})
        )
    if d.post_count:
        unassigned = d.post_count - d.assigned
        found.append(
            Message(
                "content.finding.assigned",
                {
                    "assigned": d.assigned,
                    "posts": d.post_count,
                    "unassigned": unassigned,
                    "share": Percent(_share(unassigned, d.post_count)),
                },
            )
        )
        counts = d.posts["pillar"].value_counts()
        for p in pillars:
            if p.share is None or not p.name:
                continue
            actual = _share(float(counts.get(p.name, 0)), d.post_count)
            if abs(actual - p.share) > SHARE_GAP:
                found.append(
                    Message(
                        "content.finding.pillar_share",
                        {"pillar": p.name, "actual": Percent(actual), "planned": Percent(p.share)},
                    )
                )
    carried = {platform for p in pillars for platform in p.platforms}
    uncovered = [f.platform for f in d.frequency if f.platform not in carried]
    if uncovered:
        found.append(
            Message("content.finding.uncovered", {"platforms": _join([_platform(p) for p in uncovered])})
        )
    return found


def _appearance_findings(d: ContentDetails) -> list[Message]:
    if not d.inventory_available:
        return [Message("content.finding.no_inventory")]
    if not d.handles:
        return [Message("content.finding.no_accounts")]
    found = []
    deviating = [h for h in d.handles if h.status != "same"]
    if deviating:
        found.append(
            Message(
                "content.finding.handles",
                {
                    "reference": d.handle_reference or "–",
                    "same": sum(1 for h in d.handles if h.status == "same"),
                    "whole": len(d.handles),
                    "others": _join(
                        [
                            Message(
                                "content.handle_item",
                                {
                                    "platform": _platform(h.network),
                                    "handle": h.handle or "–",
                                    "status": Term(f"content.handle_status.{h.status}"),
                                },
                            )
                            for h in deviating
                        ]
                    ),
                },
            )
        )
    else:
        found.append(Message("content.finding.handles_same", {"reference": d.handle_reference or "–"}))
    not_recorded = [p.field for p in d.profiles if p.status == "not_recorded"]
    if not_recorded:
        found.append(
            Message(
                "content.finding.profile_fields",
                {"fields": _join([Term(f"content.profile.{f}") for f in not_recorded])},
            )
        )
    for p in d.profiles:
        if p.status != "checked":
            continue
        if p.different:
            found.append(
                Message(
                    "content.finding.profile_differs",
                    {"field": Term(f"content.profile.{p.field}"), "accounts": ", ".join(p.different)},
                )
            )
        if p.missing:
            found.append(
                Message(
                    "content.finding.profile_missing",
                    {"field": Term(f"content.profile.{p.field}"), "accounts": ", ".join(p.missing)},
                )
            )
    return found


def _calendar_findings(d: ContentDetails) -> list[Message]:
    found = []
    if d.calendar:
        found.append(
            Message(
                "content.finding.calendar",
                {
                    "posts": len(d.calendar),
                    "weeks": d.answers.calendar_weeks,
                    "start": Date(d.calendar_start),
                    "platforms": len(d.calendar_plans),
                },
            )
        )
    elif d.answers.pillars:
        found.append(Message("content.finding.no_calendar"))
    if d.calendar_skipped:
        found.append(
            Message(
                "content.finding.calendar_skipped",
                {"platforms": _join([_platform(p) for p in d.calendar_skipped])},
            )
        )
    return found


def _findings(d: ContentDetails) -> list[Message]:
    found: list[Message] = []
    found += [Message("content.finding.data_problem", {"problem": p}) for p in d.problems]
    if not d.post_count:
        found.append(Message("content.finding.no_posts"))
    found += _frequency_findings(d)
    found += _rate_findings(d) if d.post_count else []
    found += _format_findings(d)
    found += _slot_findings(d) if d.post_count else []
    found += _pillar_findings(d)
    found += _appearance_findings(d)
    found += _calendar_findings(d)
    return found


def _recommendations(d: ContentDetails) -> list[Recommendation]:
    recs: list[Recommendation] = []
    pillars = d.answers.pillars
    if not pillars:
        recs.append(Recommendation(Message("content.rec.pillars"), 3, 2, "marketing_lead", 4))
    elif any(not _complete(p) for p in pillars) or len(pillars) < MIN_PILLARS:
        recs.append(Recommendation(Message("content.rec.complete_pillars"), 2, 1, "marketing_lead", 2))
    if pillars and d.post_count and _share(d.post_count - d.assigned, d.post_count) > UNASSIGNED_LIMIT:
        recs.append(Recommendation(Message("content.rec.keywords"), 2, 1, "social_media_manager", 2))
    roles = {r.platform for r in d.answers.platform_roles}
    missing_roles = [p for p in d.used_platforms if p not in roles]
    if missing_roles:
        recs.append(
            Recommendation(
                Message("content.rec.roles", {"platforms": _join([_platform(p) for p in missing_roles])}),
                2,
                1,
                "marketing_lead",
                2,
            )
        )
    idle = [f.platform for f in d.frequency if not d.regular.get(f.platform, True)]
    if idle:
        recs.append(
            Recommendation(
                Message("content.rec.regular", {"platforms": _join([_platform(p) for p in idle])}),
                3,
                2,
                "social_media_manager",
                4,
            )
        )
    if d.post_count and any(g.key[0] not in d.follower_methods for g in d.platforms):
        recs.append(Recommendation(Message("content.rec.follower_counts"), 1, 1, "social_media_manager", 1))
    if d.calendar:
        recs.append(Recommendation(Message("content.rec.calendar"), 2, 1, "social_media_manager", 1))
    if any(h.status != "same" for h in d.handles):
        recs.append(Recommendation(Message("content.rec.handles"), 2, 1, "marketing_lead", 6))
    if any(p.status == "not_recorded" for p in d.profiles) and d.handles:
        recs.append(Recommendation(Message("content.rec.profiles"), 1, 1, "social_media_manager", 2))
    if _format_findings(d):
        recs.append(Recommendation(Message("content.rec.formats"), 2, 1, "social_media_manager", 4))
    return recs


def _load(
    engagement: Any, posts: pd.DataFrame | None, followers: pd.DataFrame | None
) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    problems: list[str] = []
    if posts is None or followers is None:
        data = content_data.folder_import(engagement)
        problems = content_data.data_problems(data, Kind.POSTS, engagement)
        problems += [
            p for p in content_data.data_problems(data, Kind.FOLLOWERS, engagement) if p not in problems
        ]
        if posts is None:
            posts = data.frame(Kind.POSTS, dated=True) if data is not None else empty_frame(Kind.POSTS)
        if followers is None:
            followers = data.frame(Kind.FOLLOWERS) if data is not None else empty_frame(Kind.FOLLOWERS)
    return posts, followers, problems


def analyse(
    answers: ContentAnswers,
    engagement: Any = None,
    *,
    posts: pd.DataFrame | None = None,
    followers: pd.DataFrame | None = None,
) -> Result:
    """Score check 07 from the exports, the pillar plan and check 01's inventory.

    ``posts`` and ``followers`` replace the engagement's imported tables (for tests).
    """
    reference = reference_date(engagement)
    posts, followers, problems = _load(engagement, posts, followers)
    levels = content_data.follower_levels(followers, follower_counts(answers))
    frame = enrich_posts(posts, levels)
    pillar_keys = [(p.name or f"#{i}", p.keywords) for i, p in enumerate(answers.pillars, start=1)]
    frame["pillar"] = pd.Series(
        classify_posts(list(frame["text"]), pillar_keys), index=frame.index, dtype="object"
    )
    frequency, start, end = posting_frequency(frame)
    planned = planned_frequency(engagement)
    accounts, inventory = _inventory(engagement)
    reference_handle, handles = handle_consistency(accounts) if accounts else (None, [])
    available = (
        set(type(accounts[0]).model_fields)
        if accounts and hasattr(type(accounts[0]), "model_fields")
        else set()
    )
    profiles = compare_profiles(accounts, available) if accounts else []
    begin = calendar_start(answers.calendar_start, reference)
    observed = {f.platform: f.per_week for f in frequency}
    entries, plans, skipped = plan_calendar(
        frame,
        answers.pillars,
        answers.platform_roles,
        planned,
        observed,
        start=begin,
        weeks=answers.calendar_weeks,
        min_posts=answers.min_posts_per_slot,
    )
    used = sorted(
        set(frame["platform"].astype(str))
        | {p for pillar in answers.pillars for p in pillar.platforms}
        | set(planned)
    )
    details = ContentDetails(
        answers=answers,
        reference=reference,
        problems=tuple(problems),
        posts=frame,
        platforms=tuple(group_stats(frame, ["platform"])),
        formats=tuple(group_stats(frame, ["platform", "format"])),
        pillars=tuple(group_stats(frame.assign(pillar=frame["pillar"].fillna("")), ["pillar"])),
        frequency=tuple(frequency),
        period=(start, end) if start is not None and end is not None else None,
        planned=planned,
        weekdays=tuple(rank_weekdays(frame, answers.min_posts_per_slot)) if len(frame) else (),
        hours=tuple(rank_hours(frame, answers.min_posts_per_slot)) if len(frame) else (),
        grid=slot_grid(frame) if len(frame) else (pd.DataFrame(), pd.DataFrame()),
        follower_methods={p: lv.method for p, lv in levels.items()},
        inventory_available=inventory,
        handle_reference=reference_handle,
        handles=tuple(handles),
        profiles=tuple(profiles),
        calendar=tuple(entries),
        calendar_plans=tuple(plans),
        calendar_skipped=tuple(skipped),
        calendar_start=begin,
        used_platforms=tuple(used),
    )
    details = replace(details, regular=_regular(details))
    return Result(
        check="content",
        criteria=_criteria(details),
        findings=tuple(_findings(details)),
        recommendations=tuple(_recommendations(details)),
        details=details,
    )
