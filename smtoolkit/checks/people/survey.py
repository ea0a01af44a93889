"""Employee survey statistics for check 10; pure functions on the normalized survey table.

The table is the ``survey`` kind of :mod:`smtoolkit.importers`: ``respondent_id``,
``department``, ``submitted_at`` and one column per Likert item (1 = strongly disagree to
5 = strongly agree). Items named ``<scale>_<number>`` form scales; the suffix ``_r`` marks a
reverse-coded item.

- **Reverse coding.** A reverse-coded answer x becomes 6 − x (1 ↔ 5, 2 ↔ 4, 3 stays) before
  any statistic, so a high value is always the favourable answer.
- **Per item**: n = answers given (missing answers left out); mean; SD = the sample standard
  deviation with n − 1 in the denominator (undefined for n < 2); top-2-box = share of the n
  answers that are 4 or 5.
- **Cronbach's alpha per scale** (Cronbach 1951): α = k/(k−1) · (1 − Σσᵢ²/σ²ₜ), with k items,
  σᵢ² the sample variance (n − 1) of item i and σ²ₜ the sample variance of the respondents'
  sum over the k items. Listwise deletion: only respondents who answered every item of the
  scale count. Undefined (``None`` with a reason) for a scale with one item, with fewer than
  two complete respondents, or when the sums do not vary (σ²ₜ = 0, e.g. everyone answered
  alike). Published check: Statology, "How to Calculate Cronbach's Alpha in Python"
  (three items, ten respondents, α = 0.7734375), pinned in the tests.
- **Departments.** Results by department are shown only for groups of at least
  ``min_size`` respondents (default 5), so no individual can be identified. Departments
  below it (and respondents without a department) are pooled into one group "other
  departments"; while that group is still below ``min_size`` the smallest remaining
  department (fewest respondents, then name) joins it. Pooling, not hiding, is used so the
  hidden group cannot be recovered by subtracting the shown ones from the total. With
  fewer than ``min_size`` respondents in all, or when pooling leaves one group, there is no
  breakdown.
- **Per group and scale**: mean and top-2-box over all answers to the scale's items given
  by the group's respondents (after reverse coding).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from smtoolkit.errors import DataImportError
from smtoolkit.importers import is_reverse_coded, survey_items, survey_scales

__all__ = [
    "LIKERT_POINTS",
    "AlphaResult",
    "Breakdown",
    "Group",
    "ItemStats",
    "cronbach_alpha",
    "department_breakdown",
    "group_departments",
    "item_statistics",
    "lowest_group",
    "recode",
    "scale_alphas",
    "training_needs",
]

#: The answer points of the 1-5 Likert scale.
LIKERT_POINTS: tuple[int, ...] = (1, 2, 3, 4, 5)

AlphaReason = Literal["one_item", "too_few_respondents", "no_variance"]


def _scale_of(item: str) -> str:
    scales = survey_scales([item])
    return next(iter(scales)) if scales else item


def recode(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the item columns of ``frame`` as floats, reverse-coded items as 6 − answer.

    Raises :class:`~smtoolkit.errors.DataImportError` naming the item for a value outside
    1 to 5 (the importer refuses those already; this guards hand-made frames).
    """
    items = survey_items(frame.columns)
    out = pd.DataFrame(index=frame.index)
    for item in items:
        values = pd.to_numeric(frame[item], errors="coerce").astype("float64")
        bad = values.notna() & ~values.isin([float(p) for p in LIKERT_POINTS])
        if bool(bad.any()):
            found = values[bad].iloc[0]
            raise DataImportError(
                f"survey item {item!r}: {found:g} is not an answer from 1 to 5; "
                "correct the survey file so each answer is a whole number 1-5 or empty"
            )
        out[item] = 6.0 - values if is_reverse_coded(item) else values
    return out


@dataclass(frozen=True)
class ItemStats:
    """Statistics of one item after reverse coding."""

    item: str
    scale: str
    reverse: bool
    n: int
    mean: float | None
    sd: float | None
    top2: float | None
    counts: tuple[int, int, int, int, int]

    def shares(self) -> tuple[float, ...]:
        """The share of answers on each point 1-5 (all 0 without answers)."""
        if not self.n:
            return (0.0,) * 5
        return tuple(c / self.n for c in self.counts)


def _stats(item: str, values: pd.Series) -> ItemStats:
    answered = values.dropna()
    n = len(answered)
    counts = tuple(int((answered == p).sum()) for p in LIKERT_POINTS)
    mean = float(answered.mean()) if n else None
    sd = float(answered.std(ddof=1)) if n >= 2 else None
    top2 = (counts[3] + counts[4]) / n if n else None
    return ItemStats(
        item=item,
        scale=_scale_of(item),
        reverse=is_reverse_coded(item),
        n=n,
        mean=mean,
        sd=sd,
        top2=top2,
        counts=(counts[0], counts[1], counts[2], counts[3], counts[4]),
    )


def item_statistics(frame: pd.DataFrame) -> list[ItemStats]:
    """n, mean, sample SD (n − 1) and top-2-box of every item, reverse-coded items recoded."""
    recoded = recode(frame)
    return [_stats(item, recoded[item]) for item in recoded.columns]


@dataclass(frozen=True)
class AlphaResult:
    """Cronbach's alpha of one scale, or why it is undefined."""

    scale: str
    items: tuple[str, ...]
    n: int
    excluded: int
    alpha: float | None
    reason: AlphaReason | None = None
    item_variance_sum: float | None = None
    total_variance: float | None = None

    @property
    def k(self) -> int:
        """The number of items in the scale."""
        return len(self.items)


def cronbach_alpha(items: pd.DataFrame, scale: str = "") -> AlphaResult:
    """Cronbach's alpha of the (already recoded) item columns of ``items``, listwise deletion."""
    names = tuple(str(c) for c in items.columns)
    numbers = items.apply(pd.to_numeric, errors="coerce").astype("float64")
    complete = numbers.dropna(how="any")
    n, excluded = len(complete), len(numbers) - len(complete)
    if len(names) < 2:
        return AlphaResult(scale, names, n, excluded, None, "one_item")
    if n < 2:
        return AlphaResult(scale, names, n, excluded, None, "too_few_respondents")
    item_var = float(complete.var(axis=0, ddof=1).sum())
    total_var = float(complete.sum(axis=1).var(ddof=1))
    if math.isclose(total_var, 0.0, abs_tol=1e-12):
        return AlphaResult(scale, names, n, excluded, None, "no_variance", item_var, total_var)
    k = len(names)
    alpha = k / (k - 1) * (1 - item_var / total_var)
    return AlphaResult(scale, names, n, excluded, alpha, None, item_var, total_var)


def scale_alphas(frame: pd.DataFrame) -> list[AlphaResult]:
    """Cronbach's alpha of every scale of the survey, reverse-coded items recoded first."""
    recoded = recode(frame)
    return [cronbach_alpha(recoded[items], scale) for scale, items in survey_scales(recoded.columns).items()]


@dataclass(frozen=True)
class Group:
    """One group of respondents shown in results by department."""

    label: str | None
    members: tuple[str | None, ...]
    n: int
    pooled: bool = False
    means: Mapping[str, float | None] = field(default_factory=dict)
    top2: Mapping[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Breakdown:
    """Results by department: the groups shown, which departments were pooled, or why none."""

    groups: tuple[Group, ...]
    pooled: tuple[str | None, ...] = ()
    small: tuple[str | None, ...] = ()
    reason: Literal["no_department", "too_few_respondents", "one_group"] | None = None


def _departments(frame: pd.DataFrame) -> pd.Series:
    if "department" not in frame.columns:
        return pd.Series(pd.NA, index=frame.index, dtype="string")
    values = frame["department"].astype("string").str.strip()
    return values.mask(values == "", pd.NA)


def group_departments(
    departments: Iterable[str | None], min_size: int = 5
) -> tuple[dict[str | None, str | None], tuple[str | None, ...], tuple[str | None, ...]]:
    """Map each department (``None``: not stated) to the group it is shown in.

    Returns ``(mapping, pooled, small)``: the mapping department → group label (``None`` as a
    label is the pooled group "other departments"), the departments in the pooled group, and
    those among them that were below ``min_size``. An empty mapping means no breakdown.
    """
    counts: dict[str | None, int] = {}
    for department in departments:
        counts[department] = counts.get(department, 0) + 1
    total = sum(counts.values())
    if total < min_size:
        return {}, (), ()

    def order(name: str | None) -> tuple[int, str]:
        return counts[name], name or ""

    small = tuple(sorted((d for d, c in counts.items() if c < min_size or d is None), key=order))
    pooled = list(small)
    rest = sorted((d for d in counts if d not in pooled), key=order)
    while pooled and sum(counts[d] for d in pooled) < min_size and rest:
        pooled.append(rest.pop(0))
    mapping: dict[str | None, str | None] = {d: d for d in rest}
    mapping.update({d: None for d in pooled})
    return mapping, tuple(pooled), small


def department_breakdown(
    frame: pd.DataFrame, min_size: int = 5, scales: Sequence[str] | None = None
) -> Breakdown:
    """Mean and top-2-box per scale for each department group (see the module doc)."""
    departments = _departments(frame)
    if not departments.notna().any():
        return Breakdown((), reason="no_department")
    names = [None if pd.isna(d) else str(d) for d in departments]
    mapping, pooled, small = group_departments(names, min_size)
    if not mapping:
        return Breakdown((), reason="too_few_respondents")
    labels = {mapping[d] for d in names}
    if len(labels) < 2:
        return Breakdown((), pooled=pooled, small=small, reason="one_group")
    recoded = recode(frame)
    by_scale = survey_scales(recoded.columns)
    wanted = list(scales) if scales is not None else list(by_scale)
    group_of = pd.Series([mapping[d] for d in names], index=frame.index, dtype="object")
    groups = []
    ordered = sorted((lab for lab in labels if lab is not None), key=lambda s: s.casefold())
    for label in [*ordered, None] if None in labels else ordered:
        rows = group_of.map(lambda g, label=label: g == label).astype(bool)
        members = tuple(d for d in pooled) if label is None else (label,)
        means: dict[str, float | None] = {}
        top2: dict[str, float | None] = {}
        for scale in wanted:
            values = recoded.loc[rows, by_scale.get(scale, [])].to_numpy(dtype="float64").ravel()
            answers = values[~np.isnan(values)]
            means[scale] = float(answers.mean()) if len(answers) else None
            top2[scale] = float((answers >= 4).mean()) if len(answers) else None
        groups.append(Group(label, members, int(rows.sum()), pooled=label is None, means=means, top2=top2))
    return Breakdown(tuple(groups), pooled=pooled, small=small)


def training_needs(stats: Sequence[ItemStats], threshold: float) -> list[ItemStats]:
    """The items answered by someone whose top-2-box share is below ``threshold``, lowest first."""
    needs = [s for s in stats if s.top2 is not None and s.top2 < threshold]
    return sorted(needs, key=lambda s: (s.top2 or 0.0, s.item))


def lowest_group(breakdown: Breakdown | None, scale: str) -> Group | None:
    """The group with the lowest top-2-box on ``scale`` (ties: by name, pooled group last)."""
    if breakdown is None:
        return None
    groups = [g for g in breakdown.groups if g.top2.get(scale) is not None]
    if not groups:
        return None
    return min(groups, key=lambda g: (g.top2.get(scale) or 0.0, g.label is None, g.label or ""))
