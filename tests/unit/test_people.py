"""Check 10 people: guideline coverage and draft, trainings and the score, worked out by hand."""

from __future__ import annotations

import datetime as dt
from html import unescape
from types import SimpleNamespace
from typing import Any

import pandas as pd
import pytest
from pydantic import ValidationError

from smtoolkit.checks.base import Light
from smtoolkit.checks.people import (
    PeopleAnswers,
    SurveyData,
    analyse,
    attendance_rate,
    coverage,
    draft,
    render,
    training_coverage,
    training_state,
)
from smtoolkit.checks.people.analysis import TrainingRow
from smtoolkit.i18n import render as render_text

WORKSHOP = dt.date(2026, 11, 12)
ENGAGEMENT = SimpleNamespace(
    folder=None, client=SimpleNamespace(name="Muster GmbH"), settings=SimpleNamespace(workshop_date=WORKSHOP)
)

# Guideline: 5 covered, 2 partly, 1 missing, 1 not applicable → (5 + ½ · 2) / 8 = 0.75.
GUIDELINES = [
    {"topic": "separate_use", "status": "covered", "rule": "Nur Marketing postet auf Firmenkonten."},
    {"topic": "personal_responsibility", "status": "covered"},
    {"topic": "transparency", "status": "partly", "contact": "communications"},
    {"topic": "law", "status": "covered", "contact": "legal"},
    {"topic": "works_council", "status": "not_applicable"},
    {"topic": "respect", "status": "covered"},
    {"topic": "damaging_statements", "status": "partly"},
    {"topic": "continuity", "status": "missing"},
    {"topic": "expertise", "status": "covered", "contact": "social_media_manager"},
]
# Trainings on 12 Nov 2026: two held (8 of 10, 13 of 20 → 21/30 = 0.7), one past without
# participants, one later, one without a date.
TRAININGS = [
    {"training": "Basis", "date": "2026-03-01", "department": "Vertrieb", "invited": 10, "attended": 8},
    {"training": "LinkedIn", "date": "2026-06-01", "department": "Service", "invited": 20, "attended": 13},
    {"training": "Recht", "date": "2026-10-01", "department": "Vertrieb", "invited": 15},
    {"training": "Schicht", "date": "2026-12-01", "department": "Produktion", "invited": 40},
    {"training": "Pilot", "department": "Service", "invited": 5},
]


def answers(**changes: Any) -> PeopleAnswers:
    """The hand-worked answers with some fields changed."""
    base = {
        "guidelines": GUIDELINES,
        "guideline_published": True,
        "private_use_at_work": "breaks_only",
        "trainings": TRAININGS,
    }
    return PeopleAnswers.model_validate({**base, **changes})


def hand_survey() -> SurveyData:
    """Six respondents (see test_people_survey): 4 answered items, att_2 and kno_1 below 0.5."""
    rows = [
        ("r1", "A", 5, 4, 1, 2),
        ("r2", "A", 4, 4, 2, 3),
        ("r3", "A", 3, 2, 3, None),
        ("r4", "B", 2, 3, 4, 4),
        ("r5", "B", 1, 1, 5, 5),
        ("r6", "B", 4, None, 2, 1),
    ]
    frame = pd.DataFrame(rows, columns=["respondent_id", "department", "att_1", "att_2", "att_3_r", "kno_1"])
    for column in frame.columns:
        frame[column] = frame[column].astype(
            "string" if column in {"respondent_id", "department"} else "Int64"
        )
    return SurveyData("ok", frame, ("data/survey.csv",))


def keys(result: Any) -> list[str]:
    """The catalog keys of the findings."""
    return [f.key for f in result.findings]


def text(blocks: list[Any]) -> str:
    """The page body as unescaped text (charts left out)."""
    return unescape("".join(b for b in blocks if isinstance(b, str)))


def test_coverage_counts_partly_as_half_and_leaves_out_topics_not_applicable() -> None:
    """(5 covered + ½ · 2 partly) ÷ 8 applicable topics = 0.75."""
    cov = coverage(answers())
    assert (len(cov.covered), len(cov.partly), cov.missing, cov.not_applicable) == (
        5,
        2,
        ("continuity",),
        ("works_council",),
    )
    assert cov.share == pytest.approx(0.75)


def test_topics_without_a_row_count_as_missing() -> None:
    """Only two rows, one covered: 1 ÷ 9 topics."""
    cov = coverage(PeopleAnswers.model_validate({"guidelines": [{"topic": "law", "status": "covered"}]}))
    assert cov.share == pytest.approx(1 / 9) and len(cov.missing) == 8


def test_an_empty_section_lists_all_nine_topics_as_missing() -> None:
    """The default checklist holds every topic once, all missing, so the form shows them all."""
    empty = PeopleAnswers()
    assert [row.topic for row in empty.guidelines][:2] == ["separate_use", "personal_responsibility"]
    assert len(empty.guidelines) == 9 and coverage(empty).share == 0


def test_draft_has_one_section_per_covered_or_partly_covered_topic_with_the_company_filled_in() -> None:
    """Seven sections in topic order; the company, its rule, private use, contacts and open points appear."""
    title, preamble, sections = draft(answers(guideline_date="2024-03-01"), "Muster GmbH")
    assert render_text(title, "de") == "Social-Media-Leitlinien für Muster GmbH"
    assert [s.topic for s in sections] == [
        "separate_use",
        "personal_responsibility",
        "transparency",
        "law",
        "respect",
        "damaging_statements",
        "expertise",
    ]
    assert [s.number for s in sections] == [1, 2, 3, 4, 5, 6, 7]
    first = [render_text(p, "de") for p in sections[0].paragraphs]
    assert "offiziellen Konten von Muster GmbH" in first[0]
    assert first[1] == "Privat nutzen wir soziale Medien in den Pausen, nicht während der Arbeitszeit."
    assert first[2] == "Bei Muster GmbH gilt: Nur Marketing postet auf Firmenkonten."
    transparency = [render_text(p, "en") for p in sections[2].paragraphs]
    assert transparency[-2:] == [
        "Contact: Corporate communications",
        "Open point: this section was only partly settled in the workshop and still has to be agreed.",
    ]
    assert sections[2].open_point and not sections[0].open_point
    expertise = [render_text(p, "de") for p in sections[-1].paragraphs]
    assert "Transparenz: private Meinung kennzeichnen: Unternehmenskommunikation" in expertise
    assert "Recht: Urheberrecht, Datenschutz, Vertraulichkeit: Recht und Datenschutz" in expertise
    assert render_text(preamble[1], "de") == (
        "Grundlage: die Leitlinien mit Stand vom 01.03.2024 und die Antworten aus dem Workshop."
    )


def test_training_states_on_the_reference_date() -> None:
    """With participants: held; later or undated: planned; past without participants: not recorded."""
    states = [training_state(t, WORKSHOP) for t in answers().trainings]
    assert states == ["held", "held", "not_recorded", "planned", "planned"]


def test_attendance_and_coverage_by_department_match_hand_figures() -> None:
    """Attendance 21 ÷ 30 = 0.7; Vertrieb 8/10 with one unrecorded, Service 13/20 with one planned."""
    rows = [TrainingRow(t, training_state(t, WORKSHOP)) for t in answers().trainings]
    assert attendance_rate(rows) == pytest.approx(0.7)
    by_department = {c.department: c for c in training_coverage(rows)}
    vertrieb, service, produktion = (
        by_department["Vertrieb"],
        by_department["Service"],
        by_department["Produktion"],
    )
    assert (vertrieb.held, vertrieb.not_recorded, vertrieb.invited, vertrieb.attended) == (1, 1, 10, 8)
    assert vertrieb.rate == pytest.approx(0.8)
    assert (service.held, service.planned, service.rate) == (1, 1, pytest.approx(0.65))
    assert (produktion.planned, produktion.rate) == (1, None)


def test_score_adds_up_the_hand_worked_criteria() -> None:
    """26.25 coverage + 10 published + 10 held + 10.5 attendance + 10 survey + 10 results = 76.75."""
    # coverage 35 · 0.75 = 26.25; attendance 15 · 0.7 = 10.5; survey of 6 ≥ 5 respondents: 10;
    # results: 2 of 4 answered items reach 50 % → 20 · 2/4 = 10.
    result = analyse(answers(), ENGAGEMENT, survey=hand_survey())
    points = [c.points for c in result.criteria]
    assert points == pytest.approx([26.25, 10, 10, 10.5, 10, 10])
    assert sum(c.max_points for c in result.criteria) == 100
    assert result.score == pytest.approx(76.8) and result.light is Light.GREEN


def test_findings_and_recommendations_follow_from_the_answers() -> None:
    """Missing and partly covered topics, unrecorded attendance and the needy scales lead to actions."""
    result = analyse(answers(), ENGAGEMENT, survey=hand_survey())
    assert "people.finding.missing_topics" in keys(result)
    assert "people.finding.attendance_missing" in keys(result)
    found = [render_text(f, "de") for f in result.findings]
    assert "2 von 4 Aussagen erreichen weniger als 50\xa0% Zustimmung" in " ".join(found)
    assert any("„att_2“, „kno_1“" in f for f in found)
    recs = {r.text.key: r for r in result.recommendations}
    assert set(recs) >= {
        "people.rec.add_topics",
        "people.rec.settle_topics",
        "people.rec.record_attendance",
        "people.rec.attendance",
        "people.rec.train_scales",
    }
    assert "people.rec.publish" not in recs and "people.rec.works_council" not in recs
    assert (recs["people.rec.attendance"].owner, recs["people.rec.attendance"].impact) == ("hr", 2)
    assert render_text(recs["people.rec.train_scales"].text, "de") == (
        "Schulungen zu „att“, „kno“ anbieten: 2 Aussagen liegen unter der Schwelle."
    )


def test_an_unanswered_section_without_data_scores_zero_and_names_what_is_missing() -> None:
    """No topics, trainings or survey: 0 points; findings say what is missing; works council and law get own actions."""
    result = analyse(PeopleAnswers(), ENGAGEMENT)
    assert result.score == 0 and result.light is Light.RED
    assert {"people.finding.no_trainings", "people.finding.no_survey"} <= set(keys(result))
    recs = {r.text.key for r in result.recommendations}
    assert recs == {
        "people.rec.write_guideline",
        "people.rec.works_council",
        "people.rec.law",
        "people.rec.plan_trainings",
        "people.rec.run_survey",
    }
    for language in ("de", "en"):
        body = text(render(result, language))
        assert "Noch kein Thema ist geregelt" in body or "No topic is covered yet" in body


def test_page_renders_in_both_languages_with_every_section() -> None:
    """The page has the sections checklist, draft, survey, reliability, departments, needs, training, sources."""
    result = analyse(answers(), ENGAGEMENT, survey=hand_survey())
    for language in ("de", "en"):
        blocks = render(result, language)
        html = "".join(b for b in blocks if isinstance(b, str))
        for section in ("guidelines", "draft", "survey", "reliability", "departments", "needs", "training"):
            assert f'id="sec-people-{section}"' in html
        assert 'class="smt-chart" role="img" aria-label="' in html and "<svg " in html
    body = text(render(result, "de"))
    assert "Social-Media-Leitlinien für Muster GmbH" in body and "nicht definiert" in body
    assert "Keine Ergebnisse nach Abteilung" in body


def test_client_text_in_the_draft_and_tables_is_escaped() -> None:
    """A rule, a company name and an item wording with markup show as text, never as HTML."""
    evil = "<script>alert(1)</script>"
    guidelines = [{"topic": "law", "status": "covered", "rule": evil}]
    engagement = SimpleNamespace(folder=None, client=SimpleNamespace(name=f"{evil} AG"), settings=None)
    result = analyse(
        answers(guidelines=guidelines, survey_items=[{"item": "att_1", "text": evil}]),
        engagement,
        survey=hand_survey(),
    )
    html = "".join(b for b in render(result, "de") if isinstance(b, str))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_results_by_department_show_only_groups_of_at_least_five() -> None:
    """With departments A (6), B (5) and C (2), C is pooled with B and never shown alone."""
    rows = []
    for i, department in enumerate(["A"] * 6 + ["B"] * 5 + ["C"] * 2):
        rows.append((str(i), department, 4 if department == "A" else 2, 3))
    frame = pd.DataFrame(rows, columns=["respondent_id", "department", "x_1", "x_2"])
    frame["department"] = frame["department"].astype("string")
    frame[["x_1", "x_2"]] = frame[["x_1", "x_2"]].astype("Int64")
    result = analyse(answers(), ENGAGEMENT, survey=SurveyData("ok", frame, ("data/s.csv",)))
    groups = result.details.survey.breakdown.groups
    assert [(g.label, g.n) for g in groups] == [("A", 6), (None, 7)]
    html = unescape("".join(b for b in render(result, "de") if isinstance(b, str)))
    assert "<td>Weitere Bereiche: C, B</td>" in html and "<td>C</td>" not in html
    assert "<td>B</td>" not in html
    pooled = [render_text(f, "de") for f in result.findings if f.key == "people.finding.pooled_with"]
    assert pooled == [
        "Zum Schutz der Anonymität sind Abteilungen mit weniger als 5 Antworten (C) mit B zur Gruppe "
        "„Weitere Bereiche“ zusammengefasst."
    ]


def test_attended_above_invited_is_refused_with_a_clear_message() -> None:
    """12 of 10 invited cannot have attended."""
    with pytest.raises(ValidationError, match=r"attended \(12\) is more than invited \(10\)"):
        PeopleAnswers.model_validate({"trainings": [{"training": "x", "invited": 10, "attended": 12}]})


def test_duplicate_topics_bad_item_ids_and_a_lower_anonymity_limit_are_refused() -> None:
    """A topic twice, an item id that is no item id and a minimum group below 5 are errors."""
    with pytest.raises(ValidationError, match="'law' is listed twice"):
        PeopleAnswers.model_validate({"guidelines": [{"topic": "law"}, {"topic": "law"}]})
    with pytest.raises(ValidationError, match="'Frage 1' is not a survey item id"):
        PeopleAnswers.model_validate({"survey_items": [{"item": "Frage 1", "text": "x"}]})
    with pytest.raises(ValidationError, match="greater than or equal to 5"):
        PeopleAnswers.model_validate({"min_group_size": 3})


def test_workshop_form_lists_the_nine_topics_and_recalculates_on_a_status_change() -> None:
    """An empty section's form shows nine topic rows with German labels; setting one covered re-scores."""
    from smtoolkit.forms import ModelForm
    from smtoolkit.forms.form import _Control, _Rows

    seen: list[Any] = []
    form = ModelForm(PeopleAnswers, {}, prefix="people", language="de", on_valid=seen.append)
    assert set(form.controls) == set(PeopleAnswers.model_fields)
    rows = form.controls["guidelines"]
    assert isinstance(rows, _Rows) and len(rows.rows) == 9
    status = next(c for c in rows.rows[3] if c.name == "status")
    assert dict(status.widget.options)["geregelt"] == "covered"
    status.widget.value = "covered"
    assert coverage(seen[-1]).covered == ("law",)
    published = form.controls["guideline_published"]
    assert isinstance(published, _Control)
    assert published.label == "Leitlinien an alle Mitarbeitenden verteilt"
