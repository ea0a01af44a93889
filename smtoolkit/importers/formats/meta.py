"""Meta Business Suite exports: Facebook and Instagram posts, daily follows.

Post exports (Insights > Content > Export) come as CSV with English or German headers,
one row per post.  Facebook exports name the page (``Page ID``/``Seiten-ID``),
Instagram exports the account (``Account ID``/``Konto-ID``); that tells them apart.

Daily metric exports (Insights > Results > Export) are UTF-16 CSV files with an Excel
``sep=,`` line, a title line such as ``"Facebook follows"`` and the header
``"Date","Primary"``; the title names platform and metric.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from smtoolkit.catalogues import Platform
from smtoolkit.importers.mapping import ColumnMapFormat, Field, as_text
from smtoolkit.importers.registry import Format, Header, Table, register
from smtoolkit.importers.schemas import Kind

from ._common import normalize_post_format

__all__ = [
    "DAILY_HEADERS",
    "DAILY_TITLES",
    "FACEBOOK_POSTS",
    "INSTAGRAM_POSTS",
    "META_FOLLOWS",
    "META_REACH",
    "META_VIEWS",
]

_POST_ID = ("Post ID", "Beitrags-ID", "Identificador de la publicación")
_PUBLISHED = (
    "Publish time",
    "Veröffentlichungszeitpunkt",
    "Veröffentlichungszeit",
    "Hora de publicación",
)
_PERMALINK = ("Permalink", "Enlace permanente")
_POST_TYPE = ("Post type", "Beitragstyp", "Tipo de publicación")
_DESCRIPTION = ("Description", "Beschreibung", "Descripción")
_TITLE = ("Title", "Titel", "Título")


def _finish_posts(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    if "format" in frame.columns:
        frame["format"] = normalize_post_format(frame["format"])
    title = table.column(_TITLE)
    if title is not None:
        title_text = as_text(title)
        frame["text"] = frame["text"].fillna(title_text) if "text" in frame else title_text
    return frame


FACEBOOK_POSTS = register(
    ColumnMapFormat(
        name="meta_facebook_posts",
        label="Meta Business Suite Facebook post export",
        kind=Kind.POSTS,
        platform="facebook",
        fields=[
            Field("post_id", _POST_ID, "id", required=True),
            Field("account", ("Page name", "Seitenname", "Nombre de la página")),
            Field("published_at", _PUBLISHED, "datetime", required=True),
            Field("format", _POST_TYPE),
            Field("text", _DESCRIPTION),
            Field("url", _PERMALINK),
            Field(
                "impressions",
                ("Impressions", "Impressionen", "Impresiones", "Views", "Aufrufe", "Visualizaciones"),
                "int",
            ),
            Field("reach", ("Reach", "Reichweite", "Alcance"), "int"),
            Field("reactions", ("Reactions", "Reaktionen", "Reacciones"), "int"),
            Field("comments", ("Comments", "Kommentare", "Comentarios"), "int"),
            Field("shares", ("Shares", "Geteilte Inhalte"), "int"),
            Field("clicks", ("Total clicks", "Klicks insgesamt"), "int"),
            Field("video_views", ("3-second video views", "3-Sekunden-Videoaufrufe"), "int"),
        ],
        signature=[
            _POST_ID,
            ("Page ID", "Seiten-ID", "Identificador de la página"),
            ("Page name", "Seitenname", "Nombre de la página"),
            _PUBLISHED,
            _PERMALINK,
            _POST_TYPE,
        ],
        anchors=[
            (
                "Page ID",
                "Seiten-ID",
                "Page name",
                "Seitenname",
                "Identificador de la página",
                "Nombre de la página",
            )
        ],
        min_signature=4,
        extra=[_TITLE],
        finish=_finish_posts,
    )
)

INSTAGRAM_POSTS = register(
    ColumnMapFormat(
        name="meta_instagram_posts",
        label="Meta Business Suite Instagram post export",
        kind=Kind.POSTS,
        platform="instagram",
        fields=[
            Field("post_id", _POST_ID, "id", required=True),
            Field(
                "account",
                (
                    "Account username",
                    "Konto-Benutzername",
                    "Benutzername des Kontos",
                    "Account name",
                    "Kontoname",
                ),
            ),
            Field("published_at", _PUBLISHED, "datetime", required=True),
            Field("format", _POST_TYPE),
            Field("text", _DESCRIPTION),
            Field("url", _PERMALINK),
            Field(
                "impressions",
                ("Impressions", "Impressionen", "Impresiones", "Views", "Aufrufe", "Visualizaciones"),
                "int",
            ),
            Field("reach", ("Reach", "Reichweite", "Alcance"), "int"),
            Field(
                "reactions", ("Likes", '"Gefällt mir"-Angaben', "Gefällt mir-Angaben", "Gefällt mir"), "int"
            ),
            Field("comments", ("Comments", "Kommentare", "Comentarios"), "int"),
            Field("shares", ("Shares", "Geteilte Inhalte"), "int"),
            Field("saves", ("Saves", "Gespeichert", "Speicherungen"), "int"),
            Field("video_views", ("Plays", "Wiedergaben"), "int"),
        ],
        signature=[
            _POST_ID,
            ("Account ID", "Konto-ID"),
            ("Account username", "Konto-Benutzername", "Benutzername des Kontos"),
            _PUBLISHED,
            _PERMALINK,
            _POST_TYPE,
        ],
        anchors=[
            ("Account ID", "Konto-ID", "Account username", "Konto-Benutzername", "Benutzername des Kontos")
        ],
        min_signature=4,
        extra=[_TITLE],
        finish=_finish_posts,
    )
)

DAILY_TITLES: dict[str, dict[str, tuple[str, ...]]] = {
    "follows": {
        "en": ("follows", "followers"),
        "de": ("follower", "followern", "abonnenten"),
        "es": ("seguidores",),
        "fr": ("abonnés",),
        "it": ("follower",),
        "nl": ("volgers",),
    },
    "reach": {
        "en": ("reach",),
        "de": ("reichweite",),
        "es": ("alcance",),
        "fr": ("couverture", "portée"),
        "it": ("copertura",),
        "nl": ("bereik",),
    },
    "views": {
        "en": ("views",),
        "de": ("aufrufe",),
        "es": ("visualizaciones",),
        "fr": ("vues",),
        "it": ("visualizzazioni",),
        "nl": ("weergaven",),
    },
}
"""Metric words of the title line of Meta's daily exports, per UI language."""

DAILY_HEADERS: dict[str, tuple[str, str]] = {
    "en": ("date", "primary"),
    "de": ("datum", "primär"),
    "es": ("fecha", "principal"),
    "fr": ("date", "principal"),
    "it": ("data", "principale"),
    "nl": ("datum", "primair"),
}
"""The two header cells of Meta's daily exports, per UI language."""

_PLATFORM = re.compile(r"\b(facebook|instagram)\b", re.IGNORECASE)


def _daily_title(header: Header) -> tuple[Platform, str] | None:
    """Return platform and metric (follows, reach, views) named by the title line, if any."""
    for row in reversed(header.preamble):
        cells = [c.strip() for c in row if c.strip()]
        if len(cells) != 1:
            continue
        platform = _PLATFORM.search(cells[0])
        if not platform:
            continue
        words = set(re.findall(r"[^\W\d_]+", cells[0].casefold()))
        for metric, languages in DAILY_TITLES.items():
            if any(word in words for names in languages.values() for word in names):
                name: Platform = "facebook" if platform.group(1).lower() == "facebook" else "instagram"
                return name, metric
    return None


def _any_daily_title(header: Header) -> bool:
    """Tell whether a single-cell title line above the header names Facebook or Instagram."""
    for row in header.preamble:
        cells = [c.strip() for c in row if c.strip()]
        if len(cells) == 1 and _PLATFORM.search(cells[0]):
            return True
    return False


class MetaDailyFormat(ColumnMapFormat):
    """Meta's daily exports: a title line naming platform and metric, then Date/Primary.

    With ``metric=None`` it recognises the daily exports of every other metric (visits,
    link clicks, interactions), which are named and not imported.
    """

    def __init__(self, *, metric: str | None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.metric = metric

    def score(self, header: Header) -> int:
        """Score 5 for a ``Date``/``Primary`` header below a title naming this metric."""
        if header.keys[:2] not in DAILY_HEADERS.values():
            return 0
        found = _daily_title(header)
        if self.metric is None:
            return 4 if found is None and _any_daily_title(header) else 0
        return 5 if found is not None and found[1] == self.metric else 0


def _finish_daily(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    found = _daily_title(table.header)
    frame["platform"] = found[0] if found else None
    return frame


_DATE = tuple(h[0] for h in DAILY_HEADERS.values())
_PRIMARY = tuple(h[1] for h in DAILY_HEADERS.values())
_TITLE_RULE = (
    'a title line naming Facebook or Instagram and "{metric}" (after an optional "sep=," '
    'line), then the header "Date","Primary" (or its translation)'
)


def _daily(name: str, label: str, kind: Kind, metric: str, target: str) -> Format:
    return register(
        MetaDailyFormat(
            metric=metric,
            name=name,
            label=label,
            kind=kind,
            fields=[Field("date", _DATE, "date", required=True), Field(target, _PRIMARY, "int")],
            signature=[_DATE, _PRIMARY],
            min_signature=2,
            finish=_finish_daily,
            rule=_TITLE_RULE.format(metric=metric),
        )
    )


META_FOLLOWS = _daily(
    "meta_follows", "Meta Business Suite daily follows export", Kind.FOLLOWERS, "follows", "new_followers"
)
META_REACH = _daily(
    "meta_reach", "Meta Business Suite daily reach export", Kind.PAGE_METRICS, "reach", "unique_impressions"
)
META_OTHER_DAILY = register(
    MetaDailyFormat(
        metric=None,
        name="meta_daily_other",
        label="Meta Business Suite daily export of another metric",
        kind=Kind.PAGE_METRICS,
        fields=[Field("date", _DATE, "date", required=True)],
        signature=[_DATE, _PRIMARY],
        min_signature=2,
        rule="a title line naming Facebook or Instagram and a metric other than follows, reach or views, "
        'then the header "Date","Primary"',
        unsupported="only the daily follows, reach and views exports are imported; this metric "
        "(named in the title line) has no column in smtoolkit's tables",
    )
)

META_VIEWS = _daily(
    "meta_views", "Meta Business Suite daily views export", Kind.PAGE_METRICS, "views", "impressions"
)
