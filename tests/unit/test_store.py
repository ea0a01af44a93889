"""Saving sections: atomic, comments kept, previous versions kept, no lost updates."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from pathlib import Path

import pytest

from smtoolkit.atomic import HISTORY_DIR, history_versions, keep_version, write_atomic
from smtoolkit.engagement import load_engagement
from smtoolkit.errors import ConflictError
from smtoolkit.store import read_section, save_section


def test_save_keeps_comments_key_order_and_other_sections(make_engagement: Callable[..., Path]) -> None:
    """Changing one value rewrites only that value; comments and order elsewhere survive."""
    folder = make_engagement()
    data = read_section(folder, "effort")
    data["monitoring_hours_per_week"] = 5
    assert save_section(folder, "effort", data) is True
    text = (folder / "engagement.yaml").read_text(encoding="utf-8")
    assert "# A small engagement for tests." in text
    assert 'name: "Muster GmbH"   # the client' in text
    assert "monitoring_hours_per_week: 5" in text
    assert text.index("client:") < text.index("settings:") < text.index("effort:")
    assert load_engagement(folder).section("effort").monitoring_hours_per_week == 5  # type: ignore[attr-defined]


def test_unchanged_save_writes_nothing(make_engagement: Callable[..., Path]) -> None:
    """Saving the data that is already on disk keeps no history entry and returns False."""
    folder = make_engagement()
    assert save_section(folder, "effort", read_section(folder, "effort")) is False
    assert not (folder / HISTORY_DIR).exists()


def test_previous_version_is_kept_in_history(make_engagement: Callable[..., Path]) -> None:
    """Each save copies the previous file into .history/ first."""
    folder = make_engagement()
    before = (folder / "engagement.yaml").read_text(encoding="utf-8")
    data = read_section(folder, "effort")
    data["reporting_hours_per_week"] = 4
    save_section(folder, "effort", data)
    (kept,) = history_versions(folder / "engagement.yaml")
    assert kept.read_text(encoding="utf-8") == before


def test_history_is_bounded(tmp_path: Path) -> None:
    """Only the newest `limit` versions are kept."""
    target = tmp_path / "engagement.yaml"
    for index in range(7):
        write_atomic(target, f"v{index}\n")
        keep_version(target, limit=3)
    versions = history_versions(target)
    assert [v.read_text() for v in versions] == ["v6\n", "v5\n", "v4\n"]


def test_atomic_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    """A completed write leaves exactly the target file behind."""
    write_atomic(tmp_path / "a.txt", "hello")
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the rename fails, the previous content is untouched and the temp file is removed."""
    target = tmp_path / "a.txt"
    write_atomic(target, "old")

    def boom(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("smtoolkit.atomic.os.replace", boom)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_hand_edit_since_load_is_not_overwritten(make_engagement: Callable[..., Path]) -> None:
    """A save based on an outdated section raises ConflictError and keeps the hand edit."""
    folder = make_engagement()
    loaded = read_section(folder, "effort")
    path = folder / "engagement.yaml"
    path.write_text(path.read_text().replace("monitoring_hours_per_week: 2", "monitoring_hours_per_week: 9"))
    mine = dict(loaded, reporting_hours_per_week=3)
    with pytest.raises(ConflictError, match="changed outside this form"):
        save_section(folder, "effort", mine, expected=loaded)
    assert "monitoring_hours_per_week: 9" in path.read_text()


def _save_many(folder: str, section: str, key: str, rounds: int) -> None:
    for value in range(1, rounds + 1):
        data = read_section(Path(folder), section) or {}
        data[key] = value
        save_section(Path(folder), section, data)


def _watch(folder: str, stop_file: str, result_file: str) -> None:
    """Load the engagement over and over until told to stop; record any invalid state."""
    problems = []
    reads = 0
    while not Path(stop_file).exists():
        try:
            load_engagement(Path(folder))
            reads += 1
        except Exception as err:  # any failure to load is exactly what this test looks for
            problems.append(repr(err))
    Path(result_file).write_text(f"{reads}\n" + "\n".join(problems))


def test_hundreds_of_interleaved_saves_lose_nothing_and_the_file_stays_valid(
    make_engagement: Callable[..., Path], tmp_path: Path
) -> None:
    """Two processes save different sections 200 times each while a third keeps loading: all valid, both last values kept."""
    folder = make_engagement()
    stop, result = tmp_path / "stop", tmp_path / "watch.txt"
    context = multiprocessing.get_context("spawn")
    watcher = context.Process(target=_watch, args=(str(folder), str(stop), str(result)))
    watcher.start()
    workers = [
        context.Process(target=_save_many, args=(str(folder), "effort", "direct_messages_per_week", 200)),
        context.Process(target=_save_many, args=(str(folder), "client", "employees", 200)),
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(300)
        assert worker.exitcode == 0
    stop.touch()
    watcher.join(60)
    reads, *problems = result.read_text().split("\n")
    assert [p for p in problems if p] == []
    assert int(reads) > 0
    engagement = load_engagement(folder)
    assert engagement.section("effort").direct_messages_per_week == 200  # type: ignore[attr-defined]
    assert engagement.client.employees == 200
    assert len(history_versions(folder / "engagement.yaml")) == 50


def test_long_texts_in_flow_rows_survive_repeated_saves(make_engagement: Callable[..., Path]) -> None:
    """Seeded random long sentences inside {...} rows reload unchanged after three saves."""
    import random

    from smtoolkit import yamlio

    rng = random.Random(7)
    words = [
        "Mitarbeitende",
        "dürfen",
        "im",
        "Namen",
        "des",
        "Unternehmens",
        "nur",
        "nach",
        "Freigabe",
        "auf",
        "Firmenkonten",
        "veröffentlichen",
        "„Zitat“",
        "ß:",
        "x",
    ]
    for trial in range(200):
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(10, 60)))
        text = f'section:\n  rows:\n    - {{topic: t{trial}, note: "{sentence}", status: covered}}\n'
        original = yamlio.to_plain(yamlio.load(text, "x.yaml"))
        for _ in range(3):
            text = yamlio.dump(yamlio.load(text, "x.yaml"))
        assert yamlio.to_plain(yamlio.load(text, "x.yaml")) == original
        assert "\n        " not in text  # nothing was wrapped onto a continuation line
