"""Where check 10 gets its employee survey: the engagement's ``data/`` folder.

The survey is read by :mod:`smtoolkit.importers` (kind ``survey``, format ``likert_survey``;
see docs/data-formats.md). All survey files found are combined. A file that cannot be read
never stops the page: it is reported with its name relative to the engagement folder and
the importer's message (row, column, what was expected), and the readable files are used.
The import is cached per folder and invalidated when any data file changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from smtoolkit.checks.datafiles import not_read
from smtoolkit.importers import Kind, cached_folder

__all__ = ["FileProblem", "SurveyData", "load_survey", "relative_name"]

SurveyStatus = Literal["ok", "no_engagement", "no_data_folder", "no_survey", "unreadable"]


@dataclass(frozen=True)
class FileProblem:
    """A data file that could not be used: its name inside the engagement and why."""

    file: str
    message: str
    unknown_format: bool = False


@dataclass(frozen=True)
class SurveyData:
    """The survey table of an engagement (``None`` without one), its files and problems."""

    status: SurveyStatus
    frame: pd.DataFrame | None = None
    files: tuple[str, ...] = ()
    problems: tuple[FileProblem, ...] = ()


def relative_name(path: Path, engagement_folder: Path) -> str:
    """``path`` relative to the engagement folder (``data/survey.csv``), else its file name."""
    try:
        return path.resolve().relative_to(engagement_folder.resolve()).as_posix()
    except ValueError:
        return path.name


def _message(text: str, path: Path, name: str) -> str:
    """The importer's problem and what it expected, with the local path replaced and no file content."""
    line = not_read(path, text)
    return f"{name}{line.where}: {line.reason.replace(line.name, name)}"


def load_survey(engagement: Any) -> SurveyData:
    """Read the survey files of ``engagement`` (an :class:`~smtoolkit.engagement.Engagement`)."""
    base = getattr(engagement, "folder", None)
    if base is None:
        return SurveyData("no_engagement")
    engagement_folder = Path(base)
    folder = engagement_folder / "data"
    if not folder.is_dir():
        return SurveyData("no_data_folder")
    imported = cached_folder(folder, {Kind.SURVEY})
    problems = tuple(
        FileProblem(
            relative_name(e.path, engagement_folder),
            _message(e.message, e.path, relative_name(e.path, engagement_folder)),
            unknown_format=e.kind is None,
        )
        for e in imported.errors_for(Kind.SURVEY)
    )
    tables = imported.tables(Kind.SURVEY)
    if not tables:
        status: SurveyStatus = "unreadable" if any(not p.unknown_format for p in problems) else "no_survey"
        return SurveyData(status, problems=problems)
    files = tuple(dict.fromkeys(relative_name(t.path, engagement_folder) for t in tables))
    return SurveyData("ok", imported.frame(Kind.SURVEY), files, problems)
