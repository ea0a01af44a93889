"""Offline sentiment for mentions without one: VADER rules on English and German lexicons.

Used only where the monitoring export has no sentiment of its own. Everything runs on the
word arrays of :mod:`smtoolkit.checks.monitoring.text`, with no Python loop over mentions.
Nothing is downloaded: both lexicons ship inside PyPI packages (see ``docs/sentiment.md``).

**Lexicons.**

- English: the VADER lexicon (``vader_lexicon.txt``, about 7,500 entries, valence −4 to +4)
  and VADER's negation and booster word lists, from the package ``vaderSentiment``
  (MIT licence; Hutto and Gilbert 2014).
- German: the German Polarity Lexicon of Klenner, Clematide, Wiegand and Peters (2010,
  Apache License 2.0) as shipped in ``textblob_de/data/de-sentiment.xml`` of the package
  ``textblob-de`` (MIT licence). Its polarities (−1, −0.7, 0, 0.7, 1) are multiplied by
  :data:`GERMAN_SCALE` = 2 to match VADER's scale ("gut" 2.0 against "good" 1.9). The
  lexicon lists base forms only, so inflected forms are added: adjectives + ``e``, ``en``,
  ``er``, ``es``, ``em``; nouns + ``e``, ``en``, ``n``, ``s``, ``es``; verbs on ``-en``:
  stem + ``e``, ``t``, ``te``, ``ten``, ``st`` and ``ge`` + stem + ``t``. A form that is an
  entry of its own keeps its own polarity. German negation, booster and "but" words are
  our lists (:data:`GERMAN_NEGATORS`, :data:`GERMAN_BOOSTERS`, :data:`GERMAN_BUT`).

**Rules** (VADER's ``SentimentIntensityAnalyzer.polarity_scores``, reproduced on arrays):

1. Each word's valence comes from the lexicon of the mention's language.
2. For each of the three words before a sentiment word (same mention) that is not itself
   in the lexicon, in order d = 1, 2, 3: a booster adds ±0.293 × (1, 0.95, 0.9)[d] in the
   direction of the current valence (dampeners subtract), then a negation word multiplies
   the valence by −0.74. English ``n't`` (split by the tokenizer into ``don`` + ``t``) is a
   negation word.
3. With a "but" word (en: but; de: aber, jedoch, allerdings, sondern), valences before its
   first occurrence count half and those after it 1.5 times.
4. The sum gets 0.292 per ``!`` (at most 4) in its own direction and is normalized to
   ``compound = s / √(s² + 15)``.
5. compound ≥ 0.05 is positive, ≤ −0.05 negative, otherwise neutral.

Not reproduced: emphasis by capital letters (folding removes case), question marks,
emoticons and emoji, idioms and VADER's special cases for "least", "never so" and "kind
of". ``tests/unit/test_monitoring_sentiment.py`` measures the agreement with the
``vaderSentiment`` package itself and the accuracy on a labelled sample.

**Language.** Where the export names no language, a mention is English when it holds more
English than German stop words (:data:`ENGLISH_STOPWORDS`, :data:`GERMAN_STOPWORDS`),
German when it holds more German ones, and otherwise in the default language.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from smtoolkit.errors import ConfigError
from smtoolkit.sentiment.text import Tokens, fold, fold_fast, keys_of, phrase_keys, word_spans

__all__ = [
    "ALPHA",
    "ENGLISH_STOPWORDS",
    "GERMAN_BOOSTERS",
    "GERMAN_BUT",
    "GERMAN_NEGATORS",
    "GERMAN_SCALE",
    "GERMAN_STOPWORDS",
    "LANG_DE",
    "LANG_EN",
    "NEGATIVE_AT",
    "POSITIVE_AT",
    "Vocabulary",
    "english_lexicon",
    "german_lexicon",
    "label",
    "language_votes",
    "score",
    "vocabulary",
]

#: VADER's normalization constant: compound = s / sqrt(s² + ALPHA).
ALPHA = 15.0
#: compound at or above this is positive, at or below the negative one negative.
POSITIVE_AT = 0.05
NEGATIVE_AT = -0.05
#: :func:`band_label`'s thresholds per language (German, English): compound at or above the
#: first is positive, at or below minus the second negative, in between neutral. Positive
#: needs more evidence: polite and ironic positive words are common in feedback. Chosen on
#: the development splits of all public sets of the language together (docs/sentiment.md).
NEUTRAL_BAND = ((0.5, 0.2), (0.5, 0.1))
#: German lexicon entries weaker than this (the lexicon's 0.7 grade) are left out: in the
#: development splits they mark neutral texts more often than polar ones.
GERMAN_MIN_POLARITY = 1.0
#: German polarities (−1..1) times this give VADER-scale valences.
GERMAN_SCALE = 2.0
#: VADER's constants (vaderSentiment 3.3.2).
B_INCR = 0.293
N_SCALAR = -0.74
EXCLAMATION = 0.292
MAX_EXCLAMATIONS = 4
DECAY = (1.0, 0.95, 0.9)

LANG_DE = 0
LANG_EN = 1

GERMAN_NEGATORS = frozenset(
    [
        "nicht",
        "kein",
        "keine",
        "keinen",
        "keinem",
        "keiner",
        "keines",
        "nie",
        "niemals",
        "nichts",
        "weder",
        "ohne",
        "kaum",
    ]
)
GERMAN_BOOSTERS: Mapping[str, float] = {
    **{
        w: B_INCR
        for w in [
            "sehr",
            "extrem",
            "total",
            "absolut",
            "äußerst",
            "besonders",
            "wirklich",
            "echt",
            "richtig",
            "völlig",
            "komplett",
            "ziemlich",
            "unglaublich",
            "enorm",
            "höchst",
            "total",
            "voll",
            "so",
            "zu",
            "viel",
        ]
    },
    **{w: -B_INCR for w in ["etwas", "eher", "leicht", "wenig", "bisschen", "teilweise", "einigermaßen"]},
}
GERMAN_BUT = frozenset({"aber", "jedoch", "allerdings", "sondern"})
ENGLISH_BUT = frozenset({"but"})
#: Words of customer feedback the lexicons lack (valence on VADER's scale; our list, part of
#: smtoolkit). Complaints about service: delays, failures, waiting, broken things.
GERMAN_DOMAIN: Mapping[str, float] = {
    **{
        w: -1.5
        for w in [
            "verspätung",
            "verspätungen",
            "verspätet",
            "verspätete",
            "verspäteten",
            "ausfall",
            "ausfälle",
            "ausgefallen",
            "störung",
            "störungen",
            "kaputt",
            "defekt",
            "leider",
            "streik",
            "streiks",
            "überfüllt",
            "verpasst",
            "dreckig",
            "stinkt",
            "nervt",
            "nervig",
            "ärgerlich",
            "ärgert",
            "zumutung",
            "sauerei",
            "frechheit",
            "unfähig",
            "chaos",
            "katastrophe",
            "katastrophal",
            "peinlich",
            "mies",
            "scheiße",
            "scheiss",
            "kacke",
            "beschissen",
            "gestrichen",
            "hängen",
            "festsitzen",
            "warten",
            "wartet",
            "gewartet",
            "unpünktlich",
            "umsonst",
            "beschwerde",
            "ersatzverkehr",
            "schienenersatzverkehr",
            "polizeieinsatz",
            "personenschaden",
            "weichenstörung",
            "signalstörung",
            "oberleitungsschaden",
            "undicht",
        ]
    },
    **{
        w: 1.5
        for w in [
            "pünktlich",
            "funktioniert",
            "klappt",
            "gefällt",
            "hilft",
            "lohnt",
            "danke",
            "dankeschön",
            "freundlich",
            "super",
            "klasse",
            "top",
            "lieb",
            "gerne",
            "freue",
            "freu",
            "juhu",
            "yay",
            "cool",
            "geil",
            "lol",
        ]
    },
}
ENGLISH_DOMAIN: Mapping[str, float] = {
    **{
        w: -1.5
        for w in [
            "delayed",
            "delays",
            "cancelled",
            "canceled",
            "cancellation",
            "stuck",
            "stranded",
            "rebooked",
            "waiting",
            "hold",
            "lost",
            "worst",
            "broken",
            "unacceptable",
            "rude",
            "missed",
            "overbooked",
            "refund",
            "complaint",
        ]
    },
    **{w: 1.5 for w in ["thanks", "thank", "thx", "appreciate", "appreciated", "awesome", "great", "love"]},
}
#: Polite, filler and function words whose polarity in the German lexicon is mostly noise
#: (they carry no valence here).
GERMAN_NEUTRAL = frozenset(
    [
        "einfach",
        "natürlich",
        "wirklich",
        "wohl",
        "bitte",
        "klar",
        "eben",
        "recht",
        "ganz",
        "gleich",
        "genau",
        "mal",
        "gern",
        "halt",
        "schon",
        "noch",
        "ja",
        "nein",
        "viel",
        "mehr",
        "neu",
        "neue",
        "neuen",
        "neuer",
        "neues",
        "groß",
        "große",
        "großen",
        "frei",
        "erst",
        "ersten",
        "guten",
        "liebe",
        "lieber",
        "sicher",
        "glaube",
        "glauben",
        "sucht",
        "rechte",
        "wahrheit",
        "not",
        "anders",
        "fertig",
        "rein",
        "wagen",
        "raum",
        "blau",
        "top",
    ]
)
ENGLISH_NEUTRAL = frozenset(["like", "please", "yes", "no", "well", "pretty", "kind", "sure", "want"])
#: English stems that form a negation with a following ``n't`` (``don't`` -> ``don`` ``t``).
NT_STEMS = frozenset(
    [
        "ain",
        "aren",
        "can",
        "couldn",
        "daren",
        "didn",
        "doesn",
        "don",
        "hadn",
        "hasn",
        "haven",
        "isn",
        "mightn",
        "mustn",
        "needn",
        "oughtn",
        "shan",
        "shouldn",
        "wasn",
        "weren",
        "won",
        "wouldn",
    ]
)

GERMAN_STOPWORDS = frozenset(
    [
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "und",
        "oder",
        "aber",
        "ist",
        "sind",
        "war",
        "waren",
        "wird",
        "werden",
        "hat",
        "haben",
        "mit",
        "von",
        "zu",
        "zum",
        "zur",
        "im",
        "in",
        "auf",
        "für",
        "bei",
        "nicht",
        "auch",
        "noch",
        "schon",
        "nach",
        "wie",
        "was",
        "wir",
        "ich",
        "sie",
        "er",
        "es",
        "uns",
        "euch",
        "mal",
        "seit",
        "über",
        "unter",
        "heute",
        "sich",
        "dass",
        "man",
        "kann",
        "beim",
        "vom",
        "aus",
        "wieder",
        "doch",
        "nur",
        "sehr",
        "jemand",
        "falls",
        "neue",
        "neuen",
        "neuer",
        "neues",
        "gibt",
        "mehr",
        "hier",
        "dann",
        "wenn",
        "weil",
        "denn",
        "bitte",
        "immer",
        "alle",
        "sein",
        "seine",
        "ihr",
        "ihre",
        "unser",
        "unsere",
        "unseren",
        "gestern",
        "morgen",
        "viel",
        "viele",
        "ganz",
        "gerade",
        "wohl",
        "ja",
        "nein",
        "da",
        "dort",
        "diese",
        "dieser",
        "dieses",
        "bis",
        "als",
        "ob",
        "sehen",
    ]
)
ENGLISH_STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "with",
        "of",
        "to",
        "in",
        "on",
        "for",
        "at",
        "by",
        "not",
        "also",
        "from",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "we",
        "i",
        "you",
        "they",
        "our",
        "your",
        "their",
        "my",
        "what",
        "how",
        "anyone",
        "here",
        "today",
        "just",
        "very",
        "will",
        "would",
        "can",
        "about",
        "new",
        "there",
        "their",
        "them",
        "been",
        "some",
        "any",
        "more",
        "all",
        "if",
        "when",
        "so",
        "than",
        "then",
        "who",
        "which",
    ]
)


def _package_file(package: str, distribution: str, relative: str, hint: str) -> Path:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        path = Path(folder) / relative
        if path.is_file():
            return path
    raise ConfigError(
        f"the {hint} sentiment lexicon is missing: install the package {distribution!r} "
        f"(pip install {distribution}); it ships {package}/{relative}"
    )


@cache
def english_lexicon() -> dict[str, float]:
    """VADER's lexicon: word -> valence (−4..4), single words only."""
    path = _package_file("vaderSentiment", "vaderSentiment", "vader_lexicon.txt", "English")
    lexicon: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and _is_one_word(parts[0].strip().lower()):
            lexicon.setdefault(parts[0].strip().lower(), float(parts[1]))
    for word, value in ENGLISH_DOMAIN.items():
        lexicon.setdefault(word, value)
    for word in ENGLISH_NEUTRAL:
        lexicon.pop(word, None)
    return lexicon


def _is_one_word(entry: str) -> bool:
    """Whether the tokenizer reads ``entry`` as exactly itself (emoticons such as ``:s`` are not)."""
    return bool(entry) and word_spans(entry) == [(0, len(entry))]


def _english_rules() -> tuple[frozenset[str], dict[str, float]]:
    try:
        from vaderSentiment.vaderSentiment import (  # type: ignore[import-untyped]
            BOOSTER_DICT,
            NEGATE,
        )
    except ImportError as err:  # pragma: no cover - same package as the lexicon
        raise ConfigError("the English sentiment rules need the package 'vaderSentiment'") from err
    return frozenset(NEGATE), dict(BOOSTER_DICT)


def _inflections(form: str, pos: str) -> list[str]:
    if pos == "JJ":
        return [form + end for end in ("e", "en", "er", "es", "em")]
    if pos == "NN":
        return [form + end for end in ("e", "en", "n", "s", "es")]
    if pos == "VB" and form.endswith("en") and len(form) > 4:
        stem = form[:-2]
        return [stem + "e", stem + "t", stem + "te", stem + "ten", stem + "st", "ge" + stem + "t"]
    return []


@cache
def german_lexicon() -> dict[str, float]:
    """The German Polarity Lexicon from ``textblob-de``: word -> valence (×2), with inflections."""
    path = _package_file("textblob_de", "textblob-de", "data/de-sentiment.xml", "German")
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    base: dict[str, float] = {}
    inflected: dict[str, float] = {}
    for node in root.iter("word"):
        form = (node.get("form") or "").strip()
        polarity = float(node.get("polarity") or 0.0)
        if not form or abs(polarity) < GERMAN_MIN_POLARITY or not _is_one_word(form.lower()):
            continue
        value = polarity * GERMAN_SCALE
        base.setdefault(form.lower(), value)
        for variant in _inflections(form.lower(), node.get("pos") or ""):
            inflected.setdefault(variant, value)
    merged = {**inflected, **base}
    for word, value in GERMAN_DOMAIN.items():
        merged.setdefault(word, value)
        for variant in _inflections(word, "JJ" if word.endswith(("ig", "lich", "bar")) else "NN"):
            merged.setdefault(variant, value)
    for word in GERMAN_NEUTRAL | GERMAN_NEGATORS | set(GERMAN_BOOSTERS):
        merged.pop(word, None)
    return merged


@dataclass(frozen=True)
class Vocabulary:
    """Every word the scan looks up, keyed, with one attribute array per property.

    Arrays have one element more than ``index``: the last one is the value for unknown
    words, so ``array[vocab.lookup(keys)]`` needs no mask. Two-column arrays hold the
    German (column 0) and the English (column 1) value.
    """

    index: pd.Index
    valence: npt.NDArray[np.float64]  # (n + 1, 2)
    negator: npt.NDArray[np.bool_]  # (n + 1, 2)
    booster: npt.NDArray[np.float64]  # (n + 1, 2)
    but: npt.NDArray[np.bool_]  # (n + 1, 2)
    stop: npt.NDArray[np.bool_]  # (n + 1, 2)
    nt_stem: npt.NDArray[np.bool_]  # (n + 1,)
    t_key: int
    #: Set by :meth:`with_keys`: the rows that are extra keys (e.g. keyword words).
    extra: npt.NDArray[np.bool_] | None = None

    def lookup(self, keys: npt.NDArray[np.uint64]) -> npt.NDArray[np.intp]:
        """Row of each key in the attribute arrays (unknown words: the last row)."""
        rows: npt.NDArray[np.intp] = self.index.get_indexer(keys)  # type: ignore[arg-type]
        rows[rows < 0] = len(self.index)
        return rows

    @property
    def sentiment_word(self) -> npt.NDArray[np.bool_]:
        """(n + 1,) whether a row has a valence in either language."""
        return self._derived()[0]

    @property
    def but_word(self) -> npt.NDArray[np.bool_]:
        """(n + 1,) whether a row is a "but" word in either language."""
        return self._derived()[1]

    @property
    def function_word(self) -> npt.NDArray[np.bool_]:
        """(n + 1,) stop, negation, booster or "but" word in either language (no term)."""
        return self._derived()[2]

    @property
    def vote(self) -> npt.NDArray[np.float64]:
        """(n + 1,) English minus German stop word: +1, −1 or 0."""
        return self._derived()[3]

    def _derived(
        self,
    ) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_], npt.NDArray[np.bool_], npt.NDArray[np.float64]]:
        cached = self.__dict__.get("_cache")
        if cached is None:
            cached = (
                (self.valence != 0).any(axis=1),
                self.but.any(axis=1),
                self.stop.any(axis=1)
                | self.negator.any(axis=1)
                | (self.booster != 0).any(axis=1)
                | self.but.any(axis=1),
                self.stop[:, LANG_EN].astype(np.float64) - self.stop[:, LANG_DE].astype(np.float64),
            )
            object.__setattr__(self, "_cache", cached)
        return cached  # type: ignore[no-any-return,return-value,unused-ignore]

    def with_keys(self, keys: Iterable[int]) -> Vocabulary:
        """The vocabulary plus ``keys`` (no attributes), with :attr:`extra` marking them."""
        wanted = np.array(sorted(set(keys)), dtype=np.uint64)
        present = self.lookup(wanted) if len(wanted) else np.zeros(0, dtype=np.intp)
        new = wanted[present == len(self.index)]
        present = present[present < len(self.index)]
        n, m = len(self.index), len(new)

        def grow(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
            shape = (n + m + 1, *array.shape[1:])
            out = np.zeros(shape, dtype=array.dtype)
            out[:n] = array[:n]
            out[n + m] = array[n]
            return out

        extra = np.zeros(n + m + 1, dtype=bool)
        extra[present] = True
        extra[n : n + m] = True
        return Vocabulary(
            index=self.index.append(pd.Index(new)),
            valence=grow(self.valence),
            negator=grow(self.negator),
            booster=grow(self.booster),
            but=grow(self.but),
            stop=grow(self.stop),
            nt_stem=grow(self.nt_stem),
            t_key=self.t_key,
            extra=extra,
        )

    def with_compounds(self, strings: Iterable[str]) -> Vocabulary:
        """The vocabulary plus the German compounds of ``strings`` scored by their head or modifier.

        A word of at least :data:`COMPOUND_MIN` letters without a German valence gets the
        valence of its longest final part of at least 4 letters that is a German lexicon word
        (the head: ``Signalstörung`` -> ``Störung``); without one, of its longest initial part
        of at least 5 letters (the modifier: ``Horrorfahrt`` -> ``Horror``).
        """
        words = set(_LONG_WORD.findall(fold_fast("\n".join(strings))))
        if not words:
            return self
        ordered = sorted(words)
        keyed = [(w, k[0]) for w, k in zip(ordered, phrase_keys(ordered), strict=True) if len(k) == 1]
        keys = np.array([k for _, k in keyed], dtype=np.uint64)
        known = self.valence[self.lookup(keys), LANG_DE] != 0.0 if len(keys) else np.zeros(0, dtype=bool)
        found: dict[int, float] = {}
        for (word, key), has in zip(keyed, known, strict=True):
            if not has:
                value = compound_valence(word)
                if value:
                    found[key] = value
        if not found:
            return self
        wanted = np.array(list(found), dtype=np.uint64)
        grown = self._grow(wanted[self.lookup(wanted) == len(self.index)])
        valence = grown.valence.copy()
        valence[grown.lookup(wanted), LANG_DE] = list(found.values())
        return dataclasses.replace(grown, valence=valence)

    def _grow(self, new: npt.NDArray[np.uint64]) -> Vocabulary:
        """The vocabulary plus the keys ``new`` (not yet in it), with no attributes."""
        n, m = len(self.index), len(new)

        def grow(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
            out = np.zeros((n + m + 1, *array.shape[1:]), dtype=array.dtype)
            out[:n] = array[:n]
            out[n + m] = array[n]
            return out

        return Vocabulary(
            index=self.index.append(pd.Index(new)),
            valence=grow(self.valence),
            negator=grow(self.negator),
            booster=grow(self.booster),
            but=grow(self.but),
            stop=grow(self.stop),
            nt_stem=grow(self.nt_stem),
            t_key=self.t_key,
            extra=None if self.extra is None else grow(self.extra),
        )


#: Compounds are looked for in words of at least this many letters (folded).
COMPOUND_MIN = 8
_LONG_WORD = re.compile(rf"[^\W\d_]{{{COMPOUND_MIN},}}")


@cache
def _german_folded() -> dict[str, float]:
    """The German lexicon keyed by folded spelling (ä -> ae), words of at least 4 letters."""
    out: dict[str, float] = {}
    for word, value in german_lexicon().items():
        if len(word) >= 4:
            out.setdefault(fold(word), value)
    return out


def compound_valence(word: str) -> float:
    """Valence of a folded German compound by its head, else its modifier (0 when neither is known)."""
    lexicon = _german_folded()
    for start in range(3, len(word) - 3):
        value = lexicon.get(word[start:])
        if value:
            return value
    for end in range(len(word) - 3, 4, -1):
        value = lexicon.get(word[:end])
        if value:
            return value
    return 0.0


@cache
def vocabulary(extra_positive: tuple[str, ...] = (), extra_negative: tuple[str, ...] = ()) -> Vocabulary:
    """The compiled vocabulary; ``extra_*`` are engagement terms scored ±2 in both languages."""
    negate_en, boosters_en = _english_rules()
    lexicons = (german_lexicon(), english_lexicon())
    negators = (GERMAN_NEGATORS, negate_en)
    boosters: tuple[Mapping[str, float], Mapping[str, float]] = (GERMAN_BOOSTERS, boosters_en)
    buts = (GERMAN_BUT, ENGLISH_BUT)
    stops = (GERMAN_STOPWORDS, ENGLISH_STOPWORDS)
    words: set[str] = set(NT_STEMS) | {"t"} | set(extra_positive) | set(extra_negative)
    for lang in (LANG_DE, LANG_EN):
        words |= set(lexicons[lang]) | negators[lang] | set(boosters[lang]) | buts[lang] | stops[lang]
    ordered = sorted(words)
    key_of = {w: k[0] for w, k in zip(ordered, phrase_keys(ordered), strict=True) if len(k) == 1}
    keys = np.unique(np.fromiter(key_of.values(), dtype=np.uint64, count=len(key_of)))
    index = pd.Index(keys)
    n = len(keys)

    def rows(items: Iterable[str]) -> npt.NDArray[np.intp]:
        found = [key_of[w] for w in items if w in key_of]
        result: npt.NDArray[np.intp] = index.get_indexer(np.array(found, dtype=np.uint64))  # type: ignore[arg-type]
        return result

    valence = np.zeros((n + 1, 2))
    negator = np.zeros((n + 1, 2), dtype=bool)
    booster = np.zeros((n + 1, 2))
    but = np.zeros((n + 1, 2), dtype=bool)
    stop = np.zeros((n + 1, 2), dtype=bool)
    nt_stem = np.zeros(n + 1, dtype=bool)
    for lang in (LANG_DE, LANG_EN):
        entries = [(w, v) for w, v in lexicons[lang].items() if w in key_of]
        # several spellings can fold to one word (Müll, Muell): the first one listed wins
        where = rows(w for w, _ in entries)
        values = np.array([v for _, v in entries])
        _, keep = np.unique(where, return_index=True)
        valence[where[keep], lang] = values[keep]
        negator[rows(negators[lang]), lang] = True
        entries_b = [(w, v) for w, v in boosters[lang].items() if w in key_of]
        booster[rows(w for w, _ in entries_b), lang] = [v for _, v in entries_b]
        but[rows(buts[lang]), lang] = True
        stop[rows(stops[lang]), lang] = True
    valence[rows(extra_positive), :] = 2.0
    valence[rows(extra_negative), :] = -2.0
    nt_stem[rows(NT_STEMS)] = True
    return Vocabulary(
        index=index,
        valence=valence,
        negator=negator,
        booster=booster,
        but=but,
        stop=stop,
        nt_stem=nt_stem,
        t_key=int(keys_of(["t"])[0]),
    )


def score(
    tokens: Tokens,
    language: npt.NDArray[np.int8],
    vocab: Vocabulary,
    rows: npt.NDArray[np.intp] | None = None,
    symbols: npt.NDArray[np.float64] | None = None,
) -> npt.NDArray[np.float64]:
    """VADER compound score of each string of ``tokens`` (−1..1); ``language[j]`` is 0 de, 1 en.

    Strings with a negative language code score 0. ``rows`` may pass the result of
    ``vocab.lookup(tokens.key)`` when the caller has it already. ``symbols`` adds the
    valence of each string's emoticons and emoji (:func:`symbol_valence`). Only the
    sentiment words and the three words before each are looked at (sparse arrays).
    """
    if rows is None:
        rows = vocab.lookup(tokens.key)
    entry, keys = tokens.entry, tokens.key
    sent = np.flatnonzero(vocab.sentiment_word[rows])
    owner = entry[sent]
    lang = language[owner].astype(np.intp)
    keep = lang >= 0
    sent, owner, lang = sent[keep], owner[keep], lang[keep]
    valence = vocab.valence[rows[sent], lang]
    keep = valence != 0.0
    sent, owner, lang, valence = sent[keep], owner[keep], lang[keep], valence[keep]
    t_key = np.uint64(vocab.t_key)
    for d, decay in zip((1, 2, 3), DECAY, strict=True):
        before = sent - d
        near = before >= 0
        before = np.maximum(before, 0)
        row = rows[before]
        near &= (entry[before] == owner) & (vocab.valence[row, lang] == 0.0)
        valence = np.where(near, valence + np.sign(valence) * vocab.booster[row, lang] * decay, valence)
        negation = vocab.negator[row, lang]
        stem = np.maximum(before - 1, 0)  # English n't: "don" + "t"
        negation |= (
            (lang == LANG_EN)
            & (keys[before] == t_key)
            & vocab.nt_stem[rows[stem]]
            & (entry[stem] == owner)
            & (before >= 1)
        )
        valence = np.where(near & negation, valence * N_SCALAR, valence)
    # German negation after the verb ("gefällt mir nicht", "funktioniert nicht"): a negation
    # word among the two words after a sentiment word, none of them a sentiment word
    german = lang == LANG_DE
    if german.any():
        blocked = np.zeros(len(sent), dtype=bool)
        flipped = np.zeros(len(sent), dtype=bool)
        for d in (1, 2):
            after = np.minimum(sent + d, len(keys) - 1)
            near = german & (sent + d < len(keys)) & (entry[after] == owner) & ~blocked
            row = rows[after]
            flipped |= near & vocab.negator[row, LANG_DE]
            blocked |= near & (vocab.valence[row, LANG_DE] != 0.0)
        before_negated = np.zeros(len(sent), dtype=bool)
        for d in (1, 2, 3):
            before = np.maximum(sent - d, 0)
            before_negated |= (
                (sent - d >= 0) & (entry[before] == owner) & vocab.negator[rows[before], LANG_DE]
            )
        valence = np.where(flipped & ~before_negated, valence * N_SCALAR, valence)
    buts = np.flatnonzero(vocab.but_word[rows])
    if len(buts):
        but_owner = entry[buts]
        but_lang = language[but_owner].astype(np.intp)
        real = (but_lang >= 0) & vocab.but[rows[buts], np.maximum(but_lang, 0)]
        buts, but_owner = buts[real], but_owner[real]
        first = np.full(tokens.count, -1, dtype=np.int64)
        owners, earliest = np.unique(but_owner, return_index=True)  # buts are in text order
        first[owners] = buts[earliest]
        pivot = first[owner]
        has = pivot >= 0
        factor = np.where(has & (sent < pivot), 0.5, np.where(has & (sent > pivot), 1.5, 1.0))
        valence = valence * factor
    summed: npt.NDArray[np.float64] = np.bincount(  # type: ignore[assignment,unused-ignore]
        owner, weights=valence, minlength=tokens.count
    )
    emphasis = np.minimum(tokens.exclamations, MAX_EXCLAMATIONS) * EXCLAMATION
    if symbols is not None:
        summed = summed + np.where(language >= 0, symbols, 0.0)
    total = summed + np.sign(summed) * emphasis
    compound: npt.NDArray[np.float64] = np.clip(total / np.sqrt(total * total + ALPHA), -1.0, 1.0)
    return compound


def label(compound: npt.NDArray[np.float64]) -> npt.NDArray[np.int8]:
    """1 positive (≥ 0.05), −1 negative (≤ −0.05), 0 neutral."""
    out = np.zeros(len(compound), dtype=np.int8)
    out[compound >= POSITIVE_AT] = 1
    out[compound <= NEGATIVE_AT] = -1
    return out


def band_label(compound: npt.NDArray[np.float64], language: npt.NDArray[np.int8]) -> npt.NDArray[np.int8]:
    """1 positive, −1 negative, 0 neutral, by the language's thresholds in :data:`NEUTRAL_BAND`."""
    english = language == LANG_EN
    positive_at = np.where(english, NEUTRAL_BAND[LANG_EN][0], NEUTRAL_BAND[LANG_DE][0])
    negative_at = np.where(english, NEUTRAL_BAND[LANG_EN][1], NEUTRAL_BAND[LANG_DE][1])
    out = np.zeros(len(compound), dtype=np.int8)
    out[compound >= positive_at] = 1
    out[compound <= -negative_at] = -1
    return out


def language_votes(
    tokens: Tokens, vocab: Vocabulary, rows: npt.NDArray[np.intp] | None = None
) -> npt.NDArray[np.float64]:
    """Per string: English stop words minus German stop words (> 0 English, < 0 German)."""
    if rows is None:
        rows = vocab.lookup(tokens.key)
    votes: npt.NDArray[np.float64] = np.bincount(  # type: ignore[assignment,unused-ignore]
        tokens.entry, weights=vocab.vote[rows], minlength=tokens.count
    )
    return votes


@cache
def _symbol_lexicon() -> tuple[dict[str, float], dict[str, float]]:
    """VADER's emoticons (``:)``, ``</3``, ...) and emoji (valence of their description's words)."""
    path = _package_file("vaderSentiment", "vaderSentiment", "vader_lexicon.txt", "English")
    emoticons: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and not _is_one_word(parts[0].strip().lower()):
            emoticons.setdefault(parts[0].strip(), float(parts[1]))
    words = english_lexicon()
    emoji: dict[str, float] = {}
    path = _package_file("vaderSentiment", "vaderSentiment", "emoji_utf8_lexicon.txt", "English")
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            value = sum(words.get(w, 0.0) for w in parts[1].lower().split())
            if value:
                emoji[parts[0]] = value
    return emoticons, emoji


def symbol_valence(strings: Iterable[str]) -> npt.NDArray[np.float64]:
    """Per string: summed valence of its emoticons (separate by spaces) and emoji, from VADER's lists."""
    emoticons, emoji = _symbol_lexicon()
    out = []
    for text in strings:
        total = 0.0
        for part in text.split():
            value = emoticons.get(part) or emoticons.get(part.lower())
            if value:
                total += value
        if not text.isascii():
            total += sum(emoji.get(ch, 0.0) for ch in text if ord(ch) > 0x2000)
        out.append(total)
    return np.array(out, dtype=np.float64)


def compound_of(total: float) -> float:
    """VADER's normalization of one summed valence (for hand-worked tests)."""
    return max(-1.0, min(1.0, total / math.sqrt(total * total + ALPHA)))
