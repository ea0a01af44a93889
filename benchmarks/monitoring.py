"""Benchmark: check 06 monitoring on a large mentions export against a plain ``pandas.read_csv``.

Usage: ``python benchmarks/monitoring.py [--rows N] [--repeat K] [--keep] [--no-page]``

Writes an engagement with a generic mentions CSV of N rows (default 1,000,000) into a
temporary folder. The export has no sentiment column and names the language of only
half of the mentions, so the offline sentiment and the language detection run on every
row; texts are composed from word pools (German and English, brand, product and
competitor names, sentiment words), so almost every text is distinct. Then, each in a
fresh subprocess so that peak memory is measured fairly:

* ``pandas.read_csv(path)`` with default settings (the baseline), and
* the whole analysis of check 06: import (format detection, parsing, normalization),
  keyword matching, sentiment, language detection, pseudonymized authors, daily series,
  share of voice, top sources, authors and terms, score and findings, then the page's
  tables and charts (``render``).

Time is wall-clock time of that work (imports excluded), the best of K runs. Peak memory
is the process's peak resident set size (``VmHWM``), which includes Python and pandas.
Then (unless ``--no-page``) the real page is built with ``smtoolkit build`` in a
subprocess and its size is reported. The last line is machine-readable:
``analysis_vs_read_csv=<time ratio> peak_mib=<peak MiB of the analysis> page_mb=<MB>``.
Targets: ratio at most 5, peak under 3072 MiB, page under 3 MB.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import _harness as harness
from _harness import REPO, peak_mib

ENGAGEMENT = textwrap.dedent(
    """\
    client:
      name: "Hallberg Pumpen GmbH"
    settings:
      language: de
      branding:
        firm_name: "Benchmark"
    monitoring:
      brand: "Hallberg"
      brand_keywords: [Hallberg, "@hallberg_pumpen"]
      products:
        - {name: AquaLine, keywords: [AquaLine]}
        - {name: ThermoFlow, keywords: [ThermoFlow]}
      competitors:
        - {name: "Kessler Fluidtechnik", keywords: [Kessler]}
        - {name: "Norder Pumpenwerke", keywords: [Norder Pumpenwerke, Norder Pumpen]}
      topics:
        - {name: "Rückruf", keywords: [Rückruf, undicht, recall]}
        - {name: "Service", keywords: [Service, Hotline, Support]}
      review_frequency: weekly
      pseudonymize: true
    """
)

SUBJECTS = [
    "Hallberg",
    "Hallberg Pumpen",
    "AquaLine",
    "ThermoFlow",
    "Kessler",
    "Kessler Fluidtechnik",
    "Norder Pumpen",
    "Norder Pumpenwerke",
    "die Heizung",
    "der Installateur",
    "unser Werk",
]
GERMAN = {
    "open": [
        "Heute",
        "Gestern",
        "Ehrlich gesagt",
        "Kurze Frage:",
        "Update:",
        "Endlich",
        "Leider",
        "Zum Glück",
        "Wie immer",
        "Schon wieder",
        "Nach drei Wochen",
        "Im Test",
    ],
    "verb": ["läuft", "ist", "war", "bleibt", "wirkt", "klingt", "arbeitet", "reagiert", "liefert"],
    "adv": ["sehr", "nicht", "total", "ziemlich", "wirklich", "kaum", "echt", "etwas", "absolut", ""],
    "adj": [
        "gut",
        "schlecht",
        "leise",
        "laut",
        "zuverlässig",
        "enttäuschend",
        "hervorragend",
        "ärgerlich",
        "teuer",
        "günstig",
        "schnell",
        "langsam",
        "super",
        "mangelhaft",
        "toll",
        "undicht",
        "defekt",
        "effizient",
        "sparsam",
        "unzuverlässig",
        "freundlich",
        "kompetent",
    ],
    "tail": [
        "im Fernwärmenetz",
        "beim Kunden",
        "seit dem Einbau",
        "nach dem Update",
        "in Heilbronn",
        "auf der Messe",
        "im Neubau",
        "bei der Wartung",
        "trotz Rückruf",
        "mit neuem Ventil",
        "ohne Probleme",
        "mit Ärger",
        "für die Straße",
        "in der Großküche",
        "beim Händler",
    ],
}
ENGLISH = {
    "open": [
        "Today",
        "Honestly",
        "Quick question:",
        "Update:",
        "Finally",
        "Sadly",
        "Luckily",
        "As always",
        "Again",
        "After three weeks",
        "In our test",
    ],
    "verb": ["is", "was", "runs", "stays", "looks", "sounds", "works", "feels"],
    "adv": ["very", "not", "really", "quite", "totally", "barely", "extremely", "somewhat", ""],
    "adj": [
        "good",
        "bad",
        "quiet",
        "loud",
        "reliable",
        "disappointing",
        "excellent",
        "annoying",
        "expensive",
        "cheap",
        "fast",
        "slow",
        "great",
        "poor",
        "awesome",
        "leaking",
        "broken",
        "efficient",
        "terrible",
        "friendly",
        "helpful",
        "useless",
    ],
    "tail": [
        "in district heating",
        "at the customer",
        "since installation",
        "after the update",
        "at the trade fair",
        "in the new building",
        "during maintenance",
        "despite the recall",
        "with the new valve",
        "without problems",
        "with trouble",
        "at the dealer",
    ],
}
SOURCES = [
    "twitter.com",
    "facebook.com",
    "linkedin.com",
    "instagram.com",
    "reddit.com",
    "haustechnikdialog.de",
    "heizung-forum.example",
    "stimme.de",
    "heise.de",
    "handelsblatt.com",
    "t-online.de",
    "sbz-monteur.de",
    "ikz.de",
    "tga-blog.example",
    "youtube.com",
]
TYPES = {
    "twitter.com": "social",
    "facebook.com": "social",
    "linkedin.com": "social",
    "instagram.com": "social",
    "reddit.com": "forum",
    "haustechnikdialog.de": "forum",
    "heizung-forum.example": "forum",
    "stimme.de": "news",
    "heise.de": "news",
    "handelsblatt.com": "news",
    "t-online.de": "news",
    "sbz-monteur.de": "news",
    "ikz.de": "news",
    "tga-blog.example": "blog",
    "youtube.com": "video",
}


def _sentences(pools: dict[str, list[str]], rows: int, rng: object) -> object:
    import numpy as np

    picks = {k: np.array(v, dtype=object)[rng.integers(0, len(v), rows)] for k, v in pools.items()}  # type: ignore[attr-defined]
    subject = np.array(SUBJECTS, dtype=object)[rng.integers(0, len(SUBJECTS), rows)]  # type: ignore[attr-defined]
    second = np.array(SUBJECTS, dtype=object)[rng.integers(0, len(SUBJECTS), rows)]  # type: ignore[attr-defined]
    marks = np.array([".", "!", "!!", "?", ".", "."], dtype=object)[rng.integers(0, 6, rows)]  # type: ignore[attr-defined]
    number = rng.integers(1, 500, rows).astype(str).astype(object)  # type: ignore[attr-defined]
    return (
        picks["open"]
        + " "
        + subject
        + " "
        + picks["verb"]
        + " "
        + picks["adv"]
        + " "
        + picks["adj"]
        + " "
        + picks["tail"]
        + marks
        + " "
        + second
        + " "
        + picks["verb"]
        + " "
        + picks["adj"]
        + " (#"
        + number
        + ")"
    )


def write_engagement(folder: Path, rows: int, seed: int = 7) -> Path:
    """Write an engagement with a generic mentions CSV of ``rows`` mentions (vectorized)."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    (folder / "data").mkdir(parents=True)
    (folder / "engagement.yaml").write_text(ENGAGEMENT, encoding="utf-8")
    english = rng.random(rows) < 0.2
    text = np.where(english, _sentences(ENGLISH, rows, rng), _sentences(GERMAN, rows, rng))
    start = pd.Timestamp("2025-11-01")
    seconds = np.sort(rng.integers(0, 365 * 86400, rows))
    source = np.array(SOURCES)[rng.integers(0, len(SOURCES), rows)]
    language = np.where(english, "en", "de").astype(object)
    language[rng.random(rows) < 0.5] = ""
    frame = pd.DataFrame(
        {
            "date": (start + pd.to_timedelta(seconds, unit="s")).strftime("%Y-%m-%d %H:%M:%S"),
            "source": source,
            "source_type": pd.Series(source).map(TYPES).to_numpy(),
            "author": np.char.add("user_", rng.integers(0, 80_000, rows).astype(str)),
            "title": "",
            "text": text,
            "url": np.char.add("https://example.org/mention/", np.arange(rows).astype(str)),
            "language": language,
            "country": rng.choice(np.array(["DE", "AT", "CH"]), rows),
            "reach": rng.integers(0, 2_000_000, rows),
            "engagement": rng.integers(0, 5_000, rows),
        }
    )
    path = folder / "data" / "mentions.csv"
    frame.to_csv(path, index=False)
    return path


def child(mode: str, folder: Path) -> None:
    """Run one measurement in this process and print it as JSON."""
    import pandas as pd

    from smtoolkit.checks.registry import get
    from smtoolkit.engagement import load_engagement

    spec = get("monitoring")
    started = time.perf_counter()
    detail: dict[str, object] = {}
    if mode == "read_csv":
        rows = len(pd.read_csv(folder / "data" / "mentions.csv"))
    else:
        engagement = load_engagement(folder)
        result = spec.analyse(engagement.section("monitoring"), engagement)
        analysed = time.perf_counter()
        blocks = spec.render(result, "de")
        rows = len(result.details.mentions.table)
        detail = {
            "analyse_s": analysed - started,
            "render_s": time.perf_counter() - analysed,
            "blocks_kb": sum(len(b) for b in blocks) / 1024,
            "score": result.score,
            "lexicon_scored": int((result.details.mentions.table["origin"] == 2).sum()),
        }
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "peak_mib": peak_mib(), "rows": rows, **detail}))


def measure(mode: str, folder: Path) -> dict[str, float | int | str]:
    """Run :func:`child` in a fresh interpreter and return its measurements."""
    return harness.measure(__file__, mode, folder)


def build_page(folder: Path) -> float:
    """Build the real page with the smtoolkit CLI; return its size in MB (10^6 bytes)."""
    out = folder.parent / "reports"
    smtoolkit = Path(sys.executable).parent / "smtoolkit"
    command = [str(smtoolkit)] if smtoolkit.exists() else [sys.executable, "-m", "smtoolkit"]
    subprocess.run(
        [*command, "build", str(folder), "--only", "6", "--out", str(out)],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    page = next((out / folder.name).glob("06-*.html"))
    return page.stat().st_size / 1e6


def main() -> int:
    """Generate the engagement, measure both, build the page, print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each; best time wins")
    parser.add_argument("--keep", action="store_true", help="keep the generated engagement")
    parser.add_argument("--no-page", action="store_true", help="skip building the real page")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        if args.child[0] == "write":
            write_engagement(Path(args.child[1]), args.rows)
        else:
            child(args.child[0], Path(args.child[1]))
        return 0
    root = Path(tempfile.mkdtemp(prefix="smtoolkit-bench-"))
    folder = root / "bench"
    started = time.perf_counter()
    harness.run_child(__file__, "--rows", str(args.rows), "--child", "write", str(folder))
    size = (folder / "data" / "mentions.csv").stat().st_size
    print(
        f"rows: {args.rows:,}  file: {size / 2**20:,.1f} MiB "
        f"(generic mentions CSV without sentiment, written in {time.perf_counter() - started:.1f} s)"
    )
    results: dict[str, dict[str, float | int | str]] = {}
    for _ in range(args.repeat):
        for mode in ("read_csv", "analysis"):
            run = measure(mode, folder)
            best = results.get(mode)
            if best is None or float(run["seconds"]) < float(best["seconds"]):
                peak = max(float(run["peak_mib"]), float(best["peak_mib"]) if best else 0.0)
                results[mode] = dict(run, peak_mib=peak)
    baseline, ours = results["read_csv"], results["analysis"]
    print(
        f"pandas.read_csv:    {float(baseline['seconds']):6.2f} s  "
        f"peak {float(baseline['peak_mib']):7.0f} MiB  rows {int(baseline['rows']):,}"
    )
    print(
        f"check 06 analysis:  {float(ours['seconds']):6.2f} s  "
        f"peak {float(ours['peak_mib']):7.0f} MiB  rows {int(ours['rows']):,}  "
        f"(analyse {float(ours['analyse_s']):.2f} s incl. import, render {float(ours['render_s']):.2f} s, "
        f"{int(ours['lexicon_scored']):,} mentions scored by the lexicon)"
    )
    page_mb = float("nan") if args.no_page else build_page(folder)
    if not args.no_page:
        print(f"built page 06-monitoring.html: {page_mb:.2f} MB")
    if args.keep:
        print(f"engagement kept: {folder}")
    else:
        shutil.rmtree(root)
    ratio = float(ours["seconds"]) / float(baseline["seconds"])
    print(f"analysis_vs_read_csv={ratio:.2f} peak_mib={float(ours['peak_mib']):.0f} page_mb={page_mb:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
