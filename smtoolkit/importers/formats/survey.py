"""Likert employee survey: one row per respondent, one column per item.

Item columns are named by item id: ``<scale>_<number>``, with ``_r`` appended for a
reverse-coded item (``attitude_1``, ``attitude_3_r``).  Answers are 1 to 5, or the
usual German or English labels (``stimme voll zu`` = 5, ``strongly disagree`` = 1,
``4 - stimme eher zu`` = 4).  Optional columns: respondent id, department and
submission time (English or German names).  Other columns are ignored and named in
the report.  Reverse-coded items are imported as answered; analyses recode them
(6 − answer).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from smtoolkit.importers.dates import parse_datetimes
from smtoolkit.importers.mapping import as_text
from smtoolkit.importers.messages import import_error, preview
from smtoolkit.importers.numbers import NA_TOKENS
from smtoolkit.importers.registry import Format, Header, Table, register
from smtoolkit.importers.schemas import ITEM_ID_PATTERN, Kind

__all__ = ["LIKERT_LABELS", "SURVEY", "SurveyFormat"]

_RESPONDENT = (
    "respondent_id",
    "respondent",
    "id",
    "response_id",
    "teilnehmer_id",
    "teilnehmer",
    "befragte_id",
    "lfd_nr",
    "nr",
)
_DEPARTMENT = ("department", "abteilung", "bereich", "team", "dept", "unit")
_SUBMITTED = (
    "submitted_at",
    "timestamp",
    "zeitstempel",
    "submitted",
    "completed_at",
    "abgeschickt",
    "date",
    "datum",
    "start time",
    "completion time",
)

LIKERT_LABELS: dict[str, int] = {
    "stimme überhaupt nicht zu": 1,
    "stimme gar nicht zu": 1,
    "trifft überhaupt nicht zu": 1,
    "trifft gar nicht zu": 1,
    "stimme nicht zu": 2,
    "stimme eher nicht zu": 2,
    "trifft eher nicht zu": 2,
    "trifft nicht zu": 2,
    "teils/teils": 3,
    "teils, teils": 3,
    "teils-teils": 3,
    "weder noch": 3,
    "unentschieden": 3,
    "stimme eher zu": 4,
    "trifft eher zu": 4,
    "stimme zu": 4,
    "trifft zu": 4,
    "stimme voll zu": 5,
    "stimme voll und ganz zu": 5,
    "trifft voll zu": 5,
    "trifft voll und ganz zu": 5,
    "strongly disagree": 1,
    "disagree": 2,
    "somewhat disagree": 2,
    "neither agree nor disagree": 3,
    "neutral": 3,
    "somewhat agree": 4,
    "agree": 4,
    "strongly agree": 5,
}
"""Answer labels read as Likert values (compared without regard to case)."""

_LEADING_NUMBER = re.compile(r"^\s*([1-5])(?:\s*[-–:=.)]|\s+[^\d\s]|\s*$)")
_EXPECTED = "an answer from 1 to 5, or a label such as 'stimme voll zu' or 'agree'"


def _item_positions(header: Header) -> list[int]:
    return [i for i, key in enumerate(header.keys) if ITEM_ID_PATTERN.match(key)]


def _likert_value(value: str) -> float:
    text = value.strip()
    if text in NA_TOKENS:
        return np.nan
    label = LIKERT_LABELS.get(re.sub(r"\s+", " ", text).casefold())
    if label is not None:
        return float(label)
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        match = _LEADING_NUMBER.match(text)
        return float(match.group(1)) if match else -1.0
    return number


class SurveyFormat(Format):
    """Likert survey CSV or sheet (see module doc)."""

    name = "likert_survey"
    label = "Likert employee survey"
    kind = Kind.SURVEY
    rule = (
        "a header row with at least two item columns named <scale>_<number> "
        "(e.g. attitude_1, attitude_3_r); optional respondent_id, department, "
        "submitted_at (or German: Abteilung, Zeitstempel)"
    )

    def score(self, header: Header) -> int:
        """Score 2 for a header with at least two item-id columns that dominate it."""
        items = _item_positions(header)
        named = [k for k in header.keys if k]
        if len(items) >= 2 and len(items) * 2 >= len(named):
            return 2
        return 0

    def positions(self, header: Header) -> list[int]:
        """Return item columns plus respondent, department and time columns."""
        found = set(_item_positions(header))
        for aliases in (_RESPONDENT, _DEPARTMENT, _SUBMITTED):
            position = header.find(aliases)
            if position is not None:
                found.add(position)
        return sorted(found)

    def deduplicates(self, header: Header) -> bool:
        """Only with a respondent id or time can identical answer rows be duplicates."""
        return header.has(_RESPONDENT) or header.has(_SUBMITTED)

    def dedupe_position(self, header: Header) -> int | None:
        """Check the respondent id (or time) column first."""
        position = header.find(_RESPONDENT)
        return position if position is not None else header.find(_SUBMITTED)

    def key_positions(self, header: Header) -> list[int]:
        """The respondent id column is checked for summary rows."""
        position = header.find(_RESPONDENT)
        return [position] if position is not None else []

    def convert(self, table: Table) -> pd.DataFrame:
        """Read the Likert answers as whole numbers 1 to 5 (labels mapped)."""
        columns: dict[str, pd.Series] = {}
        respondent = table.column(_RESPONDENT)
        if respondent is not None:
            columns["respondent_id"] = as_text(respondent, strip=True)
        department = table.column(_DEPARTMENT)
        if department is not None:
            columns["department"] = as_text(department, strip=True)
        submitted = table.column(_SUBMITTED)
        if submitted is not None:
            columns["submitted_at"] = parse_datetimes(
                submitted, where=table.where(_SUBMITTED), tz=table.tz, dayfirst=True
            )
        used = set(self.positions(table.header))
        ignored = [c.strip() for i, c in enumerate(table.header.cells) if i not in used and c.strip()]
        if ignored:
            table.notes.append("ignored columns that are not survey items: " + ", ".join(ignored))
        for position in _item_positions(table.header):
            item = table.header.keys[position]
            columns[item] = self._answers(table, position)
        return pd.DataFrame(columns, index=table.frame.index)

    def _answers(self, table: Table, position: int) -> pd.Series:
        values = table.frame[position]
        where = table.location.at(column=table.header.cells[position].strip())
        text = as_text(values)
        distinct = text.dropna().unique()
        mapping = {value: _likert_value(str(value)) for value in distinct}
        numbers = text.map(mapping).astype("float64")
        bad = numbers.notna() & ~numbers.isin([1.0, 2.0, 3.0, 4.0, 5.0])
        if bool(bad.any()):
            row = bad[bad].index[0]
            raise import_error(
                where.at(row=int(row)),
                f"cannot read {preview(values.loc[row])} as a Likert answer",
                expected=_EXPECTED,
            )
        return numbers.astype("Int64")


SURVEY = register(SurveyFormat())
