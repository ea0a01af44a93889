"""Built pages of checks 06 and 08: mention text is escaped and no author name or handle appears."""

from __future__ import annotations

from pathlib import Path

import pytest

from smtoolkit.build import build
from smtoolkit.checks.registry import get
from smtoolkit.importers import Kind, load_folder

pytestmark = pytest.mark.notebook

INJECTED = (
    "date,source,source_type,author,title,text,language,sentiment,reach,query\n"
    '2026-10-30 10:00,evil.example,news,Eve Evilname,,"Hallberg-Rückruf <script>alert(1)</script> '
    '<img src=x onerror=alert(2)> sagt Eve Evilname, cc @eve_evil",de,negative,99999999,Hallberg Pumpen\n'
)


def test_pages_escape_mention_text_and_show_no_author(demo_copy: Path, tmp_path: Path) -> None:
    """A mention with <script> and onerror= shows as text; no raw author name or handle is on the page."""
    (demo_copy / "data" / "zz_injected.csv").write_text(INJECTED, encoding="utf-8")
    authors = (
        load_folder(demo_copy / "data", kind=Kind.MENTIONS).frame(Kind.MENTIONS)["author"].dropna().unique()
    )
    assert "Eve Evilname" in set(authors) and len(authors) > 100
    out = tmp_path / "reports"
    for language in ("de", "en"):
        summary = build([str(demo_copy)], out / language, language=language, checks=[get(6), get(8)])
        assert summary.exit_code == 0, [r.error for e in summary.engagements for r in e.results]
        for page in ("06-monitoring.html", "08-crisis.html"):
            html = (out / language / "demo" / page).read_text(encoding="utf-8")
            assert "<script" not in html and "onerror=alert" not in html.replace(
                "&lt;img src=x onerror=alert(2)&gt;", ""
            )
            leaked = sorted(a for a in authors if str(a) in html)
            assert leaked == [], (language, page, leaked[:5])
            assert "eve_evil" not in html
        monitoring = (out / language / "demo" / "06-monitoring.html").read_text(encoding="utf-8")
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in monitoring
        assert "&lt;img src=x onerror=alert(2)&gt;" in monitoring
        assert "Autor " in monitoring or "Author " in monitoring
        assert len(monitoring.encode("utf-8")) < 3_000_000
