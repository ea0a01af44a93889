"""Runs inside a warm kernel: snapshot the fresh session, and restore it before each notebook.

A warm kernel serves the notebooks of one engagement one after another. Before each of
them :func:`reset` gives the notebook the session a fresh kernel would: an empty user
namespace and a new history session (execution counts start at 1), no open figures,
matplotlib's rcParams, the warning filters, ``sys.path`` and the environment as they were
after the warm-up, and the engagement folder as working directory. Module-level caches
keyed on the engagement's own files (``smtoolkit.importers.cache``) are kept: they can only
hold this engagement's data, because a kernel never serves a second engagement.
"""

from __future__ import annotations

import gc
import os
import sys
import warnings
from typing import Any

__all__ = ["WARMUP", "reset", "snapshot"]

_STATE: dict[str, Any] = {}

#: Imports that every page needs; run once per kernel before it serves an engagement.
WARMUP = (
    "import smtoolkit.build.session as _smt_session\n"
    "import smtoolkit.notebook, smtoolkit.overview.page, pandas, matplotlib.pyplot\n"
    "_smt_session.snapshot()\n"
    "del _smt_session\n"
)


def snapshot() -> None:
    """Remember the session state that :func:`reset` restores."""
    import matplotlib

    _STATE["rc"] = {key: value for key, value in matplotlib.rcParams.items()}
    _STATE["filters"] = list(warnings.filters)
    _STATE["path"] = list(sys.path)
    _STATE["environ"] = dict(os.environ)


def _no_collection(generation: int = 2) -> int:
    return 0


def reset(cwd: str) -> None:
    """Give the next notebook a clean session with ``cwd`` as the working directory."""
    import matplotlib
    import matplotlib.pyplot as plt
    from IPython.core.getipython import get_ipython

    shell = get_ipython()
    if shell is not None:
        # IPython's reset ends with a full garbage collection, about 0.1 s once pandas and
        # matplotlib are loaded; the interpreter's own collector frees the same objects later.
        collect = gc.collect
        gc.collect = _no_collection
        try:
            shell.reset(new_session=True)  # type: ignore[no-untyped-call]
        finally:
            gc.collect = collect
    plt.close("all")
    if "rc" in _STATE:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            matplotlib.rcParams.update(_STATE["rc"])
        warnings.filters[:] = _STATE["filters"]  # type: ignore[index]
        sys.path[:] = _STATE["path"]
        os.environ.clear()
        os.environ.update(_STATE["environ"])
    os.chdir(cwd)
