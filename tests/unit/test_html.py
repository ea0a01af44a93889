"""Client text is always escaped in page fragments."""

from __future__ import annotations

import re

from smtoolkit.checks.effort import EffortAnswers, analyse
from smtoolkit.models import Client
from smtoolkit.notebook import answers_blocks
from smtoolkit.present.html import heading, paragraph, recommendations_table, table

EVIL = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def test_tables_headings_and_paragraphs_escape_text() -> None:
    """Markup in any cell, heading or paragraph is shown as text."""
    for fragment in (table([EVIL], [[EVIL]]), heading(EVIL, "x"), paragraph(EVIL)):
        assert "<script>" not in fragment and "<img" not in fragment
        assert "&lt;script&gt;" in fragment


def test_answer_tables_escape_client_text() -> None:
    """A client's free text in an answer is escaped in the batch answers table."""
    blocks = answers_blocks("client", Client(name=EVIL, industry=EVIL), "de")
    html = "".join(b for b in blocks if isinstance(b, str))
    assert "<script>" not in html and 'onerror="' not in html


def test_recommendations_put_quick_wins_first() -> None:
    """Quick wins (impact above effort) lead, the higher impact first; the order matches the action plan."""
    answers = EffortAnswers.model_validate(
        {
            "channels": [{"platform": "linkedin"}],
            "available_hours_per_week": 0.1,
            "minutes_per_interaction": 0,
        }
    )
    html = recommendations_table(analyse(answers).recommendations, "en")
    rows = html.split("<tbody>")[1].split("</tr>")[:-1]
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", r) for r in rows]
    levels = [(c[1], c[2]) for c in cells]
    assert levels[0] == ("high", "medium")  # capacity gap: effort - impact = -1, impact 3
    assert levels[1] == ("medium", "low")  # interaction time: effort - impact = -1, impact 2
    assert all(level != ("medium", "medium") for level in levels[:2])
