"""A file the importers cannot read never fails a page: it is listed as "not read" by name only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from smtoolkit.build.guard import find_problems
from smtoolkit.checks.registry import get
from smtoolkit.engagement import load_engagement
from smtoolkit.i18n import render
from smtoolkit.overview.analysis import assess
from smtoolkit.overview.view import summary_blocks
from tests.unit.test_monitoring import ANSWERS, ENGAGEMENT, MENTIONS


@pytest.fixture
def with_stray(make_engagement: Callable[..., Path]) -> Path:
    """The monitoring test engagement with its mentions and a stray `notes.csv` (`a,b` / `1,2`)."""
    text = ENGAGEMENT.replace("settings:\n", "settings:\n  checks: [monitoring]\n")
    folder = make_engagement("muster", text + "monitoring:\n" + _yaml(ANSWERS))
    (folder / "data").mkdir()
    (folder / "data" / "mentions.csv").write_text(MENTIONS, encoding="utf-8")
    (folder / "data" / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return folder


def _yaml(answers: dict[str, object]) -> str:
    import json

    return "".join(f"  {key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in answers.items())


def _guarded(folder: Path) -> list[str]:
    return [str(folder), str(folder.resolve()), str(folder.parent), str(Path.home())]


def test_monitoring_lists_a_stray_file_by_name_and_uses_the_mentions(with_stray: Path) -> None:
    """06 says "Not read: notes.csv: unknown file format ..." without path or first row, and counts 8 mentions."""
    engagement = load_engagement(with_stray)
    spec = get("monitoring")
    result = spec.analyse(engagement.sections["monitoring"], engagement)
    texts = [render(f, "en") for f in result.findings]
    stray = [t for t in texts if "notes.csv" in t]
    assert stray and stray[0].startswith("Not read: data/notes.csv: unknown file format")
    assert not any("a, b" in t or str(with_stray) in t for t in texts)
    html = "".join(b for b in spec.render(result, "en") if isinstance(b, str))
    assert find_problems(html + "".join(texts), _guarded(with_stray)) == []
    assert result.details.mentions is not None and len(result.details.mentions.table) == 8


def test_overview_summary_carries_no_path_for_a_stray_file(with_stray: Path) -> None:
    """The overview's executive summary of the same engagement passes the publish guard."""
    engagement = load_engagement(with_stray)
    html = "".join(summary_blocks(assess(engagement), "en"))
    assert find_problems(html, _guarded(with_stray)) == []
