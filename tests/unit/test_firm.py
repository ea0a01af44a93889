"""Firm settings: finding smtoolkit.toml, layering default < firm < engagement, provenance, bands."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from smtoolkit.checks.base import DEFAULT_BANDS, Light, settings_aware
from smtoolkit.checks.registry import registry
from smtoolkit.engagement import load_engagement
from smtoolkit.firm import FIRM_FILE, effective_settings, find_firm_file
from smtoolkit.firm.lines import line_of
from smtoolkit.store import read_section, save_section
from tests.conftest import MINIMAL

FIRM = textwrap.dedent(
    """\
    # Nordlicht's defaults for every client
    [firm]
    name = "Nordlicht Consulting"
    logo = "branding/logo.svg"
    primary_color = "#0a7e8c"

    [settings]
    language = "en"
    weights = { strategy = 2, effort = 0.5 }
    bands = { amber = 50, green = 80 }

    [checks.strategy]
    dormant_days = 60

    [checks.people]
    training_threshold = 0.6
    """
)
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>'

#: Bare engagement: nothing but the client, so every other value comes from firm or toolkit.
BARE = 'client:\n  name: "Muster GmbH"\n'


def write_firm(base: Path, text: str = FIRM) -> Path:
    """Write the firm file and its logo into ``base``."""
    (base / "branding").mkdir(parents=True, exist_ok=True)
    (base / "branding" / "logo.svg").write_text(LOGO, encoding="utf-8")
    path = base / FIRM_FILE
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_firm_file_wins_walking_up(tmp_path: Path) -> None:
    """The firm file is found in a parent folder, and a nearer one shadows a farther one."""
    folder = tmp_path / "ws" / "engagements" / "acme"
    folder.mkdir(parents=True)
    found = find_firm_file(folder)
    assert found is None or tmp_path.resolve() not in found.parents
    far = write_firm(tmp_path)
    assert find_firm_file(folder) == far.resolve()
    near = write_firm(tmp_path / "ws")
    assert find_firm_file(folder) == near.resolve()


def test_without_firm_file_the_toolkit_defaults_apply(make_engagement: Callable[..., Path]) -> None:
    """An engagement with no firm file above it gets the models' defaults."""
    engagement = load_engagement(make_engagement(text=BARE))
    assert engagement.firm is None
    assert engagement.settings.language == "de"
    assert engagement.settings.bands.as_tuple() == DEFAULT_BANDS
    assert engagement.settings.branding.primary_color == "#1f4e79"
    assert engagement.sections["strategy"].dormant_days == 90  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("path", "toolkit", "firm", "own_yaml", "own"),
    [
        (("settings", "language"), "de", "en", "settings:\n  language: de\n", "de"),
        (
            ("settings", "branding", "firm_name"),
            "",
            "Nordlicht Consulting",
            "settings:\n  branding:\n    firm_name: Acme Partners\n",
            "Acme Partners",
        ),
        (
            ("settings", "branding", "primary_color"),
            "#1f4e79",
            "#0a7e8c",
            "settings:\n  branding:\n    primary_color: '#aa0000'\n",
            "#aa0000",
        ),
        (("settings", "weights", "strategy"), None, 2.0, "settings:\n  weights: {strategy: 3}\n", 3.0),
        (("settings", "bands", "amber"), 40.0, 50.0, "settings:\n  bands: {amber: 45}\n", 45.0),
        (("settings", "bands", "green"), 70.0, 80.0, "settings:\n  bands: {green: 90}\n", 90.0),
        (("strategy", "dormant_days"), 90, 60, "strategy:\n  dormant_days: 120\n", 120),
        (("people", "training_threshold"), 0.5, 0.6, "people:\n  training_threshold: 0.75\n", 0.75),
    ],
)
def test_precedence_default_then_firm_then_engagement(
    tmp_path: Path,
    make_engagement: Callable[..., Path],
    path: tuple[str, ...],
    toolkit: object,
    firm: object,
    own_yaml: str,
    own: object,
) -> None:
    """Each setting is the toolkit's default, overridden by the firm file, overridden by the engagement."""

    def effective(folder: Path) -> object:
        engagement = load_engagement(folder)
        node: object = engagement.settings if path[0] == "settings" else engagement.sections[path[0]]
        for part in path[1:]:
            node = node.get(part) if isinstance(node, dict) else getattr(node, part)
        return node

    bare = make_engagement("bare", BARE)
    assert effective(bare) == toolkit
    write_firm(tmp_path)
    assert effective(bare) == firm
    assert effective(make_engagement("own", BARE + own_yaml)) == own


def test_firm_weights_and_bands_are_layered_key_by_key(
    tmp_path: Path, make_engagement: Callable[..., Path]
) -> None:
    """An engagement weight or band replaces only that key; the firm's other keys still apply."""
    write_firm(tmp_path)
    text = BARE + "settings:\n  weights: {effort: 1}\n  bands: {green: 90}\n"
    settings = load_engagement(make_engagement(text=text)).settings
    assert settings.weights == {"strategy": 2.0, "effort": 1.0}
    assert settings.bands.as_tuple() == (50.0, 90.0)


def test_empty_engagement_values_take_the_firm_values(
    tmp_path: Path, make_engagement: Callable[..., Path]
) -> None:
    """Keys left empty (null), as in the `smtoolkit new` skeleton, take the firm's values."""
    write_firm(tmp_path)
    text = BARE + (
        "settings:\n  bands:\n    amber:\n    green:\n  branding:\n    firm_name:\n    logo:\n"
        "    primary_color:\nstrategy:\n  dormant_days:\n"
    )
    engagement = load_engagement(make_engagement(text=text))
    assert engagement.settings.branding.firm_name == "Nordlicht Consulting"
    assert engagement.settings.branding.primary_color == "#0a7e8c"
    assert engagement.settings.bands.as_tuple() == (50.0, 80.0)
    assert engagement.sections["strategy"].dormant_days == 60  # type: ignore[attr-defined]


def test_skeleton_engagement_takes_firm_branding_and_bands(tmp_path: Path) -> None:
    """A new engagement from the skeleton shows the firm's name, colour, logo and bands."""
    from smtoolkit.scaffold import new_engagement

    write_firm(tmp_path)
    engagement = load_engagement(new_engagement(tmp_path / "engagements", "acme", "Acme GmbH"))
    assert engagement.settings.branding.firm_name == "Nordlicht Consulting"
    assert engagement.settings.branding.primary_color == "#0a7e8c"
    assert engagement.settings.bands.as_tuple() == (50.0, 80.0)
    assert engagement.logo_file() == (tmp_path / "branding" / "logo.svg").resolve()


def test_logo_resolves_from_the_file_that_names_it(
    tmp_path: Path, make_engagement: Callable[..., Path]
) -> None:
    """A firm logo is found next to the firm file; an engagement's own logo inside its folder."""
    write_firm(tmp_path)
    inherited = load_engagement(make_engagement("firmlogo", BARE))
    assert inherited.logo_file() == (tmp_path / "branding" / "logo.svg").resolve()
    own = make_engagement("ownlogo", BARE + "settings:\n  branding:\n    logo: mine.svg\n")
    (own / "mine.svg").write_text(LOGO, encoding="utf-8")
    assert load_engagement(own).logo_file() == (own / "mine.svg").resolve()


def test_engagement_document_keeps_only_its_own_values(
    tmp_path: Path, make_engagement: Callable[..., Path]
) -> None:
    """Firm values live in the validated models, never in the engagement's round-trip document."""
    write_firm(tmp_path)
    engagement = load_engagement(make_engagement(text=MINIMAL))
    assert engagement.settings.bands.amber == 50
    assert "bands" not in engagement.document["settings"]
    assert "strategy" not in engagement.document


def test_section_save_leaves_firm_defaults_out(tmp_path: Path, make_engagement: Callable[..., Path]) -> None:
    """Saving a section's effective answers writes back only the engagement's own values."""
    write_firm(tmp_path)
    folder = make_engagement(text=MINIMAL + "strategy:\n  accounts: []\n")
    engagement = load_engagement(folder)
    answers = engagement.sections["strategy"].model_dump(mode="python")
    assert answers["dormant_days"] == 60
    assert engagement.inherited("strategy") == {"dormant_days": 60}
    save_section(folder, "strategy", engagement.own_values("strategy", answers))
    saved = read_section(folder, "strategy")
    assert "dormant_days" not in saved
    assert saved["accounts"] == []
    assert "dormant_days" not in (folder / "engagement.yaml").read_text(encoding="utf-8")
    assert load_engagement(folder).sections["strategy"].dormant_days == 60  # type: ignore[attr-defined]


def test_section_save_keeps_a_value_changed_from_the_firm_default(
    tmp_path: Path, make_engagement: Callable[..., Path]
) -> None:
    """An answer changed away from the firm's default is the engagement's own and is saved."""
    write_firm(tmp_path)
    folder = make_engagement(text=MINIMAL)
    engagement = load_engagement(folder)
    answers = {**engagement.sections["strategy"].model_dump(mode="python"), "dormant_days": 45}
    save_section(folder, "strategy", engagement.own_values("strategy", answers))
    assert read_section(folder, "strategy")["dormant_days"] == 45
    assert load_engagement(folder).sections["strategy"].dormant_days == 45  # type: ignore[attr-defined]


def test_bands_from_settings_colour_every_check(tmp_path: Path, demo_copy: Path) -> None:
    """Every registered check's result, wrapped settings-aware, carries the firm's bands and light."""
    write_firm(tmp_path, "[settings]\nbands = { amber = 99, green = 100 }\n")
    engagement = load_engagement(demo_copy)
    assert engagement.settings.bands.as_tuple() == (99.0, 100.0)
    for spec in registry():
        result = settings_aware(spec.analyse)(engagement.section(spec.slug), engagement)
        assert result.bands == (99.0, 100.0), spec.slug
        assert result.light is (Light.GREEN if result.score >= 100 else Light.RED), spec.slug


def test_settings_aware_wraps_once() -> None:
    """Wrapping an already settings-aware analysis returns it unchanged."""
    spec = registry()[0]
    once = settings_aware(spec.analyse)
    assert settings_aware(once) is once


def test_cross_file_band_conflict_names_the_engagement_line(
    tmp_path: Path, make_engagement: Callable[..., Path]
) -> None:
    """A green band in the engagement below the firm's amber is reported at the engagement's line."""
    from smtoolkit.errors import ValidationError

    write_firm(tmp_path)
    folder = make_engagement(text=BARE + "settings:\n  bands:\n    green: 45\n")
    with pytest.raises(ValidationError) as caught:
        load_engagement(folder)
    problem = caught.value.problems[0]
    assert "engagement.yaml:4 settings.bands: amber (50) must be below green (45)" in problem


def test_effective_settings_name_each_source(tmp_path: Path, make_engagement: Callable[..., Path]) -> None:
    """Each row names the engagement file and line, the firm file and line, or the toolkit default."""
    write_firm(tmp_path)
    text = BARE + "settings:\n  language: de\nstrategy:\n  dormant_days: 30\n"
    rows = {r.key: r for r in effective_settings(load_engagement(make_engagement(text=text)))}
    assert rows["settings.language"].value == "de"
    assert str(rows["settings.language"].source).startswith("engagement ")
    assert str(rows["settings.language"].source).endswith("engagement.yaml:4")
    assert rows["settings.branding.primary_color"].value == "#0a7e8c"
    assert rows["settings.branding.primary_color"].source.kind == "firm"
    assert rows["settings.branding.primary_color"].source.line == 5
    assert rows["settings.bands.green"].source.line == 10
    assert rows["settings.workshop_date"].source.kind == "default"
    assert rows["strategy.dormant_days"].value == "30"
    assert rows["strategy.dormant_days"].source.kind == "engagement"
    assert rows["people.training_threshold"].value == "0.6"
    assert rows["people.training_threshold"].source.line == 16
    assert "effort.gross_salary" not in rows


def test_every_answer_lists_single_valued_answers_only(make_engagement: Callable[..., Path]) -> None:
    """With every_answer, each single-valued answer of an included check is listed, lists are not."""
    rows = {
        r.key: r
        for r in effective_settings(load_engagement(make_engagement(text=MINIMAL)), every_answer=True)
    }
    assert rows["effort.gross_salary"].value == "36100"
    assert rows["effort.gross_salary"].source.kind == "engagement"
    assert rows["strategy.dormant_days"].source.kind == "default"
    assert "effort.channels" not in rows


@pytest.mark.parametrize(
    ("path", "line"),
    [
        (("firm", "name"), 3),
        (("settings", "weights", "strategy"), 9),
        (("settings", "bands"), 10),
        (("checks", "strategy", "dormant_days"), 13),
        (("checks", "people"), 15),
        (("checks", "crisis", "cusum_k"), None),
    ],
)
def test_toml_line_of_finds_the_deepest_written_key(path: tuple[str, ...], line: int | None) -> None:
    """Keys are found under their table header, inside inline tables by their key's line."""
    assert line_of(FIRM, path) == line


def test_toml_line_of_reads_dotted_keys_and_skips_multiline_strings() -> None:
    """A dotted key names its full path; text inside a multi-line string is not a key."""
    text = '[firm]\nnote = """\nname = "fake"\n"""\nname = "real"\n[checks]\nstrategy.dormant_days = 5\n'
    assert line_of(text, ("firm", "name")) == 5
    assert line_of(text, ("checks", "strategy", "dormant_days")) == 7


BAD_FIRM_FILES = [
    (
        '[firm]\nname = "X"\ncolour = "#ffffff"\n',
        "smtoolkit.toml:3 firm.colour: is not a known key of [firm]",
    ),
    ('[firm]\nprimary_color = "blue"\n', "smtoolkit.toml:2 firm.primary_color: 'blue' is not a colour"),
    (
        '[settings]\nweights = { strategy = "two" }\n',
        "smtoolkit.toml:2 settings.weights.strategy: 'two' is not a number",
    ),
    ("[settings]\nweights = { nope = 1 }\n", "smtoolkit.toml:2 settings.weights.nope: is not a known check"),
    ('[settings]\nlanguage = "en\n', "smtoolkit.toml:2 TOML syntax error"),
    ("[settings\n", "smtoolkit.toml:1 TOML syntax error"),
    ('[settings]\nlanguage = "fr"\n', "smtoolkit.toml:2 settings.language: 'fr' is not allowed"),
    (
        "[settings.bands]\namber = 80\ngreen = 60\n",
        "smtoolkit.toml:1 settings.bands: amber (80) must be below",
    ),
    ("[checks.strategy]\ndormnt_days = 3\n", "smtoolkit.toml:2 checks.strategy.dormnt_days: is not a field"),
    ("[checks.strategy]\ndormant_days = 0\n", "smtoolkit.toml:2 checks.strategy.dormant_days: 0 is not >= 1"),
    ("[checks.strategy]\naccounts = []\n", "smtoolkit.toml:2 checks.strategy.accounts: only single values"),
    ("[checks.nope]\nx = 1\n", "smtoolkit.toml:1 checks.nope: is not a known check"),
    ('title = "x"\n', "smtoolkit.toml:1 title: is not a known table or key"),
    (
        "[settings]\nworkshop_date = 2026-01-01\n",
        "smtoolkit.toml:2 settings.workshop_date: is not a known key",
    ),
    ('[firm]\nlogo = "missing.png"\n', "smtoolkit.toml:2 firm.logo: 'missing.png' does not exist"),
    (
        '[firm]\nlogo = "../outside.png"\n',
        "smtoolkit.toml:2 firm.logo: the logo '../outside.png' points outside",
    ),
    ('[firm]\ntemplate = "nothere"\n', "smtoolkit.toml:2 firm.template: 'nothere' is not a template folder"),
]


@pytest.mark.parametrize(("text", "expected"), BAD_FIRM_FILES)
def test_bad_firm_file_is_reported_with_file_line_and_fix(
    tmp_path: Path, make_engagement: Callable[..., Path], text: str, expected: str
) -> None:
    """A bad firm file makes the engagement invalid with the firm file's name, line and what to do."""
    from smtoolkit.errors import ValidationError

    (tmp_path / FIRM_FILE).write_text(text, encoding="utf-8")
    folder = make_engagement(text=BARE)
    with pytest.raises(ValidationError) as caught:
        load_engagement(folder)
    assert caught.value.path.endswith(FIRM_FILE)
    assert any(expected in p for p in caught.value.problems), caught.value.problems
    assert all(";" in p or "expected" in p for p in caught.value.problems), caught.value.problems


def test_firm_file_that_is_not_utf8_says_so(tmp_path: Path, make_engagement: Callable[..., Path]) -> None:
    """A firm file in another encoding is refused with a clear message."""
    from smtoolkit.errors import ConfigError

    (tmp_path / FIRM_FILE).write_bytes(b'[firm]\nname = "Gr\xfcn"\n')
    with pytest.raises(ConfigError, match="is not UTF-8 text"):
        load_engagement(make_engagement(text=BARE))


def test_firm_template_files_travel_as_text(tmp_path: Path, make_engagement: Callable[..., Path]) -> None:
    """The firm template's templates and stylesheets are read by name; other files are left out."""
    template = tmp_path / "branding" / "report"
    template.mkdir(parents=True)
    (template / "index.html.j2").write_text("{% extends 'report/index.html.j2' %}", encoding="utf-8")
    (template / "firm.css").write_text(".x{}", encoding="utf-8")
    (template / "notes.docx").write_bytes(b"\x00\x01")
    write_firm(tmp_path, '[firm]\ntemplate = "branding/report"\n')
    firm = load_engagement(make_engagement(text=BARE)).firm
    assert firm is not None
    assert firm.template_files() == {
        "firm.css": ".x{}",
        "index.html.j2": "{% extends 'report/index.html.j2' %}",
    }


def test_layered_section_is_what_a_form_shows(tmp_path: Path, make_engagement: Callable[..., Path]) -> None:
    """A form's data is the engagement's own answers plus the firm's values for empty or missing keys."""
    write_firm(tmp_path)
    folder = make_engagement(
        text=MINIMAL + "strategy:\n  accounts: []\n  dormant_days:\npeople:\n  min_group_size: 8\n"
    )
    engagement = load_engagement(folder)
    assert engagement.layered("strategy") == {"accounts": [], "dormant_days": 60}
    assert engagement.layered("people") == {"min_group_size": 8, "training_threshold": 0.6}
    assert engagement.layered("goals") == {}
    assert engagement.layered("effort")["gross_salary"] == 36100
