"""Check 10 people (Mitarbeiter motivieren): guidelines, employee survey, training needs and plan."""

from smtoolkit.checks.people.analysis import (
    analyse,
    attendance_rate,
    evaluate_survey,
    reliability_level,
    training_coverage,
    training_state,
)
from smtoolkit.checks.people.data import SurveyData, load_survey
from smtoolkit.checks.people.guideline import coverage, draft
from smtoolkit.checks.people.model import (
    GuidelineTopic,
    PeopleAnswers,
    SurveyItem,
    SurveyScale,
    Training,
)
from smtoolkit.checks.people.survey import (
    cronbach_alpha,
    department_breakdown,
    group_departments,
    item_statistics,
    recode,
    scale_alphas,
    training_needs,
)
from smtoolkit.checks.people.view import render
from smtoolkit.checks.registry import CheckSpec, register

__all__ = [
    "SPEC",
    "GuidelineTopic",
    "PeopleAnswers",
    "SurveyData",
    "SurveyItem",
    "SurveyScale",
    "Training",
    "analyse",
    "attendance_rate",
    "coverage",
    "cronbach_alpha",
    "department_breakdown",
    "draft",
    "evaluate_survey",
    "group_departments",
    "item_statistics",
    "load_survey",
    "recode",
    "reliability_level",
    "render",
    "scale_alphas",
    "training_coverage",
    "training_needs",
    "training_state",
]

SPEC = register(
    CheckSpec(
        number=10,
        slug="people",
        model=PeopleAnswers,
        analyse=analyse,
        render=render,
        form_hints={},
        files=True,
    )
)
