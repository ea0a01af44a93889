"""The live page: status that never lies, undo and redo through the history, hand-edit conflicts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from smtoolkit.notebook import CheckPage, open_check
from smtoolkit.store import previous_section, read_section, save_section


@pytest.fixture
def live(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend to run inside JupyterLab, without a frontend (widgets still work)."""
    monkeypatch.setenv("SMTOOLKIT_MODE", "live")
    monkeypatch.setenv("SMTOOLKIT_BACKGROUND", "0")


def live_page(folder: Path) -> CheckPage:
    """The effort page of ``folder`` with its form built."""
    page = open_check("effort", str(folder))
    page._build_form()
    return page


def test_undo_goes_back_step_by_step_and_redo_forward(
    make_engagement: Callable[..., Path], live: None
) -> None:
    """2 -> 3 -> 4 -> 5, then undo three times gives 4, 3, 2 (not a toggle); redo gives 3, then 4."""
    folder = make_engagement()
    page = live_page(folder)
    field = page.form.controls["monitoring_hours_per_week"].widget
    for hours in ("3", "4", "5"):
        field.value = hours
    assert read_section(folder, "effort")["monitoring_hours_per_week"] == 5
    seen = []
    for _ in range(3):
        page.undo()
        seen.append(read_section(folder, "effort")["monitoring_hours_per_week"])
    assert seen == [4, 3, 2]
    assert page.form.controls["monitoring_hours_per_week"].widget.value == "2"
    assert "wiederhergestellt" in page.status.value
    page.undo()
    assert "keine ältere Version" in page.status.value
    page.redo()
    assert read_section(folder, "effort")["monitoring_hours_per_week"] == 3
    page.redo()
    assert read_section(folder, "effort")["monitoring_hours_per_week"] == 4
    assert "Schritt 3 von 4" in page.version.value


def test_undo_continues_in_a_new_session(make_engagement: Callable[..., Path], live: None) -> None:
    """The steps live beside the file: a page opened later undoes what an earlier one saved."""
    folder = make_engagement()
    first = live_page(folder)
    for hours in ("6", "7"):
        first.form.controls["monitoring_hours_per_week"].widget.value = hours
    second = live_page(folder)
    second.undo()
    assert read_section(folder, "effort")["monitoring_hours_per_week"] == 6
    third = live_page(folder)
    third.undo()
    assert read_section(folder, "effort")["monitoring_hours_per_week"] == 2
    third.redo()
    assert read_section(folder, "effort")["monitoring_hours_per_week"] == 6


def test_history_made_before_the_steps_existed_can_be_undone(
    make_engagement: Callable[..., Path], live: None
) -> None:
    """Saves without a steps file (older toolkit) are seeded from .history/ and undone in order."""
    folder = make_engagement()
    data = read_section(folder, "effort")
    save_section(folder, "effort", dict(data, monitoring_hours_per_week=5))
    save_section(folder, "effort", dict(data, monitoring_hours_per_week=9))
    page = live_page(folder)
    page.undo()
    assert read_section(folder, "effort")["monitoring_hours_per_week"] == 5
    page.undo()
    assert read_section(folder, "effort")["monitoring_hours_per_week"] == 2


def test_status_names_the_invalid_field_and_saves_the_valid_ones(
    make_engagement: Callable[..., Path], live: None
) -> None:
    """An ambiguous salary is named in the status; the valid monitoring edit is on disk anyway."""
    folder = make_engagement()
    page = live_page(folder)
    page.form.controls["gross_salary"].widget.value = "42,000"
    page.form.controls["monitoring_hours_per_week"].widget.value = "6"
    assert read_section(folder, "effort")["monitoring_hours_per_week"] == 6
    status = page.status.value
    assert "nicht gespeichert: Bruttojahresgehalt" in status and "meinten Sie 42.000" in status
    assert "gespeichert 1" not in status and "gespeichert 0" not in status and "gespeichert 2" not in status
    assert "engagement.yaml" not in status and str(folder) not in status
    page.form.controls["gross_salary"].widget.value = "42.000 €"
    assert read_section(folder, "effort")["gross_salary"] == 42000
    assert page.status.value.count("gespeichert") == 1 and "nicht" not in page.status.value


def test_a_hand_edit_offers_reload_with_the_typed_values_shown(
    make_engagement: Callable[..., Path], live: None
) -> None:
    """A section edited by hand is not overwritten; reload shows it and lists what was typed."""
    folder = make_engagement()
    page = live_page(folder)
    path = folder / "engagement.yaml"
    path.write_text(path.read_text().replace("reporting_hours_per_week: 1", "reporting_hours_per_week: 8"))
    page.form.controls["monitoring_hours_per_week"].widget.value = "5"
    assert "außerhalb des Formulars geändert" in page.status.value
    assert str(folder) not in page.status.value and "engagement.yaml" not in page.status.value
    assert page.conflict_box.layout.display == "flex"
    assert read_section(folder, "effort")["reporting_hours_per_week"] == 8
    page.reload()
    assert page.form.controls["reporting_hours_per_week"].widget.value == "8"
    assert "Monitoring (Std. pro Woche): 5" in page.reentry.value
    assert page.conflict_box.layout.display == "none"


def test_overwrite_keeps_the_hand_edit_in_the_history(
    make_engagement: Callable[..., Path], live: None
) -> None:
    """Overwrite saves what was typed; the hand-edited file is kept in .history/ and undo returns to it."""
    folder = make_engagement()
    page = live_page(folder)
    path = folder / "engagement.yaml"
    path.write_text(path.read_text().replace("reporting_hours_per_week: 1", "reporting_hours_per_week: 8"))
    page.form.controls["monitoring_hours_per_week"].widget.value = "5"
    page.overwrite()
    assert read_section(folder, "effort")["monitoring_hours_per_week"] == 5
    kept = [p.read_text() for p in (folder / ".history").glob("engagement.*.yaml")]
    assert any("reporting_hours_per_week: 8" in text for text in kept)
    page.undo()
    assert read_section(folder, "effort")["reporting_hours_per_week"] == 8


def test_undo_without_history_says_so(make_engagement: Callable[..., Path], live: None) -> None:
    """With no older version, undo changes nothing and explains why."""
    folder = make_engagement()
    before = (folder / "engagement.yaml").read_text(encoding="utf-8")
    page = live_page(folder)
    page.undo()
    assert "keine ältere Version" in page.status.value
    assert (folder / "engagement.yaml").read_text(encoding="utf-8") == before


def test_previous_section_skips_versions_where_only_other_sections_changed(
    make_engagement: Callable[..., Path],
) -> None:
    """A history entry that differs only in another section is not an undo step for this one."""
    folder = make_engagement()
    effort = read_section(folder, "effort")
    save_section(folder, "effort", dict(effort, monitoring_hours_per_week=5))
    save_section(folder, "client", dict(read_section(folder, "client"), employees=99))
    found = previous_section(folder, "effort")
    assert found is not None and found[0]["monitoring_hours_per_week"] == 2
