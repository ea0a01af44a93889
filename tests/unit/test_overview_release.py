"""The delivery check's input rules, the publish guard on embedded images, and the zip bundle."""

from __future__ import annotations

import base64
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from smtoolkit.build.guard import find_problems
from smtoolkit.build.release import input_problems, placeholder_in, write_bundle
from smtoolkit.engagement import load_engagement
from tests.conftest import MINIMAL

#: Effort only, a real client name and a workshop date: nothing to refuse.
READY = MINIMAL.replace('name: "Muster GmbH"', 'name: "Nordwind Armaturen KG"').replace(
    "  language: de\n", "  language: de\n  checks: [effort]\n  workshop_date: 2026-11-12\n"
)


def line_of(text: str, fragment: str) -> int:
    """The 1-based line of the first line containing ``fragment``."""
    return next(n for n, line in enumerate(text.splitlines(), start=1) if fragment in line)


def check(make_engagement: Callable[..., Path], text: str) -> list[str]:
    """The input problems of an engagement written from ``text``."""
    return input_problems(load_engagement(make_engagement(text=text)))


def test_a_complete_engagement_has_no_input_problems(make_engagement: Callable[..., Path]) -> None:
    """Answers given, a real name and a workshop date: the input rules find nothing."""
    assert check(make_engagement, READY) == []


def test_missing_workshop_date_is_required_input(make_engagement: Callable[..., Path]) -> None:
    """Without settings.workshop_date the release names the settings line and the format to enter."""
    text = READY.replace("  workshop_date: 2026-11-12\n", "")
    (problem,) = check(make_engagement, text)
    assert f"engagement.yaml:{line_of(text, 'settings:')} settings.workshop_date: is empty" in problem
    assert "enter it as YYYY-MM-DD" in problem


def test_an_included_check_without_section_is_missing_input(make_engagement: Callable[..., Path]) -> None:
    """A check in settings.checks with no section in the file is reported with its notebook."""
    (problem,) = check(make_engagement, READY.replace("checks: [effort]", "checks: [effort, goals]"))
    assert "goals: check 02 Set goals has no answers (the section is missing)" in problem
    assert "notebooks/02_goals.ipynb" in problem and "settings.checks" in problem


def test_a_section_left_at_its_defaults_is_a_default_answer(make_engagement: Callable[..., Path]) -> None:
    """An included check whose section equals the model defaults (nothing answered) is refused."""
    text = (
        READY.replace("checks: [effort]", "checks: [effort, goals]")
        + "goals: {goals: [], realism_factor: 3}\n"
    )
    (problem,) = check(make_engagement, text)
    assert (
        f"engagement.yaml:{line_of(text, 'goals: {goals')} goals: every answer of check 02 Set goals"
        in problem
    )
    assert "is still the default" in problem


def test_an_example_client_name_is_a_placeholder(make_engagement: Callable[..., Path]) -> None:
    """The example name of `smtoolkit new --help` is not accepted as the client's name."""
    text = READY.replace("Nordwind Armaturen KG", "ACME  GmbH")
    (problem,) = check(make_engagement, text)
    assert f"engagement.yaml:{line_of(text, 'name:')} client.name: 'ACME GmbH' is an example name" in problem


def test_a_placeholder_marker_in_an_answer_is_named_with_its_line(
    make_engagement: Callable[..., Path],
) -> None:
    """TODO in a text answer names the file, line, field path and marker."""
    text = READY.replace("  market: B2B\n", '  market: B2B\n  industry: "Maschinenbau TODO"\n')
    (problem,) = check(make_engagement, text)
    assert f"engagement.yaml:{line_of(text, 'industry')} client.industry: 'Maschinenbau TODO'" in problem
    assert "still holds a placeholder ('TODO'); replace it with the real answer" in problem


def test_sections_of_excluded_checks_are_not_searched(make_engagement: Callable[..., Path]) -> None:
    """A marker in a check the engagement leaves out does not block the release."""
    text = READY + 'strategy:\n  areas:\n    - {area: pr, value: 3, feasibility: 3, note: "TODO"}\n'
    assert check(make_engagement, text) == []


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("TODO", "TODO"),
        ("Budget TBD", "TBD"),
        ("FIXME later", "FIXME"),
        ("Kontakt XXX", "XXX"),
        ("Wer???", "???"),
        ("Lorem ipsum dolor", "Lorem ipsum"),
        ("Platzhalter für den Zweck", "Platzhalter"),
        ("placeholder", "placeholder"),
        ("todo list of the team", None),
        ("XXL-Pumpen", None),
        ("Warum?", None),
    ],
)
def test_placeholder_markers(text: str, marker: str | None) -> None:
    """The markers are matched as whole words (TODO, TBD, FIXME, XXX in capitals) or ??? and lorem ipsum."""
    assert placeholder_in(text) == marker


def test_embedded_images_are_not_mistaken_for_local_paths() -> None:
    """Base64 image data that happens to spell /tmp is not a local path; the same text outside is."""
    spelled = base64.b64encode(b"\x00\x00\x00").decode() + "/tmp" + base64.b64encode(b"\x00\x00\x00").decode()
    page = f'<img src="data:image/png;base64,{spelled}">'
    assert find_problems(page, ["/tmp"]) == []
    (problem,) = find_problems("<p>saved in /tmp/x</p>", ["/tmp"])
    assert problem.kind == "local_path"


def test_the_bundle_holds_the_named_files_under_the_engagement_folder(tmp_path: Path) -> None:
    """write_bundle zips the named files as <slug>/<name>, and nothing else."""
    folder = tmp_path / "acme"
    folder.mkdir()
    for name in ("index.html", "00-overview.html", "build.json"):
        (folder / name).write_text(name, encoding="utf-8")
    bundle = write_bundle(tmp_path / "acme.zip", folder, ["index.html", "00-overview.html"])
    with zipfile.ZipFile(bundle) as archive:
        assert archive.namelist() == ["acme/index.html", "acme/00-overview.html"]
        assert archive.read("acme/00-overview.html") == b"00-overview.html"
