"""Plugin checks: entry points register a check like a built-in; a bad plugin is reported, not raised."""

from __future__ import annotations

from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
from pydantic import ValidationError

from smtoolkit.checks.registry import (
    ENTRY_POINT_GROUP,
    CheckSpec,
    PluginProblem,
    get,
    load_plugins,
    registry,
)
from smtoolkit.overview.spec import OVERVIEW
from smtoolkit.resources import notebooks_dir
from tests.plugins.expose import EXAMPLE, write_plugin

EXAMPLE_ENTRY = EntryPoint("dealer_network", "smt_dealer_network:SPEC", ENTRY_POINT_GROUP)


def plugin_init(number: int, slug: str, *, before: str = "", after: str = "") -> str:
    """The ``__init__.py`` of a small plugin registering check ``number``/``slug``."""
    return (
        "from pathlib import Path\n"
        "from pydantic import BaseModel\n"
        "from smtoolkit.checks.base import Result\n"
        "from smtoolkit.checks.registry import CheckSpec, register\n"
        f"{before}\n"
        "class Answers(BaseModel):\n"
        "    done: bool = False\n"
        "def analyse(answers, engagement):\n"
        f"    return Result({slug!r}, (), (), ())\n"
        "SPEC = register(CheckSpec(\n"
        f"    {number}, {slug!r}, Answers, analyse, lambda result, language: [], {{}},\n"
        '    notebook_file=Path(__file__).parent / "check.ipynb",\n'
        "))\n"
        f"{after}\n"
    )


def entry(name: str, value: str) -> EntryPoint:
    """An entry point of the smtoolkit.checks group."""
    return EntryPoint(name, value, ENTRY_POINT_GROUP)


def only(problems: list[PluginProblem]) -> PluginProblem:
    """The single problem of a load."""
    assert len(problems) == 1, problems
    return problems[0]


def test_example_plugin_joins_the_registry_after_the_standard_checks(isolated: Path) -> None:
    """Loading the example's entry point registers check 11 with its own notebook, last in order."""
    assert load_plugins([EXAMPLE_ENTRY]) == []
    spec = get(11)
    assert spec is get("dealer_network") and registry()[-1] is spec
    assert not spec.builtin and get("effort").builtin
    assert spec.notebook_path() == EXAMPLE / "smt_dealer_network" / "notebooks" / "11_dealer_network.ipynb"
    assert spec.notebook == "11_dealer_network.ipynb" and spec.page == "11-dealer-network.html"


def test_standard_and_overview_notebooks_come_from_the_toolkit() -> None:
    """A built-in check and the overview find their standard notebook under notebooks/."""
    assert get("effort").notebook_path() == notebooks_dir() / "04_effort.ipynb"
    assert OVERVIEW.notebook_path() == notebooks_dir() / "00_overview.ipynb"
    assert all(spec.notebook_path().is_file() for spec in registry() if spec.builtin)


def test_plugin_that_fails_to_import_is_reported_and_the_standard_checks_stay(isolated: Path) -> None:
    """An import error becomes a problem naming the entry point, the error and what to do."""
    before = [spec.slug for spec in registry()]
    write_plugin(
        isolated, "smt_broken", plugin_init(12, "extra", before="import smt_not_installed_dependency")
    )
    problem = only(load_plugins([entry("broken", "smt_broken")]))
    assert problem.entry_point == "broken" and problem.distribution == "an unknown distribution"
    assert "ModuleNotFoundError" in problem.message and "smt_not_installed_dependency" in problem.message
    assert "uninstall" in problem.message
    assert str(problem).startswith("plugin check 'broken' (from an unknown distribution) is left out: ")
    assert [spec.slug for spec in registry()] == before


def test_plugin_that_fails_after_registering_leaves_nothing_behind(isolated: Path) -> None:
    """A check registered before the module raised is taken out of the registry again."""
    write_plugin(isolated, "smt_halfway", plugin_init(12, "extra", after="raise RuntimeError('boom')"))
    problem = only(load_plugins([entry("halfway", "smt_halfway")]))
    assert "RuntimeError: boom" in problem.message
    assert "extra" not in [spec.slug for spec in registry()]


def test_plugin_may_not_use_a_standard_number(isolated: Path) -> None:
    """Numbers 1-10 belong to the Bitkom points: a plugin check 04 is refused with the allowed range."""
    write_plugin(isolated, "smt_four", plugin_init(4, "extra"))
    problem = only(load_plugins([entry("four", "smt_four")]))
    assert "number 4" in problem.message and "from 11 to 99" in problem.message
    assert get(4).slug == "effort"


def test_plugin_number_taken_by_another_plugin_is_reported(isolated: Path) -> None:
    """A second plugin claiming number 11 is left out; the first one keeps it."""
    write_plugin(isolated, "smt_other", plugin_init(11, "extra"))
    problem = only(load_plugins([EXAMPLE_ENTRY, entry("other", "smt_other")]))
    assert problem.entry_point == "other"
    assert "check number 11 is taken by 'dealer_network'" in problem.message
    assert get(11).slug == "dealer_network"


def test_plugin_may_not_take_a_standard_slug(isolated: Path) -> None:
    """A plugin registering the slug of a standard check is refused; the standard check stays."""
    effort = get("effort")
    write_plugin(isolated, "smt_effort", plugin_init(12, "effort"), slug="effort")
    problem = only(load_plugins([entry("effort2", "smt_effort")]))
    assert "check slug 'effort' is taken by check 04" in problem.message
    assert get("effort") is effort


def test_plugin_without_its_notebook_is_refused(isolated: Path) -> None:
    """A notebook_file that does not exist is reported with the path and the fix."""
    folder = write_plugin(isolated, "smt_nonb", plugin_init(12, "extra"))
    (folder / "check.ipynb").unlink()
    problem = only(load_plugins([entry("nonb", "smt_nonb")]))
    assert "check.ipynb" in problem.message and "does not exist" in problem.message


def test_plugin_texts_must_stay_in_their_own_names(isolated: Path) -> None:
    """A plugin redefining a shared text would break every catalog, so it is left out."""
    folder = write_plugin(isolated, "smt_texts", plugin_init(12, "extra"))
    (folder / "i18n" / "en.yaml").write_text('common:\n  yes: "sure"\n', encoding="utf-8")
    problem = only(load_plugins([entry("texts", "smt_texts")]))
    assert "smt_texts/i18n/en.yaml defines texts outside its own names" in problem.message
    assert "extra" not in [spec.slug for spec in registry()]


def test_entry_point_that_registers_nothing_is_reported(isolated: Path) -> None:
    """An entry point whose module registers no check says what the module must do."""
    (isolated / "smt_empty.py").write_text("VALUE = 1\n", encoding="utf-8")
    problem = only(load_plugins([entry("empty", "smt_empty")]))
    assert "registered no check" in problem.message and "register(CheckSpec(...))" in problem.message


def test_entry_point_may_name_an_unregistered_spec(isolated: Path) -> None:
    """An entry point naming a CheckSpec the module did not register is registered by the loader."""
    init = plugin_init(12, "extra").replace("SPEC = register(CheckSpec(", "SPEC = (CheckSpec(")
    write_plugin(isolated, "smt_plain", init)
    assert load_plugins([entry("plain", "smt_plain:SPEC")]) == []
    assert isinstance(get(12), CheckSpec) and get(12).slug == "extra"


def test_dealer_network_scores_the_worked_example(isolated: Path) -> None:
    """4 dealers, 3 with a presence, 2 active, a content kit, no guidelines: 37.5 + 20 + 10 + 0 = 67.5."""
    from smt_dealer_network import DealerNetworkAnswers, analyse

    answers = DealerNetworkAnswers.model_validate(
        {
            "dealers": [
                {"name": "Autohaus Berg", "city": "Kassel", "has_profile": True, "active": True},
                {"name": "Mobil Nord", "city": "Kiel", "has_profile": True, "active": True},
                {"name": "Rad & Tat", "city": "Fulda", "has_profile": True, "active": False},
                {"name": "Süd-Service", "city": "Ulm", "has_profile": False},
            ],
            "content_kit": True,
            "guidelines_shared": False,
        }
    )
    result = analyse(answers, None)
    assert [c.points for c in result.criteria] == [37.5, 20.0, 10, 0]
    assert result.score == 67.5 and result.light.value == "amber"
    assert [f.key.rsplit(".", 1)[1] for f in result.findings] == [
        "presence",
        "missing",
        "inactive",
        "content_kit",
        "no_guidelines",
    ]
    assert result.findings[1].params["dealers"] == "Süd-Service (Ulm)"
    assert [r.text.key.rsplit(".", 1)[1] for r in result.recommendations] == [
        "onboard",
        "activate",
        "guidelines",
    ]


def test_dealer_network_without_dealers_scores_zero(isolated: Path) -> None:
    """Without dealers every criterion is 0 and the only action is to record the dealers."""
    from smt_dealer_network import DealerNetworkAnswers, analyse

    result = analyse(DealerNetworkAnswers(content_kit=True, guidelines_shared=True), None)
    assert [c.points for c in result.criteria] == [0, 0, 0, 0] and result.score == 0
    assert [f.key for f in result.findings] == ["dealer_network.finding.no_dealers"]
    assert [r.text.key for r in result.recommendations] == ["dealer_network.rec.record"]


def test_dealer_network_refuses_a_dealer_listed_twice(isolated: Path) -> None:
    """The same dealer name twice is a validation error that says to keep one row."""
    from smt_dealer_network import DealerNetworkAnswers

    with pytest.raises(ValidationError, match="listed twice"):
        DealerNetworkAnswers.model_validate({"dealers": [{"name": "Berg"}, {"name": "berg"}]})


def test_plugin_slug_may_not_be_a_name_of_the_shared_texts(isolated: Path) -> None:
    """A slug such as 'platform' would mix the plugin's texts into a shared vocabulary, so it is refused."""
    write_plugin(isolated, "smt_platform", plugin_init(12, "platform"), slug="platform")
    problem = only(load_plugins([entry("platform", "smt_platform")]))
    assert "its slug 'platform' is a name of the toolkit's own texts" in problem.message
    assert "platform" not in [spec.slug for spec in registry()]
