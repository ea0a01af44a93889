"""Check 10 (people): guideline coverage and draft, employee survey, training needs and plan.

Reference: Bitkom 10-point check, point 10 ("Mitarbeiter motivieren"): give employees social
media guidelines that explain chances and risks and give concrete advice; information events
and training make them live.

**Guideline coverage** (:mod:`smtoolkit.checks.people.guideline`): the nine topics of the
Bitkom guidelines; coverage = (covered + ½ × partly) ÷ applicable topics.

**Survey** (:mod:`smtoolkit.checks.people.survey`): per item n, mean, sample SD (n − 1) and
top-2-box (share of answers 4 or 5), reverse-coded items (``_r``) recoded as 6 − x first;
Cronbach's α per scale, α = k/(k−1) · (1 − Σσᵢ²/σ²ₜ) with listwise deletion (Cronbach 1951);
results by department only for groups of at least ``min_group_size`` (default 5)
respondents, smaller departments pooled.

**Training needs**: items whose top-2-box share is below ``training_threshold`` (default 0.5).

**Trainings**: a training with a number of participants is held; without one it is planned
when its date is after the reference date (``settings.workshop_date``, else today) or has no
date, and "attendance not recorded" when its date has passed. Attendance rate = Σ attended ÷
Σ invited over held trainings; per department the same over that department's trainings.

Score (100 points):

- guideline coverage: 35 × coverage
- guideline published to all employees: 10
- at least one training held: 10
- attendance: 15 × attendance rate of the held trainings (0 without one)
- employee survey with at least ``min_group_size`` respondents: 10
- survey results: 20 × share of answered items whose top-2-box reaches the threshold
  (0 without a usable survey)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from smtoolkit.checks.base import Criterion, Recommendation, Result
from smtoolkit.checks.people import survey as stats
from smtoolkit.checks.people.data import SurveyData, load_survey
from smtoolkit.checks.people.guideline import Coverage, DraftSection, coverage, draft
from smtoolkit.checks.people.model import PeopleAnswers, Training
from smtoolkit.errors import DataImportError
from smtoolkit.importers import survey_items, survey_scales
from smtoolkit.messages import Message, Number, Percent, Term

__all__ = [
    "ATTENDANCE_TARGET",
    "NEEDS_LISTED",
    "RELIABILITY_LEVELS",
    "DepartmentTraining",
    "PeopleDetails",
    "SurveyResult",
    "TrainingRow",
    "analyse",
    "attendance_rate",
    "evaluate_survey",
    "join_params",
    "reference_date",
    "reliability_level",
    "training_coverage",
    "training_state",
]

#: Up to this many items with a training need are named in the finding; more are counted.
NEEDS_LISTED = 3

#: Below this attendance rate of held trainings a recommendation to raise attendance follows.
ATTENDANCE_TARGET = 0.8

#: Rule of thumb for Cronbach's alpha (George & Mallery 2003): lower bound -> verdict.
RELIABILITY_LEVELS: tuple[tuple[float, str], ...] = (
    (0.9, "excellent"),
    (0.8, "good"),
    (0.7, "acceptable"),
    (0.6, "questionable"),
    (0.5, "poor"),
)


def reliability_level(alpha: float) -> str:
    """The verdict of George & Mallery (2003) for ``alpha``: excellent ... unacceptable."""
    for bound, level in RELIABILITY_LEVELS:
        if alpha >= bound:
            return level
    return "unacceptable"


def reference_date(engagement: Any) -> dt.date:
    """The workshop date of the engagement, or today when none is recorded."""
    workshop = getattr(getattr(engagement, "settings", None), "workshop_date", None)
    return workshop if isinstance(workshop, dt.date) else dt.date.today()


def join_params(items: Sequence[Any]) -> Any:
    """Message parameters joined with commas, language-neutral (``""`` for none)."""
    if not items:
        return ""
    joined = items[0]
    for item in items[1:]:
        joined = Message("people.join", {"head": joined, "tail": item})
    return joined


# --- trainings ------------------------------------------------------------------------------

TrainingState = Literal["held", "planned", "not_recorded"]


def training_state(training: Training, reference: dt.date) -> TrainingState:
    """Held (participants recorded), planned (later or undated) or attendance not recorded."""
    if training.attended is not None:
        return "held"
    if training.date is None or training.date > reference:
        return "planned"
    return "not_recorded"


@dataclass(frozen=True)
class TrainingRow:
    """A training of the plan with its state on the reference date."""

    training: Training
    state: TrainingState


@dataclass(frozen=True)
class DepartmentTraining:
    """Trainings of one department by state; invited and attended count held trainings only."""

    department: str
    held: int
    planned: int
    not_recorded: int
    invited: int
    attended: int

    @property
    def rate(self) -> float | None:
        """Attended ÷ invited over the held trainings, ``None`` without invitations."""
        return self.attended / self.invited if self.invited else None


def attendance_rate(rows: Sequence[TrainingRow]) -> float | None:
    """Σ attended ÷ Σ invited over held trainings; ``None`` without a held training with invitations."""
    held = [r.training for r in rows if r.state == "held"]
    invited = sum(t.invited for t in held)
    return sum(t.attended or 0 for t in held) / invited if invited else None


def training_coverage(rows: Sequence[TrainingRow]) -> list[DepartmentTraining]:
    """Per department (as written in the plan; empty: "all"), in the order of first mention."""
    out: dict[str, dict[str, int]] = {}
    for row in rows:
        t = row.training
        entry = out.setdefault(
            t.department, {"held": 0, "planned": 0, "not_recorded": 0, "invited": 0, "attended": 0}
        )
        entry[row.state] += 1
        if row.state == "held":
            entry["invited"] += t.invited
            entry["attended"] += t.attended or 0
    return [DepartmentTraining(department, **values) for department, values in out.items()]


# --- survey ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyResult:
    """What the employee survey says: statistics per item, scale and department group."""

    data: SurveyData
    respondents: int = 0
    items: tuple[stats.ItemStats, ...] = ()
    alphas: tuple[stats.AlphaResult, ...] = ()
    breakdown: stats.Breakdown | None = None
    needs: tuple[stats.ItemStats, ...] = ()
    error: str | None = None

    @property
    def usable(self) -> bool:
        """True when there are answers to analyse."""
        return bool(self.items) and self.error is None and self.respondents > 0

    @property
    def answered_items(self) -> tuple[stats.ItemStats, ...]:
        """Items with at least one answer."""
        return tuple(s for s in self.items if s.n)

    @property
    def scales(self) -> tuple[str, ...]:
        """The scale ids in survey order."""
        return tuple(dict.fromkeys(s.scale for s in self.items))


def evaluate_survey(data: SurveyData, threshold: float, min_size: int) -> SurveyResult:
    """Item statistics, alphas, department breakdown and training needs of ``data``."""
    frame = data.frame
    if frame is None:
        return SurveyResult(data)
    items = survey_items(frame.columns)
    if not items:
        return SurveyResult(data)
    frame = frame[frame[items].notna().any(axis=1)]
    try:
        item_stats = tuple(stats.item_statistics(frame))
        alphas = tuple(stats.scale_alphas(frame))
        breakdown = stats.department_breakdown(frame, min_size, list(survey_scales(items)))
    except DataImportError as err:
        return SurveyResult(data, respondents=len(frame), error=str(err))
    return SurveyResult(
        data,
        respondents=len(frame),
        items=item_stats,
        alphas=alphas,
        breakdown=breakdown,
        needs=tuple(stats.training_needs(item_stats, threshold)),
    )


# --- details, criteria, findings, recommendations --------------------------------------------


@dataclass(frozen=True)
class PeopleDetails:
    """Everything the people page shows besides the score."""

    answers: PeopleAnswers
    company: str
    reference: dt.date
    coverage: Coverage
    draft_title: Message
    draft_preamble: tuple[Message, ...]
    draft_sections: tuple[DraftSection, ...]
    trainings: tuple[TrainingRow, ...]
    departments: tuple[DepartmentTraining, ...]
    attendance: float | None
    survey: SurveyResult
    item_texts: dict[str, str] = field(default_factory=dict)
    scale_names: dict[str, str] = field(default_factory=dict)

    def item_label(self, item: str) -> str:
        """The item's wording where recorded, else its id."""
        return self.item_texts.get(item) or item

    def scale_label(self, scale: str) -> str:
        """The scale's name where recorded, else its id."""
        return self.scale_names.get(scale) or scale

    @property
    def held(self) -> tuple[TrainingRow, ...]:
        """The trainings that took place."""
        return tuple(r for r in self.trainings if r.state == "held")

    @property
    def survey_ok(self) -> bool:
        """A usable survey with at least ``min_group_size`` respondents."""
        return self.survey.usable and self.survey.respondents >= self.answers.min_group_size

    @property
    def items_at_threshold(self) -> float | None:
        """Share of answered items whose top-2-box reaches the threshold."""
        answered = self.survey.answered_items
        if not self.survey.usable or not answered:
            return None
        return 1 - len(self.survey.needs) / len(answered)


def _criteria(d: PeopleDetails) -> tuple[Criterion, ...]:
    cov = d.coverage
    rate = d.attendance
    results = d.items_at_threshold
    answered = len(d.survey.answered_items)
    return (
        Criterion(
            Message("people.criterion.coverage"),
            35 * cov.share,
            35,
            Message(
                "people.criterion.coverage_detail",
                {
                    "covered": len(cov.covered),
                    "partly": len(cov.partly),
                    "applicable": cov.applicable,
                    "share": Percent(cov.share),
                },
            ),
        ),
        Criterion(
            Message("people.criterion.published"),
            10.0 if d.answers.guideline_published else 0.0,
            10,
            Message("common.yes" if d.answers.guideline_published else "common.no"),
        ),
        Criterion(
            Message("people.criterion.training_held"),
            10.0 if d.held else 0.0,
            10,
            Message("people.criterion.count", {"count": len(d.held)}),
        ),
        Criterion(
            Message("people.criterion.attendance"),
            15 * (rate or 0.0),
            15,
            Message("people.criterion.not_recorded")
            if rate is None
            else Message("people.criterion.share", {"share": Percent(rate)}),
        ),
        Criterion(
            Message("people.criterion.survey", {"min": d.answers.min_group_size}),
            10.0 if d.survey_ok else 0.0,
            10,
            Message("people.criterion.respondents", {"count": d.survey.respondents}),
        ),
        Criterion(
            Message("people.criterion.results", {"threshold": Percent(d.answers.training_threshold)}),
            20 * (results or 0.0) if d.survey_ok else 0.0,
            20,
            _results_detail(d, results, answered),
        ),
    )


def _results_detail(d: PeopleDetails, results: float | None, answered: int) -> Message:
    if results is None:
        return Message("people.criterion.not_recorded")
    if not d.survey_ok:
        return Message("people.criterion.too_few", {"min": d.answers.min_group_size})
    return Message("people.criterion.of", {"part": answered - len(d.survey.needs), "whole": answered})


def _topic_terms(topics: Sequence[str]) -> Any:
    return join_params([Term(f"people.choice.topic.{t}") for t in topics])


def _guideline_findings(d: PeopleDetails) -> list[Message]:
    cov = d.coverage
    found = [
        Message(
            "people.finding.coverage",
            {
                "covered": len(cov.covered),
                "partly": len(cov.partly),
                "applicable": cov.applicable,
                "share": Percent(cov.share),
            },
        )
    ]
    if cov.missing:
        found.append(Message("people.finding.missing_topics", {"topics": _topic_terms(cov.missing)}))
    if d.answers.guideline_published:
        found.append(Message("people.finding.published"))
    elif cov.covered or cov.partly:
        found.append(Message("people.finding.not_published"))
    return found


def _training_findings(d: PeopleDetails) -> list[Message]:
    if not d.trainings:
        return [Message("people.finding.no_trainings")]
    held = d.held
    planned = [r for r in d.trainings if r.state == "planned"]
    found = []
    if held:
        found.append(
            Message(
                "people.finding.trainings",
                {
                    "held": len(held),
                    "attended": sum(r.training.attended or 0 for r in held),
                    "invited": sum(r.training.invited for r in held),
                    "rate": Percent(d.attendance or 0.0),
                    "planned": len(planned),
                },
            )
        )
    else:
        found.append(Message("people.finding.trainings_planned_only", {"planned": len(planned)}))
    missing = [r.training.training or "–" for r in d.trainings if r.state == "not_recorded"]
    if missing:
        found.append(Message("people.finding.attendance_missing", {"trainings": join_params(missing)}))
    return found


def _alpha_finding(d: PeopleDetails, a: stats.AlphaResult) -> Message:
    scale = d.scale_label(a.scale)
    if a.alpha is None:
        return Message(
            "people.finding.alpha_undefined",
            {"scale": scale, "reason": Term(f"people.alpha_reason.{a.reason}")},
        )
    return Message(
        "people.finding.alpha",
        {
            "scale": scale,
            "alpha": Number(a.alpha, 2),
            "k": a.k,
            "n": a.n,
            "level": Term(f"people.reliability.{reliability_level(a.alpha)}"),
        },
    )


def _group_name(group: stats.Group) -> Any:
    if group.label is not None:
        return group.label
    return Message("people.group.pooled_with", {"members": _members(group.members)})


def _members(members: Sequence[str | None]) -> Any:
    return join_params([m if m is not None else Term("people.group.not_stated") for m in members])


def _survey_problem_findings(d: PeopleDetails) -> list[Message]:
    data = d.survey.data
    found = [
        Message("people.finding.survey_file_error", {"file": p.file, "message": p.message})
        for p in data.problems
        if not p.unknown_format
    ]
    unknown = [p.file for p in data.problems if p.unknown_format]
    if unknown and data.status != "ok":
        found.append(Message("people.finding.unknown_files", {"files": join_params(unknown)}))
    return found


def _survey_findings(d: PeopleDetails) -> list[Message]:
    s, a = d.survey, d.answers
    found = _survey_problem_findings(d)
    if s.data.status != "ok":
        if s.data.status != "unreadable":
            found.insert(0, Message("people.finding.no_survey"))
        return found
    if s.error is not None:
        found.append(Message("people.finding.survey_invalid", {"message": s.error}))
        return found
    if not s.usable:
        found.append(Message("people.finding.survey_empty", {"files": join_params(list(s.data.files))}))
        return found
    found.insert(
        0,
        Message(
            "people.finding.survey",
            {
                "respondents": s.respondents,
                "items": len(s.items),
                "scales": len(s.scales),
                "files": join_params(list(s.data.files)),
            },
        ),
    )
    if s.respondents < a.min_group_size:
        found.append(
            Message("people.finding.few_respondents", {"count": s.respondents, "min": a.min_group_size})
        )
    threshold = Percent(a.training_threshold)
    if s.needs:
        params: dict[str, Any] = {
            "count": len(s.needs),
            "items": len(s.answered_items),
            "threshold": threshold,
        }
        if len(s.needs) <= NEEDS_LISTED:
            params["list"] = join_params(
                [Message("people.quoted", {"text": d.item_label(n.item)}) for n in s.needs]
            )
        found.append(
            Message("people.finding.needs" if "list" in params else "people.finding.needs_many", params)
        )
        weakest = s.needs[0]
        found.append(
            Message(
                "people.finding.weakest",
                {"item": d.item_label(weakest.item), "top2": Percent(weakest.top2 or 0.0), "n": weakest.n},
            )
        )
    else:
        found.append(Message("people.finding.no_needs", {"threshold": threshold}))
    found.extend(_alpha_finding(d, alpha) for alpha in s.alphas)
    found.extend(_department_findings(d))
    return found


def _department_findings(d: PeopleDetails) -> list[Message]:
    s, a = d.survey, d.answers
    b = s.breakdown
    if b is None:
        return []
    if b.reason == "no_department":
        return [Message("people.finding.no_department")]
    if b.reason is not None:
        return [Message(f"people.finding.breakdown_{b.reason}", {"min": a.min_group_size})]
    found = []
    if b.small:
        joined = [m for m in b.pooled if m not in b.small]
        params: dict[str, Any] = {"small": _members(b.small), "min": a.min_group_size}
        if joined:
            params["others"] = _members(joined)
        key = "people.finding.pooled_with" if joined else "people.finding.pooled"
        found.append(Message(key, params))
    for group, scales in _lowest_groups(d, s.scales):
        found.append(
            Message(
                "people.finding.lowest_group",
                {"group": _group_name(group), "n": group.n, "scales": _scale_shares(d, group, scales)},
            )
        )
    return found


def _lowest_groups(d: PeopleDetails, scales: Sequence[str]) -> list[tuple[stats.Group, list[str]]]:
    """For each of ``scales``, the group lowest on it when below the threshold, by group."""
    out: dict[str | None, tuple[stats.Group, list[str]]] = {}
    for scale in scales:
        group = stats.lowest_group(d.survey.breakdown, scale)
        low = group.top2.get(scale) if group is not None else None
        if group is not None and low is not None and low < d.answers.training_threshold:
            out.setdefault(group.label, (group, []))[1].append(scale)
    return list(out.values())


def _scale_shares(d: PeopleDetails, group: stats.Group, scales: Sequence[str]) -> Any:
    return join_params(
        [
            Message(
                "people.scale_share", {"scale": d.scale_label(x), "top2": Percent(group.top2.get(x) or 0.0)}
            )
            for x in scales
        ]
    )


def _findings(d: PeopleDetails) -> list[Message]:
    return [*_guideline_findings(d), *_training_findings(d), *_survey_findings(d)]


def _guideline_recommendations(d: PeopleDetails) -> list[Recommendation]:
    cov = d.coverage
    recs: list[Recommendation] = []
    if not cov.covered and not cov.partly:
        recs.append(Recommendation(Message("people.rec.write_guideline"), 3, 2, "communications", 8))
    else:
        if cov.missing:
            recs.append(
                Recommendation(
                    Message("people.rec.add_topics", {"topics": _topic_terms(cov.missing)}),
                    3,
                    2,
                    "communications",
                    6,
                )
            )
        if cov.partly:
            recs.append(
                Recommendation(
                    Message("people.rec.settle_topics", {"topics": _topic_terms(cov.partly)}),
                    2,
                    1,
                    "communications",
                    4,
                )
            )
    open_topics = set(cov.missing) | set(cov.partly)
    if "works_council" in open_topics:
        recs.append(Recommendation(Message("people.rec.works_council"), 3, 1, "hr", 4))
    if "law" in open_topics:
        recs.append(Recommendation(Message("people.rec.law"), 3, 2, "legal", 6))
    if not d.answers.guideline_published and (cov.covered or cov.partly):
        recs.append(Recommendation(Message("people.rec.publish"), 3, 1, "communications", 4))
    return recs


def _training_recommendations(d: PeopleDetails) -> list[Recommendation]:
    recs: list[Recommendation] = []
    if not d.trainings:
        recs.append(Recommendation(Message("people.rec.plan_trainings"), 3, 2, "hr", 8))
    if d.attendance is not None and d.attendance < ATTENDANCE_TARGET:
        recs.append(
            Recommendation(
                Message(
                    "people.rec.attendance",
                    {"rate": Percent(d.attendance), "target": Percent(ATTENDANCE_TARGET)},
                ),
                2,
                1,
                "hr",
                8,
            )
        )
    if any(r.state == "not_recorded" for r in d.trainings):
        recs.append(Recommendation(Message("people.rec.record_attendance"), 1, 1, "hr", 2))
    return recs


def _scale_names(d: PeopleDetails, scales: Sequence[str]) -> Any:
    return join_params([Message("people.quoted", {"text": d.scale_label(x)}) for x in scales])


def _survey_recommendations(d: PeopleDetails) -> list[Recommendation]:
    s = d.survey
    recs: list[Recommendation] = []
    for problem in s.data.problems:
        if not problem.unknown_format:
            recs.append(Recommendation(Message("people.rec.fix_file", {"file": problem.file}), 2, 1, "hr", 1))
    if s.data.status in {"no_engagement", "no_data_folder", "no_survey"} or (
        s.data.status == "ok" and not s.usable and s.error is None
    ):
        recs.append(Recommendation(Message("people.rec.run_survey"), 2, 1, "hr", 8))
        return recs
    if not s.usable:
        return recs
    if s.respondents < d.answers.min_group_size:
        recs.append(Recommendation(Message("people.rec.more_respondents"), 2, 1, "hr", 12))
    planned_departments = {r.training.department.casefold() for r in d.trainings if r.state == "planned"}
    needy = [x for x in s.scales if any(n.scale == x for n in s.needs)]
    grouped = _lowest_groups(d, needy)
    for group, scales in grouped:
        count = sum(1 for n in s.needs if n.scale in scales)
        params: dict[str, Any] = {
            "group": _group_name(group),
            "scales": _scale_names(d, scales),
            "count": count,
        }
        has_training = "" in planned_departments or (
            group.label is not None and group.label.casefold() in planned_departments
        )
        key = "people.rec.train_group_planned" if has_training else "people.rec.train_group"
        recs.append(Recommendation(Message(key, params), 3, 2, "hr", 12))
    rest = [x for x in needy if not any(x in scales for _group, scales in grouped)]
    if rest:
        count = sum(1 for n in s.needs if n.scale in rest)
        recs.append(
            Recommendation(
                Message("people.rec.train_scales", {"scales": _scale_names(d, rest), "count": count}),
                3,
                2,
                "hr",
                12,
            )
        )
    if s.breakdown is not None and s.breakdown.reason == "no_department":
        recs.append(
            Recommendation(
                Message("people.rec.ask_department", {"min": d.answers.min_group_size}), 1, 1, "hr", 26
            )
        )
    return recs


def analyse(answers: PeopleAnswers, engagement: Any = None, *, survey: SurveyData | None = None) -> Result:
    """Score check 10 and derive its findings and recommendations.

    ``survey`` replaces the survey read from the engagement's ``data/`` folder (tests);
    by default :func:`smtoolkit.checks.people.data.load_survey` of the engagement.
    """
    reference = reference_date(engagement)
    client = getattr(engagement, "client", None)
    company = getattr(client, "name", "") or "N. N."
    data = survey if survey is not None else load_survey(engagement)
    rows = tuple(TrainingRow(t, training_state(t, reference)) for t in answers.trainings)
    title, preamble, sections = draft(answers, company)
    details = PeopleDetails(
        answers=answers,
        company=company,
        reference=reference,
        coverage=coverage(answers),
        draft_title=title,
        draft_preamble=preamble,
        draft_sections=sections,
        trainings=rows,
        departments=tuple(training_coverage(rows)),
        attendance=attendance_rate(rows),
        survey=evaluate_survey(data, answers.training_threshold, answers.min_group_size),
        item_texts={i.item: i.text for i in answers.survey_items if i.item and i.text},
        scale_names={s.scale: s.name for s in answers.survey_scales if s.scale and s.name},
    )
    recommendations = [
        *_guideline_recommendations(details),
        *_training_recommendations(details),
        *_survey_recommendations(details),
    ]
    return Result(
        check="people",
        criteria=_criteria(details),
        findings=tuple(_findings(details)),
        recommendations=tuple(recommendations),
        details=details,
    )
