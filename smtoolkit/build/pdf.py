"""``report.pdf``: the combined report laid out on A4 pages by WeasyPrint.

The PDF is made from the same combined notebook as ``report.html``, through the same report
template (so a firm template and the firm's branding apply), with ``paged`` set: the
template then puts a cover and the contents first, and ``templates/report/paged.css``
(CSS Paged Media) adds page numbers, running headers with the client and the check,
contents with page numbers (``target-counter``), landscape pages for the full action plan,
and break rules (no heading at a page foot, no chart or table row split). WeasyPrint
writes PDF bookmarks from the headings and embeds the fonts it uses (subsets).

WeasyPrint loads nothing but ``data:`` URIs here: a page is offline, and an address that
slipped into a page must not make the build reach out to the network or the disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nbformat import NotebookNode

from smtoolkit.atomic import write_atomic
from smtoolkit.build.exporter import REPORT_TEMPLATE, export_html
from smtoolkit.errors import BuildError
from smtoolkit.resources import templates_dir

__all__ = ["PDF_FILE", "paged_css", "pdf_html", "render_pdf", "write_pdf"]

PDF_FILE = "report.pdf"


def paged_css() -> str:
    """The paged-media stylesheet of the PDF (added after the page's own stylesheet)."""
    return (templates_dir() / REPORT_TEMPLATE / "paged.css").read_text(encoding="utf-8")


def pdf_html(nb: NotebookNode, toc: list[dict[str, Any]], language: str, context: dict[str, Any]) -> str:
    """The HTML that becomes the PDF: the combined report with cover, contents and paged CSS."""
    paged = {**context, "standalone": True, "paged": True, "paged_css": paged_css()}
    return export_html(nb, language=language, context=paged, toc=toc)


def render_pdf(html: str) -> bytes:
    """Lay ``html`` out on pages and return the PDF; only embedded (``data:``) resources load."""
    try:
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher
    except (ImportError, OSError) as err:  # OSError: the Pango libraries are missing
        raise BuildError(
            f"cannot make {PDF_FILE}: WeasyPrint cannot be loaded ({err}); install it with "
            "`pip install weasyprint` and the Pango libraries (Debian: libpango-1.0-0 "
            "libpangoft2-1.0-0), or build without --pdf"
        ) from err
    fetcher = URLFetcher(allowed_protocols={"data"})
    document = HTML(string=html, url_fetcher=fetcher, media_type="print")
    pdf: bytes = document.write_pdf(pdf_variant=None, uncompressed_pdf=False)
    return pdf


def write_pdf(
    out_dir: Path, nb: NotebookNode, toc: list[dict[str, Any]], language: str, context: dict[str, Any]
) -> Path:
    """Write ``report.pdf`` into ``out_dir`` (atomically) and return its path."""
    path = out_dir / PDF_FILE
    write_atomic(path, render_pdf(pdf_html(nb, toc, language, context)))
    return path
