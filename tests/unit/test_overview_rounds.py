"""Assessment rounds: the rounds section is validated with file:line, and snapshot keeps scores."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from smtoolkit.atomic import history_versions
from smtoolkit.engagement import load_engagement
from smtoolkit.errors import ConfigError, ValidationError
from smtoolkit.overview import assess
from smtoolkit.overview.rounds import snapshot
from tests.conftest import MINIMAL

WITH_WORKSHOP = MINIMAL.replace("  language: de\n", "  language: de\n  workshop_date: 2026-11-12\n")
#: The line of ``rounds:`` in :func:`with_rounds`; its first item is on the next line.
ROUNDS_LINE = len(WITH_WORKSHOP.splitlines()) + 1


def with_rounds(rounds: str, base: str = WITH_WORKSHOP) -> str:
    """The minimal engagement with a ``rounds`` section appended."""
    return base + "rounds:\n" + rounds


def problems(folder: Path) -> list[str]:
    """The problems load_engagement reports for ``folder``."""
    with pytest.raises(ValidationError) as info:
        load_engagement(folder)
    return info.value.problems


def test_rounds_are_loaded_oldest_first(make_engagement: Callable[..., Path]) -> None:
    """A valid rounds list becomes Round models with dates and scores."""
    folder = make_engagement(
        text=with_rounds(
            '  - {name: "Erstgespräch", date: 2026-05-12, scores: {effort: 44}}\n'
            '  - {name: "Workshop", date: 2026-11-12, scores: {effort: 55.5, goals: 20}}\n'
        )
    )
    rounds = load_engagement(folder).rounds
    assert [(r.name, r.date, r.scores) for r in rounds] == [
        ("Erstgespräch", dt.date(2026, 5, 12), {"effort": 44.0}),
        ("Workshop", dt.date(2026, 11, 12), {"effort": 55.5, "goals": 20.0}),
    ]


@pytest.mark.parametrize(
    ("rounds", "expected"),
    [
        (
            '  - {name: "A", date: 2026-05-12, scores: {effortt: 44}}\n',
            "engagement.yaml:{L1} rounds[0].scores.effortt: is not a known check; expected one of",
        ),
        (
            '  - {name: "A", date: 2026-05-12, scores: {effort: 120}}\n',
            "engagement.yaml:{L1} rounds[0].scores.effort: 120 is not a score; enter the score of that round, "
            "from 0 to 100",
        ),
        (
            '  - {name: "A", scores: {effort: 40}}\n',
            "engagement.yaml:{L1} rounds[0].date: is missing; add this field",
        ),
        (
            '  - {name: "A", date: 2026-05-12}\n  - {name: "A", date: 2026-06-12}\n',
            "engagement.yaml:{L2} rounds[1].name: 'A' is already the name of rounds[0]; give every round its own name",
        ),
        (
            '  - {name: "A", date: 2026-06-12}\n  - {name: "B", date: 2026-05-12}\n',
            "engagement.yaml:{L2} rounds[1].date: 2026-05-12 is before the round above it (2026-06-12); "
            "list the rounds oldest first",
        ),
        (
            '  - {name: "A", date: 2026-12-01}\n',
            "engagement.yaml:{L1} rounds[0].date: 2026-12-01 is after settings.workshop_date (2026-11-12)",
        ),
    ],
)
def test_bad_rounds_are_reported_with_file_line_and_what_to_do(
    make_engagement: Callable[..., Path], rounds: str, expected: str
) -> None:
    """Unknown checks, scores over 100, missing dates, twin names and disorder name file and line."""
    folder = make_engagement(text=with_rounds(rounds))
    expected = expected.replace("{L1}", str(ROUNDS_LINE + 1)).replace("{L2}", str(ROUNDS_LINE + 2))
    found = problems(folder)
    assert any(expected in p for p in found), found


def test_rounds_must_be_a_list(make_engagement: Callable[..., Path]) -> None:
    """A mapping under rounds says what shape is expected."""
    folder = make_engagement(text=with_rounds('  name: "Workshop"\n'))
    (problem,) = problems(folder)
    assert f"engagement.yaml:{ROUNDS_LINE} rounds: expected a list of earlier rounds such as" in problem


def test_snapshot_appends_the_current_scores_and_keeps_the_file_intact(
    make_engagement: Callable[..., Path],
) -> None:
    """Snapshot adds {name, date, scores} for every included check, keeps comments and a history copy."""
    folder = make_engagement(text=WITH_WORKSHOP)
    before = load_engagement(folder)
    expected = {o.spec.slug: o.score for o in assess(before).outcomes}
    kept = snapshot(folder, "  Workshop  ")
    assert kept.name == "Workshop" and kept.date == dt.date(2026, 11, 12) and kept.scores == expected
    text = (folder / "engagement.yaml").read_text(encoding="utf-8")
    assert "# A small engagement for tests." in text and '"Muster GmbH"   # the client' in text
    assert "rounds:\n  - name: Workshop\n    date: 2026-11-12\n    scores:\n      strategy: " in text
    assert "workshop_date: 2026-11-12\n" in text and "&id" not in text and "*id" not in text
    assert len(history_versions(folder / "engagement.yaml")) == 1
    after = load_engagement(folder)
    assert after.rounds == [kept]
    assert all(o.delta == 0.0 for o in assess(after).outcomes)


def test_snapshot_refuses_a_taken_name_and_dates_out_of_order(make_engagement: Callable[..., Path]) -> None:
    """A second round with the same name, a date before the last round or after the workshop is refused."""
    folder = make_engagement(text=WITH_WORKSHOP)
    snapshot(folder, "Workshop", when=dt.date(2026, 11, 1))
    with pytest.raises(
        ConfigError, match=r"engagement\.yaml:\d+ rounds\[0\]\.name: a round named 'Workshop'"
    ):
        snapshot(folder, "Workshop")
    with pytest.raises(
        ConfigError, match=r"is before the last round 'Workshop' \(2026-11-01\); pass a later --date"
    ):
        snapshot(folder, "Früher", when=dt.date(2026, 10, 1))
    with pytest.raises(ConfigError, match=r"is after settings\.workshop_date \(2026-11-12\)"):
        snapshot(folder, "Später", when=dt.date(2026, 12, 1))
    with pytest.raises(ConfigError, match="expected a round name of 1 to 80 characters"):
        snapshot(folder, "   ")
    assert [r.name for r in load_engagement(folder).rounds] == ["Workshop"]


def test_snapshot_without_workshop_date_uses_today(make_engagement: Callable[..., Path]) -> None:
    """With no workshop date the round is dated with the day of the snapshot."""
    folder = make_engagement()
    kept = snapshot(folder, "Workshop", today=dt.date(2027, 1, 5))
    assert kept.date == dt.date(2027, 1, 5)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the smtoolkit command in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "smtoolkit", *args], capture_output=True, text=True, timeout=120
    )


def test_snapshot_command_reports_success_and_refusals_without_traceback(
    make_engagement: Callable[..., Path],
) -> None:
    """`smtoolkit snapshot` exits 0 when kept, 2 with file and line for a taken name or a bad date."""
    folder = make_engagement(text=WITH_WORKSHOP)
    ok = run("snapshot", str(folder), "--name", "Workshop")
    assert ok.returncode == 0, ok.stderr
    assert "kept round 'Workshop' of 2026-11-12 with" in ok.stdout
    again = run("snapshot", str(folder), "--name", "Workshop")
    assert again.returncode == 2 and "a round named 'Workshop' exists already" in again.stderr
    bad = run("snapshot", str(folder), "--name", "Follow-up", "--date", "12.11.2026")
    assert bad.returncode == 2 and "--date '12.11.2026' is not a date; write YYYY-MM-DD" in bad.stderr
    assert "Traceback" not in ok.stderr + again.stderr + bad.stderr
