"""Benchmark: building many engagements, ``smtoolkit build --all`` against the ways a user would script it.

Usage: ``python benchmarks/build_many.py [--n N] [--skip a,b] [--keep DIR] [--memory-ns 10,40]``

Writes N synthetic engagements (default 20) into ``<workspace>/engagements/<slug>/``:
each a copy of the demo client with another client name, answers varied by its seed
(numbers scaled, scores moved, list items dropped or altered; every engagement is checked
with ``smtoolkit validate``), its own pseudonym key and its own data exports
(``scripts/generate_demo_data.py`` with another seed). Then it builds the same
notebooks of every engagement (the overview and every registered check, in German) in
four ways, one after the other, each with ``SMTOOLKIT_MODE=batch``:

* (d) the floor: one plain Python process (no kernel) that runs the code cells of each
  notebook in a fresh namespace, the parameters set after the parameters cell,
  matplotlib on Agg, stdout discarded;
* (a) what a user would script: per notebook the ``papermill`` CLI, then
  ``jupyter nbconvert --to html --no-input`` (the executables next to this Python);
* (b) ``papermill.execute_notebook`` per notebook, sequentially, each in a fresh kernel,
  and one reused ``nbconvert.HTMLExporter(exclude_input=True)``;
* (c) ``python -m smtoolkit build --all --out <fresh folder>`` with its defaults
  (warm kernels, one worker per core); then the same command again with nothing
  changed (the no-op re-run).

Times are wall-clock times of the whole subprocess (interpreter start and imports
included). Every variant's outputs are counted (pages written, or notebooks run for the
floor); a variant that did not produce all of them is reported with its failures and the
exit code is 1. Peak memory of (c) is the largest sum of the resident set sizes of its
whole process tree (build process, workers, kernels), sampled every 0.2 s.
``--skip a,b`` leaves variants out (their ratios print as ``nan``); ``--keep DIR`` keeps
the workspace in DIR (an empty or new folder); ``--memory-ns 10,40`` runs only (c),
once per N given, and prints its time and peak memory per N, to show that the peak does
not grow with N. The last line is machine-readable:
``speedup_vs_cli=<a/c> speedup_vs_api=<b/c> vs_floor=<c/d> noop_rerun_s=<s> peak_mib=<MiB>``.
Targets on 2 cores with N=20: (c) at least 8x faster than (a) and 4x faster than (b),
at most 2x the floor (d), peak memory flat in N, the no-op re-run under 2 s.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import io
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import _harness as harness
from _harness import REPO

DEMO = REPO / "engagements" / "demo"
LANGUAGE = "de"
MODE = ("SMTOOLKIT_MODE", "batch")
SAMPLE_SECONDS = 0.2
VARIANTS = ("a", "b", "c", "d")
SLUG = "bench-{:02d}"
BASE_SEED = 1000

NAME_STEMS = (
    "Albrecht",
    "Brenner",
    "Castell",
    "Dornbach",
    "Eckhardt",
    "Falkenried",
    "Gerlach",
    "Hohenfels",
    "Imhoff",
    "Jansen",
    "Kirchner",
    "Lindholm",
)
NAME_TRADES = (
    "Armaturen",
    "Antriebstechnik",
    "Fördertechnik",
    "Hydraulik",
    "Ventilbau",
    "Maschinenbau",
    "Kältetechnik",
    "Industriepumpen",
)
NAME_FORMS = ("GmbH", "AG", "GmbH & Co. KG", "SE")


# --------------------------------------------------------------------------- engagements


def _demo_data_module() -> ModuleType:
    """``scripts/generate_demo_data.py`` as a module (the scripts folder is no package)."""
    path = REPO / "scripts" / "generate_demo_data.py"
    if "_smt_generate_demo_data" in sys.modules:
        return sys.modules["_smt_generate_demo_data"]
    spec = importlib.util.spec_from_file_location("_smt_generate_demo_data", path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


def _scaled(value: Any, factor: float, *, step: float = 1, minimum: float = 0) -> Any:
    """``value * factor`` rounded to ``step`` and at least ``minimum``; ints stay ints."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    result = max(minimum, round(value * factor / step) * step)
    return int(result) if isinstance(value, int) and float(step).is_integer() else float(result)


def _scale_keys(mapping: Any, factor: float, keys: Sequence[str], **rounding: float) -> None:
    for key in keys:
        if isinstance(mapping, dict) and mapping.get(key) is not None:
            mapping[key] = _scaled(mapping[key], factor, **rounding)


def _drop_one(rng: random.Random, items: Any, keep: int) -> None:
    """Remove one item (never the first) while more than ``keep`` remain."""
    if isinstance(items, list) and len(items) > keep:
        del items[rng.randrange(1, len(items))]


def client_name(rng: random.Random) -> str:
    """A fictional client name such as ``"Gerlach Hydraulik GmbH"``."""
    return f"{rng.choice(NAME_STEMS)} {rng.choice(NAME_TRADES)} {rng.choice(NAME_FORMS)}"


def vary(document: Any, rng: random.Random, name: str) -> None:
    """Turn the demo's round-trip document into another client's answers, in place.

    Only values the models accept are written: numbers are scaled within their ranges,
    scores stay within 1 to 5, and list items are dropped only where a list may be shorter.
    """
    client = document["client"]
    client["name"] = name
    client["employees"] = _scaled(client.get("employees", 100), rng.uniform(0.4, 2.5), minimum=10)

    strategy = document["strategy"]
    for area in strategy["areas"]:
        for key in ("value", "feasibility"):
            area[key] = min(5, max(1, area[key] + rng.choice((-1, 0, 0, 1))))
    _drop_one(rng, strategy["accounts"], keep=3)

    goals = document["goals"]["goals"]
    for goal in goals:
        if goal.get("baseline") is not None and goal.get("target") is not None:
            factor = rng.uniform(0.5, 2.0)
            _scale_keys(goal, factor, ("baseline", "target"), minimum=1)
    _drop_one(rng, goals, keep=4)

    effort = document["effort"]
    for channel in effort["channels"]:
        _scale_keys(channel, rng.uniform(0.5, 1.8), ("posts_per_week",), step=0.5, minimum=0.5)
        _scale_keys(channel, rng.uniform(0.6, 1.5), ("minutes_per_post",), step=5, minimum=5)
        _scale_keys(channel, rng.uniform(0.5, 2.0), ("comments_per_post",))
    _drop_one(rng, effort["channels"], keep=3)
    _scale_keys(effort, rng.uniform(0.85, 1.25), ("gross_salary",), step=100, minimum=20000)
    _scale_keys(effort, rng.uniform(0.5, 2.0), ("ads_per_month", "tools_per_month"), step=10)
    _scale_keys(effort, rng.uniform(0.6, 1.6), ("approved_budget_per_year",), step=500)
    _scale_keys(effort, rng.uniform(0.5, 2.0), ("direct_messages_per_week", "available_hours_per_week"))

    target_groups = document["target_groups"]
    for community in target_groups["communities"]:
        _scale_keys(community, rng.uniform(0.3, 3.0), ("reach",), step=100, minimum=100)
    _drop_one(rng, target_groups["communities"], keep=2)

    crisis = document["crisis"]
    _scale_keys(crisis, rng.uniform(0.5, 3.0), ("approval_hours",), minimum=1)

    from smtoolkit.checks.goals.analysis import kpi_range

    success = document["success"]
    for measured in success["measured"]:
        _scale_keys(measured, rng.uniform(0.7, 1.4), ("value",), minimum=1)
        low, high = kpi_range(str(measured.get("kpi")))
        if isinstance(measured.get("value"), int | float):
            measured["value"] = min(high, max(low, measured["value"]))  # e.g. a rate stays <= 100 %
    _scale_keys(success, rng.uniform(0.3, 2.0), ("attributed_value_per_year",), step=500)

    people = document["people"]
    covered = [g for g in people["guidelines"] if g.get("status") == "covered"]
    if covered:
        rng.choice(covered)["status"] = "partly"
    _drop_one(rng, people["trainings"], keep=3)


def make_engagements(root: Path, n: int, *, base_seed: int = BASE_SEED) -> list[Path]:
    """Write ``n`` synthetic engagements under ``root/engagements``; return their folders.

    Engagement ``i`` (1-based) is ``bench-<ii>`` with seed ``base_seed + i``: the demo's
    answers varied by that seed (:func:`vary`), a unique client name, the demo's logo, a
    pseudonym key derived from the seed and the demo exports generated with that seed.
    The same arguments give the same files.
    """
    from smtoolkit.atomic import write_atomic
    from smtoolkit.yamlio import dump, load

    generator = _demo_data_module()
    source = DEMO / "engagement.yaml"
    text = source.read_text(encoding="utf-8")
    folders: list[Path] = []
    names: set[str] = set()
    for index in range(1, n + 1):
        seed = base_seed + index
        rng = random.Random(seed)
        name = client_name(rng)
        for _ in range(50):
            if name not in names:
                break
            name = client_name(rng)
        else:
            name = f"{name} {index}"  # more engagements than the name pools combine into
        names.add(name)
        folder = root / "engagements" / SLUG.format(index)
        folder.mkdir(parents=True)
        document = load(text, str(source))
        vary(document, rng, name)
        write_atomic(folder / "engagement.yaml", dump(document))
        shutil.copy2(DEMO / "logo.svg", folder / "logo.svg")
        key = folder / ".pseudonym-key"
        key.write_text(hashlib.sha256(f"smtoolkit-bench-{seed}".encode()).hexdigest() + "\n", "ascii")
        key.chmod(0o600)
        generator.generate(folder / "data", seed)
        folders.append(folder)
    return folders


def validate(folders: Sequence[Path]) -> None:
    """Run ``smtoolkit validate`` on the folders; stop with its output when one is invalid."""
    result = subprocess.run(
        [sys.executable, "-m", "smtoolkit", "validate", *map(str, folders)],
        capture_output=True,
        text=True,
        env=_environment(),
    )
    if result.returncode != 0:
        raise SystemExit(
            f"the generated engagements do not validate (exit code {result.returncode}):\n"
            f"{result.stdout}{result.stderr}"
        )


# --------------------------------------------------------------------------- what is built


def notebooks() -> list[tuple[Path, str]]:
    """Every notebook the build runs for an engagement and the name of its page, overview first."""
    from smtoolkit.checks.registry import registry
    from smtoolkit.overview.spec import OVERVIEW

    return [(OVERVIEW.notebook_path(), OVERVIEW.page)] + [(s.notebook_path(), s.page) for s in registry()]


def engagement_folders(workspace: Path) -> list[Path]:
    """The engagement folders of the workspace, sorted (what ``build --all`` finds)."""
    return sorted(p.parent for p in (workspace / "engagements").glob("*/engagement.yaml"))


def _environment() -> dict[str, str]:
    paths = [str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])]
    return dict(os.environ, PYTHONPATH=os.pathsep.join(paths), **{MODE[0]: MODE[1]})


@dataclass
class Outcome:
    """One variant's run: wall time, outputs produced out of those expected, and failures."""

    label: str
    seconds: float
    produced: int
    expected: int
    failures: list[str] = field(default_factory=list)
    peak_bytes: int | None = None
    note: str = ""

    @property
    def complete(self) -> bool:
        """Whether every expected output was produced and nothing failed."""
        return self.produced == self.expected and not self.failures


# --------------------------------------------------------------------------- memory


def _proc_children() -> dict[int, list[int]]:
    """Parent pid -> child pids, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    return children


def proc_tree_rss(pid: int) -> int:
    """Summed resident memory in bytes of ``pid`` and all its descendants, from /proc."""
    children = _proc_children()
    page = os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        stack.extend(children.get(current, ()))
        try:
            total += int((Path("/proc") / str(current) / "statm").read_text().split()[1]) * page
        except (OSError, IndexError, ValueError):
            continue
    return total


def tree_rss(pid: int) -> int:
    """Summed resident memory in bytes of ``pid`` and all its descendants (psutil, else /proc)."""
    try:
        import psutil  # type: ignore[import-untyped]
    except ImportError:
        return proc_tree_rss(pid)
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            total += process.memory_info().rss
    return total


@dataclass
class Run:
    """A finished subprocess: wall time, exit code, output and the peak memory of its tree."""

    seconds: float
    returncode: int
    stdout: str
    stderr: str
    peak_bytes: int


def run_sampled(command: Sequence[str], cwd: Path, sample: Callable[[int], int] = tree_rss) -> Run:
    """Run ``command`` and sample the memory of its process tree every 0.2 s until it ends."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=_environment(), stdout=out, stderr=err, text=True)
        peak = 0
        while process.poll() is None:
            peak = max(peak, sample(process.pid))
            time.sleep(SAMPLE_SECONDS)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        return Run(seconds, process.returncode, out.read(), err.read(), peak)


# --------------------------------------------------------------------------- the variants


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else "(no output)"


def run_cli_loop(workspace: Path) -> Outcome:
    """(a) The ``papermill`` and ``jupyter nbconvert`` command lines, once per notebook."""
    bin_dir = Path(sys.executable).parent
    papermill, jupyter = bin_dir / "papermill", bin_dir / "jupyter"
    for tool in (papermill, jupyter):
        if not tool.exists():
            raise SystemExit(f"{tool} not found: run this benchmark with the Python of the repo's .venv")
    out_root = workspace / "out-a"
    folders, pages = engagement_folders(workspace), notebooks()
    failures: list[str] = []
    env = _environment()
    start = time.perf_counter()
    for folder in folders:
        for notebook, _ in pages:
            executed = out_root / folder.name / notebook.name
            executed.parent.mkdir(parents=True, exist_ok=True)
            command = [str(papermill), str(notebook), str(executed), "-p", "engagement", str(folder)]
            command += ["-p", "language", LANGUAGE, "--cwd", str(folder)]
            result = subprocess.run(command, capture_output=True, text=True, env=env)
            if result.returncode != 0:
                failures.append(f"{folder.name}/{notebook.name}: papermill: {_last_line(result.stderr)}")
                continue
            command = [str(jupyter), "nbconvert", "--to", "html", "--no-input", str(executed)]
            result = subprocess.run(command, capture_output=True, text=True, env=env)
            if result.returncode != 0:
                failures.append(f"{folder.name}/{notebook.name}: nbconvert: {_last_line(result.stderr)}")
    seconds = time.perf_counter() - start
    produced = sum(1 for p in out_root.glob("*/*.html") if p.stat().st_size > 0)
    return Outcome(
        "(a) papermill + nbconvert CLI per notebook", seconds, produced, len(folders) * len(pages), failures
    )


def _child_api(workspace: Path) -> dict[str, Any]:
    """(b), in its own process: papermill's Python API with a fresh kernel per notebook."""
    import nbformat
    import papermill as pm
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=True)  # type: ignore[no-untyped-call]
    failures: list[str] = []
    for folder in engagement_folders(workspace):
        for notebook, _ in notebooks():
            executed = workspace / "out-b" / folder.name / notebook.name
            executed.parent.mkdir(parents=True, exist_ok=True)
            try:
                pm.execute_notebook(
                    str(notebook),
                    str(executed),
                    parameters={"engagement": str(folder), "language": LANGUAGE},
                    cwd=str(folder),
                    progress_bar=False,
                )
                executed_nb = nbformat.read(executed, as_version=4)  # type: ignore[no-untyped-call]
                body, _ = exporter.from_notebook_node(executed_nb)
            except Exception as err:
                failures.append(f"{folder.name}/{notebook.name}: {type(err).__name__}: {str(err)[:200]}")
                continue
            executed.with_suffix(".html").write_text(body, encoding="utf-8")
    return {"failures": failures}


def _child_floor(workspace: Path) -> dict[str, Any]:
    """(d), in its own process: every notebook's code cells in a fresh namespace, no kernel."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import nbformat

    failures: list[str] = []
    ran = 0
    for folder in engagement_folders(workspace):
        for notebook, _ in notebooks():
            nb = nbformat.read(notebook, as_version=4)  # type: ignore[no-untyped-call]
            namespace: dict[str, Any] = {"__name__": "__main__"}
            os.chdir(folder)
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    for number, cell in enumerate(nb.cells, start=1):
                        if cell.cell_type != "code":
                            continue
                        exec(compile(cell.source, f"{notebook.name}[{number}]", "exec"), namespace)
                        if "parameters" in cell.metadata.get("tags", []):
                            namespace.update(engagement=str(folder), language=LANGUAGE)
            except Exception as err:
                failures.append(f"{folder.name}/{notebook.name}: {type(err).__name__}: {str(err)[:200]}")
            else:
                ran += 1
            finally:
                plt.close("all")
    return {"failures": failures, "ran": ran}


def _run_child(mode: str, workspace: Path) -> tuple[float, dict[str, Any] | str]:
    """Run this script's child ``mode`` in a fresh interpreter: wall time and its JSON, or an error."""
    start = time.perf_counter()
    try:
        output = harness.run_child(__file__, "--child", mode, str(workspace))
    except subprocess.CalledProcessError as err:
        return time.perf_counter() - start, f"exit code {err.returncode}: {_last_line(err.stderr or '')}"
    seconds = time.perf_counter() - start
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return seconds, result


def run_api(workspace: Path) -> Outcome:
    """(b) papermill's Python API, a fresh kernel per notebook, sequentially."""
    expected = len(engagement_folders(workspace)) * len(notebooks())
    seconds, result = _run_child("api", workspace)
    produced = sum(1 for p in (workspace / "out-b").glob("*/*.html") if p.stat().st_size > 0)
    failures = [result] if isinstance(result, str) else list(result["failures"])
    return Outcome("(b) papermill API, fresh kernel each", seconds, produced, expected, failures)


def run_floor(workspace: Path) -> Outcome:
    """(d) all notebooks' code in one plain Python process, no kernel."""
    expected = len(engagement_folders(workspace)) * len(notebooks())
    seconds, result = _run_child("floor", workspace)
    if isinstance(result, str):
        return Outcome("(d) floor: plain Python, no kernel", seconds, 0, expected, [result])
    return Outcome(
        "(d) floor: plain Python, no kernel", seconds, int(result["ran"]), expected, list(result["failures"])
    )


def build_command(out: Path) -> list[str]:
    """(c) as a user types it, run from the workspace: ``smtoolkit build --all --out OUT``."""
    return [sys.executable, "-m", "smtoolkit", "build", "--all", "--out", str(out)]


def _pages_built(out: Path, folders: Sequence[Path]) -> int:
    pages = [page for _, page in notebooks()]
    return sum(1 for folder in folders for page in pages if (out / folder.name / page).is_file())


def run_build(workspace: Path, out_name: str = "out-c") -> Outcome:
    """(c) ``smtoolkit build --all`` with defaults into a fresh folder, memory sampled."""
    folders = engagement_folders(workspace)
    out = workspace / out_name
    run = run_sampled(build_command(out), workspace)
    failures = [] if run.returncode == 0 else [f"exit code {run.returncode}: {_last_line(run.stderr)}"]
    return Outcome(
        "(c) smtoolkit build --all",
        run.seconds,
        _pages_built(out, folders),
        len(folders) * len(notebooks()),
        failures,
        peak_bytes=run.peak_bytes,
    )


def run_rebuild(workspace: Path, out_name: str = "out-c") -> Outcome:
    """(c) again with nothing changed: every engagement should be reported up to date."""
    folders = engagement_folders(workspace)
    run = run_sampled(build_command(workspace / out_name), workspace)
    fresh = sum(1 for line in run.stdout.splitlines() if line.startswith("up to date "))
    failures = [] if run.returncode == 0 else [f"exit code {run.returncode}: {_last_line(run.stderr)}"]
    if fresh != len(folders):
        failures.append(f"only {fresh} of {len(folders)} engagements were up to date; the rest were rebuilt")
    return Outcome(
        "(c) re-run, nothing changed", run.seconds, fresh, len(folders), failures, note="up to date"
    )


# --------------------------------------------------------------------------- report


def _ratio(numerator: Outcome | None, denominator: Outcome | None) -> float:
    if numerator is None or denominator is None or denominator.seconds <= 0:
        return math.nan
    return numerator.seconds / denominator.seconds


def _mib(value: int | None) -> float:
    return math.nan if value is None else value / 2**20


def summary_line(outcomes: dict[str, Outcome], rerun: Outcome | None) -> str:
    """The machine-readable last line; skipped variants give ``nan``."""
    a, b, c, d = (outcomes.get(key) for key in VARIANTS)
    noop = rerun.seconds if rerun else math.nan
    peak = _mib(c.peak_bytes if c else None)
    return (
        f"speedup_vs_cli={_ratio(a, c):.2f} speedup_vs_api={_ratio(b, c):.2f} vs_floor={_ratio(c, d):.2f} "
        f"noop_rerun_s={noop:.2f} peak_mib={peak:.0f}"
    )


def describe(outcome: Outcome) -> str:
    """One line: label, wall time, outputs and the failures, if any."""
    what = outcome.note or ("notebooks ran" if outcome.label.startswith("(d)") else "pages")
    line = f"{outcome.label:<46} {outcome.seconds:8.1f} s  {outcome.produced}/{outcome.expected} {what}"
    if outcome.peak_bytes is not None:
        line += f"  peak {_mib(outcome.peak_bytes):.0f} MiB"
    if not outcome.complete:
        line += f"  INCOMPLETE: {len(outcome.failures)} failure(s)"
        for failure in outcome.failures[:10]:
            line += f"\n    - {failure}"
        if len(outcome.failures) > 10:
            line += f"\n    ... and {len(outcome.failures) - 10} more"
    return line


def _prepare(workspace: Path, n: int) -> list[Path]:
    start = time.perf_counter()
    folders = make_engagements(workspace, n)
    validate(folders)
    print(
        f"engagements: {n} ({folders[0].name} .. {folders[-1].name}) in {workspace}, "
        f"{len(notebooks())} notebooks each, generated and validated in {time.perf_counter() - start:.1f} s; "
        f"cores: {os.cpu_count()}",
        flush=True,
    )
    return folders


def compare(workspace: Path, n: int, skip: set[str]) -> int:
    """Generate N engagements, run every variant not skipped, print times, ratios and the summary."""
    _prepare(workspace, n)
    runners: dict[str, Callable[[Path], Outcome]] = {
        "d": run_floor,
        "a": run_cli_loop,
        "b": run_api,
        "c": run_build,
    }
    outcomes: dict[str, Outcome] = {}
    for key, runner in runners.items():
        if key in skip:
            print(f"({key}) skipped")
            continue
        outcomes[key] = runner(workspace)
        print(describe(outcomes[key]), flush=True)
    rerun = None
    if "c" in outcomes:
        rerun = run_rebuild(workspace)
        print(describe(rerun), flush=True)
    a, b, c, d = (outcomes.get(key) for key in VARIANTS)
    print(
        f"ratios: a/c={_ratio(a, c):.2f} (target >= 8)  b/c={_ratio(b, c):.2f} (target >= 4)  "
        f"c/d={_ratio(c, d):.2f} (target <= 2)  no-op re-run "
        f"{rerun.seconds if rerun else math.nan:.2f} s (target < 2 s); targets for N=20 on 2 cores"
    )
    print(summary_line(outcomes, rerun))
    complete = all(o.complete for o in outcomes.values()) and (rerun is None or rerun.complete)
    return 0 if complete else 1


def memory_series(workspace: Path, ns: Sequence[int]) -> int:
    """Run only (c) for each N, each in its own workspace; print the peak memory per N."""
    peaks: list[str] = []
    complete = True
    for n in ns:
        folder = workspace / f"n{n}"
        _prepare(folder, n)
        outcome = run_build(folder)
        print(f"N={n}: {describe(outcome)}", flush=True)
        peaks.append(f"{n}:{_mib(outcome.peak_bytes):.0f}")
        complete = complete and outcome.complete
    print(f"peak_mib_by_n={','.join(peaks)}")
    return 0 if complete else 1


def _numbers(text: str) -> list[int]:
    try:
        values = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r}: expected numbers separated by commas, e.g. 10,40"
        ) from None
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: expected numbers of at least 1, e.g. 10,40")
    return values


def _variants(text: str) -> set[str]:
    chosen = {part.strip() for part in text.split(",") if part.strip()}
    unknown = chosen - set(VARIANTS)
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown variant(s) {', '.join(sorted(unknown))}; choose from a,b,c,d"
        )
    return chosen


def main() -> int:
    """Parse the options, then compare the variants (or run the memory series)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20, help="number of engagements (default 20)")
    parser.add_argument("--skip", type=_variants, default=set(), help="variants to leave out, e.g. a,b")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep the workspace in DIR (empty or new)")
    parser.add_argument(
        "--memory-ns", type=_numbers, metavar="N,N", help="run only (c) for these N, e.g. 10,40"
    )
    parser.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ[MODE[0]] = MODE[1]
    if args.child:
        mode, path = args.child
        child = {"api": _child_api, "floor": _child_floor}[mode]
        print(json.dumps(child(Path(path))))
        return 0
    if args.n < 1:
        parser.error("--n: expected at least 1 engagement")
    if args.keep is not None:
        if args.keep.exists() and (not args.keep.is_dir() or any(args.keep.iterdir())):
            parser.error(f"--keep {args.keep}: not an empty folder; name a new or empty folder")
        args.keep.mkdir(parents=True, exist_ok=True)
        workspace = args.keep.resolve()
    else:
        workspace = Path(tempfile.mkdtemp(prefix="smtoolkit-bench-"))
    if args.keep is not None:
        print(f"workspace (kept): {workspace}")
    try:
        if args.memory_ns:
            return memory_series(workspace, args.memory_ns)
        return compare(workspace, args.n, args.skip)
    finally:
        if args.keep is None:
            shutil.rmtree(workspace, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
