"""One vocabulary: importers emit only platforms and kinds the checks and catalogues know.

The second test builds every check (analyse and render, German and English) and the
overview on the demo engagement with one file of every supported format added to its
``data/``: no check may fail because of which platforms or kinds are present.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from smtoolkit.catalogues import PLATFORMS
from smtoolkit.checks.registry import registry
from smtoolkit.engagement import load_engagement
from smtoolkit.i18n import render, translate
from smtoolkit.importers import Kind, formats, load_all, load_folder
from smtoolkit.importers.mapping import ColumnMapFormat
from smtoolkit.overview.analysis import assess
from smtoolkit.overview.view import plan_blocks, summary_blocks, top_blocks

from .helpers import CASES, REPO

REAL = REPO / "tests" / "data" / "real"
DATED_NAMES = {
    "tiktok_Content.csv": "tiktok_Content_2026-02-28.csv",
    "tiktok_Overview.csv": "tiktok_Overview_2026-02-28.csv",
    "tiktok_Viewers.csv": "tiktok_Viewers_2026-02-28.csv",
    "tiktok_FollowerHistory.csv": "tiktok_FollowerHistory_2026-02-28.csv",
    "tiktok_Overview_short.csv": "tiktok_Overview_short_2026-04-23.csv",
}


def _sample_files() -> list[Path]:
    """Every case fixture, every real export and the recognised-but-unsupported samples."""
    cases = [p for p in CASES.iterdir() if not p.name.endswith(".json")]
    cases += list((CASES.parent / "unsupported").iterdir())
    real = [p for p in REAL.iterdir() if p.suffix in (".csv", ".xlsx", ".xls")]
    return sorted(cases) + sorted(real)


def test_every_format_names_a_known_platform_and_kind() -> None:
    """A format's fixed platform is in the shared vocabulary and has a label in both languages."""
    for fmt in formats():
        assert fmt.kind in set(Kind)
        platform = getattr(fmt, "platform", None)
        if isinstance(fmt, ColumnMapFormat) and platform is not None:
            assert platform in PLATFORMS, (fmt.name, platform)
    for platform in PLATFORMS:
        for language in ("de", "en"):
            assert translate(f"platform.{platform}", language)


def test_imported_platform_values_are_in_the_vocabulary(tmp_path: Path) -> None:
    """Every platform value any fixture imports as (title-derived ones included) is known."""
    seen: set[str] = set()
    for path in _sample_files():
        target = tmp_path / DATED_NAMES.get(path.name, path.name)
        shutil.copyfile(path, target)
        try:
            tables = load_all(target)
        except Exception:  # refused files are tested in test_importers_real
            continue
        for table in tables:
            if "platform" in table.data.columns:
                seen |= set(table.data["platform"].dropna())
    assert seen and seen <= set(PLATFORMS), seen - set(PLATFORMS)
    assert {"x_twitter", "youtube", "tiktok", "facebook", "instagram", "linkedin"} <= seen


def test_every_check_builds_with_one_file_of_each_format(demo_copy: Path) -> None:
    """All checks and the overview analyse and render with every supported format in data/."""
    data = demo_copy / "data"
    for path in _sample_files():
        shutil.copyfile(path, data / ("extra_" + DATED_NAMES.get(path.name, path.name)))
    folder = load_folder(data)
    present = {t.format.name for t in folder.imported}
    wanted = {f.name for f in formats() if not f.unsupported}
    assert wanted <= present, wanted - present
    assert not folder.errors, [e.message for e in folder.errors]
    assert {e.format for e in folder.skipped} == {f.name for f in formats() if f.unsupported}
    engagement = load_engagement(demo_copy)
    for spec in registry():
        result = spec.analyse(engagement.section(spec.slug), engagement)
        for language in ("de", "en"):
            assert spec.render(result, language)
            for finding in result.findings:
                assert render(finding, language)
    assessment = assess(engagement)
    assert all(o.result is not None for o in assessment.outcomes), [
        (o.spec.slug, o.error) for o in assessment.outcomes if o.result is None
    ]
    for language in ("de", "en"):
        assert summary_blocks(assessment, language) and top_blocks(assessment, language)
        assert plan_blocks(assessment, language)
