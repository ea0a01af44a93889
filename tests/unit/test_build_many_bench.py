"""The build benchmark's parts that need no build: synthetic engagements, memory sampling, summary."""

from __future__ import annotations

import importlib
import math
import os
import random
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from smtoolkit.engagement import load_engagement
from smtoolkit.yamlio import dump, load

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "engagements" / "demo"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    """benchmarks/build_many.py as a module (its folder on sys.path for ``_harness``)."""
    folder = str(ROOT / "benchmarks")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return importlib.import_module("build_many")


@pytest.fixture(scope="module")
def generated(bench: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Two synthetic engagements in a temporary workspace."""
    return list(bench.make_engagements(tmp_path_factory.mktemp("workspace"), 2))


def test_generated_engagements_validate(generated: list[Path]) -> None:
    """Every generated engagement lies under engagements/<slug>/ and passes the engagement validation."""
    assert [folder.name for folder in generated] == ["bench-01", "bench-02"]
    for folder in generated:
        assert folder.parent.name == "engagements"
        engagement = load_engagement(folder)
        assert engagement.client.name
        assert (folder / "logo.svg").is_file()
        assert len((folder / ".pseudonym-key").read_text(encoding="ascii").strip()) == 64


def test_generated_engagements_differ_in_names_and_answers(generated: list[Path]) -> None:
    """The client names and the answers differ between the engagements and from the demo."""
    demo = load_engagement(DEMO)
    first, second = (load_engagement(folder) for folder in generated)
    assert len({demo.client.name, first.client.name, second.client.name}) == 3
    for slug in ("strategy", "goals", "effort"):
        answers = [e.sections[slug].model_dump() for e in (demo, first, second)]
        assert answers[0] != answers[1]
        assert answers[0] != answers[2]
        assert answers[1] != answers[2]
    goals = [len(e.sections["goals"].model_dump()["goals"]) for e in (demo, first, second)]
    assert goals[1] < goals[0] and goals[2] < goals[0]


def test_generated_engagements_have_their_own_data(generated: list[Path]) -> None:
    """Each engagement holds the demo's export files, with contents of its own seed."""
    demo_files = sorted(p.name for p in (DEMO / "data").iterdir())
    first, second = (folder / "data" for folder in generated)
    assert sorted(p.name for p in first.iterdir()) == demo_files
    assert sorted(p.name for p in second.iterdir()) == demo_files
    for name in demo_files:
        if name.endswith(".csv"):
            contents = {(folder / name).read_bytes() for folder in (DEMO / "data", first, second)}
            assert len(contents) == 3, name


def test_vary_is_deterministic_by_seed(bench: ModuleType) -> None:
    """The same seed gives the same engagement file, another seed a different one."""
    text = (DEMO / "engagement.yaml").read_text(encoding="utf-8")

    def varied(seed: int) -> str:
        document = load(text, "engagement.yaml")
        bench.vary(document, random.Random(seed), "Muster AG")
        return str(dump(document))

    assert varied(7) == varied(7)
    assert varied(7) != varied(8)


def test_tree_rss_counts_a_child_process(bench: ModuleType) -> None:
    """Both memory samplers add a child's resident memory (here about 200 MiB) to the parent's."""
    before = bench.tree_rss(os.getpid())
    code = "import sys, time; b = bytearray(200 * 2**20); print('ready', flush=True); sys.stdin.read()"
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        assert bench.tree_rss(os.getpid()) - before > 150 * 2**20
        assert bench.proc_tree_rss(os.getpid()) - before > 150 * 2**20
    finally:
        child.communicate("")


def test_summary_line_prints_nan_for_skipped_variants(bench: ModuleType) -> None:
    """With (a) and (b) skipped the summary keeps its fields: the skipped ratios are nan."""
    outcomes = {
        "c": bench.Outcome("c", 30.0, 22, 22, peak_bytes=900 * 2**20),
        "d": bench.Outcome("d", 20.0, 22, 22),
    }
    rerun = bench.Outcome("rerun", 0.5, 2, 2)
    line = bench.summary_line(outcomes, rerun)
    assert line == "speedup_vs_cli=nan speedup_vs_api=nan vs_floor=1.50 noop_rerun_s=0.50 peak_mib=900"
    assert math.isnan(bench._ratio(None, outcomes["c"]))


def test_describe_reports_an_incomplete_variant(bench: ModuleType) -> None:
    """A variant with missing outputs is marked INCOMPLETE with its failures listed, not hidden."""
    outcome = bench.Outcome("(b) api", 12.0, 21, 22, ["bench-02/06_monitoring.ipynb: KeyError: 'x'"])
    text = bench.describe(outcome)
    assert not outcome.complete
    assert "21/22 pages  INCOMPLETE: 1 failure(s)" in text
    assert "- bench-02/06_monitoring.ipynb: KeyError: 'x'" in text
    assert bench.Outcome("(b) api", 12.0, 22, 22).complete


def test_varied_answers_validate_for_many_seeds(bench: ModuleType, tmp_path: Path) -> None:
    """vary() keeps every answer in its model's range (e.g. a response rate at most 100 %) for 25 seeds."""
    folder = tmp_path / "engagements" / "bench"
    folder.mkdir(parents=True)
    (folder / "logo.svg").write_bytes((DEMO / "logo.svg").read_bytes())
    for seed in range(bench.BASE_SEED, bench.BASE_SEED + 25):
        document = load((DEMO / "engagement.yaml").read_text(encoding="utf-8"), "engagement.yaml")
        bench.vary(document, random.Random(seed), f"Kunde {seed} GmbH")
        (folder / "engagement.yaml").write_text(str(dump(document)), encoding="utf-8")
        assert load_engagement(folder).client.name == f"Kunde {seed} GmbH"
