"""Bounded YAML: alias bombs, deep nesting, tags and size are refused with the line, fast."""

from __future__ import annotations

import time

import pytest

from smtoolkit import yamlio
from smtoolkit.errors import ConfigError
from smtoolkit.limits import Limits


def _alias_bomb(levels: int = 10, fan: int = 9) -> str:
    lines = [f"a0: &a0 [{', '.join(['x'] * fan)}]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * fan)}]")
    return "\n".join([*lines, "client:", "  name: X", ""])


def test_alias_bomb_is_refused_at_its_line_within_a_second() -> None:
    """A 10-level, 9-alias bomb (9^10 values from ~500 bytes) is refused quickly, naming line and limit."""
    text = _alias_bomb()
    assert len(text) < 600
    started = time.monotonic()
    with pytest.raises(ConfigError) as caught:
        yamlio.load(text, "engagement.yaml")
    assert time.monotonic() - started < 1.0
    message = str(caught.value)
    assert message.startswith("engagement.yaml:4:")  # *a2 on line 4 crosses the floor of 1000 values
    assert "yaml_alias_ratio" in message


def test_anchors_used_a_few_times_stay_allowed() -> None:
    """Ordinary anchors and merge keys (a few repeats) load as before."""
    text = "base: &b {a: 1, b: 2}\none: *b\ntwo:\n  <<: *b\n  c: 3\n"
    data = yamlio.to_plain(yamlio.load(text, "e.yaml"))
    assert data["one"] == {"a": 1, "b": 2}
    assert data["two"] == {"a": 1, "b": 2, "c": 3}


def test_alias_ratio_counts_values_reached_through_aliases() -> None:
    """With the floor passed, the ratio decides: 1,100 values written, 4,400 reachable, one more refused."""
    written = ", ".join(["x"] * 1099)
    fine = f"a: &a [{written}]\n" + "".join(f"b{i}: *a\n" for i in range(4))
    yamlio.load(fine, "e.yaml")  # 1,100 list values + 5 keys + ... written; 4 × 1,100 reached
    with pytest.raises(ConfigError, match="yaml_alias_ratio"):
        yamlio.load(fine + "b9: *a\n", "e.yaml")


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    """A 400-deep [[[...]]] is a ConfigError naming the limit, not a RecursionError."""
    text = "client: " + "[" * 400 + "]" * 400 + "\n"
    with pytest.raises(ConfigError, match=r"^e\.yaml:1: .*yaml_depth"):
        yamlio.load(text, "e.yaml")


def test_depth_limit_is_configurable() -> None:
    """Ten levels pass the default and fail a limit of five."""
    text = "a: " + "[" * 10 + "]" * 10 + "\n"
    yamlio.load(text, "e.yaml")
    with pytest.raises(ConfigError, match="5 levels"):
        yamlio.load(text, "e.yaml", Limits(yaml_depth=5))


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a: !!python/object/apply:os.system [x]\n", "!!python/object/apply:os.system"),
        ("a: !!python/name:os.system ''\n", "!!python/name:os.system"),
        ("a: !!python/object:builtins.dict {}\n", "!!python/object:builtins.dict"),
        ("a: !local 3\n", "!local"),
        ("a:\n  b: !!str 3\n", "!!str"),
    ],
)
def test_every_tag_is_refused_with_its_line(text: str, shown: str) -> None:
    """Python tags (object, name, apply), local and explicit core tags are refused at their line."""
    with pytest.raises(ConfigError) as caught:
        yamlio.load(text, "e.yaml")
    assert f"tags such as {shown} are not allowed" in str(caught.value)
    assert str(caught.value).startswith(f"e.yaml:{text.count(chr(10))}:")


def test_size_limit_is_checked_before_reading(tmp_path: object) -> None:
    """A file above yaml_bytes is refused by its size, naming the limit."""
    from pathlib import Path

    path = Path(str(tmp_path)) / "engagement.yaml"
    path.write_text("client:\n  name: " + "x" * 2000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="yaml_bytes"):
        yamlio.read_text(path, Limits(yaml_bytes=1000))
    with pytest.raises(ConfigError, match="yaml_bytes"):
        yamlio.load(path.read_text(encoding="utf-8"), "e.yaml", Limits(yaml_bytes=1000))
