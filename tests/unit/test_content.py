"""Check 07's post metrics against figures worked out by hand (arithmetic in the comments)."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from smtoolkit.checks.content import (
    classify_posts,
    enrich_posts,
    group_stats,
    handle_consistency,
    posting_frequency,
    rank_hours,
    rank_weekdays,
    slot_grid,
)
from smtoolkit.checks.content.data import complete_months, follower_levels, monthly_engagements
from smtoolkit.importers import Kind, empty_frame

TZ = "Europe/Berlin"
COLUMNS = ("impressions", "reach", "reactions", "comments", "shares", "saves", "clicks", "video_views")


def posts_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    """A POSTS table in the importers' schema from short row dicts (missing numbers: empty)."""
    frame = empty_frame(Kind.POSTS)
    records = []
    for i, row in enumerate(rows):
        record: dict[str, object] = {c: pd.NA for c in frame.columns}
        record.update(post_id=f"p{i}", text=row.get("text", ""), format=row.get("format", "image"))
        record.update({k: v for k, v in row.items() if k not in {"when"}})
        record["published_at"] = pd.Timestamp(str(row["when"]), tz=TZ)
        records.append(record)
    built = pd.DataFrame(records, columns=frame.columns)
    for column in COLUMNS:
        built[column] = pd.array(built[column], dtype="Int64")
    return built


# Facebook (times of day), LinkedIn and YouTube (day only: midnight), March 2026.
# interactions = reactions + comments + shares + saves
# P1 Mon 02.03. 09:30: 40 + 6 + 4 = 50; by reach 50/1000 = 5 %, by impressions 50/2000 = 2.5 %
# P2 Tue 03.03. 14:00: 10 + 3 + 2 = 15; 15/500 = 3 %, 15/1000 = 1.5 %
# P3 Mon 09.03. 09:10: 60 + 10 + 10 = 80; 80/2000 = 4 %, 80/4000 = 2 %
# P4 LinkedIn Wed 04.03.: 20 + 4 + 1 = 25, no reach: 25/1000 = 2.5 % by impressions
# P5 LinkedIn Thu 05.03.: 10 + 2 + 0 = 12; 12/500 = 2.4 %
# P6 YouTube Fri 06.03.: no interactions: no rate
ROWS: list[dict[str, object]] = [
    {"platform": "facebook", "when": "2026-03-02 09:30", "impressions": 2000, "reach": 1000,
     "reactions": 40, "comments": 6, "shares": 4, "text": "Azubi-Tag #Ausbildung"},
    {"platform": "facebook", "when": "2026-03-03 14:00", "format": "video", "impressions": 1000, "reach": 500,
     "reactions": 10, "comments": 3, "shares": 2, "text": "Montagevideo AquaLine"},
    {"platform": "facebook", "when": "2026-03-09 09:10", "impressions": 4000, "reach": 2000,
     "reactions": 60, "comments": 10, "shares": 10, "text": "Ersatzteile bestellen"},
    {"platform": "linkedin", "when": "2026-03-04", "impressions": 1000, "reactions": 20, "comments": 4,
     "shares": 1, "text": "Montage der AquaLine: Ausbildung für Installateure"},
    {"platform": "linkedin", "when": "2026-03-05", "format": "text", "impressions": 500, "reactions": 10,
     "comments": 2, "shares": 0, "text": "Kundenprojekt Ulm"},
    {"platform": "youtube", "when": "2026-03-06", "format": "video", "impressions": 3000,
     "video_views": 300, "text": "Werksrundgang"},
]  # fmt: skip

# Facebook gains: 03.03. +10, 05.03. +20, 09.03. +30, 10.03. +40; cumulative C = 10, 30, 60, 100.
# Count 1,000 on 09.03. (C = 60): level(d) = 1000 + C(d) − 60
# 02.03.: 1000 + 0 − 60 = 940; 03.03.: 1000 + 10 − 60 = 950; 09.03.: 1000; 10.03.: 1040.
FOLLOWS = pd.DataFrame(
    {
        "platform": ["facebook"] * 4,
        "date": pd.to_datetime(["2026-03-03", "2026-03-05", "2026-03-09", "2026-03-10"]),
        "followers": pd.array([None] * 4, dtype="Int64"),
        "new_followers": pd.array([10, 20, 30, 40], dtype="Int64"),
    }
)


@pytest.fixture
def enriched() -> pd.DataFrame:
    """The six hand-made posts with Facebook follower levels from a count of 1,000 on 9 March."""
    levels = follower_levels(FOLLOWS, {"facebook": (1000.0, dt.date(2026, 3, 9))})
    return enrich_posts(posts_frame(ROWS), levels)


def test_follower_levels_trace_a_count_back_with_the_gains() -> None:
    """Level = count + gains up to the day − gains up to the count's day: 940, 950, 970, 1,000, 1,040."""
    level = follower_levels(FOLLOWS, {"facebook": (1000.0, dt.date(2026, 3, 9))})["facebook"]
    assert level.method == "gains"
    days = [dt.date(2026, 3, d) for d in (2, 3, 5, 9, 10, 31)]
    assert [level.on(d) for d in days] == [940, 950, 970, 1000, 1040, 1040]


def test_follower_levels_without_a_day_anchor_at_the_end_of_the_data() -> None:
    """A count without a day is the level on the last day (10.03.): 1,000 − 100 + 10 = 910 on 03.03."""
    level = follower_levels(FOLLOWS, {"facebook": (1000.0, None)})["facebook"]
    assert level.on(dt.date(2026, 3, 10)) == 1000
    assert level.on(dt.date(2026, 3, 3)) == 910


def test_follower_levels_use_totals_and_leave_out_platforms_without_a_count() -> None:
    """Totals are used as they are (last on or before the day); gains without a count give nothing."""
    totals = pd.DataFrame(
        {
            "platform": ["x", "x", "instagram"],
            "date": pd.to_datetime(["2026-03-01", "2026-03-05", "2026-03-01"]),
            "followers": pd.array([500, 520, None], dtype="Int64"),
            "new_followers": pd.array([None, None, 5], dtype="Int64"),
        }
    )
    levels = follower_levels(totals, {"youtube": (640.0, None)})
    assert set(levels) == {"x", "youtube"}
    assert levels["x"].method == "totals"
    assert [levels["x"].on(dt.date(2026, 3, d)) for d in (1, 4, 5, 20)] == [500, 500, 520, 520]
    assert levels["youtube"].method == "count" and levels["youtube"].on(dt.date(2020, 1, 1)) == 640


def test_engagement_rates_by_reach_impressions_and_followers(enriched: pd.DataFrame) -> None:
    """P1: 50/1,000 = 5 %, 50/2,000 = 2.5 %, 50/940 by followers; P3 80/1,000 followers = 8 %."""
    p1, p2, p3 = enriched.iloc[0], enriched.iloc[1], enriched.iloc[2]
    assert p1["interactions"] == 50
    assert (p1["er_reach"], p1["er_impressions"]) == pytest.approx((0.05, 0.025))
    assert p1["followers"] == 940 and p1["er_followers"] == pytest.approx(50 / 940)
    assert p2["er_followers"] == pytest.approx(15 / 950)
    assert p3["er_followers"] == pytest.approx(0.08)


def test_headline_rate_falls_back_from_reach_to_impressions_and_says_so(enriched: pd.DataFrame) -> None:
    """Facebook uses reach; LinkedIn has no reach and uses impressions (2.5 %); YouTube has no rate."""
    assert list(enriched["basis"].fillna("none")) == [
        "reach",
        "reach",
        "reach",
        "impressions",
        "impressions",
        "none",
    ]
    assert enriched["er"].iloc[3] == pytest.approx(0.025)
    assert math.isnan(enriched["er"].iloc[5])
    assert math.isnan(enriched["er_followers"].iloc[3])  # no LinkedIn follower count


def test_kaushik_rates_per_post_and_per_thousand_followers(enriched: pd.DataFrame) -> None:
    """Facebook: comments (6+3+10)/3, shares (4+2+10)/3, reactions (40+10+60)/3; per 1,000 followers."""
    facebook = next(g for g in group_stats(enriched, ["platform"]) if g.key == ("facebook",))
    assert facebook.conversation == pytest.approx(19 / 3)
    assert facebook.amplification == pytest.approx(16 / 3)
    assert facebook.applause == pytest.approx(110 / 3)
    # conversation per 1,000 followers: mean(6/940, 3/950, 10/1000) × 1000 = mean(6.383, 3.158, 10) = 6.514
    assert facebook.conversation_pf == pytest.approx((6000 / 940 + 3000 / 950 + 10) / 3)
    # applause per 1,000 followers: mean(40/940, 10/950, 60/1000) × 1000
    assert facebook.applause_pf == pytest.approx((40000 / 940 + 10000 / 950 + 60) / 3)


def test_medians_by_platform_and_format(enriched: pd.DataFrame) -> None:
    """Facebook median rate of 5 %, 3 %, 4 % is 4 %; LinkedIn of 2.5 % and 2.4 % is 2.45 %."""
    stats = {g.key: g for g in group_stats(enriched, ["platform"])}
    assert stats[("facebook",)].median_er == pytest.approx(0.04)
    assert stats[("facebook",)].bases == ("reach",)
    assert stats[("linkedin",)].median_er == pytest.approx(0.0245)
    assert stats[("linkedin",)].bases == ("impressions",)
    assert stats[("youtube",)].median_er is None and stats[("youtube",)].rated == 0
    formats = {g.key: g for g in group_stats(enriched, ["platform", "format"])}
    assert formats[("facebook", "image")].median_er == pytest.approx(0.045)  # median(5 %, 4 %)
    assert formats[("facebook", "image")].posts == 2


def test_performance_index_divides_by_the_platform_median(enriched: pd.DataFrame) -> None:
    """Facebook: 5/4 = 1.25, 3/4 = 0.75, 4/4 = 1.0; LinkedIn: 2.5/2.45 and 2.4/2.45."""
    assert list(enriched["index"].iloc[:5]) == pytest.approx([1.25, 0.75, 1.0, 2.5 / 2.45, 2.4 / 2.45])


def test_weekday_and_hour_rankings_need_the_minimum_posts(enriched: pd.DataFrame) -> None:
    """Mondays (P1, P3: median of 1.25 and 1.0 = 1.125) are the only weekday with 2 posts; hour 9 leads hour 14."""
    weekdays = rank_weekdays(enriched, 2)
    assert [(s.value, s.median_index, s.posts) for s in weekdays] == [(0, pytest.approx(1.125), 2)]
    hours = rank_hours(enriched, 1)
    assert [(s.value, s.posts) for s in hours] == [(9, 2), (14, 1)]
    assert hours[0].median_index == pytest.approx(1.125) and hours[1].median_index == pytest.approx(0.75)
    assert rank_hours(enriched, 1, "linkedin") == []  # LinkedIn's export has no time of day


def test_weekday_by_hour_grid_counts_only_posts_with_a_time(enriched: pd.DataFrame) -> None:
    """Monday 9:00 holds P1 and P3 (median 1.125), Tuesday 14:00 holds P2 (0.75); LinkedIn is not in it."""
    medians, counts = slot_grid(enriched)
    assert list(medians.columns) == [9, 14]
    assert medians.loc[0, 9] == pytest.approx(1.125) and medians.loc[1, 14] == pytest.approx(0.75)
    assert counts.loc[0, 9] == 2 and int(counts.to_numpy().sum()) == 3


def test_posting_frequency_over_the_whole_period(enriched: pd.DataFrame) -> None:
    """02.03. to 09.03. is 8 days = 8/7 weeks: Facebook 3 ÷ 8/7 = 2.625, LinkedIn 1.75, YouTube 0.875."""
    rows, start, end = posting_frequency(enriched)
    assert (start, end) == (dt.date(2026, 3, 2), dt.date(2026, 3, 9))
    by_platform = {f.platform: f for f in rows}
    assert by_platform["facebook"].per_week == pytest.approx(2.625)
    assert by_platform["linkedin"].per_week == pytest.approx(1.75)
    assert by_platform["youtube"].per_week == pytest.approx(0.875)
    assert by_platform["linkedin"].days_since_last == 4  # last post 05.03.


def test_posts_are_classified_by_the_most_keywords() -> None:
    """Case and hashtags do not matter; more distinct keywords win; a tie goes to the first pillar."""
    pillars = [("Produkt", ["Montage", "AquaLine"]), ("Ausbildung", ["ausbildung", "Azubi"])]
    texts = [
        "Azubi-Tag #Ausbildung",  # Ausbildung: 2 hits
        "Montage der AquaLine: Ausbildung für Installateure",  # Produkt 2, Ausbildung 1
        "Montage mit Azubis",  # 1 : 1, the first pillar wins
        "Kundenprojekt Ulm",  # no keyword
        None,
    ]
    assert classify_posts(texts, pillars) == ["Ausbildung", "Produkt", "Produkt", None, None]


def test_handles_are_compared_with_the_most_common_stem() -> None:
    """hallberg-pumpen, @hallbergpumpen and @Hallberg_Pumpen share a stem; ...GmbH is a variant."""

    class Account:
        def __init__(self, network: str, handle: str) -> None:
            self.network, self.handle = network, handle

    accounts = [
        Account("linkedin", "hallberg-pumpen"),
        Account("instagram", "@hallbergpumpen"),
        Account("x_twitter", "@Hallberg_Pumpen"),
        Account("facebook", "HallbergPumpenGmbH"),
        Account("linkedin", "ThermoFlow by Hallberg"),
        Account("youtube", ""),
    ]
    reference, checks = handle_consistency(accounts)
    assert reference == "hallbergpumpen"
    assert [c.status for c in checks] == ["same", "same", "same", "variant", "different", "missing"]


def test_monthly_engagements_use_complete_months_only() -> None:
    """Posts 01.01.–31.03.: January 50, February 80, March 120; a post on 02.04. opens an incomplete April."""
    rows = [
        {"platform": "facebook", "when": "2026-01-01 10:00", "reactions": 40, "comments": 5, "shares": 5},
        {"platform": "facebook", "when": "2026-02-10 10:00", "reactions": 60, "comments": 10, "shares": 10},
        {"platform": "instagram", "when": "2026-03-31 10:00", "reactions": 100, "comments": 10, "saves": 10},
        {"platform": "facebook", "when": "2026-04-02 10:00", "reactions": 7},
    ]
    totals = monthly_engagements(posts_frame(rows))
    assert {str(k): v for k, v in totals.items()} == {"2026-01": 50, "2026-02": 80, "2026-03": 120}
    days = pd.Series(pd.to_datetime(["2026-01-15", "2026-03-31"]))
    assert [str(m) for m in complete_months(days)] == ["2026-02", "2026-03"]
