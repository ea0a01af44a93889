"""Last checks on a page before it is published: nothing external, nothing local, no traceback."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["PageProblem", "find_problems", "page_problems", "sanitize_error"]

_EXTERNAL = [
    re.compile(
        r"""\b(?:src|href|action|poster|data|srcset|xlink:href)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?//""",
        re.I,
    ),
    re.compile(r"""url\(\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?//""", re.I),
    re.compile(r"""@import\s+["']""", re.I),
    re.compile(r"""<script\b[^>]*\bsrc\s*=""", re.I),
]
_TRACEBACK = re.compile(r"Traceback \(most recent call last\)|\bFile &quot;|\bFile \"/")
_ABS_PATH = re.compile(r"(?:/[\w.@+-]+){2,}/?|[A-Za-z]:\\[\w\\. -]+")
#: Embedded images: base64 text can spell anything, e.g. "/tmp", so it is not searched for paths.
_DATA_URI = re.compile(r"data:[a-z]+/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=\s]+", re.I)


@dataclass(frozen=True)
class PageProblem:
    """Why a page must not be published: ``kind`` is "external", "traceback" or "local_path"."""

    kind: str
    text: str


def find_problems(html: str, local_paths: Iterable[str]) -> list[PageProblem]:
    """Return why ``html`` must not be published (external URL, traceback, local path)."""
    problems = []
    for pattern in _EXTERNAL:
        match = pattern.search(html)
        if match:
            problems.append(
                PageProblem("external", f"the page refers to an external resource ({match.group(0)[:60]!r})")
            )
    text = _DATA_URI.sub("data:", html)
    if _TRACEBACK.search(text):
        problems.append(PageProblem("traceback", "the page contains a Python traceback"))
    for path in local_paths:
        if len(path) > 3 and path in text:
            problems.append(PageProblem("local_path", "the page contains a local file path"))
            break
    return problems


def page_problems(html: str, local_paths: Iterable[str]) -> list[str]:
    """The texts of :func:`find_problems`."""
    return [problem.text for problem in find_problems(html, local_paths)]


def sanitize_error(text: str, local_paths: Iterable[str] = ()) -> str:
    """Shorten an error message for the report: one line, no local paths."""
    line = " ".join(text.split())
    for path in sorted(local_paths, key=len, reverse=True):
        if len(path) > 3:
            line = line.replace(path, "…")
    line = _ABS_PATH.sub(lambda m: "…/" + m.group(0).rstrip("/").rsplit("/", 1)[-1], line)
    return line[:300]
