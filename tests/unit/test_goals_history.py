"""Check 02's history hook reads the client's exports into monthly KPI series (figures by hand)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from smtoolkit.checks.goals.history import historical_series
from smtoolkit.engagement import load_engagement
from tests.conftest import MINIMAL

META_HEADER = (
    '"Post ID","Page ID","Page name","Title","Description","Duration (sec)","Publish time","Caption type",'
    '"Permalink","Is crosspost","Is share","Post type","Languages","Custom labels","Funded content status",'
    '"Data comment","Date","Impressions","Reach","Reactions, comments and shares","Reactions","Comments",'
    '"Shares","Total clicks","Link clicks","Other clicks","3-second video views"'
)


def post(
    number: int,
    when: str,
    impressions: int,
    reach: int,
    reactions: int,
    comments: int,
    shares: int,
    clicks: int,
) -> str:
    """One Meta Business Suite post row (English headers, US dates)."""
    return (
        f'"1_{number}","1","Muster GmbH","","Post {number}","","{when}","","","No","No","Photos","de","","","",'
        f'"Lifetime","{impressions}","{reach}","{reactions + comments + shares}","{reactions}","{comments}",'
        f'"{shares}","{clicks}","{clicks}","0",""'
    )


@pytest.fixture
def engagement_with_data(make_engagement: Callable[..., Path]) -> object:
    """An engagement with a Facebook post export and a Facebook follows export."""
    folder = make_engagement()
    data = folder / "data"
    data.mkdir()
    rows = [
        META_HEADER,
        post(1, "01/01/2026 00:30", 2000, 1000, 40, 5, 5, 20),
        post(2, "02/10/2026 12:00", 4000, 2000, 60, 10, 10, 40),
        post(3, "03/31/2026 20:00", 6000, 3000, 100, 10, 10, 30),
    ]
    (data / "facebook_posts.csv").write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    follows = ["sep=,", '"Facebook follows"', '"Date","Primary"']
    day = dt.date(2026, 1, 1)
    while day <= dt.date(2026, 4, 1):
        gain = {1: 1, 2: 2, 3: 3, 4: 5}[day.month]
        follows.append(f'"{day.isoformat()}T00:00:00","{gain}"')
        day += dt.timedelta(days=1)
    (data / "facebook_follows.csv").write_text("\n".join(follows) + "\n", encoding="utf-16")
    return load_engagement(folder)


def values(series: object) -> dict[str, float]:
    """A monthly series as {'2026-01': value}."""
    assert series is not None
    return {str(k): round(float(v), 6) for k, v in series.items()}  # type: ignore[attr-defined]


def test_monthly_totals_of_reach(engagement_with_data: object) -> None:
    """Reach per complete month: 1,000 / 2,000 / 3,000."""
    series = historical_series(engagement_with_data, "reach", "facebook")
    assert values(series) == {"2026-01": 1000, "2026-02": 2000, "2026-03": 3000}


def test_engagement_rate_and_ctr_in_percent(engagement_with_data: object) -> None:
    """Engagement rate 50/1,000 = 5 %, 80/2,000 = 4 %, 120/3,000 = 4 %; CTR 1 %, 1 %, 0.5 %."""
    rate = historical_series(engagement_with_data, "engagement_rate", "facebook")
    ctr = historical_series(engagement_with_data, "ctr", None)
    assert values(rate) == {"2026-01": 5.0, "2026-02": 4.0, "2026-03": 4.0}
    assert values(ctr) == {"2026-01": 1.0, "2026-02": 1.0, "2026-03": 0.5}


def test_follower_levels_are_rebuilt_backwards_from_the_baseline(engagement_with_data: object) -> None:
    """With 1,000 followers on 1 April (+5 that day): March ends at 995, February at 902, January at 846; April is partial."""
    series = historical_series(engagement_with_data, "followers", "facebook", baseline=1000)
    assert values(series) == {"2026-01": 846, "2026-02": 902, "2026-03": 995}


def test_follower_gains_without_a_baseline_give_no_history(engagement_with_data: object) -> None:
    """Daily gains alone do not say the level, so without a baseline there is no series."""
    assert historical_series(engagement_with_data, "followers", "facebook") is None


def test_kpis_outside_platform_exports_and_other_platforms_have_no_history(
    engagement_with_data: object,
) -> None:
    """Leads are not in platform exports, and LinkedIn has no file here."""
    assert historical_series(engagement_with_data, "leads", "facebook") is None
    assert historical_series(engagement_with_data, "reach", "linkedin") is None


def test_demo_goals_are_judged_where_the_exports_allow(root: Path) -> None:
    """On the demo, the LinkedIn follower goal gets a realism verdict from the exports."""
    from smtoolkit.checks.goals import analyse

    engagement = load_engagement(root / "engagements" / "demo")
    result = analyse(engagement.section("goals"), engagement)  # type: ignore[arg-type]
    followers = next(e for e in result.details.evaluations if e.goal.kpi == "followers")
    assert followers.realism.reason is None
    assert followers.realism.historical is not None


def test_engagement_without_data_folder_has_no_history(make_engagement: Callable[..., Path]) -> None:
    """No data/ folder means no history, not an error."""
    engagement = load_engagement(make_engagement(text=MINIMAL))
    assert historical_series(engagement, "reach", None) is None


def test_posts_without_interaction_figures_have_no_engagement_rate(root: Path) -> None:
    """YouTube's export carries no interactions, so its engagement rate is missing, not 0 %."""
    engagement = load_engagement(root / "engagements" / "demo")
    assert historical_series(engagement, "engagement_rate", "youtube") is None
    assert historical_series(engagement, "video_views", "youtube") is not None
