"""The live page: client picker, undo from history, and the header that follows the client."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from smtoolkit.notebook import CheckPage, engagements_beside, open_check
from smtoolkit.store import previous_section, read_section, save_section
from tests.conftest import MINIMAL


@pytest.fixture
def live(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend to run inside JupyterLab, without a frontend (widgets still work)."""
    monkeypatch.setenv("SMTOOLKIT_MODE", "live")
    monkeypatch.delenv("SMTOOLKIT_ENGAGEMENT", raising=False)


def live_page(folder: Path) -> CheckPage:
    """The effort page of ``folder`` with its form built."""
    page = open_check("effort", str(folder))
    page._build_form()
    return page


def test_picker_lists_the_engagements_beside_this_one(
    make_engagement: Callable[..., Path], live: None
) -> None:
    """The client picker offers every engagement in the same folder, labelled with its client name."""
    first = make_engagement("alpha", MINIMAL.replace("Muster GmbH", "Alpha AG"))
    make_engagement("beta", MINIMAL.replace("Muster GmbH", "Beta KG"))
    (first.parent / "not-an-engagement").mkdir()
    assert [(f.name, n) for f, n in engagements_beside(first)] == [("alpha", "Alpha AG"), ("beta", "Beta KG")]
    page = live_page(first)
    assert [label for label, _ in page.picker.options] == ["Alpha AG (alpha)", "Beta KG (beta)"]


def test_switching_client_saves_pending_changes_and_loads_the_other(
    make_engagement: Callable[..., Path], live: None
) -> None:
    """Picking another client flushes the pending save, then shows the other client's answers."""
    alpha = make_engagement("alpha", MINIMAL.replace("Muster GmbH", "Alpha AG"))
    beta = make_engagement(
        "beta",
        MINIMAL.replace("Muster GmbH", "Beta KG").replace(
            "monitoring_hours_per_week: 2", "monitoring_hours_per_week: 7"
        ),
    )
    page = live_page(alpha)
    page.saver.delay = 60
    page.form.controls["reporting_hours_per_week"].widget.value = "4"
    page.picker.value = str(beta)
    assert read_section(alpha, "effort")["reporting_hours_per_week"] == 4
    assert page.engagement.client.name == "Beta KG"
    assert page.form.controls["monitoring_hours_per_week"].widget.value == "7"
    assert page.answers_model.monitoring_hours_per_week == 7  # type: ignore[attr-defined]


def test_undo_restores_the_previous_version_and_can_be_undone(
    make_engagement: Callable[..., Path], live: None
) -> None:
    """Undo brings back the last saved section; a second undo returns to the newer one."""
    folder = make_engagement()
    data = read_section(folder, "effort")
    save_section(folder, "effort", dict(data, monitoring_hours_per_week=5))
    page = live_page(folder)
    page.undo()
    assert read_section(folder, "effort")["monitoring_hours_per_week"] == 2
    assert page.form.controls["monitoring_hours_per_week"].widget.value == "2"
    assert "wiederhergestellt" in page.status.value
    page.undo()
    assert read_section(folder, "effort")["monitoring_hours_per_week"] == 5


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
