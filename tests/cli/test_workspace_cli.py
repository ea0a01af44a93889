"""`smtoolkit --version`, `init`, and commands that find the workspace from a folder below it."""

from __future__ import annotations

import re
from pathlib import Path

import smtoolkit
from smtoolkit._version import __version__
from smtoolkit.build.incremental import toolkit_fingerprint
from tests.cli.test_cli import assert_no_traceback, run


def test_version_prints_the_version_and_the_digest_of_the_incremental_keys(tmp_path: Path) -> None:
    """`--version` prints `smtoolkit <version>`, the toolkit digest the build keys use and the package folder."""
    result = run("--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"smtoolkit {__version__}"
    assert lines[1] == f"toolkit digest: {toolkit_fingerprint()}"
    assert re.fullmatch(r"toolkit digest: [0-9a-f]{64}", lines[1])
    assert lines[2] == f"installed at: {Path(smtoolkit.__file__).resolve().parent}"


def test_init_creates_a_workspace_and_says_what_it_kept(tmp_path: Path) -> None:
    """`init ws` lists what it created; run again, it keeps every file and says so."""
    first = run("init", "ws", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    for name in ("engagements", "smtoolkit.toml", ".gitignore", "README.md"):
        assert f"created ws/{name}" in first.stdout
        assert (tmp_path / "ws" / name).exists()
    again = run("init", cwd=tmp_path / "ws")
    assert again.returncode == 0, again.stderr
    assert "kept smtoolkit.toml (already there)" in again.stdout and "created" not in again.stdout


def test_init_on_a_file_exits_2_without_traceback(tmp_path: Path) -> None:
    """`init` naming a file exits 2 with a message that says what to do."""
    (tmp_path / "ws").write_text("x", encoding="utf-8")
    result = run("init", "ws", cwd=tmp_path)
    assert result.returncode == 2
    assert "ws is a file, not a folder" in result.stderr
    assert_no_traceback(result)


def test_new_below_the_workspace_creates_the_engagement_in_its_engagements_folder(tmp_path: Path) -> None:
    """`new acme` run two folders below the workspace root writes <workspace>/engagements/acme."""
    assert run("init", cwd=tmp_path).returncode == 0
    below = tmp_path / "branding" / "report"
    below.mkdir(parents=True)
    result = run("new", "acme", "--name", "ACME GmbH", cwd=below)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "engagements" / "acme" / "engagement.yaml").is_file()
    assert not (below / "engagements").exists()
    validate = run("validate", "acme", cwd=below)
    assert validate.returncode == 0, validate.stderr
    assert "ok: acme (ACME GmbH)" in validate.stdout


def test_demo_refuses_a_demo_folder_that_is_not_an_engagement(tmp_path: Path) -> None:
    """`demo` in a workspace whose engagements/demo holds other files exits 2 and leaves them alone."""
    assert run("init", cwd=tmp_path).returncode == 0
    own = tmp_path / "engagements" / "demo"
    own.mkdir()
    (own / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("demo", cwd=tmp_path)
    assert result.returncode == 2
    assert "holds no engagement.yaml" in result.stderr
    assert [p.name for p in own.iterdir()] == ["notes.txt"]
    assert_no_traceback(result)
