"""A sentiment classifier learned per engagement from its own labels (export and consultant).

Features: TF-IDF of character 2-5-grams within word boundaries (robust to inflection,
compounds, typos and hashtags), TF-IDF of words and word pairs, and the lexicon scorer's
compound score with its neutral-band label (so a few hundred labels only have to correct
the lexicon for the engagement's domain). Model: multinomial logistic regression
(scikit-learn, ``lbfgs``), one core, seconds.

``fit`` chooses among :data:`CANDIDATES` on the labels it is given, by stratified
:data:`FOLDS`-fold cross-validation on at most :data:`MAX_SELECTION` of them: logistic
regression with balanced, square-root balanced or no class weights, or the lexicon alone.
It takes the best cross-validated macro-F1 among the candidates whose cross-validated
accuracy is not below the labels' majority share (none: the best accuracy).
:attr:`EngagementClassifier.selected_` names the choice and
:attr:`EngagementClassifier.cv_scores_` holds the figures of every candidate.

Too few labels to learn from (fewer than :data:`MIN_LABELS`, or fewer than
:data:`MIN_PER_CLASS` in a second class) fall back to the lexicon scorer;
:attr:`EngagementClassifier.fallback_reason` then says why. A single class with fewer than
:data:`MIN_PER_CLASS` labels (say 3 positive among 300) is left to the lexicon: texts
the lexicon puts in that class keep the lexicon's label.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from smtoolkit.errors import ConfigError
from smtoolkit.sentiment.classify import LABELS, compounds
from smtoolkit.sentiment.lexicon import band_label

__all__ = [
    "CANDIDATES",
    "MIN_LABELS",
    "MIN_PER_CLASS",
    "CvScore",
    "EngagementClassifier",
    "cross_validated_accuracy",
]

#: Fewer labels than this: the lexicon scores everything.
MIN_LABELS = 30
#: A class needs this many labels to be learnt; with fewer than two such classes: lexicon.
MIN_PER_CLASS = 5
#: Weight of the lexicon features against the n-gram block.
LEXICON_WEIGHT = 6.0
#: The models ``fit`` chooses from, in order of preference on equal scores.
CANDIDATES = ("balanced", "sqrt-balanced", "unweighted", "lexicon")
#: Folds of the cross-validation that chooses the model.
FOLDS = 3
#: At most this many labels (a fixed random draw) take part in the choice.
MAX_SELECTION = 1000


@dataclass(frozen=True)
class CvScore:
    """Cross-validated accuracy and macro-F1 (over the classes present) of one candidate."""

    accuracy: float
    macro_f1: float


def macro_f1(truth: Sequence[str], predicted: Sequence[str]) -> float:
    """Mean F1 over the classes present in ``truth`` (a class never predicted has F1 0)."""
    scores = []
    for label in sorted(set(truth)):
        tp = sum(t == label and p == label for t, p in zip(truth, predicted, strict=True))
        support = sum(t == label for t in truth)
        guessed = sum(p == label for p in predicted)
        scores.append(2 * tp / (support + guessed) if support + guessed else 0.0)
    return float(np.mean(scores)) if scores else 0.0


def _class_weight(names: Sequence[str], weighting: str) -> dict[str, float] | None:
    """Class weights: balanced n / (k n_c), its square root, or None (unweighted)."""
    if weighting == "unweighted":
        return None
    counts = Counter(names)
    balanced = {c: len(names) / (len(counts) * n) for c, n in counts.items()}
    if weighting == "balanced":
        return balanced
    return {c: float(np.sqrt(w)) for c, w in balanced.items()}


def stratified_folds(names: Sequence[str], folds: int) -> npt.NDArray[np.intp]:
    """Fold number per label: each class shuffled (seed 0) and dealt round-robin to the folds."""
    out = np.zeros(len(names), dtype=np.intp)
    rng = np.random.default_rng(0)
    labels = np.asarray(names)
    start = 0
    for label in sorted(set(names)):
        members = rng.permutation(np.flatnonzero(labels == label))
        out[members] = (np.arange(len(members)) + start) % folds
        start += len(members)
    return out


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

    def __init__(
        self, language: str | None = None, c: float = 1.0, candidates: Sequence[str] = CANDIDATES
    ) -> None:
        unknown = [c for c in candidates if c not in CANDIDATES]
        if unknown or not candidates:
            raise ConfigError(
                f"engagement classifier candidates {list(candidates)!r}: expected one or more of "
                f"{', '.join(CANDIDATES)}"
            )
        self.language = language
        self.c = c
        self.candidates = tuple(candidates)
        self.fallback_reason: str | None = "not fitted"
        self._model: Any = None
        self._vectorizers: list[Any] = []
        self.classes_: list[str] = []
        self._unlearnt: list[str] = []
        #: The candidate ``fit`` chose (one of :data:`CANDIDATES`); None before or on fallback.
        self.selected_: str | None = None
        #: Cross-validated figures per candidate (empty when a single candidate was given).
        self.cv_scores_: dict[str, CvScore] = {}
        #: Share of the most frequent label among the labels the choice was made on.
        self.majority_share_: float | None = None

    def _lexicon_features(self, texts: Sequence[str]) -> npt.NDArray[np.float64]:
        compound, lang = compounds(texts, self.language)
        return _lexicon_block(compound, band_label(compound, lang))

    def _features(self, texts: Sequence[str], fit: bool) -> Any:
        return _stack(self._vectorizers, texts, fit, self._lexicon_features(texts))

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> EngagementClassifier:
        """Learn from ``texts`` and their ``labels`` (positive, neutral, negative)."""
        strings = ["" if t is None else str(t) for t in texts]
        names = _checked_labels(labels, len(strings))
        counts = Counter(names)
        learnable = [c for c in LABELS if counts[c] >= MIN_PER_CLASS]
        self._model = None
        self.selected_, self.cv_scores_, self.majority_share_ = None, {}, None
        if len(names) < MIN_LABELS:
            self.fallback_reason = f"only {len(names)} labels (at least {MIN_LABELS} are needed)"
            return self
        if len(learnable) < 2:
            self.fallback_reason = (
                f"the labels hold fewer than two classes with {MIN_PER_CLASS} examples or more "
                f"({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))})"
            )
            return self
        compound, lang = compounds(strings, self.language)
        codes = band_label(compound, lang)
        lexicon_labels = [LABELS[int(c) + 1] for c in codes]
        lexicon = _lexicon_block(compound, codes)
        self.selected_ = self._select(strings, names, lexicon, lexicon_labels)
        if self.selected_ == "lexicon":
            score = self.cv_scores_.get("lexicon")
            self.fallback_reason = (
                "the lexicon is the only candidate"
                if score is None
                else f"on {FOLDS}-fold cross-validation of the labels the lexicon did best "
                f"(accuracy {score.accuracy:.3f}, macro-F1 {score.macro_f1:.3f})"
            )
            return self
        keep = [i for i, n in enumerate(names) if n in learnable]
        self._vectorizers = _vectorizers()
        kept = [strings[i] for i in keep]
        features = _stack(self._vectorizers, kept, True, lexicon[keep])
        model = self._new_model([names[i] for i in keep], self.selected_)
        model.fit(features, [names[i] for i in keep])
        self._model = model
        self.classes_ = [str(c) for c in model.classes_]
        self._unlearnt = [c for c in LABELS if c not in learnable]
        self.fallback_reason = None
        return self

    def _new_model(self, names: Sequence[str], weighting: str) -> Any:
        from sklearn.linear_model import LogisticRegression

        return LogisticRegression(C=self.c, class_weight=_class_weight(names, weighting), max_iter=2000)

    def _select(
        self,
        strings: Sequence[str],
        names: Sequence[str],
        lexicon: npt.NDArray[np.float64],
        lexicon_labels: Sequence[str],
    ) -> str:
        """The candidate with the best cross-validated macro-F1 that keeps the majority's accuracy."""
        self.cv_scores_ = {}
        if len(self.candidates) == 1:
            self.majority_share_ = None
            return self.candidates[0]
        rows = np.arange(len(names))
        if len(rows) > MAX_SELECTION:
            rows = np.sort(np.random.default_rng(0).permutation(rows)[:MAX_SELECTION])
        truth = [names[int(i)] for i in rows]
        self.majority_share_ = Counter(truth).most_common(1)[0][1] / len(truth)
        fold = stratified_folds(truth, FOLDS)
        learnt = [c for c in self.candidates if c != "lexicon"]
        predicted: dict[str, list[str]] = {c: [""] * len(truth) for c in learnt}
        for k in range(FOLDS):
            train = rows[fold != k]
            test = rows[fold == k]
            counts = Counter(names[i] for i in train)
            learnable = {c for c in LABELS if counts[c] >= MIN_PER_CLASS}
            train = np.asarray([i for i in train if names[i] in learnable], dtype=np.intp)
            if not learnt or not len(test):
                continue
            vectorizers = _vectorizers()
            train_features = _stack(vectorizers, [strings[i] for i in train], True, lexicon[train])
            test_features = _stack(vectorizers, [strings[i] for i in test], False, lexicon[test])
            train_names = [names[i] for i in train]
            slots = np.flatnonzero(fold == k)
            for candidate in learnt:
                if len(learnable) < 2:  # this fold cannot learn: the lexicon labels it
                    labels = [lexicon_labels[i] for i in test]
                else:
                    model = self._new_model(train_names, candidate)
                    model.fit(train_features, train_names)
                    labels = [
                        lexicon_labels[i] if lexicon_labels[i] not in learnable else str(p)
                        for p, i in zip(model.predict(test_features), test, strict=True)
                    ]
                for slot, label in zip(slots, labels, strict=True):
                    predicted[candidate][slot] = label
        if "lexicon" in self.candidates:
            predicted["lexicon"] = [lexicon_labels[int(i)] for i in rows]
        for candidate in self.candidates:
            guess = predicted[candidate]
            self.cv_scores_[candidate] = CvScore(
                accuracy=float(np.mean([g == t for g, t in zip(guess, truth, strict=True)])),
                macro_f1=macro_f1(truth, guess),
            )
        qualified = [c for c in self.candidates if self.cv_scores_[c].accuracy >= self.majority_share_]
        if qualified:
            return max(qualified, key=lambda c: self.cv_scores_[c].macro_f1)
        return max(self.candidates, key=lambda c: self.cv_scores_[c].accuracy)

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


def _lexicon_block(compound: npt.NDArray[np.float64], codes: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
    """The lexicon features: compound score and its band label, weighted by :data:`LEXICON_WEIGHT`."""
    return np.column_stack([compound, codes == 1, codes == -1]).astype(np.float64) * LEXICON_WEIGHT


def _vectorizers() -> list[Any]:
    """Unfitted TF-IDF vectorizers of character 2-5-grams and of words and word pairs."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return [
        TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 5), min_df=1, sublinear_tf=True, max_features=60000
        ),
        TfidfVectorizer(
            analyzer="word", ngram_range=(1, 2), min_df=1, sublinear_tf=True, token_pattern=r"(?u)\b\w+\b"
        ),
    ]


def _stack(vectorizers: list[Any], texts: Sequence[str], fit: bool, lexicon: npt.NDArray[np.float64]) -> Any:
    """The n-gram blocks of ``texts`` (fitting the vectorizers when ``fit``) beside the lexicon block."""
    from scipy import sparse

    blocks = [v.fit_transform(texts) if fit else v.transform(texts) for v in vectorizers]
    blocks.append(sparse.csr_matrix(lexicon))
    return sparse.hstack(blocks, format="csr")


def cross_validated_accuracy(
    texts: Sequence[str], labels: Sequence[str], language: str | None = None
) -> float | None:
    """Cross-validated accuracy of the model :meth:`EngagementClassifier.fit` chooses (None: too few labels).

    The figure of the choice itself (:attr:`EngagementClassifier.cv_scores_`), so it costs one fit.
    """
    clf = EngagementClassifier(language).fit(texts, labels)
    score = clf.cv_scores_.get(clf.selected_ or "")
    return None if score is None else score.accuracy
