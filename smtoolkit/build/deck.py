"""``deck.pptx``: the closing meeting's slides, made with python-pptx from the assessment.

Slides: title; executive summary (maturity index, stage, traffic light of every check);
the maturity radar; one slide per evaluated check (score, its three key findings and a
chart of its criteria); the quick wins; the action plan over as many slides as it needs.
Every text is real text in text frames and tables, and the charts are native PowerPoint
charts (editable, with their data); the only picture is the logo. The firm's primary
colour and logo apply; a firm ``.pptx`` (``[firm] deck_template``) gives the slide master,
its layouts and theme. Texts come from the catalogues, in the report language.
"""

from __future__ import annotations

import functools
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smtoolkit.atomic import write_atomic
from smtoolkit.checks.base import Light
from smtoolkit.errors import BuildError
from smtoolkit.formatting import fmt_date, fmt_number
from smtoolkit.i18n import render, translate
from smtoolkit.present.html import LIGHT_COLORS

if TYPE_CHECKING:
    from pptx.presentation import Presentation as PresentationType
    from pptx.slide import Slide, SlideLayout

    from smtoolkit.engagement import Engagement
    from smtoolkit.overview.analysis import ActionItem, Assessment, CheckOutcome

__all__ = ["DECK_FILE", "KEY_FINDINGS", "build_deck", "table_pages", "write_deck"]

DECK_FILE = "deck.pptx"
#: Findings shown on a check's slide.
KEY_FINDINGS = 3
_WIDTH_IN = 13.333  # 16:9
_HEIGHT_IN = 7.5
_MARGIN_IN = 0.5
_TOP_IN = 1.35  # below the title
_TEXT = "1D2329"
_MUTED = "5B6570"
_FONT_PT = 12
_TABLE_PT = 11


@dataclass(frozen=True)
class DeckInputs:
    """What the deck shows besides the assessment: who it is for and the firm's branding."""

    client: str
    firm_line: str
    generated: str
    confidential: str
    color: str
    logo: Path | None
    template: Path | None


def _rgb(color: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(color.lstrip("#").upper())  # type: ignore[no-untyped-call]


def _t(key: str, language: str, **params: object) -> str:
    return translate(f"deck.{key}", language, **params)


def _o(key: str, language: str, **params: object) -> str:
    return translate(f"overview.{key}", language, **params)


def _score(value: float | None, language: str) -> str:
    return fmt_number(value, language, digits=1) if value is not None else "–"


def _layout(prs: PresentationType, title_slide: bool) -> SlideLayout:
    """The master's title layout, or its layout with a title and the fewest other placeholders."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    layouts = list(prs.slide_layouts)

    def kinds(layout: SlideLayout) -> list[Any]:
        return [ph.placeholder_format.type for ph in layout.placeholders]  # type: ignore[misc]

    if title_slide:
        for layout in layouts:
            if PP_PLACEHOLDER.CENTER_TITLE in kinds(layout):
                return layout
    titled = [ly for ly in layouts if {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE} & set(kinds(ly))]
    if not titled:
        return layouts[-1]
    return min(titled, key=lambda ly: len(kinds(ly)))


def _clear_placeholders(slide: Slide, keep_title: bool = True) -> None:
    """Remove the layout's body placeholders we do not fill (they would show prompt text)."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    titles = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.SUBTITLE}
    for ph in list(slide.placeholders):
        if keep_title and ph.placeholder_format.type in titles:
            continue
        ph._element.getparent().remove(ph._element)


def _textbox(
    slide: Slide,
    box: tuple[float, float, float, float],
    lines: Sequence[str],
    *,
    size: int = _FONT_PT,
    bold: bool = False,
    color: str = _TEXT,
    bullets: bool = False,
) -> None:
    from pptx.util import Inches, Pt

    left, top, width, height = box
    frame = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height)).text_frame
    frame.word_wrap = True
    for index, line in enumerate(lines):
        para = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        para.text = f"• {line}" if bullets else line
        para.space_after = Pt(size * 0.5)
        for run in para.runs:
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.color.rgb = _rgb(color)


def _title(slide: Slide, text: str, inputs: DeckInputs) -> None:
    """Fill the layout's title placeholder, or draw a title when the layout has none."""
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches, Pt

    if slide.shapes.title is not None:
        slide.shapes.title.text = text
        title = slide.shapes.title
        title.left, title.top = Inches(_MARGIN_IN), Inches(0.35)
        title.width, title.height = Inches(_WIDTH_IN - 2 * _MARGIN_IN - 1.6), Inches(0.9)
        for para in title.text_frame.paragraphs:
            para.alignment = PP_ALIGN.LEFT
            for run in para.runs:
                run.font.size = Pt(28)
                run.font.bold = True
                run.font.color.rgb = _rgb(inputs.color)
        title.text_frame.word_wrap = True
    else:
        _textbox(
            slide,
            (_MARGIN_IN, 0.35, _WIDTH_IN - 2 * _MARGIN_IN - 1.6, 0.9),
            [text],
            size=28,
            bold=True,
            color=inputs.color,
        )


def _bar(slide: Slide, inputs: DeckInputs) -> None:
    """The firm's colour as a thin bar under the title, and the logo at the top right."""
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Inches

    bar = slide.shapes.add_shape(
        MSO_SHAPE.RECTANGLE, Inches(_MARGIN_IN), Inches(1.2), Inches(_WIDTH_IN - 2 * _MARGIN_IN), Inches(0.06)
    )
    bar.fill.solid()
    bar.fill.fore_color.rgb = _rgb(inputs.color)
    bar.line.fill.background()
    _logo(slide, inputs, (_WIDTH_IN - _MARGIN_IN - 1.4, 0.35, 1.4, 0.75))


@functools.lru_cache(maxsize=16)
def _logo_cached(path: Path, mtime_ns: int, size: int) -> bytes | None:
    """:func:`_logo_png` of one version of a file (every slide shows the logo: rasterize it once)."""
    return _logo_png(path)


def _logo_png(path: Path) -> bytes | None:
    """The logo as PNG or JPEG bytes (an SVG logo is rasterized), or None when it cannot be used."""
    data = path.read_bytes()
    if path.suffix.lower() == ".svg":
        try:
            import cairosvg
        except (ImportError, OSError):
            return None
        png: bytes = cairosvg.svg2png(bytestring=data, output_width=600, unsafe=False)
        return png
    if path.suffix.lower() in {".png", ".jpg", ".jpeg", ".gif"}:
        return data
    return None


def _logo(slide: Slide, inputs: DeckInputs, box: tuple[float, float, float, float]) -> None:
    """Place the logo inside ``box``, keeping its proportions."""
    from pptx.util import Emu, Inches

    if inputs.logo is None:
        return
    stat = inputs.logo.stat()
    data = _logo_cached(inputs.logo, stat.st_mtime_ns, stat.st_size)
    if data is None:
        return
    left, top, width, height = box
    picture = slide.shapes.add_picture(io.BytesIO(data), Inches(left), Inches(top), height=Inches(height))
    if picture.width > Inches(width):  # too wide: fit the width instead
        ratio = Inches(width) / picture.width
        picture.width = Inches(width)
        picture.height = Emu(int(picture.height * ratio))
    picture.left = Emu(Inches(left + width) - picture.width)


def _footer(slide: Slide, inputs: DeckInputs) -> None:
    _textbox(
        slide,
        (_MARGIN_IN, _HEIGHT_IN - 0.45, _WIDTH_IN - 2 * _MARGIN_IN, 0.3),
        [inputs.confidential],
        size=9,
        color=_MUTED,
    )


def _content_slide(prs: PresentationType, title: str, inputs: DeckInputs) -> Slide:
    slide: Slide = prs.slides.add_slide(_layout(prs, title_slide=False))
    _clear_placeholders(slide)
    _title(slide, title, inputs)
    _bar(slide, inputs)
    _footer(slide, inputs)
    return slide


def _title_slide(prs: PresentationType, inputs: DeckInputs, language: str) -> None:
    from pptx.util import Inches, Pt

    slide = prs.slides.add_slide(_layout(prs, title_slide=True))
    _clear_placeholders(slide, keep_title=False)
    _logo(slide, inputs, (_MARGIN_IN + 0.4, 0.8, 3.0, 1.2))
    left = _MARGIN_IN + 0.4
    _textbox(
        slide, (left, 2.6, 11.5, 1.0), [_o("report_title", language)], size=36, bold=True, color=inputs.color
    )
    _textbox(slide, (left, 3.6, 11.5, 0.8), [inputs.client], size=26)
    lines = [line for line in (inputs.firm_line, inputs.generated) if line]
    _textbox(slide, (left, 4.7, 11.5, 1.0), lines, size=14, color=_MUTED)
    _textbox(slide, (left, _HEIGHT_IN - 1.0, 11.5, 0.5), [inputs.confidential], size=11, color=_MUTED)
    band = slide.shapes.add_shape(1, Inches(0), Inches(0), Inches(0.3), prs.slide_height)
    band.fill.solid()
    band.fill.fore_color.rgb = _rgb(inputs.color)
    band.line.fill.background()
    del Pt


def _light_text(light: Light | None, language: str) -> str:
    return translate(f"light.{light.value}", language) if light is not None else "–"


def _fill(cell: Any, color: str) -> None:
    cell.fill.solid()
    cell.fill.fore_color.rgb = _rgb(color)


def _table(
    slide: Slide,
    box: tuple[float, float, float],
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    heights: Sequence[float],
    inputs: DeckInputs,
    *,
    colors: dict[tuple[int, int], str] | None = None,
) -> None:
    """A native table: header in the firm's colour, ``colors`` fill cells (traffic lights)."""
    from pptx.util import Inches, Pt

    left, top, width = box
    total = 0.4 + sum(heights)
    shape = slide.shapes.add_table(
        len(rows) + 1, len(headers), Inches(left), Inches(top), Inches(width), Inches(total)
    )
    table = shape.table
    scale = width / sum(widths)
    for index, column_width in enumerate(widths):
        table.columns[index].width = Inches(column_width * scale)
    table.rows[0].height = Inches(0.4)
    for row_index, height in enumerate(heights, start=1):
        table.rows[row_index].height = Inches(height)
    for r, values in enumerate([headers, *rows]):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.text = value
            cell.margin_top = cell.margin_bottom = Inches(0.04)
            for para in cell.text_frame.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(_TABLE_PT)
                    run.font.bold = r == 0
                    run.font.color.rgb = _rgb("FFFFFF" if r == 0 else _TEXT)
            if r == 0:
                _fill(cell, inputs.color)
            else:
                _fill(cell, "F3F5F7" if r % 2 else "FFFFFF")
    for (r, c), color in (colors or {}).items():
        cell = table.cell(r + 1, c)
        _fill(cell, color)
        for para in cell.text_frame.paragraphs:
            for run in para.runs:
                run.font.color.rgb = _rgb("FFFFFF")
                run.font.bold = True


def _row_height(values: Sequence[str], widths: Sequence[float], size: int = _TABLE_PT) -> float:
    """The height (inches) a table row needs: its most wrapped cell's lines, plus the margins."""
    lines = 1
    for value, width in zip(values, widths, strict=True):
        per_line = max(4, int((width - 0.2) * 72 / (size * 0.55)))
        wrapped = sum(max(1, math.ceil(len(part) / per_line)) for part in value.split("\n"))
        lines = max(lines, wrapped)
    return lines * size * 1.25 / 72 + 0.12


def table_pages(
    rows: Sequence[Sequence[str]], widths: Sequence[float], room: float, size: int = _TABLE_PT
) -> list[list[int]]:
    """Split ``rows`` into slides: the row indexes per slide, each slide's rows within ``room`` inches."""
    pages: list[list[int]] = [[]]
    used = 0.0
    for index, row in enumerate(rows):
        height = _row_height(row, widths, size)
        if pages[-1] and used + height > room:
            pages.append([])
            used = 0.0
        pages[-1].append(index)
        used += height
    return pages if pages[0] else []


def _summary_slide(prs: PresentationType, a: Assessment, inputs: DeckInputs, language: str) -> None:
    slide = _content_slide(prs, _o("section.summary", language), inputs)
    left = _MARGIN_IN
    _textbox(slide, (left, _TOP_IN + 0.1, 3.6, 0.4), [_o("index_label", language)], size=14, color=_MUTED)
    _textbox(
        slide,
        (left, _TOP_IN + 0.5, 3.6, 1.0),
        [f"{_score(a.index, language)} / 100"],
        size=40,
        bold=True,
        color=inputs.color,
    )
    light = a.light
    color = LIGHT_COLORS[light] if light is not None else "#5B6570"
    _textbox(
        slide,
        (left, _TOP_IN + 1.6, 3.6, 0.5),
        [_light_text(light, language)],
        size=18,
        bold=True,
        color=color,
    )
    if a.stage is not None:
        stage = _o("stage_label", language, stage=_o(f"stage.{a.stage}", language))
        _textbox(slide, (left, _TOP_IN + 2.1, 3.6, 0.5), [stage], size=16)
    _textbox(
        slide,
        (left, _TOP_IN + 2.8, 3.6, 2.2),
        [_o("plan_count", language, count=len(a.plan), quick=a.quick_wins)],
        size=13,
        color=_MUTED,
    )
    headers = [_o(f"col.{k}", language) for k in ("check", "score", "light")]
    rows, colors = [], {}
    for r, outcome in enumerate(a.outcomes):
        result = outcome.result
        rows.append(
            [
                outcome.spec.title(language),
                _score(outcome.score, language),
                _light_text(result.light, language) if result else _o("not_evaluated_short", language),
            ]
        )
        if result is not None:
            colors[(r, 2)] = LIGHT_COLORS[result.light]
    widths = [4.6, 1.3, 2.4]
    room = _HEIGHT_IN - _TOP_IN - 0.9
    heights = [min(room / max(len(rows), 1) - 0.02, _row_height(row, widths)) for row in rows]
    _table(slide, (4.6, _TOP_IN + 0.1, 8.2), headers, rows, widths, heights, inputs, colors=colors)


def _radar_slide(prs: PresentationType, a: Assessment, inputs: DeckInputs, language: str) -> None:
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
    from pptx.util import Inches, Pt

    evaluated = [o for o in a.outcomes if o.result is not None]
    slide = _content_slide(prs, _o("chart.title", language), inputs)
    if not evaluated:
        _textbox(slide, (_MARGIN_IN, _TOP_IN + 0.2, 12, 1), [_o("headline_none", language)])
        return
    data = CategoryChartData(number_format="0.0")  # type: ignore[no-untyped-call]
    data.categories = [o.spec.title(language) for o in evaluated]
    now = _o("chart.now", language, date=fmt_date(a.start, language))
    data.add_series(now, [o.score or 0.0 for o in evaluated])  # type: ignore[no-untyped-call]
    previous = a.previous_round
    if previous is not None:
        before = [o.previous if o.previous is not None else 0.0 for o in evaluated]
        data.add_series(previous.name, before)  # type: ignore[no-untyped-call]
    kind = XL_CHART_TYPE.RADAR_MARKERS if len(evaluated) >= 3 else XL_CHART_TYPE.BAR_CLUSTERED
    frame: Any = slide.shapes.add_chart(
        kind,
        Inches(2.2),
        Inches(_TOP_IN + 0.1),
        Inches(8.9),
        Inches(5.5),
        data,  # type: ignore[arg-type]
    )
    chart = frame.chart
    chart.has_legend = previous is not None
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    chart.font.size = Pt(11)
    axis = chart.value_axis
    axis.minimum_scale, axis.maximum_scale, axis.major_unit = 0, 100, 25
    series = chart.plots[0].series[0]
    series.format.line.color.rgb = _rgb(inputs.color)
    series.format.line.width = Pt(2.5)


def _criteria_chart(slide: Slide, outcome: CheckOutcome, inputs: DeckInputs, language: str) -> None:
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
    from pptx.util import Inches, Pt

    assert outcome.result is not None
    criteria = outcome.result.criteria
    if not criteria:
        return
    data = CategoryChartData(number_format="0.0")  # type: ignore[no-untyped-call]
    data.categories = [_short(render(c.label, language), 48) for c in reversed(criteria)]
    data.add_series(_t("points", language), [c.points for c in reversed(criteria)])  # type: ignore[no-untyped-call]
    data.add_series(_t("max_points", language), [c.max_points for c in reversed(criteria)])  # type: ignore[no-untyped-call]
    frame: Any = slide.shapes.add_chart(
        XL_CHART_TYPE.BAR_CLUSTERED,
        Inches(6.9),
        Inches(_TOP_IN + 0.1),
        Inches(5.9),
        Inches(5.3),
        data,  # type: ignore[arg-type]
    )
    chart = frame.chart
    chart.font.size = Pt(9)
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.has_title = True
    chart.chart_title.text_frame.text = _t("criteria_chart", language)
    chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(11)
    plot = chart.plots[0]
    plot.gap_width = 60
    plot.overlap = -10
    plot.series[0].format.fill.solid()
    plot.series[0].format.fill.fore_color.rgb = _rgb(inputs.color)
    plot.series[1].format.fill.solid()
    plot.series[1].format.fill.fore_color.rgb = _rgb("C9D3DD")


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _check_slide(prs: PresentationType, outcome: CheckOutcome, inputs: DeckInputs, language: str) -> None:
    result = outcome.result
    assert result is not None
    slide = _content_slide(prs, outcome.spec.title(language), inputs)
    left = _MARGIN_IN
    _textbox(
        slide,
        (left, _TOP_IN + 0.1, 3.4, 0.9),
        [f"{_score(result.score, language)} / 100"],
        size=34,
        bold=True,
        color=inputs.color,
    )
    _textbox(
        slide,
        (left + 3.6, _TOP_IN + 0.3, 2.6, 0.6),
        [_light_text(result.light, language)],
        size=18,
        bold=True,
        color=LIGHT_COLORS[result.light],
    )
    _textbox(slide, (left, _TOP_IN + 1.2, 6.1, 0.4), [_t("key_findings", language)], size=14, bold=True)
    findings = [render(f, language) for f in result.findings[:KEY_FINDINGS]] or [_t("no_findings", language)]
    _textbox(
        slide, (left, _TOP_IN + 1.7, 6.1, 3.9), [_short(f, 260) for f in findings], size=13, bullets=True
    )
    _criteria_chart(slide, outcome, inputs, language)


def _plan_rows(items: Sequence[ActionItem], language: str) -> list[list[str]]:
    from smtoolkit.overview.view import due_week

    return [
        [
            str(item.rank),
            _o(f"priority.{item.priority}", language),
            render(item.recommendation.text, language),
            item.spec.title(language),
            translate(f"role.{item.recommendation.owner}", language),
            due_week(item, language),
        ]
        for item in items
    ]


def _plan_slides(
    prs: PresentationType,
    title: str,
    items: Sequence[ActionItem],
    inputs: DeckInputs,
    language: str,
    empty: str,
) -> None:
    headers = [_o(f"col.{k}", language) for k in ("rank", "priority", "action", "check", "owner", "due_week")]
    widths = [0.55, 1.3, 4.9, 2.3, 2.3, 1.3]
    rows = _plan_rows(items, language)
    if not rows:
        slide = _content_slide(prs, title, inputs)
        _textbox(slide, (_MARGIN_IN, _TOP_IN + 0.2, 12, 1), [empty])
        return
    room = _HEIGHT_IN - _TOP_IN - 0.4 - 0.75
    scale = (_WIDTH_IN - 2 * _MARGIN_IN) / sum(widths)
    scaled = [w * scale for w in widths]
    pages = table_pages(rows, scaled, room)
    for number, page in enumerate(pages, start=1):
        shown = (
            title
            if len(pages) == 1
            else _t("continued", language, title=title, page=number, pages=len(pages))
        )
        slide = _content_slide(prs, shown, inputs)
        chunk = [rows[i] for i in page]
        heights = [_row_height(row, scaled) for row in chunk]
        _table(
            slide,
            (_MARGIN_IN, _TOP_IN + 0.1, _WIDTH_IN - 2 * _MARGIN_IN),
            headers,
            chunk,
            widths,
            heights,
            inputs,
        )


def _new_presentation(template: Path | None) -> PresentationType:
    from pptx import Presentation
    from pptx.util import Inches

    if template is None:
        prs = Presentation()
        prs.slide_width, prs.slide_height = Inches(_WIDTH_IN), Inches(_HEIGHT_IN)
        return prs
    try:
        prs = Presentation(str(template))
    except Exception as err:  # python-pptx raises several kinds for a file that is no .pptx
        raise BuildError(
            f"{template}: cannot be opened as a PowerPoint file ({err}); save the firm's master "
            "as .pptx, or remove [firm] deck_template"
        ) from err
    ids = prs.slides._sldIdLst
    for slide_id in list(ids):  # the master's example slides are not part of the deck
        prs.part.drop_rel(slide_id.rId)
        ids.remove(slide_id)
    prs.slide_width, prs.slide_height = Inches(_WIDTH_IN), Inches(_HEIGHT_IN)
    return prs


def build_deck(a: Assessment, inputs: DeckInputs, language: str) -> bytes:
    """The deck of assessment ``a`` as ``.pptx`` bytes."""
    prs = _new_presentation(inputs.template)
    _title_slide(prs, inputs, language)
    _summary_slide(prs, a, inputs, language)
    _radar_slide(prs, a, inputs, language)
    for outcome in a.outcomes:
        if outcome.result is not None:
            _check_slide(prs, outcome, inputs, language)
    quick = [item for item in a.plan if item.priority == "quick_win"]
    _plan_slides(prs, _t("quick_wins", language), quick, inputs, language, _t("no_quick_wins", language))
    _plan_slides(prs, _o("section.plan", language), a.plan, inputs, language, _o("plan_none", language))
    core = prs.core_properties
    core.title = f"{_o('report_title', language)} – {inputs.client}"
    core.author = inputs.firm_line or ""
    core.language = language
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def deck_inputs(engagement: Engagement, context: dict[str, Any]) -> DeckInputs:
    """The deck's branding and labels for ``engagement`` (``context``: the pages' context)."""
    firm = engagement.firm
    return DeckInputs(
        client=engagement.client.name,
        firm_line=str(context.get("firm_line", "")),
        generated=str(context.get("generated", "")),
        confidential=str(context.get("confidential", "")),
        color=engagement.settings.branding.primary_color,
        logo=engagement.logo_file(),
        template=firm.deck_template if firm is not None else None,
    )


def write_deck(
    out_dir: Path, engagement: Engagement, a: Assessment, language: str, context: dict[str, Any]
) -> Path:
    """Write ``deck.pptx`` into ``out_dir`` (atomically) and return its path."""
    path = out_dir / DECK_FILE
    write_atomic(path, build_deck(a, deck_inputs(engagement, context), language))
    return path
