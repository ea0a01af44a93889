"""The public sentiment entry points: classify() and EngagementClassifier, with hand-worked scores."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from smtoolkit.errors import ConfigError
from smtoolkit.sentiment import EngagementClassifier, classify, compounds, cross_validated_accuracy
from smtoolkit.sentiment.engagement import _class_weight, macro_f1, stratified_folds
from smtoolkit.sentiment.lexicon import N_SCALAR, compound_of, compound_valence, english_lexicon

SAMPLE = Path(__file__).parents[1] / "data" / "monitoring" / "sentiment_sample.csv"


def one(text: str, language: str) -> float:
    """The compound score of one text."""
    return float(compounds([text], language)[0][0])


def test_emoticon_entries_are_not_cut_to_letters() -> None:
    """VADER's ':s' and '</3' are no words: "'s" and '3' score nothing (they scored −1.2 and −2.2)."""
    lexicon = english_lexicon()
    assert "s" not in lexicon and "3" not in lexicon and "d" not in lexicon
    assert one("It's 3 pm and she's here", "en") == 0.0


def test_emoticons_and_emoji_count_as_whole_symbols() -> None:
    """'Danke :)': danke 2.0 plus VADER's ':)' 2.0 = 4.0 -> 4 / √31 = 0.7184."""
    assert one("Danke :)", "de") == pytest.approx(compound_of(4.0), abs=1e-9)
    assert one("Danke:)", "de") == pytest.approx(compound_of(2.0), abs=1e-9)  # not separated


def test_intensifier_that_is_a_lexicon_word_boosts() -> None:
    """'echt schlecht': echt is a booster, not a positive word: −2 − 0.293 = −2.293 -> −0.5094."""
    assert one("Das ist echt schlecht", "de") == pytest.approx(compound_of(-2.293), abs=1e-9)
    assert one("Das ist wirklich gut", "de") == pytest.approx(compound_of(2.293), abs=1e-9)


def test_german_negation_after_the_verb() -> None:
    """'Das klappt nicht': klappt 1.5 × −0.74 = −1.11; a negation before the word counts once."""
    assert one("Das klappt nicht", "de") == pytest.approx(compound_of(1.5 * N_SCALAR), abs=1e-9)
    assert one("Das klappt", "de") == pytest.approx(compound_of(1.5), abs=1e-9)
    assert one("nicht gut", "de") == pytest.approx(compound_of(2.0 * N_SCALAR), abs=1e-9)
    # a sentiment word between stops the scope: "gut, schlecht nicht" negates schlecht only
    assert one("gut schlecht nicht", "de") == pytest.approx(compound_of(2.0 - 2.0 * N_SCALAR), abs=1e-9)


def test_german_compounds_take_their_heads_valence() -> None:
    """'Türstörung' is not in the lexicon; its head 'Störung' is (−1 × 2): −2 -> −0.4588."""
    assert compound_valence("tuerstoerung") == -2.0
    assert compound_valence("horrorfahrt") < 0  # modifier 'Horror' when the head is neutral
    assert compound_valence("bahnhofsvorplatz") == 0.0
    assert one("Türstörung in Köln", "de") == pytest.approx(compound_of(-2.0), abs=1e-9)


def test_domain_words_of_customer_feedback() -> None:
    """Verspätung, kaputt and leider carry −1.5 each (absent from the polarity lexicon)."""
    assert one("Verspätung", "de") == pytest.approx(compound_of(-1.5), abs=1e-9)
    assert one("Automat kaputt, leider", "de") == pytest.approx(compound_of(-3.0), abs=1e-9)


def test_classify_uses_the_neutral_band_per_language() -> None:
    """German: positive from 0.5 ('gut' 0.4588 stays neutral, 'sehr gut' 0.5094 is positive), negative from −0.2."""
    texts = ["Das ist sehr gut", "Das ist gut", "Das ist nicht gut", "Der Zug kommt um drei"]
    assert classify(texts, "de") == ["positive", "neutral", "negative", "neutral"]


def test_classify_detects_the_language_per_text() -> None:
    """With language None each text is scored in its own language ('good' is no German word)."""
    assert classify(["This is a really great and good service", "Das ist ein sehr gutes Angebot"]) == [
        "positive",
        "positive",
    ]
    assert classify(["This is a really great and good service"], "de") == ["neutral"]


def test_classify_rejects_an_unknown_language() -> None:
    """A language other than de, en or None is a clear configuration error."""
    with pytest.raises(ConfigError, match="'fr' is not supported"):
        classify(["Bonjour"], "fr")


def sample() -> pd.DataFrame:
    """The hand-labelled sample of 76 mentions (48 German, 28 English)."""
    return pd.read_csv(SAMPLE)


def test_engagement_classifier_falls_back_on_too_few_labels() -> None:
    """Two labels: the lexicon scores, and the reason says so."""
    clf = EngagementClassifier().fit(["gut", "schlecht"], ["positive", "negative"])
    assert clf.fallback_reason is not None and "only 2 labels" in clf.fallback_reason
    texts = sample()["text"].tolist()
    assert clf.predict(texts) == classify(texts)


def test_engagement_classifier_falls_back_on_one_class() -> None:
    """Forty labels of one class teach nothing: lexicon, with the counts in the reason."""
    texts = sample()["text"].tolist()[:40]
    clf = EngagementClassifier().fit(texts, ["neutral"] * 40)
    assert clf.fallback_reason is not None and "neutral 40" in clf.fallback_reason


def test_engagement_classifier_rejects_unknown_labels() -> None:
    """A label outside positive/neutral/negative names its position."""
    with pytest.raises(ConfigError, match="'great' at position 1"):
        EngagementClassifier().fit(["a", "b"], ["positive", "great"])
    with pytest.raises(ConfigError, match="2 texts but 1 labels"):
        EngagementClassifier().fit(["a", "b"], ["positive"])


def test_engagement_classifier_learns_a_word_the_lexicon_lacks() -> None:
    """After labels where 'brummt' (no lexicon word) marks complaints, a new 'brummt' text is negative."""
    frame = sample()
    texts = frame["text"].tolist() + [
        f"Die Pumpe im {room} brummt schon wieder"
        for room in ("Keller", "Bad", "Flur", "Büro", "Haus", "Lager")
    ]
    labels = frame["label"].tolist() + ["negative"] * 6
    clf = EngagementClassifier().fit(texts, labels)
    assert clf.fallback_reason is None
    new = ["Die Heizung brummt"]
    assert classify(new, "de") == ["neutral"]
    assert clf.predict(new) == ["negative"]
    assert 0.0 < clf.confidence(new)[0] <= 1.0


def test_cross_validated_accuracy_on_the_sample() -> None:
    """The chosen model's cross-validated accuracy on the 76 mentions lies between chance and 1; under 30: None."""
    frame = sample()
    accuracy = cross_validated_accuracy(frame["text"].tolist(), frame["label"].tolist())
    clf = EngagementClassifier().fit(frame["text"].tolist(), frame["label"].tolist())
    assert accuracy is not None and 0.4 < accuracy <= 1.0
    assert clf.selected_ is not None and accuracy == clf.cv_scores_[clf.selected_].accuracy
    assert cross_validated_accuracy(["gut"] * 10, ["positive"] * 10) is None


def test_macro_f1_by_hand() -> None:
    """Truth n n p, predicted n p p: F1 neutral 2*1/(2+1) = 2/3, positive 2*1/(1+2) = 2/3; a class never true is left out."""
    assert macro_f1(["neutral", "neutral", "positive"], ["neutral", "positive", "positive"]) == pytest.approx(
        2 / 3
    )
    assert macro_f1(["neutral"] * 4, ["neutral", "neutral", "negative", "negative"]) == pytest.approx(2 / 3)


def test_class_weights_by_hand() -> None:
    """Three neutral, one negative: balanced 4/(2*3) and 4/(2*1), the square roots of those, or none."""
    names = ["neutral"] * 3 + ["negative"]
    assert _class_weight(names, "balanced") == pytest.approx({"neutral": 2 / 3, "negative": 2.0})
    assert _class_weight(names, "sqrt-balanced") == pytest.approx(
        {"neutral": (2 / 3) ** 0.5, "negative": 2**0.5}
    )
    assert _class_weight(names, "unweighted") is None


def test_stratified_folds_deal_each_class_evenly() -> None:
    """Six a and three b in three folds: every fold holds two a and one b."""
    fold = stratified_folds(["a"] * 6 + ["b"] * 3, 3)
    for k in range(3):
        members = [name for name, f in zip(["a"] * 6 + ["b"] * 3, fold, strict=True) if f == k]
        assert sorted(members) == ["a", "a", "b"]


def test_a_dominant_majority_is_not_traded_for_minority_recall() -> None:
    """80 neutral, 20 negative; 'zug' in all 20 negative and 30 neutral texts: balanced weights lose accuracy.

    Balanced weights (neutral 100/160, negative 100/40) make 'zug' negative (20 x 2.5 > 30 x 0.625):
    accuracy (50 + 20) / 100 = 0.7 < 0.8. Without weights 'zug' stays neutral (30 > 20): accuracy
    at least 0.8. The lexicon says neutral everywhere: accuracy 0.8, macro-F1 (2 x 80 / 180) / 2.
    A candidate that keeps 0.8 is chosen, never the balanced one.
    """
    words = [f"{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}bel" for i in range(100)]
    texts = [f"{w} zug" if i < 50 else w for i, w in enumerate(words)]
    labels = ["negative" if i < 20 else "neutral" for i in range(100)]
    clf = EngagementClassifier().fit(texts, labels)
    assert clf.majority_share_ == pytest.approx(0.8)
    lexicon = clf.cv_scores_["lexicon"]
    assert (lexicon.accuracy, lexicon.macro_f1) == pytest.approx((0.8, 160 / 180 / 2))
    assert clf.cv_scores_["balanced"].accuracy < 0.8
    assert clf.cv_scores_["unweighted"].accuracy >= 0.8
    assert clf.selected_ in ("sqrt-balanced", "unweighted") and clf.cv_scores_[clf.selected_].accuracy >= 0.8


def test_the_lexicon_is_chosen_when_it_cross_validates_best() -> None:
    """Only the lexicon candidate allowed besides nothing: it is chosen, predicts like classify(), and says why."""
    frame = sample()
    texts, labels = frame["text"].tolist(), frame["label"].tolist()
    clf = EngagementClassifier(candidates=("lexicon",)).fit(texts, labels)
    assert clf.selected_ == "lexicon" and clf.cv_scores_ == {}
    assert clf.predict(texts) == classify(texts)
    mixed = EngagementClassifier().fit(texts, labels)
    lexicon = mixed.cv_scores_["lexicon"]
    # the lexicon's CV figures are its plain scores on the labels: no training involved
    truth, guess = labels, classify(texts)
    assert lexicon.accuracy == pytest.approx(
        sum(g == t for g, t in zip(guess, truth, strict=True)) / len(truth)
    )
    assert lexicon.macro_f1 == pytest.approx(macro_f1(truth, guess))


def test_unknown_candidates_are_rejected() -> None:
    """A candidate name outside the four is a ConfigError naming the allowed ones."""
    with pytest.raises(ConfigError, match="balanced, sqrt-balanced, unweighted, lexicon"):
        EngagementClassifier(candidates=("svm",))
