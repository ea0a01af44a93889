"""Check 08 (crisis): readiness score, detectors and backtest on check 06's data, current level.

Data: the client's daily mentions from check 06 (:func:`smtoolkit.checks.monitoring.load_mentions`
with the engagement's ``monitoring`` keyword sets), never check 06's page.

**Signals.** Volume = the client's mentions per day. Negative share = negative ÷ scored
mentions per day, only on days with at least ``min_share_mentions`` scored mentions
(other days carry no value). Negative count = negative mentions per day.

**Alert rule** (:func:`smtoolkit.checks.crisis.rule.alerts`, the one rule the page
shows, chosen on labelled real series): on the daily volume, the rule's detectors and
the rule itself over the whole history (the backtest); an *episode* is a run of
consecutive alert days. When the rule alerts within the last 3 days of the data (a live
incident), the page also shows the last 72 hours hour by hour, from the mentions'
timestamps, with the hourly rule.

**Level.** :mod:`smtoolkit.checks.crisis.scale` per day; the current level is the highest
of the last 7 days of the data.

**Readiness score** (100 points), reference date the workshop date (else today):

- escalation chain: documented 20, informal 8, none 0
- contact list: complete 15 (10 when not updated within 12 months or never dated),
  partial 6, none 0
- holding statements: 15 × min(1, scenarios prepared ÷ 3)
- approval time of a statement: up to 1 hour 15, up to 3 hours 10, up to 24 hours 5,
  longer or unknown 0
- after-hours coverage: on-call rota 15, informal 7, none 0
- drills: last drill within 12 months 10, within 24 months 5
- monitoring alerts set up (check 06 answer ``alerts``): 10
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from smtoolkit.checks.base import Criterion, Recommendation, Result
from smtoolkit.checks.crisis import detectors as det
from smtoolkit.checks.crisis.detectors import Detection
from smtoolkit.checks.crisis.model import PLAYBOOK, CrisisAnswers
from smtoolkit.checks.crisis.rule import alerts, combine, detections
from smtoolkit.checks.crisis.scale import daily_levels
from smtoolkit.checks.monitoring import CLIENT, Mentions, MonitoringAnswers, load_mentions
from smtoolkit.errors import DataImportError
from smtoolkit.messages import Date, Message, Number, Percent, Term

__all__ = [
    "CURRENT_DAYS",
    "CrisisDetails",
    "DetectorRun",
    "analyse",
    "backtest",
    "criteria",
    "live_hours",
    "signals",
]

CURRENT_DAYS = 7
LIVE_HOURS = 72


@dataclass(frozen=True)
class DetectorRun:
    """One detector on one signal over the history."""

    signal: str  # volume, share, negative
    detection: det.Detection

    @property
    def key(self) -> str:
        """``<signal>.<detector>``, e.g. ``volume.c2``."""
        return f"{self.signal}.{self.detection.name}"


@dataclass(frozen=True)
class CrisisDetails:
    """Everything the crisis page shows besides the score."""

    answers: CrisisAnswers
    reference: dt.date
    alerts_configured: bool
    client_name: str
    signals: pd.DataFrame | None = None
    runs: tuple[DetectorRun, ...] = ()
    levels: pd.Series | None = None
    hourly: pd.DataFrame | None = None  # last 72 hours of a live incident: mentions, alert
    problem: str | None = None
    mentions: Mentions | None = field(default=None, repr=False)

    @property
    def current_level(self) -> int | None:
        """The highest level of the last 7 days of the data."""
        if self.levels is None or self.levels.empty:
            return None
        return int(self.levels.iloc[-CURRENT_DAYS:].max())

    @property
    def peak(self) -> tuple[dt.date, int] | None:
        """The first day with the highest level of the history, and that level."""
        if self.levels is None or self.levels.empty:
            return None
        day = pd.Timestamp(self.levels.idxmax())  # type: ignore[arg-type]
        return day.date(), int(self.levels.loc[day])


def signals(mentions: Mentions, min_share_mentions: int = 3) -> pd.DataFrame:
    """Per day of the data's range, for the client's mentions.

    Columns: ``mentions``, ``negative``, ``scored``, ``share`` (negative ÷ scored, NaN
    below ``min_share_mentions`` scored mentions), ``negative_types`` (source types with
    a negative mention), ``news`` (news mentions) and ``news_outlets`` (distinct news
    sources).
    """
    table = mentions.table
    first, last = table["day"].min(), table["day"].max()
    index = pd.date_range(first, last, freq="D")
    own = table.loc[table[CLIENT].to_numpy(), ["day", "sentiment", "scored", "source", "source_type"]]
    negative = own[(own["sentiment"] == -1) & own["scored"]]
    news = own[own["source_type"].astype("string") == "news"]
    frame = pd.DataFrame(
        {
            "mentions": own.groupby("day").size(),
            "negative": negative.groupby("day").size(),
            "scored": own.groupby("day")["scored"].sum(),
            "negative_types": negative.groupby("day")["source_type"].nunique(),
            "news": news.groupby("day").size(),
            "news_outlets": news.groupby("day")["source"].nunique(),
        }
    )
    frame = frame.reindex(index).fillna(0).astype(np.int64)
    scored = frame["scored"].astype(float)
    frame["share"] = (frame["negative"] / scored).where(scored >= min_share_mentions)
    return frame


def backtest(frame: pd.DataFrame, answers: CrisisAnswers) -> tuple[DetectorRun, ...]:
    """The alert rule's detectors and the rule itself over the daily volume of ``frame``."""
    volume = frame["mentions"].astype(float)
    g, found = detections(volume, "daily", answers.alert)
    runs = [DetectorRun("volume", detection) for detection in found.values()]
    rule = Detection("alert", np.full(len(g.counts), np.nan), combine(found), answers.alert.threshold)
    runs.append(DetectorRun("volume", rule))
    return tuple(runs)


def live_hours(
    mentions: Mentions, answers: CrisisAnswers, daily_alert: npt.NDArray[np.bool_]
) -> pd.DataFrame | None:
    """The client's mentions per hour over the last 72 hours, with the hourly rule, during a live incident.

    Live: the daily rule alerts on one of the last 3 days of the data. None otherwise, or
    when the mentions carry no time of day.
    """
    if not daily_alert[-(LIVE_HOURS // 24) :].any():
        return None
    raw = mentions.raw
    if "published_at" not in raw or len(raw) != len(mentions.table):
        return None
    stamps = pd.to_datetime(raw["published_at"], errors="coerce")
    if getattr(stamps.dt, "tz", None) is not None:
        stamps = stamps.dt.tz_localize(None)
    stamps = stamps[mentions.table[CLIENT].to_numpy()].dropna()
    if stamps.empty or (stamps.dt.floor("D") == stamps).all():
        return None  # dates only: no hours to show
    hours = stamps.dt.floor("h").value_counts().sort_index()
    end = mentions.table["day"].max() + pd.Timedelta(hours=23)
    index = pd.date_range(hours.index.min(), end, freq="h")
    counts = hours.reindex(index, fill_value=0).astype(float)
    alert = alerts(counts, "hourly", answers.alert)
    return pd.DataFrame({"mentions": counts, "alert": alert}).iloc[-LIVE_HOURS:]


def _reference(engagement: Any) -> dt.date:
    workshop = getattr(getattr(engagement, "settings", None), "workshop_date", None)
    return workshop if isinstance(workshop, dt.date) else dt.date.today()


def _monitoring_answers(engagement: Any) -> MonitoringAnswers:
    section = getattr(engagement, "sections", {}).get("monitoring")
    return section if isinstance(section, MonitoringAnswers) else MonitoringAnswers()


def _details(answers: CrisisAnswers, engagement: Any) -> CrisisDetails:
    monitoring = _monitoring_answers(engagement)
    base = CrisisDetails(
        answers=answers,
        reference=_reference(engagement),
        alerts_configured=monitoring.alerts,
        client_name=monitoring.brand.strip() or engagement.client.name,
    )
    try:
        mentions = load_mentions(engagement, monitoring)
    except DataImportError as err:
        return replace(base, problem=str(err))
    if mentions is None or mentions.table.empty or not mentions.table[CLIENT].any():
        return base
    frame = signals(mentions, answers.min_share_mentions)
    runs = backtest(frame, answers)
    return replace(
        base,
        signals=frame,
        runs=runs,
        hourly=live_hours(mentions, answers, runs[-1].detection.alarm),
        levels=daily_levels(frame),
        mentions=mentions,
        problem=mentions.problems[0] if mentions.problems else None,
    )


def _months_since(day: dt.date | None, reference: dt.date) -> float | None:
    if day is None:
        return None
    return (reference - day).days / (365.2425 / 12)


def criteria(d: CrisisDetails) -> tuple[Criterion, ...]:
    """The readiness criteria (see the module docstring)."""
    a = d.answers
    chain = {"documented": 20.0, "informal": 8.0, "none": 0.0}[a.escalation_chain]
    age = _months_since(a.contacts_updated, d.reference)
    if a.contacts == "complete":
        contacts = 15.0 if age is not None and age <= 12 else 10.0
    else:
        contacts = {"partial": 6.0, "none": 0.0}[a.contacts]
    statements = 15 * min(1.0, len(set(a.holding_statements)) / 3)
    hours = a.approval_hours
    approval = (
        0.0 if hours is None else 15.0 if hours <= 1 else 10.0 if hours <= 3 else 5.0 if hours <= 24 else 0.0
    )
    after = {"rota": 15.0, "informal": 7.0, "none": 0.0}[a.after_hours]
    drill_age = _months_since(a.last_drill, d.reference)
    drill = 0.0 if drill_age is None else 10.0 if drill_age <= 12 else 5.0 if drill_age <= 24 else 0.0
    alerts = 10.0 if d.alerts_configured else 0.0

    def c(key: str, points: float, most: float, detail: Message | None = None) -> Criterion:
        return Criterion(Message(f"crisis.criterion.{key}"), points, most, detail)

    return (
        c(
            "chain",
            chain,
            20,
            Message(
                "crisis.criterion.value",
                {"value": Term(f"crisis.choice.escalation_chain.{a.escalation_chain}")},
            ),
        ),
        c(
            "contacts",
            contacts,
            15,
            Message("crisis.criterion.value", {"value": Term(f"crisis.choice.contacts.{a.contacts}")}),
        ),
        c(
            "statements",
            statements,
            15,
            Message("crisis.criterion.scenarios", {"count": Number(len(set(a.holding_statements)))}),
        ),
        c(
            "approval",
            approval,
            15,
            Message("crisis.criterion.hours", {"hours": Number(hours, 1)})
            if hours is not None
            else Message("crisis.criterion.unknown"),
        ),
        c(
            "after_hours",
            after,
            15,
            Message("crisis.criterion.value", {"value": Term(f"crisis.choice.after_hours.{a.after_hours}")}),
        ),
        c(
            "drill",
            drill,
            10,
            Message("crisis.criterion.date", {"date": Date(a.last_drill)})
            if a.last_drill
            else Message("crisis.criterion.never"),
        ),
        c(
            "alerts",
            alerts,
            10,
            Message("crisis.criterion.yes" if d.alerts_configured else "crisis.criterion.no"),
        ),
    )


def _findings(d: CrisisDetails) -> list[Message]:
    found: list[Message] = []
    if d.problem:
        found.append(Message("crisis.finding.problem", {"problem": d.problem}))
    if d.signals is None or d.levels is None:
        found.append(Message("crisis.finding.no_data"))
    else:
        level = d.current_level or 0
        last = d.signals.index[-1].date()
        found.append(
            Message(
                "crisis.finding.current",
                {"level": Number(level), "name": Term(f"crisis.level.{level}"), "date": Date(last)},
            )
        )
        peak = d.peak
        if peak is not None and peak[1] > 0:
            found.append(
                Message(
                    "crisis.finding.peak",
                    {
                        "level": Number(peak[1]),
                        "name": Term(f"crisis.level.{peak[1]}"),
                        "date": Date(peak[0]),
                    },
                )
            )
        volume_runs = [r for r in d.runs if r.signal == "volume"]
        if peak is not None and peak[1] >= 3:
            day = pd.Timestamp(peak[0])
            position = int(d.signals.index.get_indexer(pd.DatetimeIndex([day]))[0])
            found_by = [
                r for r in d.runs if bool(r.detection.alarm[max(0, position - 2) : position + 3].any())
            ]
            found.append(
                Message(
                    "crisis.finding.detected", {"count": Number(len(found_by)), "total": Number(len(d.runs))}
                )
            )
        rule = volume_runs[-1]
        found.append(
            Message(
                "crisis.finding.episodes",
                {
                    "days": Number(len(d.signals)),
                    "count": Number(len(det.alarm_runs(rule.detection.alarm))),
                },
            )
        )
    score_parts = criteria(d)
    missing = [c for c in score_parts if c.points < c.max_points]
    if missing:
        found.append(Message("crisis.finding.gaps", {"count": Number(len(missing))}))
    done = len(set(d.answers.playbook))
    found.append(
        Message(
            "crisis.finding.playbook",
            {"done": Number(done), "total": Number(len(PLAYBOOK)), "share": Percent(done / len(PLAYBOOK))},
        )
    )
    return found


def _recommendations(d: CrisisDetails) -> list[Recommendation]:
    a = d.answers
    recs: list[Recommendation] = []
    if a.escalation_chain != "documented":
        recs.append(Recommendation(Message("crisis.rec.chain"), 3, 1, "communications", 2))
    if a.contacts != "complete":
        recs.append(Recommendation(Message("crisis.rec.contacts"), 3, 1, "communications", 1))
    if len(set(a.holding_statements)) < 3:
        recs.append(Recommendation(Message("crisis.rec.statements"), 3, 2, "communications", 4))
    if a.approval_hours is None or a.approval_hours > 1:
        recs.append(Recommendation(Message("crisis.rec.approval"), 3, 2, "management", 4))
    if a.after_hours != "rota":
        recs.append(Recommendation(Message("crisis.rec.after_hours"), 2, 2, "management", 8))
    drill_age = _months_since(a.last_drill, d.reference)
    if drill_age is None or drill_age > 12:
        recs.append(Recommendation(Message("crisis.rec.drill"), 2, 2, "communications", 12))
    if not d.alerts_configured:
        recs.append(Recommendation(Message("crisis.rec.alerts"), 3, 1, "social_media_manager", 1))
    if d.signals is None:
        recs.append(Recommendation(Message("crisis.rec.data"), 2, 1, "social_media_manager", 2))
    if (d.current_level or 0) >= 3:
        recs.append(Recommendation(Message("crisis.rec.respond"), 3, 2, "communications", 0))
    return recs


def analyse(answers: CrisisAnswers, engagement: Any) -> Result:
    """Check 08: readiness score, detectors and backtest, current level."""
    details = _details(answers, engagement)
    return Result(
        check="crisis",
        criteria=criteria(details),
        findings=tuple(_findings(details)),
        recommendations=tuple(_recommendations(details)),
        details=details,
    )
