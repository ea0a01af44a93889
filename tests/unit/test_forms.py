"""Workshop forms: built from the model, validate per field, recalculate and save safely."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from smtoolkit.checks.effort import EffortAnswers
from smtoolkit.engagement import load_engagement
from smtoolkit.forms import Autosaver, ModelForm
from smtoolkit.forms.form import _Control, _Rows
from smtoolkit.store import read_section


def make_form(data: dict[str, Any] | None, seen: list[BaseModel], language: str = "de") -> ModelForm:
    """A form for check 04 that records every valid model it produces."""
    return ModelForm(EffortAnswers, data, prefix="effort", language=language, on_valid=seen.append)


def test_form_shows_one_control_per_field_with_german_labels() -> None:
    """Every model field gets a control; labels come from the catalog."""
    form = make_form({}, [])
    assert set(form.controls) == set(EffortAnswers.model_fields)
    control = form.controls["monitoring_hours_per_week"]
    assert isinstance(control, _Control)
    assert control.label == "Monitoring (Std. pro Woche)"
    assert "Monitoring (Std. pro Woche)" in control.box.children[0].value


def test_a_valid_change_recalculates_with_the_new_value() -> None:
    """Typing 4,5 monitoring hours yields a model with 4.5 passed to on_valid."""
    seen: list[BaseModel] = []
    form = make_form({}, seen)
    control = form.controls["monitoring_hours_per_week"]
    assert isinstance(control, _Control)
    control.widget.value = "4,5"
    assert seen[-1].monitoring_hours_per_week == 4.5  # type: ignore[attr-defined]


def test_an_invalid_value_shows_a_message_next_to_the_field_and_keeps_its_last_valid_value() -> None:
    """A negative value shows 'mindestens 0' beside the field; the model keeps the last valid value."""
    seen: list[BaseModel] = []
    form = make_form({"monitoring_hours_per_week": 3}, seen)
    control = form.controls["monitoring_hours_per_week"]
    assert isinstance(control, _Control)
    control.widget.value = "-2"
    assert seen[-1].monitoring_hours_per_week == 3  # type: ignore[attr-defined]
    assert "mindestens 0" in control.message.value
    assert set(form.problems) == {"monitoring_hours_per_week"}
    control.widget.value = "2"
    assert control.message.value == ""
    assert form.problems == {}
    assert seen[-1].monitoring_hours_per_week == 2  # type: ignore[attr-defined]


def test_an_invalid_field_blocks_only_itself() -> None:
    """With '42,000' (ambiguous) in the salary, a valid edit of another field still reaches the model."""
    seen: list[BaseModel] = []
    form = make_form({"gross_salary": 50000, "monitoring_hours_per_week": 1}, seen)
    salary, monitoring = form.controls["gross_salary"], form.controls["monitoring_hours_per_week"]
    assert isinstance(salary, _Control) and isinstance(monitoring, _Control)
    salary.widget.value = "42,000"
    monitoring.widget.value = "4,5"
    model = seen[-1]
    assert model.monitoring_hours_per_week == 4.5  # type: ignore[attr-defined]
    assert model.gross_salary == 50000  # type: ignore[attr-defined]
    assert "meinten Sie 42.000 oder 42?" in form.problems["gross_salary"]
    assert "meinten Sie 42.000" in salary.message.value
    salary.widget.value = "42.000 €"
    assert seen[-1].gross_salary == 42000  # type: ignore[attr-defined]
    assert form.problems == {}


def test_a_fraction_in_a_whole_number_field_asks_for_a_whole_number() -> None:
    """'46,5' in a whole-number field says that a whole number is needed, not '3,5 would work'."""
    from smtoolkit.checks.people import PeopleAnswers

    seen: list[BaseModel] = []
    form = ModelForm(PeopleAnswers, {}, prefix="people", language="de", on_valid=seen.append)
    control = form.controls["min_group_size"]
    assert isinstance(control, _Control)
    control.widget.value = "46,5"
    assert "ganze Zahl" in form.problems["min_group_size"]
    assert "3,5" not in control.message.value


def test_text_in_a_number_field_is_explained() -> None:
    """Typing a word into a number field asks for a number, in English too."""
    form = make_form({}, [], language="en")
    control = form.controls["gross_salary"]
    assert isinstance(control, _Control)
    control.widget.value = "lots"
    assert "not a number" in control.message.value


def test_rows_can_be_added_removed_and_validated() -> None:
    """The posting plan adds a default row, flags a bad row field, and removes rows."""
    seen: list[BaseModel] = []
    form = make_form(
        {
            "channels": [
                {"platform": "linkedin", "format": "image", "posts_per_week": 3, "minutes_per_post": 60}
            ]
        },
        seen,
    )
    rows = form.controls["channels"]
    assert isinstance(rows, _Rows)
    rows._add({"platform": "instagram", "format": "story", "posts_per_week": 2, "minutes_per_post": 20})
    assert [c.platform for c in seen[-1].channels] == ["linkedin", "instagram"]  # type: ignore[attr-defined]
    bad = next(c for c in rows.rows[1] if c.name == "posts_per_week")
    bad.widget.value = "-1"
    assert "mindestens 0" in bad.message.value
    rows._remove(rows.rows[1])
    assert [c.platform for c in seen[-1].channels] == ["linkedin"]  # type: ignore[attr-defined]


def test_an_exception_in_the_callback_is_shown_and_the_form_keeps_working() -> None:
    """A failing recalculation prints into the form's error area instead of breaking it."""
    calls: list[int] = []

    def fails(_model: BaseModel) -> None:
        calls.append(1)
        raise RuntimeError("boom")

    form = ModelForm(EffortAnswers, {}, prefix="effort", language="de", on_valid=fails)
    control = form.controls["reporting_hours_per_week"]
    assert isinstance(control, _Control)
    control.widget.value = "1"
    control.widget.value = "2"
    assert len(calls) == 2


def test_form_data_is_plain_yaml_friendly() -> None:
    """Whole floats are saved as integers so the YAML stays as people write it."""
    form = make_form({}, [])
    data = form.data(EffortAnswers(monitoring_hours_per_week=3.0, reporting_hours_per_week=1.5))
    assert data["monitoring_hours_per_week"] == 3 and isinstance(data["monitoring_hours_per_week"], int)
    assert data["reporting_hours_per_week"] == 1.5


def test_autosave_debounces_and_saves_the_last_change(make_engagement: Callable[..., Path]) -> None:
    """Three quick changes produce one save with the last value and a 'saved' status."""
    folder = make_engagement()
    states: list[str] = []
    saver = Autosaver(folder, "effort", delay=0.2, status=lambda state, _text: states.append(state))
    base = read_section(folder, "effort")
    for hours in (5, 6, 7):
        saver.schedule(dict(base, monitoring_hours_per_week=hours))
    deadline = time.monotonic() + 5
    while "saved" not in states and time.monotonic() < deadline:
        time.sleep(0.05)
    assert states.count("saved") == 1
    assert load_engagement(folder).section("effort").monitoring_hours_per_week == 7  # type: ignore[attr-defined]
    assert len(list((folder / ".history").iterdir())) == 1


def test_autosave_refuses_to_overwrite_a_hand_edit(make_engagement: Callable[..., Path]) -> None:
    """If the YAML was edited meanwhile, the save reports an error and keeps both the edit and the pending data."""
    folder = make_engagement()
    messages: list[tuple[str, str]] = []
    saver = Autosaver(folder, "effort", delay=60, status=lambda s, t: messages.append((s, t)))
    path = folder / "engagement.yaml"
    path.write_text(path.read_text().replace("reporting_hours_per_week: 1", "reporting_hours_per_week: 8"))
    saver.schedule(dict(read_section(folder, "effort"), monitoring_hours_per_week=4))
    assert saver.flush() is False
    assert messages[-1][0] == "conflict" and "außerhalb des Formulars" in messages[-1][1]
    assert str(folder) not in messages[-1][1]
    assert "reporting_hours_per_week: 8" in path.read_text()
    saver.reload()
    saver.schedule(dict(read_section(folder, "effort"), monitoring_hours_per_week=4))
    assert saver.flush() is True


def test_lists_of_choices_become_labelled_checkboxes() -> None:
    """A list of KPIs is picked from labelled checkboxes (no Ctrl-click), not typed as ids."""
    from pydantic import Field

    from smtoolkit.catalogues import Kpi
    from smtoolkit.models import StrictModel

    class Picks(StrictModel):
        kpis: list[Kpi] = Field(default_factory=list)

    seen: list[BaseModel] = []
    form = ModelForm(Picks, {"kpis": ["followers"]}, prefix="x", language="de", on_valid=seen.append)
    control = form.controls["kpis"]
    assert isinstance(control, _Control)
    assert ("Follower-Wachstum", "follower_growth") in control.widget.options
    control.widget.value = ("followers", "leads")
    assert seen[-1].kpis == ["followers", "leads"]  # type: ignore[attr-defined]
    labels = [label for label, _ in control.widget.options]
    control.widget._boxes[labels.index("Reichweite")].value = True
    assert seen[-1].kpis == ["followers", "reach", "leads"]  # type: ignore[attr-defined]


def test_row_defaults_given_as_models_are_shown_as_rows() -> None:
    """A list field whose default holds model instances still builds its rows."""
    from pydantic import Field

    from smtoolkit.checks.effort import ChannelPlan
    from smtoolkit.models import StrictModel

    class Plan(StrictModel):
        channels: list[ChannelPlan] = Field(default_factory=lambda: [ChannelPlan(platform="xing")])

    seen: list[BaseModel] = []
    form = ModelForm(Plan, None, prefix="effort", language="en", on_valid=seen.append)
    rows = form.controls["channels"]
    assert isinstance(rows, _Rows)
    assert [c.widget.value for c in rows.rows[0] if c.name == "platform"] == ["xing"]


def test_a_percent_sign_in_a_share_field_means_hundredths() -> None:
    """'30 %' in a field that holds a share from 0 to 1 is 0.3; '0,3' stays 0.3."""
    from smtoolkit.checks.people import PeopleAnswers

    seen: list[BaseModel] = []
    form = ModelForm(PeopleAnswers, {}, prefix="people", language="de", on_valid=seen.append)
    control = form.controls["training_threshold"]
    assert isinstance(control, _Control)
    control.widget.value = "30 %"
    assert seen[-1].training_threshold == pytest.approx(0.3)  # type: ignore[attr-defined]
    control.widget.value = "0,4"
    assert seen[-1].training_threshold == pytest.approx(0.4)  # type: ignore[attr-defined]
