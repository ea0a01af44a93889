"""Last checks on a page before it is published: nothing external, nothing local, no traceback."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["page_problems", "sanitize_error"]

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


def page_problems(html: str, local_paths: Iterable[str]) -> list[str]:
    """Return why ``html`` must not be published (external URL, local path, traceback)."""
    problems = []
    for pattern in _EXTERNAL:
        match = pattern.search(html)
        if match:
            problems.append(f"the page refers to an external resource ({match.group(0)[:60]!r})")
    if _TRACEBACK.search(html):
        problems.append("the page contains a Python traceback")
    for path in local_paths:
        if len(path) > 3 and path in html:
            problems.append("the page contains a local file path")
            break
    return problems


def sanitize_error(text: str, local_paths: Iterable[str] = ()) -> str:
    """Shorten an error message for the report: one line, no local paths."""
    line = " ".join(text.split())
    for path in sorted(local_paths, key=len, reverse=True):
        if len(path) > 3:
            line = line.replace(path, "…")
    line = _ABS_PATH.sub(lambda m: "…/" + m.group(0).rstrip("/").rsplit("/", 1)[-1], line)
    return line[:300]
