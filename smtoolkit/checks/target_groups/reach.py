"""The platform reach table (``platform_reach_de.csv`` or an engagement's own file) and its rules.

The shipped table is partial and mixes metrics and years. The rules that pick one figure
per platform and age band are fixed here and documented in ``docs/checks/05-target-groups.md``:

1. **Age band.** A row for the platform whose ``age_group`` is the band itself
   (``14-29``, ``30-49``, ``50-69``, ``70+``), metric ``weekly_reach`` preferred over
   ``daily_reach``, then the newest ``year``, then the first such row in the file.
2. **Fallback 14+.** Without a band row: the platform's ``14+`` row, chosen by the same
   preference. The figure is marked as a fallback in every table and chart.
3. **No figure.** Without either the band counts 0 and is marked "no figure"; a
   platform without a figure for any band of the persona is not rated for it.

Rows with the metric ``uses`` (Bitkom survey, ``internet_users_16+``: share of internet
users aged 16+ who use the platform at all) are not reach figures by age and are never used
by rules 1-2. The B2B rule uses them for LinkedIn and XING only (see ``analysis``).
``all_social_media`` and ``local_communities`` are benchmarks, not platforms, and are
never ranked.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from smtoolkit.catalogues import PLATFORMS
from smtoolkit.checks.target_groups.model import AGE_FIELDS
from smtoolkit.errors import DataImportError

__all__ = [
    "AGE_BANDS",
    "AGE_GROUPS",
    "BROAD",
    "BUILTIN_NAME",
    "COLUMNS",
    "METRICS",
    "PROFESSIONAL",
    "Figure",
    "ReachRow",
    "ReachTable",
    "builtin_table",
    "load_reach_file",
    "parse_reach_csv",
]

AGE_BANDS: tuple[str, ...] = tuple(AGE_FIELDS)
#: The all-ages row used as the fallback of a band.
BROAD = "14+"
#: The population of the Bitkom "uses" rows, used by the B2B rule.
PROFESSIONAL = "internet_users_16+"
AGE_GROUPS: tuple[str, ...] = (*AGE_BANDS, BROAD, PROFESSIONAL)
#: Metric preference for rules 1 and 2: weekly reach before daily reach.
REACH_METRICS: tuple[str, ...] = ("weekly_reach", "daily_reach")
METRICS: tuple[str, ...] = (*REACH_METRICS, "uses")
COLUMNS: tuple[str, ...] = ("platform", "age_group", "metric", "percent", "year", "source")
#: Platforms outside the shared vocabulary that the table may rank (labels in this check's catalog).
EXTRA_PLATFORMS: tuple[str, ...] = ("snapchat",)
#: Ids in the table that are benchmarks, not platforms: read, shown nowhere in the ranking.
BENCHMARKS: tuple[str, ...] = ("all_social_media", "local_communities")
KNOWN_PLATFORMS: tuple[str, ...] = (*PLATFORMS, *EXTRA_PLATFORMS, *BENCHMARKS)
BUILTIN_NAME = "platform_reach_de.csv"

Basis = Literal["band", "broad", "professional"]


@dataclass(frozen=True)
class ReachRow:
    """One row of the reach table; ``line`` is its line number in the file."""

    platform: str
    age_group: str
    metric: str
    percent: float
    year: int
    source: str
    line: int


@dataclass(frozen=True)
class Figure:
    """The row used for one platform and band, and how it was found."""

    row: ReachRow
    basis: Basis

    @property
    def fallback(self) -> bool:
        """True when the figure is the 14+ fallback for a band."""
        return self.basis == "broad"


@dataclass(frozen=True)
class ReachTable:
    """The rows of one reach table and where they come from."""

    rows: tuple[ReachRow, ...]
    origin: str
    builtin: bool

    def platforms(self) -> list[str]:
        """The rankable platforms of the table, in order of first appearance."""
        seen: list[str] = []
        for row in self.rows:
            if row.platform not in BENCHMARKS and row.platform not in seen:
                seen.append(row.platform)
        return seen

    def _best(self, platform: str, age_group: str, metrics: tuple[str, ...]) -> ReachRow | None:
        candidates = [
            r
            for r in self.rows
            if r.platform == platform and r.age_group == age_group and r.metric in metrics
        ]
        if not candidates:
            return None
        # Metric preference first, then the newest year; min() keeps the first row on ties.
        return min(candidates, key=lambda r: (metrics.index(r.metric), -r.year))

    def figure(self, platform: str, band: str) -> Figure | None:
        """The figure for ``platform`` in age ``band`` by rules 1-2, or None (rule 3)."""
        row = self._best(platform, band, REACH_METRICS)
        if row is not None:
            return Figure(row, "band")
        row = self._best(platform, BROAD, REACH_METRICS)
        if row is not None:
            return Figure(row, "broad")
        return None

    def professional(self, platform: str) -> Figure | None:
        """The ``uses`` figure among internet users 16+ (the B2B rule's source row), or None."""
        row = self._best(platform, PROFESSIONAL, ("uses",))
        return Figure(row, "professional") if row is not None else None


def _fail(name: str, line: int, column: str | None, problem: str) -> DataImportError:
    where = f"{name}:{line}" + (f" column {column}" if column else "")
    return DataImportError(f"{where}: {problem}")


def parse_reach_csv(text: str, name: str) -> ReachTable:
    """Parse reach table CSV text; every problem names ``name``, the line and the column.

    The header must hold the columns ``platform, age_group, metric, percent, year, source``
    (any order; further columns are ignored). Commas or semicolons separate the fields; with
    semicolons a decimal comma is read as well.
    """
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise _fail(name, 1, None, f"the file is empty; expected a header with {', '.join(COLUMNS)}")
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader)]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise _fail(
            name,
            1,
            missing[0],
            f"the header lacks the column(s) {', '.join(missing)}; expected {', '.join(COLUMNS)}",
        )
    index = {c: header.index(c) for c in COLUMNS}
    rows: list[ReachRow] = []
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) < len(header):
            raise _fail(
                name,
                line,
                header[len(cells)],
                f"the row has {len(cells)} field(s) but the header has {len(header)}; the value is missing",
            )
        value = {c: cells[i].strip() for c, i in index.items()}
        if value["platform"] not in KNOWN_PLATFORMS:
            raise _fail(
                name,
                line,
                "platform",
                f"{value['platform']!r} is not a known platform; "
                f"expected one of {', '.join(KNOWN_PLATFORMS)}",
            )
        if value["age_group"] not in AGE_GROUPS:
            raise _fail(
                name,
                line,
                "age_group",
                f"{value['age_group']!r} is not a known age group; expected one of {', '.join(AGE_GROUPS)}",
            )
        if value["metric"] not in METRICS:
            raise _fail(
                name,
                line,
                "metric",
                f"{value['metric']!r} is not a known metric; expected one of {', '.join(METRICS)}",
            )
        raw = value["percent"].replace("%", "").strip()
        if delimiter == ";":
            raw = raw.replace(",", ".")
        try:
            percent = float(raw)
        except ValueError:
            raise _fail(
                name, line, "percent", f"{value['percent']!r} is not a number; enter a percentage such as 37"
            ) from None
        if not 0 <= percent <= 100:
            raise _fail(name, line, "percent", f"{percent:g} is not between 0 and 100")
        try:
            year = int(value["year"])
        except ValueError:
            raise _fail(name, line, "year", f"{value['year']!r} is not a year such as 2024") from None
        if not 1990 <= year <= 2100:
            raise _fail(name, line, "year", f"{year} is not a year between 1990 and 2100")
        if not value["source"]:
            raise _fail(name, line, "source", "is empty; name the study and its publisher")
        rows.append(
            ReachRow(
                platform=value["platform"],
                age_group=value["age_group"],
                metric=value["metric"],
                percent=percent,
                year=year,
                source=value["source"],
                line=line,
            )
        )
    if not rows:
        raise _fail(name, 2, None, "the file has a header but no rows")
    return ReachTable(rows=tuple(rows), origin=name, builtin=False)


@cache
def builtin_table() -> ReachTable:
    """The reach table shipped in ``smtoolkit/data/platform_reach_de.csv``."""
    text = resources.files("smtoolkit").joinpath("data", BUILTIN_NAME).read_text(encoding="utf-8")
    table = parse_reach_csv(text, BUILTIN_NAME)
    return ReachTable(rows=table.rows, origin=BUILTIN_NAME, builtin=True)


def load_reach_file(path: Path, name: str) -> ReachTable:
    """Read an engagement's own reach table; ``name`` is how messages and pages call it."""
    if not path.is_file():
        raise DataImportError(
            f"{name}: the reach file does not exist; put a CSV with the columns "
            f"{', '.join(COLUMNS)} there or remove target_groups.reach_file"
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise DataImportError(f"{name}: byte {err.start} is not UTF-8 text; save the file as UTF-8") from None
    return parse_reach_csv(text, name)
