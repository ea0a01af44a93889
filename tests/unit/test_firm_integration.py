"""Firm settings reach every consumer: check lights, overview, live form, release check, `smtoolkit new`."""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from smtoolkit.build.release import input_problems
from smtoolkit.checks.base import DEFAULT_BANDS, Light
from smtoolkit.checks.registry import (
    ENTRY_POINT_GROUP,
    CheckSpec,
    get,
    load_plugins,
    register,
    registry,
)
from smtoolkit.engagement import load_engagement
from smtoolkit.firm import FIRM_FILE
from smtoolkit.notebook import CheckPage, open_check
from smtoolkit.overview import view
from smtoolkit.overview.analysis import assess
from smtoolkit.overview.charts import maturity_chart
from smtoolkit.scaffold import new_engagement
from smtoolkit.store import read_section
from tests.conftest import MINIMAL
from tests.plugins.expose import write_plugin

#: MINIMAL's effort check scores 84.9: green in the default bands 40/70.
EFFORT_SCORE = 84.9
#: Firm bands that make 84.9 red.
FIRM_BANDS = "[settings]\nbands = { amber = 85, green = 95 }\n"
#: MINIMAL, included checks limited to effort, with a workshop date and a real client name.
READY = MINIMAL.replace('name: "Muster GmbH"', 'name: "Nordwind Armaturen KG"').replace(
    "  language: de\n", "  language: de\n  checks: [effort]\n  workshop_date: 2026-11-12\n"
)


def write_firm(base: Path, text: str) -> Path:
    """Write ``smtoolkit.toml`` with ``text`` into ``base``."""
    path = base / FIRM_FILE
    path.write_text(text, encoding="utf-8")
    return path


def wrapped_once(spec: CheckSpec) -> bool:
    """True when ``spec.analyse`` is settings-aware and wraps a plain (unwrapped) analysis."""
    inner = getattr(spec.analyse, "__wrapped__", None)
    return (
        getattr(spec.analyse, "__smtoolkit_settings_aware__", False)
        and inner is not None
        and not getattr(inner, "__smtoolkit_settings_aware__", False)
    )


# 1. registry: every registered analysis applies the engagement's bands


def test_registered_analysis_takes_bands_from_firm_file_and_engagement(
    tmp_path: Path, make_engagement: Callable[..., Path]
) -> None:
    """The registered effort analysis is green by default, red in the firm's bands, amber in the engagement's."""
    effort = get("effort")
    folder = make_engagement(text=MINIMAL)

    def light() -> Light:
        engagement = load_engagement(folder)
        result = effort.analyse(engagement.section("effort"), engagement)
        assert result.score == EFFORT_SCORE
        return result.light

    assert light() is Light.GREEN
    write_firm(tmp_path, FIRM_BANDS)
    assert light() is Light.RED
    (folder / "engagement.yaml").write_text(
        MINIMAL.replace("  language: de\n", "  language: de\n  bands: {amber: 50}\n"), encoding="utf-8"
    )
    assert light() is Light.AMBER


def test_every_builtin_check_is_wrapped_exactly_once() -> None:
    """Each registered check's analysis is settings-aware around the check's own function, not twice."""
    assert all(wrapped_once(spec) for spec in registry())


def test_registering_a_registered_spec_again_keeps_it() -> None:
    """Registering the spec the registry already holds returns that very spec, not another wrapper."""
    effort = get("effort")
    assert register(effort) is effort
    assert get("effort") is effort


def test_plugin_checks_from_entry_points_are_wrapped_once(
    isolated: Path, tmp_path: Path, make_engagement: Callable[..., Path]
) -> None:
    """A plugin registering itself and one naming a bare CheckSpec both carry the firm's bands."""
    write_plugin(
        isolated,
        "smt_bare",
        "from pathlib import Path\n"
        "from pydantic import BaseModel\n"
        "from smtoolkit.checks.base import Criterion, Result\n"
        "from smtoolkit.checks.registry import CheckSpec\n"
        "from smtoolkit.messages import Message\n"
        "class Answers(BaseModel):\n"
        "    done: bool = False\n"
        "def analyse(answers, engagement):\n"
        "    return Result('extra', (Criterion(Message('x'), 60.0, 100.0),), (), ())\n"
        "SPEC = CheckSpec(12, 'extra', Answers, analyse, lambda result, language: [], {},\n"
        '    notebook_file=Path(__file__).parent / "check.ipynb")\n',
    )
    problems = load_plugins(
        [
            EntryPoint("dealer_network", "smt_dealer_network:SPEC", ENTRY_POINT_GROUP),
            EntryPoint("extra", "smt_bare:SPEC", ENTRY_POINT_GROUP),
        ]
    )
    assert problems == []
    write_firm(tmp_path, FIRM_BANDS)
    engagement = load_engagement(make_engagement(text=MINIMAL))
    for slug in ("dealer_network", "extra"):
        spec = get(slug)
        assert wrapped_once(spec), slug
        assert spec.analyse(engagement.section(slug), engagement).bands == (85.0, 95.0), slug
    assert get("extra").analyse(engagement.section("extra"), engagement).light is Light.RED


# 2. overview: the index's light and the chart use the engagement's bands


def test_overview_index_light_uses_the_firm_bands(
    tmp_path: Path, make_engagement: Callable[..., Path]
) -> None:
    """The assessment carries the effective bands; its index light and every check's light follow them."""
    folder = make_engagement(text=READY)
    plain = assess(load_engagement(folder))
    assert plain.bands == DEFAULT_BANDS
    assert plain.index == EFFORT_SCORE and plain.light is Light.GREEN
    write_firm(tmp_path, FIRM_BANDS)
    firm = assess(load_engagement(folder))
    assert firm.bands == (85.0, 95.0)
    assert firm.light is Light.RED
    assert [item.light for item in firm.summary] == [Light.RED] * len(firm.summary)


def test_overview_chart_is_drawn_over_the_engagement_bands(
    tmp_path: Path, make_engagement: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scores section hands the assessment's bands to the maturity chart."""
    seen: dict[str, Any] = {}

    def chart(*args: Any, **kwargs: Any) -> Figure:
        seen.update(kwargs)
        return maturity_chart(*args, **kwargs)

    monkeypatch.setattr(view, "maturity_chart", chart)
    write_firm(tmp_path, FIRM_BANDS)
    view.scores_blocks(assess(load_engagement(make_engagement(text=READY))), "en")
    assert seen["bands"] == (85.0, 95.0)


@pytest.mark.parametrize("checks", [2, 3])
def test_chart_band_areas_follow_the_bands(checks: int) -> None:
    """Bars (two checks) and radar (three) shade red, amber and green from the bands they are given."""
    figure = maturity_chart(
        [f"c{i}" for i in range(checks)], [50.0] * checks, title="t", current_label="now", bands=(30.0, 60.0)
    )
    axes = figure.axes[0]
    shades = {"#fbe4e1": "red", "#fdf1dc": "amber", "#e4f3e8": "green"}
    found: dict[str, tuple[float, float]] = {}
    artists: list[Any] = [*axes.patches, *axes.collections]
    for artist in artists:
        face = np.atleast_2d(artist.get_facecolor())[0]
        name = shades.get(to_hex(face, keep_alpha=False))
        if name is None:
            continue
        if checks == 2:
            xs = axes.transData.inverted().transform(artist.get_verts())[:, 0]
            found[name] = (round(min(xs), 6), round(max(xs), 6))
        else:
            radii = [v[1] for path in artist.get_paths() for v in path.vertices]
            found[name] = (round(min(radii), 6), round(max(radii), 6))
    plt.close(figure)
    assert found == {"red": (0.0, 30.0), "amber": (30.0, 60.0), "green": (60.0, 100.0)}


# 3. live form: shows firm defaults, never saves them


@pytest.fixture
def live(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend to run inside JupyterLab, without a frontend (widgets still work)."""
    monkeypatch.setenv("SMTOOLKIT_MODE", "live")
    monkeypatch.delenv("SMTOOLKIT_ENGAGEMENT", raising=False)


def live_effort(folder: Path) -> CheckPage:
    """The effort page of ``folder`` with its form built and saves delayed until flushed."""
    page = open_check("effort", str(folder))
    page._build_form()
    page.saver.delay = 60
    return page


def test_live_form_shows_firm_defaults_and_saves_only_own_values(
    tmp_path: Path, make_engagement: Callable[..., Path], live: None
) -> None:
    """The form shows the firm's agency day rate; saving another answer leaves it out of engagement.yaml."""
    write_firm(tmp_path, "[checks.effort]\nagency_day_rate = 650\n")
    folder = make_engagement(text=MINIMAL)
    page = live_effort(folder)
    assert page.form.controls["agency_day_rate"].widget.value == "650"
    page.form.controls["reporting_hours_per_week"].widget.value = "4"
    assert page.saver.flush()
    saved = read_section(folder, "effort")
    assert saved["reporting_hours_per_week"] == 4
    assert "agency_day_rate" not in saved
    assert "agency_day_rate" not in (folder / "engagement.yaml").read_text(encoding="utf-8")
    assert load_engagement(folder).section("effort").agency_day_rate == 650  # type: ignore[attr-defined]


def test_live_form_saves_an_answer_changed_from_the_firm_default(
    tmp_path: Path, make_engagement: Callable[..., Path], live: None
) -> None:
    """An answer the consultant changes away from the firm's default is saved as the engagement's own."""
    write_firm(tmp_path, "[checks.effort]\nagency_day_rate = 650\n")
    folder = make_engagement(text=MINIMAL)
    page = live_effort(folder)
    page.form.controls["agency_day_rate"].widget.value = "700"
    assert page.saver.flush()
    assert read_section(folder, "effort")["agency_day_rate"] == 700


# 4. release: a section holding only defaults, the toolkit's or the firm's, is unanswered


@pytest.mark.parametrize(
    ("section", "unanswered"),
    [
        ("strategy:\n  dormant_days:\n", True),
        ("strategy: {}\n", True),
        ("strategy:\n  dormant_days: 90\n", True),
        ("strategy:\n  dormant_days: 30\n", False),
    ],
)
def test_a_section_with_only_firm_defaults_is_unanswered(
    tmp_path: Path, make_engagement: Callable[..., Path], section: str, unanswered: bool
) -> None:
    """Firm defaults and toolkit defaults alone do not answer a check; a value of the engagement's own does."""
    write_firm(tmp_path, "[checks.strategy]\ndormant_days = 60\n")
    text = READY.replace("checks: [effort]", "checks: [effort, strategy]") + section
    problems = input_problems(load_engagement(make_engagement(text=text)))
    assert any("strategy: every answer of check" in p and "still the default" in p for p in problems) is (
        unanswered
    ), problems


# 5. `smtoolkit new`: the skeleton inherits the firm's language


def test_new_engagement_takes_the_firm_language(tmp_path: Path) -> None:
    """Without a language the skeleton leaves it empty: the firm's en applies; an explicit de stays de."""
    write_firm(tmp_path, '[settings]\nlanguage = "en"\n')
    root = tmp_path / "engagements"
    inherited = load_engagement(new_engagement(root, "acme", "Acme GmbH"))
    assert inherited.settings.language == "en"
    assert inherited.document["settings"]["language"] is None
    assert load_engagement(new_engagement(root, "own", "Own GmbH", language="de")).settings.language == "de"


def test_new_engagement_without_firm_file_is_valid_in_german(tmp_path: Path) -> None:
    """With no firm file above it, the skeleton validates and takes the toolkit's language, de."""
    engagement = load_engagement(new_engagement(tmp_path / "engagements", "acme", "Acme GmbH"))
    assert engagement.firm is None
    assert engagement.settings.language == "de"


def test_new_engagement_refuses_an_unknown_language(tmp_path: Path) -> None:
    """A language other than de or en is refused, naming the choices and the firm default."""
    from smtoolkit.errors import ConfigError

    with pytest.raises(ConfigError, match="'fr' is not available; expected one of de, en, or leave it out"):
        new_engagement(tmp_path, "acme", "Acme GmbH", language="fr")
    assert not (tmp_path / "acme").exists()
