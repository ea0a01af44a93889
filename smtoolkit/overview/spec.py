"""The overview's place in a report: its number, notebook and page, beside the checks.

The overview is not a check (it has no answers and is not in the check registry); the
build adds it in front of the registered checks of every engagement.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["OVERVIEW", "OverviewSpec"]


@dataclass(frozen=True)
class OverviewSpec:
    """Number, slug, notebook and page of the overview, shaped like a check's spec."""

    number: int = 0
    slug: str = "overview"

    @property
    def notebook(self) -> str:
        """The file name of the overview notebook under ``notebooks/``."""
        return f"{self.number:02d}_{self.slug}.ipynb"

    @property
    def page(self) -> str:
        """The file name of the overview page in the report folder."""
        return f"{self.number:02d}-{self.slug}.html"

    def notebook_path(self) -> Path:
        """The standard overview notebook, ``notebooks/00_overview.ipynb``."""
        from smtoolkit.resources import notebooks_dir

        return notebooks_dir() / self.notebook

    def title(self, language: str) -> str:
        """The overview's title in ``language``."""
        from smtoolkit.i18n import translate

        return translate("overview.title", language)


#: The one overview of every report.
OVERVIEW = OverviewSpec()
