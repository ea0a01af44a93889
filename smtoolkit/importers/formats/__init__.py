"""The built-in export formats, one module per source tool.

Importing this package imports every module in it; each module calls
:func:`smtoolkit.importers.registry.register` for its formats.  Adding a format is
adding a module here (see docs/data-formats.md, "Adding a format").
"""

from __future__ import annotations

import importlib
import pkgutil

__all__: list[str] = []

for _module in pkgutil.iter_modules(__path__):
    if not _module.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_module.name}")
