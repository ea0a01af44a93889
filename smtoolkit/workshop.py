"""One set of workshop notebooks per client, inside the consultant's workspace.

A workshop never opens the toolkit's standard notebooks: ``smtoolkit new`` (or the first
``smtoolkit lab ENGAGEMENT``) copies them, without outputs, into
``engagements/<slug>/workshop/``, with the parameters cell naming that engagement. JupyterLab
autosaves outputs into these copies only, so one client's figures never appear in another
client's notebook. The copies are no overrides: ``smtoolkit build`` keeps building from the
standard notebooks plus the client's explicit overrides in ``engagements/<slug>/notebooks/``
(``smtoolkit customize``), and leaves ``workshop/`` out of what it reads and ships.

When the client has an override of a check, its workshop copy starts from that override,
so the workshop shows what the report will show.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from smtoolkit.atomic import write_atomic
from smtoolkit.errors import ConfigError
from smtoolkit.workspace import ENGAGEMENTS_DIR, find_workspace

__all__ = [
    "ENGAGEMENTS_DIR",
    "PARAMETERS_TAG",
    "WORKSHOP_DIR",
    "Launch",
    "ensure_workshop",
    "free_port",
    "lab_launch",
    "workshop_notebook",
    "workspace_root",
]

#: The folder inside an engagement that holds its workshop notebooks.
WORKSHOP_DIR = "workshop"
PARAMETERS_TAG = "parameters"
METADATA_KEY = "smtoolkit"


def workspace_root(start: Path | None = None) -> Path:
    """The consultant's workspace (:func:`smtoolkit.workspace.find_workspace`), else ``start``.

    Searched from ``start`` (default: the working directory) upwards; never a folder inside
    the installed package. The one place ``smtoolkit lab`` and the workshop ask.
    """
    here = (start or Path.cwd()).resolve()
    workspace = find_workspace(here)
    return here if workspace is None else workspace.root


def _parameters_source(reference: str) -> str:
    return (
        "# Workshop notebook of this client: run all cells. The answers appear as a form that\n"
        "# saves itself into the client's engagement.yaml. `smtoolkit build` does not read this\n"
        "# copy; it builds the report from the standard notebooks (and the client's overrides).\n"
        f"engagement = {json.dumps(reference)}\nlanguage = None"
    )


def workshop_notebook(template: Path, engagement_folder: Path, workspace: Path) -> Any:
    """The workshop copy of ``template`` for the engagement: no outputs, its own parameters."""
    import nbformat

    nb = nbformat.read(str(template), as_version=4)  # type: ignore[no-untyped-call]
    try:
        reference = engagement_folder.resolve().relative_to(workspace.resolve()).as_posix()
    except ValueError:
        reference = str(engagement_folder.resolve())
    tagged = False
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            if PARAMETERS_TAG in cell.get("metadata", {}).get("tags", []) and not tagged:
                cell.source = _parameters_source(reference)
                tagged = True
    if not tagged:
        raise ConfigError(
            f"{template.name} has no cell tagged {PARAMETERS_TAG!r}; the workshop copy could not name "
            "the client. Tag the cell that sets `engagement` with 'parameters'."
        )
    nb.metadata.pop("widgets", None)
    nb.metadata[METADATA_KEY] = {"workshop": engagement_folder.name, "from": template.name}
    return nb


def ensure_workshop(engagement_folder: Path, workspace: Path | None = None) -> list[Path]:
    """Create the missing workshop notebooks of the engagement; existing ones are kept as they are.

    Returns every workshop notebook of the engagement, overview first. A notebook already
    there is never overwritten: it is the consultant's, with this client's outputs.
    """
    import nbformat

    from smtoolkit.checks.registry import CheckSpec, registry
    from smtoolkit.customize import OVERRIDES_DIR
    from smtoolkit.overview.spec import OVERVIEW, OverviewSpec

    folder = engagement_folder.resolve()
    root = workspace or workspace_root(folder)
    target = folder / WORKSHOP_DIR
    target.mkdir(exist_ok=True)
    found = []
    specs: list[CheckSpec | OverviewSpec] = [OVERVIEW, *registry()]
    for spec in specs:
        path = target / spec.notebook
        found.append(path)
        if path.exists():
            continue
        override = folder / OVERRIDES_DIR / spec.notebook
        template = override if override.is_file() else spec.notebook_path()
        if not template.is_file():
            continue
        nb = workshop_notebook(template, folder, root)
        write_atomic(path, nbformat.writes(nb))  # type: ignore[no-untyped-call]
        os.chmod(path, 0o644)
    return [p for p in found if p.exists()]


class Launch:
    """How ``smtoolkit lab`` starts JupyterLab: the command, its environment and the URL to open."""

    def __init__(self, command: list[str], env: dict[str, str], url: str, root: Path) -> None:
        self.command = command
        self.env = env
        self.url = url
        self.root = root


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on ``host`` now."""
    import socket

    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def lab_launch(
    engagement: str | None,
    *,
    port: int | None = None,
    token: str | None = None,
    open_browser: bool = True,
    present: bool = False,
    check: str | None = None,
    ip: str = "127.0.0.1",
    python: str | None = None,
) -> Launch:
    """The JupyterLab (or client view) launch for the workspace around the working directory.

    JupyterLab serves the consultant's workspace, never the installed package. With an
    engagement, its workshop notebooks are created if missing and opened; ``present`` opens
    the client view instead: the notebook rendered by Voilà, without code cells.
    """
    import secrets
    import sys
    from urllib.parse import quote

    from smtoolkit.engagement import resolve_folder

    root = workspace_root()
    env = dict(os.environ)
    env["SMTOOLKIT_MODE"] = "live"  # Voilà kernels have no JupyterLab session name
    env.pop("SMTOOLKIT_ENGAGEMENT", None)
    path = ""
    if engagement:
        folder = resolve_folder(engagement)
        root = workspace_root(folder)
        notebooks = ensure_workshop(folder, root)
        path = (folder / WORKSHOP_DIR).relative_to(root).as_posix()
        if check is not None:
            from smtoolkit.customize import page_spec

            name = page_spec(check).notebook
            if not any(p.name == name for p in notebooks):
                raise ConfigError(f"the engagement {folder.name} has no workshop notebook {name}")
            path = f"{path}/{name}"
    elif present:
        raise ConfigError("--present needs an engagement, e.g. smtoolkit lab acme --present --check 04")
    chosen_port = port or free_port(ip)
    key = token if token is not None else secrets.token_urlsafe(24)
    base = f"http://{ip}:{chosen_port}"
    if present:
        route = "voila/render" if path.endswith(".ipynb") else "voila/tree"
        url = f"{base}/{route}/{quote(path)}"
    else:
        url = f"{base}/lab/tree/{quote(path)}" if path else f"{base}/lab"
    if key:
        url += f"?token={key}"
    command = [
        python or sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={root}",
        f"--ServerApp.ip={ip}",
        f"--ServerApp.port={chosen_port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={key}",
        f"--ServerApp.open_browser={open_browser}",
    ]
    # the browser opens on the engagement's notebooks (or the client view)
    command.append(f"--ServerApp.default_url=/{url.split('/', 3)[3].split('?')[0]}")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and CI machines run as root
    return Launch(command, env, url, root)
