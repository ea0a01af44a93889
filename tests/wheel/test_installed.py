"""The wheel as a consultant gets it: built, installed into a fresh venv outside the repository, used from an empty folder.

Marker ``wheel``: building the wheel and installing it with all its dependencies into a
new virtual environment (no ``--system-site-packages``: the wheel's own dependency list
must be enough) takes minutes, so these tests run only when selected with ``-m wheel``
(``make test`` and CI do; ``make wheel-test`` runs them alone).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.wheel

DEMO_DATA = "Facebook_Beitraege_Nov-01-2025_Oct-31-2026.csv"
_LEFT_OUT = (".history", ".engagement.lock", "__pycache__", ".ipynb_checkpoints", "reports/")


@dataclass(frozen=True)
class Installed:
    """The built wheel, the fresh venv it is installed in and the installed package folder."""

    wheel: Path
    bin: Path
    package: Path
    env: dict[str, str]

    def run(self, *args: str, cwd: Path, timeout: int = 900) -> subprocess.CompletedProcess[str]:
        """Run the installed ``smtoolkit`` console script in ``cwd``."""
        started = time.perf_counter()
        result = subprocess.run(
            [str(self.bin / "smtoolkit"), *args],
            cwd=cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        print(f"smtoolkit {' '.join(args)}: {time.perf_counter() - started:.1f} s, exit {result.returncode}")
        return result


def _package_files(package: Path) -> dict[str, str]:
    """Every file of the installed package (bytecode caches aside) with the sha256 of its content."""
    return {
        p.relative_to(package).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in package.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def _step(label: str, command: list[str], **kwargs: object) -> None:
    started = time.perf_counter()
    subprocess.run(command, check=True, **kwargs)  # type: ignore[call-overload]
    print(f"{label}: {time.perf_counter() - started:.1f} s")


@pytest.fixture(scope="module")
def installed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """Build the wheel and install it, with its dependencies from the package index, into a new venv."""
    if "wheel" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("installs the wheel into a fresh venv (minutes): run with -m wheel or make wheel-test")
    base = tmp_path_factory.mktemp("installed")
    assert ROOT not in base.parents, "the venv must lie outside the repository"
    dist = base / "dist"
    _step("pip wheel", [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(dist)])
    (wheel,) = dist.glob("smtoolkit-*.whl")
    venv = base / "venv"
    # A venv of its own (no system site-packages), filled by this interpreter's pip; the
    # bytecode is left to the first import, which the unchanged-package check allows for.
    _step("venv", [sys.executable, "-m", "venv", "--without-pip", str(venv)])
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    python = str(venv / "bin" / "python")
    _step("pip install", [sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-compile", str(wheel)])
    where = subprocess.run(
        [python, "-c", "import smtoolkit, pathlib; print(pathlib.Path(smtoolkit.__file__).parent)"],
        cwd=base,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    package = Path(where.stdout.strip())
    assert venv in package.parents, f"smtoolkit imported from {package}, not from the fresh venv"
    return Installed(wheel, venv / "bin", package, env)


@dataclass(frozen=True)
class Session:
    """A workspace made by ``init`` in an empty folder, with the demo built in it."""

    empty: Path
    workspace: Path
    init: subprocess.CompletedProcess[str]
    demo: subprocess.CompletedProcess[str]
    package_before: dict[str, str]


@pytest.fixture(scope="module")
def session(installed: Installed, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    """`smtoolkit init ws` in an empty folder, then `smtoolkit demo` inside `ws`."""
    empty = tmp_path_factory.mktemp("empty")
    before = _package_files(installed.package)
    init = installed.run("init", "ws", cwd=empty)
    workspace = empty / "ws"
    demo = installed.run("demo", cwd=workspace) if init.returncode == 0 else init
    yield Session(empty, workspace, init, demo, before)


def test_the_wheel_carries_demo_notebooks_and_templates_but_no_local_state(installed: Installed) -> None:
    """The wheel holds the demo's answers and data, the notebooks and templates, and no history, lock, cache or report."""
    names = zipfile.ZipFile(installed.wheel).namelist()
    bundled = "smtoolkit/_bundled/"
    assert f"{bundled}engagements/demo/engagement.yaml" in names
    assert f"{bundled}engagements/demo/data/{DEMO_DATA}" in names
    assert f"{bundled}notebooks/00_overview.ipynb" in names
    assert f"{bundled}templates/report/index.html.j2" in names
    assert f"{bundled}templates/workspace/smtoolkit.toml" in names
    assert not [n for n in names if any(part in n for part in _LEFT_OUT)]


def test_version_names_the_release_and_the_toolkit_digest(installed: Installed, tmp_path: Path) -> None:
    """`smtoolkit --version` prints the distribution's version, a sha256 digest and the installed package, and exits 0."""
    result = installed.run("--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    version = re.search(r"^Version: (\S+)$", _metadata(installed.wheel), re.MULTILINE)
    assert version is not None
    lines = result.stdout.splitlines()
    assert lines[0] == f"smtoolkit {version.group(1)}"
    assert re.fullmatch(r"toolkit digest: [0-9a-f]{64}", lines[1])
    assert lines[2] == f"installed at: {installed.package}"


def _generator(html: str) -> str | None:
    """The content of the page's ``<meta name="generator">``, in whatever attribute order."""

    class Finder(HTMLParser):
        found: str | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            values = dict(attrs)
            if tag == "meta" and values.get("name") == "generator":
                self.found = values.get("content")

    finder = Finder()
    finder.feed(html)
    return finder.found


def _metadata(wheel: Path) -> str:
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return archive.read(name).decode("utf-8")


def test_init_makes_a_workspace(session: Session) -> None:
    """`init ws` creates the firm file with its firm section commented, engagements/, .gitignore and a README."""
    assert session.init.returncode == 0, session.init.stderr
    ws = session.workspace
    firm = (ws / "smtoolkit.toml").read_text(encoding="utf-8")
    assert "# [firm]" in firm and not re.search(r"^\[firm\]", firm, re.MULTILINE)
    assert (ws / "engagements").is_dir()
    ignored = (ws / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "reports/" in ignored and ".history/" in ignored
    assert (ws / "README.md").is_file()


def test_demo_builds_the_demo_client_in_the_workspace(installed: Installed, session: Session) -> None:
    """`demo` copies the demo client into ws/engagements/demo and builds ws/reports/demo with every page."""
    assert session.demo.returncode == 0, session.demo.stdout + session.demo.stderr
    ws = session.workspace
    assert (ws / "engagements" / "demo" / "engagement.yaml").is_file()
    assert (ws / "engagements" / "demo" / "data" / DEMO_DATA).is_file()
    report = ws / "reports" / "demo"
    index = report / "index.html"
    assert session.demo.stdout.strip().splitlines()[-1] == str(index.resolve())
    assert len(list(report.glob("[0-9][0-9]-*.html"))) == 11
    build = json.loads((report / "build.json").read_text(encoding="utf-8"))
    version = re.search(r"^Version: (\S+)$", _metadata(installed.wheel), re.MULTILINE)
    assert version is not None and build["toolkit_version"] == version.group(1)
    assert build["status"] == "ok" and re.fullmatch(r"[0-9a-f]{64}", build["toolkit_digest"])
    for page in ("index.html", "04-effort.html", "report.html"):
        assert _generator((report / page).read_text(encoding="utf-8")) == f"smtoolkit {version.group(1)}", page


def test_demo_never_writes_into_the_installed_package(installed: Installed, session: Session) -> None:
    """After init and demo the installed package holds the same files with the same content (bytecode caches aside)."""
    assert session.demo.returncode == 0
    assert _package_files(installed.package) == session.package_before


def test_new_build_and_validate_find_the_workspace_from_a_subfolder(installed: Installed, session: Session) -> None:
    """`new`, `build` and `validate` run in a folder below the workspace use its engagements/ and reports/."""
    below = session.workspace / "engagements"
    new = installed.run("new", "acme", "--name", "ACME GmbH", cwd=below)
    assert new.returncode == 0, new.stderr
    assert (session.workspace / "engagements" / "acme" / "engagement.yaml").is_file()
    build = installed.run("build", "acme", "--only", "4", "--jobs", "1", cwd=below)
    assert build.returncode == 0, build.stdout + build.stderr
    assert (session.workspace / "reports" / "acme" / "04-effort.html").is_file()
    assert (session.workspace / "reports" / "acme" / "index.html").is_file()
    assert not (below / "reports").exists()
    validate = installed.run("validate", "engagements/acme", "engagements/demo", cwd=session.workspace)
    assert validate.returncode == 0, validate.stderr
    assert "ok: acme (ACME GmbH)" in validate.stdout and "ok: demo (" in validate.stdout


def test_inspect_reads_a_demo_data_file(installed: Installed, session: Session) -> None:
    """`inspect` on a data file of the copied demo names its format, kind and rows."""
    data = session.workspace / "engagements" / "demo" / "data" / DEMO_DATA
    result = installed.run("inspect", str(data), cwd=session.workspace)
    assert result.returncode == 0, result.stderr
    assert "format:" in result.stdout and "kind:" in result.stdout
    assert re.search(r"rows: [1-9]", result.stdout)


def test_lab_help_runs(installed: Installed, session: Session) -> None:
    """`lab --help` exits 0 from the workspace."""
    result = installed.run("lab", "--help", cwd=session.workspace)
    assert result.returncode == 0, result.stderr
    assert "JupyterLab" in result.stdout
