"""Batch builds: warm and fresh kernels, faults that fail one task, incremental re-runs, Dask."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import nbformat
import pytest

from smtoolkit.build.executors import DaskExecutor, ProcessExecutor, SerialExecutor
from smtoolkit.build.orchestrate import EngagementBuild, build
from smtoolkit.build.tasks import TaskResult
from smtoolkit.checks.registry import get, registry
from smtoolkit.overview.spec import OVERVIEW
from tests.conftest import MINIMAL, ROOT

pytestmark = pytest.mark.notebook

EFFORT = [get("effort")]
STRATEGY = [get("effort"), get("strategy")]
DAY = dt.date(2026, 3, 2)
PAGES = [OVERVIEW.page, *(s.page for s in registry()), "report.html", "index.html"]


class Recorder:
    """A build observer that keeps what it is told."""

    def __init__(self) -> None:
        self.to_run: int | None = None
        self.results: list[TaskResult] = []
        self.engagements: list[EngagementBuild] = []

    def planned(self, entries: Sequence[EngagementBuild], tasks: int, to_run: int) -> None:
        """Remember how many tasks were to run."""
        self.to_run = to_run

    def task_done(self, result: TaskResult) -> None:
        """Remember every result."""
        self.results.append(result)

    def engagement_done(self, entry: EngagementBuild) -> None:
        """Remember every finished engagement."""
        self.engagements.append(entry)

    def built(self) -> set[tuple[str, str]]:
        """(engagement, check) of the pages that were run, not kept."""
        return {(r.task.slug, r.task.check) for r in self.results if not r.reused}


def override(folder: Path, spec_notebook: str, source: str, cell: int = 3) -> None:
    """Give ``folder`` its own copy of a standard notebook with cell ``cell`` replaced."""
    nb = nbformat.read(str(ROOT / "notebooks" / spec_notebook), as_version=4)  # type: ignore[no-untyped-call]
    nb.cells[cell].source = source
    (folder / "notebooks").mkdir(exist_ok=True)
    nbformat.write(nb, str(folder / "notebooks" / spec_notebook))  # type: ignore[no-untyped-call]


def read(out: Path, slug: str, name: str) -> str:
    """A file of a built report."""
    return (out / slug / name).read_text(encoding="utf-8")


def test_warm_serial_fresh_parallel_and_dask_builds_give_the_same_pages(
    demo_copy: Path, tmp_path: Path
) -> None:
    """One warm kernel for all eleven notebooks, two workers with fresh kernels, and Dask give identical pages."""
    warm, fresh, dask = tmp_path / "warm", tmp_path / "fresh", tmp_path / "dask"
    assert build([str(demo_copy)], warm, executor=SerialExecutor("warm"), today=DAY).exit_code == 0
    parallel = ProcessExecutor(2, kernel="fresh")
    assert build([str(demo_copy)], fresh, executor=parallel, today=DAY).exit_code == 0
    cluster = DaskExecutor(2, kernel="warm")
    summary = build([str(demo_copy)], dask, executor=cluster, today=DAY)
    assert summary.exit_code == 0, [r.error for e in summary.engagements for r in e.results]
    for name in PAGES:
        assert read(warm, "demo", name) == read(fresh, "demo", name), name
        assert read(warm, "demo", name) == read(dask, "demo", name), name


def test_a_failure_a_killed_kernel_and_a_timeout_fail_only_their_task(
    make_engagement: Callable[..., Path], tmp_path: Path
) -> None:
    """Each fault fails its own page with a clear error; the engagement's next page and other clients build."""
    raising = make_engagement("raising")
    override(raising, OVERVIEW.notebook, "raise RuntimeError('broken on purpose')")
    killed = make_engagement("killed")
    override(killed, OVERVIEW.notebook, "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)")
    slow = make_engagement("slow")
    override(slow, OVERVIEW.notebook, "import time\ntime.sleep(60)")
    fine = make_engagement("fine")
    out = tmp_path / "out"
    folders = [str(p) for p in (raising, killed, slow, fine)]
    for kernel in ("warm", "fresh"):
        summary = build(folders, out, checks=EFFORT, executor=SerialExecutor(kernel), timeout=5, force=True)
        assert summary.exit_code == 1
        results = {(r.task.slug, r.task.check): r for e in summary.engagements for r in e.results}
        assert "RuntimeError: broken on purpose" in (results["raising", "overview"].error or "")
        assert results["raising", "overview"].cell == 4
        assert "kernel stopped" in (results["killed", "overview"].error or "")
        assert "did not finish within 5 s" in (results["slow", "overview"].error or "")
        # the notebook as far as it ran is kept, so the cell that was running is named
        assert (results["killed", "overview"].cell, results["slow", "overview"].cell) == (4, 4), kernel
        assert (out / "_debug" / "slow" / OVERVIEW.notebook).is_file()
        for slug in ("raising", "killed", "slow"):
            assert not (out / slug / OVERVIEW.page).exists(), (kernel, slug)
            assert results[slug, "effort"].ok, (kernel, slug, results[slug, "effort"].error)
            assert (out / slug / "04-effort.html").is_file()
        assert all(r.ok for r in [results["fine", "overview"], results["fine", "effort"]])


def test_incremental_rerun_skips_unchanged_and_rebuilds_what_changed_or_failed(
    make_engagement: Callable[..., Path], tmp_path: Path
) -> None:
    """Nothing changed: nothing runs; a section change reruns its readers; a fixed failure reruns alone."""
    muster = make_engagement("muster", MINIMAL + "strategy:\n  dormant_days: 60\n")
    other = make_engagement("other")
    out = tmp_path / "out"
    refs = [str(muster), str(other)]

    def run(**options: object) -> Recorder:
        recorder = Recorder()
        summary = build(refs, out, checks=STRATEGY, observer=recorder, today=DAY, **options)  # type: ignore[arg-type]
        assert summary.exit_code in (0, 1)
        return recorder

    first = run()
    assert first.to_run == 6 and len(first.built()) == 6  # overview, effort, strategy of each
    effort_page = out / "muster" / "04-effort.html"
    stamp = effort_page.stat().st_mtime_ns

    again = run()
    assert again.to_run == 0 and again.built() == set()
    assert all(e.up_to_date for e in again.engagements)
    assert effort_page.stat().st_mtime_ns == stamp

    text = (muster / "engagement.yaml").read_text().replace("dormant_days: 60", "dormant_days: 45")
    (muster / "engagement.yaml").write_text(text)
    changed = run()
    assert changed.built() == {("muster", "strategy"), ("muster", "overview")}
    assert effort_page.stat().st_mtime_ns == stamp
    pages = {p["check"]: p for p in json.loads(read(out, "muster", "build.json"))["pages"]}
    assert pages["effort"]["reused"] is True and pages["strategy"]["reused"] is False

    override(muster, get("effort").notebook, "raise ValueError('not yet')")
    failed = run()
    assert failed.built() == {("muster", "effort")}
    assert not effort_page.exists()
    override(muster, get("effort").notebook, "pass")
    fixed = run()
    assert fixed.built() == {("muster", "effort")}
    assert effort_page.is_file()

    forced = run(force=True)
    assert len(forced.built()) == 6


def test_an_unwritable_report_folder_fails_that_engagement_only(
    make_engagement: Callable[..., Path], tmp_path: Path
) -> None:
    """A report folder that cannot be created fails its engagement with a message; the other one builds."""
    blocked, good = make_engagement("blocked"), make_engagement("good")
    out = tmp_path / "out"
    out.mkdir()
    (out / "blocked").write_text("a file where the report folder should be")
    summary = build([str(blocked), str(good)], out, checks=EFFORT, overview=False)
    assert summary.exit_code == 1
    by_slug = {e.slug: e for e in summary.engagements}
    assert by_slug["good"].ok and (out / "good" / "04-effort.html").is_file()
    (result,) = by_slug["blocked"].results
    assert not result.ok and "cannot write 04-effort.html" in (result.error or "")
    assert any("cannot write the report folder" in p for p in by_slug["blocked"].problems)


def test_extra_notebook_is_built_and_linked_after_the_standard_pages(
    make_engagement: Callable[..., Path], tmp_path: Path
) -> None:
    """notebooks/11_dealer_network.ipynb of one client becomes a guarded page linked last in its index."""
    muster = make_engagement("muster")
    other = make_engagement("other")
    nb = nbformat.v4.new_notebook()  # type: ignore[no-untyped-call]
    params = nbformat.v4.new_code_cell('engagement = "."\nlanguage = None')  # type: ignore[no-untyped-call]
    params.metadata["tags"] = ["parameters"]
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Händlernetz <Nord>"),  # type: ignore[no-untyped-call]
        params,
        nbformat.v4.new_code_cell(  # type: ignore[no-untyped-call]
            "from smtoolkit.engagement import load_engagement\n"
            "print('Dealers of', load_engagement(engagement).client.name)"
        ),
    ]
    (muster / "notebooks").mkdir()
    nbformat.write(nb, str(muster / "notebooks" / "11_dealer_network.ipynb"))  # type: ignore[no-untyped-call]
    out = tmp_path / "out"
    summary = build([str(muster), str(other)], out, checks=EFFORT)
    assert summary.exit_code == 0, [r.error for e in summary.engagements for r in e.results]
    page = read(out, "muster", "11-dealer-network.html")
    assert "Dealers of Muster GmbH" in page and "load_engagement" not in page
    index = read(out, "muster", "index.html")
    links = [line for line in index.splitlines() if "<a href=" in line]
    assert links.index(next(x for x in links if "11-dealer-network.html" in x)) > links.index(
        next(x for x in links if "04-effort.html" in x)
    )
    assert "Händlernetz &lt;Nord&gt;" in index and "Weitere Analysen" in index
    assert "Dealers of Muster GmbH" in read(out, "muster", "report.html")
    assert not (out / "other" / "11-dealer-network.html").exists()
    pages = json.loads(read(out, "muster", "build.json"))["pages"]
    assert [p["notebook_source"] for p in pages][-1] == "extra"


def test_override_is_used_for_one_client_and_a_stale_one_is_warned_about(
    make_engagement: Callable[..., Path], tmp_path: Path
) -> None:
    """A customized notebook changes only its client's page; one based on an older standard warns."""
    from smtoolkit.customize import customize

    muster, other = make_engagement("muster"), make_engagement("other")
    copy = customize(str(muster), "04")
    nb = nbformat.read(str(copy), as_version=4)  # type: ignore[no-untyped-call]
    nb.cells.append(nbformat.v4.new_markdown_cell("Sonderauswertung für diesen Kunden"))  # type: ignore[no-untyped-call]
    nbformat.write(nb, str(copy))  # type: ignore[no-untyped-call]
    out = tmp_path / "out"
    summary = build([str(muster), str(other)], out, checks=EFFORT, overview=False)
    assert summary.exit_code == 0
    assert "Sonderauswertung" in read(out, "muster", "04-effort.html")
    assert "Sonderauswertung" not in read(out, "other", "04-effort.html")
    assert json.loads(read(out, "muster", "build.json"))["pages"][0]["notebook_source"] == "override"
    assert not any(e.warnings for e in summary.engagements)
    nb.metadata["smtoolkit"]["standard_hash"] = "sha256:" + "0" * 64  # copied from an older standard
    nbformat.write(nb, str(copy))  # type: ignore[no-untyped-call]
    stale = build([str(muster)], out, checks=EFFORT, overview=False)
    (entry,) = stale.engagements
    assert entry.warnings and "04" in entry.warnings[0]
    assert json.loads(read(out, "muster", "build.json"))["warnings"] == entry.warnings


def test_override_without_parameters_cell_fails_with_a_message(
    make_engagement: Callable[..., Path], tmp_path: Path
) -> None:
    """An override notebook without a parameters cell is not run; the error says what to do; others build."""
    muster = make_engagement("muster")
    (muster / "notebooks").mkdir()
    nb = nbformat.v4.new_notebook()  # type: ignore[no-untyped-call]
    nb.cells = [nbformat.v4.new_code_cell("print('hi')")]  # type: ignore[no-untyped-call]
    nbformat.write(nb, str(muster / "notebooks" / "04_effort.ipynb"))  # type: ignore[no-untyped-call]
    out = tmp_path / "out"
    summary = build([str(muster)], out, checks=STRATEGY, overview=False)
    results = {r.task.check: r for r in summary.engagements[0].results}
    assert not results["effort"].ok and "parameters" in (results["effort"].error or "")
    assert results["strategy"].ok


def test_cli_builds_all_engagements_with_plain_progress_and_a_summary(
    make_engagement: Callable[..., Path], tmp_path: Path
) -> None:
    """Build --all in a log (no terminal) prints a line per page, the summary table and each failure."""
    import subprocess
    import sys

    make_engagement("alpha")
    beta = make_engagement("beta")
    override(beta, get("effort").notebook, "raise KeyError('missing column')")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "smtoolkit",
            "build",
            "--all",
            "--only",
            "4",
            "--out",
            "reports",
            "--jobs",
            "2",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 1, done.stderr
    assert "ok alpha 04-effort.html" in done.stdout and "failed beta 04-effort.html" in done.stdout
    assert "build summary" in done.stdout and "Traceback" not in done.stderr
    assert "beta 04-effort.html (override notebook 04_effort.ipynb): cell 4: KeyError" in " ".join(
        done.stderr.split()
    )
    rerun = subprocess.run(
        [sys.executable, "-m", "smtoolkit", "build", "--all", "--only", "4", "--out", "reports"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert "up to date alpha" in rerun.stdout and "failed beta 04-effort.html" in rerun.stdout
    shutil.rmtree(tmp_path / "reports")
