"""The registry of supported export formats.

A format is a :class:`Format` object: it scores a header row (``0`` means "not me"),
names the columns it needs, and converts the data rows into one normalized schema.
Formats are registered with :func:`register`; the built-in ones live one per module in
:mod:`smtoolkit.importers.formats` and register themselves on import.  Detection scores
every registered format against every candidate header row of a file and takes the best.
"""

from __future__ import annotations

import re
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from smtoolkit.errors import ConfigError
from smtoolkit.importers.dates import DateContext
from smtoolkit.importers.messages import Location
from smtoolkit.importers.schemas import Kind

__all__ = [
    "Format",
    "Header",
    "Table",
    "formats",
    "get_format",
    "normalize_header",
    "register",
    "strip_invisible",
    "unregister",
]

_QUOTES = str.maketrans({"„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'"})


INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
"""Characters that exports put inside words but people never see: soft hyphens
(YouTube's German ``Vi\u00adde\u00ado\u00adti\u00adtel``), zero-width spaces and joiners, byte order marks."""


def strip_invisible(text: str) -> str:
    """Return ``text`` without soft hyphens, zero-width characters and byte order marks."""
    return INVISIBLE.sub("", text)


@lru_cache(maxsize=8192)
def _normalize_text(text: str) -> str:
    text = strip_invisible(unicodedata.normalize("NFC", text))
    text = text.translate(_QUOTES)
    text = re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()
    return text.casefold()


def normalize_header(cell: object) -> str:
    """Return the comparison key of a header cell: trimmed, single-spaced, casefolded.

    Byte order marks, soft hyphens, zero-width characters, non-breaking spaces and
    typographic quotes are normalized, so ``"„Gefällt mir“-Angaben"`` and
    ``'"gefällt mir"-angaben'`` compare equal, and so do ``"Vi\u00addeo"`` and ``"Video"``.
    """
    if cell is None or (isinstance(cell, float) and cell != cell):
        return ""
    return _normalize_text(str(cell))


@dataclass(frozen=True)
class Header:
    """A candidate header row, with the rows above it (a file's preamble)."""

    cells: tuple[str, ...]
    preamble: tuple[tuple[str, ...], ...] = ()
    keys: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", tuple(normalize_header(c) for c in self.cells))

    def find(self, aliases: Iterable[str]) -> int | None:
        """Return the position of the first of ``aliases`` present in the header."""
        for alias in aliases:
            key = normalize_header(alias)
            if key in self.keys:
                return self.keys.index(key)
        return None

    def has(self, aliases: Iterable[str]) -> bool:
        """Tell whether any of ``aliases`` is a column of this header."""
        return self.find(aliases) is not None

    def shown(self, limit: int = 12) -> str:
        """Return the header's non-empty cells for an error message."""
        cells = [strip_invisible(c).strip() for c in self.cells if str(c).strip()]
        text = ", ".join(cells[:limit])
        return text + (f", … ({len(cells)} columns)" if len(cells) > limit else "")


@dataclass
class Table:
    """The data rows of one file or sheet, handed to :meth:`Format.convert`.

    ``frame`` has one column per header position the format asked for (named by
    position) and is indexed by the row number a person sees in a spreadsheet program.
    Values are strings (text files) or spreadsheet cell values; empty cells are missing.
    """

    frame: pd.DataFrame
    header: Header
    location: Location
    tz: str
    notes: list[str] = field(default_factory=list)
    """Remarks for the import report, e.g. columns a format ignored."""
    context: DateContext = field(default_factory=DateContext)
    """What the file's name and title say about its dates (for year-less dates)."""
    rejected: list[int] = field(default_factory=list)
    """Rows whose date pandas cannot hold; the loader leaves them out and names them."""

    def column(self, aliases: Sequence[str]) -> pd.Series | None:
        """Return the column for the first of ``aliases`` in the header, if read."""
        position = self.header.find(aliases)
        if position is None or position not in self.frame.columns:
            return None
        return self.frame[position]

    def where(self, aliases: Sequence[str]) -> Location:
        """Return the location of the column for ``aliases`` (for error messages)."""
        position = self.header.find(aliases)
        name = self.header.cells[position].strip() if position is not None else aliases[0]
        return self.location.at(column=name)


class Format(ABC):
    """One supported export format: how to recognise it and how to read it.

    Subclasses set the class attributes and implement :meth:`score` and
    :meth:`convert`; most formats use
    :class:`~smtoolkit.importers.mapping.ColumnMapFormat` instead of subclassing.
    """

    name: str
    """Short id, e.g. ``"meltwater"``."""
    label: str
    """Name for people, e.g. ``"Meltwater mentions export"``."""
    kind: Kind
    """The normalized schema the format maps into."""
    rule: str
    """The detection rule in plain English (shown in docs and error messages)."""
    unsupported: str | None = None
    """Set for a recognised export smtoolkit does not import: why, and what to export
    instead.  Such a file is named in ``inspect`` and skipped by :func:`load_folder`,
    never read as something it is not."""
    description_row: bool = False
    """True when the export has a row of metric descriptions under the header."""
    one_row_per: str | None = None
    """The schema column that identifies a row (``post_id``); a file with many rows per
    value of it has the wrong shape for this format and is refused."""

    @abstractmethod
    def score(self, header: Header) -> int:
        """Return how well ``header`` matches this format; ``0`` means not at all."""

    def missing(self, header: Header) -> list[str]:
        """Return the required columns ``header`` lacks (names as the export spells them)."""
        return []

    def positions(self, header: Header) -> list[int]:
        """Return the header positions whose data the format needs."""
        return list(range(len(header.cells)))

    def key_positions(self, header: Header) -> list[int]:
        """Return positions that hold ids or dates (checked for ``Total`` rows)."""
        return []

    def used(self, header: Header) -> dict[int, str]:
        """Return the header positions the format reads, each with the schema column it feeds."""
        return {p: "" for p in self.positions(header)}

    def deduplicates(self, header: Header) -> bool:
        """Tell whether identical rows in this file are duplicates to drop."""
        return True

    def dedupe_position(self, header: Header) -> int | None:
        """Return a position whose value all duplicates of a row share, if any.

        Checking that column first keeps duplicate removal fast on large files;
        ``None`` compares whole rows directly.
        """
        positions = self.positions(header)
        return positions[0] if positions else None

    @abstractmethod
    def convert(self, table: Table) -> pd.DataFrame:
        """Return the normalized frame (schema columns, parsed values) for ``table``."""

    def __repr__(self) -> str:
        return f"<Format {self.name}: {self.label}>"


_REGISTRY: dict[str, Format] = {}


def register(fmt: Format, *, replace: bool = False) -> Format:
    """Add ``fmt`` to the formats detection tries; returns it (usable as a decorator).

    Raises :class:`~smtoolkit.errors.ConfigError` if a format of the same name is
    registered already and ``replace`` is false.
    """
    if fmt.name in _REGISTRY and not replace:
        raise ConfigError(f"an import format named {fmt.name!r} is registered already")
    _REGISTRY[fmt.name] = fmt
    return fmt


def unregister(name: str) -> None:
    """Remove the format ``name`` from the registry (no error if it is not there)."""
    _REGISTRY.pop(name, None)


def formats() -> tuple[Format, ...]:
    """Return every registered format, built-in ones included, in registration order."""
    _load_builtins()
    return tuple(_REGISTRY.values())


def get_format(name: str) -> Format:
    """Return the registered format ``name``; raises ``ConfigError`` if unknown."""
    _load_builtins()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise ConfigError(f"unknown import format {name!r}; known formats: {known}") from None


def _load_builtins() -> None:
    import smtoolkit.importers.formats  # noqa: F401  (registers on import)
