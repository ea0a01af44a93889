"""An installed plugin is found through its entry point in a fresh process: registry, texts, validate, overview."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from smtoolkit.checks.registry import get
from smtoolkit.engagement import load_engagement
from tests.conftest import MINIMAL
from tests.plugins.expose import environment, expose_example, write_dist_info, write_plugin

DEALERS = textwrap.dedent(
    """\
    dealer_network:
      dealers:
        - {name: "Autohaus Berg", city: Kassel, has_profile: true, platforms: [facebook, instagram], active: true}
        - {name: "Mobil Nord", city: Kiel, has_profile: true, platforms: [facebook], active: true}
        - {name: "Rad & Tat", city: Fulda, has_profile: true, active: false}
        - {name: "Süd-Service", city: Ulm, has_profile: false}
      content_kit: true
      guidelines_shared: false
    """
)
WITH_DEALERS = (
    MINIMAL.replace(
        "settings:\n  language: de\n",
        "settings:\n  language: de\n  checks: [effort, dealer_network]\n  weights: {dealer_network: 2}\n",
    )
    + DEALERS
)


def run(args: list[str], paths: list[Path], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python ARGS`` with ``paths`` on its sys.path."""
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=environment(paths), cwd=cwd, timeout=300
    )


def probe(code: str, paths: list[Path]) -> object:
    """Run a Python snippet that prints JSON in a fresh process; return what it printed."""
    result = run(["-c", textwrap.dedent(code)], paths)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def example(tmp_path: Path) -> list[Path]:
    """The sys.path entries under which the example plugin is installed."""
    return expose_example(tmp_path / "site")


def test_installed_plugin_is_in_the_registry_with_its_texts(example: list[Path]) -> None:
    """The entry point of the example's pyproject.toml registers check 11 with de and en titles."""
    found = probe(
        """
        import json
        from smtoolkit.checks.registry import registry, plugin_problems
        from smtoolkit.i18n import catalog
        print(json.dumps({
            "checks": [[s.number, s.slug] for s in registry()],
            "problems": [str(p) for p in plugin_problems()],
            "titles": [s.title(lang) for s in registry()[-1:] for lang in ("de", "en")],
            "same_keys": set(catalog("de")) == set(catalog("en")),
        }))
        """,
        example,
    )
    assert isinstance(found, dict)
    assert found["checks"][-1] == [11, "dealer_network"] and len(found["checks"]) == 11
    assert found["problems"] == []
    assert found["titles"] == ["11 Händlernetz", "11 Dealer network"]
    assert found["same_keys"] is True


def test_validate_checks_the_plugin_section(
    example: list[Path], make_engagement: Callable[..., Path]
) -> None:
    """`smtoolkit validate` accepts the plugin's section and reports a wrong value with file and line."""
    good = make_engagement("good", WITH_DEALERS)
    text = WITH_DEALERS.replace("has_profile: false}", "has_profile: maybe}")
    bad = make_engagement("bad", text)
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if "maybe" in row)
    result = run(["-m", "smtoolkit", "validate", str(good), str(bad)], example)
    assert result.returncode == 2
    assert "ok: good (Muster GmbH)" in result.stdout
    expected = f"engagement.yaml:{line} dealer_network.dealers[3].has_profile: 'maybe'"
    assert expected in result.stderr.replace("\n", "")
    assert "Traceback" not in result.stderr


def test_overview_weights_and_plans_the_plugin_check(
    example: list[Path], make_engagement: Callable[..., Path]
) -> None:
    """The overview counts check 11 with its weight in the index and puts its actions in the plan."""
    folder = make_engagement("acme", WITH_DEALERS)
    found = probe(
        f"""
        import json
        from smtoolkit.engagement import load_engagement
        from smtoolkit.overview import assess
        a = assess(load_engagement({str(folder)!r}))
        print(json.dumps({{
            "scores": {{o.spec.slug: [o.score, o.weight] for o in a.outcomes}},
            "index": a.index,
            "plan": [[item.spec.slug, item.recommendation.text.key] for item in a.plan],
            "summary": sorted({{item.spec.slug for item in a.summary}}),
        }}))
        """,
        example,
    )
    assert isinstance(found, dict)
    plain = make_engagement("plain", MINIMAL)
    effort = get("effort").analyse(load_engagement(plain).section("effort"), load_engagement(plain)).score
    assert found["scores"] == {"effort": [effort, 1.0], "dealer_network": [67.5, 2.0]}
    assert found["index"] == pytest.approx(round((effort + 2 * 67.5) / 3, 1), abs=0.051)
    dealer_actions = [key for slug, key in found["plan"] if slug == "dealer_network"]
    assert sorted(dealer_actions) == [
        "dealer_network.rec.activate",
        "dealer_network.rec.guidelines",
        "dealer_network.rec.onboard",
    ]
    assert "dealer_network" in found["summary"]


def test_broken_plugin_is_reported_and_the_other_checks_work(
    tmp_path: Path, example: list[Path], make_engagement: Callable[..., Path]
) -> None:
    """Validate and build print the broken plugin with its distribution; validation and --only still work."""
    site = tmp_path / "site"
    write_plugin(site, "smt_broken", "import smt_missing_dependency\n")
    write_dist_info(site, "smt-broken", "0.2.0", {"broken": "smt_broken"})
    folder = make_engagement("acme", WITH_DEALERS)
    expected = (
        "plugin check 'broken' (from the distribution smt-broken 0.2.0) is left out: importing 'smt_broken'"
    )
    validated = run(["-m", "smtoolkit", "validate", str(folder)], example)
    assert validated.returncode == 0, validated.stderr
    assert "ok: acme (Muster GmbH)" in validated.stdout
    stderr = " ".join(validated.stderr.split())
    assert expected in stderr and "No module named 'smt_missing_dependency'" in stderr
    assert "Traceback" not in validated.stderr
    built = run(
        ["-m", "smtoolkit", "build", str(folder), "--only", "99", "--out", str(tmp_path / "r")], example
    )
    assert built.returncode == 2
    assert expected in " ".join(built.stderr.split()) and "'99' is not a known check" in built.stderr


def test_clashing_plugin_number_is_reported(
    tmp_path: Path, example: list[Path], make_engagement: Callable[..., Path]
) -> None:
    """A second distribution claiming number 11 is left out with the clash named; check 11 stays the example's."""
    site = tmp_path / "site"
    init = (
        "from pathlib import Path\n"
        "from smtoolkit.checks.effort import EffortAnswers, analyse, render\n"
        "from smtoolkit.checks.registry import CheckSpec, register\n"
        "class Answers(EffortAnswers):\n"
        "    pass\n"
        "register(CheckSpec(11, 'extra', Answers, analyse, render, {}, "
        "notebook_file=Path(__file__).parent / 'check.ipynb'))\n"
    )
    write_plugin(site, "smt_rival", init)
    write_dist_info(site, "smt-rival", "1.0", {"rival": "smt_rival"})
    result = run(["-m", "smtoolkit", "validate", str(make_engagement("acme", WITH_DEALERS))], example)
    assert result.returncode == 0, result.stderr
    stderr = " ".join(result.stderr.split())
    assert (
        "plugin check 'rival' (from the distribution smt-rival 1.0) is left out: check number 11 is taken by 'dealer_network'"
        in stderr
    )
