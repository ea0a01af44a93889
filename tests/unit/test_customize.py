"""Notebook overrides: copy once with a record, detect a changed standard, diff it, check notebooks."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest

from smtoolkit import resources
from smtoolkit._version import __version__
from smtoolkit.customize import (
    METADATA_KEY,
    accept,
    content_hash,
    customize,
    notebook_problems,
    override_diff,
    override_status,
)
from smtoolkit.engagement import display_path
from smtoolkit.errors import ConfigError
from smtoolkit.resources import notebooks_dir

STANDARD = notebooks_dir() / "06_monitoring.ipynb"


@pytest.fixture
def folder(make_engagement: Callable[..., Path]) -> Path:
    """A small engagement without overrides."""
    return make_engagement()


@pytest.fixture
def standards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the standard notebooks that the toolkit uses instead of its own."""
    folder = tmp_path / "standard-notebooks"
    shutil.copytree(notebooks_dir(), folder)
    monkeypatch.setattr(resources, "notebooks_dir", lambda: folder)
    return folder


def change(standard: Path) -> Path:
    """Change the standard notebook as a later toolkit version might: one more call after details()."""
    nb = nbformat.read(str(standard), as_version=4)
    for cell in nb.cells:
        cell.source = cell.source.replace("page.details()", "page.details()\npage.sentiment_sample()")
    nbformat.write(nb, str(standard))
    return standard


def write_notebook(path: Path, cells: list[nbformat.NotebookNode]) -> Path:
    """Write a v4 notebook with ``cells``."""
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    nbformat.write(nb, str(path))
    return path


def test_customize_copies_the_standard_notebook_with_a_record(folder: Path) -> None:
    """The copy has the standard's cells plus version and content hash; the base copy is the standard."""
    copy = customize(str(folder), "06")
    assert copy == folder / "notebooks" / "06_monitoring.ipynb"
    nb = nbformat.read(str(copy), as_version=4)
    standard = nbformat.read(str(STANDARD), as_version=4)
    assert [c.source for c in nb.cells] == [c.source for c in standard.cells]
    record = nb.metadata[METADATA_KEY]
    assert record["toolkit_version"] == __version__ and record["check"] == "monitoring"
    assert record["standard_hash"] == content_hash(standard)
    assert (folder / "notebooks" / ".base" / "06_monitoring.ipynb").read_bytes() == STANDARD.read_bytes()
    assert notebook_problems(copy) == []


def test_customize_refuses_a_second_copy_and_says_what_to_do(folder: Path) -> None:
    """An existing override is never overwritten; the message names --diff and --refresh."""
    copy = customize(str(folder), "monitoring")
    copy.write_text(copy.read_text(encoding="utf-8").replace("page.summary()", "page.summary()  # mine"))
    with pytest.raises(ConfigError, match="already exists") as caught:
        customize(str(folder), 6)
    assert "06 --diff" in str(caught.value) and "06 --refresh" in str(caught.value)
    assert "# mine" in copy.read_text(encoding="utf-8")


def test_refresh_keeps_the_previous_copy_in_history(folder: Path) -> None:
    """--refresh replaces the override by the standard and keeps the edited one in .history/."""
    copy = customize(str(folder), "06")
    copy.write_text(copy.read_text(encoding="utf-8").replace("page.summary()", "page.summary()  # mine"))
    customize(str(folder), "06", refresh=True)
    assert "# mine" not in copy.read_text(encoding="utf-8")
    kept = list((folder / "notebooks" / ".history").glob("06_monitoring.*.ipynb"))
    assert len(kept) == 1 and "# mine" in kept[0].read_text(encoding="utf-8")


def test_overview_can_be_customized(folder: Path) -> None:
    """Check key 0 copies the overview notebook."""
    assert customize(str(folder), "0").name == "00_overview.ipynb"


def test_unknown_check_names_the_known_ones(folder: Path) -> None:
    """An unknown check number is a ConfigError listing the checks."""
    with pytest.raises(ConfigError, match="04 effort"):
        customize(str(folder), "42")


def test_override_is_stale_after_the_standard_changes(folder: Path, standards: Path) -> None:
    """A changed standard notebook makes the override stale, with a warning naming --diff."""
    copy = customize(str(folder), "06")
    standard = standards / STANDARD.name
    status = override_status(copy, standard)
    assert status.recorded and not status.stale and status.warning() is None
    status = override_status(copy, change(standard))
    assert status.stale and status.base_version == __version__
    assert status.base_hash == content_hash(nbformat.read(str(STANDARD), as_version=4))
    warning = status.warning()
    assert warning is not None and "06_monitoring.ipynb" in warning and "06 --diff" in warning


def test_outputs_and_metadata_do_not_make_an_override_stale(folder: Path, tmp_path: Path) -> None:
    """The hash covers cell types and sources only: executing the standard notebook changes nothing."""
    copy = customize(str(folder), "06")
    executed = json.loads(STANDARD.read_text(encoding="utf-8"))
    executed["metadata"]["papermill"] = {"duration": 3.2}
    for cell in executed["cells"]:
        cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["x\n"]}]
        cell["execution_count"] = 1
    (tmp_path / "executed.ipynb").write_text(json.dumps(executed), encoding="utf-8")
    assert not override_status(copy, tmp_path / "executed.ipynb").stale


def test_hand_made_override_has_no_record_and_is_not_stale(folder: Path, standards: Path) -> None:
    """A copy made without customize cannot be judged: not recorded, never stale."""
    copy = folder / "notebooks" / STANDARD.name
    copy.parent.mkdir()
    shutil.copy(STANDARD, copy)
    status = override_status(copy, change(standards / STANDARD.name))
    assert not status.recorded and not status.stale


def test_diff_shows_the_changed_line_and_the_clients_edit(folder: Path, standards: Path) -> None:
    """--diff lists the standard's new line since the copy and the client's own edit, separately."""
    copy = customize(str(folder), "06")
    change(standards / STANDARD.name)
    copy.write_text(copy.read_text(encoding="utf-8").replace("page.summary()", "page.summary(top=3)"))
    text = override_diff(str(folder), "06")
    standard_part, edits_part = text.split("Edits in this client's copy:")
    assert "Changes in the standard notebook since the copy" in standard_part
    assert "+page.sentiment_sample()" in standard_part.splitlines()
    assert "+page.summary(top=3)" not in standard_part.splitlines()
    assert "+page.summary(top=3)" in edits_part.splitlines() and "-page.summary()" in edits_part.splitlines()
    assert "+page.sentiment_sample()" not in edits_part.splitlines()


def test_diff_of_an_unchanged_standard_says_so(folder: Path) -> None:
    """Right after the copy the standard has not changed and the copy has no edits."""
    customize(str(folder), "06")
    text = override_diff(str(folder), "06")
    assert "has not changed since the copy" in text and "No edits in this client's copy." in text


def test_diff_without_an_override_says_how_to_make_one(folder: Path) -> None:
    """--diff for a check the client has not customized points to `smtoolkit customize`."""
    with pytest.raises(ConfigError, match="does not exist") as caught:
        override_diff(str(folder), "06")
    assert "smtoolkit customize" in str(caught.value)


def test_accept_keeps_the_edits_and_ends_the_warning(folder: Path, standards: Path) -> None:
    """After --accept the override keeps its cells, records the current standard and is not stale."""
    copy = customize(str(folder), "06")
    standard = change(standards / STANDARD.name)
    copy.write_text(copy.read_text(encoding="utf-8").replace("page.summary()", "page.summary(top=3)"))
    assert override_status(copy, standard).stale
    accept(str(folder), "06")
    assert not override_status(copy, standard).stale
    assert "page.summary(top=3)" in copy.read_text(encoding="utf-8")
    assert (folder / "notebooks" / ".base" / STANDARD.name).read_bytes() == standard.read_bytes()
    assert list((folder / "notebooks" / ".history").glob("06_monitoring.*.ipynb"))


def test_notebook_without_parameters_cell_is_a_problem(tmp_path: Path) -> None:
    """A notebook whose cells carry no 'parameters' tag gets one message naming the file and the fix."""
    path = write_notebook(tmp_path / "06_monitoring.ipynb", [nbformat.v4.new_code_cell('engagement = "x"')])
    [problem] = notebook_problems(path)
    assert "06_monitoring.ipynb" in problem and "no cell is tagged 'parameters'" in problem
    assert "cell tags" in problem


def test_parameters_cell_must_set_engagement_and_language(tmp_path: Path) -> None:
    """A parameters cell without `language` is named by its cell number with the line to add."""
    cell = nbformat.v4.new_code_cell('engagement = "engagements/demo"', metadata={"tags": ["parameters"]})
    path = write_notebook(tmp_path / "nb.ipynb", [nbformat.v4.new_markdown_cell("# Title"), cell])
    assert notebook_problems(path) == [
        f"{display_path(path)}: the parameters cell (cell 2) does not set language; add language = None"
    ]


def test_broken_json_is_reported_with_its_line(tmp_path: Path) -> None:
    """A notebook that is not JSON is named with the line of the error."""
    path = tmp_path / "nb.ipynb"
    path.write_text('{\n "cells": [,\n}', encoding="utf-8")
    [problem] = notebook_problems(path)
    assert problem.startswith(f"{display_path(path)}:2 is not a notebook: invalid JSON")


def test_json_that_is_not_a_notebook_is_reported(tmp_path: Path) -> None:
    """Valid JSON without the notebook structure is reported as an invalid notebook."""
    path = tmp_path / "nb.ipynb"
    path.write_text('{"cells": "none", "nbformat": 4, "nbformat_minor": 5, "metadata": {}}', encoding="utf-8")
    [problem] = notebook_problems(path)
    assert "is not a valid notebook (nbformat:" in problem


def test_every_standard_notebook_passes_the_notebook_check() -> None:
    """The toolkit's own notebooks have a parameters cell with engagement and language."""
    for path in sorted(notebooks_dir().glob("*.ipynb")):
        assert notebook_problems(path) == [], path
