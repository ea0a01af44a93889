"""The deliverables hold up: pages never overflow, the PDF carries every action, the deck opens in an office suite.

The demo is built once (with ``report.pdf`` and ``deck.pptx``). The layout checks run in
headless Chromium at phone width, laptop width and A4 print width. The PDF is read with
poppler (pdftotext, pdftoppm) and the deck with python-pptx and LibreOffice; ``make test``
installs those tools, and CI (``SMTOOLKIT_REQUIRE_BROWSER``) fails when one is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from smtoolkit.build import build
from smtoolkit.checks.registry import registry
from smtoolkit.engagement import load_engagement
from smtoolkit.i18n import render
from smtoolkit.overview import OVERVIEW
from smtoolkit.overview.analysis import assess

pytestmark = [pytest.mark.e2e]

PAGES = ["index.html", OVERVIEW.page, *[s.page for s in registry()], "report.html"]
#: Viewport widths: a phone, a laptop, and an A4 sheet at 96 dpi laid out with print styles.
WIDTHS = {"375": (375, False), "1280": (1280, False), "a4-print": (794, True)}

#: Every element wider than its container, and every table cell whose content overflows it.
LAYOUT_PROBLEMS = """() => {
  const problems = [];
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) {
    problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth} px`);
  }
  for (const el of document.body.querySelectorAll('*')) {
    if (el instanceof SVGElement && el.tagName.toLowerCase() !== 'svg') continue;
    const parent = el.parentElement;
    const box = el.getBoundingClientRect();
    if (!parent || box.width === 0 || box.height === 0) continue;
    const outer = parent.getBoundingClientRect();
    if (box.right > outer.right + 1 || box.left < outer.left - 1) {
      problems.push(`${name(el)} (${Math.round(box.left)}..${Math.round(box.right)}) is wider than ` +
        `${name(parent)} (${Math.round(outer.left)}..${Math.round(outer.right)})`);
    }
  }
  for (const row of document.querySelectorAll('tr')) {
    const cells = [...row.children];
    cells.forEach((cell, i) => {
      if (cell.scrollWidth > cell.clientWidth + 1) {
        problems.push(`cell "${cell.textContent.slice(0, 40)}" overflows: ${cell.scrollWidth} > ${cell.clientWidth} px`);
      }
      const a = cell.getBoundingClientRect();
      for (const other of cells.slice(i + 1)) {
        const b = other.getBoundingClientRect();
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) problems.push(`cells "${cell.textContent.slice(0, 30)}" and "${other.textContent.slice(0, 30)}" overlap`);
      }
    });
  }
  return problems.slice(0, 15);
}"""


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("SMTOOLKIT_REQUIRE_BROWSER"):
            pytest.fail(f"{name} is not installed (make test installs it with apt-get)")
        pytest.skip(f"{name} is not installed (make test installs it with apt-get)")
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo report with report.pdf and deck.pptx, built once for this module."""
    root = Path(__file__).resolve().parents[2]
    work = tmp_path_factory.mktemp("deliverables")
    shutil.copytree(
        root / "engagements" / "demo", work / "demo", ignore=shutil.ignore_patterns(".history", "*.lock")
    )
    summary = build([str(work / "demo")], work / "reports", pdf=True)
    assert summary.exit_code == 0, [e.problems for e in summary.engagements]
    return work / "reports" / "demo"


@pytest.mark.browser
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("name", PAGES)
def test_no_element_overflows_and_no_table_cells_overlap(
    browser: Any, built: Path, name: str, width: str, shots: list[Any]
) -> None:
    """At 375 px, 1280 px and A4 print width nothing is wider than its container and no cell overflows."""
    pixels, printed = WIDTHS[width]
    context = browser.new_context(viewport={"width": pixels, "height": 900})
    page = context.new_page()
    shots.append(page)
    if printed:
        page.emulate_media(media="print")
    page.goto((built / name).as_uri(), wait_until="load")
    problems = page.evaluate(LAYOUT_PROBLEMS)
    assert problems == [], f"{name} at {width}: " + "; ".join(problems)
    context.close()


def test_every_page_is_under_the_size_limits(built: Path) -> None:
    """Every page is under 150 KB without its images, and report.html under 1 MB in all."""
    image = re.compile(r"<svg\b.*?</svg>|data:image/[a-z+]+;base64,[A-Za-z0-9+/=]+", re.S)
    for name in PAGES[:-1]:  # the pages; report.html holds them all
        html = (built / name).read_text(encoding="utf-8")
        assert len(image.sub("", html).encode()) < 150 * 1024, name
    assert (built / "report.html").stat().st_size < 1024 * 1024


def _normalized(text: str) -> str:
    """One line of text with single spaces and no hyphens (pdftotext drops a hyphen where a line breaks)."""
    return re.sub(r"-\s*", "", " ".join(text.split()))


def test_pdf_holds_every_action_plan_row_on_some_page(built: Path, tmp_path: Path) -> None:
    """The text of every action of the plan is on some page of report.pdf, and every page renders to an image."""
    pdftotext, pdftoppm = _tool("pdftotext"), _tool("pdftoppm")
    pdf = built / "report.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [_normalized(page) for page in text.split("\f")]
    engagement = load_engagement(built.parents[1] / "demo")
    plan = assess(engagement).plan
    assert plan
    missing = [
        item.rank
        for item in plan
        if not any(_normalized(render(item.recommendation.text, "de")) in page for page in pages)
    ]
    assert missing == [], f"actions not found in report.pdf: {missing}"
    assert "Hallberg Pumpen GmbH" in pages[0] and "Vertraulich" in pages[0]
    assert re.search(r"Inhalt.*\.{5,} ?\d+", pages[1]), "the contents have no page numbers"
    subprocess.run([pdftoppm, "-r", "12", "-png", str(pdf), str(tmp_path / "page")], check=True)
    rendered = sorted(tmp_path.glob("page-*.png"))
    assert len(rendered) == len(pages) - (pages[-1] == "") and len(rendered) > 20


def test_deck_shapes_lie_inside_their_slides_and_libreoffice_renders_it(built: Path, tmp_path: Path) -> None:
    """Every shape of deck.pptx is inside the slide; LibreOffice turns the deck into one PDF page per slide."""
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    deck = Presentation(str(built / "deck.pptx"))
    width, height = deck.slide_width, deck.slide_height
    assert width is not None and height is not None
    outside = []
    for number, slide in enumerate(deck.slides, start=1):
        pictures = 0
        for shape in slide.shapes:
            left, top = shape.left or 0, shape.top or 0
            if left < 0 or top < 0 or left + (shape.width or 0) > width or top + (shape.height or 0) > height:
                outside.append((number, shape.name))
            pictures += shape.shape_type == MSO_SHAPE_TYPE.PICTURE
        assert pictures <= 1, f"slide {number} holds pictures besides the logo"
    assert outside == []
    texts = " ".join(
        shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
    )
    assert "Hallberg Pumpen GmbH" in texts and "Quick Wins" in texts
    soffice = _tool("soffice")
    pdftoppm, pdftotext = _tool("pdftoppm"), _tool("pdftotext")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'lo'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(built / "deck.pptx"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    converted = tmp_path / "deck.pdf"
    subprocess.run([pdftoppm, "-r", "10", "-png", str(converted), str(tmp_path / "slide")], check=True)
    assert len(list(tmp_path.glob("slide-*.png"))) == len(deck.slides)
    text = _normalized(
        subprocess.run([pdftotext, str(converted), "-"], capture_output=True, text=True).stdout
    )
    plan = assess(load_engagement(built.parents[1] / "demo")).plan
    assert _normalized(render(plan[-1].recommendation.text, "de")) in text
