"""Check 01 (strategy): priority matrix of business areas and the account audit; pure functions.

Model (reference: Bitkom 10-point check, point 1, "Strategie erarbeiten"):

- Each business area (the shared ``Area`` vocabulary) is rated for value and feasibility,
  each on 1-5. A rating counts as *high* when it is 4 or 5 (``HIGH``); the quadrant lines
  of the chart lie at 3.5. The quadrants are:

  - ``quick_win``: high value and high feasibility (start here);
  - ``strategic_bet``: high value, feasibility 1-3 (worth building the capabilities);
  - ``fill_in``: value 1-3, high feasibility (easy, take along when it costs little);
  - ``leave_alone``: value 1-3 and feasibility 1-3.

- Priority = value x feasibility (1-25). The prioritized list is ordered by quadrant
  (quick wins, strategic bets, fill-ins, leave alone), then priority, then value, then the
  order of the vocabulary. Areas without a rating are listed after it as "not rated".
- The reference date is ``reference_date`` from the answers, else the engagement's
  ``settings.workshop_date``, else today.
- An account is *dormant* when its last post is more than ``dormant_days`` days before
  the reference date: exactly ``dormant_days`` days is not dormant, one day more is.
  An account without a last post date is flagged "date missing" and not counted as active.
- Inventory gaps: an account without an owner, or without a purpose. Accounts to keep
  (or not yet decided) without any KPI are flagged too.

Score (100 points):

- areas rated, 20: 20 x rated areas / 6;
- priority set, 15: at least one area of high value, and not every rated area of high
  value (a strategy that rates everything high sets no priority);
- beyond PR and marketing, 15: at least one area other than PR and marketing/sales has
  high value (Bitkom: look at HR, customer service and product development too);
- owners, 15: 15 x accounts with an owner / accounts;
- purposes, 10: 10 x accounts with a purpose / accounts;
- active or closing, 15: 15 x accounts that are active (not dormant, date known) or are
  to be closed / accounts;
- decisions, 5: 5 x accounts with a keep-or-close decision / accounts;
- KPIs, 5: 5 x accounts to keep or undecided that have at least one KPI / those accounts
  (full points when every account is to be closed).

Without accounts the five inventory criteria score 0; without ratings the three area
criteria score 0.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from smtoolkit.catalogues import AREAS
from smtoolkit.checks.base import Criterion, Recommendation, Result
from smtoolkit.checks.strategy.model import Account, AreaRating, StrategyAnswers
from smtoolkit.messages import Date, Message, Term

__all__ = [
    "AREA_OWNERS",
    "BEYOND_MARKETING",
    "HIGH",
    "QUADRANTS",
    "AccountStatus",
    "AreaPriority",
    "Quadrant",
    "StrategyDetails",
    "analyse",
    "audit_accounts",
    "days_since",
    "is_dormant",
    "prioritize",
    "quadrant",
    "reference_date",
]

Quadrant = Literal["quick_win", "strategic_bet", "fill_in", "leave_alone"]

#: The quadrants in the order the prioritized list uses.
QUADRANTS: tuple[Quadrant, ...] = ("quick_win", "strategic_bet", "fill_in", "leave_alone")

#: A value or feasibility of at least this is "high"; the chart's quadrant lines lie at HIGH - 0.5.
HIGH = 4

#: The role that usually leads the social media work of each business area.
AREA_OWNERS: dict[str, str] = {
    "pr": "communications",
    "marketing_sales": "marketing_lead",
    "hr_recruiting": "hr",
    "customer_service": "customer_service",
    "product_development": "product",
    "internal_communication": "communications",
}

#: Areas beyond PR and marketing (Bitkom: look at HR, service and product development too).
BEYOND_MARKETING: tuple[str, ...] = tuple(a for a in AREAS if a not in {"pr", "marketing_sales"})


def quadrant(value: int, feasibility: int) -> Quadrant:
    """The quadrant of a rating: high means 4 or 5 on the 1-5 scale."""
    if value >= HIGH:
        return "quick_win" if feasibility >= HIGH else "strategic_bet"
    return "fill_in" if feasibility >= HIGH else "leave_alone"


@dataclass(frozen=True)
class AreaPriority:
    """One rated business area with its quadrant."""

    area: str
    value: int
    feasibility: int
    note: str

    @property
    def quadrant(self) -> Quadrant:
        """The quadrant of this area's rating."""
        return quadrant(self.value, self.feasibility)

    @property
    def priority(self) -> int:
        """Value x feasibility, 1-25."""
        return self.value * self.feasibility


def prioritize(areas: list[AreaRating]) -> list[AreaPriority]:
    """The rated areas ordered by quadrant, then priority, then value, then vocabulary order."""
    rated = [AreaPriority(r.area, r.value, r.feasibility, r.note) for r in areas]
    return sorted(
        rated,
        key=lambda p: (QUADRANTS.index(p.quadrant), -p.priority, -p.value, AREAS.index(p.area)),
    )


def reference_date(answers: StrategyAnswers, engagement: Any = None) -> dt.date:
    """The day the inventory is judged on: the answer, else the workshop date, else today."""
    if answers.reference_date is not None:
        return answers.reference_date
    settings = getattr(engagement, "settings", None)
    workshop = getattr(settings, "workshop_date", None)
    if isinstance(workshop, dt.date):
        return workshop
    return dt.date.today()


def days_since(last_post: dt.date | None, reference: dt.date) -> int | None:
    """Whole days from the last post to the reference date; None without a date."""
    if last_post is None:
        return None
    return (reference - last_post).days


def is_dormant(last_post: dt.date | None, reference: dt.date, dormant_days: int) -> bool:
    """True when the last post lies more than ``dormant_days`` days before ``reference``."""
    days = days_since(last_post, reference)
    return days is not None and days > dormant_days


@dataclass(frozen=True)
class AccountStatus:
    """One account of the inventory with its audit flags."""

    account: Account
    days_since_post: int | None
    dormant: bool

    @property
    def date_missing(self) -> bool:
        """No last post date is recorded."""
        return self.account.last_post is None

    @property
    def no_owner(self) -> bool:
        """No role is responsible for the account."""
        return self.account.owner is None

    @property
    def no_purpose(self) -> bool:
        """No purpose is written down for the account."""
        return not self.account.purpose

    @property
    def no_kpis(self) -> bool:
        """The account is to be kept (or undecided) but has no KPI."""
        return self.account.keep != "close" and not self.account.kpis

    @property
    def unverified(self) -> bool:
        """The account stays (or is undecided) and is not verified."""
        return self.account.keep != "close" and not self.account.verified

    @property
    def active(self) -> bool:
        """Posted within the threshold (a known date that is not dormant)."""
        return not self.date_missing and not self.dormant

    @property
    def gap(self) -> bool:
        """An inventory gap: no owner or no purpose."""
        return self.no_owner or self.no_purpose

    @property
    def flags(self) -> tuple[str, ...]:
        """The ids of the flags that apply, in a fixed order."""
        checks = (
            ("dormant", self.dormant),
            ("date_missing", self.date_missing),
            ("no_owner", self.no_owner),
            ("no_purpose", self.no_purpose),
            ("no_kpis", self.no_kpis),
            ("unverified", self.unverified),
            ("undecided", self.account.keep == "undecided"),
        )
        return tuple(name for name, applies in checks if applies)


def audit_accounts(accounts: list[Account], reference: dt.date, dormant_days: int) -> list[AccountStatus]:
    """Audit each account against the reference date and the dormant threshold."""
    return [
        AccountStatus(
            account=a,
            days_since_post=days_since(a.last_post, reference),
            dormant=is_dormant(a.last_post, reference, dormant_days),
        )
        for a in accounts
    ]


@dataclass(frozen=True)
class StrategyDetails:
    """Everything the strategy page shows besides the score."""

    answers: StrategyAnswers
    reference_date: dt.date
    priorities: tuple[AreaPriority, ...]
    unrated: tuple[str, ...]
    accounts: tuple[AccountStatus, ...]

    def in_quadrant(self, name: Quadrant) -> list[AreaPriority]:
        """The rated areas of one quadrant, in priority order."""
        return [p for p in self.priorities if p.quadrant == name]

    @property
    def high_value(self) -> list[AreaPriority]:
        """Quick wins and strategic bets."""
        return [p for p in self.priorities if p.value >= HIGH]

    @property
    def dormant(self) -> list[AccountStatus]:
        """Dormant accounts, longest silence first."""
        return sorted((s for s in self.accounts if s.dormant), key=lambda s: -(s.days_since_post or 0))


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _criteria(d: StrategyDetails) -> tuple[Criterion, ...]:
    total = len(AREAS)
    rated = len(d.priorities)
    high = d.high_value
    priority_set = bool(high) and len(high) < rated
    beyond = [p for p in high if p.area in BEYOND_MARKETING]
    accounts = d.accounts
    n = len(accounts)
    none = Message("strategy.criterion.no_accounts")

    def share_detail(part: int, whole: int) -> Message:
        if not whole:
            return none
        return Message("strategy.criterion.count_of", {"count": part, "total": whole})

    with_owner = sum(1 for s in accounts if not s.no_owner)
    with_purpose = sum(1 for s in accounts if not s.no_purpose)
    fine = sum(1 for s in accounts if s.active or s.account.keep == "close")
    decided = sum(1 for s in accounts if s.account.keep != "undecided")
    kept = [s for s in accounts if s.account.keep != "close"]
    with_kpis = sum(1 for s in kept if s.account.kpis)
    kpi_share = _share(with_kpis, len(kept)) if kept else (1.0 if n else 0.0)
    if priority_set:
        priority_detail = Message("strategy.criterion.high_value", {"count": len(high), "total": rated})
    elif not rated:
        priority_detail = Message("strategy.criterion.not_rated")
    elif not high:
        priority_detail = Message("strategy.criterion.none_high")
    else:
        priority_detail = Message("strategy.criterion.all_high")
    beyond_detail = (
        Message("strategy.criterion.beyond_found", {"area": Term(f"area.{beyond[0].area}")})
        if beyond
        else Message("strategy.criterion.beyond_missing")
    )
    return (
        Criterion(
            Message("strategy.criterion.areas"),
            20 * rated / total,
            20,
            Message("strategy.criterion.count_of", {"count": rated, "total": total}),
        ),
        Criterion(Message("strategy.criterion.priority"), 15.0 if priority_set else 0.0, 15, priority_detail),
        Criterion(Message("strategy.criterion.beyond"), 15.0 if beyond else 0.0, 15, beyond_detail),
        Criterion(
            Message("strategy.criterion.owners"), 15 * _share(with_owner, n), 15, share_detail(with_owner, n)
        ),
        Criterion(
            Message("strategy.criterion.purposes"),
            10 * _share(with_purpose, n),
            10,
            share_detail(with_purpose, n),
        ),
        Criterion(Message("strategy.criterion.active"), 15 * _share(fine, n), 15, share_detail(fine, n)),
        Criterion(
            Message("strategy.criterion.decisions"), 5 * _share(decided, n), 5, share_detail(decided, n)
        ),
        Criterion(
            Message("strategy.criterion.kpis"),
            5 * kpi_share,
            5,
            share_detail(with_kpis, len(kept))
            if kept
            else (Message("strategy.criterion.all_closing") if n else none),
        ),
    )


def _findings(d: StrategyDetails) -> list[Message]:
    found: list[Message] = []
    if not d.priorities:
        found.append(Message("strategy.finding.no_areas"))
    else:
        top = d.priorities[0]
        found.append(
            Message(
                "strategy.finding.top_area",
                {
                    "area": Term(f"area.{top.area}"),
                    "quadrant": Term(f"strategy.quadrant.{top.quadrant}.name"),
                    "value": top.value,
                    "feasibility": top.feasibility,
                    "priority": top.priority,
                },
            )
        )
        found.append(
            Message(
                "strategy.finding.quadrants",
                {
                    "quick": len(d.in_quadrant("quick_win")),
                    "bets": len(d.in_quadrant("strategic_bet")),
                    "fill": len(d.in_quadrant("fill_in")),
                    "leave": len(d.in_quadrant("leave_alone")),
                },
            )
        )
        if d.unrated:
            found.append(Message("strategy.finding.unrated", {"count": len(d.unrated), "total": len(AREAS)}))
        if not any(p.area in BEYOND_MARKETING for p in d.high_value):
            found.append(Message("strategy.finding.only_marketing"))
    if not d.accounts:
        found.append(Message("strategy.finding.no_accounts"))
        return found
    n = len(d.accounts)
    dormant = d.dormant
    if dormant:
        longest = dormant[0]
        found.append(
            Message(
                "strategy.finding.dormant",
                {
                    "count": len(dormant),
                    "total": n,
                    "days": d.answers.dormant_days,
                    "network": Term(f"platform.{longest.account.network}"),
                    "handle": longest.account.handle or "–",
                    "idle": longest.days_since_post or 0,
                    "date": Date(d.reference_date),
                },
            )
        )
    else:
        found.append(
            Message(
                "strategy.finding.none_dormant",
                {"total": n, "days": d.answers.dormant_days, "date": Date(d.reference_date)},
            )
        )
    no_owner = sum(1 for s in d.accounts if s.no_owner)
    no_purpose = sum(1 for s in d.accounts if s.no_purpose)
    if no_owner or no_purpose:
        found.append(Message("strategy.finding.gaps", {"owner": no_owner, "purpose": no_purpose, "total": n}))
    missing_dates = sum(1 for s in d.accounts if s.date_missing)
    if missing_dates:
        found.append(Message("strategy.finding.date_missing", {"count": missing_dates}))
    staying = [s for s in d.accounts if s.account.keep != "close"]
    unverified = sum(1 for s in staying if s.unverified)
    if unverified:
        found.append(Message("strategy.finding.unverified", {"count": unverified, "total": len(staying)}))
    return found


def _recommendations(d: StrategyDetails) -> list[Recommendation]:
    recs: list[Recommendation] = []
    if d.unrated:
        recs.append(
            Recommendation(
                Message("strategy.rec.rate_areas", {"count": len(d.unrated)}), 2, 1, "marketing_lead", 2
            )
        )
    quick = d.in_quadrant("quick_win")
    if quick:
        top = quick[0]
        recs.append(
            Recommendation(
                Message("strategy.rec.quick_win", {"area": Term(f"area.{top.area}")}),
                3,
                1,
                AREA_OWNERS[top.area],
                4,
            )
        )
    bets = d.in_quadrant("strategic_bet")
    if bets:
        top = bets[0]
        recs.append(
            Recommendation(
                Message(
                    "strategy.rec.strategic_bet",
                    {"area": Term(f"area.{top.area}"), "feasibility": top.feasibility},
                ),
                3,
                3,
                "management",
                12,
            )
        )
    if d.priorities and not any(p.area in BEYOND_MARKETING for p in d.high_value):
        recs.append(Recommendation(Message("strategy.rec.beyond"), 2, 1, "marketing_lead", 4))
    if d.priorities and d.high_value and len(d.high_value) == len(d.priorities):
        recs.append(Recommendation(Message("strategy.rec.focus"), 3, 1, "management", 2))
    if not d.accounts:
        recs.append(Recommendation(Message("strategy.rec.inventory"), 2, 1, "social_media_manager", 2))
        return recs
    revive = [s for s in d.dormant if s.account.keep != "close"]
    if revive:
        recs.append(
            Recommendation(
                Message("strategy.rec.dormant", {"count": len(revive), "days": d.answers.dormant_days}),
                2,
                1,
                "social_media_manager",
                4,
            )
        )
    closing = [s for s in d.accounts if s.account.keep == "close"]
    if closing:
        recs.append(
            Recommendation(
                Message("strategy.rec.close", {"count": len(closing)}), 1, 1, "social_media_manager", 4
            )
        )
    no_owner = sum(1 for s in d.accounts if s.no_owner)
    if no_owner:
        recs.append(
            Recommendation(Message("strategy.rec.owner", {"count": no_owner}), 3, 1, "marketing_lead", 2)
        )
    no_purpose = sum(1 for s in d.accounts if s.no_purpose)
    if no_purpose:
        recs.append(
            Recommendation(Message("strategy.rec.purpose", {"count": no_purpose}), 2, 1, "marketing_lead", 4)
        )
    undecided = sum(1 for s in d.accounts if s.account.keep == "undecided")
    if undecided:
        recs.append(
            Recommendation(Message("strategy.rec.decide", {"count": undecided}), 2, 1, "marketing_lead", 4)
        )
    no_kpis = sum(1 for s in d.accounts if s.no_kpis)
    if no_kpis:
        recs.append(
            Recommendation(Message("strategy.rec.kpis", {"count": no_kpis}), 2, 1, "social_media_manager", 6)
        )
    missing_dates = sum(1 for s in d.accounts if s.date_missing)
    if missing_dates:
        recs.append(
            Recommendation(
                Message("strategy.rec.dates", {"count": missing_dates}), 1, 1, "social_media_manager", 2
            )
        )
    unverified = sum(1 for s in d.accounts if s.unverified)
    if unverified:
        recs.append(
            Recommendation(
                Message("strategy.rec.verify", {"count": unverified}), 1, 1, "social_media_manager", 8
            )
        )
    return recs


def analyse(answers: StrategyAnswers, engagement: Any = None) -> Result:
    """Score check 01 and derive its findings and recommendations from the answers."""
    reference = reference_date(answers, engagement)
    rated = {r.area for r in answers.areas}
    details = StrategyDetails(
        answers=answers,
        reference_date=reference,
        priorities=tuple(prioritize(answers.areas)),
        unrated=tuple(a for a in AREAS if a not in rated),
        accounts=tuple(audit_accounts(answers.accounts, reference, answers.dormant_days)),
    )
    return Result(
        check="strategy",
        criteria=_criteria(details),
        findings=tuple(_findings(details)),
        recommendations=tuple(_recommendations(details)),
        details=details,
    )
