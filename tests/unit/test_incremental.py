"""Incremental-build keys: every part of a page's inputs changes its key, nothing else does."""

from __future__ import annotations

import datetime as dt
import errno
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from smtoolkit.build import incremental, orchestrate
from smtoolkit.build.tasks import Task, TaskOutput, TaskResult, plan
from smtoolkit.checks.base import Result
from smtoolkit.checks.registry import get, registry
from smtoolkit.engagement import Engagement, load_engagement
from smtoolkit.overview.spec import OVERVIEW
from tests.conftest import MINIMAL

DAY = dt.date(2026, 3, 2)
WITH_STRATEGY = MINIMAL + "strategy:\n  dormant_days: 60\n"


def keys(engagement: Engagement, tmp_path: Path, language: str = "de", day: dt.date = DAY) -> dict[str, str]:
    """The task key of every page of ``engagement`` (overview, effort, strategy)."""
    checks = [get("effort"), get("strategy")]
    context = {"client_name": engagement.client.name, "generated": f"built {day}"}
    tasks = plan(engagement, checks, tmp_path / "out", language, context, today=day)
    return {task.check: task.key for task in tasks}


@pytest.fixture
def muster(make_engagement: Callable[..., Path]) -> Path:
    """An engagement with effort and strategy answers."""
    return make_engagement("muster", WITH_STRATEGY)


def test_same_inputs_give_the_same_keys(muster: Path, tmp_path: Path) -> None:
    """Planning twice from unchanged files gives identical keys, also on another day when dated."""
    first = keys(load_engagement(muster), tmp_path)
    assert first == keys(load_engagement(muster), tmp_path)
    assert len(set(first.values())) == 3


def test_a_section_change_rekeys_its_check_and_the_overview_only(muster: Path, tmp_path: Path) -> None:
    """Changing effort's answers changes the effort and overview keys, not strategy's."""
    before = keys(load_engagement(muster), tmp_path)
    text = (muster / "engagement.yaml").read_text().replace("ads_per_month: 200", "ads_per_month: 250")
    (muster / "engagement.yaml").write_text(text)
    after = keys(load_engagement(muster), tmp_path)
    assert after["effort"] != before["effort"] and after["overview"] != before["overview"]
    assert after["strategy"] == before["strategy"]


def test_a_read_section_rekeys_the_reader(make_engagement: Callable[..., Path], tmp_path: Path) -> None:
    """Organization reads effort's hours, so an effort change rekeys organization too."""
    folder = make_engagement("muster", MINIMAL + "organization:\n  max_responsibilities: 5\n")
    checks = [get("organization")]
    first = plan(load_engagement(folder), checks, tmp_path, "de", {}, overview=False, today=DAY)
    text = (folder / "engagement.yaml").read_text().replace("ads_per_month: 200", "ads_per_month: 250")
    (folder / "engagement.yaml").write_text(text)
    second = plan(load_engagement(folder), checks, tmp_path, "de", {}, overview=False, today=DAY)
    assert first[0].key != second[0].key


def test_a_comment_or_layout_change_keeps_every_key(muster: Path, tmp_path: Path) -> None:
    """Keys follow the validated answers, so a new comment in engagement.yaml rebuilds nothing."""
    before = keys(load_engagement(muster), tmp_path)
    (muster / "engagement.yaml").write_text("# reviewed\n" + (muster / "engagement.yaml").read_text())
    assert keys(load_engagement(muster), tmp_path) == before


def test_a_data_file_rekeys_the_pages_that_read_files(muster: Path, tmp_path: Path) -> None:
    """A new export in data/ changes the overview's key; effort and strategy read no files."""
    before = keys(load_engagement(muster), tmp_path)
    (muster / "data").mkdir()
    (muster / "data" / "mentions.csv").write_text("date,text\n2026-01-01,hello\n")
    after = keys(load_engagement(muster), tmp_path)
    assert after["overview"] != before["overview"]
    assert after["effort"] == before["effort"] and after["strategy"] == before["strategy"]


def test_language_notebook_context_and_toolkit_rekey(
    muster: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The language, an override notebook, the branding context and the toolkit version each change keys."""
    engagement = load_engagement(muster)
    base = keys(engagement, tmp_path)
    assert keys(engagement, tmp_path, language="en")["effort"] != base["effort"]
    (muster / "notebooks").mkdir()
    override = muster / "notebooks" / get("effort").notebook
    override.write_text(get("effort").notebook_path().read_text())
    assert keys(engagement, tmp_path) == base  # an unedited copy builds the same page
    notebook = json.loads(override.read_text())
    notebook["cells"].append({"cell_type": "markdown", "id": "own", "metadata": {}, "source": "Own note"})
    override.write_text(json.dumps(notebook))
    with_override = keys(engagement, tmp_path)
    assert with_override["effort"] != base["effort"] and with_override["strategy"] == base["strategy"]
    override.unlink()
    context = {"client_name": "Muster GmbH", "css": ":root { --smt-primary: #123456; }"}
    branded = plan(engagement, [get("effort")], tmp_path, "de", context, overview=False, today=DAY)
    assert branded[0].key != base["effort"]
    monkeypatch.setattr(incremental, "__version__", "99.0.0")
    incremental.toolkit_fingerprint.cache_clear()
    try:
        assert keys(engagement, tmp_path)["effort"] != base["effort"]
    finally:
        monkeypatch.undo()
        incremental.toolkit_fingerprint.cache_clear()
    assert keys(engagement, tmp_path) == base


def test_the_report_template_is_part_of_the_key(
    muster: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A changed report template (a toolkit file) changes every key."""
    engagement = load_engagement(muster)
    base = keys(engagement, tmp_path)
    templates = tmp_path / "templates"
    (templates / "report").mkdir(parents=True)
    (templates / "report" / "index.html.j2").write_text("{% extends 'lab/index.html.j2' %}\n")
    monkeypatch.setattr(incremental, "templates_dir", lambda: templates)
    incremental.toolkit_fingerprint.cache_clear()
    try:
        changed = keys(engagement, tmp_path)
    finally:
        monkeypatch.undo()
        incremental.toolkit_fingerprint.cache_clear()
    assert all(changed[slug] != base[slug] for slug in base)


def test_the_date_counts_only_without_a_workshop_date(muster: Path, tmp_path: Path) -> None:
    """Without settings.workshop_date pages use today, so the key changes with the day; with one it does not."""
    engagement = load_engagement(muster)
    assert keys(engagement, tmp_path, day=DAY) != keys(engagement, tmp_path, day=DAY + dt.timedelta(1))
    text = (
        (muster / "engagement.yaml")
        .read_text()
        .replace("  language: de\n", "  language: de\n  workshop_date: 2026-02-01\n")
    )
    (muster / "engagement.yaml").write_text(text)
    dated = load_engagement(muster)
    assert keys(dated, tmp_path, day=DAY) == keys(dated, tmp_path, day=DAY + dt.timedelta(1))


def test_engagement_key_covers_files_firm_and_options(muster: Path, tmp_path: Path) -> None:
    """The key changes with every input file (not a stray one), the firm file above it and the options."""
    options: dict[str, Any] = {"language": None, "checks": None, "overview": True}
    base = incremental.engagement_key(muster, options)
    assert incremental.engagement_key(muster, options) == base
    assert incremental.engagement_key(muster, {**options, "language": "en"}) != base
    (muster / ".history").mkdir()
    (muster / ".history" / "old.yaml").write_text("x")
    assert incremental.engagement_key(muster, options) == base  # history is not an input
    (muster / "workshop-video.mp4").write_bytes(b"not read by any page")
    assert incremental.engagement_key(muster, options) == base  # a stray file is not an input
    (muster / "data").mkdir(exist_ok=True)
    (muster / "data" / "mentions.csv").write_text("date,text\n")
    with_data = incremental.engagement_key(muster, options)
    assert with_data != base
    (muster / "data" / "mentions.csv").write_text("date,text,source\n")
    changed = incremental.engagement_key(muster, options)
    assert changed != with_data
    (muster.parent.parent / "smtoolkit.toml").write_text('[firm]\nname = "Nordlicht"\n')
    assert incremental.engagement_key(muster, options) != changed


def test_up_to_date_needs_same_key_success_files_and_day(tmp_path: Path) -> None:
    """An engagement is up to date only with the same key, a successful build, its files, and (if dated) today."""
    out = tmp_path / "demo"
    out.mkdir()
    (out / "index.html").write_text("x")
    (out / "04-effort.html").write_text("x")
    previous = {
        "input_key": "k",
        "status": "ok",
        "date_dependent": True,
        "built_on": DAY.isoformat(),
        "pages": [{"check": "effort", "page": "04-effort.html"}],
        "files": ["index.html"],
    }
    assert incremental.up_to_date(previous, out, "k", DAY)
    assert not incremental.up_to_date(previous, out, "other", DAY)
    assert not incremental.up_to_date({**previous, "status": "failed"}, out, "k", DAY)
    assert not incremental.up_to_date(previous, out, "k", DAY + dt.timedelta(1))
    assert incremental.up_to_date({**previous, "date_dependent": False}, out, "k", DAY + dt.timedelta(1))
    (out / "04-effort.html").unlink()
    assert not incremental.up_to_date(previous, out, "k", DAY)
    assert not incremental.up_to_date(None, out, "k", DAY)


def test_declared_reads_cover_every_section_an_analysis_reads(root: Path) -> None:
    """Each check's analysis of the demo reads no section beyond its own and CheckSpec.reads."""
    engagement = load_engagement(root / "engagements" / "demo")

    class Recording(dict[str, Any]):
        """A sections mapping that remembers which keys were looked up."""

        seen: set[str]

        def __getitem__(self, key: str) -> Any:
            self.seen.add(key)
            return super().__getitem__(key)

        def get(self, key: str, default: Any = None) -> Any:
            self.seen.add(key)
            return super().get(key, default)

    for spec in registry():
        recording = Recording(engagement.sections)
        recording.seen = set()
        engagement.sections = recording
        try:
            result = spec.analyse(engagement.section(spec.slug), engagement)
        finally:
            engagement.sections = dict(recording)
        assert isinstance(result, Result)
        assert recording.seen <= {spec.slug, *spec.reads}, (spec.slug, recording.seen)


def _task(tmp_path: Path) -> Task:
    return Task(
        slug="muster",
        check="effort",
        number=4,
        engagement_dir=tmp_path,
        notebook=tmp_path / "04_effort.ipynb",
        notebook_source="standard",
        page=tmp_path / "out" / "muster" / "04-effort.html",
        executed=tmp_path / "out" / "_debug" / "muster" / "04_effort.ipynb",
        language="de",
    )


def test_a_full_disk_fails_the_page_with_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the page cannot be written the task fails, says what to do, and no stale page stays behind."""
    task = _task(tmp_path)
    task.page.parent.mkdir(parents=True)
    task.page.write_text("old page")

    def full(path: Path, text: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(orchestrate, "write_atomic", full)
    result = orchestrate._store(TaskOutput(TaskResult(task, "ok", 1.0), "<html></html>", "{}"))
    assert result.status == "failed"
    assert "No space left on device" in (result.error or "") and "free disk space" in (result.error or "")
    assert not task.page.exists()


def test_jobs_keep_engagements_apart_and_fill_idle_workers(tmp_path: Path) -> None:
    """Each job holds one engagement's tasks; a lone engagement is split over the workers."""
    one = [Task(**{**_task(tmp_path).__dict__, "check": f"c{i}", "number": i}) for i in range(5)]
    other = [Task(**{**_task(tmp_path).__dict__, "slug": "other", "number": i}) for i in range(3)]
    jobs = orchestrate._jobs([one], 2)
    assert [len(job.tasks) for job in jobs] == [3, 2]
    assert {t.number for job in jobs for t in job.tasks} == set(range(5))
    mixed = orchestrate._jobs([one, other, []], 2)
    assert [(job.slug, len(job.tasks)) for job in mixed] == [("muster", 5), ("other", 3)]
    assert all({t.slug for t in job.tasks} == {job.slug} for job in mixed)


def test_build_json_records_keys_for_the_next_build(muster: Path, tmp_path: Path) -> None:
    """previous_build reads back what the build wrote; a broken build.json counts as no build."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "build.json").write_text(json.dumps({"input_key": "abc", "pages": []}))
    assert incremental.previous_build(out) == {"input_key": "abc", "pages": []}
    (out / "build.json").write_text("{not json")
    assert incremental.previous_build(out) is None
    assert OVERVIEW.slug == "overview"
