"""Round-trip YAML: read and write engagement files so comments and key order survive.

The round-trip loader of ruamel.yaml builds only plain mappings, sequences and scalars
(it derives from the safe constructor), so no code can run from an engagement file.

Before anything is built, the parser's events are scanned once (no recursion, nothing
expanded) and the text is refused, with its line, when it

- is larger than ``yaml_bytes`` (:mod:`smtoolkit.limits`),
- nests mappings and lists deeper than ``yaml_depth``,
- reaches more values through aliases (``*name``) than ``yaml_alias_ratio`` times the
  values it writes (an "alias bomb" of a few hundred bytes can stand for billions), or
- carries a tag: the schema of an engagement file uses none, so every ``!!python/...``
  tag, every local ``!tag`` and every explicit core tag (``!!str``) is refused.
"""

from __future__ import annotations

import datetime
import io
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    NodeEvent,
    ScalarEvent,
)

from smtoolkit.errors import ConfigError
from smtoolkit.limits import Limits

__all__ = ["dump", "line_of", "load", "merge_into", "to_plain"]


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    # Never wrap lines on save: folding long quoted scalars inside flow mappings ({...}) is
    # where round-trip writers have lost spaces; a long line is harmless, a lost space is not.
    yaml.width = 1_000_000
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


_CORE = "tag:yaml.org,2002:"
#: Values reached through aliases that are always allowed, however small the file.
_ALIAS_FLOOR = 1000


def _shown_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _bounded(text: str, source: str, limits: Limits) -> None:
    """Refuse ``text`` when it is too large, too deep, expands too far or carries a foreign tag.

    Walks the parser's event stream once: nesting is a counter, and the size of each
    anchored value (with the aliases inside it) is summed as its events go by, so nothing
    is ever expanded.
    """
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limits.yaml_bytes:
        raise ConfigError(
            f"{source}: the file has {size:,} bytes, more than the limit of {limits.yaml_bytes:,} "
            f"(yaml_bytes); an engagement file holds answers, not data: keep exports in data/. "
            f"{limits.hint('yaml_bytes')}"
        )
    anchors: dict[str, int] = {}
    stack: list[list[Any]] = [[None, 0]]  # [anchor, values inside] per open mapping or list
    own = reached = 0
    for event in _yaml().parse(text):
        if isinstance(event, CollectionEndEvent) and len(stack) > 1:
            anchor, inside = stack.pop()
            if anchor:
                anchors[str(anchor)] = inside
            stack[-1][1] += inside
            continue
        if not isinstance(event, NodeEvent):
            continue
        line = event.start_mark.line + 1 if event.start_mark is not None else 1
        tag = getattr(event, "tag", None)
        if tag and tag != "!":
            raise ConfigError(
                f"{source}:{line}: YAML tags such as {_shown_tag(str(tag))} are not allowed; "
                "write a plain value (text, number, date, list or mapping)"
            )
        if isinstance(event, AliasEvent):
            expanded = anchors.get(str(event.anchor), 1)
            reached += expanded
            stack[-1][1] += expanded
            if reached > max(limits.yaml_alias_ratio * own, _ALIAS_FLOOR):
                raise ConfigError(
                    f"{source}:{line}: the aliases (*{event.anchor}) repeat more values than the file "
                    f"writes ({limits.yaml_alias_ratio} times its {own:,} values, yaml_alias_ratio); "
                    "write the values out instead of repeating anchors inside anchors. "
                    f"{limits.hint('yaml_alias_ratio')}"
                )
            continue
        own += 1
        if isinstance(event, ScalarEvent):
            stack[-1][1] += 1
            if event.anchor:
                anchors[str(event.anchor)] = 1
        elif isinstance(event, CollectionStartEvent):
            stack.append([event.anchor, 1])
            if len(stack) - 1 > limits.yaml_depth:
                raise ConfigError(
                    f"{source}:{line}: mappings and lists are nested more than {limits.yaml_depth} "
                    "levels deep (yaml_depth); an engagement file needs a few levels only, check "
                    f"the brackets and the indentation. {limits.hint('yaml_depth')}"
                )


def load(text: str, source: str, limits: Limits | None = None) -> CommentedMap:
    """Parse ``text`` as the YAML mapping of ``source``; errors name the file and line.

    ``limits`` bound the text's size, depth and aliases (default: the toolkit's limits).
    """
    try:
        _bounded(text, source, limits or Limits())
        data = _yaml().load(text)
    except ConfigError:
        raise
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
    except RecursionError:
        raise ConfigError(
            f"{source}: mappings and lists are nested too deeply to read; check the brackets "
            "and the indentation"
        ) from None
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


def read_text(path: Path, limits: Limits | None = None) -> str:
    """Read a YAML file as UTF-8 text with a clear message when it is not text or too large.

    Only a regular file is read (not a pipe, a device or a folder), and never more than
    ``yaml_bytes`` of it, so a file that never ends cannot stall the caller.
    """
    limits = limits or Limits()
    limit = limits.yaml_bytes
    # stat first: opening a pipe would wait for a writer
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        raise ConfigError(
            f"{path}: is not an ordinary file (a pipe, device or folder); "
            "save the engagement file as a plain text file"
        )
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ConfigError(
            f"{path}: the file has more than {limit:,} bytes (yaml_bytes); an engagement file holds "
            f"answers, not data: keep exports in data/. {limits.hint('yaml_bytes')}"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ConfigError(f"{path}: byte {err.start} is not UTF-8 text; save the file as UTF-8") from None
