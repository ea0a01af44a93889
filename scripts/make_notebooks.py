"""Write the standard check notebooks from the registry (run after adding a check).

Every check notebook has the same thin cells; this script keeps them identical and free of
outputs. Run it with ``python scripts/make_notebooks.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smtoolkit.checks.registry import registry  # noqa: E402


def check_notebook(slug: str, number: int) -> nbformat.NotebookNode:
    """The notebook of one check: parameters, then one call per page part."""
    nb = new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
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
    """Write one notebook per registered check into ``notebooks/``."""
    for spec in registry():
        path = ROOT / "notebooks" / spec.notebook
        nbformat.write(check_notebook(spec.slug, spec.number), str(path))
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
