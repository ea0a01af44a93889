"""Check 07's score, findings, editorial calendar, CSV export and missing or bad data (by hand)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from smtoolkit.build.attachments import publish_attachments
from smtoolkit.checks.content import (
    CALENDAR_FILE,
    CSV_COLUMNS,
    ContentAnswers,
    analyse,
    apportion,
    calendar_csv,
    enrich_posts,
    plan_calendar,
    posts_in_week,
    render,
)
from smtoolkit.checks.content.calendar import calendar_start
from smtoolkit.checks.registry import get
from smtoolkit.engagement import load_engagement
from smtoolkit.i18n import render as render_text
from tests.unit.test_content import FOLLOWS, ROWS, posts_frame

PILLARS = {
    "pillars": [
        {
            "name": "Ausbildung",
            "target_group": "Azubis",
            "platforms": ["facebook", "instagram", "linkedin"],
            "keywords": ["Ausbildung", "Azubi"],
            "share": 0.5,
        },
        {"name": "Produkt", "platforms": ["facebook", "linkedin"], "keywords": ["Montage"], "share": 0.5},
    ],
    "platform_roles": [{"platform": "facebook", "role": "service"}],
}


def account(network: str, handle: str, keep: str = "keep") -> SimpleNamespace:
    """An inventory account of check 01 with only the fields the inventory has."""
    return SimpleNamespace(network=network, handle=handle, keep=keep)


class Fake:
    """An engagement stand-in: sections by slug, a workshop date, no data folder."""

    def __init__(self, sections: dict[str, Any], workshop: dt.date = dt.date(2026, 11, 12)) -> None:
        self.sections = sections
        self.settings = SimpleNamespace(workshop_date=workshop)
        self.folder = None
        self.slug = "fake"

    def section(self, slug: str) -> Any:
        """The section ``slug``; KeyError like the real engagement for an unknown check."""
        return self.sections[slug]


INVENTORY = SimpleNamespace(
    accounts=[
        account("linkedin", "muster-gmbh"),
        account("instagram", "@muster_gmbh"),
        account("facebook", "Muster GmbH Heilbronn"),
        account("x_twitter", "@old", keep="close"),
    ]
)


def test_score_of_a_small_plan_matches_the_hand_figures() -> None:
    """Pillars 20×1/3, roles 15×1/4, assigned 15×3/6, rated 10×5/6, regular 20×3/3, handles 20×2.5/3 = 62.9."""
    # posts: P1 "Azubi-Tag #Ausbildung" -> Ausbildung; P2 "Montagevideo" -> Produkt; P4 ties 1:1 ->
    # Ausbildung (listed first); P3, P5, P6 unassigned: 3 of 6 assigned.
    # used platforms: facebook, linkedin, youtube (posts) + instagram (pillar) = 4, one with a role.
    # handles: muster-gmbh, @muster_gmbh same; "Muster GmbH Heilbronn" a variant; @old is to be closed.
    fake = Fake({"strategy": INVENTORY})
    result = analyse(
        ContentAnswers.model_validate(PILLARS), fake, posts=posts_frame(ROWS), followers=FOLLOWS.iloc[0:0]
    )
    points = [round(c.points, 4) for c in result.criteria]
    assert points == [round(20 / 3, 4), 3.75, 7.5, round(50 / 6, 4), 20.0, round(20 * 2.5 / 3, 4)]
    assert result.score == 62.9 and result.light.value == "amber"
    assert list(result.details.posts["pillar"]) == ["Ausbildung", "Produkt", None, "Ausbildung", None, None]
    keys = [f.key for f in result.findings]
    assert "content.finding.pillar_incomplete" in keys and "content.finding.no_followers" in keys
    recs = {r.text.key for r in result.recommendations}
    assert {"content.rec.complete_pillars", "content.rec.keywords", "content.rec.roles"} <= recs


def test_findings_name_the_rate_basis_and_the_missing_inputs() -> None:
    """LinkedIn's rate is by impressions because its export has no reach; YouTube has no rate."""
    result = analyse(ContentAnswers(), Fake({}), posts=posts_frame(ROWS), followers=FOLLOWS.iloc[0:0])
    texts = [render_text(f, "en") for f in result.findings]
    # LinkedIn: median of 2.5 % and 2.4 % = 2.45 %, shown with one decimal, rounded half up: 2.5 %
    assert any(
        t.startswith("LinkedIn: median engagement rate 2.5% by impressions, because the export")
        for t in texts
    )
    assert any(t.startswith("YouTube: the export holds no reactions") for t in texts)
    assert any("No content pillars are recorded yet" in t for t in texts)
    assert any("Check 01 is not available" in t for t in texts)


def test_profile_fields_missing_from_the_inventory_are_named() -> None:
    """Check 01's inventory has no display name, bio, link or logo: the finding lists all four."""
    engagement = Fake({"strategy": SimpleNamespace(accounts=[account("linkedin", "muster")])})
    result = analyse(ContentAnswers(), engagement, posts=posts_frame(ROWS[:1]), followers=FOLLOWS.iloc[0:0])
    finding = next(f for f in result.findings if f.key == "content.finding.profile_fields")
    text = render_text(finding, "en")
    for name in ("display_name", "bio", "link", "logo"):
        assert f"({name})" in text


def test_posts_in_week_spread_a_fractional_frequency() -> None:
    """0.5 per week: 1, 0, 1, 0; 2.5 per week: 3, 2, 3, 2 (⌊(k+1)·f + ½⌋ − ⌊k·f + ½⌋, total 10)."""
    assert [posts_in_week(0.5, k) for k in range(4)] == [1, 0, 1, 0]
    assert [posts_in_week(2.5, k) for k in range(4)] == [3, 2, 3, 2]


def test_apportion_goes_to_the_item_furthest_behind() -> None:
    """Weights 2:1 over six picks give 0, 1, 0, 0, 1, 0; equal weights alternate."""
    assert apportion([2, 1], 6) == [0, 1, 0, 0, 1, 0]
    assert apportion([1.5, 0.5], 4) == [0, 0, 1, 0]
    assert apportion([0.5, 0.5], 4) == [0, 1, 0, 1]


def test_calendar_start_is_the_monday_after_the_workshop() -> None:
    """Thursday 12.11.2026 -> Monday 16.11.; a Monday moves to the next Monday; a given start stays."""
    assert calendar_start(None, dt.date(2026, 11, 12)) == dt.date(2026, 11, 16)
    assert calendar_start(None, dt.date(2026, 11, 16)) == dt.date(2026, 11, 23)
    assert calendar_start(dt.date(2026, 12, 2), dt.date(2026, 11, 12)) == dt.date(2026, 12, 2)


@pytest.fixture
def calendar() -> tuple[list[Any], list[Any], list[str]]:
    """Two weeks from Monday 16.11.2026 for the hand-made posts and the two pillars."""
    frame = enrich_posts(posts_frame(ROWS))
    answers = ContentAnswers.model_validate(PILLARS)
    planned = {"facebook": [("image", 1.5), ("video_short", 0.5)]}
    observed = {"facebook": 2.625, "linkedin": 1.75, "youtube": 0.875}
    return plan_calendar(
        frame,
        answers.pillars,
        answers.platform_roles,
        planned,
        observed,
        start=dt.date(2026, 11, 16),
        weeks=2,
        min_posts=2,
    )


def test_calendar_uses_plan_best_slots_and_pillar_shares(
    calendar: tuple[list[Any], list[Any], list[str]],
) -> None:
    """Facebook: 2 a week (check 04) on Monday (best day) and Tuesday at 9:00 (best hour).

    Formats 1.5 : 0.5 give image, image, short video, image; pillars 0.5 : 0.5 alternate.
    LinkedIn: no plan, observed 1.75 a week gives 2 + 2 posts; no time of day in its export,
    so 9:00 is the best hour of all platforms. Instagram has neither plan nor posts: left out.
    """
    entries, plans, skipped = calendar
    facebook = [e for e in entries if e.platform == "facebook"]
    assert [e.when for e in facebook] == [
        dt.datetime(2026, 11, 16, 9),
        dt.datetime(2026, 11, 17, 9),
        dt.datetime(2026, 11, 23, 9),
        dt.datetime(2026, 11, 24, 9),
    ]
    assert [e.format for e in facebook] == ["image", "image", "video_short", "image"]
    assert [e.pillar for e in facebook] == ["Ausbildung", "Produkt", "Ausbildung", "Produkt"]
    assert [e.target_group for e in facebook] == ["Azubis", "", "Azubis", ""]
    assert {e.role for e in facebook} == {"service"}
    by_platform = {p.platform: p for p in plans}
    assert (by_platform["facebook"].frequency_source, by_platform["facebook"].hour_source) == (
        "plan",
        "platform",
    )
    assert (by_platform["linkedin"].frequency_source, by_platform["linkedin"].hour_source) == (
        "observed",
        "all",
    )
    assert len([e for e in entries if e.platform == "linkedin"]) == 4
    assert skipped == ["instagram"]


def test_calendar_csv_has_calendar_import_columns(calendar: tuple[list[Any], list[Any], list[str]]) -> None:
    """Header as documented; Google's date style (11/16/2026, 9:00 AM), ISO date and 24-hour time too."""
    entries = calendar[0]
    result = SimpleNamespace(details=SimpleNamespace(calendar=tuple(entries)))
    text = calendar_csv(result, "de")  # type: ignore[arg-type]
    assert text.startswith(",".join(CSV_COLUMNS) + "\r\n")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(entries)
    first = rows[0]
    assert first["Subject"] == "Facebook: Ausbildung"
    assert (first["Start Date"], first["Start Time"], first["End Time"]) == (
        "11/16/2026",
        "9:00 AM",
        "9:30 AM",
    )
    assert (first["Date"], first["Time"], first["All Day Event"]) == ("2026-11-16", "09:00", "False")
    assert (first["Format"], first["Content Pillar"], first["Platform Role"]) == (
        "Bild",
        "Ausbildung",
        "Kundenservice",
    )
    assert (
        first["Description"]
        == "Format: Bild · Themensäule: Ausbildung · Zielgruppe: Azubis · Rolle: Kundenservice"
    )


def test_calendar_csv_defuses_spreadsheet_formulas() -> None:
    """A pillar named "=HYPERLINK(...)" is written with a leading apostrophe."""
    answers = ContentAnswers.model_validate(
        {
            "pillars": [
                {"name": "=HYPERLINK(1)", "target_group": "@x", "platforms": ["facebook"], "keywords": ["a"]}
            ]
        }
    )
    entries, _, _ = plan_calendar(
        enrich_posts(posts_frame(ROWS)), answers.pillars, [], {"facebook": [("image", 1.0)]}, {},
        start=dt.date(2026, 11, 16), weeks=1, min_posts=2,
    )  # fmt: skip
    result = SimpleNamespace(details=SimpleNamespace(calendar=tuple(entries)))
    row = next(csv.DictReader(io.StringIO(calendar_csv(result, "en"))))  # type: ignore[arg-type]
    assert row["Content Pillar"] == "'=HYPERLINK(1)" and row["Target Group"] == "'@x"


def test_the_content_check_declares_the_calendar_attachment() -> None:
    """The registry entry of check 07 returns the CSV under 07-editorial-calendar.csv."""
    spec = get("content")
    assert spec.number == 7 and spec.attachments is not None
    result = analyse(
        ContentAnswers.model_validate(PILLARS), Fake({}), posts=posts_frame(ROWS), followers=FOLLOWS
    )
    files = spec.attachments(result, "en")
    assert list(files) == [CALENDAR_FILE] and files[CALENDAR_FILE].startswith("Subject,Start Date")


def test_build_writes_attachments_of_built_pages_and_removes_those_of_failed_ones(tmp_path: Path) -> None:
    """An ok page gets its file; a failed page's old file is removed; a crash becomes a problem."""

    def spec(slug: str, produce: Callable[..., dict[str, str]]) -> SimpleNamespace:
        return SimpleNamespace(
            slug=slug, page=f"{slug}.html", analyse=lambda answers, engagement: answers, attachments=produce
        )

    def broken(_result: object, _language: str) -> dict[str, str]:
        raise ValueError("no calendar")

    specs = {
        "a": spec("a", lambda result, language: {"a.csv": f"{result},{language}"}),
        "b": spec("b", lambda result, language: {"b.csv": "new"}),
        "c": spec("c", broken),
        "d": spec("d", lambda result, language: {"../escape.csv": "x"}),
    }
    engagement = SimpleNamespace(slug="muster", section=lambda slug: f"answers-{slug}")
    (tmp_path / "b.csv").write_text("old", encoding="utf-8")
    results = [
        SimpleNamespace(task=SimpleNamespace(check="a"), ok=True),
        SimpleNamespace(task=SimpleNamespace(check="b"), ok=False),
        SimpleNamespace(task=SimpleNamespace(check="c"), ok=True),
        SimpleNamespace(task=SimpleNamespace(check="d"), ok=True),
        SimpleNamespace(task=SimpleNamespace(check="overview"), ok=True),
    ]
    written, problems = publish_attachments(engagement, results, specs, tmp_path, "de")  # type: ignore[arg-type]
    assert written == ["a.csv"]
    assert (tmp_path / "a.csv").read_text(encoding="utf-8") == "answers-a,de"
    assert not (tmp_path / "b.csv").exists()
    assert problems == [
        "muster: the files of c.html cannot be made: ValueError: no calendar",
        "muster: d.html names an unsafe attachment '../escape.csv'",
    ]


def test_no_data_folder_gives_findings_not_an_error(make_engagement: Callable[..., Path]) -> None:
    """Without data/, check 07 says which exports are missing and still renders in both languages."""
    engagement = load_engagement(make_engagement())
    result = analyse(engagement.section("content"), engagement)  # type: ignore[arg-type]
    keys = [f.key for f in result.findings]
    assert "content.finding.no_posts" in keys and "content.finding.no_pillars" in keys
    assert result.criteria[3].points == 0  # no post, nothing measurable
    for language in ("de", "en"):
        assert render(result, language)


def test_a_broken_export_is_named_relative_to_the_engagement(make_engagement: Callable[..., Path]) -> None:
    """An unreadable date fails only that file: the finding names data/facebook.csv, row and column."""
    folder = make_engagement()
    (folder / "data").mkdir()
    (folder / "data" / "facebook.csv").write_text(
        '"Post ID","Page ID","Page name","Publish time","Permalink","Post type","Reach"\n'
        '"1","2","Muster","31.02.2026 16:00","u","Photos","5"\n',
        encoding="utf-8",
    )
    engagement = load_engagement(folder)
    result = analyse(engagement.section("content"), engagement)  # type: ignore[arg-type]
    problem = next(f for f in result.findings if f.key == "content.finding.data_problem")
    text = render_text(problem, "en")
    assert text.startswith("A file cannot be read: data/facebook.csv, row 2, column 'Publish time'")
    assert str(folder) not in text


def test_client_text_is_escaped_on_the_page() -> None:
    """A pillar named <script> shows as text in the tables, never as markup."""
    answers = ContentAnswers.model_validate(
        {"pillars": [{"name": "<script>x</script>", "target_group": "A & B", "platforms": ["facebook"],
                      "keywords": ["Azubi"]}]}
    )  # fmt: skip
    result = analyse(answers, Fake({}), posts=posts_frame(ROWS), followers=FOLLOWS)
    html = "".join(b for b in render(result, "de") if isinstance(b, str))
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert "A &amp; B" in html


def test_an_empty_section_is_valid_and_roles_are_unique() -> None:
    """Every field has a default; two roles for one platform are refused with a clear message."""
    assert ContentAnswers().calendar_weeks == 4
    with pytest.raises(ValueError, match="has two roles; keep one row per platform"):
        ContentAnswers.model_validate(
            {"platform_roles": [{"platform": "linkedin"}, {"platform": "linkedin", "role": "dialogue"}]}
        )


def test_demo_engagement_section_loads(root: Path) -> None:
    """The demo's check 07 answers are valid and name five complete pillars."""
    engagement = load_engagement(root / "engagements" / "demo")
    answers = engagement.section("content")
    assert isinstance(answers, ContentAnswers) and len(answers.pillars) == 5
    assert all(p.name and p.target_group and p.platforms and p.keywords for p in answers.pillars)
