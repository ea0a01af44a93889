"""Check 10 reads the survey from the engagement's data folder; missing, bad and partial data are findings."""

from __future__ import annotations

from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from smtoolkit.checks.people import analyse, load_survey, render
from smtoolkit.engagement import load_engagement
from smtoolkit.i18n import render as render_text

HEADER = "respondent_id;Abteilung;att_1;att_2;att_3_r"
ROWS = ["r1;A;5;4;1", "r2;A;4;4;2", "r3;A;3;2;3", "r4;B;2;3;4", "r5;B;1;1;5", "r6;B;4;;2"]


@pytest.fixture
def engagement_with(make_engagement: Callable[..., Path]) -> Callable[..., Any]:
    """Return a factory: an engagement whose data/ folder holds the given files."""

    def make(**files: str) -> Any:
        folder = make_engagement()
        if files:
            (folder / "data").mkdir()
        for name, content in files.items():
            (folder / "data" / name.replace("__", ".")).write_text(content, encoding="utf-8")
        return load_engagement(folder)

    return make


def run(engagement: Any) -> Any:
    """Analyse the engagement's people section."""
    return analyse(engagement.section("people"), engagement)


def findings(result: Any, language: str = "de") -> list[str]:
    """The findings as text."""
    return [render_text(f, language) for f in result.findings]


def page(result: Any, language: str = "de") -> str:
    """The page body as unescaped text."""
    return unescape("".join(b for b in render(result, language) if isinstance(b, str)))


def csv(*rows: str, header: str = HEADER) -> str:
    """A semicolon-separated survey file."""
    return "\n".join([header, *rows]) + "\n"


def test_engagement_without_data_folder_says_the_survey_is_missing(
    engagement_with: Callable[..., Any],
) -> None:
    """No data/ folder: the survey criteria score 0, a finding names the missing file, the page renders."""
    result = run(engagement_with())
    assert result.details.survey.data.status == "no_data_folder"
    assert any(f.startswith("Es liegt keine Mitarbeiterbefragung vor") for f in findings(result))
    assert [c.points for c in result.criteria][4:] == [0, 0]
    assert "people.rec.run_survey" in {r.text.key for r in result.recommendations}
    assert "Ohne auswertbare Befragung entfallen diese Auswertungen." in page(result)


def test_files_of_unknown_format_are_named_when_no_survey_is_found(
    engagement_with: Callable[..., Any],
) -> None:
    """A CSV the importers do not know is named, with what a survey's columns must look like."""
    result = run(engagement_with(notes__csv="foo,bar\n1,2\n"))
    assert result.details.survey.data.status == "no_survey"
    text = " ".join(findings(result, "en"))
    assert "These files in data/ have no known format: data/notes.csv." in text
    assert "There is no employee survey" in text


def test_an_unreadable_survey_file_is_a_finding_with_row_and_column(
    engagement_with: Callable[..., Any], tmp_path: Path
) -> None:
    """A 9 in row 3 is reported with file, row and column, without the local path; the page still renders."""
    result = run(engagement_with(survey__csv=csv("r1;A;5;4;1", "r2;A;4;9;2")))
    assert result.details.survey.data.status == "unreadable"
    (message,) = [f for f in findings(result) if f.startswith("Die Befragungsdatei")]
    assert message.startswith(
        "Die Befragungsdatei data/survey.csv ist nicht lesbar: data/survey.csv, row 3, column 'att_2': "
        "cannot read '9' as a Likert answer; expected: an answer from 1 to 5"
    )
    assert str(tmp_path) not in " ".join(findings(result))
    recs = [render_text(r.text, "de") for r in result.recommendations]
    assert "Die Befragungsdatei data/survey.csv korrigieren und erneut in data/ ablegen." in recs
    assert "Ohne auswertbare Befragung" in page(result)


def test_a_bad_second_file_does_not_hide_the_good_survey(engagement_with: Callable[..., Any]) -> None:
    """The readable file is analysed (6 responses) and the broken one is reported next to it."""
    result = run(engagement_with(survey__csv=csv(*ROWS), later__csv=csv("r7;A;5;x;1")))
    survey = result.details.survey
    assert survey.data.status == "ok" and survey.respondents == 6
    assert any(f.startswith("Die Befragungsdatei data/later.csv ist nicht lesbar") for f in findings(result))


def test_survey_without_department_column_gives_item_results_but_no_breakdown(
    engagement_with: Callable[..., Any],
) -> None:
    """Without a department column, items are analysed and a finding and an action explain the gap."""
    rows = [row.replace(";A;", ";").replace(";B;", ";") for row in ROWS]
    result = run(engagement_with(survey__csv=csv(*rows, header="respondent_id;att_1;att_2;att_3_r")))
    survey = result.details.survey
    assert survey.breakdown.reason == "no_department"
    assert [s.n for s in survey.items] == [6, 5, 6]
    assert any("keine Abteilungsspalte" in f for f in findings(result))
    assert "people.rec.ask_department" in {r.text.key for r in result.recommendations}
    assert "Keine Ergebnisse nach Abteilung: Die Befragung enthält keine Abteilungsspalte" in page(result)


def test_one_item_scale_and_constant_answers_explain_why_alpha_is_undefined(
    engagement_with: Callable[..., Any],
) -> None:
    """Kno has one item; everyone answered con_1 and con_2 with 3: both alphas are undefined, with reasons."""
    header = "respondent_id;kno_1;con_1;con_2"
    rows = [f"r{i};{1 + i % 5};3;3" for i in range(6)]
    result = run(engagement_with(survey__csv=csv(*rows, header=header)))
    text = findings(result)
    assert (
        "Skala „kno“: Cronbachs α ist nicht definiert, weil die Skala nur eine Aussage hat (α braucht mindestens zwei)."
        in text
    )
    assert (
        "Skala „con“: Cronbachs α ist nicht definiert, weil die Summenwerte nicht streuen "
        "(alle vollständigen Antworten ergeben dieselbe Summe)." in text
    )
    assert [s.sd for s in result.details.survey.items][1:] == [0.0, 0.0]
    body = page(result, "en")
    assert "not defined" in body and "the scale has only one item (α needs at least two)" in body


def test_a_changed_survey_file_is_read_again(engagement_with: Callable[..., Any]) -> None:
    """The cached import is renewed when a data file changes."""
    engagement = engagement_with(survey__csv=csv(*ROWS))
    assert load_survey(engagement).frame is not None and len(load_survey(engagement).frame) == 6
    (engagement.folder / "data" / "survey.csv").write_text(csv(*ROWS, "r7;A;5;5;1"), encoding="utf-8")
    assert len(load_survey(engagement).frame) == 7


def test_demo_survey_is_analysed_with_marketing_pooled(root: Path) -> None:
    """The demo: 41 responses, three reliable scales, Marketing (4) pooled with Verwaltung, Produktion lowest."""
    engagement = load_engagement(root / "engagements" / "demo")
    result = run(engagement)
    survey = result.details.survey
    assert survey.respondents == 41 and len(survey.items) == 9
    assert all(a.alpha is not None and a.alpha > 0.8 for a in survey.alphas)
    assert survey.breakdown.pooled == ("Marketing", "Verwaltung")
    assert all(g.n >= 5 for g in survey.breakdown.groups)
    produktion = next(g for g in survey.breakdown.groups if g.label == "Produktion")
    assert produktion.means["knowledge"] == pytest.approx(2.2, abs=0.1)
    html = page(result)
    assert "<td>Marketing</td><td>" not in html.split('id="sec-people-departments"')[1].split("</table>")[0]


def test_demo_people_section_survives_a_workshop_save_unchanged(demo_copy: Path) -> None:
    """Saving the demo's people answers through the form and the store reloads the same answers."""
    from smtoolkit.checks.people import PeopleAnswers
    from smtoolkit.forms import ModelForm
    from smtoolkit.store import save_section
    from smtoolkit.yamlio import to_plain

    engagement = load_engagement(demo_copy)
    form = ModelForm(
        PeopleAnswers, to_plain(engagement.document["people"]), prefix="people", language="de", on_valid=print
    )
    model = form.validate()
    assert model is not None
    save_section(engagement.folder, "people", form.data(model))
    assert load_engagement(demo_copy).section("people") == engagement.section("people")


def test_a_survey_with_three_respondents_is_shown_but_not_scored_or_broken_down(
    engagement_with: Callable[..., Any],
) -> None:
    """Three responses: item figures appear, the survey criteria give 0 and no department results are shown."""
    result = run(engagement_with(survey__csv=csv(*ROWS[:3])))
    survey = result.details.survey
    assert survey.respondents == 3 and survey.breakdown.reason == "too_few_respondents"
    assert [c.points for c in result.criteria][4:] == [0, 0]
    assert render_text(result.criteria[5].detail, "de") == "zu wenige Antworten (unter 5)"
    text = findings(result)
    assert (
        "Nur 3 Antworten: Unter 5 Antworten ist die Befragung nicht aussagekräftig und schützt die Anonymität nicht."
        in text
    )
    assert "people.rec.more_respondents" in {r.text.key for r in result.recommendations}


def test_a_survey_file_without_any_answer_says_so(engagement_with: Callable[..., Any]) -> None:
    """A survey whose item cells are all empty is named as holding no answer, and a survey is recommended."""
    result = run(engagement_with(survey__csv="respondent_id;att_1;att_2\nr1;;\nr2;;\n"))
    assert "Die Befragungsdatei data/survey.csv enthält keine einzige Antwort." in findings(result)
    assert "people.rec.run_survey" in {r.text.key for r in result.recommendations}
