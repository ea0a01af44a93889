"""Load and validate an engagement folder: ``engagement.yaml`` plus its ``data/`` files."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field, TypeAdapter
from pydantic import ValidationError as PydanticValidationError
from ruamel.yaml.comments import CommentedMap

from smtoolkit import yamlio
from smtoolkit.checks.registry import CheckSpec, registry
from smtoolkit.errors import EngagementNotFoundError, UnsafePathError, ValidationError
from smtoolkit.models import COLOR_PATTERN, Client, Settings, StrictModel
from smtoolkit.paths import check_slug, inside, links_leaving
from smtoolkit.workspace import find_workspace

if TYPE_CHECKING:
    from smtoolkit.firm.load import Firm

__all__ = [
    "ENGAGEMENT_FILE",
    "Engagement",
    "Round",
    "display_path",
    "explain_error",
    "load_engagement",
    "resolve_folder",
]

ENGAGEMENT_FILE = "engagement.yaml"


class Round(StrictModel):
    """An earlier assessment round: its name, its date and the score of each check then.

    The current answers are always the latest round; ``rounds`` in ``engagement.yaml`` holds
    the earlier ones, oldest first (``smtoolkit snapshot`` appends the current scores).
    """

    name: str = Field(min_length=1, max_length=80)
    date: dt.date
    scores: dict[str, float] = Field(default_factory=dict)


_ROUNDS = TypeAdapter(list[Round])


@dataclass
class Engagement:
    """A validated engagement: the raw round-trip document and one model per section."""

    folder: Path
    document: CommentedMap
    client: Client
    settings: Settings
    sections: dict[str, BaseModel] = field(default_factory=dict)
    rounds: list[Round] = field(default_factory=list)
    #: The firm file (``smtoolkit.toml``) whose defaults apply below the engagement's own values.
    firm: Firm | None = None

    @property
    def slug(self) -> str:
        """The engagement's name, which is its folder name."""
        return self.folder.name

    @property
    def file(self) -> Path:
        """The path of ``engagement.yaml``."""
        return self.folder / ENGAGEMENT_FILE

    def section(self, slug: str) -> BaseModel:
        """Return the validated answers of the check ``slug``."""
        return self.sections[slug]

    def included(self) -> list[CheckSpec]:
        """Return the registered checks this engagement includes, in registry order."""
        wanted = self.settings.checks
        return [spec for spec in registry() if not wanted or spec.slug in wanted]

    def data_file(self, reference: str) -> Path:
        """Resolve a file named in the engagement; it must stay inside the engagement folder."""
        return inside(self.folder, reference, what="data file")

    def logo_file(self) -> Path | None:
        """The logo image: the engagement's (inside its folder) or else the firm file's."""
        from smtoolkit.firm.merge import is_set

        if not self.settings.branding.logo:
            return None
        if self.firm is not None and not is_set(self.document, ("settings", "branding", "logo")):
            return self.firm.logo
        return inside(self.folder, self.settings.branding.logo, what="logo")

    def layered(self, section: str) -> dict[str, Any]:
        """``section`` as written in ``engagement.yaml``, with the firm's values where it has none.

        This is what a form of the section shows; save it through :meth:`own_values`.
        """
        from smtoolkit.firm.merge import overlay

        raw = yamlio.to_plain(self.document.get(section))
        merged = overlay(raw, self.firm.defaults(section)) if self.firm is not None else raw
        return dict(merged) if isinstance(merged, dict) else {}

    def inherited(self, section: str) -> dict[str, Any]:
        """The firm's values that ``section`` takes because this engagement leaves them out or empty."""
        from smtoolkit.firm.merge import inherited

        return inherited(self.document, self.firm, section)

    def own_values(self, section: str, data: dict[str, Any]) -> dict[str, Any]:
        """``data`` of ``section`` to save, without the firm values it only inherited, unchanged."""
        from smtoolkit.firm.merge import without_inherited

        return without_inherited(data, self.document, self.firm, section)


def display_path(path: Path) -> str:
    """Return ``path`` relative to the working directory when it lies below it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def resolve_folder(reference: str | os.PathLike[str]) -> Path:
    """Find the engagement folder ``reference`` from the working directory or a parent of it.

    A notebook opened in ``notebooks/`` names ``engagements/demo`` just like a command run
    from the workspace root, so relative names are also tried against each parent folder,
    and a bare name such as ``acme`` also in the workspace's ``engagements/``.
    """
    raw = Path(reference)
    if raw.is_absolute():
        candidates = [raw]
    else:
        here = Path.cwd()
        candidates = [base / raw for base in (here, *here.parents)]
        workspace = find_workspace(here)
        if workspace is not None and len(raw.parts) == 1:
            candidates.append(workspace.engagements / raw)
    for candidate in candidates:
        if (candidate / ENGAGEMENT_FILE).is_file():
            check_slug(candidate.resolve().name)
            return candidate.resolve()
    raise EngagementNotFoundError(
        f"no engagement at {reference!s}: expected a folder holding {ENGAGEMENT_FILE}. "
        'Create one with: smtoolkit new SLUG --name "Client GmbH"'
    )


def _problem(source: str, document: Any, prefix: tuple[str | int, ...], error: Any) -> str:
    loc = (*prefix, *error["loc"])
    line = yamlio.line_of(document, loc)
    where = f"{source}:{line}" if line else source
    path = yamlio._dotted(loc)
    return f"{where} {path}: {explain_error(error)}"


def explain_error(error: Any) -> str:
    """One pydantic error as a consultant reads it: what is wrong and what to do."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    shown = repr(value) if isinstance(value, str) else str(value)
    if kind == "greater_than_equal":
        return f"{shown} is not >= {ctx['ge']}; enter a number of at least {ctx['ge']}"
    if kind == "greater_than":
        return f"{shown} is not > {ctx['gt']}; enter a number above {ctx['gt']}"
    if kind == "less_than_equal":
        return f"{shown} is not <= {ctx['le']}; enter a number of at most {ctx['le']}"
    if kind == "less_than":
        return f"{shown} is not < {ctx['lt']}; enter a number below {ctx['lt']}"
    if kind == "missing":
        return "is missing; add this field"
    if kind == "extra_forbidden":
        return "is not a known field; check the spelling or remove it"
    if kind == "literal_error":
        return f"{shown} is not allowed; expected one of {ctx.get('expected', '')}"
    if kind in {"float_parsing", "int_parsing", "float_type", "int_type", "int_from_float"}:
        return f"{shown} is not a number; enter a number such as 12 or 3.5"
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == COLOR_PATTERN:
        return f'{shown} is not a colour; write it as "#rrggbb", e.g. "#1f4e79"'
    if kind == "string_pattern_mismatch":
        return f"{shown} does not have the expected form ({ctx.get('pattern', '')})"
    if kind in {"string_too_short"}:
        return "is empty; enter a value"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    return f"{shown}: {error['msg']}"


def load_engagement(reference: str | os.PathLike[str]) -> Engagement:
    """Read, parse and validate an engagement; every problem is reported with file and line.

    The firm file (``smtoolkit.toml`` in the folder or above it) supplies the values the
    engagement leaves out or empty in ``settings`` and in the check sections; a firm file
    with a problem makes the engagement invalid too. Firm values are validated in the firm
    file already, so a problem left here is at the engagement's own line.
    """
    from smtoolkit.firm.load import firm_for
    from smtoolkit.firm.merge import is_set, overlay
    from smtoolkit.limits import limits_for

    folder = resolve_folder(reference)
    path = folder / ENGAGEMENT_FILE
    source = display_path(path)
    limits = limits_for(folder)
    document = yamlio.load(yamlio.read_text(path, limits), source, limits)
    firm = firm_for(folder)
    problems: list[str] = []

    def validate(model: type[BaseModel], key: str) -> BaseModel | None:
        raw = document.get(key)
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            line = yamlio.line_of(document, (key,))
            problems.append(f"{source}:{line} {key}: expected a section of fields, found {raw!r}")
            return None
        plain = yamlio.to_plain(raw)
        if firm is not None and firm.defaults(key):
            plain = overlay(plain, firm.defaults(key))
        try:
            return model.model_validate(plain)
        except PydanticValidationError as err:
            problems.extend(_problem(source, document, (key,), e) for e in err.errors())
            return None

    client = validate(Client, "client")
    settings = validate(Settings, "settings")
    known = {spec.slug: spec for spec in registry()}
    known_keys = {"client", "settings", "rounds", *known}
    for key in document:
        if key not in known_keys:
            line = yamlio.line_of(document, (key,))
            problems.append(
                f"{source}:{line} {key}: is not a known section; expected one of "
                f"{', '.join(sorted(known_keys))}"
            )
    if isinstance(settings, Settings):
        for index, slug in enumerate(settings.checks or []):
            if slug not in known:
                line = yamlio.line_of(document, ("settings", "checks", index))
                problems.append(
                    f"{source}:{line} settings.checks[{index}]: {slug!r} is not a known check; "
                    f"expected one of {', '.join(known)}"
                )
        for slug in settings.weights:
            if slug not in known:
                line = yamlio.line_of(document, ("settings", "weights", slug))
                problems.append(
                    f"{source}:{line} settings.weights.{slug}: is not a known check; "
                    f"expected one of {', '.join(known)}"
                )
        logo = settings.branding.logo
        if logo and is_set(document, ("settings", "branding", "logo")):
            try:
                logo_path = inside(folder, logo, what="logo")
                if not logo_path.is_file():
                    raise FileNotFoundError
            except (ValueError, FileNotFoundError) as err:
                line = yamlio.line_of(document, ("settings", "branding", "logo"))
                detail = str(err) or f"{logo!r} does not exist in {folder.name}/"
                problems.append(f"{source}:{line} settings.branding.logo: {detail}")
    sections: dict[str, BaseModel] = {}
    for slug, spec in known.items():
        model = validate(spec.model, slug)
        if model is not None:
            sections[slug] = model
            problems += _file_reference_problems(source, document, folder, slug, model)
    problems += [
        f"{source} data/{link.relative_to(folder / 'data').as_posix()}: is a symbolic link to a place "
        f"outside {folder.name}/; the toolkit reads only the engagement's own files: copy the export "
        "into data/ instead of linking it"
        for link in links_leaving(folder / "data", folder)
    ]
    workshop = settings.workshop_date if isinstance(settings, Settings) else None
    rounds = _validate_rounds(source, document, set(known), workshop, problems)
    if problems or client is None or settings is None:
        raise ValidationError(source, problems)
    assert isinstance(client, Client) and isinstance(settings, Settings)
    return Engagement(folder, document, client, settings, sections, rounds, firm)


#: Marks a model field that names a file inside the engagement folder (``json_schema_extra``).
FILE_REFERENCE = "engagement_file"


def _file_reference_problems(
    source: str, document: Any, folder: Path, slug: str, model: BaseModel
) -> list[str]:
    """The path rule the build applies to each file a section names (``FILE_REFERENCE`` fields)."""
    problems = []
    for name, info in type(model).model_fields.items():
        extra = info.json_schema_extra
        reference = getattr(model, name)
        if not (isinstance(extra, dict) and extra.get(FILE_REFERENCE)) or not isinstance(reference, str):
            continue
        try:
            inside(folder, reference, what=name)
        except UnsafePathError as err:
            line = yamlio.line_of(document, (slug, name))
            problems.append(f"{source}:{line} {slug}.{name}: {err}")
    return problems


def _validate_rounds(
    source: str, document: Any, known: set[str], workshop: dt.date | None, problems: list[str]
) -> list[Round]:
    """Validate ``rounds``: a list of earlier rounds, oldest first, dated up to the workshop."""
    raw = document.get("rounds")
    if raw is None:
        return []
    if not isinstance(raw, list):
        line = yamlio.line_of(document, ("rounds",))
        problems.append(
            f"{source}:{line} rounds: expected a list of earlier rounds such as "
            '- {name: "Workshop", date: 2026-11-12, scores: {effort: 55}}, found '
            f"{raw!r}"
        )
        return []
    try:
        rounds = _ROUNDS.validate_python(yamlio.to_plain(raw))
    except PydanticValidationError as err:
        problems.extend(_problem(source, document, ("rounds",), e) for e in err.errors())
        return []
    names: dict[str, int] = {}
    for index, past in enumerate(rounds):
        where = f"{source}:{yamlio.line_of(document, ('rounds', index))}"
        for slug, score in past.scores.items():
            line = yamlio.line_of(document, ("rounds", index, "scores", slug))
            if slug not in known:
                problems.append(
                    f"{source}:{line} rounds[{index}].scores.{slug}: is not a known check; "
                    f"expected one of {', '.join(sorted(known))}"
                )
            if not 0 <= score <= 100:
                problems.append(
                    f"{source}:{line} rounds[{index}].scores.{slug}: {score:g} is not a score; "
                    "enter the score of that round, from 0 to 100"
                )
        if past.name in names:
            problems.append(
                f"{where} rounds[{index}].name: {past.name!r} is already the name of "
                f"rounds[{names[past.name]}]; give every round its own name"
            )
        names.setdefault(past.name, index)
        if index and past.date < rounds[index - 1].date:
            problems.append(
                f"{where} rounds[{index}].date: {past.date.isoformat()} is before the round above it "
                f"({rounds[index - 1].date.isoformat()}); list the rounds oldest first"
            )
        if workshop is not None and past.date > workshop:
            problems.append(
                f"{where} rounds[{index}].date: {past.date.isoformat()} is after "
                f"settings.workshop_date ({workshop.isoformat()}); an earlier round cannot be later "
                "than the current one: correct the date, or set settings.workshop_date to the "
                "date of the current round"
            )
    return rounds
