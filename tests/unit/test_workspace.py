"""The workspace: found from any folder below it, made by init without overwriting, and where the demo is copied."""

from __future__ import annotations

import re
import stat
import tempfile
from pathlib import Path

import pytest

import smtoolkit
from smtoolkit import demo as demo_module
from smtoolkit.demo import prepare_demo
from smtoolkit.engagement import resolve_folder
from smtoolkit.errors import ConfigError
from smtoolkit.firm import load_firm
from smtoolkit.paths import FIRM_FILE
from smtoolkit.workspace import engagements_dir, find_workspace, init_workspace, reports_dir
from tests.conftest import MINIMAL, ROOT

PACKAGE = Path(smtoolkit.__file__).resolve().parent


def test_the_nearest_folder_with_a_firm_file_or_engagements_is_the_workspace(tmp_path: Path) -> None:
    """From a folder deep below it the workspace is found; a nested one with a firm file wins."""
    outer = tmp_path / "firm"
    deep = outer / "engagements" / "acme" / "data"
    deep.mkdir(parents=True)
    found = find_workspace(deep)
    assert found is not None and found.root == outer.resolve()
    assert found.engagements == outer.resolve() / "engagements"
    assert found.reports == outer.resolve() / "reports"
    assert found.firm_file is None
    inner = deep / "team"
    inner.mkdir()
    (inner / FIRM_FILE).write_text("", encoding="utf-8")
    nested = find_workspace(inner / ".")
    assert nested is not None and nested.root == inner.resolve() and nested.firm_file == inner.resolve() / FIRM_FILE


def test_without_a_workspace_the_defaults_are_the_working_folders(tmp_path: Path) -> None:
    """Outside any workspace, engagements/ and reports/ are relative to the working directory."""
    if find_workspace(tmp_path) is not None:
        pytest.skip("the temporary folder lies inside a workspace on this machine")
    assert engagements_dir(tmp_path) == Path("engagements")
    assert reports_dir(tmp_path) == Path("reports")


def test_the_installed_package_is_never_a_workspace() -> None:
    """Started inside the package (whose bundle holds engagements/), the search passes over it."""
    found = find_workspace(PACKAGE / "checks")
    assert found is None or PACKAGE not in (found.root, *found.root.parents)
    with pytest.raises(ConfigError, match="inside the installed smtoolkit package"):
        init_workspace(PACKAGE / "scratch")
    assert not (PACKAGE / "scratch").exists()


def test_init_creates_the_workspace_and_keeps_what_is_there(tmp_path: Path) -> None:
    """`init_workspace` writes firm file, engagements/, .gitignore and README; a second run overwrites nothing."""
    folder = tmp_path / "clients"
    report = init_workspace(folder)
    names = {p.name for p in report.created}
    assert names == {"engagements", FIRM_FILE, ".gitignore", "README.md"} and report.kept == []
    ignored = (folder / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {"reports/", ".history/", ".engagement.lock"} <= set(ignored)
    firm = folder / FIRM_FILE
    firm.write_text('[firm]\nname = "Nordlicht"\n', encoding="utf-8")
    again = init_workspace(folder)
    assert again.created == [] and {p.name for p in again.kept} == names
    assert firm.read_text(encoding="utf-8") == '[firm]\nname = "Nordlicht"\n'


def test_init_names_the_enclosing_workspace_and_refuses_a_file(tmp_path: Path) -> None:
    """A workspace made inside another one reports the outer one; a file in the way is refused."""
    init_workspace(tmp_path / "outer")
    report = init_workspace(tmp_path / "outer" / "team")
    assert report.enclosing is not None and report.enclosing.root == (tmp_path / "outer").resolve()
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError, match="is a file, not a folder"):
        init_workspace(tmp_path / "file")


def test_the_commented_firm_file_is_valid_and_each_example_is_valid_when_uncommented(tmp_path: Path) -> None:
    """The firm file of init loads as is (no defaults) and, with every example line uncommented, applies them."""
    init_workspace(tmp_path)
    firm_file = tmp_path / FIRM_FILE
    assert load_firm(firm_file).settings == {}
    text = firm_file.read_text(encoding="utf-8")
    examples = re.sub(r"^# (\[|[a-z_]+ = )", r"\1", text, flags=re.MULTILINE)
    examples = examples.replace('logo = "branding/logo.svg"', "").replace('template = "branding/report"', "")
    firm_file.write_text(examples, encoding="utf-8")
    firm = load_firm(firm_file)
    assert firm.settings["branding"] == {"firm_name": "Your Consulting GmbH", "primary_color": "#1f4e79"}
    assert firm.settings["language"] == "de" and firm.settings["weights"] == {"strategy": 2}
    assert firm.settings["bands"] == {"amber": 40, "green": 70}
    assert firm.checks == {"strategy": {"dormant_days": 90}}


def test_a_bare_engagement_name_resolves_in_the_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`acme` names engagements/acme of the workspace from any folder inside it."""
    init_workspace(tmp_path)
    folder = tmp_path / "engagements" / "acme"
    folder.mkdir()
    (folder / "engagement.yaml").write_text(MINIMAL, encoding="utf-8")
    elsewhere = tmp_path / "branding" / "report"
    elsewhere.mkdir(parents=True)
    monkeypatch.chdir(elsewhere)
    assert resolve_folder("acme") == folder.resolve()


@pytest.fixture
def bundled_demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A read-only copy of the demo, with the history, lock and cache a used checkout has, as the bundled demo."""
    import shutil

    source = tmp_path / "bundle" / "demo"
    shutil.copytree(ROOT / "engagements" / "demo", source)
    (source / ".history").mkdir()
    (source / ".history" / "engagement.20260101T000000.yaml").write_text("old", encoding="utf-8")
    (source / ".engagement.lock").write_text("", encoding="utf-8")
    for path in source.rglob("*"):
        if path.is_file():
            path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    monkeypatch.setattr(demo_module, "demo_dir", lambda: source)
    return source


def test_demo_is_copied_into_the_workspace_once(tmp_path: Path, bundled_demo: Path) -> None:
    """The first demo copies answers and data (no history or lock, files writable); later ones keep the copy."""
    init_workspace(tmp_path / "ws")
    place = prepare_demo(tmp_path / "ws" / "engagements")
    target = tmp_path / "ws" / "engagements" / "demo"
    assert place.copied and not place.temporary
    assert place.engagement == target.resolve() and place.reports == (tmp_path / "ws" / "reports").resolve()
    copied = sorted(p.relative_to(target).as_posix() for p in target.rglob("*"))
    expected = sorted(
        p.relative_to(bundled_demo).as_posix()
        for p in bundled_demo.rglob("*")
        if ".history" not in p.parts and p.name != ".engagement.lock"
    )
    assert copied == expected and "engagement.yaml" in copied
    assert all(p.stat().st_mode & stat.S_IWUSR for p in target.rglob("*"))
    assert [p.name for p in target.parent.iterdir()] == ["demo"]
    (target / "engagement.yaml").write_text(MINIMAL, encoding="utf-8")
    again = prepare_demo(tmp_path / "ws")
    assert not again.copied and (target / "engagement.yaml").read_text(encoding="utf-8") == MINIMAL


def test_demo_without_a_workspace_goes_to_a_new_temporary_folder(
    tmp_path: Path, bundled_demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside a workspace the demo is copied into a fresh temporary folder with its reports/ beside it."""
    empty = tmp_path / "empty"
    empty.mkdir()
    if find_workspace(empty) is not None:
        pytest.skip("the temporary folder lies inside a workspace on this machine")
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    place = prepare_demo(empty)
    assert place.temporary and place.copied
    assert temp.resolve() in place.engagement.parents
    assert (place.engagement / "engagement.yaml").is_file()
    assert place.reports == place.engagement.parent.parent / "reports"
    assert list(empty.iterdir()) == []


def test_a_demo_folder_that_is_not_an_engagement_is_left_alone(tmp_path: Path, bundled_demo: Path) -> None:
    """engagements/demo holding other files and no engagement.yaml is refused, not overwritten."""
    init_workspace(tmp_path)
    target = tmp_path / "engagements" / "demo"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"holds no engagement\.yaml"):
        prepare_demo(tmp_path)
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
