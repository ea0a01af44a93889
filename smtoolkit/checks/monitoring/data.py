"""From the engagement's mention exports to one prepared table: entities, sentiment, language.

This is the shared monitoring logic: check 06 shows it, check 08 detects crises in it, and
check 09 reads share of voice and net sentiment from it. It works on the ``mentions``
table of :mod:`smtoolkit.importers` (Meltwater, Brandwatch, generic CSV).

**Entities.** The client (its brand keywords and its products), each product and each
competitor is a *keyword set*; so is each topic. A mention belongs to a set when its title
or text holds one of the set's keywords as whole words (folded: case, umlauts and ``ß``
do not matter; see :mod:`smtoolkit.checks.monitoring.text`). With ``use_query_column``
the export's own query/brand column (Meltwater *Input Name*, Brandwatch *Query Name*, the
generic ``query`` column) is matched against the same keywords and the set's name too,
so a mention filed under "Hallberg Pumpen" counts for the client even when its text
names only the product. One mention can belong to several sets. A set without keywords
uses its name as its keyword.

**Sentiment.** The export's label (positive, neutral, negative) where it has one;
otherwise :mod:`smtoolkit.checks.monitoring.sentiment` scores the text (the title when
the text is empty) in the mention's language: the export's language where it names one
(``de``/``German``/``Deutsch``, ``en``/``English``/``Englisch``), else the language
detected from stop words. Mentions in other languages stay unscored (and out of net
sentiment).

**Authors** never leave this module by name: the table holds an author *code*; the page
shows aliases from :mod:`smtoolkit.checks.monitoring.pseudonym`.

The text is processed in batches of :data:`BATCH_ROWS` mentions with numpy on whole
batches (no Python loop over mentions), so a million mentions take seconds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from smtoolkit.checks.datafiles import not_read
from smtoolkit.checks.monitoring.model import MonitoringAnswers
from smtoolkit.errors import DataImportError
from smtoolkit.importers import Kind, cached_folder, data_signature
from smtoolkit.sentiment.lexicon import LANG_DE, LANG_EN, band_label, language_votes, score, symbol_valence
from smtoolkit.sentiment.lexicon import vocabulary as compile_vocabulary
from smtoolkit.sentiment.text import Tokens, phrase_keys, tokenize

if TYPE_CHECKING:
    from smtoolkit.sentiment import EngagementClassifier

__all__ = [
    "BATCH_ROWS",
    "CLIENT",
    "ClassifierInfo",
    "Group",
    "Matcher",
    "Mentions",
    "compile_matcher",
    "groups_for",
    "load_mentions",
    "match",
    "mention_keys",
    "prepare",
]

BATCH_ROWS = 100_000
#: The column of the prepared table that marks the client's own mentions (brand or product).
CLIENT = "client"
#: Sentiment origin codes: none, the export's label, the lexicon, the engagement classifier,
#: the consultant's confirmed label.
ORIGIN_NONE, ORIGIN_EXPORT, ORIGIN_LEXICON, ORIGIN_CLASSIFIER, ORIGIN_CONFIRMED = 0, 1, 2, 3, 4
#: The engagement classifier learns from at most this many labelled mentions (a fixed sample).
MAX_TRAINING = 1000
LANG_OTHER = 2

GroupKind = Literal["brand", "product", "competitor", "topic"]


@dataclass(frozen=True)
class Group:
    """One keyword set: its column in the prepared table, kind, name and keywords."""

    column: str
    kind: GroupKind
    name: str
    keywords: tuple[str, ...]
    from_name: bool = False  # no keywords were given: the name is the keyword


def groups_for(answers: MonitoringAnswers, client_name: str) -> tuple[Group, ...]:
    """The keyword sets of the answers: brand, products, competitors, topics (in that order)."""
    brand = answers.brand.strip() or client_name
    groups = [
        Group(
            "brand",
            "brand",
            brand,
            tuple(k for k in answers.brand_keywords if k.strip()) or (brand,),
            not any(k.strip() for k in answers.brand_keywords),
        )
    ]
    for kind, sets in (
        ("product", answers.products),
        ("competitor", answers.competitors),
        ("topic", answers.topics),
    ):
        for index, item in enumerate(sets):
            keywords = tuple(k for k in item.keywords if k.strip())
            name = item.name.strip() or (keywords[0] if keywords else "")
            if not name:
                continue
            groups.append(Group(f"{kind}_{index}", kind, name, keywords or (name,), not keywords))  # type: ignore[arg-type]
    return tuple(groups)


@dataclass(frozen=True)
class Matcher:
    """Keyword phrases as key sequences, with the set (index) each belongs to."""

    phrases: tuple[tuple[int, tuple[int, ...]], ...]
    firsts: pd.Index
    width: int

    @property
    def keys(self) -> frozenset[int]:
        """Every key that is part of a keyword."""
        return frozenset(k for _, phrase in self.phrases for k in phrase)


def compile_matcher(groups: Sequence[Group], *, with_names: bool = False) -> Matcher:
    """Compile the keywords (and with ``with_names`` the set names) of ``groups``."""
    texts: list[str] = []
    owners: list[int] = []
    for index, group in enumerate(groups):
        words = list(group.keywords) + ([group.name] if with_names else [])
        texts += words
        owners += [index] * len(words)
    phrases = tuple(sorted({(o, k) for o, k in zip(owners, phrase_keys(texts), strict=True) if k}))
    firsts = pd.Index(np.unique(np.array([k[0] for _, k in phrases], dtype=np.uint64)))
    return Matcher(phrases, firsts, len(groups))


def match(
    tokens: Tokens, matcher: Matcher, candidates: npt.NDArray[np.intp] | None = None
) -> npt.NDArray[np.bool_]:
    """(strings × sets) whether each string of ``tokens`` holds a keyword of each set.

    ``candidates`` may name the words that can start a keyword (a superset is fine).
    """
    member = np.zeros((tokens.count, matcher.width), dtype=bool)
    if not matcher.phrases or not len(tokens):
        return member
    if candidates is None:
        candidates = np.flatnonzero(matcher.firsts.get_indexer(tokens.key) >= 0)  # type: ignore[arg-type]
    if not len(candidates):
        return member
    first_keys = tokens.key[candidates]
    total = len(tokens.key)
    for owner, phrase in matcher.phrases:
        hits = candidates[first_keys == np.uint64(phrase[0])]
        for offset, key in enumerate(phrase[1:], start=1):
            hits = hits[hits + offset < total]
            following = hits + offset
            keep = (tokens.key[following] == np.uint64(key)) & (tokens.entry[following] == tokens.entry[hits])
            hits = hits[keep]
        member[tokens.entry[hits], owner] = True
    return member


@dataclass(frozen=True)
class ClassifierInfo:
    """How the engagement classifier did: training labels, cross-validated accuracy, fallback, method.

    ``method`` is the model its cross-validation chose (one of
    :data:`smtoolkit.sentiment.engagement.CANDIDATES`; ``"lexicon"``: the lexicon scored
    better than the learnt models, and ``accuracy`` is the lexicon's); None on fallback.
    """

    labels: int
    accuracy: float | None
    fallback: str | None
    method: str | None = None


def mention_keys(titles: Sequence[str], texts: Sequence[str]) -> list[str]:
    """A stable key per mention: 16 hex digits of the SHA-1 of its title and text."""
    return [
        hashlib.sha1(f"{title}\x1f{text}".encode("utf-8", "replace")).hexdigest()[:16]
        for title, text in zip(titles, texts, strict=True)
    ]


@dataclass(frozen=True)
class Mentions:
    """The prepared mentions of an engagement.

    ``table`` has one row per mention: ``day`` (local calendar day), ``source``,
    ``source_type``, ``reach`` (0 when missing), ``author`` (a code into the raw author
    names, −1 for none: never shown), ``sentiment`` (1, 0, −1; ``scored`` says whether it
    is known), ``origin`` (0 none, 1 export, 2 lexicon, 3 engagement classifier, 4 confirmed
    by the consultant), ``certainty`` (how sure the label is: 1 for export and confirmed
    labels, the classifier's probability, the lexicon's absolute compound), ``language`` (0 de, 1 en, 2
    other), one boolean column per keyword set and ``client`` (brand or a product).
    ``terms`` counts the words of the client's mentions (index: word key; ``count``,
    ``row``: the first mention holding it). ``raw`` is the imported table (for excerpts).
    """

    table: pd.DataFrame
    groups: tuple[Group, ...]
    authors: pd.Index
    terms: pd.DataFrame
    raw: pd.DataFrame
    files: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    excluded_terms: frozenset[int] = field(default_factory=frozenset)
    #: The engagement classifier: labels it learnt from, its cross-validated accuracy, and
    #: why it was not used (None: used, or nothing left to score).
    classifier: ClassifierInfo | None = None

    @property
    def first_day(self) -> dt.date | None:
        """The first day with a mention."""
        return None if self.table.empty else self.table["day"].min().date()

    @property
    def last_day(self) -> dt.date | None:
        """The last day with a mention."""
        return None if self.table.empty else self.table["day"].max().date()

    def group(self, column: str) -> Group:
        """The keyword set stored in ``column``."""
        return next(g for g in self.groups if g.column == column)

    def entities(self) -> tuple[Group, ...]:
        """Brand, products and competitors (not the topics)."""
        return tuple(g for g in self.groups if g.kind != "topic")


def _strings(values: pd.Series) -> list[str]:
    filled: list[str] = values.to_numpy(dtype=object, na_value="").tolist()
    return filled


def _codes(values: pd.Series, mapping: dict[str, int], default: int, missing: int) -> npt.NDArray[np.int8]:
    """Map a low-cardinality text column through ``mapping`` (case-insensitive) via its uniques.

    Values not in ``mapping`` give ``default``, empty cells ``missing``.
    """
    codes, uniques = pd.factorize(values.astype("string"), use_na_sentinel=True)
    cleaned = [str(u).strip().lower() for u in uniques]
    lookup = np.array([mapping.get(u, default) if u else missing for u in cleaned] + [missing], dtype=np.int8)
    result: npt.NDArray[np.int8] = lookup[codes]
    return result


_SENTIMENTS = {"positive": 1, "neutral": 0, "negative": -1}
_LANGUAGES = {
    **dict.fromkeys(("de", "de-de", "de-at", "de-ch", "german", "deutsch", "ger", "deu"), LANG_DE),
    **dict.fromkeys(("en", "en-us", "en-gb", "english", "englisch", "eng"), LANG_EN),
}


def _query_membership(raw: pd.DataFrame, groups: Sequence[Group]) -> npt.NDArray[np.bool_]:
    codes, uniques = pd.factorize(raw["query"], use_na_sentinel=True)
    matcher = compile_matcher([g for g in groups if g.kind != "topic"], with_names=True)
    found = match(tokenize([str(u) for u in uniques]), matcher)
    table = np.zeros((len(uniques) + 1, len(groups)), dtype=bool)
    entity_columns = [i for i, g in enumerate(groups) if g.kind != "topic"]
    table[: len(uniques), entity_columns] = found
    result: npt.NDArray[np.bool_] = table[codes]
    return result


def prepare(
    raw: pd.DataFrame,
    groups: Sequence[Group],
    *,
    use_query_column: bool = True,
    default_language: str = "de",
    positive_terms: tuple[str, ...] = (),
    negative_terms: tuple[str, ...] = (),
    confirmed: tuple[tuple[str, str], ...] = (),
    batch_rows: int = BATCH_ROWS,
) -> Mentions:
    """Prepare an imported ``mentions`` table (see :class:`Mentions`); pure, no file access.

    ``confirmed`` holds (mention key, label) pairs the consultant confirmed. Sentiment comes
    from the confirmed label, else the export's, else the engagement classifier trained on
    both (:class:`smtoolkit.sentiment.EngagementClassifier`), else the lexicon.
    """
    groups = tuple(groups)
    n = len(raw)
    matcher = compile_matcher(groups)
    vocab = compile_vocabulary(tuple(positive_terms), tuple(negative_terms)).with_keys(matcher.keys)
    assert vocab.extra is not None
    width = len(groups)
    client_columns = [i for i, g in enumerate(groups) if g.kind in ("brand", "product")]

    member = np.zeros((n, width), dtype=bool)
    if use_query_column and n:
        member |= _query_membership(raw, groups)
    export = _codes(raw["sentiment"], _SENTIMENTS, -2, -2)
    has_export = export >= -1
    language = _codes(raw["language"], _LANGUAGES, LANG_OTHER, -1)
    default = LANG_EN if default_language == "en" else LANG_DE

    author_codes, authors = pd.factorize(raw["author"], use_na_sentinel=True)
    excluded = _author_keys(authors)  # handles: kept out of the top terms
    titles, texts = _strings(raw["title"]), _strings(raw["text"])
    compound = np.zeros(n)
    text_present = np.zeros(n, dtype=bool)
    term_parts: list[pd.DataFrame] = []
    for begin in range(0, n, batch_rows):
        end = min(begin + batch_rows, n)
        strings = list(itertools.chain.from_iterable(zip(titles[begin:end], texts[begin:end], strict=True)))
        tokens = tokenize(strings)
        batch_vocab = vocab.with_compounds(strings)  # German compounds of this batch
        assert batch_vocab.extra is not None
        no_term = batch_vocab.function_word | batch_vocab.extra  # extra: the keyword words
        rows = batch_vocab.lookup(tokens.key)
        found = match(tokens, matcher, np.flatnonzero(batch_vocab.extra[rows]))
        member[begin:end] |= found[0::2] | found[1::2]
        lang = language[begin:end].copy()
        unknown = lang < 0
        if unknown.any():
            votes = language_votes(tokens, batch_vocab, rows)
            per_row = votes[0::2] + votes[1::2]
            guess = np.where(per_row > 0, LANG_EN, np.where(per_row < 0, LANG_DE, default))
            lang[unknown] = guess[unknown]
            language[begin:end] = lang
        wanted = ~has_export[begin:end] & (lang != LANG_OTHER)
        # a text without a single word (empty, only emoji) is scored by its title
        has_text = np.bincount(tokens.entry, minlength=tokens.count)[1::2] > 0
        text_present[begin:end] = has_text
        if wanted.any():
            entry_lang = np.full(2 * (end - begin), -1, dtype=np.int8)
            entry_lang[1::2] = np.where(wanted & has_text, lang, -1)
            entry_lang[0::2] = np.where(wanted & ~has_text, lang, -1)
            scores = score(tokens, entry_lang, batch_vocab, rows, symbol_valence(strings))
            compound[begin:end] = np.where(has_text, scores[1::2], scores[0::2])
        client_rows = np.asarray(member[begin:end][:, client_columns].any(axis=1), dtype=bool)
        term_parts.append(_term_counts(tokens, rows, no_term, client_rows, has_text, excluded, begin))

    lexicon = band_label(compound, language)
    scored_by_lexicon = ~has_export & (language != LANG_OTHER)
    sentiment = np.where(has_export, export, np.where(scored_by_lexicon, lexicon, 0)).astype(np.int8)
    origin = np.where(has_export, ORIGIN_EXPORT, np.where(scored_by_lexicon, ORIGIN_LEXICON, ORIGIN_NONE))
    bodies = [
        text if present else title for title, text, present in zip(titles, texts, text_present, strict=True)
    ]
    certainty = np.where(origin == ORIGIN_LEXICON, np.abs(compound), 1.0)
    classifier = _learn(bodies, titles, texts, sentiment, origin, certainty, dict(confirmed))
    published = raw["published_at"]
    if getattr(published.dt, "tz", None) is not None:
        published = published.dt.tz_localize(None)
    table = pd.DataFrame(
        {
            "day": published.dt.normalize().to_numpy(),
            "source": raw["source"].astype("string").fillna("").astype("category").to_numpy(),
            "source_type": raw["source_type"].astype("string").fillna("").astype("category").to_numpy(),
            "reach": pd.to_numeric(raw["reach"], errors="coerce").astype("float64").fillna(0.0).to_numpy(),
            "author": author_codes.astype(np.int32),
            "sentiment": sentiment,
            "scored": origin != ORIGIN_NONE,
            "origin": origin.astype(np.int8),
            "certainty": certainty.astype(np.float32),
            "language": language,
        }
    )
    for index, group in enumerate(groups):
        table[group.column] = member[:, index]
    table[CLIENT] = np.asarray(member[:, client_columns].any(axis=1), dtype=bool)
    terms = _combine_terms(term_parts)
    return Mentions(
        table,
        groups,
        pd.Index(authors),
        terms,
        raw,
        excluded_terms=excluded | matcher.keys,
        classifier=classifier,
    )


def _learn(
    bodies: list[str],
    titles: list[str],
    texts: list[str],
    sentiment: npt.NDArray[np.int8],
    origin: npt.NDArray[Any],
    certainty: npt.NDArray[np.float64],
    confirmed: dict[str, str],
) -> ClassifierInfo | None:
    """Apply confirmed labels, then score the unlabelled mentions with the engagement classifier.

    Updates ``sentiment``, ``origin`` and ``certainty`` (the classifier's probability of its
    label) in place; None when no mention is left to score.
    """
    if confirmed:
        codes = {"negative": -1, "neutral": 0, "positive": 1}
        for row, key in enumerate(mention_keys(titles, texts)):
            name = confirmed.get(key)
            if name in codes:
                sentiment[row] = codes[name]
                origin[row] = ORIGIN_CONFIRMED
    labelled = np.flatnonzero((origin == ORIGIN_EXPORT) | (origin == ORIGIN_CONFIRMED))
    unlabelled = np.flatnonzero(origin == ORIGIN_LEXICON)
    if not len(unlabelled):
        return None
    from smtoolkit.sentiment import LABELS

    chosen = np.random.default_rng(0).permutation(labelled)[:MAX_TRAINING]
    train_texts = [bodies[i] for i in chosen]
    train_labels = [LABELS[int(sentiment[i]) + 1] for i in chosen]
    model = _fitted(tuple(train_texts), tuple(train_labels))
    score = model.cv_scores_.get(model.selected_ or "")
    accuracy = None if score is None else score.accuracy
    if model.selected_ == "lexicon":
        return ClassifierInfo(len(chosen), accuracy, None, "lexicon")
    if model.fallback_reason is not None:
        return ClassifierInfo(len(chosen), None, model.fallback_reason)
    unlabelled_texts = [bodies[i] for i in unlabelled]
    predicted = model.predict(unlabelled_texts)
    certainty[unlabelled] = model.confidence(unlabelled_texts)
    sentiment[unlabelled] = [LABELS.index(p) - 1 for p in predicted]
    origin[unlabelled] = ORIGIN_CLASSIFIER
    return ClassifierInfo(len(chosen), accuracy, None, model.selected_)


def _author_keys(authors: pd.Index) -> frozenset[int]:
    """Keys of every word of every author name (handles and each part of a full name).

    They are kept out of the top terms: "Sabine Kraemer" in 600 mention texts must not
    list "Sabine" and "Kraemer" as terms while the authors table shows an alias.
    """
    if not len(authors):
        return frozenset()
    tokens = tokenize([str(a) for a in authors])
    return frozenset(int(k) for k in np.unique(tokens.key).tolist())


def _term_counts(
    tokens: Tokens,
    rows: npt.NDArray[np.intp],
    no_term: npt.NDArray[np.bool_],
    client_rows: npt.NDArray[np.bool_],
    has_text: npt.NDArray[np.bool_],
    excluded: frozenset[int],
    offset: int,
) -> pd.DataFrame:
    """Word counts of the client's mentions in one batch, with the first mention of each word.

    Counted: words of the text (of the title when there is no text) of client mentions,
    except stop, negation, booster and "but" words, keywords, words of author names, words after
    ``@``, words starting with a digit and words of fewer than three bytes.
    """
    entry_wanted = np.zeros(tokens.count, dtype=bool)
    entry_wanted[1::2] = client_rows & has_text
    entry_wanted[0::2] = client_rows & ~has_text
    where = np.flatnonzero(entry_wanted[tokens.entry])
    first = tokens.first[where]
    keys = tokens.key[where]
    keep = ~no_term[rows[where]] & ~tokens.after_at[where]
    keep &= ((first < ord("0")) | (first > ord("9"))) & (keys >= np.uint64(1 << 16))
    where, keys = where[keep], keys[keep]
    if excluded and len(keys):
        other = ~np.isin(keys, np.fromiter(excluded, dtype=np.uint64, count=len(excluded)))
        where, keys = where[other], keys[other]
    codes, uniques = pd.factorize(keys)
    counts = np.bincount(codes, minlength=len(uniques)) if len(codes) else np.zeros(0, dtype=np.int64)
    running = np.maximum.accumulate(codes) if len(codes) else codes
    new = np.ones(len(codes), dtype=bool)
    new[1:] = running[1:] > running[:-1]  # codes are numbered in order of first appearance
    first_rows = tokens.entry[where[new]] // 2 + offset
    return pd.DataFrame(
        {"count": counts.astype(np.int64), "row": first_rows.astype(np.int64)},
        index=pd.Index(np.asarray(uniques, dtype=np.uint64), name="key"),
    )


def _combine_terms(parts: list[pd.DataFrame]) -> pd.DataFrame:
    if not parts:
        return pd.DataFrame({"count": pd.Series(dtype="int64"), "row": pd.Series(dtype="int64")})
    combined = pd.concat(parts)
    if len(parts) > 1:
        combined = combined.groupby(level=0).agg({"count": "sum", "row": "min"})
    return combined.sort_values(["count", "row"], ascending=[False, True])


@lru_cache(maxsize=2)
def _fitted(texts: tuple[str, ...], labels: tuple[str, ...]) -> EngagementClassifier:
    """The engagement classifier learnt from ``texts`` and ``labels``, once per process.

    Fitting chooses a model by cross-validation and takes seconds; the training set depends
    only on the labelled mentions, so a change of keywords or groups in the workshop reuses it.
    """
    from smtoolkit.sentiment import EngagementClassifier

    return EngagementClassifier().fit(list(texts), list(labels))


# --- loading with a cache ----------------------------------------------------------------


@lru_cache(maxsize=2)
def _imported(
    folder: str, signature: tuple[tuple[str, int, int], ...]
) -> tuple[pd.DataFrame, tuple[str, ...], tuple[str, ...]]:
    data = cached_folder(Path(folder), {Kind.MENTIONS})
    tables = data.tables(Kind.MENTIONS)
    problems = tuple(
        str(not_read(e.path, e.message, Path(folder).parent)) for e in data.errors_for(Kind.MENTIONS)
    )
    # one file: the importer already dropped its duplicate rows, no need to compare again
    frame = tables[0].data if len(tables) == 1 else data.frame(Kind.MENTIONS)
    names = tuple(sorted(t.path.name for t in tables))
    return frame, names, problems


@lru_cache(maxsize=2)
def _prepared(
    folder: str,
    signature: tuple[tuple[str, int, int], ...],
    groups: tuple[Group, ...],
    options: tuple[Any, ...],
) -> Mentions:
    frame, names, problems = _imported(folder, signature)
    use_query, language, positive, negative, confirmed = options
    prepared = prepare(
        frame,
        groups,
        use_query_column=use_query,
        default_language=language,
        positive_terms=positive,
        negative_terms=negative,
        confirmed=confirmed,
    )
    return Mentions(
        prepared.table,
        prepared.groups,
        prepared.authors,
        prepared.terms,
        prepared.raw,
        names,
        problems,
        prepared.excluded_terms,
        prepared.classifier,
    )


def load_mentions(engagement: Any, answers: MonitoringAnswers | None = None) -> Mentions | None:
    """The prepared mentions of ``engagement`` (None without any mentions file).

    ``answers`` defaults to the engagement's ``monitoring`` section. Raises
    :class:`~smtoolkit.errors.DataImportError` when mention files exist but none can be
    read; unreadable files beside readable ones are listed in ``Mentions.problems``.
    """
    if answers is None:
        section = engagement.sections.get("monitoring") if hasattr(engagement, "sections") else None
        answers = section if isinstance(section, MonitoringAnswers) else MonitoringAnswers()
    folder = Path(engagement.folder) / "data"
    if not folder.is_dir():
        return None
    signature = data_signature(folder)
    frame, _names, problems = _imported(str(folder), signature)
    if frame.empty:
        if problems:
            raise DataImportError(problems[0])
        return None
    groups = groups_for(answers, engagement.client.name)
    options = (
        answers.use_query_column,
        answers.default_language,
        tuple(answers.positive_terms),
        tuple(answers.negative_terms),
        tuple(sorted((item.mention, item.label) for item in answers.sentiment_labels)),
    )
    return _prepared(str(folder), signature, groups, options)
