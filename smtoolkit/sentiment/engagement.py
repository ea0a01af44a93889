"""A sentiment classifier learned per engagement from its own labels (export and consultant).

Features: TF-IDF of character 2-5-grams within word boundaries (robust to inflection,
compounds, typos and hashtags), TF-IDF of words and word pairs, and the lexicon scorer's
compound score with its neutral-band label (so a few hundred labels only have to correct
the lexicon for the engagement's domain). Model: multinomial logistic regression with
balanced class weights (scikit-learn, ``lbfgs``), one core, seconds.

Too few labels to learn from (fewer than :data:`MIN_LABELS`, or fewer than
:data:`MIN_PER_CLASS` in a second class) fall back to the lexicon scorer;
:attr:`EngagementClassifier.fallback_reason` then says why. A single class with fewer than
:data:`MIN_PER_CLASS` labels (say 3 positive among 300) is left to the lexicon: texts
the lexicon puts in that class keep the lexicon's label.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from smtoolkit.errors import ConfigError
from smtoolkit.sentiment.classify import LABELS, compounds
from smtoolkit.sentiment.lexicon import band_label

__all__ = ["MIN_LABELS", "MIN_PER_CLASS", "EngagementClassifier", "cross_validated_accuracy"]

#: Fewer labels than this: the lexicon scores everything.
MIN_LABELS = 30
#: A class needs this many labels to be learnt; with fewer than two such classes: lexicon.
MIN_PER_CLASS = 5
#: Weight of the lexicon features against the n-gram block.
LEXICON_WEIGHT = 6.0


def _checked_labels(labels: Sequence[str], count: int) -> list[str]:
    if len(labels) != count:
        raise ConfigError(
            f"sentiment training needs one label per text: {count} texts but {len(labels)} labels"
        )
    out = []
    for i, value in enumerate(labels):
        name = str(value).strip().lower()
        if name not in LABELS:
            raise ConfigError(
                f"sentiment label {value!r} at position {i} is not one of {', '.join(LABELS)}: "
                "correct or remove it"
            )
        out.append(name)
    return out


class EngagementClassifier:
    """Character and word n-grams plus the lexicon's score, logistic regression; lexicon fallback.

    >>> clf = EngagementClassifier().fit(["gut", "schlecht"], ["positive", "negative"])
    >>> clf.fallback_reason is not None  # two labels are too few: the lexicon scores
    True
    """

    def __init__(self, language: str | None = None, c: float = 1.0) -> None:
        self.language = language
        self.c = c
        self.fallback_reason: str | None = "not fitted"
        self._model: Any = None
        self._vectorizers: list[Any] = []
        self.classes_: list[str] = []
        self._unlearnt: list[str] = []

    def _lexicon_features(self, texts: Sequence[str]) -> npt.NDArray[np.float64]:
        compound, lang = compounds(texts, self.language)
        codes = band_label(compound, lang)
        return np.column_stack([compound, codes == 1, codes == -1]).astype(np.float64) * LEXICON_WEIGHT

    def _features(self, texts: Sequence[str], fit: bool) -> Any:
        from scipy import sparse

        blocks = [v.fit_transform(texts) if fit else v.transform(texts) for v in self._vectorizers]
        blocks.append(sparse.csr_matrix(self._lexicon_features(texts)))
        return sparse.hstack(blocks, format="csr")

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> EngagementClassifier:
        """Learn from ``texts`` and their ``labels`` (positive, neutral, negative)."""
        strings = ["" if t is None else str(t) for t in texts]
        names = _checked_labels(labels, len(strings))
        counts = Counter(names)
        learnable = [c for c in LABELS if counts[c] >= MIN_PER_CLASS]
        self._model = None
        if len(names) < MIN_LABELS:
            self.fallback_reason = f"only {len(names)} labels (at least {MIN_LABELS} are needed)"
            return self
        if len(learnable) < 2:
            self.fallback_reason = (
                f"the labels hold fewer than two classes with {MIN_PER_CLASS} examples or more "
                f"({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))})"
            )
            return self
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        keep = [i for i, n in enumerate(names) if n in learnable]
        strings = [strings[i] for i in keep]
        names = [names[i] for i in keep]
        self._vectorizers = [
            TfidfVectorizer(
                analyzer="char_wb", ngram_range=(2, 5), min_df=1, sublinear_tf=True, max_features=60000
            ),
            TfidfVectorizer(
                analyzer="word", ngram_range=(1, 2), min_df=1, sublinear_tf=True, token_pattern=r"(?u)\b\w+\b"
            ),
        ]
        features = self._features(strings, fit=True)
        model = LogisticRegression(C=self.c, class_weight="balanced", max_iter=2000)
        model.fit(features, names)
        self._model = model
        self.classes_ = [str(c) for c in model.classes_]
        self._unlearnt = [c for c in LABELS if c not in learnable]
        self.fallback_reason = None
        return self

    def predict(self, texts: Sequence[str]) -> list[str]:
        """One label per text: the learnt model's, or the lexicon's when it fell back."""
        strings = ["" if t is None else str(t) for t in texts]
        if self._model is None:
            compound, lang = compounds(strings, self.language)
            return [LABELS[int(c) + 1] for c in band_label(compound, lang)]
        predicted = [str(p) for p in self._model.predict(self._features(strings, fit=False))]
        if not self._unlearnt:
            return predicted
        # a class with too few labels to learn is left to the lexicon
        compound, lang = compounds(strings, self.language)
        lexicon = [LABELS[int(c) + 1] for c in band_label(compound, lang)]
        return [lex if lex in self._unlearnt else p for p, lex in zip(predicted, lexicon, strict=True)]

    def confidence(self, texts: Sequence[str]) -> npt.NDArray[np.float64]:
        """Probability of the predicted label per text (the lexicon: |compound|); low is uncertain."""
        strings = ["" if t is None else str(t) for t in texts]
        if self._model is None:
            compound, _ = compounds(strings, self.language)
            return np.abs(compound)
        probabilities = np.asarray(self._model.predict_proba(self._features(strings, fit=False)), dtype=float)
        best: npt.NDArray[np.float64] = probabilities.max(axis=1)
        return best


def cross_validated_accuracy(
    texts: Sequence[str], labels: Sequence[str], folds: int = 5, language: str | None = None
) -> float | None:
    """Accuracy of :class:`EngagementClassifier` on held-out folds of the labels (None: too few)."""
    names = _checked_labels(labels, len(texts))
    if len(names) < MIN_LABELS:
        return None
    order = np.random.default_rng(0).permutation(len(names))
    correct = 0
    for fold_index in range(folds):
        test = order[fold_index::folds]
        train = np.setdiff1d(order, test)
        clf = EngagementClassifier(language).fit([texts[i] for i in train], [names[i] for i in train])
        predicted = clf.predict([texts[i] for i in test])
        correct += sum(p == names[i] for p, i in zip(predicted, test, strict=True))
    return correct / len(names)
