"""Excel 2003 XML workbooks (SpreadsheetML), as legacy Facebook Insights saves ``.xls``.

The file is XML, not a binary workbook: ``<Workbook>`` with ``<Worksheet ss:Name>``,
``<Table>``, ``<Row>`` and ``<Cell><Data ss:Type="String|Number|DateTime">``.  Cells and
rows may skip positions with ``ss:Index`` (1-based).  Parsing uses defusedxml, so entity
expansion and external references in a hostile file are refused.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

import pandas as pd
from defusedxml import ElementTree

__all__ = ["NAMESPACE", "is_spreadsheetml", "read_spreadsheetml"]

NAMESPACE = "urn:schemas-microsoft-com:office:spreadsheet"
_SS = "{" + NAMESPACE + "}"


def is_spreadsheetml(head: bytes) -> bool:
    """Tell whether a file starting with ``head`` is an Excel 2003 XML workbook."""
    return head.lstrip().startswith(b"<?xml") and NAMESPACE.encode() in head


def _value(data: Element) -> object:
    text = data.text or ""
    kind = data.get(_SS + "Type", "String")
    if kind == "Number":
        try:
            number = float(text)
        except ValueError:
            return text
        return number
    return text if text != "" else None


def read_spreadsheetml(path: Path) -> list[tuple[str, pd.DataFrame]]:
    """Return ``(sheet name, grid of cell values)`` for every worksheet of ``path``."""
    root = ElementTree.parse(str(path)).getroot()
    if root is None:
        return []
    sheets: list[tuple[str, pd.DataFrame]] = []
    for number, sheet in enumerate(root.iter(_SS + "Worksheet"), start=1):
        rows: list[list[object]] = []
        table = sheet.find(_SS + "Table")
        for row in table.iter(_SS + "Row") if table is not None else ():
            index = row.get(_SS + "Index")
            while index is not None and len(rows) < int(index) - 1:
                rows.append([])
            cells: list[object] = []
            for cell in row.iter(_SS + "Cell"):
                position = cell.get(_SS + "Index")
                if position is not None:
                    cells += [None] * (int(position) - 1 - len(cells))
                data = cell.find(_SS + "Data")
                cells.append(_value(data) if data is not None else None)
            rows.append(cells)
        width = max((len(r) for r in rows), default=0)
        grid = pd.DataFrame([r + [None] * (width - len(r)) for r in rows], dtype=object)
        sheets.append((sheet.get(_SS + "Name") or f"Sheet{number}", grid))
    return sheets
