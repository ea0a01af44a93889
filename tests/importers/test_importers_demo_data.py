"""The demo client's generated exports: reproducible, importable, and realistic enough."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

from smtoolkit.importers import FolderImport, is_reverse_coded, load_folder, survey_scales

from .helpers import REPO

DEMO = REPO / "engagements" / "demo" / "data"
START, END = pd.Timestamp("2025-11-01"), pd.Timestamp("2026-10-31 23:59:59")


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "generate_demo_data", REPO / "scripts" / "generate_demo_data.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def demo() -> FolderImport:
    """The demo data folder, imported once for this module."""
    return load_folder(DEMO)


def test_committed_demo_data_is_what_the_seeded_script_writes(tmp_path: Path) -> None:
    """The generator reproduces the committed demo data: text files byte for byte, workbooks cell for cell."""
    import openpyxl

    written = _generator().generate(tmp_path)
    assert len(written) == 10
    for path in written:
        if path.suffix != ".xlsx":
            assert (DEMO / path.name).read_bytes() == path.read_bytes(), path.name
            continue
        committed, fresh = openpyxl.load_workbook(DEMO / path.name), openpyxl.load_workbook(path)
        assert committed.sheetnames == fresh.sheetnames, path.name
        for name in fresh.sheetnames:
            assert list(committed[name].values) == list(fresh[name].values), f"{path.name}:{name}"


def test_demo_data_stays_small() -> None:
    """The demo exports together stay below 3 MB."""
    assert sum(p.stat().st_size for p in DEMO.iterdir()) < 3_000_000


def test_demo_folder_imports_without_errors(demo: FolderImport) -> None:
    """Every demo file is recognised and imported; every kind is present."""
    assert demo.ok, [e.message for e in demo.errors]
    assert demo.ignored == ()
    assert {t.kind.value for t in demo.imported} == {
        "posts",
        "followers",
        "page_metrics",
        "mentions",
        "survey",
    }
    assert {t.format.name for t in demo.imported} >= {
        "linkedin_posts",
        "linkedin_metrics",
        "linkedin_followers",
        "meta_instagram_posts",
        "meta_facebook_posts",
        "meta_follows",
        "youtube_table_data",
        "meltwater",
        "brandwatch",
        "likert_survey",
    }


def test_demo_posts_cover_a_year_on_three_platforms(demo: FolderImport) -> None:
    """LinkedIn, Instagram and Facebook have regular posts within 2025-11-01..2026-10-31."""
    posts = demo.frame("posts")
    local = posts["published_at"].dt.tz_localize(None)
    assert local.min() >= START and local.max() <= END
    counts = posts.groupby("platform").size()
    assert counts["linkedin"] >= 150 and counts["instagram"] >= 90 and counts["facebook"] >= 60
    for platform in ("linkedin", "instagram", "facebook"):
        months = local[posts["platform"] == platform].dt.to_period("M").nunique()
        assert months >= 11, platform
    assert posts["post_id"].is_unique


def test_demo_follower_series(demo: FolderImport) -> None:
    """Daily follower gains exist for LinkedIn (every day), Facebook and Instagram."""
    followers = demo.frame("followers")
    assert set(followers["platform"]) == {"linkedin", "facebook", "instagram"}
    linkedin = followers[followers["platform"] == "linkedin"]
    assert len(linkedin) == 365
    assert linkedin["date"].min() == START and linkedin["date"].max() == END.normalize()
    assert (followers["new_followers"] >= 0).all()


def test_demo_mentions_hold_the_planted_recall_crisis(demo: FolderImport) -> None:
    """Negative Hallberg mentions jump on 2026-03-10..14, in news and social, and nowhere else."""
    mentions = demo.frame("mentions")
    assert set(mentions["query"]) == {"Hallberg Pumpen", "Kessler Fluidtechnik", "Norder Pumpenwerke"}
    local = mentions["published_at"].dt.tz_localize(None)
    assert local.min() >= START and local.max() <= END
    day = local.dt.normalize()
    negative = mentions[(mentions["query"] == "Hallberg Pumpen") & (mentions["sentiment"] == "negative")]
    per_day = negative.groupby(day[negative.index]).size()
    crisis = (per_day.index >= "2026-03-10") & (per_day.index <= "2026-03-14")
    assert per_day[crisis].min() >= 15  # the fading last day: 0.8 × (25 + 4.2) = 23 expected, 18 drawn
    assert per_day[~crisis].max() <= 6
    in_crisis = negative[(day[negative.index] >= "2026-03-10") & (day[negative.index] <= "2026-03-14")]
    types = in_crisis["source_type"].value_counts()
    assert types["news"] >= 50 and types["social"] >= 50
    assert in_crisis["text"].str.contains("AquaLine|Ventil|valve|Rückruf|recall", regex=True).mean() > 0.8


def test_demo_survey(demo: FolderImport) -> None:
    """About 40 respondents in several departments answer Likert scales with a reverse item."""
    survey = demo.frame("survey")
    assert 35 <= len(survey) <= 45
    assert survey["department"].nunique() >= 4
    scales = survey_scales(survey.columns)
    assert set(scales) == {"attitude", "knowledge", "confidence"}
    reverse = [item for items in scales.values() for item in items if is_reverse_coded(item)]
    assert reverse == ["attitude_3_r"]
    answers = survey[[c for items in scales.values() for c in items]]
    assert answers.stack().between(1, 5).all()
    assert answers.notna().mean().mean() > 0.95
