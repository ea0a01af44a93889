"""The check points, one package each; importing this registers every check package here.

A check is a sub-package of ``smtoolkit.checks`` that calls :func:`register` on import and
ships its texts in ``i18n/de.yaml`` and ``i18n/en.yaml``. No list of checks is written out
anywhere: the registry is the list.
"""

import importlib
import pkgutil

from smtoolkit.checks.base import Criterion, Light, Recommendation, Result, light_for
from smtoolkit.checks.registry import CheckSpec, get, register, registry, select

__all__ = [
    "CheckSpec",
    "Criterion",
    "Light",
    "Recommendation",
    "Result",
    "get",
    "light_for",
    "register",
    "registry",
    "select",
]

for _module in pkgutil.iter_modules(__path__):
    if _module.ispkg:
        importlib.import_module(f"{__name__}.{_module.name}")
