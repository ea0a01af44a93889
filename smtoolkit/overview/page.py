"""What the overview notebook calls: open the overview of an engagement and show its parts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from smtoolkit.checks.registry import Block
from smtoolkit.engagement import Engagement
from smtoolkit.notebook import page_inputs
from smtoolkit.overview import view
from smtoolkit.overview.analysis import Assessment, assess

__all__ = ["OverviewPage", "open_overview"]


def _show(blocks: Sequence[Block]) -> None:
    from IPython.display import HTML, Image, display

    for block in blocks:
        output = Image(data=block, format="png") if isinstance(block, bytes) else HTML(block)  # type: ignore[no-untyped-call]
        display(output)  # type: ignore[no-untyped-call]


class OverviewPage:
    """The overview of one engagement: computed once from the engagement, shown part by part."""

    def __init__(
        self, engagement: Engagement, language: str, live: bool, today: dt.date | None = None
    ) -> None:
        self.engagement = engagement
        self.language = language
        self.live = live
        self.assessment: Assessment = assess(engagement, today)

    def header(self) -> None:
        """The page title, the client, and what the overview is."""
        _show(view.header_blocks(self.engagement, self.language))

    def summary(self) -> None:
        """Index, stage, change since the previous round and the main findings."""
        _show(view.summary_blocks(self.assessment, self.language))

    def scores(self) -> None:
        """The radar of all included checks and the score table with changes."""
        color = self.engagement.settings.branding.primary_color
        _show(view.scores_blocks(self.assessment, self.language, color))

    def recommendations(self) -> None:
        """The top recommendations of the action plan."""
        _show(view.top_blocks(self.assessment, self.language))

    def action_plan(self) -> None:
        """The full action plan with owners and due weeks."""
        _show(view.plan_blocks(self.assessment, self.language))

    def method(self) -> None:
        """How everything on this page is calculated, with the stage bands."""
        _show(view.method_blocks(self.language))


def open_overview(engagement: str, language: str | None = None) -> OverviewPage:
    """Load ``engagement`` and return its overview in ``language`` (None: the engagement's)."""
    loaded, lang, live = page_inputs(engagement, language)
    return OverviewPage(loaded, lang, live)
