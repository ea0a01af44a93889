"""With pseudonyms on, no author name reaches check 06's page: tables, terms, topics, charts, findings."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from smtoolkit.checks.registry import get
from smtoolkit.engagement import load_engagement
from smtoolkit.i18n import render
from smtoolkit.overview.analysis import assess
from smtoolkit.overview.view import summary_blocks

#: Author names of every shape: one word, two words, umlauts and ß, a handle, three words.
AUTHORS = ("Sabine Kraemer", "Jürgen Weiß", "@klaus_wagner", "Zoltán", "Anna-Lena von Strüßen")
NAMES = ("Sabine", "Kraemer", "Jürgen", "Weiß", "klaus_wagner", "Zoltán", "Anna-Lena", "Strüßen")


def _mentions() -> str:
    """60 client mentions per author; every text names its author and another one (as people quote)."""
    lines = ["date,source,author,title,text,sentiment,reach,query"]
    for day in range(1, 29):
        for index, author in enumerate(AUTHORS):
            other = AUTHORS[(index + 1) % len(AUTHORS)]
            for hour in (9, 15):
                text = f"{author} und {other} über Muster: die Pumpe ist leider undicht"
                lines.append(
                    f"2026-02-{day:02d} {hour}:00,forum.example/{other.strip('@')},{author},"
                    f"{author} schreibt,{text},negative,{100 + index},Muster"
                )
    return "\n".join(lines) + "\n"


@pytest.fixture
def planted(make_engagement: Callable[..., Path]) -> Path:
    """An engagement whose mentions plant the author names above into titles, texts and sources."""
    answers = {
        "brand": "Muster",
        "brand_keywords": ["Muster"],
        "topics": [{"name": "Dichtung", "keywords": ["undicht"]}],
        "competitors": [{"name": "Kessler", "keywords": ["Kessler"]}],
        "pseudonymize": True,
        "top_n": 20,
    }
    text = (
        'client:\n  name: "Muster GmbH"\nsettings:\n  language: en\n  checks: [monitoring]\n'
        "  workshop_date: 2026-03-12\nmonitoring:\n"
        + "".join(f"  {k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in answers.items())
    )
    folder = make_engagement("muster", text)
    (folder / "data").mkdir()
    (folder / "data" / "mentions.csv").write_text(_mentions(), encoding="utf-8")
    return folder


def _leaks(text: str) -> list[str]:
    folded = text.casefold()
    return [name for name in NAMES if name.casefold() in folded]


def test_no_planted_author_name_in_any_text_of_the_monitoring_page(planted: Path) -> None:
    """Findings, tables, top terms, topics, examples, chart alt texts and the overview carry aliases only."""
    engagement = load_engagement(planted)
    spec = get("monitoring")
    result = spec.analyse(engagement.sections["monitoring"], engagement)
    d = result.details
    assert d.mentions is not None and len(d.mentions.table) == 280
    assert d.terms, "the top terms table is not empty"
    blocks = spec.render(result, "en")
    html = "".join(b for b in blocks if isinstance(b, str))
    # charts are embedded images: their alt texts are searched as text, their pixels are not text
    html = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "data:", html)
    findings = " ".join(
        render(f, "en") for f in [*result.findings, *(r.text for r in result.recommendations)]
    )
    overview = "".join(summary_blocks(assess(engagement), "en"))
    for where, text in {"page": html, "findings": findings, "overview": overview}.items():
        assert _leaks(text) == [], where
    terms = " ".join(word for word, _ in d.terms)
    assert _leaks(terms) == []
    assert "undicht" not in terms  # a keyword, not a term


def test_names_are_listed_when_pseudonyms_are_off(planted: Path) -> None:
    """Without pseudonyms the authors table shows the names (the test above can fail)."""
    path = planted / "engagement.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("pseudonymize: true", "pseudonymize: false"))
    engagement = load_engagement(planted)
    spec = get("monitoring")
    html = "".join(
        b
        for b in spec.render(spec.analyse(engagement.sections["monitoring"], engagement), "en")
        if isinstance(b, str)
    )
    assert "Sabine Kraemer" in html
