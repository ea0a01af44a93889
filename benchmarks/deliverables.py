"""Benchmark: what report.pdf and deck.pptx add to an engagement's build.

Usage: ``python benchmarks/deliverables.py [--engagement engagements/demo] [--lang de]``

Runs the engagement's notebooks once (``smtoolkit build`` into a temporary folder, without
``--pdf``), then times, in this process, each deliverable from the same inputs as the build's
publishing step: the combined ``report.html`` export, ``report.pdf`` (WeasyPrint) and
``deck.pptx`` (python-pptx), as wall-clock and CPU seconds, with the output sizes and the
PDF's page count. The deck is written on every build, the PDF only with ``--pdf`` or
``settings.pdf``; both run on the build's publishing thread, so with several engagements
they overlap the next engagements' notebooks (they add to the wall time of the last one).
The last line is machine-readable: ``html_s=<s> pdf_s=<s> pdf_cpu_s=<s> deck_s=<s> pages=<n>``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _timed(call):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    value = call()
    return value, time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engagement", default=str(ROOT / "engagements" / "demo"))
    parser.add_argument("--lang", default="de")
    args = parser.parse_args()

    import nbformat

    from smtoolkit.build.combined import combine_notebooks
    from smtoolkit.build.deck import build_deck, deck_inputs
    from smtoolkit.build.exporter import export_html
    from smtoolkit.build.orchestrate import page_context
    from smtoolkit.build.pdf import pdf_html, render_pdf
    from smtoolkit.engagement import load_engagement
    from smtoolkit.i18n import translate
    from smtoolkit.overview.analysis import assess
    from smtoolkit.overview.spec import OVERVIEW

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "reports"
        command = [
            sys.executable,
            "-m",
            "smtoolkit",
            "build",
            args.engagement,
            "--out",
            str(out),
            "--lang",
            args.lang,
        ]
        subprocess.run(
            command,
            check=True,
            stdout=subprocess.DEVNULL,
            env={**__import__("os").environ, "SMTOOLKIT_MODE": "batch"},
        )
        engagement = load_engagement(Path(args.engagement))
        debug = out / "_debug" / engagement.slug
        context = {
            **page_context(engagement, args.lang),
            "report_title": translate("overview.report_title", args.lang),
        }
        parts = [
            (spec, nbformat.read(str(debug / spec.notebook), as_version=4))
            for spec in [OVERVIEW, *engagement.included()]
        ]
        nb, toc = combine_notebooks(parts, args.lang)
        html, html_s, _ = _timed(
            lambda: export_html(nb, language=args.lang, context={**context, "standalone": True}, toc=toc)
        )
        pdf, pdf_s, pdf_cpu = _timed(lambda: render_pdf(pdf_html(nb, toc, args.lang, context)))
        assessment = assess(engagement)
        deck, deck_s, _ = _timed(lambda: build_deck(assessment, deck_inputs(engagement, context), args.lang))
        target = Path(tmp) / "report.pdf"
        target.write_bytes(pdf)
        info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
        pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
        print(
            f"report.html {len(html) / 1024:.0f} KB in {html_s:.2f} s; "
            f"report.pdf {len(pdf) / 1024:.0f} KB, {pages} pages in {pdf_s:.1f} s ({pdf_cpu:.1f} s CPU); "
            f"deck.pptx {len(deck) / 1024:.0f} KB in {deck_s:.2f} s"
        )
    print(f"html_s={html_s:.2f} pdf_s={pdf_s:.1f} pdf_cpu_s={pdf_cpu:.1f} deck_s={deck_s:.2f} pages={pages}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
