"""Loading export files: detect the format, read, clean, normalize.

:func:`load` reads one file into one normalized table; :func:`load_all` returns every
table of a file (a LinkedIn content workbook holds posts and daily page metrics);
:func:`load_folder` reads every data file of an engagement's ``data/`` folder and
collects errors per file instead of stopping at the first bad one.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from smtoolkit.errors import ConfigError, DataImportError
from smtoolkit.importers.cleaning import (
    Dropped,
    clear_negative,
    drop_blank,
    drop_description,
    drop_duplicates,
    drop_missing,
    drop_rows,
    drop_summary,
)
from smtoolkit.importers.dates import OUT_OF_RANGE, date_context
from smtoolkit.importers.messages import Location, import_error
from smtoolkit.importers.readers import (
    ENCODING_NAMES,
    EXCEL_SUFFIXES,
    TEXT_SUFFIXES,
    ExcelSheet,
    TextFile,
    open_sources,
)
from smtoolkit.importers.registry import Format, Header, Table, formats, strip_invisible
from smtoolkit.importers.schemas import (
    DEFAULT_TZ,
    SCHEMAS,
    Kind,
    conform,
    date_column,
    empty_frame,
    survey_items,
)
from smtoolkit.paths import links_leaving

__all__ = [
    "DATA_SUFFIXES",
    "FileError",
    "FolderImport",
    "Imported",
    "load",
    "load_all",
    "load_folder",
    "read_file",
]

DATA_SUFFIXES = TEXT_SUFFIXES | EXCEL_SUFFIXES
"""File name endings :func:`load_folder` reads; other files are listed as ignored."""

_KIND_ORDER = (Kind.POSTS, Kind.MENTIONS, Kind.SURVEY, Kind.FOLLOWERS, Kind.PAGE_METRICS)


@dataclass(eq=False)
class Imported:
    """One normalized table read from a file (or one sheet of a workbook)."""

    path: Path
    sheet: str | None
    format: Format
    data: pd.DataFrame
    dropped: tuple[Dropped, ...]
    header_row: int
    encoding: str | None = None
    delimiter: str | None = None
    notes: tuple[str, ...] = ()
    columns_used: tuple[tuple[str, str], ...] = ()
    """Header cells the format read, each with the schema column it feeds."""
    columns_ignored: tuple[str, ...] = ()
    """Header cells the format did not read."""
    cleared: tuple[Dropped, ...] = ()
    """Values left empty because they cannot be right (a negative reach), per reason."""

    @property
    def kind(self) -> Kind:
        """The normalized kind of :attr:`data`."""
        return self.format.kind

    @property
    def rows(self) -> int:
        """The number of rows imported (after dropping)."""
        return len(self.data)

    @property
    def date_range(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        """The first and last date or time in the data, or ``None`` if it has none."""
        column = date_column(self.kind)
        if column is None or column not in self.data.columns:
            return None
        values = self.data[column].dropna()
        if values.empty:
            return None
        return pd.Timestamp(values.min()), pd.Timestamp(values.max())


@dataclass(frozen=True)
class _Detection:
    source: TextFile | ExcelSheet
    header_index: int
    header: Header
    format: Format
    score: int


def _detect_rows(
    rows: list[tuple[str, ...]], candidates: tuple[Format, ...]
) -> tuple[int, int, Header, Format, Format | None] | None:
    """Return ``(score, row index, header, format, tie)`` of the best header row, if any.

    Every format is scored against every candidate row.  ``tie`` is another format with
    the same best score on the same row: the file fits both, an ambiguity.
    """
    best: tuple[int, int, Header, Format, Format | None] | None = None
    for index, row in enumerate(rows):
        if not any(cell.strip() for cell in row):
            continue
        header = Header(row, tuple(rows[:index]))
        for fmt in candidates:
            score = fmt.score(header)
            if score <= 0:
                continue
            if best is None or score > best[0]:
                best = (score, index, header, fmt, None)
            elif score == best[0] and index == best[1] and fmt is not best[3] and best[4] is None:
                best = (*best[:4], fmt)
    return best


def _ambiguous(path: Path, header: Header, first: Format, second: Format) -> DataImportError:
    return import_error(
        path,
        f"the file fits two formats equally well: {first.label} ({first.name}) and "
        f"{second.label} ({second.name})",
        found=f"columns {header.shown()}",
        hint=f"What tells them apart:\n  {first.name}: {first.rule}\n  {second.name}: {second.rule}\n"
        "Export the file again with all its columns, or remove the columns of the other format.",
    )


def _supported() -> str:
    return "\n".join(f"    - {f.label} ({f.name})" for f in formats())


def _first_row(rows: list[tuple[str, ...]]) -> str:
    for row in rows:
        cells = [c.strip() for c in row if c.strip()]
        if cells:
            shown = ", ".join(cells[:12])
            return shown + (f", … ({len(cells)} columns)" if len(cells) > 12 else "")
    return "no text"


def _detected(path: Path) -> tuple[list[_Detection], list[str]]:
    """:func:`_detect` of ``path``, read once per version of the file in this process.

    Callers asking for different kinds (each check reads its own) look at the same files;
    the key is the path with its modification time and size, so a changed file is read
    again. Importing a detection changes at most a text file's encoding, to the one its
    rows were then read with, so sharing detections gives the same tables.
    """
    try:
        stat = path.stat()
    except OSError:
        return _detect(path)
    detections, notes = _detected_version(str(path), stat.st_mtime_ns, stat.st_size)
    return list(detections), list(notes)


@lru_cache(maxsize=64)
def _detected_version(path: str, mtime_ns: int, size: int) -> tuple[tuple[_Detection, ...], tuple[str, ...]]:
    detections, notes = _detect(Path(path))
    return tuple(detections), tuple(notes)


def _detect(path: Path) -> tuple[list[_Detection], list[str]]:
    """Return the detected tables of ``path`` and notes on skipped sheets."""
    try:
        return _detect_tables(path)
    except DataImportError:
        raise
    except Exception as exc:  # report any failure as this file's error, never a traceback
        raise import_error(
            path,
            f"could not be read ({type(exc).__name__}: {exc})",
            hint="This is probably a bug in smtoolkit; please report it with the file.",
        ) from exc


def _detect_tables(path: Path) -> tuple[list[_Detection], list[str]]:
    sources = open_sources(path)
    candidates = formats()
    detections: list[_Detection] = []
    notes: list[str] = []
    unknown_rows: list[tuple[str | None, list[tuple[str, ...]], str]] = []
    for source in sources:
        if isinstance(source, TextFile):
            best: _Detection | None = None
            for delimiter in source.candidate_delimiters():
                delimited = source.with_delimiter(delimiter)
                found = _detect_rows(delimited.rows(), candidates)
                if found is not None and (best is None or found[0] > best.score):
                    score, index, header, fmt, tie = found
                    if tie is not None:
                        raise _ambiguous(path, header, fmt, tie)
                    best = _Detection(delimited, index, header, fmt, score)
            if best is None:
                delimiter = source.candidate_delimiters()[0]
                described = (
                    f"read as {ENCODING_NAMES.get(source.encoding, source.encoding)}, "
                    f"{_DELIMITER_WORDS.get(delimiter, repr(delimiter))}-separated"
                )
                unknown_rows.append((None, source.with_delimiter(delimiter).rows(), described))
            else:
                detections.append(best)
        else:
            found = _detect_rows(source.rows(), candidates)
            if found is None:
                unknown_rows.append((source.sheet, source.rows(), "worksheet"))
            else:
                score, index, header, fmt, tie = found
                if tie is not None:
                    raise _ambiguous(path, header, fmt, tie)
                detections.append(_Detection(source, index, header, fmt, score))
    if not detections:
        if len(unknown_rows) == 1:
            sheet, rows, described = unknown_rows[0]
            found_text = f"first row: {_first_row(rows)} ({described})"
        else:
            found_text = "; ".join(f"sheet {s!r}: {_first_row(r)}" for s, r, _ in unknown_rows)
        raise import_error(
            path,
            "unknown file format: no row near the top is the header of a supported export",
            expected="the header row of one of the supported formats (listed below)",
            found=found_text,
            hint="docs/data-formats.md lists the columns each format needs; data from "
            "another tool can be saved as the generic mentions CSV described there.\n"
            f"  supported formats:\n{_supported()}",
        )
    for sheet, rows, _ in unknown_rows:
        notes.append(f"sheet {sheet!r} skipped: not a supported table (first row: {_first_row(rows)})")
    return detections, notes


_DELIMITER_WORDS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}


def _unsupported(location: Location, fmt: Format) -> DataImportError:
    return import_error(
        location,
        f"this is a {fmt.label}, which smtoolkit does not import: {fmt.unsupported}",
    )


def _check_shape(data: pd.DataFrame, fmt: Format, location: Location, notes: list[str]) -> None:
    """Refuse a table with many rows per post (a daily series), note a few repeated ids."""
    column = fmt.one_row_per or ("post_id" if fmt.kind is Kind.POSTS else None)
    if column is None or column not in data.columns or data.empty:
        return
    ids = data[column].dropna()
    if ids.empty:
        return
    counts = ids.value_counts()
    repeated = counts[counts > 1]
    if repeated.empty:
        return
    label = column.replace("_", " ")
    example, times = str(repeated.index[0]), int(repeated.iloc[0])
    if len(ids) >= 4 and len(ids) >= 2 * len(counts):
        raise import_error(
            location,
            f"has {len(ids)} rows for {len(counts)} different {label}s ({example!r} appears "
            f"{times} times), but a {fmt.label} has one row per {label.removesuffix(' id')}",
            expected=f"one row per {label.removesuffix(' id')}",
            found="the shape of a daily series per item (one row per item and day), such as "
            "YouTube's 'Chart data.csv'",
            hint="Export the table of posts or videos (e.g. YouTube 'Table data.csv') instead.",
        )
    notes.append(
        f"{len(repeated)} {label}(s) appear more than once with different figures "
        f"(e.g. {example!r}, {times} times); all their rows are kept"
    )


def _columns(header: Header, fmt: Format) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    used = fmt.used(header)
    named = [(i, strip_invisible(c).strip()) for i, c in enumerate(header.cells) if c.strip()]
    columns_used = tuple((name, used[i]) for i, name in named if i in used)
    ignored = tuple(name for i, name in named if i not in used)
    return columns_used, ignored


def _import(detection: _Detection, tz: str, notes: tuple[str, ...] = ()) -> Imported:
    source, fmt, header = detection.source, detection.format, detection.header
    location = Location(source.path, source.sheet)
    header_row = detection.header_index + 1
    if fmt.unsupported:
        raise _unsupported(location, fmt)
    missing = fmt.missing(header)
    if missing:
        raise import_error(
            location.at(row=header_row),
            f"looks like a {fmt.label} but lacks required column(s): {', '.join(missing)}",
            expected=f"the column(s) {', '.join(missing)} in the header row",
            found=f"columns {header.shown()}",
            hint="Export the file again with all columns, or add the missing column.",
        )
    table = Table(pd.DataFrame(), header, location, tz, context=date_context(source.path, header.preamble))
    try:
        frame = source.body(detection.header_index, fmt.positions(header))
        dropped: list[Dropped] = []
        description = None
        if fmt.description_row:
            frame, description = drop_description(frame, fmt.key_positions(header))
        frame, blank = drop_blank(frame)
        frame, summary = drop_summary(frame, fmt.key_positions(header))
        duplicates = None
        if fmt.deduplicates(header):
            frame, duplicates = drop_duplicates(frame, fmt.dedupe_position(header))
        dropped += [d for d in (description, summary, duplicates, blank) if d is not None]
        table.frame = frame
        data = fmt.convert(table)
        data, out_of_range = drop_rows(
            data, table.rejected, OUT_OF_RANGE, OUT_OF_RANGE.replace("row with", "rows with")
        )
        if out_of_range is not None:
            dropped.append(out_of_range)
        required = [c.name for c in SCHEMAS[fmt.kind] if c.required]
        data, missing_rows = drop_missing(data, required)
        dropped += missing_rows
        data, cleared = clear_negative(data)
        _check_shape(data, fmt, location, table.notes)
        data = conform(data, fmt.kind, tz)
    except DataImportError:
        raise
    except Exception as exc:  # report any failure as this file's error, never a traceback
        raise import_error(
            location,
            f"could not be imported as {fmt.label} ({type(exc).__name__}: {exc})",
            hint="This is probably a bug in smtoolkit; please report it with the file.",
        ) from exc
    columns_used, columns_ignored = _columns(header, fmt)
    return Imported(
        path=source.path,
        sheet=source.sheet,
        format=fmt,
        data=data,
        dropped=tuple(dropped),
        header_row=header_row,
        encoding=source.encoding,
        delimiter=source.delimiter,
        notes=tuple(table.notes) + tuple(notes),
        columns_used=columns_used,
        columns_ignored=columns_ignored,
        cleared=tuple(cleared),
    )


def _kind(value: Kind | str) -> Kind:
    """Return ``value`` as a :class:`Kind`; raises ``ConfigError`` naming the valid ones."""
    try:
        return Kind(value)
    except ValueError:
        valid = ", ".join(k.value for k in Kind)
        raise ConfigError(f"unknown kind of data {value!r}; expected one of: {valid}") from None


def _check_tz(tz: str) -> None:
    """Raise ``ConfigError`` unless ``tz`` is a time zone name such as Europe/Berlin."""
    try:
        zoneinfo.ZoneInfo(tz)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"unknown time zone {tz!r}; expected a name such as 'Europe/Berlin' or 'UTC'"
        ) from None


def _ordered(detections: list[_Detection]) -> list[_Detection]:
    return sorted(detections, key=lambda d: _KIND_ORDER.index(d.format.kind))


def load_all(path: str | Path, *, tz: str = DEFAULT_TZ, kind: Kind | str | None = None) -> list[Imported]:
    """Read every recognised table of ``path``; only tables of ``kind`` if given.

    Raises :class:`~smtoolkit.errors.DataImportError` for an empty, unreadable or
    unknown file, missing required columns and values that cannot be parsed.
    """
    return read_file(path, tz=tz, kind=kind)[0]


def read_file(
    path: str | Path, *, tz: str = DEFAULT_TZ, kind: Kind | str | None = None
) -> tuple[list[Imported], list[str]]:
    """Like :func:`load_all`, also returning the file's notes (skipped sheets)."""
    path = Path(path)
    _check_tz(tz)
    wanted = _kind(kind) if kind is not None else None
    detections, notes = _detect(path)
    chosen = [d for d in _ordered(detections) if wanted is None or d.format.kind is wanted]
    return [_import(d, tz, tuple(notes)) for d in chosen], notes


def load(
    path: str | Path,
    *,
    tz: str = DEFAULT_TZ,
    kind: Kind | str | None = None,
    sheet: str | None = None,
) -> Imported:
    """Read one export file into a normalized table.

    The format is detected from the header row.  For a workbook with several
    recognised sheets, ``sheet`` or ``kind`` picks one; otherwise the first by kind
    (posts, mentions, survey, followers, page metrics) is returned.  Times are
    returned in ``tz``.  Raises :class:`~smtoolkit.errors.DataImportError` with a
    message naming the file (and row and column) for every bad input.
    """
    path = Path(path)
    _check_tz(tz)
    if kind is not None:
        _kind(kind)
    detections, notes = _detect(path)
    candidates = _ordered(detections)
    if sheet is not None:
        candidates = [d for d in candidates if d.source.sheet == sheet]
        if not candidates:
            sheets = ", ".join(repr(d.source.sheet) for d in detections)
            raise import_error(
                path,
                f"has no supported table in sheet {sheet!r}",
                found=f"supported tables in sheets {sheets}",
            )
    if kind is not None:
        wanted = _kind(kind)
        matching = [d for d in candidates if d.format.kind is wanted]
        if not matching:
            held = ", ".join(f"{d.format.label} ({d.format.kind})" for d in candidates)
            raise import_error(path, f"holds no {wanted.value} data", found=held)
        candidates = matching
    return _import(candidates[0], tz, tuple(notes))


@dataclass(frozen=True)
class FileError:
    """A data file that could not be imported, with the message for the consultant.

    ``kind`` is the kind the file was recognised as, or ``None`` when the format
    itself is unknown (then it could matter to any check).
    """

    path: Path
    message: str
    kind: Kind | None = None
    format: str | None = None


@dataclass(frozen=True)
class FolderImport:
    """Everything read from one data folder: tables, per-file errors, ignored files."""

    data_dir: Path
    imported: tuple[Imported, ...] = ()
    errors: tuple[FileError, ...] = ()
    ignored: tuple[Path, ...] = ()
    tz: str = DEFAULT_TZ
    skipped: tuple[FileError, ...] = ()
    """Recognised exports smtoolkit does not import (YouTube chart data, TikTok follower
    activity, ...), with the message saying what they are; they fail no check."""
    _cache: dict[Kind, pd.DataFrame] = field(default_factory=dict, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        """True when every data file was imported."""
        return not self.errors

    def tables(self, kind: Kind | str) -> tuple[Imported, ...]:
        """Return the imported tables of ``kind``."""
        wanted = _kind(kind)
        return tuple(t for t in self.imported if t.kind is wanted)

    def errors_for(self, kind: Kind | str) -> tuple[FileError, ...]:
        """Return errors of files of ``kind`` and of files whose format is unknown.

        A check that needs ``kind`` data fails if this is not empty; other checks go on.
        """
        wanted = _kind(kind)
        return tuple(e for e in self.errors if e.kind is None or e.kind is wanted)

    def frame(self, kind: Kind | str, *, dated: bool = False) -> pd.DataFrame:
        """Return all ``kind`` tables as one frame (exact duplicate rows removed).

        An empty frame with the schema's columns when there are none.  With ``dated``,
        only rows with a date (posts the export lists without a publish time are left
        out: analyses over time cannot place them).
        """
        wanted = _kind(kind)
        if dated:
            combined = self.frame(wanted)
            column = date_column(wanted)
            if column is None:
                return combined
            return combined[combined[column].notna()].reset_index(drop=True)
        if wanted not in self._cache:
            parts = [t.data for t in self.tables(wanted)]
            if not parts:
                combined = empty_frame(wanted, self.tz)
            else:
                combined = pd.concat(parts, ignore_index=True)
                combined = combined.drop_duplicates(ignore_index=True)
                if wanted is Kind.SURVEY:
                    items = survey_items(combined.columns)
                    combined = combined[[*combined.columns[:3], *items]]
                combined = conform(combined, wanted, self.tz)
            self._cache[wanted] = combined
        return self._cache[wanted]


#: Why a symbolic link out of the engagement folder is not read (the link itself is refused by validate).
LINK_OUTSIDE = "a symbolic link to a place outside the engagement folder; copy the export into data/"


def _data_files(data_dir: Path) -> tuple[list[Path], list[Path]]:
    files: list[Path] = []
    ignored: list[Path] = []
    for path in sorted(data_dir.rglob("*")):
        relative = path.relative_to(data_dir)
        if any(part.startswith((".", "~$")) for part in relative.parts):
            continue
        if not path.is_file():
            continue
        (files if path.suffix.lower() in DATA_SUFFIXES else ignored).append(path)
    return files, ignored


def load_folder(
    data_dir: str | Path,
    *,
    kind: Kind | str | Collection[Kind | str] | None = None,
    tz: str = DEFAULT_TZ,
) -> FolderImport:
    """Read every data file under ``data_dir`` (subfolders included), collecting errors.

    Files ending in .csv, .tsv, .txt, .xlsx, .xlsm or .xls are read; other files are
    listed in ``ignored``; hidden files and Excel lock files (``~$...``) are skipped.
    With ``kind`` (one kind or several), only tables of those kinds are read (files are still detected, so an
    unknown file is still reported).  A bad file becomes a :class:`FileError`; it never
    stops the others.  A missing folder gives an empty result.
    """
    data_dir = Path(data_dir)
    _check_tz(tz)
    if data_dir.exists() and not data_dir.is_dir():
        raise import_error(data_dir, "is a file, not a data folder")
    if not data_dir.exists():
        return FolderImport(data_dir, tz=tz)
    if kind is None:
        wanted = None
    elif isinstance(kind, str):
        wanted = frozenset({_kind(kind)})
    else:
        wanted = frozenset(_kind(k) for k in kind)
    files, ignored = _data_files(data_dir)
    imported: list[Imported] = []
    errors: list[FileError] = []
    skipped: list[FileError] = []
    for link in links_leaving(data_dir, data_dir.parent):
        if link in files:
            files.remove(link)
        errors.append(FileError(link, f"{link}: {LINK_OUTSIDE}"))
    for path in files:
        try:
            detections, notes = _detected(path)
        except DataImportError as exc:
            errors.append(FileError(path, str(exc)))
            continue
        for detection in _ordered(detections):
            fmt = detection.format
            if fmt.unsupported:
                where = Location(path, detection.source.sheet)
                skipped.append(FileError(path, str(_unsupported(where, fmt)), fmt.kind, fmt.name))
                continue
            if wanted is not None and fmt.kind not in wanted:
                continue
            try:
                imported.append(_import(detection, tz, tuple(notes)))
            except DataImportError as exc:
                errors.append(FileError(path, str(exc), detection.format.kind, detection.format.name))
    return FolderImport(data_dir, tuple(imported), tuple(errors), tuple(ignored), tz, tuple(skipped))
