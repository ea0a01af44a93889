"""Check 03 organization against figures worked out by hand (see each test's arithmetic)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from smtoolkit.checks.base import Light, Result
from smtoolkit.checks.effort import EffortAnswers, compute_workload
from smtoolkit.checks.organization import (
    HourBlock,
    OrganizationAnswers,
    Person,
    analyse,
    coverage,
    gap_blocks,
    person_loads,
    pool_hours,
    raci_check,
    render,
)
from smtoolkit.engagement import Engagement, load_engagement
from smtoolkit.errors import ValidationError
from smtoolkit.i18n import render as render_text
from tests.conftest import MINIMAL

# Check 04 of MINIMAL (see test_effort.py): 12 h a week, no agency, so all 12 h are internal:
# creation 6 h, interaction 1.6 + 0.4 = 2 h, monitoring 2 h, reporting 1 h, coordination 1 h.
# Its available_hours_per_week is 10.
#
# RACI below, by task (Anna / Ben / Cem):
#   strategy             A/R  C   -   -> valid
#   content_creation     A    R   -   -> valid
#   publishing           A    R   -   -> valid
#   community_management A    R   R   -> valid
#   monitoring           A    R   I   -> valid
#   crisis_response      A    R   A   -> two A (several_a)
#   reporting            I    R   I   -> no A
#   guidelines_training  A    C   -   -> no R
# Hours needed: creation 6 -> Ben; interaction 2 -> Ben 1, Cem 1; monitoring 2 -> Ben;
# reporting 1 -> Ben; coordination 1 -> Anna (strategy R). Ben 10 h (has 6), Anna 1 h (has 4),
# Cem 1 h (has 1: exactly enough). Ben is R for 6 tasks (> 4).
# Staffed Mon-Fri 9-17 (8 h x 5 = 40) and Sat 10-12; audience default Mon-Fri 7-19 (12 h x 5 = 60).
ORGANIZATION = textwrap.dedent(
    """\
    organization:
      people:
        - {name: "Anna", role: marketing_lead, hours_per_week: 4, strategy: A/R, content_creation: A,
           publishing: A, community_management: A, monitoring: A, crisis_response: A, reporting: I,
           guidelines_training: A}
        - {name: "Ben", role: social_media_manager, hours_per_week: 6, strategy: C, content_creation: R,
           publishing: R, community_management: R, monitoring: R, crisis_response: R, reporting: R,
           guidelines_training: C}
        - {name: "Cem", role: customer_service, hours_per_week: 1, community_management: R,
           monitoring: I, crisis_response: A, reporting: I}
      staffed_hours:
        - {day: mon, start: 9, end: 17}
        - {day: tue, start: 9, end: 17}
        - {day: wed, start: 9, end: 17}
        - {day: thu, start: 9, end: 17}
        - {day: fri, start: 9, end: 17}
        - {day: sat, start: 10, end: 12}
      working_group: true
      meetings_per_month: 1
      working_group_members: ["Anna", "Ben", "Cem"]
    """
)
TEXT = MINIMAL + ORGANIZATION


def load(make_engagement: Callable[..., Path], text: str = TEXT, slug: str = "muster") -> Engagement:
    """Load a hand-made engagement."""
    return load_engagement(make_engagement(slug=slug, text=text))


def result_of(engagement: Engagement) -> Result:
    """Run check 03 on the engagement."""
    answers = engagement.section("organization")
    assert isinstance(answers, OrganizationAnswers)
    return analyse(answers, engagement)


def person(name: str, hours: float = 0, **letters: str) -> Person:
    """A person with RACI letters per task."""
    return Person.model_validate({"name": name, "hours_per_week": hours, **letters})


# ---------------------------------------------------------------- RACI rules


def test_raci_violations_are_listed_per_task(make_engagement: Callable[..., Path]) -> None:
    """Crisis response has two A, reporting no A, guidelines no R; the other five tasks are valid."""
    answers = load(make_engagement).section("organization")
    assert isinstance(answers, OrganizationAnswers)
    checks = {c.task: c for c in raci_check(answers.people)}
    assert {t: c.violations for t, c in checks.items() if c.violations} == {
        "crisis_response": ("several_a",),
        "reporting": ("no_a",),
        "guidelines_training": ("no_r",),
    }
    assert checks["crisis_response"].accountable == (0, 2)
    assert checks["strategy"].accountable == checks["strategy"].responsible == (0,)


def test_a_task_nobody_touches_breaks_both_rules() -> None:
    """An empty grid row has neither an A nor an R: two violations."""
    checks = raci_check([person("Solo", 5, strategy="A/R")])
    assert checks[0].valid
    assert all(c.violations == ("no_a", "no_r") for c in checks[1:])


def test_letters_are_normalised() -> None:
    """Lower case r, RA and an empty entry are read as R, A/R and no entry."""
    p = person("X", strategy="ra", publishing="r", monitoring="")
    assert (p.strategy, p.publishing, p.monitoring) == ("A/R", "R", None)


# ---------------------------------------------------------------- load and capacity


def test_pool_hours_come_from_check_04() -> None:
    """MINIMAL's 12 h split into creation 6, interaction 2, monitoring 2, reporting 1, coordination 1."""
    workload = compute_workload(EffortAnswers.model_validate(_effort_dict()))
    assert pool_hours(workload) == pytest.approx(
        {"creation": 6.0, "interaction": 2.0, "monitoring": 2.0, "reporting": 1.0, "coordination": 1.0}
    )


def test_agency_hours_are_taken_out_of_every_pool() -> None:
    """13 agency days x 8 h = 104 of 624 h a year: internal share 520/624, creation 6 x 5/6 = 5 h."""
    workload = compute_workload(EffortAnswers.model_validate({**_effort_dict(), "agency_days_per_year": 13}))
    pools = pool_hours(workload)
    assert sum(pools.values()) == pytest.approx(10.0)
    assert pools["creation"] == pytest.approx(5.0)
    assert pools["interaction"] == pytest.approx(2 * 5 / 6)


def test_hours_and_responsibilities_per_person(make_engagement: Callable[..., Path]) -> None:
    """Ben needs 10 h with 6 available and holds 6 R (> 4); Cem needs exactly his 1 h and is fine."""
    result = result_of(load(make_engagement))
    loads = {load.person.name: load for load in result.details.loads}
    assert loads["Ben"].needed == pytest.approx(10.0)
    assert loads["Ben"].responsibilities == 6
    assert loads["Ben"].over_count and loads["Ben"].over_hours
    assert loads["Anna"].needed == pytest.approx(1.0) and not loads["Anna"].overloaded
    assert loads["Cem"].needed == pytest.approx(1.0) and not loads["Cem"].overloaded


def test_responsibility_limit_boundary() -> None:
    """Four R tasks are allowed with the default limit of 4; a fifth overloads; the limit is configurable."""
    four = person("Vier", 40, content_creation="R", publishing="R", monitoring="R", reporting="R")
    five = person(
        "Fünf", 40, content_creation="R", publishing="R", monitoring="R", reporting="R", strategy="R"
    )
    loads, _ = person_loads([four, five], None, 4)
    assert [load.over_count for load in loads] == [False, True]
    assert loads[0].needed is None
    loads, _ = person_loads([four], None, 3)
    assert loads[0].over_count


def test_pool_without_r_is_unassigned() -> None:
    """Nobody is R for monitoring or reporting: their 2 + 1 hours are reported as unassigned."""
    pools = {"creation": 6.0, "interaction": 2.0, "monitoring": 2.0, "reporting": 1.0, "coordination": 1.0}
    people = [person("A", 10, content_creation="R", community_management="R", strategy="A/R")]
    loads, unassigned = person_loads(people, pools, 4)
    assert unassigned == {"monitoring": 2.0, "reporting": 1.0}
    assert loads[0].needed == pytest.approx(9.0)


def test_capacity_against_check_04(make_engagement: Callable[..., Path]) -> None:
    """4 + 6 + 1 = 11 h available against 12 h internal need from check 04: 91.7 % covered."""
    details = result_of(load(make_engagement)).details
    assert details.capacity.available == pytest.approx(11.0)
    assert details.capacity.required == pytest.approx(12.0)
    assert details.capacity.share == pytest.approx(11 / 12)
    assert details.capacity.effort_available == 10


def test_capacity_is_not_judged_without_a_posting_plan(make_engagement: Callable[..., Path]) -> None:
    """Without channels in check 04 the capacity criterion scores 0 and hours needed are unknown."""
    text = "client:\n  name: X\n" + ORGANIZATION
    result = result_of(load(make_engagement, text))
    details = result.details
    assert details.capacity.required is None and details.pools is None
    assert result.criteria[2].points == 0
    keys = [f.key for f in result.findings]
    assert "organization.finding.capacity_unknown" in keys
    assert "organization.rec.effort" in {r.text.key for r in result.recommendations}


# ---------------------------------------------------------------- coverage


def test_coverage_gaps_are_active_hours_without_staff() -> None:
    """Staffed Mon-Fri 9-17 against audience Mon-Fri 7-19: 40 of 60 covered, 20 gaps in 10 runs."""
    staffed = [HourBlock(day=d, start=9, end=17) for d in ("mon", "tue", "wed", "thu", "fri")]
    staffed.append(HourBlock(day="sat", start=10, end=12))
    cov = coverage(staffed, OrganizationAnswers().audience_hours)
    assert len(cov.active) == 60 and len(cov.staffed) == 42
    assert cov.covered == 40 and len(cov.gaps) == 20
    assert cov.share == pytest.approx(40 / 60)
    runs = gap_blocks(cov.gaps)
    assert len(runs) == 10
    assert runs[:2] == [("mon", 7, 9), ("mon", 17, 19)]


def test_gap_runs_merge_consecutive_hours() -> None:
    """Hours 13, 14, 15 and 18 of a Friday become the runs 13-16 and 18-19."""
    assert gap_blocks([("fri", 15), ("fri", 13), ("fri", 18), ("fri", 14)]) == [
        ("fri", 13, 16),
        ("fri", 18, 19),
    ]


def test_no_audience_hours_means_coverage_not_recorded() -> None:
    """An empty audience list gives no share, 0 coverage points and a finding saying so."""
    result = analyse(OrganizationAnswers(audience_hours=[]))
    assert result.details.coverage.share is None
    assert result.criteria[3].points == 0
    assert "organization.finding.no_audience" in [f.key for f in result.findings]


# ---------------------------------------------------------------- score, findings, page


def test_score_matches_hand_figures(make_engagement: Callable[..., Path]) -> None:
    """RACI 5/8, 2 of 3 not overloaded, 11/12 h, 40/60 active hours, monthly group: 75.0, green."""
    result = result_of(load(make_engagement))
    points = [c.points for c in result.criteria]
    # 30 x 5/8 = 18.75; 15 x 2/3 = 10; 25 x 11/12 = 22.917; 20 x 40/60 = 13.333; 10. Sum 75.0.
    assert points == pytest.approx([18.75, 10.0, 25 * 11 / 12, 20 * 40 / 60, 10.0])
    assert result.score == 75.0
    assert result.light is Light.GREEN


def test_working_group_points(make_engagement: Callable[..., Path]) -> None:
    """A group meeting every two months earns 5 points, no group 0."""
    rare = load(make_engagement, TEXT.replace("meetings_per_month: 1", "meetings_per_month: 0.5"), "rare")
    none = load(make_engagement, TEXT.replace("working_group: true", "working_group: false"), "none")
    assert result_of(rare).criteria[4].points == 5
    assert result_of(none).criteria[4].points == 0


def test_findings_name_each_violation_overload_and_gap(make_engagement: Callable[..., Path]) -> None:
    """Every RACI violation, Ben's overload, the 04 mismatch and the longest gap appear as findings."""
    result = result_of(load(make_engagement))
    texts = [render_text(f, "de") for f in result.findings]
    assert texts[:3] == [
        "Krisenreaktion: Mehrere Personen sind rechenschaftspflichtig (Anna, Cem); es darf nur ein A geben.",
        "Reporting: Niemand ist rechenschaftspflichtig (kein A).",
        "Guidelines und Schulung: Niemand führt die Aufgabe durch (kein R).",
    ]
    assert "Ben führt 6 Aufgaben durch (R); mehr als 4 gelten als Überlastung." in texts
    assert "Ben bräuchte 10,0\xa0Std. pro Woche, hat aber nur 6,0\xa0Std. für Social Media." in texts
    assert any(
        t.startswith("In Prüfpunkt 04 sind 10,0\xa0Std. pro Woche als verfügbar eingetragen") for t in texts
    )
    assert (
        "20 von 60 Stunden pro Woche, in denen die Zielgruppe aktiv ist, sind nicht besetzt (33\xa0%); "
        "die längste Lücke ist Montag von 7 bis 9 Uhr." in texts
    )
    recs = [r.text.key for r in result.recommendations]
    assert recs == [
        "organization.rec.raci",
        "organization.rec.relieve",
        "organization.rec.capacity",
        "organization.rec.align_hours",
        "organization.rec.coverage",
    ]


def test_empty_section_scores_zero_and_says_what_is_missing(make_engagement: Callable[..., Path]) -> None:
    """No organization section, or no people: 0 points, a finding and an action to fill the grid."""
    for slug, text in (("missing", MINIMAL), ("empty", MINIMAL + "organization:\n  people: []\n")):
        result = result_of(load(make_engagement, text, slug))
        assert result.score == 0 and result.light is Light.RED
        assert result.findings[0].key == "organization.finding.no_people"
        assert result.recommendations[0].text.key == "organization.rec.record_people"
        render(result, "de")


def test_page_renders_in_both_languages_and_escapes_names(make_engagement: Callable[..., Path]) -> None:
    """The RACI table, load table, two charts; a name like <b>Ben</b> shows as text and is marked red."""
    text = TEXT.replace('name: "Ben"', 'name: "<b>Ben</b> $5"')
    result = result_of(load(make_engagement, text))
    for language in ("de", "en"):
        blocks = render(result, language)
        html = "".join(b for b in blocks if isinstance(b, str))
        assert "<b>Ben" not in html and "&lt;b&gt;Ben&lt;/b&gt; $5" in html
        assert "background:#fdecea" in html
        assert sum(str(b).count('<svg class="smt-chart"') for b in blocks) == 2


# ---------------------------------------------------------------- bad input through the engagement file


def line_of(text: str, fragment: str) -> int:
    """The 1-based line of the first line containing ``fragment``."""
    return next(i for i, line in enumerate(text.splitlines(), start=1) if fragment in line)


def problems_of(make_engagement: Callable[..., Path], text: str) -> list[str]:
    """The validation problems of an engagement file."""
    with pytest.raises(ValidationError) as caught:
        load_engagement(make_engagement(text=text))
    return caught.value.problems


def test_unknown_raci_letter_names_line_and_field(make_engagement: Callable[..., Path]) -> None:
    """An X in the grid is reported as engagement.yaml:<line> organization.people[2].monitoring."""
    text = TEXT.replace("monitoring: I, crisis_response: A", "monitoring: X, crisis_response: A")
    (problem,) = problems_of(make_engagement, text)
    line = line_of(text, "monitoring: X")
    assert f"engagement.yaml:{line} organization.people[2].monitoring: 'X' is not allowed" in problem
    assert "'R', 'A', 'C', 'I' or 'A/R'" in problem


def test_out_of_range_hours_and_bad_blocks_are_reported(make_engagement: Callable[..., Path]) -> None:
    """80 h a week, an end hour before the start and an unknown weekday each name their field."""
    text = (
        TEXT.replace("hours_per_week: 6,", "hours_per_week: 80,")
        .replace("{day: tue, start: 9, end: 17}", "{day: tue, start: 9, end: 8}")
        .replace("{day: sat, start: 10, end: 12}", "{day: saturday, start: 10, end: 12}")
    )
    problems = problems_of(make_engagement, text)
    assert len(problems) == 3
    joined = "\n".join(problems)
    assert (
        f"engagement.yaml:{line_of(text, 'hours_per_week: 80')} organization.people[1].hours_per_week: 80 is not <= 60"
        in joined
    )
    assert (
        f"engagement.yaml:{line_of(text, 'end: 8}')} organization.staffed_hours[1].end: "
        "the end hour must be after the start hour 9"
    ) in joined
    assert (
        f"engagement.yaml:{line_of(text, 'saturday')} organization.staffed_hours[5].day: 'saturday' is not allowed"
        in joined
    )


def test_bad_working_group_values_are_reported(make_engagement: Callable[..., Path]) -> None:
    """Negative meetings and a limit of 0 R tasks fail with their bounds."""
    text = TEXT.replace("meetings_per_month: 1", "meetings_per_month: -1\n  max_responsibilities: 0")
    problems = problems_of(make_engagement, text)
    assert any(
        f":{line_of(text, 'meetings_per_month')} organization.meetings_per_month: -1 is not >= 0" in p
        for p in problems
    )
    assert any(
        f":{line_of(text, 'max_responsibilities')} organization.max_responsibilities: 0 is not >= 1" in p
        for p in problems
    )


def _effort_dict() -> dict[str, object]:
    """The effort section of MINIMAL as a plain dict."""
    from ruamel.yaml import YAML

    data = YAML(typ="safe", pure=True).load(MINIMAL)
    return dict(data["effort"])
