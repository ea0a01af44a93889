"""The action plan as an Excel workbook: formatted, filterable, German or English headers.

One sheet holds the plan (header row bold and frozen, autofilter, column widths, wrapped
text, due dates as real dates); a second sheet notes the client, the start date of the
due dates, the index, the stage and the order rule. Text cells are always written as text:
a value starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is stored with
the type "string" and Excel's quote prefix, so no client answer can become a formula.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from smtoolkit.atomic import write_atomic
from smtoolkit.engagement import Engagement
from smtoolkit.formatting import fmt_date, fmt_number
from smtoolkit.i18n import render, translate
from smtoolkit.overview.analysis import Assessment
from smtoolkit.overview.view import due_week

__all__ = ["ACTION_PLAN_FILE", "COLUMNS", "PlanRow", "plan_rows", "workbook_bytes", "write_action_plan"]

ACTION_PLAN_FILE = "action-plan.xlsx"
#: The columns of the plan sheet, in order; their headers are ``overview.col.<name>``.
COLUMNS: tuple[str, ...] = (
    "rank",
    "priority",
    "action",
    "check",
    "impact",
    "effort",
    "owner",
    "due_week",
    "due_date",
    "status",
)
_WIDTHS = {
    "rank": 6,
    "priority": 16,
    "action": 70,
    "check": 30,
    "impact": 11,
    "effort": 11,
    "owner": 28,
    "due_week": 15,
    "due_date": 13,
    "status": 12,
}
_DATE_FORMATS = {"de": "DD.MM.YYYY", "en": "DD MMM YYYY"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_HEADER_FILL = PatternFill("solid", start_color="DCE3EA", end_color="DCE3EA")


@dataclass(frozen=True)
class PlanRow:
    """One action of the plan as it goes into the sheet (texts already in the report language)."""

    rank: int
    priority: str
    action: str
    check: str
    impact: str
    effort: str
    owner: str
    due_week: str
    due_date: dt.date
    status: str


def plan_rows(assessment: Assessment, language: str) -> list[PlanRow]:
    """The rows of the action plan in ``language``, in plan order."""
    return [
        PlanRow(
            rank=item.rank,
            priority=translate(f"overview.priority.{item.priority}", language),
            action=render(item.recommendation.text, language),
            check=item.spec.title(language),
            impact=translate(f"level.{item.recommendation.impact}", language),
            effort=translate(f"level.{item.recommendation.effort}", language),
            owner=translate(f"role.{item.recommendation.owner}", language),
            due_week=due_week(item, language),
            due_date=item.due,
            status=translate("overview.status_open", language),
        )
        for item in assessment.plan
    ]


def _text(cell: Cell | MergedCell, value: str) -> None:
    """Write ``value`` as text; a leading formula character gets Excel's quote prefix."""
    assert isinstance(cell, Cell)
    cell.value = value
    cell.data_type = "s"
    if value.startswith(_FORMULA_START):
        cell.quotePrefix = True


def _header(sheet: Worksheet, headers: list[str]) -> None:
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=column)
        _text(cell, text)
        cell.font = Font(name="Calibri", bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"


def workbook_bytes(rows: list[PlanRow], language: str, notes: list[tuple[str, str]]) -> bytes:
    """The .xlsx file of ``rows`` with headers in ``language`` and a notes sheet."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = translate("overview.xlsx.sheet", language)[:31]
    _header(sheet, [translate(f"overview.col.{name}", language) for name in COLUMNS])
    wrap = Alignment(wrap_text=True, vertical="top")
    for offset, row in enumerate(rows, start=2):
        for column, name in enumerate(COLUMNS, start=1):
            value = getattr(row, name)
            cell = sheet.cell(row=offset, column=column)
            if isinstance(value, str):
                _text(cell, value)
            else:
                cell.value = value
            if name == "due_date":
                cell.number_format = _DATE_FORMATS.get(language, "YYYY-MM-DD")
            cell.alignment = wrap
    for column, name in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = _WIDTHS[name]
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(len(rows) + 1, 2)}"
    info = book.create_sheet(translate("overview.xlsx.notes", language)[:31])
    for offset, (label, text) in enumerate(notes, start=1):
        _text(info.cell(row=offset, column=1), label)
        info.cell(row=offset, column=1).font = Font(name="Calibri", bold=True)
        _text(info.cell(row=offset, column=2), text)
        info.cell(row=offset, column=2).alignment = wrap
    info.column_dimensions["A"].width = 22
    info.column_dimensions["B"].width = 100
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_action_plan(
    path: Path, engagement: Engagement, assessment: Assessment, language: str, today: dt.date | None = None
) -> Path:
    """Write the engagement's action plan to ``path`` atomically and return ``path``."""
    day = today or dt.date.today()

    def t(key: str) -> str:
        return translate(f"overview.xlsx.{key}", language)

    notes = [
        (t("client"), engagement.client.name),
        (t("start"), fmt_date(assessment.start, language)),
        (t("generated"), fmt_date(day, language)),
    ]
    if assessment.index is not None and assessment.stage is not None:
        notes.append((t("index"), fmt_number(assessment.index, language, digits=1)))
        notes.append((t("stage"), translate(f"overview.stage.{assessment.stage}", language)))
    notes.append((t("rule"), translate("overview.method.priority", language)))
    write_atomic(path, workbook_bytes(plan_rows(assessment, language), language, notes))
    return path
