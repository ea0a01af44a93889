"""The shared cached import: one parse per change, only the kinds asked for."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from smtoolkit.importers import Kind, cached_folder, loader

DEMO = Path(__file__).resolve().parents[2] / "engagements" / "demo" / "data"


def test_only_the_kinds_asked_for_are_read(tmp_path: Path) -> None:
    """Asking for posts and followers never parses the mentions or the survey."""
    shutil.copytree(DEMO, tmp_path / "data")
    data = cached_folder(tmp_path / "data", {Kind.POSTS, Kind.FOLLOWERS})
    assert {t.kind for t in data.imported} == {Kind.POSTS, Kind.FOLLOWERS}
    assert not data.tables(Kind.MENTIONS)


def test_the_same_request_is_served_from_the_cache_until_a_file_changes(tmp_path: Path) -> None:
    """A second call returns the same object; touching a file makes it read again."""
    shutil.copytree(DEMO, tmp_path / "data")
    folder = tmp_path / "data"
    first = cached_folder(folder, {Kind.SURVEY})
    assert cached_folder(folder, {Kind.SURVEY}) is first
    survey = next(folder.glob("Mitarbeiterbefragung*.csv"))
    stat = survey.stat()
    os.utime(survey, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    again = cached_folder(folder, {Kind.SURVEY})
    assert again is not first
    assert len(again.tables(Kind.SURVEY)) == len(first.tables(Kind.SURVEY)) == 1


def test_each_file_is_detected_once_whatever_kinds_are_asked_for(tmp_path: Path, monkeypatch: Any) -> None:
    """Three requests for different kinds open and detect every file once, not three times."""
    shutil.copytree(DEMO, tmp_path / "data")
    folder = tmp_path / "data"
    opened: list[str] = []
    detect = loader._detect

    def counting(path: Path) -> Any:
        opened.append(path.name)
        return detect(path)

    monkeypatch.setattr(loader, "_detect", counting)
    for kinds in ({Kind.POSTS, Kind.FOLLOWERS}, {Kind.MENTIONS}, {Kind.SURVEY}):
        cached_folder(folder, kinds)
    files = sorted(p.name for p in folder.iterdir() if p.is_file())
    assert sorted(opened) == files


def test_a_changed_file_is_detected_and_read_again(tmp_path: Path) -> None:
    """After a file's content changes, the next import shows the new rows, not the detected old ones."""
    shutil.copytree(DEMO, tmp_path / "data")
    folder = tmp_path / "data"
    survey = next(folder.glob("Mitarbeiterbefragung*.csv"))
    before = len(loader.load_folder(folder, kind=Kind.SURVEY).frame(Kind.SURVEY))
    lines = survey.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    survey.write_text("".join(lines[:-2]), encoding="utf-8")
    after = len(loader.load_folder(folder, kind=Kind.SURVEY).frame(Kind.SURVEY))
    assert after == before - 2
