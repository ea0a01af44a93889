"""Line numbers of keys in a TOML text, for messages that point at the line to fix.

:mod:`tomllib` returns plain values without positions, so the line of a key is found in
the text: table headers (``[checks.strategy]``) set the current table and ``key = value``
lines (dotted keys too) name a key below it. The line of a path is the line of the
deepest key of that path written in the file, e.g. the ``weights = {...}`` line for
``settings.weights.strategy`` written as an inline table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["line_of", "syntax_error_line"]

_PART = r'(?:[A-Za-z0-9_-]+|"[^"\n]*"|\'[^\'\n]*\')'
_HEADER = re.compile(rf"^\s*\[\[?\s*({_PART}(?:\s*\.\s*{_PART})*)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(rf"^\s*({_PART}(?:\s*\.\s*{_PART})*)\s*=")
_SPLIT = re.compile(_PART)
_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip("\"'") for part in _SPLIT.findall(dotted))


def line_of(text: str, path: Sequence[str]) -> int | None:
    """The 1-based line of the deepest key of ``path`` written in ``text``, else ``None``."""
    wanted = tuple(path)
    table: tuple[str, ...] = ()
    best: tuple[int, int | None] = (0, None)
    in_string = False
    for number, line in enumerate(text.splitlines(), start=1):
        quotes = line.count('"""') + line.count("'''")
        if in_string:
            in_string = quotes % 2 == 0
            continue
        header = _HEADER.match(line)
        if header:
            table = _parts(header.group(1))
            found = table
        else:
            key = _KEY.match(line)
            if key is None:
                continue
            found = table + _parts(key.group(1))
            in_string = quotes % 2 == 1
        if found and wanted[: len(found)] == found and len(found) > best[0]:
            best = (len(found), number)
    return best[1]


def syntax_error_line(message: str) -> int | None:
    """The line :mod:`tomllib` names in a syntax error message, e.g. ``(at line 3, column 9)``."""
    match = _AT_LINE.search(message)
    return int(match.group(1)) if match else None
