"""Loading and validating engagement files: clear messages with file, line and field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from smtoolkit.engagement import load_engagement, resolve_folder
from smtoolkit.errors import ConfigError, EngagementNotFoundError, UnsafePathError, ValidationError
from tests.conftest import MINIMAL


def test_demo_engagement_is_valid(root: Path) -> None:
    """The shipped demo client loads without a problem and includes every registered check."""
    engagement = load_engagement(root / "engagements" / "demo")
    assert engagement.client.name == "Hallberg Pumpen GmbH"
    assert engagement.slug == "demo"
    assert [s.slug for s in engagement.included()] == [s.slug for s in __import__("smtoolkit").registry()]


def test_schema_violation_names_file_line_path_value_and_bound(make_engagement: Callable[..., Path]) -> None:
    """A negative posting frequency is reported as file:line effort.channels[1].posts_per_week: -3 is not >= 0."""
    text = MINIMAL.replace("posts_per_week: 2,", "posts_per_week: -3,")
    folder = make_engagement(text=text)
    with pytest.raises(ValidationError) as caught:
        load_engagement(folder)
    (problem,) = caught.value.problems
    line = text.splitlines().index(next(li for li in text.splitlines() if "posts_per_week: -3" in li)) + 1
    assert problem.startswith(f"{caught.value.path}:{line} effort.channels[1].posts_per_week: -3 is not >= 0")
    assert caught.value.path.endswith("engagement.yaml")


def test_every_problem_is_reported_at_once(make_engagement: Callable[..., Path]) -> None:
    """Three mistakes in different sections give three lines, each with its own line number."""
    text = (
        MINIMAL.replace('name: "Muster GmbH"', 'name: ""')
        .replace("language: de", "language: fr")
        .replace("minutes_per_interaction: 3", "minutes_per_interaction: drei")
    )
    with pytest.raises(ValidationError) as caught:
        load_engagement(make_engagement(text=text))
    problems = caught.value.problems
    assert len(problems) == 3
    assert any(":3 client.name: is empty" in p for p in problems)
    assert any(":6 settings.language: 'fr' is not allowed" in p for p in problems)
    assert any("effort.minutes_per_interaction: 'drei' is not a number" in p for p in problems)


def test_malformed_yaml_names_the_line(make_engagement: Callable[..., Path]) -> None:
    """A YAML syntax error is a ConfigError naming the file and the line, not a traceback."""
    folder = make_engagement(text="client:\n  name: 'ACME\nsettings:\n  language: de\n")
    with pytest.raises(ConfigError, match=r"engagement\.yaml:\d+: YAML syntax error"):
        load_engagement(folder)


def test_unknown_section_and_unknown_field_are_errors(make_engagement: Callable[..., Path]) -> None:
    """Typos in section or field names are caught instead of being silently ignored."""
    text = MINIMAL.replace("effort:", "efort:\n  x: 1\neffort:").replace(
        "net_hours_per_fte", "net_hour_per_fte"
    )
    with pytest.raises(ValidationError) as caught:
        load_engagement(make_engagement(text=text))
    joined = "\n".join(caught.value.problems)
    assert "efort: is not a known section" in joined
    assert "effort.net_hour_per_fte: is not a known field" in joined


def test_unknown_check_in_settings_is_reported(make_engagement: Callable[..., Path]) -> None:
    """settings.checks may only name registered checks."""
    text = MINIMAL.replace("language: de", "language: de\n  checks: [effort, efort]")
    with pytest.raises(ValidationError, match=r"settings\.checks\[1\]: 'efort' is not a known check"):
        load_engagement(make_engagement(text=text))


def test_python_tags_are_refused_and_never_executed(
    make_engagement: Callable[..., Path], tmp_path: Path
) -> None:
    """A !!python tag is rejected with a message; the loader never constructs Python objects."""
    marker = tmp_path / "pwned"
    text = MINIMAL.replace('name: "Muster GmbH"', f"name: !!python/object/apply:os.system ['touch {marker}']")
    with pytest.raises(ConfigError, match="tags"):
        load_engagement(make_engagement(text=text))
    assert not marker.exists()


@pytest.mark.parametrize("logo", ["../outside.png", "/etc/passwd", "missing.png"])
def test_logo_must_be_a_file_inside_the_engagement(make_engagement: Callable[..., Path], logo: str) -> None:
    """A logo outside the engagement folder or a missing logo is a validation problem."""
    text = MINIMAL.replace(
        'firm_name: "Test Consulting"', f'firm_name: "Test Consulting"\n    logo: "{logo}"'
    )
    with pytest.raises(ValidationError, match=r"settings\.branding\.logo"):
        load_engagement(make_engagement(text=text))


def test_data_files_must_stay_inside_the_engagement(make_engagement: Callable[..., Path]) -> None:
    """data_file() resolves inside the folder and refuses to climb out."""
    engagement = load_engagement(make_engagement())
    assert engagement.data_file("data/posts.csv") == engagement.folder / "data" / "posts.csv"
    with pytest.raises(UnsafePathError):
        engagement.data_file("../other/engagement.yaml")


def test_missing_engagement_says_how_to_create_one(tmp_path: Path) -> None:
    """A folder without engagement.yaml raises EngagementNotFoundError with the `new` command."""
    with pytest.raises(EngagementNotFoundError, match="smtoolkit new"):
        resolve_folder(tmp_path / "nothing")


def test_relative_names_are_found_from_a_subfolder(
    make_engagement: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A notebook running in notebooks/ finds engagements/<slug> relative to the workspace."""
    folder = make_engagement()
    workspace = folder.parent.parent
    (workspace / "notebooks").mkdir()
    monkeypatch.chdir(workspace / "notebooks")
    assert resolve_folder("engagements/muster") == folder.resolve()


def test_empty_check_section_uses_defaults(make_engagement: Callable[..., Path]) -> None:
    """An engagement without an effort section loads with the section's defaults."""
    text = MINIMAL.split("effort:")[0]
    engagement = load_engagement(make_engagement(text=text))
    assert engagement.section("effort").model_dump()["channels"] == []


def test_impossible_date_names_the_line(make_engagement: Callable[..., Path]) -> None:
    """An unquoted date like 2026-13-01 is a ConfigError naming its line, not a crash."""
    text = MINIMAL.replace("language: de", "language: de\n  workshop_date: 2026-13-01")
    with pytest.raises(
        ConfigError, match=r"engagement\.yaml:7: month must be in 1\.\.12; write dates as YYYY-MM-DD"
    ):
        load_engagement(make_engagement(text=text))


@pytest.mark.parametrize("weight", ["-1", ".nan"])
def test_negative_or_missing_number_weights_are_refused_at_load(
    make_engagement: Callable[..., Path], weight: str
) -> None:
    """A negative or NaN weight is a validation problem naming file, line and settings.weights."""
    text = MINIMAL.replace("language: de", "language: de\n  weights: {effort: " + weight + "}")
    with pytest.raises(ValidationError, match=r"engagement\.yaml:7 settings\.weights\.effort: "):
        load_engagement(make_engagement(text=text))
