"""Check 06's sentiment review in the live form: confirm or correct machine labels with one click.

:func:`review_sample` picks the mentions whose label the toolkit is least sure of (the
classifier's probability, the lexicon's absolute score; export labels after them), and
:func:`confirm` stores a label the consultant clicked in the engagement's ``monitoring``
section (``sentiment_labels``), atomically and with the previous version kept, like every
answer (:func:`smtoolkit.store.save_section`). :class:`ReviewWidget` shows the sample in
JupyterLab; after a click the page is recalculated, so its counts per method change.
"""

from __future__ import annotations

import html
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from smtoolkit.checks.monitoring.data import (
    ORIGIN_CLASSIFIER,
    ORIGIN_EXPORT,
    ORIGIN_LEXICON,
    Mentions,
    load_mentions,
    mention_keys,
)
from smtoolkit.i18n import translate
from smtoolkit.sentiment import LABELS

__all__ = ["SAMPLE_SIZE", "ReviewItem", "ReviewWidget", "confirm", "review_sample"]

#: Mentions shown in the review at a time.
SAMPLE_SIZE = 8
#: Characters of a mention's text shown.
EXCERPT = 280


@dataclass(frozen=True)
class ReviewItem:
    """One mention to review: its key, text excerpt, predicted label and where it came from."""

    key: str
    text: str
    label: str
    origin: int
    certainty: float


def review_sample(mentions: Mentions, size: int = SAMPLE_SIZE) -> list[ReviewItem]:
    """The ``size`` machine-labelled mentions with the lowest certainty, then export labels."""
    table = mentions.table
    origin = table["origin"].to_numpy()
    certainty = table["certainty"].to_numpy().astype(float)
    machine = (origin == ORIGIN_CLASSIFIER) | (origin == ORIGIN_LEXICON)
    # machine labels first (uncertain first), then export labels (uncertain first)
    rank = np.where(machine, certainty, np.where(origin == ORIGIN_EXPORT, 2.0 + certainty, np.inf))
    order = np.argsort(rank, kind="stable")
    candidates = [int(i) for i in order[: size * 4] if np.isfinite(rank[i])]
    raw = mentions.raw
    all_titles = raw["title"].astype("string").fillna("").to_numpy(dtype=object)[candidates].tolist()
    all_texts = raw["text"].astype("string").fillna("").to_numpy(dtype=object)[candidates].tolist()
    seen: set[str] = set()
    chosen: list[int] = []
    titles: list[str] = []
    texts: list[str] = []
    keys: list[str] = []
    # the same mention in two exports is one review item
    for row, title, text, key in zip(
        candidates, all_titles, all_texts, mention_keys(all_titles, all_texts), strict=True
    ):
        if key not in seen and len(chosen) < size:
            seen.add(key)
            chosen.append(row)
            titles.append(title)
            texts.append(text)
            keys.append(key)
    sentiment = table["sentiment"].to_numpy()
    return [
        ReviewItem(
            key=keys[j],
            text=(texts[j] or titles[j])[:EXCERPT],
            label=LABELS[int(sentiment[row]) + 1],
            origin=int(origin[row]),
            certainty=float(certainty[row]),
        )
        for j, row in enumerate(chosen)
    ]


def confirm(folder: Path, key: str, label: str) -> bool:
    """Store ``label`` for the mention ``key`` in the engagement (atomic, previous version kept)."""
    from smtoolkit.store import read_section, save_section

    if label not in LABELS:
        raise ValueError(f"sentiment label {label!r} is not one of {', '.join(LABELS)}")
    current = read_section(folder, "monitoring")
    data: dict[str, Any] = dict(current) if isinstance(current, dict) else {}
    labels = [dict(item) for item in data.get("sentiment_labels") or [] if item.get("mention") != key]
    labels.append({"mention": key, "label": label})
    data["sentiment_labels"] = labels
    return save_section(folder, "monitoring", data, expected=current)


class ReviewWidget:
    """The review in JupyterLab: each sampled mention with its label and three one-click buttons."""

    def __init__(self, page: Any) -> None:
        import ipywidgets as w

        self.page = page
        self.box = w.VBox([])
        self.widget = w.VBox(
            [
                w.HTML(f"<h3>{html.escape(self.t('review.title'))}</h3>"),
                w.HTML(self.t("review.intro")),
                self.box,
            ]
        )
        self.widget.add_class("smt-sentiment-review")
        self.refresh()

    def t(self, key: str, **params: Any) -> str:
        """Translate a key of check 06's catalogue in the page's language."""
        return translate(f"monitoring.{key}", self.page.language, **params)

    def refresh(self) -> None:
        """Show a fresh sample of the current engagement's mentions."""
        import ipywidgets as w

        mentions = load_mentions(self.page.engagement, self.page.answers_model)
        items = review_sample(mentions) if mentions is not None else []
        if not items:
            self.box.children = (w.HTML(self.t("review.empty")),)
            return
        rows = []
        for item in items:
            source = self.t(f"review.origin.{item.origin}")
            predicted = self.t("review.predicted", label=self.t(f"choice.label.{item.label}"), source=source)
            text = w.HTML(
                f"<div>{html.escape(item.text)}</div>"
                f"<div style='color:#5b6570'>{html.escape(predicted)}</div>",
                layout=w.Layout(width="70%"),
            )
            buttons = []
            for name in LABELS[::-1]:
                button = w.Button(
                    description=self.t(f"choice.label.{name}"),
                    button_style="success" if name == item.label else "",
                    layout=w.Layout(width="auto"),
                )
                button.add_class(f"smt-review-{name}")
                button.on_click(
                    lambda _b, key=item.key, name=name: self.page._guard(lambda: self.choose(key, name))
                )
                buttons.append(button)
            row = w.HBox([text, *buttons])
            row.add_class("smt-review-item")
            rows.append(row)
        self.box.children = tuple(rows)

    def choose(self, key: str, label: str) -> None:
        """Save the clicked label, reload the form and the page, and show a new sample."""
        if self.page.saver is not None:
            self.page.saver.flush()
        confirm(self.page.engagement.folder, key, label)
        self.page._reload(self.page.engagement.folder)
        self.page.show_status("saved", time.strftime("%H:%M:%S"))
        self.refresh()


def review_widget(page: Any) -> Any:
    """The review widget for a live check 06 page (registered as the check's live extra)."""
    return ReviewWidget(page).widget
