"""Write the overview notebook and the standard check notebooks from the registry.

Every check notebook has the same thin cells; this script keeps them identical and free of
outputs. The overview notebook (``00_overview.ipynb``) needs no change when a check is
added: it evaluates whatever the registry holds. Run it with ``python scripts/make_notebooks.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smtoolkit.checks.registry import registry  # noqa: E402
from smtoolkit.overview.spec import OVERVIEW  # noqa: E402


def _notebook() -> nbformat.NotebookNode:
    nb = new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def overview_notebook() -> nbformat.NotebookNode:
    """The overview notebook: parameters, then one call per part of the overview page."""
    nb = _notebook()
    nb.cells = [
        new_code_cell(
            "# Overview: run all cells. It evaluates every check the engagement includes, with the\n"
            "# same calculations as the check notebooks, and shows the maturity index, the stage,\n"
            "# the change since the previous round and the action plan. `smtoolkit build` runs it\n"
            "# with papermill. Set `engagement` to the client's folder, `language` to de or en\n"
            "# (None: the engagement's own language).\n"
            'engagement = "engagements/demo"\nlanguage = None',
            metadata={"tags": ["parameters"]},
        ),
        new_code_cell(
            "from smtoolkit.overview.page import open_overview\n\n"
            "page = open_overview(engagement, language)\n"
            "page.header()"
        ),
        new_code_cell("page.summary()"),
        new_code_cell("page.scores()"),
        new_code_cell("page.recommendations()"),
        new_code_cell("page.action_plan()"),
        new_code_cell("page.method()"),
    ]
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"{OVERVIEW.slug}-{index}"
    return nb


def check_notebook(slug: str, number: int) -> nbformat.NotebookNode:
    """The notebook of one check: parameters, then one call per page part."""
    nb = _notebook()
    nb.cells = [
        new_code_cell(
            f"# Check {number:02d} {slug}: run all cells. In JupyterLab the answers appear as a form\n"
            "# that saves itself into the engagement file; `smtoolkit build` runs this notebook\n"
            "# with papermill. Set `engagement` to the client's folder, `language` to de or en\n"
            "# (None: the engagement's own language).\n"
            'engagement = "engagements/demo"\nlanguage = None',
            metadata={"tags": ["parameters"]},
        ),
        new_code_cell(
            "from smtoolkit.notebook import open_check\n\n"
            f'page = open_check("{slug}", engagement, language)\n'
            "page.header()"
        ),
        new_code_cell("page.summary()"),
        new_code_cell("page.answers()"),
        new_code_cell("page.details()"),
        new_code_cell("page.scoring()"),
    ]
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"{slug}-{index}"
    return nb


def main() -> None:
    """Write the overview notebook and one notebook per registered check into ``notebooks/``."""
    path = ROOT / "notebooks" / OVERVIEW.notebook
    nbformat.write(overview_notebook(), str(path))
    print(path.relative_to(ROOT))
    for spec in registry():
        path = ROOT / "notebooks" / spec.notebook
        nbformat.write(check_notebook(spec.slug, spec.number), str(path))
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
