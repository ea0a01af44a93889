"""The workshop in real JupyterLab: honest status, undo/redo, hand edits, one notebook set per client."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.labdriver import (
    SAVED,
    Lab,
    field,
    make_workspace,
    open_notebook,
    start_lab,
    status,
    type_value,
    wait_for_file,
)

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

EFFORT = "engagements/{slug}/workshop/04_effort.ipynb"


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """JupyterLab on a workspace with two clients, started as `smtoolkit lab` starts it."""
    workspace = make_workspace(
        tmp_path_factory.mktemp("workspace"), {"alpha": "Alpha Armaturen AG", "beta": "Beta Bau KG"}
    )
    running = start_lab(workspace)
    yield running
    running.stop()


def yaml_of(lab: Lab, slug: str) -> Path:
    """The engagement file of client ``slug``."""
    return lab.workspace / "engagements" / slug / "engagement.yaml"


def save_notebook(page: Any, path: Path) -> None:
    """Save the notebook (toolbar button) and wait until the file holds the executed cells."""
    before = path.stat().st_mtime_ns
    page.locator('[data-command="docmanager:save"]').first.click()
    deadline = time.monotonic() + 30
    while path.stat().st_mtime_ns == before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert path.stat().st_mtime_ns != before, f"{path.name} was not saved"
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    assert any(c.get("execution_count") for c in cells), f"{path.name} was saved without the run"


def test_invalid_and_valid_edits_together(browser: Any, lab: Lab, shots: list[Any]) -> None:
    """An ambiguous salary is named in the status and not saved; the valid edit beside it is saved."""
    path = yaml_of(lab, "alpha")
    page = open_notebook(browser, lab, EFFORT.format(slug="alpha"))
    shots.append(page)
    type_value(page, "Bruttojahresgehalt", "42,000")
    type_value(page, "Monitoring (Std. pro Woche)", "5")
    text = wait_for_file(path, "monitoring_hours_per_week: 5")
    assert "monitoring_hours_per_week: 5" in text and "gross_salary: 48000" in text
    page.wait_for_selector(".smt-status >> text=/nicht gespeichert: Bruttojahresgehalt/", timeout=15_000)
    line = status(page)
    assert "meinten Sie 42.000 oder 42?" in line and not SAVED.search(line)
    assert "engagement.yaml" not in line and "/" not in line.split("(")[0]
    type_value(page, "Bruttojahresgehalt", "42.000 €")
    wait_for_file(path, "gross_salary: 42000")
    page.wait_for_selector(f".smt-status >> text=/{SAVED.pattern}/", timeout=15_000)
    assert "nicht" not in status(page)
    page.close()


def test_undo_three_steps_and_redo(browser: Any, lab: Lab, shots: list[Any]) -> None:
    """3 -> 4 -> 5, then undo three times walks back 4, 3 and the start; redo brings 3 again."""
    path = yaml_of(lab, "beta")
    page = open_notebook(browser, lab, EFFORT.format(slug="beta"))
    shots.append(page)
    for hours in ("3,5", "4", "5"):
        type_value(page, "Reporting (Std. pro Woche)", hours)
        wait_for_file(path, f"reporting_hours_per_week: {hours.replace(',', '.')}")
    for expected in ("4", "3.5", "1.5"):
        page.get_by_role("button", name="Rückgängig").click()
        text = wait_for_file(path, f"reporting_hours_per_week: {expected}\n")
        assert f"reporting_hours_per_week: {expected}\n" in text
        shown = expected.replace(".", ",")
        page.wait_for_function(
            "shown => [...document.querySelectorAll('.smt-field')].some(r => r.innerText.includes('Reporting')"
            " && r.querySelector('input').value === shown)",
            arg=shown,
            timeout=15_000,
        )
        page.wait_for_selector(".smt-status >> text=/wiederhergestellt/", timeout=15_000)
    page.get_by_role("button", name="Wiederholen").click()
    text = wait_for_file(path, "reporting_hours_per_week: 3.5\n")
    assert "reporting_hours_per_week: 3.5\n" in text
    page.wait_for_selector("text=/Stand \\d\\d:\\d\\d:\\d\\d · Schritt 2 von 4/", timeout=15_000)
    page.close()


def test_hand_edit_conflict_with_reload(browser: Any, lab: Lab, shots: list[Any]) -> None:
    """A hand edit is not overwritten; reload shows it and keeps what was typed for re-entry."""
    path = yaml_of(lab, "alpha")
    page = open_notebook(browser, lab, EFFORT.format(slug="alpha"))
    shots.append(page)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("agency_days_per_year: 12", "agency_days_per_year: 20"), encoding="utf-8")
    type_value(page, "Tools pro Monat (€)", "250")
    page.wait_for_selector("text=/außerhalb des Formulars geändert/", timeout=15_000)
    assert "tools_per_month: 180" in path.read_text(encoding="utf-8")
    page.get_by_role("button", name="Neu laden").click()
    page.wait_for_selector(
        "text=/Ihre Eingaben zum erneuten Eintragen: Tools pro Monat \\(€\\): 250/", timeout=15_000
    )
    assert field(page, "Agenturtage pro Jahr").input_value() == "20"
    type_value(page, "Tools pro Monat (€)", "250")
    wait_for_file(path, "tools_per_month: 250")
    assert "agency_days_per_year: 20" in path.read_text(encoding="utf-8")
    page.close()


def test_two_clients_one_after_the_other_do_not_leak(browser: Any, lab: Lab, shots: list[Any]) -> None:
    """After client A's notebook is saved, nothing of A appears anywhere in client B's files."""
    page = open_notebook(browser, lab, "engagements/alpha/workshop/04_effort.ipynb")
    shots.append(page)
    type_value(page, "Werbebudget pro Monat (€)", "98.765")
    wait_for_file(yaml_of(lab, "alpha"), "ads_per_month: 98765")
    notebook_a = lab.workspace / "engagements" / "alpha" / "workshop" / "04_effort.ipynb"
    save_notebook(page, notebook_a)
    page.close()
    page = open_notebook(browser, lab, "engagements/beta/workshop/04_effort.ipynb")
    shots.append(page)
    page.wait_for_selector("text=Für Beta Bau KG", timeout=30_000)
    notebook_b = lab.workspace / "engagements" / "beta" / "workshop" / "04_effort.ipynb"
    save_notebook(page, notebook_b)
    assert "ads_per_month: 98765" in yaml_of(lab, "alpha").read_text(encoding="utf-8")
    assert '"workshop": "alpha"' in notebook_a.read_text(encoding="utf-8")
    for path in (lab.workspace / "engagements" / "beta").rglob("*"):
        if path.is_file() and path.suffix in {".ipynb", ".yaml", ".json", ".html"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "Alpha Armaturen" not in text and "engagements/alpha" not in text, path
            assert "98765" not in text and "98.765" not in text, path
    page.close()


def test_client_view_shows_no_code(browser: Any, lab: Lab, shots: list[Any]) -> None:
    """The client view (Voilà) shows the form and results at 1366×768, and no code cell."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    shots.append(page)
    page.goto(
        f"{lab.base}/voila/render/engagements/beta/workshop/04_effort.ipynb?token={lab.token}",
        timeout=180_000,
        wait_until="commit",
    )
    page.wait_for_selector(".smt-status >> text=/geladen/", timeout=120_000)
    body = page.inner_text("body")
    assert "open_check" not in body and "page.summary()" not in body and "import " not in body
    assert page.locator(".jp-InputArea, .CodeMirror, .cm-editor").count() == 0
    assert "Erweitert" in body or "Fragen" in body
    type_value(page, "Monitoring (Std. pro Woche)", "6")
    wait_for_file(yaml_of(lab, "beta"), "monitoring_hours_per_week: 6")
    page.wait_for_selector(f".smt-status >> text=/{SAVED.pattern}/", timeout=15_000)
    time.sleep(0.2)
    page.close()


def test_two_notebooks_of_one_engagement_keep_both_changes(browser: Any, lab: Lab, shots: list[Any]) -> None:
    """Saving check 01 and check 04 from two open notebooks keeps both sections' changes."""
    path = yaml_of(lab, "beta")
    strategy = open_notebook(browser, lab, "engagements/beta/workshop/01_strategy.ipynb")
    effort = open_notebook(browser, lab, EFFORT.format(slug="beta"))
    shots += [strategy, effort]
    type_value(strategy, "Ruhend ab (Tage ohne Beitrag)", "120")
    type_value(effort, "Abstimmung (Std. pro Woche)", "3,5")
    wait_for_file(path, "coordination_hours_per_week: 3.5")
    text = wait_for_file(path, "dormant_days: 120")
    assert "dormant_days: 120" in text and "coordination_hours_per_week: 3.5" in text
    assert "# Demo engagement:" in text
    strategy.close()
    effort.close()
