"""Share of voice and net sentiment for check 09, taken from check 06 (monitoring).

Check 09 computes neither itself. It reads the mentions check 06 prepared
(``load_mentions``: its keyword sets for the client and the competitors, the export's
sentiment or check 06's lexicon), sums check 06's daily series (``daily``) per calendar
month the mention data covers completely, and applies check 06's public functions:

- mentions = the client's mentions in the month;
- share of voice (percent) = 100 × ``share_of_voice(own mentions, [each competitor's])``;
- net sentiment (points) = 100 × ``net_sentiment(positive, negative, neutral)`` of the
  client's mentions.

The actual value is the latest complete month; the months before it form the trend. When
check 06 is not installed or lacks these functions, share of voice and net sentiment are
reported as "needs check 06" (mentions may then come from a measured value).
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from typing import Any

import pandas as pd

from smtoolkit.checks.content.data import complete_months
from smtoolkit.errors import DataImportError
from smtoolkit.messages import Message, Number, Term

__all__ = ["KPIS", "MONITORING_API", "monitoring_source", "monthly_monitoring"]

#: The KPIs check 06 supplies.
KPIS = ("mentions", "share_of_voice", "net_sentiment")
#: What check 09 needs from check 06's package.
MONITORING_API = ("share_of_voice", "net_sentiment", "load_mentions", "daily", "CLIENT")

Point = tuple[dt.date, float]
#: ``kpi -> (monthly points, detail)`` or the message saying what is missing.
Lookup = Callable[[str], "tuple[list[Point], Message | None] | Message"]


def _check06() -> Any:
    try:
        module = importlib.import_module("smtoolkit.checks.monitoring")
    except ImportError:
        return None
    if not all(hasattr(module, name) for name in MONITORING_API):
        return None
    return module


def _where(kpi: str) -> dict[str, Any]:
    return {"kpi": Term(f"kpi.{kpi}"), "platform": Term("success.all_platforms")}


def _month_end(period: Any) -> dt.date:
    return (period.to_timestamp(how="end")).date()  # type: ignore[no-any-return]


def monthly_monitoring(module: Any, mentions: Any) -> dict[str, list[Point] | Message]:
    """Monthly mentions, share of voice (percent) and net sentiment (points) from check 06."""
    own = module.daily(mentions, module.CLIENT)
    result: dict[str, list[Point] | Message] = {}
    if own.empty:
        return {k: Message("success.missing.no_mentions", _where(k)) for k in KPIS}
    days = pd.Series(pd.to_datetime(own.index))
    months = complete_months(days)
    monthly = own.groupby(pd.DatetimeIndex(own.index).to_period("M")).sum()
    monthly = monthly[monthly.index.isin(months)]
    counts = [(_month_end(period), float(row["mentions"])) for period, row in monthly.iterrows()]
    result["mentions"] = counts or Message("success.missing.no_mentions", _where("mentions"))
    sentiment = []
    for period, row in monthly.iterrows():
        value = module.net_sentiment(float(row["positive"]), float(row["negative"]), float(row["neutral"]))
        if value is not None:
            sentiment.append((_month_end(period), 100 * float(value)))
    result["net_sentiment"] = sentiment or Message("success.missing.no_sentiment", _where("net_sentiment"))
    rivals = [g.column for g in mentions.entities() if getattr(g, "kind", "") == "competitor"]
    if not rivals:
        result["share_of_voice"] = Message("success.missing.no_competitors", _where("share_of_voice"))
        return result
    competitor_months = [
        module.daily(mentions, column)["mentions"].groupby(pd.DatetimeIndex(own.index).to_period("M")).sum()
        for column in rivals
    ]
    share = []
    for period, row in monthly.iterrows():
        value = module.share_of_voice(
            float(row["mentions"]), [float(c.get(period, 0)) for c in competitor_months]
        )
        if value is not None:
            share.append((_month_end(period), 100 * float(value)))
    result["share_of_voice"] = share or Message("success.missing.no_mentions", _where("share_of_voice"))
    return result


def monitoring_source(engagement: Any) -> Lookup | None:
    """A lookup ``kpi -> (monthly points, detail) | missing message`` backed by check 06, or None.

    None when check 06 is not available or does not offer what :data:`MONITORING_API` lists.
    """
    module = _check06()
    if module is None or engagement is None:
        return None
    cache: dict[str, list[Point] | Message] = {}

    def series(kpi: str) -> list[Point] | Message:
        if not cache:
            try:
                mentions = module.load_mentions(engagement)
            except DataImportError as err:
                problem = str(err).splitlines()[0]
                folder = str(getattr(engagement, "folder", "") or "")
                if folder:
                    problem = problem.replace(folder + "/", "")
                for name in KPIS:
                    cache[name] = Message(
                        "success.missing.mentions_unreadable", {**_where(name), "problem": problem}
                    )
            else:
                if mentions is None:
                    for name in KPIS:
                        cache[name] = Message("success.missing.no_mentions", _where(name))
                else:
                    cache.update(monthly_monitoring(module, mentions))
        return cache[kpi]

    def lookup(kpi: str) -> tuple[list[Point], Message | None] | Message:
        found = series(kpi)
        if isinstance(found, Message):
            return found
        return found, Message("success.detail.months", {"months": Number(len(found))})

    return lookup
