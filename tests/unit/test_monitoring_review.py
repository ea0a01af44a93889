"""Check 06 learns from the engagement's labels and keeps the consultant's confirmed labels."""

from __future__ import annotations

import csv
import io
import textwrap
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from smtoolkit.checks.monitoring.data import (
    ORIGIN_CLASSIFIER,
    ORIGIN_CONFIRMED,
    ORIGIN_EXPORT,
    load_mentions,
    mention_keys,
)
from smtoolkit.checks.monitoring.model import MonitoringAnswers
from smtoolkit.checks.monitoring.review import confirm, review_sample
from smtoolkit.engagement import load_engagement

SAMPLE = Path(__file__).parents[1] / "data" / "monitoring" / "sentiment_sample.csv"
ENGAGEMENT = textwrap.dedent(
    """\
    client:
      name: "Hallberg Pumpen GmbH"
    settings:
      language: de
      workshop_date: 2026-03-12
    monitoring:
      brand: Hallberg
    """
)
UNLABELLED = [
    "Die Heizung brummt seit dem Update ständig",
    "Neue Pumpe eingebaut, läuft leise",
    "Termin für die Wartung am Montag",
]


@pytest.fixture
def engagement(make_engagement: Callable[..., Path]) -> Path:
    """The 76 hand-labelled sample mentions with their label as export sentiment, plus 3 without."""
    frame = pd.read_csv(SAMPLE)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["date", "source", "author", "title", "text", "language", "sentiment"])
    for i, row in enumerate(frame.itertuples()):
        writer.writerow(
            [f"2026-03-{1 + i % 28:02d} 09:00", "forum.example", f"user{i}", "", row.text, "", row.label]
        )
    for i, text in enumerate(UNLABELLED):
        writer.writerow([f"2026-03-0{1 + i} 10:00", "forum.example", "anna", "", text, "", ""])
    folder = make_engagement("hallberg", ENGAGEMENT)
    (folder / "data").mkdir()
    (folder / "data" / "mentions.csv").write_text(out.getvalue(), encoding="utf-8")
    return folder


def test_unlabelled_mentions_are_scored_by_the_engagement_classifier(engagement: Path) -> None:
    """76 export labels train the classifier; it scores the 3 mentions without a label and reports its accuracy."""
    mentions = load_mentions(load_engagement(engagement))
    assert mentions is not None
    origin = mentions.table["origin"].tolist()
    assert origin.count(ORIGIN_EXPORT) == 76 and origin.count(ORIGIN_CLASSIFIER) == 3
    info = mentions.classifier
    assert info is not None and info.fallback is None and info.labels == 76
    assert info.accuracy is not None and 0.4 < info.accuracy <= 1.0
    assert info.method in ("balanced", "sqrt-balanced", "unweighted")
    # the uncertain ones come first in the review: the 3 classifier labels before export labels
    items = review_sample(mentions, size=5)
    assert [i.origin for i in items[:3]] == [ORIGIN_CLASSIFIER] * 3
    assert [i.certainty for i in items[:3]] == sorted(i.certainty for i in items[:3])
    assert {i.text for i in items[:3]} == set(UNLABELLED)


def test_a_confirmed_label_is_saved_with_history_and_wins(engagement: Path) -> None:
    """Confirming 'negative' writes the key into engagement.yaml, keeps the old file, and the page counts it."""
    key = mention_keys([""], [UNLABELLED[0]])[0]
    before = (engagement / "engagement.yaml").read_text(encoding="utf-8")
    assert confirm(engagement, key, "negative") is True
    after = (engagement / "engagement.yaml").read_text(encoding="utf-8")
    assert f"mention: {key}" in after and "label: negative" in after and "brand: Hallberg" in after
    assert [p.read_text(encoding="utf-8") for p in (engagement / ".history").iterdir()] == [before]
    loaded = load_engagement(engagement)
    mentions = load_mentions(loaded)
    assert mentions is not None
    table = mentions.table
    row = table.index[table["origin"] == ORIGIN_CONFIRMED].tolist()
    assert len(row) == 1 and table.loc[row[0], "sentiment"] == -1
    assert (table["origin"] == ORIGIN_CLASSIFIER).sum() == 2
    # confirming again with another label replaces the first, no duplicates
    confirm(engagement, key, "neutral")
    labels = load_engagement(engagement).section("monitoring").sentiment_labels  # type: ignore[attr-defined]
    assert [(x.mention, x.label) for x in labels] == [(key, "neutral")]


def test_confirmed_labels_are_validated() -> None:
    """A key that is no hex hash, or a label outside the three, is rejected by the model."""
    with pytest.raises(ValueError, match="pattern"):  # pydantic's ValidationError is a ValueError
        MonitoringAnswers.model_validate({"sentiment_labels": [{"mention": "<script>", "label": "negative"}]})
    with pytest.raises(ValueError):
        MonitoringAnswers.model_validate(
            {"sentiment_labels": [{"mention": "0123456789abcdef", "label": "great"}]}
        )
    with pytest.raises(ValueError, match="not one of"):
        confirm(Path("."), "0123456789abcdef", "great")


def test_the_page_names_the_chosen_model_and_its_accuracy(engagement: Path) -> None:
    """The sentiment section names the model cross-validation chose and its cross-validated accuracy."""
    from smtoolkit.checks.monitoring import analyse
    from smtoolkit.checks.monitoring.view import render as render_page

    loaded = load_engagement(engagement)
    mentions = load_mentions(loaded)
    assert mentions is not None and mentions.classifier is not None
    method = mentions.classifier.method
    page = "".join(str(block) for block in render_page(analyse(MonitoringAnswers(), loaded), "en"))
    names = {
        "balanced": "with balanced class weights",
        "sqrt-balanced": "with square-root balanced class weights",
        "unweighted": "without class weights",
    }
    assert method in names and names[method] in page
    assert "chosen by cross-validation on these labels" in page
