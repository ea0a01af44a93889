"""The smtoolkit command: exit codes and messages a consultant can act on, never a traceback."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests.conftest import MINIMAL


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `smtoolkit ARGS` in a subprocess and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "smtoolkit", *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    """Neither stream shows a Python traceback."""
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_accepts_the_demo(root: Path) -> None:
    """`validate engagements/demo` exits 0 and names the client."""
    result = run("validate", "engagements/demo", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "ok: demo (Hallberg Pumpen GmbH)" in result.stdout


def test_validate_reports_malformed_yaml_with_file_and_line(make_engagement: Callable[..., Path]) -> None:
    """Broken YAML exits 2 with file:line and no traceback."""
    folder = make_engagement(text="client:\n  name: [unclosed\nsettings: {}\n")
    result = run("validate", str(folder))
    assert result.returncode == 2
    assert "engagement.yaml:" in result.stderr and "YAML syntax error" in result.stderr
    assert_no_traceback(result)


def test_validate_reports_schema_violation_with_file_line_and_field(
    make_engagement: Callable[..., Path],
) -> None:
    """A value out of range exits 2 naming file, line, field path, value and bound."""
    folder = make_engagement(text=MINIMAL.replace("posts_per_week: 2,", "posts_per_week: -3,"))
    result = run("validate", str(folder))
    assert result.returncode == 2
    assert "effort.channels[1].posts_per_week: -3 is not >= 0" in result.stderr.replace("\n", "")
    assert_no_traceback(result)


def test_validate_missing_folder_says_what_to_do(tmp_path: Path) -> None:
    """A folder that is not an engagement exits 2 and suggests `smtoolkit new`."""
    result = run("validate", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "smtoolkit new" in result.stderr
    assert_no_traceback(result)


def test_new_creates_a_valid_engagement_and_never_overwrites(tmp_path: Path) -> None:
    """`new` writes the commented skeleton with the client's name; a second call refuses."""
    result = run("new", "acme", "--name", 'ACME "Spezial" GmbH', "--root", str(tmp_path))
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "acme" / "engagement.yaml").read_text(encoding="utf-8")
    assert "# the client's name as it appears on every page" in text
    assert run("validate", str(tmp_path / "acme")).returncode == 0
    again = run("new", "acme", "--name", "Other", "--root", str(tmp_path))
    assert again.returncode == 2 and "already exists" in again.stderr
    assert (tmp_path / "acme" / "engagement.yaml").read_text(encoding="utf-8") == text


def test_new_rejects_path_traversal(tmp_path: Path) -> None:
    """A slug like ../evil is refused and nothing is created outside the root."""
    result = run("new", "../evil", "--name", "X", "--root", str(tmp_path / "engagements"))
    assert result.returncode == 2
    assert "not a valid engagement name" in result.stderr
    assert not (tmp_path / "evil").exists()
    assert_no_traceback(result)


def test_build_rejects_unknown_language_and_check(root: Path) -> None:
    """`--lang fr` and `--only 42` are usage errors with exit code 2."""
    assert run("build", "engagements/demo", "--lang", "fr", cwd=root).returncode == 2
    result = run("build", "engagements/demo", "--only", "42", cwd=root)
    assert result.returncode == 2 and "not a known check" in result.stderr
    assert_no_traceback(result)


def test_help_lists_the_commands() -> None:
    """`--help` lists new, validate, build, demo and lab."""
    result = run("--help")
    assert result.returncode == 0
    for command in ("new", "validate", "build", "demo", "lab"):
        assert command in result.stdout


def test_inspect_reports_format_kind_rows_and_dates(root: Path) -> None:
    """`inspect` names the detected format, the kind, the row count and the date range of an export."""
    data = root / "engagements" / "demo" / "data"
    result = run(
        "inspect", str(data / "Mitarbeiterbefragung_Social_Media_2026.csv"), str(data / "Table data.csv")
    )
    assert result.returncode == 0, result.stderr
    assert "kind: survey" in result.stdout and "kind: posts" in result.stdout
    assert re.search(r"^rows: \d+$", result.stdout, re.M)
    assert "dropped: 1 summary row" in result.stdout


def test_inspect_refuses_an_unreadable_file_with_exit_2(tmp_path: Path) -> None:
    """An empty file gives a message naming it, exit code 2 and no traceback."""
    empty = tmp_path / "leer.csv"
    empty.write_text("")
    result = run("inspect", str(empty))
    assert result.returncode == 2
    assert "leer.csv" in result.stderr
    assert_no_traceback(result)


def test_validate_prints_a_client_name_with_rich_markup_literally(
    make_engagement: Callable[..., Path],
) -> None:
    """A client name holding `[/]` and `[x]` is printed as written, exit 0, no markup error."""
    folder = make_engagement(text=MINIMAL.replace('name: "Muster GmbH"', 'name: "Muster [/] [x] [bold]GmbH"'))
    result = run("validate", str(folder))
    assert result.returncode == 0, result.stderr
    assert "ok: muster (Muster [/] [x] [bold]GmbH)" in result.stdout
    assert_no_traceback(result)
