"""The answers of check 10 (people): guideline checklist, training plan, survey wording."""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import Field, field_validator, model_validator

from smtoolkit.catalogues import Role
from smtoolkit.importers.schemas import ITEM_ID_PATTERN
from smtoolkit.models import StrictModel

__all__ = [
    "STATUSES",
    "TOPICS",
    "GuidelineTopic",
    "PeopleAnswers",
    "PrivateUse",
    "Status",
    "SurveyItem",
    "SurveyScale",
    "Topic",
    "Training",
]

#: The topics commonly found in social media guidelines (Bitkom guide, point 10), in the
#: order the guideline draft uses.
Topic = Literal[
    "separate_use",
    "personal_responsibility",
    "transparency",
    "law",
    "works_council",
    "respect",
    "damaging_statements",
    "continuity",
    "expertise",
]
TOPICS: tuple[str, ...] = get_args(Topic)

#: How far a topic is settled: in the guideline, partly (being drafted, not agreed), not at
#: all, or not applicable (e.g. works council in a company without one).
Status = Literal["covered", "partly", "missing", "not_applicable"]
STATUSES: tuple[str, ...] = get_args(Status)

#: What the company allows for private social media use at work.
PrivateUse = Literal["allowed", "breaks_only", "not_allowed"]


class GuidelineTopic(StrictModel):
    """One topic of the guideline checklist and the company's own rule for it."""

    topic: Topic = "separate_use"
    status: Status = "missing"
    rule: str = Field(
        "", max_length=600, description="the company's own rule in its words; goes into the draft"
    )
    contact: Role | None = Field(None, description="who employees ask about this topic")


def _all_topics() -> list[dict[str, str]]:
    """One row per topic, all missing; plain data, because the workshop form edits rows as dicts."""
    return [{"topic": topic, "status": "missing"} for topic in TOPICS]


class Training(StrictModel):
    """One training or information event: when, for which department, invited and attended.

    ``attended`` stays empty until the training has taken place; a training with a number
    of participants counts as held.
    """

    training: str = Field("", max_length=120)
    date: dt.date | None = None
    department: str = Field("", max_length=80)
    invited: int = Field(0, ge=0, le=100_000)
    attended: int | None = Field(None, ge=0, le=100_000)

    @model_validator(mode="after")
    def _attended_at_most_invited(self) -> Training:
        if self.attended is not None and self.attended > self.invited:
            raise ValueError(
                f"attended ({self.attended}) is more than invited ({self.invited}); "
                "enter the number of people invited and how many of them took part"
            )
        return self


class SurveyItem(StrictModel):
    """The wording of one survey item, shown instead of its id in tables and charts."""

    item: str = Field("", max_length=64, description="item id as in the survey file, e.g. attitude_3_r")
    text: str = Field("", max_length=200)

    @field_validator("item")
    @classmethod
    def _item_id(cls, value: str) -> str:
        if value and not ITEM_ID_PATTERN.match(value):
            raise ValueError(
                f"{value!r} is not a survey item id; expected <scale>_<number> in lower case, "
                "with _r for a reverse-coded item, e.g. attitude_1 or attitude_3_r"
            )
        return value


class SurveyScale(StrictModel):
    """The name of one survey scale (the item prefix), shown instead of its id."""

    scale: str = Field("", max_length=64, description="scale id as in the item ids, e.g. attitude")
    name: str = Field("", max_length=80)

    @field_validator("scale")
    @classmethod
    def _scale_id(cls, value: str) -> str:
        if value and not ITEM_ID_PATTERN.match(f"{value}_1"):
            raise ValueError(
                f"{value!r} is not a scale id; expected the item prefix in lower case, "
                "e.g. attitude for the items attitude_1, attitude_2"
            )
        return value


class PeopleAnswers(StrictModel):
    """Check 10: guideline topics, publication, private use, trainings and survey settings."""

    guidelines: list[GuidelineTopic] = Field(default_factory=_all_topics, validate_default=True)
    guideline_published: bool = False
    guideline_date: dt.date | None = Field(None, description="date of the current guideline version")
    private_use_at_work: PrivateUse | None = None
    trainings: list[Training] = Field(default_factory=list)
    survey_scales: list[SurveyScale] = Field(default_factory=list)
    survey_items: list[SurveyItem] = Field(default_factory=list)
    training_threshold: float = Field(
        0.5, ge=0, le=1, description="an item whose top-2-box share is below this needs training"
    )
    min_group_size: int = Field(
        5, ge=5, le=100, description="departments with fewer respondents are merged with others"
    )

    @field_validator("guidelines")
    @classmethod
    def _topics_once(cls, value: list[GuidelineTopic]) -> list[GuidelineTopic]:
        seen: set[str] = set()
        for row in value:
            if row.topic in seen:
                raise ValueError(f"the topic {row.topic!r} is listed twice; keep one row per topic")
            seen.add(row.topic)
        return value

    @field_validator("survey_items")
    @classmethod
    def _items_once(cls, value: list[SurveyItem]) -> list[SurveyItem]:
        seen: set[str] = set()
        for row in value:
            if row.item and row.item in seen:
                raise ValueError(f"the item {row.item!r} is listed twice; keep one row per item")
            seen.add(row.item)
        return value
