"""One engagement that hangs while loading never stops a batch build; pipes are refused, not waited on."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from smtoolkit.build import build
from smtoolkit.build.orchestrate import page_context
from smtoolkit.errors import ConfigError, DataImportError
from smtoolkit.importers.readers import open_sources
from smtoolkit.yamlio import read_text


def test_a_hanging_engagement_is_given_up_after_the_timeout_and_the_other_is_built(
    make_engagement: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a 2 s budget, the engagement whose loading blocks is reported; the one beside it is built."""
    import smtoolkit.engagement as engagement_module

    stuck, fine = make_engagement("stuck"), make_engagement("fine")
    release = threading.Event()
    real = engagement_module.load_engagement

    def load(reference: str | os.PathLike[str]) -> engagement_module.Engagement:
        if Path(reference).name == "stuck":
            release.wait(60)
        return real(reference)

    page_context(real(fine), "de")  # the first load imports the checks and templates; not timed here
    monkeypatch.setattr(engagement_module, "load_engagement", load)
    started = time.monotonic()
    try:
        summary = build([str(stuck), str(fine)], tmp_path / "reports", checks=[], overview=False, timeout=2)
    finally:
        release.set()
    assert time.monotonic() - started < 30
    first, second = summary.engagements
    assert first.error is not None and "stuck: loading the engagement took more than 2 s" in first.error
    assert second.error is None and (tmp_path / "reports" / "fine" / "index.html").is_file()
    assert summary.exit_code == 2


def test_a_pipe_named_engagement_yaml_or_export_is_refused_at_once(tmp_path: Path) -> None:
    """A FIFO is not opened (opening waits for a writer): both readers refuse it by its type."""
    pipe = tmp_path / "engagement.yaml"
    os.mkfifo(pipe)
    with pytest.raises(ConfigError, match="not an ordinary file"):
        read_text(pipe)
    export = tmp_path / "mentions.csv"
    os.mkfifo(export)
    with pytest.raises(DataImportError, match="not an ordinary file"):
        open_sources(export)
