"""Make the example plugin (or a throw-away one) visible to a Python process without installing it.

``importlib.metadata`` finds a distribution through any ``<name>-<version>.dist-info`` folder
on ``sys.path``; writing one with ``METADATA`` and ``entry_points.txt`` beside the source
folder on ``PYTHONPATH`` is what ``pip install`` would leave behind, minus the copy.
"""

from __future__ import annotations

import os
import textwrap
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = Path(__file__).resolve().parent / "smt_dealer_network"


def write_dist_info(target: Path, name: str, version: str, entry_points: dict[str, str]) -> Path:
    """Write ``<name>-<version>.dist-info`` under ``target`` declaring ``smtoolkit.checks`` entry points."""
    folder = target / f"{name.replace('-', '_')}-{version}.dist-info"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )
    lines = ["[smtoolkit.checks]", *(f"{key} = {value}" for key, value in entry_points.items())]
    (folder / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def expose_example(target: Path) -> list[Path]:
    """Declare the example plugin as its pyproject.toml does; return the sys.path entries it needs."""
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    write_dist_info(target, project["name"], project["version"], project["entry-points"]["smtoolkit.checks"])
    return [target, EXAMPLE]


def write_plugin(target: Path, package: str, init: str, *, slug: str = "extra", texts: bool = True) -> Path:
    """Write a plugin package ``package``: ``__init__.py`` = ``init``, ``check.ipynb`` and texts for ``slug``."""
    folder = target / package
    (folder / "i18n").mkdir(parents=True)
    (folder / "__init__.py").write_text(textwrap.dedent(init), encoding="utf-8")
    if texts:
        for language in ("de", "en"):
            (folder / "i18n" / f"{language}.yaml").write_text(
                f'check:\n  {slug}:\n    title: "12 Test"\n    intro: "Test."\n',
                encoding="utf-8",
            )
    (folder / "check.ipynb").write_text(
        (EXAMPLE / "smt_dealer_network" / "notebooks" / "11_dealer_network.ipynb").read_text(
            encoding="utf-8"
        ),
        encoding="utf-8",
    )
    return folder


def environment(paths: list[Path]) -> dict[str, str]:
    """The environment of a subprocess that sees ``paths`` (and the toolkit) on its sys.path."""
    env = dict(os.environ)
    entries = [str(p) for p in paths] + [str(ROOT)]
    if env.get("PYTHONPATH"):
        entries.append(env["PYTHONPATH"])
    env["PYTHONPATH"] = os.pathsep.join(entries)
    env.pop("SMTOOLKIT_MODE", None)
    return env
