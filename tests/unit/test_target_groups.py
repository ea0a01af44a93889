"""Check 05 target groups against fit scores worked out by hand from rows of the reach table."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from smtoolkit.checks.base import Light
from smtoolkit.checks.target_groups import (
    TargetGroupsAnswers,
    analyse,
    builtin_table,
    fit,
    parse_reach_csv,
    rank_platforms,
    render,
)
from smtoolkit.checks.target_groups.model import Persona
from smtoolkit.engagement import Engagement, load_engagement
from smtoolkit.errors import DataImportError, ValidationError
from smtoolkit.i18n import catalog, placeholders
from smtoolkit.i18n import render as render_message

DATA = Path(__file__).resolve().parent.parent / "data" / "target_groups"

#: 50 % aged 14-29, 30 % aged 30-49, 20 % aged 50-69.
YOUNG = {"age_14_29": 0.5, "age_30_49": 0.3, "age_50_69": 0.2, "age_70_plus": 0}
#: Everybody aged 30-49.
MIDDLE = {"age_14_29": 0, "age_30_49": 1, "age_50_69": 0, "age_70_plus": 0}


def persona(market: str = "B2C", **ages: float) -> Persona:
    """A persona with the given market and age shares (YOUNG when none are given)."""
    return Persona.model_validate({"name": "P", "market": market, "interests": ["x"], **(ages or YOUNG)})


def fit_value(p: Persona, platform: str) -> float | None:
    """The fit of ``p`` on ``platform`` with the shipped table."""
    return fit(p, platform, builtin_table()).value


def test_instagram_fit_uses_band_rows_and_the_14_plus_fallback() -> None:
    """Instagram: 0.5 x 80 (14-29, 2024, not 79 of 2023) + 0.3 x 50 (30-49) + 0.2 x 37 (14+ 2024 fallback) = 62.4."""
    f = fit(persona(), "instagram", builtin_table())
    assert f.value == pytest.approx(0.5 * 80 + 0.3 * 50 + 0.2 * 37)
    assert f.fallback and f.rule == "age"
    figures = {
        part.band: (part.figure.row.percent, part.figure.row.year, part.figure.basis)
        for part in f.parts
        if part.figure
    }
    assert figures == {"14-29": (80, 2024, "band"), "30-49": (50, 2024, "band"), "50-69": (37, 2024, "broad")}


def test_facebook_fit_uses_three_band_rows_without_fallback() -> None:
    """Facebook: 0.5 x 34 (14-29, 2023) + 0.3 x 51 (30-49) + 0.2 x 33 (50-69) = 38.9, no fallback."""
    f = fit(persona(), "facebook", builtin_table())
    assert f.value == pytest.approx(38.9)
    assert not f.fallback


def test_weekly_reach_beats_a_newer_daily_reach_row() -> None:
    """TikTok 14-29 takes weekly 41 (2023) over daily 38 (2024): 0.5 x 41 + 0.3 x 19 + 0.2 x 19 = 30.0."""
    assert fit_value(persona(), "tiktok") == pytest.approx(0.5 * 41 + 0.3 * 19 + 0.2 * 19)


def test_daily_reach_is_used_when_a_band_has_no_weekly_row() -> None:
    """WhatsApp has daily reach only: 0.5 x 91 + 0.3 x 83 + 0.2 x 61 = 82.6."""
    assert fit_value(persona(), "whatsapp") == pytest.approx(82.6)


def test_bands_with_share_zero_need_no_figure() -> None:
    """A persona aged 30-49 only gets Facebook 51 and Snapchat 13 (14+ fallback) without other bands."""
    p = persona(**MIDDLE)
    assert fit_value(p, "facebook") == pytest.approx(51)
    snap = fit(p, "snapchat", builtin_table())
    assert snap.value == pytest.approx(13) and snap.fallback and len(snap.parts) == 1


def test_b2b_rule_rates_linkedin_and_xing_with_professional_reach() -> None:
    """For a B2B persona LinkedIn is the Bitkom 2023 row (25 %) in every band, XING 24 %."""
    b2b = persona("B2B")
    linkedin = fit(b2b, "linkedin", builtin_table())
    assert linkedin.rule == "b2b" and linkedin.value == pytest.approx(0.5 * 25 + 0.3 * 25 + 0.2 * 25)
    (row,) = {part.figure.row for part in linkedin.parts if part.figure}
    assert (row.age_group, row.metric, row.year, row.source) == (
        "internet_users_16+",
        "uses",
        2023,
        "Bitkom survey February 2023",
    )
    assert fit_value(b2b, "xing") == pytest.approx(24)


def test_b2c_personas_get_no_linkedin_xing_pinterest_or_x_rating() -> None:
    """The shipped table has only "uses" rows for these platforms, which the age rule never uses."""
    for platform in ("linkedin", "xing", "pinterest", "x_twitter"):
        assert fit_value(persona("B2C"), platform) is None
    assert fit_value(persona("B2B"), "pinterest") is None


def test_ranking_is_the_mean_over_personas_with_unrated_counting_zero() -> None:
    """YOUNG B2C and MIDDLE B2B: WhatsApp (82.6 + 83) / 2 = 82.8 first, LinkedIn (0 + 25) / 2 = 12.5."""
    table = builtin_table()
    personas = [persona("B2C"), persona("B2B", **MIDDLE)]
    fits = [[fit(p, platform, table, i) for platform in table.platforms()] for i, p in enumerate(personas)]
    ranking = rank_platforms(fits, 2, frozenset({"instagram"}))
    assert [r.platform for r in ranking] == [
        "whatsapp",
        "instagram",
        "facebook",
        "tiktok",
        "snapchat",
        "linkedin",
        "xing",
    ]
    means = {r.platform: r.mean for r in ranking}
    assert means["whatsapp"] == pytest.approx((82.6 + 83) / 2)
    assert means["instagram"] == pytest.approx((62.4 + 50) / 2)
    assert means["facebook"] == pytest.approx((38.9 + 51) / 2)
    assert means["linkedin"] == pytest.approx(25 / 2)
    assert ranking[5].rated == 1 and ranking[5].b2b
    assert [r.present for r in ranking[:3]] == [False, True, False]


HAND = textwrap.dedent(
    """\
    client:
      name: "Muster GmbH"
    strategy:
      accounts:
        - {network: instagram, keep: keep}
        - {network: facebook, keep: close}
        - {network: linkedin, keep: undecided}
    target_groups:
      excluded_platforms: []   # the hand-worked figures below include WhatsApp
      personas:
        - name: "Junge Kundschaft"
          market: B2C
          age_14_29: 0.5
          age_30_49: 0.3
          age_50_69: 0.2
          interests: [Sport]
        - name: "Einkauf"
          market: B2B
          age_30_49: 1
          interests: [Lieferzeiten]
      linkedin_followers:
        - {dimension: function, segment: "Einkauf", share: 0.3}
        - {dimension: function, segment: "Engineering", share: 0.4}
        - {dimension: industry, segment: "Maschinenbau", share: 0.5}
      communities:
        - {name: "Forum A", reach: 5000, relevance: 3}
        - {name: "Forum B", reach: 90000, relevance: 3}
    """
)


def test_score_criteria_match_hand_figures(make_engagement: Callable[..., Path]) -> None:
    """2 personas 20 + complete 15 + 2 dimensions 6 + communities 10 + 1 of top 3 present 10 = 61, amber."""
    # Top three: WhatsApp 82.8, Instagram 56.2, Facebook 44.95; the inventory keeps Instagram
    # and LinkedIn (Facebook is to be closed), so 1 of 3 -> 30 x 1/3 = 10.
    engagement = load_engagement(make_engagement(text=HAND))
    result = analyse(engagement.section("target_groups"), engagement)
    assert [c.points for c in result.criteria] == pytest.approx([20, 15, 6, 10, 10])
    assert result.score == 61.0
    assert result.light is Light.AMBER
    assert [r.platform for r in result.details.top] == ["whatsapp", "instagram", "facebook"]


def test_recommendations_follow_the_gaps(make_engagement: Callable[..., Path]) -> None:
    """WhatsApp (rank 1) and Facebook (rank 3) lack an account; 3 dimensions are missing; no community of relevance 4+."""
    engagement = load_engagement(make_engagement(text=HAND))
    recs = analyse(engagement.section("target_groups"), engagement).recommendations
    presence = [r.text.params for r in recs if r.text.key == "target_groups.rec.presence"]
    assert [(p["platform"].key, p["rank"]) for p in presence] == [
        ("platform.whatsapp", 1),
        ("platform.facebook", 3),
    ]
    keys = {r.text.key: r for r in recs}
    assert keys["target_groups.rec.audience"].text.params["count"] == 3
    assert "target_groups.rec.join" not in keys and "target_groups.rec.communities" not in keys


def test_communities_rank_by_relevance_then_reach(make_engagement: Callable[..., Path]) -> None:
    """Two forums of relevance 3 rank by reach: Forum B (90,000) before Forum A (5,000)."""
    engagement = load_engagement(make_engagement(text=HAND))
    result = analyse(engagement.section("target_groups"), engagement)
    assert [c.name for c in result.details.communities] == ["Forum B", "Forum A"]


def test_fallback_share_is_the_persona_weight_on_14_plus_figures(
    make_engagement: Callable[..., Path],
) -> None:
    """Over the age-rule fits 5 of the 16.3 weighted band figures are fallbacks (shares add per platform)."""
    # Persona 1 (weights .5/.3/.2) over instagram, facebook, tiktok, snapchat, whatsapp:
    #   fallback weight: instagram .2, tiktok .5, snapchat .5 = 1.2 of 5 x 1.0 = 5.0.
    # Persona 2 (30-49 only) over the same five: tiktok 1, snapchat 1 = 2.0 of 5.0.
    # LinkedIn and XING of persona 2 use the B2B rule and do not count. Share 3.2 / 10 = 0.32.
    engagement = load_engagement(make_engagement(text=HAND))
    result = analyse(engagement.section("target_groups"), engagement)
    assert result.details.fallback_share == pytest.approx(0.32)


def test_sources_list_every_row_used_with_its_year(make_engagement: Callable[..., Path]) -> None:
    """The sources name the rows actually used, e.g. Instagram 14+ 2024 as fallback for 50-69 only."""
    engagement = load_engagement(make_engagement(text=HAND))
    sources = analyse(engagement.section("target_groups"), engagement).details.sources
    by_key = {(s.row.platform, s.row.age_group, s.row.year): s for s in sources}
    assert by_key[("instagram", "14+", 2024)].fallback_for == ("50-69",)
    assert by_key[("instagram", "14-29", 2024)].bands == ("14-29",)
    assert ("instagram", "14-29", 2023) not in by_key
    assert by_key[("linkedin", "internet_users_16+", 2023)].b2b
    assert ("pinterest", "internet_users_16+", 2023) not in by_key


def test_no_inventory_gives_no_presence_points() -> None:
    """Without an engagement (no check 01 inventory) the 30 presence points are 0 and say why."""
    answers = TargetGroupsAnswers.model_validate(
        {"personas": [{"name": "P", "interests": ["x"], **YOUNG}], "excluded_platforms": []}
    )
    criterion = analyse(answers).criteria[4]
    assert criterion.points == 0
    assert criterion.detail is not None and criterion.detail.key == "target_groups.criterion.no_inventory"


def test_empty_section_scores_zero_and_says_what_is_missing() -> None:
    """No personas, communities or audience data score 0, red, with findings for each."""
    result = analyse(TargetGroupsAnswers())
    assert result.score == 0 and result.light is Light.RED
    assert [f.key for f in result.findings] == [
        "target_groups.finding.no_personas",
        "target_groups.finding.no_communities",
        "target_groups.finding.no_audience",
    ]
    assert result.details.ranking == ()


def test_persona_without_age_shares_is_valid_but_not_rated() -> None:
    """A new persona row (all shares 0) validates, is not rated and counts as incomplete."""
    answers = TargetGroupsAnswers.model_validate({"personas": [{"name": "Neu", "interests": ["x"]}]})
    result = analyse(answers)
    assert result.details.ranking == ()
    assert result.criteria[1].points == 0
    assert "target_groups.finding.no_ages" in {f.key for f in result.findings}


def test_market_is_read_in_any_case() -> None:
    """A market typed in lower case ("b2b") is read as B2B."""
    assert Persona.model_validate({"market": "b2b", **MIDDLE}).market == "B2B"


# --- the engagement's own reach table -------------------------------------------------------

OWN = textwrap.dedent(
    """\
    client:
      name: "Muster GmbH"
    target_groups:
      personas:
        - {name: "Endkunden", market: B2C, age_14_29: 0.5, age_30_49: 0.5, interests: [x]}
        - {name: "Einkauf", market: B2B, age_14_29: 0.5, age_30_49: 0.5, interests: [y]}
      reach_file: data/reach.csv
    """
)


def own_engagement(
    make_engagement: Callable[..., Path], csv_text: str | None = None, reference: str = ""
) -> Engagement:
    """A temp engagement naming ``data/reach.csv`` (or ``reference``) with ``csv_text`` as that file."""
    text = OWN.replace("data/reach.csv", reference) if reference else OWN
    folder = make_engagement(text=text)
    if csv_text is not None:
        (folder / "data").mkdir()
        (folder / "data" / "reach.csv").write_text(csv_text, encoding="utf-8")
    return load_engagement(folder)


def test_own_reach_file_replaces_the_shipped_table(make_engagement: Callable[..., Path]) -> None:
    """With tests/data/target_groups/own_reach.csv LinkedIn is 0.5 x 12 (14+) + 0.5 x 20 = 16, YouTube 57.5."""
    folder = make_engagement(text=OWN)
    (folder / "data").mkdir()
    shutil.copy(DATA / "own_reach.csv", folder / "data" / "reach.csv")
    engagement = load_engagement(folder)
    result = analyse(engagement.section("target_groups"), engagement)
    assert not result.details.table.builtin
    assert result.details.table.origin == "muster/data/reach.csv"
    b2c, b2b = ({f.platform: f for f in fits} for fits in result.details.fits)
    assert b2c["linkedin"].value == pytest.approx(0.5 * 12 + 0.5 * 20)
    assert b2c["youtube"].value == pytest.approx(0.5 * 70 + 0.5 * 45)
    # The file has no professional-reach row, so the B2B rule cannot apply: the age rule rates LinkedIn.
    assert b2b["linkedin"].rule == "age" and b2b["linkedin"].value == pytest.approx(16)
    assert [r.platform for r in result.details.ranking] == ["youtube", "linkedin"]
    assert "target_groups.finding.own_table" in {f.key for f in result.findings}


def test_missing_reach_file_names_the_file(make_engagement: Callable[..., Path]) -> None:
    """A reach_file that does not exist is a DataImportError naming the engagement-relative path."""
    engagement = own_engagement(make_engagement)
    with pytest.raises(DataImportError, match=r"^muster/data/reach\.csv: the reach file does not exist"):
        analyse(engagement.section("target_groups"), engagement)


@pytest.mark.parametrize(
    "csv_text,message",
    [
        (
            "platform,age_group,metric,percent,year,source\ninstagram,14+,weekly_reach,37,2024,A\n"
            "facebook,14+,weekly_reach,viele,2024,B\n",
            "muster/data/reach.csv:3 column percent: 'viele' is not a number",
        ),
        (
            "platform,age_group,metric,year,source\ninstagram,14+,weekly_reach,2024,A\n",
            "muster/data/reach.csv:1 column percent: the header lacks the column(s) percent",
        ),
        (
            "platform,age_group,metric,percent,year,source\nmyspace,14+,weekly_reach,3,2024,A\n",
            "muster/data/reach.csv:2 column platform: 'myspace' is not a known platform",
        ),
        (
            "platform,age_group,metric,percent,year,source\ninstagram,14-19,weekly_reach,3,2024,A\n",
            "muster/data/reach.csv:2 column age_group: '14-19' is not a known age group",
        ),
        (
            "platform,age_group,metric,percent,year,source\ninstagram,14+,weekly_reach,137,2024,A\n",
            "muster/data/reach.csv:2 column percent: 137 is not between 0 and 100",
        ),
        (
            "platform,age_group,metric,percent,year,source\ninstagram,14+,monthly,3,2024,A\n",
            "muster/data/reach.csv:2 column metric: 'monthly' is not a known metric",
        ),
        (
            "platform,age_group,metric,percent,year,source\ninstagram,14+,weekly_reach,3,24,A\n",
            "muster/data/reach.csv:2 column year: 24 is not a year between 1990 and 2100",
        ),
        (
            "platform,age_group,metric,percent,year,source\ninstagram,14+,weekly_reach,3,2024\n",
            "muster/data/reach.csv:2 column source: the row has 5 field(s) but the header has 6",
        ),
        (
            "platform,age_group,metric,percent,year,source\n",
            "muster/data/reach.csv:2: the file has a header but no rows",
        ),
    ],
)
def test_malformed_reach_file_names_file_line_and_column(
    make_engagement: Callable[..., Path], csv_text: str, message: str
) -> None:
    """Every malformed own reach table fails with the file, the line and the column of the problem."""
    engagement = own_engagement(make_engagement, csv_text)
    with pytest.raises(DataImportError) as info:
        analyse(engagement.section("target_groups"), engagement)
    assert str(info.value).startswith(message), str(info.value)


@pytest.mark.parametrize("reference", ["../other/reach.csv", "/etc/passwd"])
def test_reach_file_outside_the_engagement_is_refused(
    make_engagement: Callable[..., Path], reference: str
) -> None:
    """A reach_file that leaves the engagement folder is refused at load (validate) and names the field."""
    with pytest.raises(ValidationError) as caught:
        own_engagement(make_engagement, reference=reference)
    (problem,) = caught.value.problems
    assert "engagement.yaml:" in problem and " target_groups.reach_file: the reach_file " in problem


def test_semicolon_files_with_decimal_commas_are_read() -> None:
    """A German Excel export (semicolons, 12,5) is read as 12.5 percent."""
    table = parse_reach_csv(
        "platform;age_group;metric;percent;year;source\nlinkedin;14+;weekly_reach;12,5;2025;Eigene Umfrage\n",
        "x.csv",
    )
    assert table.rows[0].percent == 12.5 and table.rows[0].line == 2


def test_shipped_table_reads_every_row() -> None:
    """The shipped platform_reach_de.csv parses into its 34 rows, with the benchmarks not ranked."""
    table = builtin_table()
    assert len(table.rows) == 34 and table.builtin
    assert "all_social_media" not in table.platforms() and "local_communities" not in table.platforms()


# --- validation through load_engagement ----------------------------------------------------

BAD = textwrap.dedent(
    """\
    client:
      name: "Muster GmbH"
    target_groups:
      personas:
        - name: "A"
          age_14_29: 0.5
          age_30_49: 0.4
        - {name: "B", market: B2X, age_30_49: 1}
        - {name: "C", age_30_49: 1.5}
      linkedin_followers:
        - {dimension: function, segment: "x", share: 0.7}
        - {dimension: function, segment: "y", share: 0.6}
        - {dimension: age, segment: "z", share: 0.1}
      communities:
        - {name: "F", reach: -3, relevance: 9}
      reach_file: 7
    """
)


@pytest.mark.parametrize(
    "where",
    [
        "engagement.yaml:5 target_groups.personas[0]:",
        "engagement.yaml:8 target_groups.personas[1].market: 'B2X' is not allowed",
        "engagement.yaml:9 target_groups.personas[2].age_30_49: 1.5 is not <= 1",
        "engagement.yaml:13 target_groups.linkedin_followers[2].dimension: 'age' is not allowed",
        "engagement.yaml:15 target_groups.communities[0].reach: -3 is not >= 0",
        "engagement.yaml:15 target_groups.communities[0].relevance: 9 is not <= 5",
        "engagement.yaml:16 target_groups.reach_file:",
    ],
)
def test_bad_values_are_reported_with_file_line_and_field(
    make_engagement: Callable[..., Path], where: str
) -> None:
    """Each invalid answer names engagement.yaml, its line and its field path."""
    with pytest.raises(ValidationError) as info:
        load_engagement(make_engagement(text=BAD))
    assert any(where in problem for problem in info.value.problems), info.value.problems


def test_age_shares_not_adding_up_to_one_get_a_clear_message(make_engagement: Callable[..., Path]) -> None:
    """0.5 + 0.4 is reported as adding up to 0.90 with every share listed."""
    with pytest.raises(ValidationError) as info:
        load_engagement(make_engagement(text=BAD))
    (problem,) = [p for p in info.value.problems if "personas[0]" in p]
    assert "the age shares add up to 0.90" in problem
    assert "age_14_29 0.5 + age_30_49 0.4 + age_50_69 0 + age_70_plus 0" in problem
    assert "they must add up to 1" in problem


def test_follower_shares_above_one_per_dimension_are_refused() -> None:
    """Shares of one dimension adding up to 1.30 are refused; the tolerance is 0.01."""
    lines = [{"dimension": "function", "share": 0.7}, {"dimension": "function", "share": 0.6}]
    with pytest.raises(ValueError, match=r"'function' add up to 1\.30"):
        TargetGroupsAnswers.model_validate({"linkedin_followers": lines})
    ok = [{"dimension": "function", "share": 0.505}, {"dimension": "function", "share": 0.505}]
    assert len(TargetGroupsAnswers.model_validate({"linkedin_followers": ok}).linkedin_followers) == 2


def test_age_shares_within_the_tolerance_are_accepted() -> None:
    """Shares adding up to 1.01 or 0.99 pass; 1.02 fails."""
    Persona.model_validate({"age_14_29": 0.34, "age_30_49": 0.34, "age_50_69": 0.33})
    Persona.model_validate({"age_14_29": 0.33, "age_30_49": 0.33, "age_50_69": 0.33})
    with pytest.raises(ValueError, match=r"add up to 1\.02"):
        Persona.model_validate({"age_14_29": 0.34, "age_30_49": 0.34, "age_50_69": 0.34})


def test_missing_and_empty_sections_load_with_defaults(make_engagement: Callable[..., Path]) -> None:
    """An engagement without the section, or with empty lists, loads and scores 0."""
    base = 'client:\n  name: "Muster GmbH"\n'
    missing = load_engagement(make_engagement("ohne", base))
    empty = load_engagement(
        make_engagement("leer", base + "target_groups:\n  personas: []\n  communities: []\n  reach_file:\n")
    )
    assert missing.section("target_groups") == empty.section("target_groups") == TargetGroupsAnswers()
    assert analyse(empty.section("target_groups"), empty).score == 0


# --- page -------------------------------------------------------------------------------------


def test_page_renders_heatmap_sources_and_escapes_client_text(make_engagement: Callable[..., Path]) -> None:
    """Both languages render the heatmap PNG and the sources with years; client text is escaped."""
    text = HAND.replace('"Junge Kundschaft"', '"<script>x</script> $5 $6"').replace('"Forum A"', '"<b>A</b>"')
    engagement = load_engagement(make_engagement(text=text))
    result = analyse(engagement.section("target_groups"), engagement)
    for language in ("de", "en"):
        blocks = render(result, language)
        html = "".join(b for b in blocks if isinstance(b, str))
        assert any(isinstance(b, str) and b.startswith('<svg class="smt-chart"') for b in blocks)
        assert "<script>" not in html and "&lt;b&gt;A&lt;/b&gt;" in html
        assert "ARD/ZDF-Medienstudie 2024 (ard-media.de)" in html and "2023" in html
        assert "Bitkom survey February 2023" in html


def test_findings_render_in_both_languages() -> None:
    """The per-persona finding shows 82,6 % in German and 82.6% in English for WhatsApp."""
    answers = TargetGroupsAnswers.model_validate(
        {"personas": [{"name": "P", "market": "B2C", **YOUNG}], "excluded_platforms": []}
    )
    finding = analyse(answers).findings[0]
    assert finding.key == "target_groups.finding.persona_best"
    assert (
        render_message(finding, "de") == "Für „P“ passt WhatsApp am besten (gewichtete Reichweite 82,6\xa0%)."
    )
    assert render_message(finding, "en") == 'WhatsApp fits "P" best (weighted reach 82.6%).'


def test_catalogs_have_the_same_keys_and_placeholders() -> None:
    """The de and en texts of check 05 define the same keys with the same placeholders."""
    prefixes = ("target_groups.", "check.target_groups.")
    de = {k: v for k, v in catalog("de").items() if k.startswith(prefixes)}
    en = {k: v for k, v in catalog("en").items() if k.startswith(prefixes)}
    assert set(de) == set(en)
    assert {k: placeholders(v) for k, v in de.items()} == {k: placeholders(v) for k, v in en.items()}


def test_whatsapp_is_left_out_of_the_ranking_by_default_and_can_be_put_back() -> None:
    """Messenger daily use does not compare with weekly network reach, so WhatsApp is excluded unless the form says otherwise."""
    from smtoolkit.checks.target_groups import analysis as tg
    from smtoolkit.checks.target_groups.model import TargetGroupsAnswers

    persona = {"name": "Einkauf", "market": "B2B", "age_14_29": 0.2, "age_30_49": 0.5, "age_50_69": 0.3}
    default = tg.analyse(TargetGroupsAnswers.model_validate({"personas": [persona]}))
    assert "whatsapp" not in [r.platform for r in default.details.ranking]
    assert any(f.key == "target_groups.finding.excluded_messenger" for f in default.findings)
    included = tg.analyse(
        TargetGroupsAnswers.model_validate({"personas": [persona], "excluded_platforms": []})
    )
    assert included.details.ranking[0].platform == "whatsapp"
