"""The offline scorer as one call: texts in, one label per text out (no engagement labels).

:func:`compounds` tokenizes a batch, picks each text's language (given, or voted by stop
words, see :func:`smtoolkit.sentiment.lexicon.language_votes`), adds the German compound
heads of the batch (:func:`smtoolkit.sentiment.lexicon.compound_heads`) and scores with the
lexicon rules. :func:`classify` turns the compound scores into labels with the neutral
band of each language (:data:`smtoolkit.sentiment.lexicon.NEUTRAL_BAND`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from smtoolkit.errors import ConfigError
from smtoolkit.sentiment.lexicon import (
    LANG_DE,
    LANG_EN,
    band_label,
    language_votes,
    score,
    symbol_valence,
    vocabulary,
)
from smtoolkit.sentiment.text import tokenize

__all__ = ["LABELS", "classify", "compounds", "languages_of"]

#: Label names in the order of the codes −1, 0, 1.
LABELS = ("negative", "neutral", "positive")
_CODES = {"de": LANG_DE, "en": LANG_EN}


def _language_code(language: str | None) -> int | None:
    if language is None:
        return None
    code = _CODES.get(str(language).strip().lower())
    if code is None:
        raise ConfigError(
            f"sentiment language {language!r} is not supported: use 'de', 'en' or None (detect)"
        )
    return code


def languages_of(texts: Sequence[str], language: str | None = None) -> npt.NDArray[np.int8]:
    """Language code per text (0 German, 1 English): ``language`` for all, or voted per text."""
    code = _language_code(language)
    if code is not None:
        return np.full(len(texts), code, dtype=np.int8)
    votes = language_votes(tokenize(list(texts)), vocabulary())
    return np.where(votes > 0, LANG_EN, LANG_DE).astype(np.int8)


def compounds(
    texts: Sequence[str], language: str | None = None
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int8]]:
    """The lexicon's compound score (−1..1) and the language code of each text."""
    strings = ["" if t is None else str(t) for t in texts]
    code = _language_code(language)
    tokens = tokenize(strings)
    vocab = vocabulary().with_compounds(strings)
    rows = vocab.lookup(tokens.key)
    if code is None:
        votes = language_votes(tokens, vocab, rows)
        lang = np.where(votes > 0, LANG_EN, LANG_DE).astype(np.int8)
    else:
        lang = np.full(len(strings), code, dtype=np.int8)
    return score(tokens, lang, vocab, rows, symbol_valence(strings)), lang


def classify(texts: Sequence[str], language: str | None = None) -> list[str]:
    """One label per text, ``"positive"``, ``"neutral"`` or ``"negative"``, from the offline scorer.

    ``language`` is ``"de"``, ``"en"`` or ``None`` (each text's language is detected).
    """
    compound, lang = compounds(texts, language)
    codes = band_label(compound, lang)
    return [LABELS[int(c) + 1] for c in codes]
