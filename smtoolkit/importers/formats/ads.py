"""Paid campaign exports (Meta Ads Manager, X Ads): recognised and not imported.

Their rows are campaigns, ad sets or ads with spend, not organic posts, days of a page or
mentions; reading them as posts would mix paid into organic figures.  They are named so
the consultant knows why the file is left out.  Recognised by a campaign column
(``Campaign ID``/``Campaign Name``/``Kampagnen-ID``/``Kampagnenname``) together with a
spend column or an ad group/ad set column.
"""

from __future__ import annotations

from smtoolkit.importers.mapping import ColumnMapFormat, Field
from smtoolkit.importers.registry import Header, register
from smtoolkit.importers.schemas import Kind

__all__ = ["ADS_CAMPAIGNS"]

_CAMPAIGN = ("Campaign ID", "Campaign Name", "Campaign name", "Kampagnen-ID", "Kampagnenname")
_PAID = (
    "Amount Spent (USD)",
    "Amount spent (EUR)",
    "Amount spent (USD)",
    "Ausgegebener Betrag (EUR)",
    "Spend",
    "Ad Group ID",
    "Ad set name",
    "Ad Set Name",
    "Anzeigengruppenname",
)


class _Campaigns(ColumnMapFormat):
    """Campaign tables: a campaign column plus spend or ad set; outranks post formats."""

    def score(self, header: Header) -> int:
        """Score 10 when the header has a campaign column and a spend or ad set column."""
        return 10 if header.has(_CAMPAIGN) and header.has(_PAID) else 0


ADS_CAMPAIGNS = register(
    _Campaigns(
        name="ads_campaigns",
        label="paid campaign export (Meta Ads Manager, X Ads)",
        kind=Kind.POSTS,
        fields=[Field("post_id", _CAMPAIGN, "id")],
        signature=[_CAMPAIGN, _PAID],
        min_signature=2,
        rule="a header row with Campaign ID or Campaign Name and a spend or ad set/ad group column",
        unsupported="its rows are paid campaigns or ads with their spend, not organic posts; export "
        "the posts from Meta Business Suite or X analytics instead",
    )
)
