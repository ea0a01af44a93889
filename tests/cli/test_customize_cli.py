"""`smtoolkit customize`: copy once, refuse twice, show the diff; clear messages, no traceback."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import nbformat


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `smtoolkit ARGS` in a subprocess and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "smtoolkit", *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


def test_customize_copies_then_refuses_and_diffs(make_engagement: Callable[..., Path]) -> None:
    """The first call copies 06, the second exits 2 pointing to --diff, and --diff shows the client's edit."""
    folder = make_engagement()
    first = run("customize", str(folder), "06")
    assert first.returncode == 0, first.stderr
    copy = folder / "notebooks" / "06_monitoring.ipynb"
    assert "copied the standard notebook to" in first.stdout and copy.is_file()
    assert nbformat.read(str(copy), as_version=4).metadata["smtoolkit"]["check"] == "monitoring"

    second = run("customize", str(folder), "monitoring")
    assert second.returncode == 2
    assert "already exists" in second.stderr and "--diff" in second.stderr
    assert "Traceback" not in second.stderr

    copy.write_text(copy.read_text(encoding="utf-8").replace("page.scoring()", "page.scoring()  # client"))
    diff = run("customize", str(folder), "06", "--diff")
    assert diff.returncode == 0, diff.stderr
    assert "The standard notebook has not changed since the copy" in diff.stdout
    assert "+page.scoring()  # client" in diff.stdout.splitlines()


def test_customize_diff_without_override_and_unknown_check_fail_clearly(
    make_engagement: Callable[..., Path],
) -> None:
    """--diff before any copy and an unknown check both exit 2 with what to do."""
    folder = make_engagement()
    missing = run("customize", str(folder), "06", "--diff")
    assert missing.returncode == 2 and "smtoolkit customize" in missing.stderr
    unknown = run("customize", str(folder), "42")
    assert unknown.returncode == 2 and "'42' is not a known check" in unknown.stderr
    both = run("customize", str(folder), "06", "--diff", "--refresh")
    assert both.returncode == 2 and "only one of" in both.stderr
    for result in (missing, unknown, both):
        assert "Traceback" not in result.stderr
