"""A firm's own report template and branding from smtoolkit.toml show in the built pages."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from smtoolkit.build import build
from smtoolkit.checks.registry import get
from tests.conftest import MINIMAL

pytestmark = pytest.mark.notebook

FIRM_TEMPLATE = textwrap.dedent(
    """\
    {%- extends 'report/index.html.j2' -%}
    {%- block extra_css -%}
    {{ super() }}
    <style type="text/css">{% include 'firm.css' %}</style>
    {%- endblock extra_css -%}
    {%- block body_footer -%}
    <div class="firm-cover">Nordlicht Consulting · Hafenstraße 1 · Kiel</div>
    {{ super() }}
    {%- endblock body_footer -%}
    """
)
FIRM = textwrap.dedent(
    """\
    [firm]
    name = "Nordlicht Consulting"
    logo = "branding/logo.svg"
    primary_color = "#0a7e8c"
    template = "branding/report"
    """
)
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>'


def test_firm_template_and_branding_show_in_the_page_and_report(
    tmp_path: Path, make_engagement: Callable[..., Path]
) -> None:
    """The effort page and report.html use the firm's template blocks, name, colour and logo."""
    template = tmp_path / "branding" / "report"
    template.mkdir(parents=True)
    (template / "index.html.j2").write_text(FIRM_TEMPLATE, encoding="utf-8")
    (template / "firm.css").write_text(".firm-cover { letter-spacing: .07em; }", encoding="utf-8")
    (tmp_path / "branding" / "logo.svg").write_text(LOGO, encoding="utf-8")
    (tmp_path / "smtoolkit.toml").write_text(FIRM, encoding="utf-8")
    folder = make_engagement(text=MINIMAL.replace('    firm_name: "Test Consulting"\n', ""))
    out = tmp_path / "reports"
    summary = build([str(folder)], out, checks=[get("effort")], overview=False)
    assert summary.exit_code == 0, [
        (e.error, [r.error for r in e.results], e.problems) for e in summary.engagements
    ]
    for name in ("04-effort.html", "report.html"):
        page = (out / "muster" / name).read_text(encoding="utf-8")
        assert '<div class="firm-cover">Nordlicht Consulting · Hafenstraße 1 · Kiel</div>' in page, name
        assert ".firm-cover { letter-spacing: .07em; }" in page, name
        assert '<footer class="smt-footer">' in page, name  # the report template's own footer stays
        assert '<header class="smt-header">' in page, name
        assert "--smt-primary: #0a7e8c;" in page, name
        assert 'class="smt-logo" src="data:image/svg+xml;base64,' in page, name
        assert "Nordlicht Consulting" in page.split('<header class="smt-header">', 1)[1].split("</header>")[0]


def test_without_firm_template_the_report_template_is_used(
    tmp_path: Path, make_engagement: Callable[..., Path]
) -> None:
    """A firm file without a template changes only the branding, not the page's blocks."""
    (tmp_path / "smtoolkit.toml").write_text('[firm]\nprimary_color = "#0a7e8c"\n', encoding="utf-8")
    out = tmp_path / "reports"
    summary = build([str(make_engagement())], out, checks=[get("effort")], overview=False)
    assert summary.exit_code == 0
    page = (out / "muster" / "04-effort.html").read_text(encoding="utf-8")
    assert "--smt-primary: #0a7e8c;" in page
    assert "firm-cover" not in page
