"""Bounds on what the toolkit reads: engagement files, data exports, build bundles.

Every limit has a default that real engagements stay far below and can be raised in the
``[limits]`` table of the firm file ``smtoolkit.toml`` (the nearest one at or above the
folder being read), e.g. ``[limits] xlsx_cells = 20000000``. :data:`LIMITS` is the one
registry of the limits: their names, defaults and what they bound (``docs/limits.md`` lists
the same). A file beyond a limit is refused with a message naming the file, the limit and
the key to raise; it is never read halfway.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from smtoolkit.errors import ConfigError
from smtoolkit.paths import FIRM_FILE, find_firm_file

__all__ = ["LIMITS", "TABLE", "Limit", "Limits", "limits_for", "parse_limits"]

#: The table of the firm file that holds the limits.
TABLE = "limits"
_MIB = 1024 * 1024


@dataclass(frozen=True)
class Limit:
    """One limit: its key in ``[limits]``, its default and what it bounds."""

    key: str
    default: int
    unit: str
    bounds: str


#: Every limit, in the order ``docs/limits.md`` lists them.
LIMITS: tuple[Limit, ...] = (
    Limit("yaml_bytes", 4 * _MIB, "bytes", "size of engagement.yaml"),
    Limit("yaml_depth", 64, "levels", "nesting depth of mappings and lists in engagement.yaml"),
    Limit(
        "yaml_alias_ratio",
        4,
        "times",
        "values reached through YAML aliases (*name), as a multiple of the values written in the file",
    ),
    Limit("csv_bytes", 256 * _MIB, "bytes", "size of a text export (CSV, TSV, TXT)"),
    Limit("csv_columns", 1000, "columns", "columns of a text export's first line"),
    Limit("csv_line_bytes", 1 * _MIB, "bytes", "length of one line of a text export"),
    Limit("xlsx_bytes", 24 * _MIB, "bytes", "uncompressed size of an Excel workbook (.xlsx, .xls)"),
    Limit("xlsx_sheets", 50, "sheets", "worksheets of an Excel workbook"),
    Limit("xlsx_cells", 500_000, "cells", "rows × columns of one worksheet, as its dimension states"),
    Limit(
        "bundle_bytes",
        512 * _MIB,
        "bytes",
        "files shipped to a Dask worker for one engagement (engagement file, data, logo, notebooks)",
    ),
)


@dataclass(frozen=True)
class Limits:
    """The limits in force for one folder (the defaults, or the firm file's values)."""

    yaml_bytes: int = LIMITS[0].default
    yaml_depth: int = LIMITS[1].default
    yaml_alias_ratio: int = LIMITS[2].default
    csv_bytes: int = LIMITS[3].default
    csv_columns: int = LIMITS[4].default
    csv_line_bytes: int = LIMITS[5].default
    xlsx_bytes: int = LIMITS[6].default
    xlsx_sheets: int = LIMITS[7].default
    xlsx_cells: int = LIMITS[8].default
    bundle_bytes: int = LIMITS[9].default
    #: The firm file the values come from (``None``: the toolkit's defaults).
    source: str | None = None

    def hint(self, key: str) -> str:
        """What to do when a file is beyond the limit ``key``."""
        return (
            f"If the file is genuine, raise the limit in {FIRM_FILE}: [{TABLE}] {key} = <larger value> "
            f"(now {getattr(self, key):,})"
        )


assert [f.name for f in fields(Limits) if f.name != "source"] == [limit.key for limit in LIMITS]


def parse_limits(table: Any, where: str) -> tuple[Limits, list[str]]:
    """The limits of a ``[limits]`` table and one problem line per bad key (``where`` names the file)."""
    problems: list[str] = []
    if not isinstance(table, dict):
        return Limits(source=where), [f"{where} {TABLE}: expected a table [{TABLE}], found {table!r}"]
    known = {limit.key for limit in LIMITS}
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in known:
            problems.append(
                f"{where} {TABLE}.{key}: is not a known limit; expected one of "
                f"{', '.join(limit.key for limit in LIMITS)}; check the spelling or remove it"
            )
        elif isinstance(value, bool) or not isinstance(value, int) or value < 1:
            problems.append(f"{where} {TABLE}.{key}: expected a whole number of at least 1, found {value!r}")
        else:
            values[key] = value
    return replace(Limits(source=where), **values), problems


@lru_cache(maxsize=16)
def _firm_limits(path: str, mtime_ns: int, size: int) -> Limits:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return Limits()  # the firm file's own check reports it; reading goes on with the defaults
    if TABLE not in data:
        return Limits()
    limits, problems = parse_limits(data[TABLE], path)
    if problems:
        raise ConfigError(problems[0])
    return limits


def limits_for(folder: Path) -> Limits:
    """The limits for files in ``folder``: the nearest firm file's ``[limits]``, else the defaults."""
    firm = find_firm_file(folder)
    if firm is None:
        return Limits()
    try:
        stat = firm.stat()
    except OSError:
        return Limits()
    return _firm_limits(str(firm), stat.st_mtime_ns, stat.st_size)
