"""Where check 02 gets the monthly history of a KPI: the hook for the platform importers.

The realism flag of check 02 compares the growth a goal needs with the growth its KPI had
in the client's imported platform data (checks 07 and 09). The importers of
``smtoolkit.importers`` are attached here, and only here: :func:`historical_series` is the
one place that turns an engagement's data files into a monthly series of one KPI. Until it
is attached it returns ``None``, and check 02 says per goal that realism could not be
judged.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

__all__ = ["historical_series"]


def historical_series(engagement: Any, kpi: str, platform: str | None) -> pd.Series | None:
    """Return the monthly values of ``kpi`` on ``platform`` (None: all platforms), or None.

    The importer hook is attached here. The contract for the attached version:

    - the index holds one entry per calendar month, as a monthly ``PeriodIndex`` or as a
      ``DatetimeIndex`` (any day within the month);
    - the values are in the unit the goal register uses for the KPI (counts, percent,
      percentage points, euro or hours), one value per month (the month-end level for
      stock KPIs such as followers, the month's total or mean for flow KPIs);
    - ``None`` when the engagement has no data for this KPI and platform.

    Not attached yet: always returns ``None``.
    """
    return None
