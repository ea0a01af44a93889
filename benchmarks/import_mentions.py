"""Benchmark: importing a large mentions export against a plain ``pandas.read_csv``.

Usage: ``python benchmarks/import_mentions.py [--rows N] [--repeat K] [--keep]``

Writes a generic mentions CSV of N rows (default 1,000,000) into a temporary folder,
then runs, each in a fresh subprocess so that peak memory is measured fairly:

* ``pandas.read_csv(path)`` with default settings (the baseline), and
* ``smtoolkit.importers.load(path)``: format detection, encoding and delimiter
  sniffing, parsing of numbers and dates, dropping of blank, summary and duplicate
  rows, and normalization into the mentions schema.

Time is wall-clock time of that call alone (imports excluded), the best of K runs
(the two are run alternately, so load from other processes hits both alike).  Peak
memory is the process's peak resident set size (``VmHWM`` from /proc, else
``ru_maxrss``), which includes the Python interpreter and pandas (about 100 MiB); the
file is generated in its own subprocess so no measurement inherits its memory.  The
last line is machine-readable:
``import_vs_read_csv=<time ratio> peak_mib=<peak MiB of the import>``.
Targets: ratio at most 2, peak under 2048 MiB.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import _harness as harness
from _harness import peak_mib

WORDS = [
    "Hallberg",
    "Pumpen",
    "AquaLine",
    "ThermoFlow",
    "Ventil",
    "Rückruf",
    "undicht",
    "Heilbronn",
    "Service",
    "Messe",
    "Kessler",
    "Fluidtechnik",
    "Norder",
    "Pumpenwerke",
    "Heizung",
    "Fernwärme",
    "Installateur",
    "Ersatzteil",
    "Lieferzeit",
    "Qualität",
    "Energie",
    "effizient",
    "leise",
    "Kunde",
    "Werk",
]


def write_mentions(path: Path, rows: int, seed: int = 1) -> None:
    """Write a generic mentions CSV with ``rows`` distinct rows (vectorized)."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    texts = np.array([" ".join(rng.choice(WORDS, size=14)) for _ in range(5000)], dtype=object)
    titles = np.array([" ".join(rng.choice(WORDS, size=6)) for _ in range(2000)], dtype=object)
    start = pd.Timestamp("2025-11-01")
    seconds = np.sort(rng.integers(0, 365 * 86400, rows))
    ids = np.arange(rows)
    frame = pd.DataFrame(
        {
            "date": (start + pd.to_timedelta(seconds, unit="s")).strftime("%Y-%m-%d %H:%M:%S"),
            "source": rng.choice(
                np.array(
                    [
                        "twitter.com",
                        "stimme.de",
                        "facebook.com",
                        "haustechnikdialog.de",
                        "heise.de",
                        "linkedin.com",
                    ]
                ),
                rows,
            ),
            "source_type": rng.choice(np.array(["social", "news", "forum", "blog"]), rows),
            "author": np.char.add("user_", rng.integers(0, 80_000, rows).astype(str)),
            "title": titles[rng.integers(0, len(titles), rows)],
            "text": texts[rng.integers(0, len(texts), rows)],
            "url": np.char.add("https://example.org/mention/", ids.astype(str)),
            "language": rng.choice(np.array(["de", "en"]), rows, p=[0.85, 0.15]),
            "country": rng.choice(np.array(["DE", "AT", "CH"]), rows),
            "sentiment": rng.choice(np.array(["positive", "neutral", "negative"]), rows),
            "reach": rng.integers(0, 2_000_000, rows),
            "engagement": rng.integers(0, 5_000, rows),
            "query": rng.choice(
                np.array(["Hallberg Pumpen", "Kessler Fluidtechnik", "Norder Pumpenwerke"]), rows
            ),
        }
    )
    frame.to_csv(path, index=False)


def child(mode: str, path: Path) -> None:
    """Run one measurement in this process and print it as JSON."""
    import pandas as pd

    from smtoolkit.importers import load

    started = time.perf_counter()
    if mode == "read_csv":
        rows = len(pd.read_csv(path))
        detail = ""
    else:
        imported = load(path)
        rows = imported.rows
        detail = imported.format.name
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "peak_mib": peak_mib(), "rows": rows, "detail": detail}))


def measure(mode: str, path: Path) -> dict[str, float | int | str]:
    """Run :func:`child` in a fresh interpreter and return its measurements."""
    return harness.measure(__file__, mode, path)


def main() -> int:
    """Generate the file, measure both readers, print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; best time wins")
    parser.add_argument("--keep", action="store_true", help="keep the generated file")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        if args.child[0] == "write":
            write_mentions(Path(args.child[1]), args.rows)
        else:
            child(args.child[0], Path(args.child[1]))
        return 0
    folder = Path(tempfile.mkdtemp(prefix="smtoolkit-bench-"))
    path = folder / "mentions.csv"
    started = time.perf_counter()
    harness.run_child(__file__, "--rows", str(args.rows), "--child", "write", str(path))
    print(
        f"rows: {args.rows:,}  file: {path.stat().st_size / 2**20:,.1f} MiB "
        f"(generic mentions CSV, written in {time.perf_counter() - started:.1f} s)"
    )
    results: dict[str, dict[str, float | int | str]] = {}
    for _ in range(args.repeat):
        for mode in ("read_csv", "import"):
            run = measure(mode, path)
            best = results.get(mode)
            if best is None or float(run["seconds"]) < float(best["seconds"]):
                peak = max(float(run["peak_mib"]), float(best["peak_mib"]) if best else 0.0)
                results[mode] = dict(run, peak_mib=peak)
    baseline, ours = results["read_csv"], results["import"]
    print(
        f"pandas.read_csv:  {float(baseline['seconds']):6.2f} s  "
        f"peak {float(baseline['peak_mib']):7.0f} MiB  rows {int(baseline['rows']):,}"
    )
    print(
        f"smtoolkit import: {float(ours['seconds']):6.2f} s  "
        f"peak {float(ours['peak_mib']):7.0f} MiB  rows {int(ours['rows']):,} "
        f"(format {ours['detail']})"
    )
    if args.keep:
        print(f"file kept: {path}")
    else:
        path.unlink()
        folder.rmdir()
    ratio = float(ours["seconds"]) / float(baseline["seconds"])
    print(f"import_vs_read_csv={ratio:.2f} peak_mib={float(ours['peak_mib']):.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
