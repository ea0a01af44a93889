"""The shitstorm scale of Schwede and Graf (0-6), measured from the daily mentions; pure functions.

Schwede and Graf (2012) describe seven levels by what can be observed. We measure four
signals per day from the client's mentions (check 06 data) and take the highest level
whose every rule holds (each level includes the rules of the levels below):

===== ========================== =====================================================
level Schwede and Graf           rules (per day)
===== ========================== =====================================================
0     calm                       no negative mention
1     isolated criticism         at least 1 negative mention
2     repeated criticism,        at least 3 negative mentions
      weak echo
3     criticism across channels, at least 5 negative mentions, volume at least 2 × the
      first articles             baseline, negative mentions in at least 2 source types,
                                 at least 1 news article
4     protest forms, online      at least 10 negative, volume at least 5 × baseline,
      media report               negative share at least 40 %, news from at least 3 outlets
5     campaign, critics are the  at least 25 negative, volume at least 10 × baseline,
      majority                   negative share at least 50 %, news from at least 5
                                 outlets, negative mentions in at least 3 source types
6     storm ("Orkan"): insults,  at least 200 negative, volume at least 50 × baseline,
      threats, all media         negative share at least 75 %, news from at least 15
                                 outlets
===== ========================== =====================================================

The *baseline* is the median daily volume of the 28 days before (at least 1 mention).
The *negative share* is negative ÷ scored mentions of the day; *source types* are the
export's media types (news, social, forum, blog, video, ...); *outlets* are distinct
sources of the type news. Insults and threats (level 6) are not measured: the thresholds
only say the volume fits a storm, the consultant judges the tone.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

__all__ = ["BASELINE_DAYS", "LEVELS", "Rule", "daily_levels", "level_of"]

BASELINE_DAYS = 28


@dataclass(frozen=True)
class Rule:
    """The minimum signals of one level."""

    level: int
    negative: int
    ratio: float = 0.0
    share: float = 0.0
    types: int = 0
    news: int = 0
    outlets: int = 0


LEVELS: tuple[Rule, ...] = (
    Rule(1, negative=1),
    Rule(2, negative=3),
    Rule(3, negative=5, ratio=2.0, types=2, news=1),
    Rule(4, negative=10, ratio=5.0, share=0.4, types=2, news=1, outlets=3),
    Rule(5, negative=25, ratio=10.0, share=0.5, types=3, news=1, outlets=5),
    Rule(6, negative=200, ratio=50.0, share=0.75, types=3, news=1, outlets=15),
)


def level_of(negative: int, ratio: float, share: float, types: int, news: int, outlets: int) -> int:
    """The level of one day's signals (0-6)."""
    level = 0
    for rule in LEVELS:
        if (
            negative >= rule.negative
            and ratio >= rule.ratio
            and share >= rule.share
            and types >= rule.types
            and news >= rule.news
            and outlets >= rule.outlets
        ):
            level = rule.level
        else:
            break
    return level


def daily_levels(signals: pd.DataFrame) -> pd.Series:
    """The level of every day of ``signals``.

    ``signals`` has one row per day (every day of the range) with the columns
    ``mentions``, ``negative``, ``scored``, ``negative_types``, ``news`` and
    ``news_outlets``; the baseline is computed here.
    """
    volume = signals["mentions"].astype(float)
    baseline = (
        volume.shift(1).rolling(BASELINE_DAYS, min_periods=7).median().fillna(volume.expanding().median())
    )
    baseline = baseline.fillna(1.0).clip(lower=1.0)
    ratio = volume / baseline
    scored = signals["scored"].astype(float)
    share = (signals["negative"] / scored.where(scored > 0)).fillna(0.0)
    levels: npt.NDArray[np.int64] = np.zeros(len(signals), dtype=np.int64)
    for rule in LEVELS:
        ok = (
            (signals["negative"].to_numpy() >= rule.negative)
            & (ratio.to_numpy() >= rule.ratio)
            & (share.to_numpy() >= rule.share)
            & (signals["negative_types"].to_numpy() >= rule.types)
            & (signals["news"].to_numpy() >= rule.news)
            & (signals["news_outlets"].to_numpy() >= rule.outlets)
            & (levels == rule.level - 1)
        )
        levels[ok] = rule.level
    return pd.Series(levels, index=signals.index, name="level")
