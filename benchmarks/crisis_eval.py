"""Benchmark: check 08's alert rule on real labelled count series, beside the naive z-score.

Usage: ``python benchmarks/crisis_eval.py [--nab PATH] [--split tune|test|all] [--tune]``

Data: the Numenta Anomaly Benchmark (NAB, https://github.com/numenta/NAB, MIT licence;
Lavin and Ahmad 2015): ``data/realTweets`` (Twitter mentions of ten companies' ticker
symbols every 5 minutes, Feb-Apr 2015) and ``data/realKnownCause/nyc_taxi.csv`` (NYC taxi
passengers per 30 minutes, Jul 2014-Jan 2015, with marathon, holidays and a blizzard),
with the labelled anomaly windows of ``labels/combined_windows.json``. The data is not
committed; ``--nab`` (or ``SMTOOLKIT_NAB``) names a NAB checkout or a bare clone of it.
Without it the benchmark says so and exits with 0.

Each series is summed to hours and to days (periods that hold less than 90 % of their
raw points, at the ends, are dropped). An incident is a labelled window; it is *found*
when an alert falls in a period that overlaps the window. A *false alarm* is an alerting
period outside every window; ``false_per_100`` is false alarms per 100 periods outside
the windows. *Delay* is periods from the window's first period to its first alert
(median over found incidents; NAB windows open before the anomaly). *Chance* is the
incidents found when each series' alerts are shifted in time by 40 offsets spread over
the series (circular shifts), averaged: a rule that fires often finds incidents by
chance.

Split: the rule was tuned on the ``tune`` series (AAPL, AMZN, CRM, CVS, FB) and is
reported on the ``test`` series (GOOG, IBM, KO, PFE, UPS and the taxi series); the last
lines are on the test split:
``resolution=daily best_rule=... found=F/T false_per_100=X baseline_found=F/T baseline_false_per_100=Y``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pandas as pd

from smtoolkit.checks.crisis import detectors as det
from smtoolkit.checks.crisis.model import AlertExpert, AlertSettings
from smtoolkit.checks.crisis.rule import alerts, detections, rule_name

TUNE = ("AAPL", "AMZN", "CRM", "CVS", "FB")
TEST = ("GOOG", "IBM", "KO", "PFE", "UPS")
TAXI = "realKnownCause/nyc_taxi.csv"
DEFAULT_NAB = Path("/work/.mirror/numenta+NAB/repo")
SHIFTS = 40


@dataclass(frozen=True)
class Labelled:
    """One real series at one resolution with its incident windows as period masks."""

    name: str
    counts: pd.Series
    windows: list[npt.NDArray[np.bool_]]


class Nab:
    """Read files of a NAB checkout or of a bare clone (``git show HEAD:path``)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.bare = not (root / "data").is_dir()

    def text(self, path: str) -> str:
        """The text of ``path`` inside NAB."""
        if not self.bare:
            return (self.root / path).read_text(encoding="utf-8")
        return subprocess.run(
            ["git", "--git-dir", str(self.root), "show", f"HEAD:{path}"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def usable(self) -> bool:
        """True when the labels can be read."""
        try:
            self.text("labels/combined_windows.json")
        except (OSError, subprocess.CalledProcessError):
            return False
        return True


def load(nab: Nab, names: list[str], resolution: str) -> list[Labelled]:
    """The series ``names`` (paths under data/) summed to ``resolution`` with their windows."""
    labels = json.loads(nab.text("labels/combined_windows.json"))
    freq = {"daily": "D", "hourly": "h"}[resolution]
    result = []
    for name in names:
        raw = pd.read_csv(io.StringIO(nab.text(f"data/{name}")), parse_dates=["timestamp"])
        series = raw.set_index("timestamp")["value"].astype(float)
        step = pd.Timedelta(series.index.to_series().diff().median())
        expected = float(pd.Timedelta(1, unit="D" if freq == "D" else "h") / step)
        grouped = series.resample(freq)
        full = grouped.count().to_numpy() >= 0.9 * expected
        counts: pd.Series = grouped.sum()[full]
        periods = pd.DatetimeIndex(counts.index)
        ends = periods.shift(1, freq=freq)
        windows = []
        for start, end in labels[name]:
            first, last = pd.Timestamp(start), pd.Timestamp(end)
            mask = np.asarray((ends > first) & (periods <= last))
            if mask.any():
                windows.append(mask)
        result.append(Labelled(name.split("/")[-1].removesuffix(".csv"), counts, windows))
    return result


@dataclass
class Score:
    """Incidents found, false alarms, delays and chance of one rule over many series."""

    found: int = 0
    total: int = 0
    false: int = 0
    quiet: int = 0
    chance: float = 0.0
    delays: list[int] | None = None

    @property
    def false_per_100(self) -> float:
        """False alarms per 100 periods outside the incident windows."""
        return 100 * self.false / max(self.quiet, 1)

    @property
    def delay(self) -> float:
        """Median delay in periods over the found incidents (NaN when none is found)."""
        return float(np.median(self.delays)) if self.delays else float("nan")


def found_in(alarm: npt.NDArray[np.bool_], windows: list[npt.NDArray[np.bool_]]) -> int:
    """How many windows hold at least one alarm."""
    return sum(bool(alarm[w].any()) for w in windows)


def score(rule: Callable[[pd.Series], npt.NDArray[np.bool_]], data: list[Labelled]) -> Score:
    """Run ``rule`` on every series of ``data`` and add up its score."""
    result = Score(delays=[])
    for item in data:
        alarm = rule(item.counts)
        inside = np.zeros(len(alarm), dtype=bool)
        for window in item.windows:
            inside |= window
            hits = np.flatnonzero(alarm & window)
            if len(hits):
                assert result.delays is not None
                result.delays.append(int(hits[0] - np.flatnonzero(window)[0]))
        result.found += found_in(alarm, item.windows)
        result.total += len(item.windows)
        result.false += int((alarm & ~inside).sum())
        result.quiet += int((~inside).sum())
        n = len(alarm)
        offsets = np.linspace(0, n, SHIFTS + 2, dtype=int)[1:-1]
        result.chance += float(np.mean([found_in(np.roll(alarm, k), item.windows) for k in offsets]))
    return result


def naive(series: pd.Series) -> npt.NDArray[np.bool_]:
    """The baseline: z-score against the 7 periods before > 3 (EARS C1 without an SD floor)."""
    return det.ears_c1(series.to_numpy(dtype=float), 3.0).alarm


def classic(name: str) -> Callable[[pd.Series], npt.NDArray[np.bool_]]:
    """A retired detector with the settings the page used to have."""

    def run(series: pd.Series) -> npt.NDArray[np.bool_]:
        x = series.to_numpy(dtype=float)
        if name == "ears_c2":
            return det.ears_c2(x, 3.0, 1.0).alarm
        if name == "ears_c3":
            return det.ears_c3(x, 2.0, 1.0).alarm
        if name == "zscore28":
            return det.rolling_zscore(x, 28, 3.0, 1.0).alarm
        return det.poisson_cusum(x, det.expected_counts(x, 28, 2), 1.04, 2.26, reset=True).alarm

    return run


#: Every detector switched on, to score each one alone with the page's thresholds.
ALL_ON = AlertSettings(expert=AlertExpert(jump_hourly=4.0, cusum_h=12.0))


def page_rule(
    resolution: str, settings: AlertSettings, detector: str | None = None
) -> Callable[[pd.Series], npt.NDArray[np.bool_]]:
    """The page's rule (``alerts``), or one of its detectors alone when ``detector`` is given."""

    def run(series: pd.Series) -> npt.NDArray[np.bool_]:
        if detector is None:
            return alerts(series, resolution, settings).to_numpy()  # type: ignore[arg-type]
        g, found = detections(series, resolution, ALL_ON)  # type: ignore[arg-type]
        return found[detector].alarm[g.position]

    return run


def line(label: str, s: Score) -> str:
    """One row of the table."""
    return f"{label:<26} {s.found:>3}/{s.total:<3} {s.false_per_100:>8.2f} {s.delay:>6.1f} {s.chance:>7.1f}"


def tune(data: list[Labelled], resolution: str) -> None:
    """Print a grid of settings on the tuning split (never on the test split)."""
    base = score(naive, data)
    print(f"tune {resolution}: baseline {base.found}/{base.total} false_per_100={base.false_per_100:.2f}")
    for threshold in (3.0, 3.5, 4.0):
        for jump in (4.0, 5.0, 6.0, 8.0, None):
            for h in (5.0, 8.0, 12.0, None):
                expert = (
                    AlertExpert(jump=jump, cusum_h=h)
                    if resolution == "daily"
                    else AlertExpert(jump_hourly=jump, cusum_h_hourly=h)
                )
                s = score(page_rule(resolution, AlertSettings(threshold=threshold, expert=expert)), data)
                print(line(f"  z>{threshold} jump>{jump} h={h}", s))


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nab", type=Path, default=Path(os.environ.get("SMTOOLKIT_NAB", DEFAULT_NAB)))
    parser.add_argument("--split", choices=("tune", "test", "all"), default="all")
    parser.add_argument("--tune", action="store_true", help="print a grid of settings on the tuning split")
    args = parser.parse_args(argv)
    nab = Nab(args.nab)
    if not nab.usable():
        print(
            f"NAB data not found at {args.nab}: pass --nab PATH (a clone of github.com/numenta/NAB); skipped."
        )
        return 0
    tweets = {
        split: [f"realTweets/Twitter_volume_{s}.csv" for s in names]
        for split, names in (("tune", TUNE), ("test", TEST))
    }
    tweets["test"].append(TAXI)
    splits = ("tune", "test") if args.split == "all" else (args.split,)
    settings = AlertSettings()
    finals = []
    for resolution in ("daily", "hourly"):
        if args.tune:
            tune(load(nab, tweets["tune"], resolution), resolution)
            continue
        for split in splits:
            data = load(nab, tweets[split], resolution)
            periods = sum(len(d.counts) for d in data)
            print(f"\n{resolution}, {split} split: {len(data)} series, {periods} periods")
            print(f"{'rule':<26} {'found':>7} {'false/100':>8} {'delay':>6} {'chance':>7}")
            candidates: dict[str, Callable[[pd.Series], npt.NDArray[np.bool_]]] = {
                "naive_z7>3 (baseline)": naive,
                **{f"{n} (retired)": classic(n) for n in ("ears_c2", "ears_c3", "zscore28", "poisson_cusum")},
                "robust_z": page_rule(resolution, settings, "robust_z"),
                "jump (z7>4, floored)": page_rule(resolution, settings, "jump"),
                "nb_cusum (h=12)": page_rule(resolution, settings, "nb_cusum"),
                "alerts() = page rule": page_rule(resolution, settings),
            }
            scores = {label: score(rule, data) for label, rule in candidates.items()}
            for label, s in scores.items():
                print(line(label, s))
            for source, items in (
                ("  Twitter only", [d for d in data if d.name.startswith("Twitter")]),
                ("  taxi only", [d for d in data if not d.name.startswith("Twitter")]),
            ):
                if items and len(items) < len(data):
                    for label in ("naive_z7>3 (baseline)", "alerts() = page rule"):
                        print(line(f"{source}: {label.split(' ')[0]}", score(candidates[label], items)))
            if split == splits[-1]:
                page, base = scores["alerts() = page rule"], scores["naive_z7>3 (baseline)"]
                finals.append(
                    f"resolution={resolution} best_rule={rule_name(resolution, settings)} "
                    f"found={page.found}/{page.total} false_per_100={page.false_per_100:.2f} "
                    f"baseline_found={base.found}/{base.total} "
                    f"baseline_false_per_100={base.false_per_100:.2f}"
                )
    print()
    for final in finals:
        print(final)
    return 0


if __name__ == "__main__":
    sys.exit(main())
