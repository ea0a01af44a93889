"""The combined report: the overview and every published page in one offline HTML file.

It is built from the executed notebooks, not from the pages' HTML: their outputs are
structured (cells, MIME types), so each page's section ids can be made unique by a prefix
without parsing HTML, and one nbconvert run gives one document with the report stylesheet
once and one table of contents. ``report.pdf`` is laid out from the same combined notebook
(:mod:`smtoolkit.build.pdf`). The result passes the same publish guard as every page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import nbformat
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_notebook, new_output

from smtoolkit.atomic import write_atomic
from smtoolkit.build.exporter import export_html, table_of_contents
from smtoolkit.build.guard import PageProblem, find_problems
from smtoolkit.build.tasks import PageSpec, TaskResult

__all__ = ["REPORT_FILE", "combine_notebooks", "load_combined", "write_report"]

REPORT_FILE = "report.html"
_SECTION_REF = re.compile(r'(\bid="|\bhref="#)sec-')


def _prefixed(markup: str, prefix: str) -> str:
    return _SECTION_REF.sub(lambda m: f"{m.group(1)}sec-{prefix}-", markup)


def _rename_sections(nb: NotebookNode, prefix: str) -> None:
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            markup = data.get("text/html")
            if isinstance(markup, list):
                markup = "".join(markup)
            if isinstance(markup, str):
                data["text/html"] = _prefixed(markup, prefix)


def _anchor(anchor: str, first: bool) -> NotebookNode:
    css = "smt-part" if first else "smt-part smt-part-break"
    html = f'<div id="{anchor}" class="{css}"></div>'
    output = new_output("display_data", data={"text/html": html})  # type: ignore[no-untyped-call]
    cell: NotebookNode = new_code_cell(outputs=[output])  # type: ignore[no-untyped-call]
    return cell


def combine_notebooks(
    parts: Sequence[tuple[PageSpec, NotebookNode]], language: str
) -> tuple[NotebookNode, list[dict[str, Any]]]:
    """One notebook of all ``parts`` with unique section ids, and its two-level contents."""
    combined: NotebookNode = new_notebook()  # type: ignore[no-untyped-call]
    toc: list[dict[str, Any]] = []
    for position, (spec, nb) in enumerate(parts):
        if position == 0:
            combined.metadata = nb.metadata
        prefix = f"{spec.number:02d}"
        anchor = f"part-{prefix}-{spec.slug.replace('_', '-')}"
        _rename_sections(nb, prefix)
        combined.cells.append(_anchor(anchor, position == 0))
        combined.cells.extend(nb.cells)
        toc.append({"id": anchor, "text": spec.title(language), "children": table_of_contents(nb)})
    return combined, toc


def load_combined(
    parts: Sequence[tuple[PageSpec, TaskResult]], language: str
) -> tuple[NotebookNode, list[dict[str, Any]]] | None:
    """The combined notebook and contents of the published ``parts`` (None: nothing published)."""
    loaded = [
        (spec, nbformat.read(str(result.task.executed), as_version=4))  # type: ignore[no-untyped-call]
        for spec, result in parts
        if result.ok
    ]
    return combine_notebooks(loaded, language) if loaded else None


def write_report(
    out_dir: Path,
    parts: Sequence[tuple[PageSpec, TaskResult]],
    language: str,
    context: dict[str, Any],
    local_paths: Sequence[str],
    *,
    combined: tuple[NotebookNode, list[dict[str, Any]]] | None = None,
) -> tuple[Path | None, list[PageProblem]]:
    """Write ``report.html`` from the executed notebooks of the published ``parts``.

    ``combined`` is their :func:`load_combined`, when the caller has it already (the PDF is
    made from the same). Returns the path (None when nothing was written) and the guard's
    problems; a report the guard refuses is not written, and a stale one is removed.
    """
    path = out_dir / REPORT_FILE
    if combined is None:
        combined = load_combined(parts, language)
    if combined is None:
        path.unlink(missing_ok=True)
        return None, []
    nb, toc = combined
    html = export_html(nb, language=language, context={**context, "standalone": True}, toc=toc)
    problems = find_problems(html, local_paths)
    if problems:
        path.unlink(missing_ok=True)
        return None, problems
    write_atomic(path, html)
    return path, []
