"""Sentiment of mentions: the offline lexicon scorer and a classifier learned per engagement.

Two stable entry points (documented in ``docs/sentiment.md``; evaluations call exactly these):

- :func:`classify` ``(texts, language=None)`` -> one of ``"positive"``, ``"neutral"``,
  ``"negative"`` per text, from the offline lexicon scorer with its defaults and no
  engagement labels. ``language`` is ``"de"``, ``"en"`` or ``None`` (detected per text).
- :class:`EngagementClassifier` ``().fit(texts, labels).predict(texts)``: a light linear
  classifier on character and word n-grams plus the lexicon's scores, trained on an
  engagement's own labels in seconds; with too few labels or a single class it falls back
  to the lexicon and says why (:attr:`EngagementClassifier.fallback_reason`).
"""

from smtoolkit.sentiment.classify import LABELS, classify, compounds, languages_of
from smtoolkit.sentiment.engagement import EngagementClassifier, cross_validated_accuracy

__all__ = [
    "LABELS",
    "EngagementClassifier",
    "classify",
    "compounds",
    "cross_validated_accuracy",
    "languages_of",
]
