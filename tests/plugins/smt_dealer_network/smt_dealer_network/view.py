"""The check 11 page body: the dealers as a table and a bar chart of the network's presence."""

from __future__ import annotations

from smt_dealer_network.analysis import Coverage
from smtoolkit.checks.base import Result
from smtoolkit.checks.registry import Block
from smtoolkit.i18n import translate
from smtoolkit.present import charts
from smtoolkit.present.html import heading, paragraph, table

__all__ = ["render"]


def render(result: Result, language: str) -> list[Block]:
    """Return the dealer network's table and chart in ``language``."""
    c: Coverage = result.details

    def t(key: str, **params: object) -> str:
        return translate(f"dealer_network.{key}", language, **params)

    blocks: list[Block] = [heading(t("section.dealers"), "dealer_network.dealers")]
    if not c.dealers:
        return [*blocks, paragraph(t("note.no_dealers"), muted=True)]
    rows = [
        [t("col.with_profile"), str(c.active), str(c.with_profile - c.active), str(c.with_profile)],
        [t("col.without_profile"), "–", "–", str(c.dealers - c.with_profile)],
    ]
    headers = [t("col.group"), t("col.active"), t("col.inactive"), t("col.total")]
    blocks.append(table(headers, rows, numeric=(1, 2, 3)))
    if c.missing:
        blocks.append(paragraph(t("note.missing", dealers=", ".join(c.missing))))
    figure = charts.barh(
        [t("chart.active"), t("chart.inactive"), t("chart.missing")],
        [c.active, c.with_profile - c.active, c.dealers - c.with_profile],
        title=t("chart.title"),
    )
    blocks.append(charts.image(figure, t("chart.title")))
    return blocks
