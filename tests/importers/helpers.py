"""Paths and comparison helpers for the importer tests."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
CASES = DATA / "cases"
BAD = DATA / "bad"
REPO = Path(__file__).resolve().parents[2]


def plain(value: Any) -> Any:
    """Return ``value`` as JSON would hold it (timestamps as ISO text, missing as None)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Return the rows of ``frame`` as plain dicts (for comparing with expected JSON)."""
    return [{k: plain(v) for k, v in row.items()} for row in frame.to_dict("records")]
