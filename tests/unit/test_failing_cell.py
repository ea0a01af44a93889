"""The cell named in a failed page's error, counted as the consultant counts cells."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import nbformat
from nbformat import NotebookNode

from smtoolkit.build.execute import _failing_cell


def notebook(marks: Sequence[Mapping[str, object]], injected_at: int | None = 1) -> NotebookNode:
    """A notebook with one code cell per papermill mark, the injected parameters cell at ``injected_at``."""
    nb: NotebookNode = nbformat.v4.new_notebook()  # type: ignore[no-untyped-call]
    for position, mark in enumerate(marks):
        cell = nbformat.v4.new_code_cell("pass")  # type: ignore[no-untyped-call]
        cell.metadata["papermill"] = dict(mark)
        if position == injected_at:
            cell.metadata["tags"] = ["injected-parameters"]
        nb.cells.append(cell)
    return nb


DONE: Mapping[str, object] = {"status": "completed", "start_time": "2026-11-26T10:00:00"}
NOT_RUN: Mapping[str, object] = {"status": "pending", "start_time": None}


def test_a_timeout_names_the_last_cell_that_started() -> None:
    """A timed-out cell is marked completed by papermill; the last started cell (4th, injected not counted) is named."""
    nb = notebook([DONE, DONE, DONE, DONE, DONE, NOT_RUN, NOT_RUN])
    assert _failing_cell(nb, None) == 4


def test_a_cell_marked_running_or_failed_wins_over_started_cells() -> None:
    """A cell papermill left running is named even when later cells carry a start time."""
    running: Mapping[str, object] = {"status": "running", "start_time": "2026-11-26T10:00:00"}
    nb = notebook([DONE, DONE, running, DONE, NOT_RUN])
    assert _failing_cell(nb, None) == 2


def test_a_known_index_and_a_notebook_that_never_started() -> None:
    """Papermill's own index is used when given; a notebook where nothing started names no cell."""
    assert _failing_cell(notebook([DONE, DONE, DONE, DONE]), 3) == 3
    assert _failing_cell(notebook([NOT_RUN, NOT_RUN], injected_at=None), None) is None
    assert _failing_cell(None, None) is None
