"""How fast the workshop answers in JupyterLab, driven in headless Chromium (medians of 10).

Run with ``.venv/bin/python benchmarks/workshop.py [--runs 10]``. It builds a workspace with
a copy of the demo client, starts JupyterLab as ``smtoolkit lab`` does, and measures:

- ``edit_result``: Enter in a form field until the page shows the recalculated result
  (04: monitoring hours; 06: entries per top list, with the demo monitoring data);
- ``edit_saved``: Enter until the new value is in ``engagement.yaml`` (04);
- ``runall``: "Run all" after a kernel restart until the form is shown (04 and 06).

The last line is ``edit_result_04_s=… edit_result_06_s=… edit_saved_s=… runall_04_s=…
runall_06_s=…``. Targets: edit→result < 0.5 s (04), < 1 s (06); edit→saved < 0.5 s;
Run all → form < 4 s (04), < 6 s (06). Figures depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from tests.e2e.labdriver import field, make_workspace, open_notebook, run_all, start_lab  # noqa: E402

#: Text of every result area (everything but the form), read in the page.
RESULTS_JS = """() => [...document.querySelectorAll('.jp-OutputArea-output')]
    .filter(o => !o.querySelector('.smt-form') && !o.closest('.smt-form'))
    .map(o => o.innerText).join('\\n')"""


def edit_until_result(page: Any, label: str, value: str) -> float:
    """Seconds from Enter in the field until the result areas show something new."""
    before = page.evaluate(RESULTS_JS)
    box = field(page, label)
    box.fill(value)
    start = time.perf_counter()
    box.press("Enter")
    page.wait_for_function(
        f"before => ({RESULTS_JS})() !== before", arg=before, polling="raf", timeout=60_000
    )
    return time.perf_counter() - start


def edit_until_saved(page: Any, label: str, value: str, path: Path, needle: str) -> float:
    """Seconds from Enter in the field until ``needle`` is in the engagement file."""
    box = field(page, label)
    box.fill(value)
    start = time.perf_counter()
    box.press("Enter")
    while needle not in path.read_text(encoding="utf-8"):
        if time.perf_counter() - start > 60:
            raise TimeoutError(f"{needle!r} never reached {path}: {page.locator('.smt-status').inner_text()}")
        time.sleep(0.002)
    return time.perf_counter() - start


def restart_and_run_all(page: Any) -> float:
    """Seconds from "Run all" on a freshly restarted kernel until the form is shown."""
    page.locator(".lm-MenuBar-itemLabel", has_text="Kernel").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Restart Kernel…").first.click()
    page.locator(".jp-Dialog button.jp-mod-accept").click()
    page.wait_for_selector(".smt-status.jupyter-widgets-disconnected", timeout=60_000)
    page.wait_for_selector("text=/ipykernel\\) \\| Idle/", timeout=60_000)
    time.sleep(0.5)
    start = time.perf_counter()
    run_all(page)
    return time.perf_counter() - start


def main() -> None:
    """Measure and print the medians; the last line holds all five figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    executable = chromium_path()
    if executable is None:
        sys.exit("chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    figures: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        workspace = make_workspace(Path(tmp), {"demo": "Hallberg Pumpen GmbH"})
        lab = start_lab(workspace)
        yaml_path = workspace / "engagements" / "demo" / "engagement.yaml"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
                effort = open_notebook(browser, lab, "engagements/demo/workshop/04_effort.ipynb")
                runs = range(args.runs)
                figures["edit_result_04_s"] = [
                    edit_until_result(effort, "Monitoring (Std. pro Woche)", str(4 + i)) for i in runs
                ]
                figures["edit_saved_s"] = [
                    edit_until_saved(
                        effort,
                        "Reporting (Std. pro Woche)",
                        f"{2 + i}",
                        yaml_path,
                        f"reporting_hours_per_week: {2 + i}\n",
                    )
                    for i in runs
                ]
                figures["runall_04_s"] = [restart_and_run_all(effort) for _ in runs]
                effort.close()
                monitoring = open_notebook(browser, lab, "engagements/demo/workshop/06_monitoring.ipynb")
                figures["edit_result_06_s"] = [
                    edit_until_result(monitoring, "Einträge je Top-Liste", str(5 + i % 2)) for i in runs
                ]
                figures["runall_06_s"] = [restart_and_run_all(monitoring) for _ in runs]
                monitoring.close()
                browser.close()
        finally:
            lab.stop()
    for name, values in figures.items():
        shown = ", ".join(f"{v:.3f}" for v in values)
        print(f"{name}: median {statistics.median(values):.3f} s  (runs: {shown})")
    order = ["edit_result_04_s", "edit_result_06_s", "edit_saved_s", "runall_04_s", "runall_06_s"]
    print(" ".join(f"{name}={statistics.median(figures[name]):.3f}" for name in order))


if __name__ == "__main__":
    main()
