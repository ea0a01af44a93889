"""Each client gets its own workshop notebooks; the build and the standard notebooks stay untouched."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest

from smtoolkit.build.tasks import _notebook_for
from smtoolkit.build.transport import engagement_files
from smtoolkit.checks.registry import get, registry
from smtoolkit.engagement import load_engagement
from smtoolkit.resources import notebooks_dir
from smtoolkit.workshop import WORKSHOP_DIR, ensure_workshop, lab_launch, workspace_root
from tests.conftest import MINIMAL


def parameters(path: Path) -> str:
    """The source of the notebook's parameters cell."""
    nb = nbformat.read(str(path), as_version=4)
    return next(c.source for c in nb.cells if "parameters" in c.metadata.get("tags", []))


def test_each_engagement_gets_its_own_notebooks_naming_it(make_engagement: Callable[..., Path]) -> None:
    """The workshop copies name their own engagement, carry no outputs, and cover every check."""
    alpha = make_engagement("alpha", MINIMAL)
    beta = make_engagement("beta", MINIMAL)
    standard = {p: p.read_bytes() for p in notebooks_dir().glob("*.ipynb")}
    made_a, made_b = ensure_workshop(alpha), ensure_workshop(beta)
    assert {p.name for p in made_a} == {"00_overview.ipynb"} | {s.notebook for s in registry()}
    effort_a = alpha / WORKSHOP_DIR / get("effort").notebook
    effort_b = beta / WORKSHOP_DIR / get("effort").notebook
    assert 'engagement = "engagements/alpha"' in parameters(effort_a)
    assert 'engagement = "engagements/beta"' in parameters(effort_b)
    for path in made_a + made_b:
        nb = json.loads(path.read_text(encoding="utf-8"))
        assert all(not c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code")
    assert {p: p.read_bytes() for p in notebooks_dir().glob("*.ipynb")} == standard


def test_an_existing_workshop_notebook_is_never_overwritten(make_engagement: Callable[..., Path]) -> None:
    """The consultant's copy (with this client's outputs) stays as it is on the next `lab`."""
    folder = make_engagement("alpha", MINIMAL)
    path = ensure_workshop(folder)[1]
    path.write_text(path.read_text(encoding="utf-8").replace("page.summary()", "page.summary()  # mine"))
    ensure_workshop(folder)
    assert "# mine" in path.read_text(encoding="utf-8")


def test_the_build_never_takes_a_workshop_copy_for_an_override(make_engagement: Callable[..., Path]) -> None:
    """The build reads the standard notebook (or notebooks/), never workshop/, and ships no copy."""
    folder = make_engagement("alpha", MINIMAL)
    ensure_workshop(folder)
    engagement = load_engagement(folder)
    notebook, source = _notebook_for(engagement, get("effort"))
    assert source == "standard" and WORKSHOP_DIR not in notebook.parts
    assert not any(WORKSHOP_DIR in p.relative_to(folder).parts for p in engagement_files(folder))


def test_an_override_is_the_template_of_the_workshop_copy(make_engagement: Callable[..., Path]) -> None:
    """With `smtoolkit customize`, the workshop starts from the client's own notebook."""
    from smtoolkit.customize import customize

    folder = make_engagement("alpha", MINIMAL)
    override = customize(str(folder), "effort")
    nb = nbformat.read(str(override), as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("Nur für Alpha"))
    nbformat.write(nb, str(override))
    ensure_workshop(folder)
    assert "Nur für Alpha" in (folder / WORKSHOP_DIR / override.name).read_text(encoding="utf-8")


def test_lab_serves_the_workspace_and_opens_the_client_notebooks(
    make_engagement: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`smtoolkit lab ENG` roots JupyterLab at the workspace, with port, token and browser options."""
    folder = make_engagement("alpha", MINIMAL)
    workspace = folder.parent.parent
    (workspace / "smtoolkit.toml").write_text("")
    monkeypatch.chdir(folder)
    assert workspace_root() == workspace.resolve()
    launch = lab_launch(str(folder), port=8999, token="abc", open_browser=False)
    assert f"--ServerApp.root_dir={workspace.resolve()}" in launch.command
    assert "--ServerApp.port=8999" in launch.command and "--IdentityProvider.token=abc" in launch.command
    assert "--ServerApp.open_browser=False" in launch.command
    assert launch.url == "http://127.0.0.1:8999/lab/tree/engagements/alpha/workshop?token=abc"
    assert launch.env["SMTOOLKIT_MODE"] == "live"
    assert (folder / WORKSHOP_DIR / "04_effort.ipynb").is_file()
    present = lab_launch(str(folder), port=8999, token="abc", present=True, check="04")
    assert (
        present.url
        == "http://127.0.0.1:8999/voila/render/engagements/alpha/workshop/04_effort.ipynb?token=abc"
    )
    assert "site-packages" not in str(launch.root)


def test_new_creates_the_workshop_and_lab_refuses_an_unknown_client(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`smtoolkit new` makes the client's workshop notebooks; `lab nobody` fails with a clear message."""
    from typer.testing import CliRunner

    from smtoolkit.cli import app

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    made = runner.invoke(app, ["new", "acme", "--name", "ACME GmbH"])
    assert made.exit_code == 0, made.output
    assert 'engagement = "engagements/acme"' in parameters(
        tmp_path / "engagements/acme/workshop/04_effort.ipynb"
    )
    failed = runner.invoke(app, ["lab", "nobody", "--no-browser"])
    assert failed.exit_code != 0 and "no engagement at nobody" in failed.output
    assert "Traceback" not in failed.output
