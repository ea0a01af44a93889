"""The check points, one package each; importing this registers every check package here.

A check is a sub-package of ``smtoolkit.checks`` that calls :func:`register` on import and
ships its texts in ``i18n/de.yaml`` and ``i18n/en.yaml``. No list of checks is written out
anywhere: the registry is the list. Checks of other packages join through the entry-point
group ``smtoolkit.checks`` (see :mod:`smtoolkit.checks.registry`).
"""

import importlib
import pkgutil

from smtoolkit.checks.base import Criterion, Light, Recommendation, Result, light_for
from smtoolkit.checks.registry import CheckSpec, get, plugin_problems, register, registry, select

__all__ = [
    "CheckSpec",
    "Criterion",
    "Light",
    "Recommendation",
    "Result",
    "get",
    "light_for",
    "load_builtin",
    "plugin_problems",
    "register",
    "registry",
    "select",
]

_loaded = False


def load_builtin() -> None:
    """Import every check sub-package once, which registers it (done by :func:`registry`)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    for module in pkgutil.iter_modules(__path__):
        if module.ispkg:
            importlib.import_module(f"{__name__}.{module.name}")
