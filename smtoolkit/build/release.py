"""The delivery check of a release build, and the zip bundle it writes when nothing is wrong.

A release is refused, with one message per problem, when

1. **a page failed**: the overview or an included check did not build (or was not part of
   this build, e.g. with ``--only``);
2. **a required input is missing**: ``settings.workshop_date`` is empty (the action plan's
   due weeks count from it), or an included check has no section in ``engagement.yaml``;
3. **a default answer is still in place**: an included check's section holds only defaults
   (its model's, or the firm file's it inherits), i.e. nothing was answered (the skeleton
   of ``smtoolkit new`` is exactly that);
4. **a placeholder is still in place**: the client's name is an example name
   (:data:`EXAMPLE_NAMES`, e.g. the "ACME GmbH" of ``smtoolkit new --help``), or a text
   answer of the client, the settings or an included check holds a placeholder marker
   (``TODO``, ``TBD``, ``FIXME``, ``XXX``, ``???``, "lorem ipsum", "placeholder",
   "Platzhalter");
5. **a page is unsafe to send**: it refers to an external URL, contains a traceback or a
   local path (the publish guard of :mod:`smtoolkit.build.guard`, run on every page, the
   index and the combined report).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from smtoolkit.atomic import write_atomic
from smtoolkit.build.guard import PageProblem
from smtoolkit.build.tasks import PageSpec, TaskResult
from smtoolkit.engagement import Engagement, display_path
from smtoolkit.yamlio import line_of

__all__ = [
    "EXAMPLE_NAMES",
    "foreign_bundle",
    "input_problems",
    "page_problems",
    "placeholder_in",
    "unsafe_page",
    "write_bundle",
    "written_by_toolkit",
]

#: The zip comment that marks a bundle as written by :func:`write_bundle`.
BUNDLE_MARK = b"smtoolkit release bundle"

#: Client names that are examples, not clients: the toolkit's own help texts and the usual
#: German stand-ins (compared ignoring case and spacing).
EXAMPLE_NAMES: frozenset[str] = frozenset(
    {
        "acme gmbh",
        "client gmbh",
        "kunde gmbh",
        "muster gmbh",
        "musterfirma",
        "musterfirma gmbh",
        "mustermann gmbh",
        "beispiel gmbh",
        "example gmbh",
    }
)
_MARKER = re.compile(r"\b(?:TODO|TBD|FIXME|XXX)\b|\?\?\?")
_MARKER_ANY_CASE = re.compile(r"\blorem ipsum\b|\bplaceholder\b|\bplatzhalter\b", re.I)
_ADVICE = {
    "external": (
        "a page must not load or link anything from the web: remove the address from the "
        "notebook or from the answer it comes from"
    ),
    "traceback": "a cell printed an error: fix its cause in the notebook or the answers",
    "local_path": "a cell printed a file path of this computer: remove that output from the notebook",
}


def placeholder_in(text: str) -> str | None:
    """Return the placeholder marker found in ``text``, or None."""
    match = _MARKER.search(text) or _MARKER_ANY_CASE.search(text)
    return match.group(0) if match else None


def _dotted(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _strings(node: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*path, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, (*path, index))
    elif isinstance(node, str):
        yield path, node


def input_problems(engagement: Engagement, language: str = "en") -> list[str]:
    """Missing required input, default answers and placeholders in ``engagement``.

    Checks are named by their title in ``language`` (the report's), as on the pages. A
    section holding only defaults, the toolkit's or the firm file's, counts as unanswered.
    """
    source = display_path(engagement.file)
    document = engagement.document
    problems: list[str] = []

    def where(path: tuple[str | int, ...]) -> str:
        line = line_of(document, path)
        return f"{source}:{line}" if line else source

    if engagement.settings.workshop_date is None:
        problems.append(
            f"{where(('settings', 'workshop_date'))} settings.workshop_date: is empty; the action "
            "plan counts its due weeks from the workshop date: enter it as YYYY-MM-DD"
        )
    name = " ".join(engagement.client.name.split())
    if name.lower() in EXAMPLE_NAMES:
        problems.append(
            f"{where(('client', 'name'))} client.name: {name!r} is an example name, not the "
            "client's; enter the client's name"
        )
    scanned: list[str] = ["client", "settings"]
    for spec in engagement.included():
        if document.get(spec.slug) is None:
            problems.append(
                f"{source} {spec.slug}: check {spec.title(language)} has no answers (the section is "
                f"missing); fill it in with notebooks/{spec.notebook} or leave the check out "
                "with settings.checks"
            )
            continue
        scanned.append(spec.slug)
        try:
            defaults = spec.model.model_validate(engagement.inherited(spec.slug))
            untouched = engagement.section(spec.slug) == defaults
        except ValueError:
            untouched = False
        if untouched:
            problems.append(
                f"{where((spec.slug,))} {spec.slug}: every answer of check {spec.title(language)} is "
                f"still the default; fill it in with notebooks/{spec.notebook} or leave the "
                "check out with settings.checks"
            )
    for key in scanned:
        for path, text in _strings(document.get(key), (key,)):
            marker = placeholder_in(text)
            if marker:
                shown = text if len(text) <= 60 else text[:57] + "..."
                problems.append(
                    f"{where(path)} {_dotted(path)}: {shown!r} still holds a placeholder "
                    f"({marker!r}); replace it with the real answer"
                )
    return problems


def unsafe_page(slug: str, page: str, problem: PageProblem) -> str:
    """The release message for a page the publish guard refused."""
    return f"{slug}: {page} cannot be sent: {problem.text}; {_ADVICE.get(problem.kind, 'fix the page')}"


def page_problems(
    engagement: Engagement, expected: Sequence[PageSpec], results: Sequence[TaskResult], language: str
) -> list[str]:
    """Pages that failed, were refused by the guard, or were not built in this run."""
    slug = engagement.slug
    by_check = {r.task.check: r for r in results}
    problems: list[str] = []
    for spec in expected:
        title = spec.title(language)
        result = by_check.get(spec.slug)
        if result is None:
            problems.append(
                f"{slug}: {title} ({spec.page}) was not built in this run; a release builds every "
                "included check: run it without --only"
            )
        elif result.problems:
            problems.extend(unsafe_page(slug, spec.page, p) for p in result.problems)
        elif not result.ok:
            source = display_path(result.task.notebook)
            problems.append(
                f"{slug}: {title} ({spec.page}) failed in cell {result.cell or '–'} of {source}: "
                f"{result.error}; fix the cause in the notebook or the answers, then build again"
            )
    return problems


def write_bundle(path: Path, folder: Path, names: Sequence[str], when: dt.datetime | None = None) -> Path:
    """Write the files ``names`` of ``folder`` into the zip ``path`` under ``<folder name>/``."""
    stamp = (when or dt.datetime.now()).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        bundle.comment = BUNDLE_MARK
        for name in names:
            info = zipfile.ZipInfo(f"{folder.name}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            bundle.writestr(info, (folder / name).read_bytes())
    write_atomic(path, buffer.getvalue())
    return path


def written_by_toolkit(path: Path) -> bool:
    """True when ``path`` is a release bundle :func:`write_bundle` wrote.

    Its zip comment says so; a bundle of a version before the mark is recognised by its
    shape: every member inside ``<slug>/``, and ``<slug>/index.html`` among them.
    """
    try:
        with zipfile.ZipFile(path) as bundle:
            if bundle.comment == BUNDLE_MARK:
                return True
            names = bundle.namelist()
    except (OSError, zipfile.BadZipFile):
        return False
    folder = f"{path.stem}/"
    return bool(names) and all(n.startswith(folder) for n in names) and f"{folder}index.html" in names


def foreign_bundle(slug: str, path: Path) -> str:
    """The release message for a file at the bundle's place that smtoolkit did not write."""
    return (
        f"{slug}: {path.name} in {display_path(path.parent)} was not written by smtoolkit; it is kept "
        "untouched: move or rename it, then run the release build again"
    )
