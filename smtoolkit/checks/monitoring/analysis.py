"""Check 06 (monitoring): what is said about the client and its competitors; score and actions.

Data: the engagement's mention exports, prepared by :mod:`smtoolkit.checks.monitoring.data`
(keyword sets, sentiment, language). Figures: :mod:`smtoolkit.checks.monitoring.metrics`.

Score (100 points):

- **Keyword sets (15)**: brand keywords recorded 6; at least one product with keywords
  3; competitors with keywords 3 each, at most 6.
- **Data (20)**: history 10 × min(1, days covered ÷ 90); source types (news, social,
  forum, blog, video, ...) 10 × min(1, types ÷ 3).
- **Routine (45)**: review frequency daily 20, weekly 16, monthly 8, ad hoc 4, never 0;
  an owner role 5; findings shared with business areas 15 × min(1, areas ÷ 3); alerts
  configured 5.
- **Standing (20)**: share of voice by count against the fair share 1 ÷ (1 + competitors):
  5 × min(1, share ÷ fair share); the client's net sentiment n (−1..1): 15 × clip(n + 0.5,
  0, 1), so −50 points or worse gives 0 and +50 points or better gives 15.

The routine weighs most: Bitkom's point is to observe *systematically* and to feed the
findings into the business, which data alone does not do.

Without mention data the data and standing criteria give 0 points and the findings say
which file is missing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, is_dataclass, replace
from typing import Any

import pandas as pd

from smtoolkit.checks.base import Criterion, Recommendation, Result
from smtoolkit.checks.monitoring import metrics
from smtoolkit.checks.monitoring.data import CLIENT, Mentions, load_mentions
from smtoolkit.checks.monitoring.model import MonitoringAnswers
from smtoolkit.checks.monitoring.pseudonym import Masker, engagement_key
from smtoolkit.checks.monitoring.text import phrase_keys, word_spans
from smtoolkit.errors import DataImportError
from smtoolkit.messages import Date, Message, Number, Percent, Term

__all__ = [
    "FREQUENCY_POINTS",
    "HISTORY_DAYS",
    "Example",
    "MonitoringDetails",
    "analyse",
    "criteria",
    "excerpt",
]

FREQUENCY_POINTS = {"daily": 20.0, "weekly": 16.0, "monthly": 8.0, "ad_hoc": 4.0, "never": 0.0}
HISTORY_DAYS = 90
SOURCE_TYPES_TARGET = 3
AREAS_TARGET = 3
EXCERPT_CHARS = 200
EXAMPLES = 5


@dataclass(frozen=True)
class Example:
    """One mention shown on the page (text already cut and pseudonymized)."""

    day: dt.date
    source: str
    author: str
    reach: float
    sentiment: int
    text: str


@dataclass(frozen=True)
class MonitoringDetails:
    """Everything the monitoring page shows besides the score."""

    answers: MonitoringAnswers
    client_name: str
    mentions: Mentions | None = None
    problem: str | None = None
    entities: tuple[metrics.EntityFigures, ...] = ()
    share_count: float | None = None
    share_reach: float | None = None
    net_sentiment: float | None = None
    days: pd.DataFrame | None = None
    weeks: pd.DataFrame | None = None
    week_sentiment: pd.Series | None = None
    sources: pd.DataFrame | None = None
    authors: tuple[tuple[str, int, float], ...] = ()
    terms: tuple[tuple[str, int], ...] = ()
    topics: tuple[tuple[str, int, float, float | None], ...] = ()
    examples: tuple[Example, ...] = ()
    source_types: tuple[str, ...] = ()
    secret_key: bool = True
    origin_counts: dict[str, int] = field(default_factory=dict)

    @property
    def covered_days(self) -> int:
        """Days from the first to the last mention, both included."""
        m = self.mentions
        if m is None or m.first_day is None or m.last_day is None:
            return 0
        return (m.last_day - m.first_day).days + 1


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """``text`` with whitespace collapsed, cut at a word boundary to at most ``limit`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    spans = word_spans(cut)
    if spans and spans[-1][1] == len(cut) and len(spans) > 1:
        cut = cut[: spans[-1][0]]
    return cut.rstrip() + "…"


def _masker(mentions: Mentions, engagement: Any, answers: MonitoringAnswers) -> tuple[Masker | None, bool]:
    if not answers.pseudonymize:
        return None, True
    key, secret = engagement_key(engagement.folder, engagement.slug)
    return Masker([str(a) for a in mentions.authors], key, "{code}"), secret


def _examples(mentions: Mentions, masker: Masker | None) -> tuple[Example, ...]:
    table = mentions.table
    chosen = table[table[CLIENT] & table["scored"] & (table["sentiment"] == -1)]
    if chosen.empty:
        return ()
    top = chosen.sort_values(["reach", "day"], ascending=[False, True]).head(EXAMPLES)
    raw = mentions.raw
    out = []
    for row, record in top.iterrows():
        position = int(row)  # type: ignore[call-overload]
        text = raw["text"].iloc[position]
        if pd.isna(text) or not word_spans(str(text)):  # as in the scoring: no words, the title
            text = raw["title"].iloc[position]
        text = "" if pd.isna(text) else str(text)
        author_code = int(record["author"])
        author = "" if author_code < 0 else str(mentions.authors[author_code])
        if masker is not None:
            text = masker(text)
            author = masker.alias(author) if author else ""
        out.append(
            Example(
                day=record["day"].date(),
                source=str(record["source"]),
                author=author,
                reach=float(record["reach"]),
                sentiment=int(record["sentiment"]),
                text=excerpt(text),
            )
        )
    return tuple(out)


def _display_term(mentions: Mentions, key: int, row: int) -> str:
    """The word of ``key`` as written in the mention ``row`` (its first spelling there)."""
    raw = mentions.raw
    for column in ("text", "title"):
        value = raw[column].iloc[row]
        if pd.isna(value):
            continue
        text = str(value)
        words = [text[a:b] for a, b in word_spans(text)]
        for word, keys in zip(words, phrase_keys(words), strict=True):
            if keys == (key,):
                return word
    return ""


def _terms(mentions: Mentions, n: int) -> tuple[tuple[str, int], ...]:
    out = []
    for key, record in metrics.top_terms(mentions, n).iterrows():
        word = _display_term(mentions, int(key), int(record["row"]))  # type: ignore[call-overload]
        if word:
            out.append((word, int(record["count"])))
    return tuple(out)


def _topics(mentions: Mentions) -> tuple[tuple[str, int, float, float | None], ...]:
    table = mentions.table
    client = table[CLIENT].to_numpy()
    total = int(client.sum())
    out = []
    for group in mentions.groups:
        if group.kind != "topic":
            continue
        chosen = table[group.column].to_numpy() & client
        count = int(chosen.sum())
        sentiment = table["sentiment"].to_numpy()[chosen]
        scored = table["scored"].to_numpy()[chosen]
        ns = metrics.net_sentiment(
            int(((sentiment == 1) & scored).sum()),
            int(((sentiment == -1) & scored).sum()),
            int(((sentiment == 0) & scored).sum()),
        )
        out.append((group.name, count, count / total if total else 0.0, ns))
    return tuple(sorted(out, key=lambda t: -t[1]))


def _weeks(mentions: Mentions) -> pd.DataFrame:
    columns = {
        (mentions.group(c).name if c != CLIENT else ""): metrics.weekly(metrics.daily(mentions, c))[
            "mentions"
        ]
        for c in [CLIENT, *(g.column for g in mentions.entities() if g.kind != "brand")]
    }
    return pd.DataFrame(columns)


def _details(answers: MonitoringAnswers, engagement: Any) -> MonitoringDetails:
    client_name = answers.brand.strip() or engagement.client.name
    try:
        mentions = load_mentions(engagement, answers)
    except DataImportError as err:
        return MonitoringDetails(answers, client_name, problem=str(err))
    if mentions is None or mentions.table.empty:
        return MonitoringDetails(answers, client_name)
    entities = tuple(metrics.entity_figures(mentions))
    client = entities[0]
    rivals = [e for e in entities if e.kind == "competitor"]
    masker, secret = _masker(mentions, engagement, answers)
    authors = []
    for code, record in metrics.top_authors(mentions, n=answers.top_n).iterrows():
        name = str(mentions.authors[int(code)])  # type: ignore[call-overload]
        authors.append(
            (masker.alias(name) if masker else name, int(record["mentions"]), float(record["reach"]))
        )
    days = metrics.daily(mentions)
    weeks = metrics.weekly(days)
    scored = weeks["positive"] + weeks["neutral"] + weeks["negative"]
    week_sentiment = ((weeks["positive"] - weeks["negative"]) / scored.where(scored > 0)).astype(float)
    origin = mentions.table["origin"].value_counts()
    types = mentions.table.loc[mentions.table[CLIENT], "source_type"].astype("string")
    details = MonitoringDetails(
        answers=answers,
        client_name=client_name,
        mentions=mentions,
        problem=mentions.problems[0] if mentions.problems else None,
        entities=entities,
        share_count=metrics.share_of_voice(client.mentions, [e.mentions for e in rivals]) if rivals else None,
        share_reach=metrics.share_of_voice(client.reach, [e.reach for e in rivals]) if rivals else None,
        net_sentiment=client.net_sentiment,
        days=days,
        weeks=_weeks(mentions),
        week_sentiment=week_sentiment,
        sources=metrics.top_sources(mentions, n=answers.top_n),
        authors=tuple(authors),
        terms=_terms(mentions, answers.top_n),
        topics=_topics(mentions),
        examples=_examples(mentions, masker),
        source_types=tuple(sorted({t for t in types.dropna().unique() if t})),
        secret_key=secret,
        origin_counts={
            "export": int(origin.get(1, 0)),
            "lexicon": int(origin.get(2, 0)),
            "none": int(origin.get(0, 0)),
            "classifier": int(origin.get(3, 0)),
            "confirmed": int(origin.get(4, 0)),
        },
    )
    return details if masker is None else pseudonymized(details, masker)


#: Fields that hold no text from the mentions (``mentions`` is masked by its ``files`` only).
_NOT_TEXT = frozenset({"answers", "column", "kind"})


def pseudonymized(details: MonitoringDetails, masker: Masker) -> MonitoringDetails:
    """``details`` with every author name and @handle replaced by its alias: the one way out of 06.

    Every text that leaves the analysis for the page passes through here (tables, top
    terms, topics, example mentions, entity and source names, the labels and alt texts the
    charts are drawn from, and any field added later), so nothing has to remember to mask.
    """
    changes = {
        f.name: _masked(getattr(details, f.name), masker) for f in fields(details) if f.name not in _NOT_TEXT
    }
    if details.mentions is not None:
        changes["mentions"] = replace(details.mentions, files=_masked(details.mentions.files, masker))
    return replace(details, **changes)


def _masked(value: Any, masker: Masker) -> Any:
    """``value`` (text, tuple, mapping, frame, series or dataclass) with author names masked."""
    if isinstance(value, str):
        return masker(value)
    if isinstance(value, Mentions) or value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, tuple):
        return tuple(_masked(v, masker) for v in value)
    if isinstance(value, dict):
        return {k: _masked(v, masker) for k, v in value.items()}
    if isinstance(value, pd.DataFrame):
        frame = value.copy()
        frame.index = frame.index.map(lambda v: _masked(v, masker))
        frame.columns = frame.columns.map(lambda v: _masked(v, masker))
        for column in frame.columns:
            if frame[column].dtype == object or isinstance(frame[column].dtype, pd.StringDtype):
                frame[column] = frame[column].map(lambda v: _masked(v, masker))
        return frame
    if isinstance(value, pd.Series):
        series = value.copy()
        series.index = series.index.map(lambda v: _masked(v, masker))
        return series
    if is_dataclass(value) and not isinstance(value, type):
        return replace(
            value,
            **{
                f.name: _masked(getattr(value, f.name), masker)
                for f in fields(value)
                if f.name not in _NOT_TEXT
            },
        )
    return value


def criteria(d: MonitoringDetails) -> tuple[Criterion, ...]:
    """The scoring criteria (see the module docstring)."""
    a = d.answers
    products = [p for p in a.products if any(k.strip() for k in p.keywords)]
    competitors = [c for c in a.competitors if any(k.strip() for k in c.keywords)]
    brand_points = 6.0 if any(k.strip() for k in a.brand_keywords) else 0.0
    keyword_points = brand_points + (3.0 if products else 0.0) + min(6.0, 3.0 * len(competitors))
    has_data = d.mentions is not None and not d.mentions.table.empty
    history = 10 * min(1.0, d.covered_days / HISTORY_DAYS) if has_data else 0.0
    breadth = 10 * min(1.0, len(d.source_types) / SOURCE_TYPES_TARGET) if has_data else 0.0
    routine = (
        FREQUENCY_POINTS[a.review_frequency]
        + (5.0 if a.owner else 0.0)
        + 15 * min(1.0, len(set(a.shared_with)) / AREAS_TARGET)
        + (5.0 if a.alerts else 0.0)
    )
    fair = 1 / (1 + len(competitors)) if competitors else None
    share_points = 5 * min(1.0, d.share_count / fair) if d.share_count is not None and fair else 0.0
    ns_points = 15 * min(1.0, max(0.0, d.net_sentiment + 0.5)) if d.net_sentiment is not None else 0.0

    def detail(key: str, **params: Any) -> Message:
        return Message(f"monitoring.criterion.{key}", params)

    return (
        Criterion(
            Message("monitoring.criterion.keywords"),
            keyword_points,
            15,
            detail("keywords_detail", products=Number(len(products)), competitors=Number(len(competitors))),
        ),
        Criterion(
            Message("monitoring.criterion.history"),
            history,
            10,
            detail("days", days=Number(d.covered_days)) if has_data else detail("no_data"),
        ),
        Criterion(
            Message("monitoring.criterion.breadth"),
            breadth,
            10,
            detail("types", types=Number(len(d.source_types))) if has_data else detail("no_data"),
        ),
        Criterion(
            Message("monitoring.criterion.routine"),
            routine,
            45,
            detail(
                "routine_detail", frequency=Term(f"monitoring.choice.review_frequency.{a.review_frequency}")
            ),
        ),
        Criterion(
            Message("monitoring.criterion.share"),
            share_points,
            5,
            detail("share_detail", share=Percent(d.share_count))
            if d.share_count is not None
            else detail("no_share"),
        ),
        Criterion(
            Message("monitoring.criterion.sentiment"),
            ns_points,
            15,
            detail("points", value=Number(d.net_sentiment * 100))
            if d.net_sentiment is not None
            else detail("no_data"),
        ),
    )


def _findings(d: MonitoringDetails) -> list[Message]:
    found: list[Message] = []
    m = d.mentions
    listed = d.mentions.problems if d.mentions is not None and d.mentions.problems else (d.problem,)
    # every file not read, by name
    found += [Message("monitoring.finding.problem", {"problem": p}) for p in listed if p]
    if m is None or m.table.empty:
        found.append(Message("monitoring.finding.no_data"))
        return found
    client = d.entities[0]
    assert m.first_day is not None and m.last_day is not None
    found.append(
        Message(
            "monitoring.finding.summary",
            {
                "total": Number(len(m.table)),
                "first": Date(m.first_day),
                "last": Date(m.last_day),
                "client": Number(client.mentions),
                "name": d.client_name,
            },
        )
    )
    if d.share_count is not None and d.share_reach is not None:
        found.append(
            Message(
                "monitoring.finding.share",
                {"count": Percent(d.share_count), "reach": Percent(d.share_reach)},
            )
        )
    if d.net_sentiment is not None:
        rivals = [e for e in d.entities if e.kind == "competitor" and e.net_sentiment is not None]
        found.append(Message("monitoring.finding.sentiment", {"value": Number(d.net_sentiment * 100)}))
        if rivals:
            best = max(rivals, key=lambda e: e.net_sentiment or 0.0)
            found.append(
                Message(
                    "monitoring.finding.rival_sentiment",
                    {"name": best.name, "value": Number((best.net_sentiment or 0.0) * 100)},
                )
            )
    if d.days is not None and len(d.days) and d.days["mentions"].max() > 0:
        peak_day = pd.Timestamp(d.days["mentions"].idxmax())  # type: ignore[arg-type]
        count = int(d.days["mentions"].max())
        share = int(d.days["negative"].loc[peak_day]) / count
        median = float(d.days["mentions"].median())
        found.append(
            Message(
                "monitoring.finding.peak",
                {
                    "date": Date(peak_day.date()),
                    "count": Number(count),
                    "median": Number(median, 1),
                    "negative": Percent(share),
                },
            )
        )
    if d.sources is not None and not d.sources.empty:
        top = d.sources.iloc[0]
        found.append(
            Message(
                "monitoring.finding.top_source",
                {"source": str(d.sources.index[0]), "count": Number(top["mentions"])},
            )
        )
    if d.topics and d.topics[0][1] > 0:
        name, _count, share, _ns = d.topics[0]
        found.append(Message("monitoring.finding.topic", {"topic": name, "share": Percent(share)}))
    lexicon = d.origin_counts.get("lexicon", 0)
    total = len(m.table)
    found.append(
        Message(
            "monitoring.finding.origin",
            {
                "export": Percent(d.origin_counts.get("export", 0) / total),
                "lexicon": Percent(lexicon / total),
                "classifier": Percent(d.origin_counts.get("classifier", 0) / total),
                "confirmed": Percent(d.origin_counts.get("confirmed", 0) / total),
            },
        )
    )
    brand = m.groups[0]
    if brand.from_name:
        found.append(Message("monitoring.finding.brand_from_name", {"name": brand.name}))
    return found


def _recommendations(d: MonitoringDetails) -> list[Recommendation]:
    a = d.answers
    recs: list[Recommendation] = []
    if not any(k.strip() for k in a.brand_keywords):
        recs.append(Recommendation(Message("monitoring.rec.keywords"), 3, 1, "social_media_manager", 1))
    if not any(any(k.strip() for k in c.keywords) for c in a.competitors):
        recs.append(Recommendation(Message("monitoring.rec.competitors"), 2, 1, "marketing_lead", 2))
    if d.mentions is None:
        recs.append(Recommendation(Message("monitoring.rec.export"), 3, 1, "social_media_manager", 2))
    elif d.covered_days < HISTORY_DAYS:
        recs.append(Recommendation(Message("monitoring.rec.history"), 2, 1, "social_media_manager", 12))
    if FREQUENCY_POINTS[a.review_frequency] < FREQUENCY_POINTS["weekly"]:
        recs.append(Recommendation(Message("monitoring.rec.weekly"), 3, 1, "social_media_manager", 2))
    if a.owner is None:
        recs.append(Recommendation(Message("monitoring.rec.owner"), 3, 1, "management", 1))
    if len(set(a.shared_with)) < AREAS_TARGET:
        recs.append(Recommendation(Message("monitoring.rec.share_findings"), 2, 2, "marketing_lead", 4))
    if not a.alerts:
        recs.append(Recommendation(Message("monitoring.rec.alerts"), 2, 1, "social_media_manager", 1))
    if d.net_sentiment is not None and d.net_sentiment < 0:
        recs.append(Recommendation(Message("monitoring.rec.negative"), 3, 2, "communications", 4))
    competitors = [c for c in a.competitors if any(k.strip() for k in c.keywords)]
    if d.share_count is not None and competitors and d.share_count < 1 / (1 + len(competitors)):
        recs.append(Recommendation(Message("monitoring.rec.visibility"), 2, 2, "marketing_lead", 12))
    return recs


def analyse(answers: MonitoringAnswers, engagement: Any) -> Result:
    """Check 06: load and analyse the mentions, score the set-up and routine."""
    details = _details(answers, engagement)
    return Result(
        check="monitoring",
        criteria=criteria(details),
        findings=tuple(_findings(details)),
        recommendations=tuple(_recommendations(details)),
        details=details,
    )
