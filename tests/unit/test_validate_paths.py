"""Validate applies the build's path rules: file references stay inside, links in data/ do not leave."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from smtoolkit.engagement import load_engagement
from smtoolkit.errors import ValidationError
from smtoolkit.importers import load_folder
from tests.conftest import MINIMAL

MENTIONS = "date,text,source,author\n2026-03-02 09:00,Muster lobt die Pumpe,heise.de,Eva\n"


@pytest.mark.parametrize("reference", ["../../../../etc/passwd", "/etc/passwd", "../other/data/x.csv"])
def test_validate_refuses_a_reach_file_outside_the_engagement(
    make_engagement: Callable[..., Path], reference: str
) -> None:
    """`target_groups.reach_file` leaving the folder is a validation problem with file, line and field."""
    folder = make_engagement(text=MINIMAL + f"target_groups:\n  reach_file: {reference}\n")
    with pytest.raises(ValidationError) as caught:
        load_engagement(folder)
    (problem,) = caught.value.problems
    assert "engagement.yaml:" in problem and "target_groups.reach_file:" in problem
    assert "relative to" in problem or "points outside" in problem


def test_a_reach_file_inside_the_engagement_is_accepted(make_engagement: Callable[..., Path]) -> None:
    """A reach file named relative to the folder passes validation."""
    folder = make_engagement(text=MINIMAL + "target_groups:\n  reach_file: data/reach.csv\n")
    load_engagement(folder)


def test_a_link_to_another_clients_folder_is_refused_and_not_read(
    make_engagement: Callable[..., Path],
) -> None:
    """A symlink in data/ to another engagement's data fails validate; the importers list it as not read."""
    other = make_engagement("other")
    (other / "data").mkdir()
    (other / "data" / "mentions.csv").write_text(MENTIONS, encoding="utf-8")
    folder = make_engagement("muster")
    (folder / "data").mkdir()
    (folder / "data" / "theirs").symlink_to(other / "data", target_is_directory=True)
    (folder / "data" / "mentions.csv").symlink_to(other / "data" / "mentions.csv")
    with pytest.raises(ValidationError) as caught:
        load_engagement(folder)
    assert [p.split(": ", 1)[0].rsplit(" ", 1)[-1] for p in caught.value.problems] == [
        "data/mentions.csv",
        "data/theirs",
    ]
    assert all("symbolic link" in p for p in caught.value.problems)
    data = load_folder(folder / "data")
    assert data.imported == ()
    assert {e.path.name for e in data.errors} == {"mentions.csv", "theirs"}


def test_a_link_inside_the_engagement_is_fine(make_engagement: Callable[..., Path]) -> None:
    """A link from data/ to a file elsewhere in the same engagement folder is read as usual."""
    folder = make_engagement("muster")
    (folder / "exports").mkdir()
    (folder / "exports" / "mentions.csv").write_text(MENTIONS, encoding="utf-8")
    (folder / "data").mkdir()
    (folder / "data" / "mentions.csv").symlink_to(folder / "exports" / "mentions.csv")
    load_engagement(folder)
    assert len(load_folder(folder / "data").imported) == 1
