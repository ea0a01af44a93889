"""How a check's form groups its fields: the client's questions first, expert settings last.

The form shows the single-valued questions in one section, every list of rows in a section
of its own, and the settings a consultant tunes (thresholds, windows, weights, survey
mappings) in a collapsed "Erweitert/Advanced" section. :data:`ADVANCED` is the registry of
those settings per check; a check added later registers its own with :func:`register_advanced`.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from smtoolkit.forms.values import field_kind

__all__ = ["ADVANCED", "Section", "register_advanced", "sections"]

#: Per check (the model's catalog prefix): the fields that belong in "Erweitert/Advanced".
ADVANCED: dict[str, tuple[str, ...]] = {}


def register_advanced(prefix: str, *fields: str) -> None:
    """Put ``fields`` of the check with catalog prefix ``prefix`` into the advanced section."""
    ADVANCED[prefix] = tuple(dict.fromkeys((*ADVANCED.get(prefix, ()), *fields)))


register_advanced(
    "crisis",
    "zscore_window",
    "zscore_threshold",
    "ears_threshold",
    "c3_threshold",
    "cusum_k",
    "cusum_h",
    "min_sigma",
    "min_sigma_share",
    "min_share_mentions",
)
register_advanced("people", "survey_scales", "survey_items", "training_threshold", "min_group_size")
register_advanced("success", "trend_window", "min_trend_points", "max_age_days")
register_advanced("content", "min_posts_per_slot")
register_advanced("organization", "max_responsibilities")


@dataclass(frozen=True)
class Section:
    """One group of fields: ``key`` is ``questions``, ``advanced`` or the rows field's name."""

    key: str
    fields: tuple[str, ...]
    advanced: bool = False


def sections(prefix: str, model: type[BaseModel]) -> list[Section]:
    """The sections of ``model``'s form, in order; empty sections are left out."""
    advanced = [f for f in ADVANCED.get(prefix, ()) if f in model.model_fields]
    questions: list[str] = []
    rows: list[Section] = []
    for name, info in model.model_fields.items():
        if name in advanced:
            continue
        if field_kind(info)[0] == "rows":
            rows.append(Section(name, (name,)))
        else:
            questions.append(name)
    result = [Section("questions", tuple(questions))] if questions else []
    result += rows
    if advanced:
        result.append(Section("advanced", tuple(advanced), advanced=True))
    return result
