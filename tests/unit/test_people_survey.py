"""Check 10's survey statistics against figures worked out by hand and a published example."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from smtoolkit.checks.people.survey import (
    cronbach_alpha,
    department_breakdown,
    group_departments,
    item_statistics,
    lowest_group,
    recode,
    scale_alphas,
    training_needs,
)
from smtoolkit.errors import DataImportError


def survey(rows: list[tuple[object, ...]], columns: list[str]) -> pd.DataFrame:
    """A survey table like the importer's: department as string, items as Int64."""
    frame = pd.DataFrame(rows, columns=columns)
    for column in columns:
        dtype = "string" if column in {"respondent_id", "department"} else "Int64"
        frame[column] = frame[column].astype(dtype)
    return frame


# Six respondents; att_3_r is reverse-coded (6 - x), kno_1 is a scale with a single item.
#   id  dept  att_1 att_2 att_3_r (recoded) kno_1
#   r1  A     5     4     1 (5)             2
#   r2  A     4     4     2 (4)             3
#   r3  A     3     2     3 (3)             -
#   r4  B     2     3     4 (2)             4
#   r5  B     1     1     5 (1)             5
#   r6  B     4     -     2 (4)             1
HAND = survey(
    [
        ("r1", "A", 5, 4, 1, 2),
        ("r2", "A", 4, 4, 2, 3),
        ("r3", "A", 3, 2, 3, None),
        ("r4", "B", 2, 3, 4, 4),
        ("r5", "B", 1, 1, 5, 5),
        ("r6", "B", 4, None, 2, 1),
    ],
    ["respondent_id", "department", "att_1", "att_2", "att_3_r", "kno_1"],
)


def by_item(frame: pd.DataFrame) -> dict[str, object]:
    """Item statistics keyed by item id."""
    return {s.item: s for s in item_statistics(frame)}


def test_reverse_coded_items_are_recoded_as_six_minus_the_answer() -> None:
    """att_3_r 1, 2, 3, 4, 5, 2 becomes 5, 4, 3, 2, 1, 4; other items are unchanged."""
    recoded = recode(HAND)
    assert recoded["att_3_r"].tolist() == [5, 4, 3, 2, 1, 4]
    assert recoded["att_1"].tolist() == [5, 4, 3, 2, 1, 4]
    assert list(recoded.columns) == ["att_1", "att_2", "att_3_r", "kno_1"]


def test_item_mean_sample_sd_and_top2_match_hand_figures() -> None:
    """att_1: n 6, mean 19/6, SD √(13/6) with n − 1, top-2 3/6; att_2: n 5, mean 2.8, SD √1.7, top-2 2/5."""
    # att_1 = 5, 4, 3, 2, 1, 4: Σ = 19, Σx² = 71, SS = 71 − 19²/6 = 65/6, s² = (65/6)/5 = 13/6.
    # att_2 = 4, 4, 2, 3, 1 (one missing): Σ = 14, Σx² = 46, SS = 46 − 14²/5 = 6.8, s² = 6.8/4 = 1.7.
    stats = by_item(HAND)
    att_1, att_2 = stats["att_1"], stats["att_2"]
    assert (att_1.n, att_1.mean, att_1.sd, att_1.top2) == pytest.approx((6, 19 / 6, math.sqrt(13 / 6), 0.5))
    assert (att_2.n, att_2.mean, att_2.sd, att_2.top2) == pytest.approx((5, 2.8, math.sqrt(1.7), 0.4))
    assert att_1.counts == (1, 1, 1, 2, 1)


def test_statistics_of_a_reverse_coded_item_use_the_recoded_answers() -> None:
    """att_3_r answered 1, 2, 3, 4, 5, 2 (raw mean 17/6) has the recoded mean 19/6 and top-2 3/6."""
    item = by_item(HAND)["att_3_r"]
    assert item.reverse and item.scale == "att"
    assert item.mean == pytest.approx(19 / 6)
    assert item.top2 == pytest.approx(0.5)
    assert item.counts == (1, 1, 1, 2, 1)


def test_sd_needs_two_answers_and_an_item_without_answers_has_no_figures() -> None:
    """One answer gives a mean but no SD; no answer gives n 0 and no mean, SD or top-2."""
    frame = survey([("a", 4, None), ("b", None, None)], ["respondent_id", "x_1", "x_2"])
    one, none = by_item(frame)["x_1"], by_item(frame)["x_2"]
    assert (one.n, one.mean, one.sd, one.top2) == (1, 4.0, None, 1.0)
    assert (none.n, none.mean, none.sd, none.top2) == (0, None, None, None)
    assert none.shares() == (0.0,) * 5


def test_alpha_matches_the_published_statology_example() -> None:
    """Statology, 'How to Calculate Cronbach's Alpha in Python': three items, ten people, α = 0.7734375."""
    # Published data (Q1-Q3, answers 1-3) and result 0.7734375 (pingouin.cronbach_alpha).
    # By hand: item variances 41/90 + 76/90 + 69/90 = 186/90; sums 3,4,5,6,7,8,8,9,7,9 have
    # variance 384/90; α = 3/2 · (1 − 186/384) = 297/384 = 0.7734375.
    data = pd.DataFrame(
        {
            "Q1": [1, 2, 2, 3, 2, 2, 3, 3, 2, 3],
            "Q2": [1, 1, 1, 2, 3, 3, 2, 3, 3, 3],
            "Q3": [1, 1, 2, 1, 2, 3, 3, 3, 2, 3],
        }
    )
    result = cronbach_alpha(data, "satisfaction")
    assert result.alpha == pytest.approx(0.7734375, abs=1e-12)
    assert result.item_variance_sum == pytest.approx(186 / 90)
    assert result.total_variance == pytest.approx(384 / 90)
    assert (result.k, result.n, result.excluded) == (3, 10, 0)


def test_alpha_by_hand_with_listwise_deletion_and_reverse_coding() -> None:
    """Scale att: r6 lacks att_2 and is dropped; variances 2.5 + 1.7 + 2.5 = 6.7, sums vary 18.7, α = 18/18.7."""
    # Complete rows r1-r5 (att_3_r recoded): 5,4,5 / 4,4,4 / 3,2,3 / 2,3,2 / 1,1,1.
    # Item variances: att_1 5,4,3,2,1 → 2.5; att_2 4,4,2,3,1 → 1.7; att_3_r 5,4,3,2,1 → 2.5; Σ = 6.7.
    # Sums 14, 12, 8, 7, 3: mean 8.8, Σx² = 462, SS = 462 − 44²/5 = 74.8, s² = 18.7.
    # α = 3/2 · (1 − 6.7/18.7) = 18/18.7 = 0.962567.
    alphas = {a.scale: a for a in scale_alphas(HAND)}
    att = alphas["att"]
    assert (att.n, att.excluded, att.k) == (5, 1, 3)
    assert att.item_variance_sum == pytest.approx(6.7)
    assert att.total_variance == pytest.approx(18.7)
    assert att.alpha == pytest.approx(18 / 18.7)


def test_alpha_of_a_scale_with_one_item_is_undefined() -> None:
    """Kno has one item, so alpha is not defined and says why."""
    kno = {a.scale: a for a in scale_alphas(HAND)}["kno"]
    assert (kno.alpha, kno.reason, kno.k) == (None, "one_item", 1)


def test_alpha_needs_two_complete_respondents() -> None:
    """With only one respondent answering every item, alpha is undefined."""
    frame = survey([("a", 4, 5), ("b", 3, None), ("c", None, 2)], ["respondent_id", "x_1", "x_2"])
    (result,) = scale_alphas(frame)
    assert (result.alpha, result.reason, result.n, result.excluded) == (None, "too_few_respondents", 1, 2)


def test_constant_answers_have_zero_sd_and_undefined_alpha() -> None:
    """Everyone answering 3 everywhere gives SD 0 and no alpha, because the sums do not vary."""
    frame = survey([(f"r{i}", 3, 3) for i in range(5)], ["respondent_id", "x_1", "x_2"])
    assert [s.sd for s in item_statistics(frame)] == [0.0, 0.0]
    (result,) = scale_alphas(frame)
    assert (result.alpha, result.reason, result.total_variance) == (None, "no_variance", 0.0)


def test_one_constant_item_still_gives_an_alpha() -> None:
    """Items 3,3,3 / 1,2,3 / 2,3,4: variances 0 + 1 + 1 = 2, sums 6, 8, 10 vary 4, α = 1.5 · (1 − 2/4) = 0.75."""
    frame = survey([("a", 3, 1, 2), ("b", 3, 2, 3), ("c", 3, 3, 4)], ["respondent_id", "x_1", "x_2", "x_3"])
    (result,) = scale_alphas(frame)
    assert result.alpha == pytest.approx(0.75)


def test_an_answer_outside_one_to_five_is_a_clear_error() -> None:
    """A 7 in a hand-made table names the item and what is expected."""
    frame = survey([("a", 7, 3), ("b", 2, 3)], ["respondent_id", "x_1", "x_2"])
    with pytest.raises(DataImportError, match=r"survey item 'x_1': 7 is not an answer from 1 to 5"):
        item_statistics(frame)


def test_training_needs_are_items_below_the_threshold_lowest_first() -> None:
    """At 0.5, att_2 (0.4) and kno_1 (0.4) need training; att_1 and att_3_r (exactly 0.5) do not."""
    needs = training_needs(item_statistics(HAND), 0.5)
    assert [n.item for n in needs] == ["att_2", "kno_1"]
    assert [n.item for n in training_needs(item_statistics(HAND), 0.4)] == []


def test_small_departments_are_pooled_as_in_the_demo() -> None:
    """Marketing (4) is below 5 and is pooled with the next smallest, Verwaltung (5)."""
    counts = {
        "Produktion": 12,
        "Vertrieb": 8,
        "Service": 6,
        "Entwicklung": 6,
        "Verwaltung": 5,
        "Marketing": 4,
    }
    names = [name for name, n in counts.items() for _ in range(n)]
    mapping, pooled, small = group_departments(names, 5)
    assert pooled == ("Marketing", "Verwaltung") and small == ("Marketing",)
    assert mapping["Marketing"] is None and mapping["Verwaltung"] is None
    assert mapping["Produktion"] == "Produktion"


def test_pooled_group_grows_until_it_reaches_the_minimum() -> None:
    """C (2) alone is too small, so the smaller of A (6) and B (6), by name A, joins it: 8 respondents."""
    mapping, pooled, small = group_departments(["A"] * 6 + ["B"] * 6 + ["C"] * 2, 5)
    assert pooled == ("C", "A") and small == ("C",)
    assert mapping == {"A": None, "B": "B", "C": None}


def test_respondents_without_department_are_pooled_too() -> None:
    """A 7 stays; C 1, not stated 2 and B 3 make a pooled group of 6."""
    mapping, pooled, _ = group_departments(["A"] * 7 + ["B"] * 3 + ["C"] + [None, None], 5)
    assert pooled == ("C", None, "B")
    assert mapping == {"A": "A", "B": None, "C": None, None: None}


def test_too_few_respondents_give_no_mapping() -> None:
    """Four respondents in all cannot be broken down at all."""
    assert group_departments(["A", "A", "B", "B"], 5) == ({}, (), ())


@pytest.mark.parametrize(
    "counts",
    [
        {"A": 4, "B": 4, "C": 4},
        {"A": 20, "B": 1},
        {"A": 5, "B": 5, "C": 1, "D": 1},
        {"A": 9, "B": 4, "C": 3, "D": 2},
        {"A": 30, "B": 5, "C": 4},
    ],
)
def test_no_shown_group_is_smaller_than_the_minimum(counts: dict[str, int]) -> None:
    """Whatever the sizes, every group a breakdown shows has at least 5 respondents."""
    names = [name for name, n in counts.items() for _ in range(n)]
    mapping, _, _ = group_departments(names, 5)
    sizes: dict[str | None, int] = {}
    for name in names:
        sizes[mapping[name]] = sizes.get(mapping[name], 0) + 1
    assert min(sizes.values()) >= 5


def test_department_breakdown_pools_small_departments_and_matches_hand_figures() -> None:
    """X (5) is shown; Y (3) and Z (2) pool to 5. Scale s: X mean 32/9, top-2 5/9; pooled mean 16/9, top-2 0."""
    # X answers (s_2_r recoded): s_1 5,4,4,3,2 and s_2_r 5,4,3,2 → Σ 32 over 9, four 4s/5s + one 5 = 5/9.
    # Y+Z: s_1 1,2,3,1,2 and s_2_r 1,2,3,1 → Σ 16 over 9, no answer ≥ 4.
    frame = survey(
        [
            ("1", "X", 5, 1),
            ("2", "X", 4, 2),
            ("3", "X", 4, None),
            ("4", "X", 3, 3),
            ("5", "X", 2, 4),
            ("6", "Y", 1, 5),
            ("7", "Y", 2, 4),
            ("8", "Y", 3, 3),
            ("9", "Z", 1, None),
            ("10", "Z", 2, 5),
        ],
        ["respondent_id", "department", "s_1", "s_2_r"],
    )
    b = department_breakdown(frame, 5)
    assert b.reason is None and b.pooled == ("Z", "Y") and b.small == ("Z", "Y")
    assert [(g.label, g.n, g.members) for g in b.groups] == [("X", 5, ("X",)), (None, 5, ("Z", "Y"))]
    x, pooled = b.groups
    assert x.means["s"] == pytest.approx(32 / 9) and x.top2["s"] == pytest.approx(5 / 9)
    assert pooled.means["s"] == pytest.approx(16 / 9) and pooled.top2["s"] == 0.0
    assert lowest_group(b, "s") is pooled


def test_breakdown_without_department_column_or_with_one_group_says_why() -> None:
    """No department values → no_department; two departments of 3 pooled into one → one_group."""
    no_department = HAND.assign(department=pd.Series([pd.NA] * 6, dtype="string"))
    assert department_breakdown(no_department, 5).reason == "no_department"
    assert department_breakdown(HAND, 5).reason == "one_group"
    assert department_breakdown(HAND.iloc[:4], 5).reason == "too_few_respondents"
