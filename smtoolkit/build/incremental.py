"""Incremental builds: the key of every input of a page, and whether the last build can be kept.

Two levels, both recorded in the report folder's ``build.json``:

- **Engagement key** (:func:`engagement_key`): every file of the engagement folder
  (answers, data, logo, notebook overrides and extra notebooks), the firm file above it
  with its logo and template, the standard notebooks, the report templates, the toolkit
  (version and the content of its package, plus the package of every check plug-in) and
  the build options. When it equals the last successful build's, and that build did not
  depend on the date or was made today, the engagement is up to date: nothing is loaded,
  run or written. This is what makes a re-run with nothing changed take about a second.
- **Task key** (:func:`task_key`): for one page, the notebook (or the engagement's
  override), the ``client`` and effective ``settings`` sections (firm defaults included),
  the check's own section and the sections it declares in ``CheckSpec.reads`` (the
  overview: every included section and the rounds), the engagement's files when the check
  declares ``CheckSpec.files`` (the overview: always), the language, the page context
  (branding, logo, firm template; not the build date), the report templates and the
  toolkit. A page whose key equals the one recorded with its last successful build, and
  whose page and executed notebook are still there, is kept.

A page whose analysis uses today's date (no ``settings.workshop_date``) gets the date in
its key, so it is rebuilt on another day.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache
from importlib import metadata, util
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smtoolkit._version import __version__
from smtoolkit.build.transport import engagement_files
from smtoolkit.paths import find_firm_file
from smtoolkit.resources import notebooks_dir, templates_dir

if TYPE_CHECKING:
    from smtoolkit.engagement import Engagement

__all__ = [
    "BUILD_FILE",
    "engagement_key",
    "previous_build",
    "task_key",
    "toolkit_fingerprint",
    "tree_digest",
    "up_to_date",
]

BUILD_FILE = "build.json"
_ENGAGEMENT_FILE = "engagement.yaml"
_PLUGIN_GROUP = "smtoolkit.checks"
_SKIP_PARTS = frozenset({"__pycache__", ".ipynb_checkpoints", ".mypy_cache", ".pytest_cache"})


def _digest(parts: Iterable[bytes]) -> str:
    sha = hashlib.sha256()
    for part in parts:
        sha.update(len(part).to_bytes(8, "big"))
        sha.update(part)
    return sha.hexdigest()


def _files_digest(root: Path, files: Iterable[Path]) -> str:
    parts: list[bytes] = []
    for path in files:
        parts.append(path.relative_to(root).as_posix().encode())
        try:
            parts.append(path.read_bytes())
        except OSError:
            parts.append(b"\0unreadable")
    return _digest(parts)


def tree_digest(root: Path) -> str:
    """A digest of the names and contents of every file below ``root`` (caches left out)."""
    if root.is_file():
        return _files_digest(root.parent, [root])
    if not root.is_dir():
        return "missing"
    files = sorted(
        p for p in root.rglob("*") if p.is_file() and not _SKIP_PARTS & set(p.relative_to(root).parts)
    )
    return _files_digest(root, files)


def _plugin_packages() -> list[str]:
    """Name, distribution version and content digest of each check plug-in's top package."""
    found = []
    for entry in sorted(metadata.entry_points(group=_PLUGIN_GROUP), key=lambda e: e.name):
        top = entry.value.split(":")[0].split(".")[0]
        version = entry.dist.version if entry.dist is not None else "?"
        try:
            spec = util.find_spec(top)
        except (ImportError, ValueError):
            spec = None
        roots = [Path(str(p)) for p in (spec.submodule_search_locations or [])] if spec is not None else []
        if spec is not None and spec.origin and not roots:
            roots = [Path(spec.origin)]
        digests = [tree_digest(root) for root in roots]
        found.append(f"{entry.name}={entry.value}@{version}:{','.join(digests)}")
    return found


@cache
def toolkit_fingerprint() -> str:
    """The toolkit as the pages see it: version, package content, templates, check plug-ins."""
    package = Path(__file__).resolve().parent.parent
    parts = [__version__, tree_digest(package), tree_digest(templates_dir()), *_plugin_packages()]
    return _digest(p.encode() for p in parts)


def _firm_inputs(folder: Path) -> list[str]:
    """Digests of the firm file above ``folder`` and of the logo and template it names."""
    found = find_firm_file(folder)
    if found is None:
        return []
    parts = [str(found), tree_digest(found)]
    try:
        firm = tomllib.loads(found.read_text(encoding="utf-8")).get("firm", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return parts
    for key in ("logo", "template", "deck_template"):
        value = firm.get(key) if isinstance(firm, dict) else None
        if isinstance(value, str) and value:
            parts.append(f"{key}:{tree_digest(found.parent / value)}")
    return parts


def engagement_key(folder: Path, options: Mapping[str, Any]) -> str:
    """The key of everything an engagement's build reads, for the up-to-date check."""
    folder = folder.resolve()
    parts = [
        _files_digest(folder, engagement_files(folder)),
        *_firm_inputs(folder),
        tree_digest(notebooks_dir()),
        toolkit_fingerprint(),
        json.dumps(dict(options), sort_keys=True, default=str),
    ]
    return _digest(p.encode() for p in parts)


def previous_build(out_dir: Path) -> dict[str, Any] | None:
    """The ``build.json`` of the last build into ``out_dir``, if it can be read."""
    try:
        data = json.loads((out_dir / BUILD_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def up_to_date(previous: Mapping[str, Any] | None, out_dir: Path, key: str, today: date) -> bool:
    """True when the last build into ``out_dir`` had ``key``, succeeded and is still complete."""
    if previous is None or previous.get("input_key") != key or previous.get("status") != "ok":
        return False
    if previous.get("date_dependent") and previous.get("built_on") != today.isoformat():
        return False
    names = [str(p["page"]) for p in previous.get("pages", []) if p.get("page")]
    names += [str(name) for name in previous.get("files", [])]
    return bool(names) and all((out_dir / name).is_file() for name in names)


def _section(engagement: Engagement, slug: str) -> Any:
    try:
        return engagement.section(slug).model_dump(mode="json")
    except (KeyError, ValueError):
        return None


def task_key(
    engagement: Engagement,
    *,
    check: str,
    reads: Iterable[str],
    files: bool,
    notebook: Path,
    language: str,
    context: Mapping[str, Any],
    today: date,
) -> str:
    """The key of one page's inputs; ``check`` is the page's slug (the overview reads all)."""
    from smtoolkit.overview.spec import OVERVIEW

    overview = check == OVERVIEW.slug
    slugs = [spec.slug for spec in engagement.included()] if overview else [check, *reads]
    sections = {slug: _section(engagement, slug) for slug in sorted(set(slugs))}
    inputs: dict[str, Any] = {
        "client": engagement.client.model_dump(mode="json"),
        "settings": engagement.settings.model_dump(mode="json"),
        "sections": sections,
        "rounds": [r.model_dump(mode="json") for r in engagement.rounds] if overview else None,
        "language": language,
        "context": {k: v for k, v in context.items() if k != "generated"},
        "today": today.isoformat() if engagement.settings.workshop_date is None else None,
    }
    folder = engagement.folder.resolve()
    data = ""
    if files or overview:
        inputs_only = [
            p
            for p in engagement_files(folder)
            if p.name != _ENGAGEMENT_FILE or p.parent != folder
            if p.relative_to(folder).parts[0] != "notebooks"
        ]
        data = _files_digest(folder, inputs_only)
    parts = [
        json.dumps(inputs, sort_keys=True, default=str),
        data,
        tree_digest(notebook),
        toolkit_fingerprint(),
    ]
    return _digest(p.encode() for p in parts)
