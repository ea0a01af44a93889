"""Round-trip YAML: read and write engagement files so comments and key order survive.

The round-trip loader of ruamel.yaml builds only plain mappings, sequences and scalars
(it derives from the safe constructor), so no code can run from an engagement file.
Tagged values such as ``!!python/object`` are refused with a clear message.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from smtoolkit.errors import ConfigError

__all__ = ["dump", "line_of", "load", "merge_into", "to_plain"]


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    # Never wrap lines on save: folding long quoted scalars inside flow mappings ({...}) is
    # where round-trip writers have lost spaces; a long line is harmless, a lost space is not.
    yaml.width = 1_000_000
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load(text: str, source: str) -> CommentedMap:
    """Parse ``text`` as the YAML mapping of ``source``; errors name the file and line."""
    try:
        data = _yaml().load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = err.problem or err.context or "invalid YAML"
        raise ConfigError(
            f"{source}{line}: YAML syntax error: {problem}. "
            "Check the indentation, the colon after each key and the quotes on that line."
        ) from None
    except YAMLError as err:
        raise ConfigError(f"{source}: YAML syntax error: {err}") from None
    except ValueError as err:  # an impossible date such as 2027-13-01 (built by the constructor)
        bad_line = _bad_date_line(text)
        where = f"{source}:{bad_line}" if bad_line else source
        raise ConfigError(
            f"{where}: {err}; write dates as YYYY-MM-DD with a real month and day, e.g. 2027-05-31"
        ) from None
    if data is None:
        data = CommentedMap()
    if not isinstance(data, CommentedMap):
        raise ConfigError(
            f"{source}:1: expected a mapping of sections (client:, settings:, ...), "
            f"found a {type(data).__name__}"
        )
    for path, node in _walk(data, ()):
        if isinstance(node, TaggedScalar) or (getattr(node, "tag", None) and _custom_tag(node)):
            raise ConfigError(
                f"{source}:{line_of(data, path) or 1} {_dotted(path)}: YAML tags such as "
                f"{getattr(node.tag, 'value', node.tag)!s} are not allowed; write a plain value"
            )
    return data


_DATE = re.compile(r"(?<![\w.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w.-])")


def _bad_date_line(text: str) -> int | None:
    """The first line holding a YYYY-MM-DD value that is not a real date."""
    for number, line in enumerate(text.splitlines(), start=1):
        for year, month, day in _DATE.findall(line.split("#", 1)[0]):
            try:
                datetime.date(int(year), int(month), int(day))
            except ValueError:
                return number
    return None


def _custom_tag(node: Any) -> bool:
    tag = getattr(node, "tag", None)
    value = getattr(tag, "value", None)
    return bool(value) and not str(value).startswith("tag:yaml.org,2002:")


def _walk(node: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, (*path, index))


def _dotted(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def dump(data: CommentedMap) -> str:
    """Serialise a round-trip mapping back to YAML text."""
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    return buffer.getvalue()


def line_of(root: Any, path: Sequence[str | int]) -> int | None:
    """Return the 1-based line of the deepest part of ``path`` found in ``root``."""
    node = root
    line: int | None = None
    for part in path:
        if isinstance(node, CommentedMap) and isinstance(part, str) and part in node:
            line = node.lc.key(part)[0] + 1
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            line = node.lc.item(part)[0] + 1
            node = node[part]
        else:
            break
    return line


def to_plain(node: Any) -> Any:
    """Convert round-trip containers into plain dicts and lists for validation."""
    if isinstance(node, dict):
        return {str(k): to_plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [to_plain(v) for v in node]
    return node


def merge_into(target: CommentedMap, new: dict[str, Any]) -> None:
    """Update ``target`` in place to equal ``new`` while keeping comments and key order."""
    for key in [k for k in target if k not in new]:
        del target[key]
    for key, value in new.items():
        current = target.get(key)
        if isinstance(value, dict) and isinstance(current, CommentedMap):
            merge_into(current, value)
        elif isinstance(value, list) and isinstance(current, CommentedSeq):
            _merge_seq(current, value)
        else:
            target[key] = _to_rt(value)


def _merge_seq(target: CommentedSeq, new: list[Any]) -> None:
    del target[len(new) :]
    for index, value in enumerate(new):
        if index < len(target):
            current = target[index]
            if isinstance(value, dict) and isinstance(current, CommentedMap):
                merge_into(current, value)
                continue
            target[index] = _to_rt(value)
        else:
            target.append(_to_rt(value))


def _to_rt(value: Any) -> Any:
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = _to_rt(item)
        return mapping
    if isinstance(value, list):
        return CommentedSeq([_to_rt(v) for v in value])
    return value


def read_text(path: Path) -> str:
    """Read a YAML file as UTF-8 text with a clear message when it is not text."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise ConfigError(f"{path}: byte {err.start} is not UTF-8 text; save the file as UTF-8") from None
