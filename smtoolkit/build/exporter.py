"""HTML export with the project's report template: no code, branded, with a table of contents."""

from __future__ import annotations

import base64
import html
import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import DictLoader
from nbconvert import HTMLExporter
from nbformat import NotebookNode

from smtoolkit.resources import templates_dir

__all__ = ["REPORT_TEMPLATE", "branding_css", "export_html", "logo_data_uri", "prepare", "table_of_contents"]

REPORT_TEMPLATE = "report"
_HEADING = re.compile(r'<h2 id="(sec-[a-z0-9-]+)" class="smt-section">(.*?)</h2>', re.S)
_IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
}
_LOGO_LIMIT = 2 * 1024 * 1024
#: The report template's stylesheets, in the order they are applied.
_STYLESHEETS = ("report.css", "branding.css")


@cache
def _exporter(template_root: str, firm_template: tuple[tuple[str, str], ...] = ()) -> HTMLExporter:
    """The exporter of the report template, or of a firm template that extends it.

    ``firm_template`` holds the files of a firm template folder as ``(name, text)``; its
    ``index.html.j2`` starts with ``{% extends 'report/index.html.j2' %}``. Those files are
    looked up first, so the firm's ``index.html.j2`` is the page's template; ``template_root``
    is searched as well, so ``report/index.html.j2`` is the project's template (which
    extends ``lab``).
    """
    exporter = HTMLExporter(  # type: ignore[no-untyped-call]
        template_name=REPORT_TEMPLATE,
        extra_template_basedirs=[template_root],
        extra_template_paths=[template_root] if firm_template else [],
        extra_loaders=[DictLoader(dict(firm_template))] if firm_template else [],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    return exporter


def branding_css(primary_color: str) -> str:
    """The page's stylesheet (``report.css``, then ``branding.css``) with the primary colour filled in."""
    folder = templates_dir() / REPORT_TEMPLATE
    css = "\n".join((folder / name).read_text(encoding="utf-8") for name in _STYLESHEETS)
    if re.fullmatch(r"#[0-9a-fA-F]{6}", primary_color):
        css = css.replace("--smt-primary: #1f4e79;", f"--smt-primary: {primary_color};")
    return css


def logo_data_uri(path: Path | None) -> str | None:
    """Embed the logo as a data URI so the page needs no other file."""
    if path is None:
        return None
    kind = _IMAGE_TYPES.get(path.suffix.lower())
    if kind is None or path.stat().st_size > _LOGO_LIMIT:
        return None
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def table_of_contents(nb: NotebookNode) -> list[dict[str, str]]:
    """The page's sections, from the headings the notebook displayed."""
    entries = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            markup = output.get("data", {}).get("text/html", "")
            if isinstance(markup, list):
                markup = "".join(markup)
            for anchor, text in _HEADING.findall(markup):
                entries.append({"id": anchor, "text": html.unescape(re.sub(r"<[^>]+>", "", text))})
    return entries


def prepare(nb: NotebookNode) -> NotebookNode:
    """Drop what a client must never see: stderr, error outputs and the parameter cells.

    Cell ids are renumbered so that the same inputs always give the same page.
    """
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{index}"
        if cell.cell_type != "code":
            continue
        tags = set(cell.get("metadata", {}).get("tags", []))
        if tags & {"parameters", "injected-parameters", "remove-output"}:
            cell.outputs = []
            continue
        cell.outputs = [
            o
            for o in cell.get("outputs", [])
            if o.get("output_type") != "error"
            and not (o.get("output_type") == "stream" and o.get("name") == "stderr")
        ]
    return nb


def export_html(
    nb: NotebookNode,
    *,
    language: str,
    context: dict[str, Any],
    toc: list[dict[str, Any]] | None = None,
) -> str:
    """Convert an executed notebook into the page's HTML.

    ``toc`` replaces the table of contents found in the notebook; an entry may hold
    ``children`` (the combined report lists each page with its sections). With
    ``context["template_files"]`` (a firm template's files by name) the page uses the firm's
    template, which extends the report template (see :func:`_exporter`).
    """
    firm_template = tuple(sorted((context.get("template_files") or {}).items()))
    exporter = _exporter(str(templates_dir()), firm_template)
    exporter.language_code = language
    resources = {
        "smtoolkit": {**context, "toc": table_of_contents(nb) if toc is None else toc},
        "metadata": {"name": context.get("report_title", "")},
    }
    body, _ = exporter.from_notebook_node(prepare(nb), resources=resources)
    return str(body)
