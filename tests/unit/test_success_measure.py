"""Check 09's actual values from exports, check 04 costs and measured values, and its score (by hand)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from smtoolkit.checks.success import Measurements, SuccessAnswers, analyse
from smtoolkit.engagement import load_engagement
from smtoolkit.i18n import render
from smtoolkit.messages import Message
from tests.conftest import MINIMAL

META_HEADER = (
    '"Post ID","Page ID","Page name","Title","Description","Duration (sec)","Publish time","Caption type",'
    '"Permalink","Is crosspost","Is share","Post type","Languages","Custom labels","Funded content status",'
    '"Data comment","Date","Impressions","Reach","Reactions, comments and shares","Reactions","Comments",'
    '"Shares","Total clicks","Link clicks","Other clicks","3-second video views"'
)


def meta_post(
    number: int, when: str, impressions: int, reach: int, reactions: int, comments: int, shares: int
) -> str:
    """One Meta Business Suite Facebook post row (English headers, US dates), 10 clicks."""
    return (
        f'"1_{number}","1","Muster GmbH","","Post {number}","","{when}","","","No","No","Photos","de","","","",'
        f'"Lifetime","{impressions}","{reach}","{reactions + comments + shares}","{reactions}","{comments}",'
        f'"{shares}","10","10","0",""'
    )


# Posts: 01.01. 50 interactions / reach 1,000; 10.02. 80 / 2,000; 31.03. 120 / 3,000.
# Follows 01.01.–01.04.: 1 a day in January (31), 2 in February (56), 3 in March (93), 5 on 01.04.
EFFORT = MINIMAL[MINIMAL.index("effort:") :]
# check 04 of MINIMAL (see tests/unit/test_effort.py): 20,894.80 a year, 1,741.2333 a month.
GOALS = """\
goals:
  goals:
    - {name: "Follower", kpi: followers, platform: facebook, baseline: 846, target: 1200, deadline: 2026-12-31}
    - {name: "Leads", kpi: leads, baseline: 10, target: 17, deadline: 2026-12-31}
    - {name: "Antwortzeit halten", kpi: first_response_time, platform: facebook, baseline: 20, target: 20,
       deadline: 2026-12-31}
    - {name: "Share of Voice", kpi: share_of_voice, baseline: 20, target: 30, deadline: 2026-12-31}
    - {name: "Reichweite", kpi: reach, platform: facebook, baseline: 1000, target: 5000, deadline: 2026-03-31}
    - {name: "Ohne Kennzahl"}
"""
SUCCESS = """\
success:
  measured:
    - {kpi: followers, platform: facebook, value: 1000, as_of: 2026-04-01, source: "Seitenstatistik"}
    - {kpi: leads, value: 10, as_of: 2026-01-31, source: CRM}
    - {kpi: leads, value: 10.5, as_of: 2026-02-28, source: CRM}
    - {kpi: leads, value: 11, as_of: 2026-03-31, source: CRM}
    - {kpi: first_response_time, platform: facebook, value: 18, as_of: 2026-04-10}
  attributed_value_per_year: 25000
"""


def engagement_text(*, goals: str = GOALS, success: str = SUCCESS, extra: str = "") -> str:
    """An engagement with a workshop on 15.04.2026, check 04 costs, goals and measured values."""
    head = 'client:\n  name: "Muster GmbH"\nsettings:\n  language: de\n  workshop_date: 2026-04-15\n'
    return head + EFFORT + goals + success + extra


@pytest.fixture
def with_data(make_engagement: Callable[..., Path]) -> Callable[..., object]:
    """A factory: an engagement from ``engagement_text(**kw)`` with the Facebook post and follows exports."""

    def make(**kw: str) -> object:
        folder = make_engagement(text=engagement_text(**kw))
        data = folder / "data"
        data.mkdir()
        rows = [
            META_HEADER,
            meta_post(1, "01/01/2026 00:30", 2000, 1000, 40, 5, 5),
            meta_post(2, "02/10/2026 12:00", 4000, 2000, 60, 10, 10),
            meta_post(3, "03/31/2026 20:00", 6000, 3000, 100, 10, 10),
        ]
        (data / "facebook_posts.csv").write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
        follows = ["sep=,", '"Facebook follows"', '"Date","Primary"']
        day = dt.date(2026, 1, 1)
        while day <= dt.date(2026, 4, 1):
            follows.append(f'"{day.isoformat()}T00:00:00","{ {1: 1, 2: 2, 3: 3, 4: 5}[day.month] }"')
            day += dt.timedelta(days=1)
        (data / "facebook_follows.csv").write_text("\n".join(follows) + "\n", encoding="utf-8-sig")
        return load_engagement(folder)

    return make


def measure(engagement: object) -> Measurements:
    """The measurements of the engagement's check 09 answers on its workshop date."""
    answers = engagement.section("success")  # type: ignore[attr-defined]
    return Measurements(answers, engagement, dt.date(2026, 4, 15))


def test_followers_traced_back_from_a_measured_count(with_data: Callable[..., object]) -> None:
    """1,000 on 01.04. (the last day): 31.03. 1,000 − 5 = 995; 28.02. 995 − 93 = 902; 31.01. 902 − 56 = 846."""
    actual = measure(with_data()).actual("followers", "facebook")
    assert actual.source == "exports" and actual.as_of == dt.date(2026, 3, 31)
    assert actual.series == (
        (dt.date(2026, 1, 31), 846.0),
        (dt.date(2026, 2, 28), 902.0),
        (dt.date(2026, 3, 31), 995.0),
    )


def test_followers_anchor_on_check_07s_count(with_data: Callable[..., object]) -> None:
    """Check 07 counts 1,000 on 31.03.: level on 01.04. = 1,000 + 5 = 1,005, so March ends at 1,000."""
    extra = "content:\n  follower_counts:\n    - {platform: facebook, followers: 1000, as_of: 2026-03-31}\n"
    engagement = with_data(success="success: {}\n", extra=extra)
    actual = measure(engagement).actual("followers", "facebook")
    assert [v for _, v in actual.series] == [851.0, 907.0, 1000.0]


def test_follower_growth_is_month_on_month(with_data: Callable[..., object]) -> None:
    """March: (995 − 902) ÷ 902 = 10.31 %; February: (902 − 846) ÷ 846 = 6.62 %."""
    actual = measure(with_data()).actual("follower_growth", "facebook")
    assert actual.value == pytest.approx(100 * 93 / 902)
    assert actual.series[0][1] == pytest.approx(100 * 56 / 846)


def test_export_kpis_come_from_check_02s_history(with_data: Callable[..., object]) -> None:
    """Engagement rate of March 120 ÷ 3,000 = 4 %; reach 3,000; CTR 10 ÷ 6,000 = 0.1667 %."""
    m = measure(with_data())
    assert m.actual("engagement_rate", "facebook").value == pytest.approx(4.0)
    assert m.actual("reach", None).value == 3000
    assert m.actual("ctr", "facebook").value == pytest.approx(100 * 10 / 6000)


def test_cost_per_engagement_and_roi_use_check_04(with_data: Callable[..., object]) -> None:
    """CPE March 1,741.2333 ÷ 120 = 14.51 €; ROI (25,000 − 20,894.80) ÷ 20,894.80 = 19.65 %."""
    m = measure(with_data())
    cpe = m.actual("cost_per_engagement", None)
    assert cpe.source == "check04" and cpe.value == pytest.approx(20894.8 / 12 / 120)
    assert [round(v, 4) for _, v in cpe.series] == [round(20894.8 / 12 / e, 4) for e in (50, 80, 120)]
    roi = m.actual("roi", None)
    assert roi.value == pytest.approx(100 * (25000 - 20894.8) / 20894.8)
    assert roi.as_of == dt.date(2026, 4, 15)


def test_measured_values_give_the_newest_value_and_the_series(with_data: Callable[..., object]) -> None:
    """Leads 10, 10.5, 11: the actual is 11 of 31.03.; the source is named."""
    leads = measure(with_data()).actual("leads", None)
    assert (leads.value, leads.as_of, leads.source) == (11.0, dt.date(2026, 3, 31), "measured")
    assert [v for _, v in leads.series] == [10.0, 10.5, 11.0]
    assert leads.detail == Message("success.detail.measured", {"source": "CRM"})


def test_missing_inputs_are_named(with_data: Callable[..., object]) -> None:
    """Each missing KPI says what is missing: a measurement, check 06, costs per platform, a value."""
    engagement = with_data(success="success: {}\n")
    m = measure(engagement)
    expected = {
        ("applications", None): "success.missing.measured",
        ("share_of_voice", None): "success.missing.check06",
        ("net_sentiment", "facebook"): "success.missing.monitoring_platform",
        ("cost_per_engagement", "facebook"): "success.missing.cost_platform",
        ("roi", None): "success.missing.value",
        ("followers", "facebook"): "success.missing.follower_count",
        ("video_views", "facebook"): "success.missing.export",
    }
    for (kpi, platform), key in expected.items():
        actual = m.actual(kpi, platform)
        assert not actual.ok and actual.missing is not None and actual.missing.key == key, kpi
    text = render(m.actual("followers", "facebook").missing, "en")
    assert "a follower count read off the platform is missing for facebook" in text


def test_without_data_and_costs_nothing_raises(make_engagement: Callable[..., Path]) -> None:
    """No data folder and no check 04 plan: export KPIs and costs say so, the page still renders."""
    folder = make_engagement(
        text='client:\n  name: "Muster GmbH"\nsettings:\n  workshop_date: 2026-04-15\n' + GOALS
    )
    engagement = load_engagement(folder)
    m = measure(engagement)
    assert m.actual("reach", None).missing.key == "success.missing.export"  # type: ignore[union-attr]
    assert m.actual("cost_per_engagement", None).missing.key == "success.missing.costs"  # type: ignore[union-attr]
    result = analyse(engagement.section("success"), engagement)  # type: ignore[arg-type]
    assert result.criteria[0].points == 0  # no goal has an actual value
    from smtoolkit.checks.success import render as render_page

    for language in ("de", "en"):
        assert render_page(result, language)


def test_an_unreadable_export_is_reported_for_its_kpis(make_engagement: Callable[..., Path]) -> None:
    """A post export with an impossible date: reach says the file cannot be read, naming data/ and the row."""
    folder = make_engagement(text=engagement_text())
    (folder / "data").mkdir()
    (folder / "data" / "fb.csv").write_text(
        '"Post ID","Page ID","Page name","Publish time","Permalink","Post type","Reach"\n'
        '"1","2","Muster","31.02.2026 16:00","u","Photos","5"\n',
        encoding="utf-8",
    )
    actual = measure(load_engagement(folder)).actual("reach", None)
    assert actual.missing is not None and actual.missing.key == "success.missing.unreadable"
    text = render(actual.missing, "en")
    assert "data/fb.csv, row 2, column 'Publish time'" in text and str(folder) not in text


def test_score_and_lights_of_six_goals(
    with_data: Callable[..., object], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Measurable 30×4/6, on track 30×2/6, catalogue 20×11/17, fresh 10×4/6, trend 10×3/6 = 54.6."""
    # 1 followers 846 -> 1,200: actual 995 = 149/354 = 42.1 %; slope (Σ(x−1)(y−914⅓) = 149) ÷ 2 = 74.5
    #   per month, 9 months to 31.12.: 995 + 670.5 = 1,665.5 >= 1,200: on track, green.
    # 2 leads 10 -> 17: actual 11 = 1/7; slope 0.5, 11 + 4.5 = 15.5: projected (15.5 − 10) ÷ 7 = 78.6 %
    #   >= 70 %: off track, amber.
    # 3 response time held at 20 h: 18 h meets it: attained (100 %), green; one value, no trend.
    # 4 share of voice: needs check 06: grey. 5 reach 1,000 -> 5,000 by 31.03.: 3,000 = 50 %, missed, red.
    # 6 no KPI: grey. Catalogue with a value: followers, growth, reach, impressions, engagement rate,
    #   clicks, CTR, cost per engagement, first response time, leads, ROI = 11 of 17.
    monkeypatch.setattr("smtoolkit.checks.success.analysis.monitoring_source", lambda engagement: None)
    engagement = with_data()  # check 06 treated as missing: share of voice "needs check 06"
    result = analyse(engagement.section("success"), engagement)  # type: ignore[attr-defined]
    d = result.details
    assert [g.light for g in d.goals] == ["green", "amber", "green", "grey", "red", "grey"]
    assert [g.status for g in d.goals] == [
        "on_track",
        "off_track",
        "attained",
        "not_measurable",
        "missed",
        "not_measurable",
    ]
    one, two = d.goals[0], d.goals[1]
    assert one.attainment == pytest.approx(149 / 354)
    assert one.trend is not None and one.trend.slope == pytest.approx(74.5)
    assert one.trend.projection == pytest.approx(1665.5)
    assert two.projected == pytest.approx(5.5 / 7)
    assert d.goals[3].reason == "no_actual" and d.goals[5].reason == "no_kpi"
    assert len(d.covered) == 11
    points = [round(c.points, 4) for c in result.criteria]
    assert points == [20.0, 10.0, round(20 * 11 / 17, 4), round(10 * 4 / 6, 4), 5.0]
    assert result.score == 54.6 and result.light.value == "amber"
    assert "success.finding.needs_check06" in [f.key for f in result.findings]
    assert d.goals[3].actual.missing.key == "success.missing.check06"  # type: ignore[union-attr]


def test_check_06_values_are_used_when_available(with_data: Callable[..., object]) -> None:
    """A share of voice of 27 % from check 06 gives goal 4 (20 -> 30) an attainment of 70 %."""

    def monitoring(kpi: str) -> tuple[list[tuple[dt.date, float]], None] | Message:
        if kpi == "share_of_voice":
            return [(dt.date(2026, 3, 31), 27.0)], None
        return Message("success.missing.check06", {"kpi": kpi, "platform": ""})

    engagement = with_data()
    result = analyse(engagement.section("success"), engagement, monitoring=monitoring)  # type: ignore[attr-defined]
    goal = result.details.goals[3]
    assert goal.actual.source == "check06" and goal.attainment == pytest.approx(0.7)
    assert goal.status == "no_trend" and goal.light == "grey"
    assert "success.finding.needs_check06" not in [f.key for f in result.findings]


def test_findings_read_in_both_languages(with_data: Callable[..., object]) -> None:
    """Goal 1's finding gives actual, date, source, attainment, trend and projection."""
    engagement = with_data()
    result = analyse(engagement.section("success"), engagement)  # type: ignore[attr-defined]
    texts = [render(f, "en") for f in result.findings]
    assert (
        "Goal 1 “Follower”: 995 on 31 Mar 2026 (platform exports), attainment 42%; on track for the target "
        "1,200 (trend 74.5 per month, projection for 31 Dec 2026: 1,665.5)." in texts
    )
    assert any(t.startswith("Goal 5 “Reichweite”: deadline 31 Mar 2026 passed") for t in texts)
    assert [render(f, "de") for f in result.findings]


def test_demo_engagement_measures_its_goals(root: Path) -> None:
    """The demo's leads goal: 6 of 31.10.2026, 25 %, slope 1 a month, 14 by 30.06.2027: on track."""
    engagement = load_engagement(root / "engagements" / "demo")
    result = analyse(engagement.section("success"), engagement)  # type: ignore[arg-type]
    leads = result.details.goals[1]
    assert (leads.actual.value, leads.attainment, leads.status) == (6.0, 0.25, "on_track")
    assert leads.trend is not None and leads.trend.projection == pytest.approx(14.0)
    assert isinstance(engagement.section("success"), SuccessAnswers)


MENTIONS = """\
date,text,sentiment,source,source_type
2026-01-01 10:00,Muster liefert neue Pumpen,positive,heise.de,news
2026-01-12 10:00,Muster auf der Messe,positive,blog.example,blog
2026-01-20 10:00,Ärger mit Muster,negative,forum.example,forum
2026-01-25 10:00,Konkurrent baut aus,neutral,heise.de,news
2026-02-03 10:00,Muster stellt ein,neutral,heise.de,news
2026-02-14 10:00,Konkurrent und Muster im Vergleich,positive,heise.de,news
2026-02-20 10:00,Konkurrent wächst,positive,heise.de,news
2026-03-31 10:00,Konkurrent kündigt an,neutral,heise.de,news
"""
MONITORING = """\
monitoring:
  brand: "Muster"
  competitors:
    - {name: "Konkurrent", keywords: [Konkurrent]}
"""


def test_share_of_voice_and_sentiment_come_from_check_06(make_engagement: Callable[..., Path]) -> None:
    """January: own 3, rival 1: SoV 3/4 = 75 %, sentiment (2 − 1)/3 = 33.3 points; February 2 : 2 = 50 %, 50 points."""
    # February: own "Muster stellt ein" (neutral) and the comparison (positive, names both), rival the
    # comparison and "Konkurrent wächst": own 2, rival 2; sentiment (1 − 0)/2 = 50 points.
    # The data run from 01.01. to 31.03., so all three months are complete. March: own 0, rival 1:
    # SoV 0 %, no own mention to rate.
    pytest.importorskip("smtoolkit.checks.monitoring")
    folder = make_engagement(text=engagement_text(success="success: {}\n", extra=MONITORING))
    (folder / "data").mkdir()
    (folder / "data" / "mentions.csv").write_text(MENTIONS, encoding="utf-8")
    engagement = load_engagement(folder)
    result = analyse(engagement.section("success"), engagement)  # type: ignore[attr-defined]
    by_kpi = {a.kpi: a for a in result.details.catalogue}
    sov, sentiment, mentions = by_kpi["share_of_voice"], by_kpi["net_sentiment"], by_kpi["mentions"]
    assert [round(v, 4) for _, v in sov.series] == [75.0, 50.0, 0.0]
    assert sov.as_of == dt.date(2026, 3, 31) and sov.source == "check06"
    assert [round(v, 4) for _, v in sentiment.series] == [round(100 / 3, 4), 50.0]
    assert [v for _, v in mentions.series] == [3.0, 2.0, 0.0]
    assert result.details.monitoring_available
