"""Per-client copies of a standard notebook: ``smtoolkit customize``, staleness and diffs.

``customize`` copies the standard notebook of a check (or of the overview) to
``engagements/<slug>/notebooks/NN_<slug>.ipynb``, where the build prefers it for this client
only. The copy's notebook metadata records, under ``smtoolkit``, the toolkit version and a
content hash of the standard notebook (cell types and sources only, so outputs and
metadata do not count); the unchanged standard notebook is kept beside it in
``notebooks/.base/``. When a later toolkit version changes the standard notebook, the
hashes differ (:func:`override_status`) and :func:`override_diff` shows what changed in
the standard notebook since the copy, and what was edited in the copy; :func:`accept`
records that the copy has caught up.
"""

from __future__ import annotations

import ast
import datetime as dt
import difflib
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smtoolkit._version import __version__
from smtoolkit.atomic import HISTORY_DIR, keep_version, write_atomic
from smtoolkit.checks.registry import CheckSpec, get
from smtoolkit.engagement import display_path, resolve_folder
from smtoolkit.errors import ConfigError
from smtoolkit.overview.spec import OVERVIEW, OverviewSpec

__all__ = [
    "BASE_DIR",
    "METADATA_KEY",
    "OVERRIDES_DIR",
    "OverrideStatus",
    "accept",
    "content_hash",
    "customize",
    "notebook_problems",
    "override_diff",
    "override_status",
    "page_spec",
]

#: The folder of an engagement holding its notebook overrides.
OVERRIDES_DIR = "notebooks"
#: Beside the overrides: the standard notebooks as they were when copied.
BASE_DIR = ".base"
#: The key of the override's notebook metadata that records where it came from.
METADATA_KEY = "smtoolkit"
#: What the parameters cell must set.
PARAMETERS = ("engagement", "language")


def page_spec(key: str | int) -> CheckSpec | OverviewSpec:
    """The check named by ``key`` (slug or number), or the overview for ``0``/``overview``."""
    text = str(key).strip()
    if text == OVERVIEW.slug or (text.isdigit() and int(text) == OVERVIEW.number):
        return OVERVIEW
    return get(text)


def _sources(nb: dict[str, Any]) -> list[tuple[str, str]]:
    cells = []
    for cell in nb.get("cells", []):
        source = cell.get("source", "")
        cells.append(
            (str(cell.get("cell_type", "")), "".join(source) if isinstance(source, list) else source)
        )
    return cells


def content_hash(nb: Any) -> str:
    """A hash of a notebook's cell types and sources; outputs, ids and metadata do not count."""
    payload = json.dumps(_sources(nb), ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _read(path: Path) -> dict[str, Any]:
    """Read a notebook's JSON; raise ConfigError naming the file when that fails."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ConfigError(f"{display_path(path)}: cannot be read ({err.strerror or err})") from None
    except ValueError as err:
        raise ConfigError(f"{display_path(path)}: is not a notebook ({err})") from None
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise ConfigError(f"{display_path(path)}: is not a notebook (no list of cells)")
    return nb


def _dumps(nb: dict[str, Any]) -> str:
    """A notebook as JSON the way Jupyter writes it (sorted keys, one-space indent)."""
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class OverrideStatus:
    """Where a client's notebook override came from, and whether its standard moved on since."""

    override: Path
    standard: Path
    #: The override carries the record ``smtoolkit customize`` writes (a hand copy does not).
    recorded: bool
    base_version: str | None
    base_hash: str | None
    standard_hash: str

    @property
    def stale(self) -> bool:
        """True when the standard notebook changed since the override was copied."""
        return self.recorded and self.base_hash != self.standard_hash

    def warning(self) -> str | None:
        """The build's warning for a stale override (what happened, what to do), or None."""
        if not self.stale:
            return None
        engagement = self.override.parent.parent
        number = self.override.name.split("_", 1)[0]
        return (
            f"{display_path(self.override)} is based on the standard notebook of smtoolkit "
            f"{self.base_version or 'unknown'}, and the standard {self.standard.name} has changed since "
            f"(now smtoolkit {__version__}); see what changed with: smtoolkit customize "
            f"{display_path(engagement)} {number} --diff, take the changes over into the copy, then "
            f"record that with: smtoolkit customize {display_path(engagement)} {number} --accept"
        )


def override_status(override: Path, standard: Path) -> OverrideStatus:
    """Compare the record in ``override`` with the current ``standard`` notebook.

    An override that cannot be read or carries no record is reported as not recorded
    (never stale); :func:`notebook_problems` says what is wrong with it.
    """
    current = content_hash(_read(standard))
    try:
        record = (_read(override).get("metadata") or {}).get(METADATA_KEY) or {}
    except ConfigError:
        record = {}
    recorded = isinstance(record, dict) and bool(record.get("standard_hash"))
    return OverrideStatus(
        override=override,
        standard=standard,
        recorded=recorded,
        base_version=str(record["toolkit_version"]) if recorded and record.get("toolkit_version") else None,
        base_hash=str(record["standard_hash"]) if recorded else None,
        standard_hash=current,
    )


def _assigned(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def notebook_problems(path: Path) -> list[str]:
    """What keeps ``path`` from running as a report notebook; empty when nothing does.

    Checks that it is JSON and a valid notebook, that one cell is tagged ``parameters``
    and that this cell sets ``engagement`` and ``language``.
    """
    shown = display_path(path)
    redo = f"restore it from {HISTORY_DIR}/ or start again with `smtoolkit customize ... --refresh`"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        return [f"{shown}: cannot be read ({err.strerror or err})"]
    except UnicodeDecodeError:
        return [f"{shown}: is not a notebook (not UTF-8 text); {redo}"]
    try:
        json.loads(text)
    except json.JSONDecodeError as err:
        return [
            f"{shown}:{err.lineno} is not a notebook: invalid JSON at column {err.colno} ({err.msg}); {redo}"
        ]
    import nbformat

    try:
        nb = nbformat.reads(text, as_version=4)  # type: ignore[no-untyped-call]
        nbformat.validate(nb)
    except Exception as err:
        detail = getattr(err, "message", None) or str(err).splitlines()[0]
        return [f"{shown}: is not a valid notebook (nbformat: {detail}); {redo}"]
    tagged = [
        (index, cell)
        for index, cell in enumerate(nb.cells)
        if "parameters" in (cell.get("metadata", {}).get("tags") or [])
    ]
    if not tagged:
        return [
            f"{shown}: no cell is tagged 'parameters', so the build cannot pass the client and the "
            "language; tag the cell that sets engagement and language (JupyterLab: property inspector, "
            "cell tags: parameters)"
        ]
    index, cell = tagged[0]
    where = f"{shown}: the parameters cell (cell {index + 1})"
    if cell.cell_type != "code":
        return [f"{where} is a {cell.cell_type} cell; make it a code cell that sets engagement and language"]
    try:
        names = _assigned(cell.source)
    except SyntaxError as err:
        return [f"{where} is not valid Python (line {err.lineno}: {err.msg}); correct it"]
    missing = [name for name in PARAMETERS if name not in names]
    if missing:
        examples = {"engagement": 'engagement = "engagements/demo"', "language": "language = None"}
        return [
            f"{where} does not set {' and '.join(missing)}; add " + " and ".join(examples[m] for m in missing)
        ]
    return []


def _paths(folder: Path, spec: CheckSpec | OverviewSpec) -> tuple[Path, Path, Path]:
    """The standard notebook, the client's override and its base copy."""
    overrides = folder / OVERRIDES_DIR
    return spec.notebook_path(), overrides / spec.notebook, overrides / BASE_DIR / spec.notebook


def _command(folder: Path, spec: CheckSpec | OverviewSpec, option: str = "") -> str:
    return f"smtoolkit customize {display_path(folder)} {spec.number:02d}{option}"


def _record(spec: CheckSpec | OverviewSpec, standard: Any) -> dict[str, str]:
    """What an override records about the standard notebook it follows."""
    return {
        "check": spec.slug,
        "standard": spec.notebook,
        "toolkit_version": __version__,
        "standard_hash": content_hash(standard),
        "recorded": dt.date.today().isoformat(),
    }


def _standard(spec: CheckSpec | OverviewSpec, standard: Path) -> dict[str, Any]:
    if not standard.is_file():
        raise ConfigError(
            f"the standard notebook {display_path(standard)} of {spec.slug!r} is missing; "
            "reinstall smtoolkit (or the package of this check)"
        )
    return _read(standard)


def customize(engagement_ref: str, check_key: str | int, *, refresh: bool = False) -> Path:
    """Copy the standard notebook of ``check_key`` into the engagement for editing; return the copy.

    Refuses when the client already has an override, unless ``refresh`` is set: then the
    override is kept in ``notebooks/.history/`` and replaced by the current standard notebook.
    """
    folder = resolve_folder(engagement_ref)
    spec = page_spec(check_key)
    standard, override, base = _paths(folder, spec)
    nb = _standard(spec, standard)
    if override.exists() and not refresh:
        raise ConfigError(
            f"{display_path(override)} already exists: this client has its own copy of {spec.notebook}. "
            f"See what changed with: {_command(folder, spec, ' --diff')}; start again from the current "
            f"standard notebook (the copy is kept in {OVERRIDES_DIR}/{HISTORY_DIR}/) with: "
            f"{_command(folder, spec, ' --refresh')}"
        )
    raw = standard.read_bytes()
    nb.setdefault("metadata", {})[METADATA_KEY] = _record(spec, nb)
    if override.exists():
        keep_version(override)
    write_atomic(base, raw)
    write_atomic(override, _dumps(nb))
    return override


def accept(engagement_ref: str, check_key: str | int) -> Path:
    """Record that the client's copy follows the current standard notebook; return the copy.

    For after the changes shown by :func:`override_diff` were taken over into the copy (or
    judged irrelevant): the copy's cells stay as they are, its record and the base copy move
    to the current standard notebook, so the build stops warning. The previous file is kept
    in ``notebooks/.history/``.
    """
    folder = resolve_folder(engagement_ref)
    spec = page_spec(check_key)
    standard, override, base = _paths(folder, spec)
    current = _standard(spec, standard)
    if not override.is_file():
        raise ConfigError(
            f"{display_path(override)} does not exist: this client uses the standard {spec.notebook}. "
            f"Make a copy to edit with: {_command(folder, spec)}"
        )
    nb = _read(override)
    nb.setdefault("metadata", {})[METADATA_KEY] = _record(spec, current)
    keep_version(override)
    write_atomic(base, standard.read_bytes())
    write_atomic(override, _dumps(nb))
    return override


def _lines(nb: Any) -> list[str]:
    lines = []
    for number, (kind, source) in enumerate(_sources(nb), start=1):
        lines.append(f"# --- cell {number} ({kind}) ---")
        lines.extend(source.splitlines())
    return lines


def _diff(before: Any, after: Any, from_label: str, to_label: str) -> list[str]:
    return list(difflib.unified_diff(_lines(before), _lines(after), from_label, to_label, lineterm=""))


def override_diff(engagement_ref: str, check_key: str | int) -> str:
    """Unified diffs of cell sources: the standard notebook since the copy, then the client's edits."""
    folder = resolve_folder(engagement_ref)
    spec = page_spec(check_key)
    standard, override, base = _paths(folder, spec)
    if not override.is_file():
        raise ConfigError(
            f"{display_path(override)} does not exist: this client uses the standard {spec.notebook}. "
            f"Make a copy to edit with: {_command(folder, spec)}"
        )
    status = override_status(override, standard)
    current = _read(standard)
    mine = _read(override)
    version = status.base_version or "unknown"
    parts: list[str] = []
    if not base.is_file():
        parts.append(
            f"No base copy ({display_path(base)}): the override was not made by `smtoolkit customize`. "
            "Differences between the current standard notebook and the override:"
        )
        parts.extend(
            _diff(
                current, mine, f"standard {spec.notebook} (smtoolkit {__version__})", display_path(override)
            )
            or ["(no differences in the cells)"]
        )
        return "\n".join(parts) + "\n"
    original = _read(base)
    base_label = f"standard {spec.notebook} when copied (smtoolkit {version})"
    if content_hash(original) == status.standard_hash:
        parts.append(f"The standard notebook has not changed since the copy (smtoolkit {version}).")
    else:
        parts.append(
            f"Changes in the standard notebook since the copy (smtoolkit {version} -> {__version__}):"
        )
        parts.extend(
            _diff(original, current, base_label, f"standard {spec.notebook} now (smtoolkit {__version__})")
        )
    parts.append("")
    edits = _diff(original, mine, base_label, display_path(override))
    parts.append("Edits in this client's copy:" if edits else "No edits in this client's copy.")
    parts.extend(edits)
    return "\n".join(parts) + "\n"
