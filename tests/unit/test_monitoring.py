"""Check 06 monitoring: KPIs, preparation, pseudonyms and scoring against hand-worked figures."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from smtoolkit.checks.monitoring import (
    MonitoringAnswers,
    analyse,
    daily,
    groups_for,
    load_mentions,
    net_sentiment,
    prepare,
    share_of_voice,
    top_authors,
    weekly,
)
from smtoolkit.checks.monitoring.pseudonym import KEY_FILE, Masker, alias, engagement_key
from smtoolkit.engagement import load_engagement
from smtoolkit.i18n import render

# Eight mentions, 2026-03-02 (Mon) to 2026-03-10 (Tue). Own: rows 1, 2, 3, 5, 8 (brand or product,
# by text or by query); Kessler: rows 4, 6, 8; Norder: row 7. Row 8 names both.
MENTIONS = textwrap.dedent(
    """\
    date,source,source_type,author,title,text,language,sentiment,reach,query
    2026-03-02 09:00,heise.de,news,Martin Vogt,,Muster GmbH stellt neue Pumpe vor,de,positive,1000,
    2026-03-02 10:00,twitter.com,social,@klaus_w,,Die AquaLine ist undicht. Ärgerlich!,de,,200,
    2026-03-03 11:00,twitter.com,social,@klaus_w,,Great support from the team,,,300,Muster GmbH
    2026-03-04 08:00,forum.example,forum,Anna B,,KESSLER Ventile halten lange,de,neutral,50,
    2026-03-04 09:00,heise.de,news,Martin Vogt,,Muster-Rückruf betrifft Ventile,de,negative,2000,
    2026-03-09 12:00,blog.example,blog,Anna B,,Kessler Fluidtechnik wächst,de,positive,100,
    2026-03-10 13:00,twitter.com,social,@nora,,Norder Pumpenwerke baut ab,de,negative,400,
    2026-03-10 14:00,twitter.com,social,@nora,,Kessler oder Muster? Beide gut.,de,neutral,600,
    """
)
ANSWERS = {
    "brand": "Muster",
    "brand_keywords": ["Muster"],
    "products": [{"name": "AquaLine", "keywords": ["AquaLine"]}],
    "competitors": [
        {"name": "Kessler Fluidtechnik", "keywords": ["Kessler"]},
        {"name": "Norder Pumpenwerke", "keywords": ["Norder Pumpenwerke"]},
    ],
    "topics": [{"name": "Rückruf", "keywords": ["Rückruf", "undicht"]}],
    "negative_terms": ["undicht"],
    "review_frequency": "weekly",
    "owner": "social_media_manager",
    "shared_with": ["pr", "customer_service"],
    "alerts": True,
}
ENGAGEMENT = textwrap.dedent(
    """\
    client:
      name: "Muster GmbH"
    settings:
      language: de
      workshop_date: 2026-03-12
    """
)


@pytest.fixture
def engagement(make_engagement: Callable[..., Path]) -> Path:
    """An engagement with the eight mentions above as a generic mentions CSV."""
    folder = make_engagement("muster", ENGAGEMENT)
    (folder / "data").mkdir()
    (folder / "data" / "mentions.csv").write_text(MENTIONS, encoding="utf-8")
    return folder


def answers(**changes: object) -> MonitoringAnswers:
    """The hand-worked answers with some fields changed."""
    return MonitoringAnswers.model_validate({**ANSWERS, **changes})


def test_share_of_voice_is_own_over_all() -> None:
    """30 own against 50 + 20 competitor mentions is 30 %; nothing at all is None."""
    assert share_of_voice(30, [50, 20]) == pytest.approx(0.3)
    assert share_of_voice(0, [0, 0]) is None
    with pytest.raises(ValueError, match="at least 0"):
        share_of_voice(-1, [2])


def test_net_sentiment_counts_neutral_mentions_in_the_denominator() -> None:
    """(30 − 10) ÷ (30 + 10 + 60) = 0.2, i.e. +20 points; no mentions is None."""
    assert net_sentiment(positive=30, negative=10, neutral=60) == pytest.approx(0.2)
    assert net_sentiment(0, 0, 0) is None
    with pytest.raises(ValueError, match="at least 0"):
        net_sentiment(1, -1, 0)


def prepared(engagement: Path, **changes: object):  # type: ignore[no-untyped-def]
    """The prepared mentions of the test engagement."""
    loaded = load_engagement(engagement)
    mentions = load_mentions(loaded, answers(**changes))
    assert mentions is not None
    return mentions


def test_mentions_are_assigned_by_text_and_by_query_column(engagement: Path) -> None:
    """Own = rows 1, 2, 3 (query), 5, 8; Kessler = 4, 6, 8; Norder = 7; topic Rückruf = 2, 5."""
    table = prepared(engagement).table
    assert table["client"].tolist() == [True, True, True, False, True, False, False, True]
    assert table["product_0"].tolist() == [False, True] + [False] * 6
    assert table["competitor_0"].tolist() == [False, False, False, True, False, True, False, True]
    assert table["competitor_1"].tolist() == [False] * 6 + [True, False]
    assert table["topic_0"].tolist() == [False, True, False, False, True, False, False, False]
    without_query = prepared(engagement, use_query_column=False).table
    assert without_query["client"].tolist()[2] is False


def test_sentiment_comes_from_the_export_else_from_the_lexicon(engagement: Path) -> None:
    """Row 2 (no label, 'undicht' −2 and 'Ärgerlich' −2, '!') is negative; row 3 is detected English, positive."""
    table = prepared(engagement).table
    assert table["origin"].tolist() == [1, 2, 2, 1, 1, 1, 1, 1]
    assert table["sentiment"].tolist() == [1, -1, 1, 0, -1, 1, -1, 0]
    assert table["language"].tolist()[2] == 1  # English by its stop words
    assert table["scored"].all()


def test_daily_series_and_weeks_by_hand(engagement: Path) -> None:
    """Own mentions: 2 on 2 March, 1 on 3 March, 1 on 4 March, 1 on 10 March; weeks 4 and 1."""
    mentions = prepared(engagement)
    days = daily(mentions)
    assert len(days) == 9  # 2 to 10 March
    assert days["mentions"].tolist() == [2, 1, 1, 0, 0, 0, 0, 0, 1]
    assert days["negative"].tolist() == [1, 0, 1, 0, 0, 0, 0, 0, 0]
    assert days["reach"].iloc[0] == 1200
    weeks = weekly(days)
    assert weeks.index[0] == pd.Timestamp("2026-03-02") and weeks["mentions"].tolist() == [4, 1]


def test_top_authors_sum_reach_and_keep_codes(engagement: Path) -> None:
    """Martin Vogt: 2 own mentions with 1000 + 2000 reach, first; the index is a code, not a name."""
    mentions = prepared(engagement)
    top = top_authors(mentions, n=2)
    assert str(mentions.authors[top.index[0]]) == "Martin Vogt"
    assert top.iloc[0].tolist() == [2, 3000.0]
    assert top.index.dtype.kind == "i"


def test_aliases_are_stable_keyed_and_ignore_spelling() -> None:
    """The same name gives the same alias; another key gives another; @ and case do not matter."""
    assert alias("Klaus_W", b"k1") == alias("@klaus_w", b"k1") == alias(" KLAUS_W ", b"k1")
    assert alias("klaus_w", b"k1") != alias("klaus_w", b"k2")
    assert len(alias("x", b"k")) == 8


def test_engagement_key_is_created_once_and_reused(tmp_path: Path) -> None:
    """The first call stores a secret salt; later calls read the same one."""
    first = engagement_key(tmp_path, "muster")
    second = engagement_key(tmp_path, "muster")
    assert first == second and first[1] is True
    assert (tmp_path / KEY_FILE).read_text().strip() in first[0].decode()


def test_masker_replaces_names_and_handles_in_shown_texts() -> None:
    """Known names (folded, whole words) and every @handle become aliases; other words stay."""
    masker = Masker(["Martin Vogt", "klaus_w"], b"key", "A-{code}")
    text = masker("MARTIN VOGT schreibt an @someone und klaus_w; Vogtland bleibt.")
    assert "MARTIN" not in text and "someone" not in text and "klaus_w" not in text
    assert f"A-{alias('Martin Vogt', b'key')}" in text and f"@A-{alias('someone', b'key')}" in text
    assert "Vogtland bleibt." in text


def test_score_by_hand(engagement: Path) -> None:
    """Keywords 15, history 10 × 9/90 = 1, types 10 × 2/3, routine 16 + 5 + 10 + 5, share 5, sentiment 7.5."""
    loaded = load_engagement(engagement)
    result = analyse(answers(), loaded)
    points = [c.points for c in result.criteria]
    # own 5 mentions, scored: +1 (row 1), −1 (2), +1 (3), −1 (5), 0 (8): net (2 − 2) ÷ 5 = 0 -> 15 × 0.5
    # share by count: 5 ÷ (5 + 3 + 1) = 0.5556 ≥ fair share 1/3 -> 5
    # own source types: news and social -> 10 × 2/3; total 15 + 1 + 6.667 + 36 + 5 + 7.5 = 71.17
    assert points == pytest.approx([15.0, 1.0, 20 / 3, 36.0, 5.0, 7.5])
    assert result.score == pytest.approx(71.2)
    details = result.details
    assert details.share_count == pytest.approx(5 / 9)
    assert details.share_reach == pytest.approx(4100 / (4100 + 750 + 400))
    texts = [render(f, "en") for f in result.findings]
    assert texts[0] == "8 mentions from 2 Mar 2026 to 10 Mar 2026; 5 of them concern Muster or its products."


def test_no_data_is_a_finding_not_an_error(make_engagement: Callable[..., Path]) -> None:
    """Without a data folder the data criteria give 0 and the findings say what is missing."""
    loaded = load_engagement(make_engagement("leer", ENGAGEMENT))
    result = analyse(MonitoringAnswers(), loaded)
    assert [render(f, "de") for f in result.findings][-1].startswith("Im Ordner data/")
    assert result.criteria[1].points == 0 and result.criteria[5].points == 0


def test_an_unreadable_mentions_file_is_reported(make_engagement: Callable[..., Path]) -> None:
    """A broken mentions file gives a finding naming the file, never a traceback."""
    folder = make_engagement("kaputt", ENGAGEMENT)
    (folder / "data").mkdir()
    (folder / "data" / "mentions.csv").write_text(
        "date,text,source\n31.02.2026 10:00,Hallo,x\n", encoding="utf-8"
    )
    result = analyse(MonitoringAnswers(), load_engagement(folder))
    first = render(result.findings[0], "en")
    assert first.startswith("Not read: data/mentions.csv, row 2") and str(folder) not in first


def test_prepare_is_pure_and_batches_give_the_same_result(engagement: Path) -> None:
    """Preparing in batches of 3 rows gives the same table as one batch."""
    raw = prepared(engagement).raw
    groups = groups_for(answers(), "Muster GmbH")
    one = prepare(raw, groups, negative_terms=("undicht",))
    batched = prepare(raw, groups, negative_terms=("undicht",), batch_rows=3)
    pd.testing.assert_frame_equal(one.table, batched.table)
    assert one.terms["count"].sum() == batched.terms["count"].sum()


def test_brand_without_keywords_uses_its_name() -> None:
    """An empty keyword list falls back to the brand name and says so."""
    (brand,) = groups_for(MonitoringAnswers(), "Muster GmbH")
    assert brand.keywords == ("Muster GmbH",) and brand.from_name


def test_first_and_last_day(engagement: Path) -> None:
    """The prepared table knows its first and last day."""
    mentions = prepared(engagement)
    assert (mentions.first_day, mentions.last_day) == (dt.date(2026, 3, 2), dt.date(2026, 3, 10))
