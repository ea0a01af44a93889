"""deck.pptx: editable slides from the assessment, split tables, the firm's master."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from smtoolkit.build.deck import DeckInputs, build_deck, table_pages
from smtoolkit.engagement import load_engagement
from smtoolkit.errors import ValidationError
from smtoolkit.firm.load import load_firm
from smtoolkit.overview.analysis import Assessment, assess

DEMO = Path(__file__).resolve().parents[2] / "engagements" / "demo"


@pytest.fixture(scope="module")
def assessment() -> Assessment:
    """The demo's assessment, computed once."""
    return assess(load_engagement(DEMO))


def inputs(template: Path | None = None) -> DeckInputs:
    """Branding as a firm would set it."""
    return DeckInputs(
        client="Hallberg <Pumpen> GmbH",
        firm_line="Erstellt von Nordlicht",
        generated="Erstellt am 03.12.2026",
        confidential="Vertraulich",
        color="#8a1538",
        logo=DEMO / "logo.svg",
        template=template,
    )


def test_table_pages_split_rows_by_their_wrapped_height() -> None:
    """Rows of 1, 1 and 4 lines in 0.7 in of room: the 4-line row starts the second slide."""
    widths = [1.0]
    short, long = ["x"], ["y" * 30]  # 1 inch holds int(0.8 * 72 / 6.05) = 9 characters a line: 30 -> 4 lines
    pages = table_pages([short, short, long], widths, room=0.7)
    # one-line rows: 1 * 11 * 1.25 / 72 + 0.12 = 0.311 in; two fit (0.622), the long row (0.884) starts a page
    assert pages == [[0, 1], [2]]
    assert table_pages([], widths, room=1.0) == []


def test_deck_has_the_slides_of_the_closing_meeting_as_text(assessment: Assessment) -> None:
    """Title, summary, radar, one slide per check, quick wins and plan; client text as real text."""
    deck = Presentation(io.BytesIO(build_deck(assessment, inputs(), "de")))
    slides = list(deck.slides)
    evaluated = [o for o in assessment.outcomes if o.result is not None]
    quick = sum(item.priority == "quick_win" for item in assessment.plan)
    assert quick and len(slides) > 3 + len(evaluated) + 1
    texts = [" ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame) for slide in slides]
    assert "Hallberg <Pumpen> GmbH" in texts[0] and "Vertraulich" in texts[0]
    assert "Management-Zusammenfassung" in texts[1]
    charts = [s for s in slides[2].shapes if s.has_chart]
    assert len(charts) == 1 and len(charts[0].chart.plots[0].categories) == len(evaluated)
    for outcome, slide in zip(evaluated, slides[3 : 3 + len(evaluated)], strict=True):
        assert outcome.spec.title("de") in " ".join(
            s.text_frame.text for s in slide.shapes if s.has_text_frame
        )
        assert any(s.has_chart for s in slide.shapes)
    ranks = [
        int(row.cells[0].text)
        for slide in slides[3 + len(evaluated) :]
        for shape in slide.shapes
        if shape.has_table
        for row in list(shape.table.rows)[1:]
    ]
    assert len(ranks) == quick + len(assessment.plan)
    assert ranks[quick:] == [item.rank for item in assessment.plan]
    for slide in slides:
        assert sum(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in slide.shapes) <= 1


def test_deck_is_made_in_english(assessment: Assessment) -> None:
    """With language en the slides use the English catalogue."""
    deck = Presentation(io.BytesIO(build_deck(assessment, inputs(), "en")))
    text = " ".join(s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame)
    assert "Management summary" in text and "Quick wins" in text and "Key findings" in text


def test_a_firm_master_gives_the_layouts_and_its_example_slides_are_dropped(
    assessment: Assessment, tmp_path: Path
) -> None:
    """A .pptx master with an example slide: the deck uses its layouts and holds none of its slides."""
    master = Presentation()
    example = master.slides.add_slide(master.slide_layouts[1])
    example.shapes.title.text = "Beispielfolie der Kanzlei"
    master.save(str(tmp_path / "master.pptx"))
    deck = Presentation(io.BytesIO(build_deck(assessment, inputs(tmp_path / "master.pptx"), "de")))
    text = " ".join(s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame)
    assert "Beispielfolie" not in text and "Hallberg <Pumpen> GmbH" in text


def test_firm_deck_template_must_be_a_pptx_next_to_the_firm_file(tmp_path: Path) -> None:
    """[firm] deck_template naming a missing or non-.pptx file is refused with file, line and advice."""
    (tmp_path / "master.potx").write_bytes(b"x")
    firm = tmp_path / "smtoolkit.toml"
    firm.write_text('[firm]\nname = "Nordlicht"\ndeck_template = "master.potx"\n', encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_firm(firm)
    assert "smtoolkit.toml:3 firm.deck_template" in str(caught.value) and "save the firm's" in str(
        caught.value
    )
    firm.write_text('[firm]\nname = "Nordlicht"\n', encoding="utf-8")
    assert load_firm(firm).deck_template is None
