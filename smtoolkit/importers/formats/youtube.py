"""YouTube Studio exports (Analytics > Advanced mode > Export > CSV), any UI language.

The download is a zip of three CSV files, named after the UI language:

* ``Table data.csv`` / ``Tabellendaten.csv``: one row per video (``Content``/``Video``
  holds the video id), title, publish time (``Jul 14, 2026``) and the metrics ticked in
  Studio.  The first data row is a ``Total``/``Gesamt`` row over all videos; it is
  dropped as a summary row.  Videos without a publish time or title (deleted, or
  shown without details) are kept.
* ``Totals.csv`` / ``Gesamtwerte.csv``: one row per day for the whole channel
  (``Date``, ``Views``): read as daily page metrics (views as impressions).
* ``Chart data.csv`` / ``Diagrammdaten.csv``: one row per video and day for the videos
  in the chart.  It is recognised and not imported: its figures are a part of the
  channel (the charted videos), so it is neither a table of videos nor a channel total.

German headers carry soft hyphens inside words (``Vi\u00adde\u00ado\u00adti\u00adtel``);
header matching ignores them.  Column names per language are the table :data:`HEADERS`.
"""

from __future__ import annotations

import pandas as pd

from smtoolkit.importers.mapping import ColumnMapFormat, Field
from smtoolkit.importers.registry import Header, Table, register
from smtoolkit.importers.schemas import Kind

from ._common import aliases

__all__ = ["HEADERS", "YOUTUBE_CHART", "YOUTUBE_OTHER", "YOUTUBE_TOTALS", "YOUTUBE_VIDEOS"]

HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "video": {
        "en": ("Content", "Video"),
        "de": ("Video", "Videos", "Inhalt"),
        "fr": ("Contenu", "Vidéo"),
        "es": ("Contenido", "Vídeo"),
        "it": ("Contenuti", "Video"),
        "nl": ("Content", "Video"),
    },
    "title": {
        "en": ("Video title",),
        "de": ("Videotitel",),
        "fr": ("Titre de la vidéo",),
        "es": ("Título del vídeo",),
        "it": ("Titolo del video",),
        "nl": ("Videotitel",),
    },
    "published": {
        "en": ("Video publish time",),
        "de": ("Veröffentlichungszeitpunkt des Videos",),
        "fr": ("Heure de publication de la vidéo",),
        "es": ("Hora de publicación del vídeo",),
        "it": ("Ora di pubblicazione del video",),
        "nl": ("Publicatietijd van video",),
    },
    "date": {
        "en": ("Date",),
        "de": ("Datum",),
        "fr": ("Date",),
        "es": ("Fecha",),
        "it": ("Data",),
        "nl": ("Datum",),
    },
    "views": {
        "en": ("Views",),
        "de": ("Aufrufe",),
        "fr": ("Vues",),
        "es": ("Visualizaciones",),
        "it": ("Visualizzazioni",),
        "nl": ("Weergaven",),
    },
    "watch_time": {
        "en": ("Watch time (hours)",),
        "de": ("Wiedergabezeit (Stunden)",),
        "fr": ("Durée de visionnage (heures)",),
        "es": ("Tiempo de visualización (horas)",),
        "it": ("Tempo di visualizzazione (ore)",),
        "nl": ("Kijktijd (uren)",),
    },
    "impressions": {
        "en": ("Impressions",),
        "de": ("Impressionen",),
        "fr": ("Impressions",),
        "es": ("Impresiones",),
        "it": ("Impressioni",),
        "nl": ("Vertoningen",),
    },
    "ctr": {"en": ("Impressions click-through rate (%)",), "de": ("Klickrate der Impressionen (%)",)},
    "subscribers": {
        "en": ("Subscribers", "Subscribers gained"),
        "de": ("Abonnenten", "Gewonnene Abonnenten"),
        "fr": ("Abonnés",),
        "es": ("Suscriptores",),
        "it": ("Iscritti",),
        "nl": ("Abonnees",),
    },
    "likes": {"en": ("Likes",), "de": ("Mag ich", "Likes"), "fr": ("J'aime",), "es": ("Me gusta",)},
    "comments": {"en": ("Comments added",), "de": ("Hinzugefügte Kommentare",)},
    "shares": {"en": ("Shares",), "de": ("Geteilte Inhalte",)},
    "duration": {"en": ("Duration",), "de": ("Dauer",), "fr": ("Durée",), "es": ("Duración",)},
    "average_view": {"en": ("Average view duration",), "de": ("Durchschnittliche Wiedergabedauer",)},
    "new_viewers": {"en": ("New viewers",), "de": ("Neue Zuschauer",)},
    "returning_viewers": {
        "en": ("Returning viewers", "Regular viewers"),
        "de": ("Wiederkehrende Zuschauer",),
    },
    "unique_viewers": {"en": ("Unique viewers",), "de": ("Einzelne Zuschauer",)},
}
"""Column names per UI language.  English and German are checked against real exports
(docs/data-formats.md); the French, Spanish, Italian and Dutch names follow the Studio UI
and are not yet checked against a real file."""


def _h(key: str) -> tuple[str, ...]:
    return aliases(HEADERS, key)


def _finish(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    frame["url"] = "https://www.youtube.com/watch?v=" + frame["post_id"]
    frame["format"] = "video"
    return frame


def _video_ids(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    # YouTube puts a space before ids that start with "-" (so spreadsheets do not read a formula).
    frame["post_id"] = frame["post_id"].str.strip()
    return _finish(frame, table)


class _VideoTable(ColumnMapFormat):
    """A YouTube table of videos: a date column would make it the chart data."""

    def score(self, header: Header) -> int:
        """Score as a column map, but 0 when the header has a date column."""
        return 0 if header.has(_h("date")) else super().score(header)


class _Totals(ColumnMapFormat):
    """Totals: the date first, then metrics, never a video or title column."""

    def score(self, header: Header) -> int:
        """Score as a column map when the date is the first column and no video column exists."""
        if header.has(_h("video")) or header.has(_h("title")) or header.find(_h("date")) != 0:
            return 0
        return super().score(header)


YOUTUBE_VIDEOS = register(
    _VideoTable(
        name="youtube_table_data",
        label="YouTube Studio table data export",
        kind=Kind.POSTS,
        platform="youtube",
        fields=[
            Field("post_id", _h("video"), "id", required=True),
            Field("text", _h("title")),
            Field("published_at", _h("published"), "datetime"),
            Field("video_views", _h("views"), "int"),
            Field("impressions", _h("impressions"), "int"),
            Field("reactions", _h("likes"), "int"),
            Field("comments", _h("comments"), "int"),
            Field("shares", _h("shares"), "int"),
        ],
        signature=[
            _h("video"),
            _h("title"),
            _h("published"),
            _h("views"),
            _h("watch_time"),
            _h("impressions"),
            _h("subscribers"),
            _h("ctr"),
            _h("likes"),
            _h("duration"),
        ],
        anchors=[_h("video"), _h("title") + _h("published")],
        min_signature=4,
        dayfirst=False,
        decimal=".",
        finish=_video_ids,
        rule="a header row with the video column (Content/Video), Video title or Video publish "
        "time, and no Date column (English or German UI)",
    )
)


YOUTUBE_TOTALS = register(
    _Totals(
        name="youtube_totals",
        label="YouTube Studio totals export (daily channel figures)",
        kind=Kind.PAGE_METRICS,
        platform="youtube",
        fields=[
            Field("date", _h("date"), "date", required=True),
            Field("impressions", _h("views"), "int"),
        ],
        signature=[
            _h("date"),
            _h("views"),
            _h("watch_time"),
            _h("subscribers"),
            _h("impressions"),
            _h("new_viewers"),
            _h("returning_viewers"),
            _h("unique_viewers"),
            _h("average_view"),
        ],
        anchors=[_h("date")],
        min_signature=2,
        dayfirst=False,
        decimal=".",
        rule="a header row starting with Date (German: Datum) followed by YouTube Studio metrics "
        "(Views, Watch time (hours), Subscribers, New viewers, ...), without a video column; "
        "views per day become impressions",
    )
)


YOUTUBE_CHART = register(
    ColumnMapFormat(
        name="youtube_chart_data",
        label="YouTube Studio chart data export (one row per video and day)",
        kind=Kind.POSTS,
        platform="youtube",
        fields=[Field("post_id", _h("video"), "id", required=True), Field("date", _h("date"), "date")],
        signature=[_h("date"), _h("video"), _h("title"), _h("published"), _h("views")],
        anchors=[_h("date"), _h("video")],
        min_signature=3,
        unsupported="its figures are per video and day for the videos shown in the chart only, "
        "so they are neither a table of videos nor the channel's total; import 'Table data.csv' "
        "(Tabellendaten.csv) for the videos and 'Totals.csv' (Gesamtwerte.csv) for the daily "
        "channel figures",
    )
)


class _OtherDimension(ColumnMapFormat):
    """A Studio table by another dimension: YouTube metrics, neither video nor date first."""

    def score(self, header: Header) -> int:
        """Score 1 (below every real match) for Views and Watch time without video or date."""
        if header.has(_h("video")) or header.has(_h("title")) or header.has(_h("date")):
            return 0
        return super().score(header)


YOUTUBE_OTHER = register(
    _OtherDimension(
        name="youtube_other_table",
        label="YouTube Studio table by another dimension (traffic source, country, device, ...)",
        kind=Kind.PAGE_METRICS,
        platform="youtube",
        fields=[Field("date", _h("date"), "date")],
        signature=[_h("views"), _h("watch_time")],
        anchors=[_h("views"), _h("watch_time")],
        min_signature=2,
        rule="a header row with Views and Watch time (hours) (any UI language) but no video, "
        "title or date column",
        unsupported="its rows are traffic sources, countries, devices or another grouping, not "
        "videos or days; export the table by video ('Table data.csv') or the daily totals "
        "('Totals.csv')",
    )
)
