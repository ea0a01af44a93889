"""`smtoolkit config`: every effective setting with its source; bad firm files without a traceback."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from tests.cli.test_cli import assert_no_traceback, run

BARE = 'client:\n  name: "Muster GmbH"\nsettings:\n  language: de\nstrategy:\n  dormant_days: 30\n'
FIRM = (
    '[firm]\nname = "Nordlicht Consulting"\nprimary_color = "#0a7e8c"\n\n'
    '[settings]\nlanguage = "en"\nbands = { amber = 50, green = 80 }\n\n'
    "[checks.strategy]\ndormant_days = 60\n\n[checks.people]\ntraining_threshold = 0.6\n"
)


def columns(stdout: str) -> dict[str, tuple[str, str]]:
    """The output's rows as key -> (value, source)."""
    rows = {}
    for line in stdout.splitlines():
        match = re.match(r"^(\S+)\s{2,}(.+?)\s{2,}(.+)$", line)
        if match:
            rows[match.group(1)] = (match.group(2).strip(), match.group(3).strip())
    return rows


def test_config_shows_values_and_sources(tmp_path: Path, make_engagement: Callable[..., Path]) -> None:
    """Each setting shows its effective value and whether the engagement, firm file or toolkit set it."""
    (tmp_path / "smtoolkit.toml").write_text(FIRM, encoding="utf-8")
    folder = make_engagement(text=BARE)
    result = run("config", str(folder), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "firm file: smtoolkit.toml" in result.stdout
    rows = columns(result.stdout)
    assert rows["settings.language"] == ("de", "engagement engagements/muster/engagement.yaml:4")
    assert rows["settings.branding.firm_name"] == ("Nordlicht Consulting", "firm smtoolkit.toml:2")
    assert rows["settings.branding.primary_color"] == ("#0a7e8c", "firm smtoolkit.toml:3")
    assert rows["settings.bands.amber"] == ("50", "firm smtoolkit.toml:7")
    assert rows["settings.workshop_date"] == ("(empty)", "toolkit default")
    assert rows["settings.checks"] == ("(empty: all checks)", "toolkit default")
    assert rows["strategy.dormant_days"] == ("30", "engagement engagements/muster/engagement.yaml:6")
    assert rows["people.training_threshold"] == ("0.6", "firm smtoolkit.toml:13")
    assert rows["firm.template"][1] == "toolkit default"
    assert "effort.gross_salary" not in rows


def test_config_all_lists_every_single_valued_answer(make_engagement: Callable[..., Path]) -> None:
    """`--all` adds each included check's single-valued answers with their sources."""
    result = run("config", str(make_engagement(text=BARE)), "--all")
    assert result.returncode == 0, result.stderr
    rows = columns(result.stdout)
    assert rows["effort.gross_salary"] == ("36100", "toolkit default")
    assert rows["strategy.dormant_days"][0] == "30"
    assert "firm file: none" in result.stdout


def test_config_reports_a_bad_firm_file_with_line(
    tmp_path: Path, make_engagement: Callable[..., Path]
) -> None:
    """A weight that is not a number exits 2 naming the firm file, line and key, without a traceback."""
    (tmp_path / "smtoolkit.toml").write_text('[settings]\nweights = { effort = "high" }\n', encoding="utf-8")
    result = run("config", str(make_engagement(text=BARE)), cwd=tmp_path)
    assert result.returncode == 2
    assert "smtoolkit.toml:2 settings.weights.effort: 'high' is not a number" in result.stderr
    assert_no_traceback(result)


def test_validate_reports_a_toml_syntax_error_with_line(
    tmp_path: Path, make_engagement: Callable[..., Path]
) -> None:
    """A TOML syntax error in the firm file makes validate exit 2 with the file's line."""
    (tmp_path / "smtoolkit.toml").write_text('[firm]\nname = "Nordlicht\n', encoding="utf-8")
    result = run("validate", str(make_engagement(text=BARE)), cwd=tmp_path)
    assert result.returncode == 2
    assert "smtoolkit.toml:2 TOML syntax error" in result.stderr
    assert_no_traceback(result)


def test_config_of_a_missing_engagement_says_what_to_do(tmp_path: Path) -> None:
    """A folder that is not an engagement exits 2 and suggests `smtoolkit new`."""
    result = run("config", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "smtoolkit new" in result.stderr
    assert_no_traceback(result)
