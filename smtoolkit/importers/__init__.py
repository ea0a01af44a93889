"""Read platform, monitoring and survey exports into normalized tables.

Consultants drop client exports into ``engagements/<slug>/data/``; this package detects
each file's format from its header row, reads it whatever its encoding, delimiter and
number or date style, drops summary, blank and duplicate rows (and says so), and maps
it into one of the schemas in :mod:`smtoolkit.importers.schemas`::

    from smtoolkit.importers import load, load_folder, inspect_file, format_report

    posts = load("engagements/demo/data/Table data.csv").data
    folder = load_folder("engagements/demo/data")
    mentions = folder.frame("mentions")          # all mention files, one frame
    problems = folder.errors_for("mentions")      # fail only the checks that need them
    print(format_report(inspect_file("export.csv")))

Every bad input raises :class:`~smtoolkit.errors.DataImportError` with a message that
names the file, row and column, what was expected and what was found.
"""

from smtoolkit.importers.cache import cached_folder, data_signature
from smtoolkit.importers.cleaning import Dropped
from smtoolkit.importers.loader import (
    DATA_SUFFIXES,
    FileError,
    FolderImport,
    Imported,
    load,
    load_all,
    load_folder,
)
from smtoolkit.importers.mapping import ColumnMapFormat, Field
from smtoolkit.importers.registry import (
    Format,
    Header,
    Table,
    formats,
    get_format,
    register,
    unregister,
)
from smtoolkit.importers.report import InspectReport, TableReport, format_report, inspect_file
from smtoolkit.importers.schemas import (
    DEFAULT_TZ,
    SCHEMAS,
    Column,
    Kind,
    empty_frame,
    is_reverse_coded,
    survey_items,
    survey_scales,
)

__all__ = [
    "DATA_SUFFIXES",
    "DEFAULT_TZ",
    "SCHEMAS",
    "Column",
    "ColumnMapFormat",
    "Dropped",
    "Field",
    "FileError",
    "FolderImport",
    "Format",
    "Header",
    "Imported",
    "InspectReport",
    "Kind",
    "Table",
    "TableReport",
    "cached_folder",
    "data_signature",
    "empty_frame",
    "format_report",
    "formats",
    "get_format",
    "inspect_file",
    "is_reverse_coded",
    "load",
    "load_all",
    "load_folder",
    "register",
    "survey_items",
    "survey_scales",
    "unregister",
]
