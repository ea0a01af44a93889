"""Client text in charts is plain text: dollars, backslashes, braces and percent never start mathtext."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from smtoolkit.checks.registry import registry
from smtoolkit.engagement import load_engagement
from smtoolkit.overview.analysis import assess
from smtoolkit.overview.view import scores_blocks, summary_blocks
from smtoolkit.present import charts
from tests.conftest import ROOT
from tests.unit.test_monitoring import MENTIONS

#: Text that mathtext rejects (an even number of `$` around an unknown macro), braces, percent, backslash.
HOSTILE = r"Budget $\undefinedmacro$ {x}^2 100% C:\temp"


def test_png_draws_hostile_text_in_titles_ticks_legends_and_annotations() -> None:
    """A figure with the hostile text everywhere renders to a PNG."""
    fig, ax = plt.subplots()
    ax.barh([0, 1], [1, 2], label=HOSTILE)
    ax.set_yticks([0, 1], [HOSTILE, "b"])
    ax.set_title(HOSTILE)
    ax.set_xlabel(HOSTILE)
    ax.annotate(HOSTILE, (1, 1))
    ax.legend()
    fig.suptitle(HOSTILE)
    assert charts.png(fig).startswith(b"\x89PNG")


def test_plain_keeps_the_text_as_written_on_one_line() -> None:
    """`plain` keeps every character and only joins lines."""
    assert charts.plain("Budget $x$\n 100%") == "Budget $x$ 100%"


@pytest.fixture(scope="module")
def hostile_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo engagement with the hostile text in every name, label and the round's name."""
    folder = tmp_path_factory.mktemp("hostile") / "demo"
    shutil.copytree(ROOT / "engagements" / "demo", folder, ignore=shutil.ignore_patterns("*.csv", "*.xlsx"))
    (folder / "data" / "mentions.csv").write_text(MENTIONS, encoding="utf-8")  # 06 and 08 draw names
    path = folder / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    quoted = HOSTILE.replace("\\", "\\\\")
    text = re.sub(
        r'(\b(?:name|label|title): )"([^"\n]*)"', lambda m: f'{m.group(1)}"{m.group(2)[:24]} {quoted}"', text
    )
    path.write_text(text, encoding="utf-8")
    return folder


def test_every_check_and_the_overview_render_the_hostile_names(hostile_demo: Path) -> None:
    """Each check's page body and the overview's radar render with the text in client, round and item names."""
    engagement = load_engagement(hostile_demo)
    assert HOSTILE in engagement.client.name and HOSTILE in engagement.rounds[0].name
    for spec in registry():
        result = spec.analyse(engagement.sections[spec.slug], engagement)
        blocks = spec.render(result, "de")
        assert blocks, spec.slug
    assessment = assess(engagement)
    html = "".join(scores_blocks(assessment, "en")) + "".join(summary_blocks(assessment, "en"))
    assert 'class="smt-chart"' in html
    assert "\\undefinedmacro" in html  # the round's name in the chart's alt text, as written
