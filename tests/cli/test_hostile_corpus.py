"""The hostile-input corpus: every case through validate, inspect and build --only, with exit code and message.

The cases are listed in ``tests/data/hostile/cases.toml``; most are files there, a few
(pipes, links, files of many megabytes) are made at test time by :data:`GENERATORS`.
Engagement cases are built with ``--only monitoring`` in this process (they are refused
before any notebook runs); the data cases share one engagement (``shared``), built once
with ``--only monitoring`` in a subprocess, whose pages must list each unreadable file as
not read, by name, and carry no name of a pseudonymized author.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
import time
import tomllib
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from smtoolkit.cli import app
from tests.conftest import MINIMAL, ROOT

CORPUS = ROOT / "tests" / "data" / "hostile"
CASES: dict[str, dict[str, Any]] = tomllib.loads((CORPUS / "cases.toml").read_text(encoding="utf-8"))
#: The author names planted into the shared engagement's mentions (none may reach a deliverable).
PLANTED = ("Sabine", "Kraemer", "Jürgen", "Weiß", "klaus_wagner", "Zoltán", "Anna-Lena", "Strüßen")
MENTIONS = "date,text,source\n2026-02-02 09:00,Muster lobt die Pumpe,heise.de\n"
#: Seconds one case (validate, inspect and, for engagement cases, the refused build) may take.
CASE_SECONDS = 20


def _engagement(workspace: Path, name: str) -> Path:
    folder = workspace / name
    (folder / "data").mkdir(parents=True)
    (folder / "engagement.yaml").write_text(MINIMAL, encoding="utf-8")
    return folder


def _fifo_engagement(ws: Path) -> tuple[Path, Path]:
    folder = ws / "fifo-engagement"
    folder.mkdir()
    os.mkfifo(folder / "engagement.yaml")
    return folder, folder / "engagement.yaml"


def _folder_engagement(ws: Path) -> tuple[Path, Path]:
    folder = ws / "folder-engagement"
    (folder / "engagement.yaml").mkdir(parents=True)
    return folder, folder / "engagement.yaml"


def _huge_engagement(ws: Path) -> tuple[Path, Path]:
    folder = ws / "huge-engagement"
    folder.mkdir()
    (folder / "engagement.yaml").write_text(MINIMAL + "# padding\n" * 500_000, encoding="utf-8")
    return folder, folder / "engagement.yaml"


def _link_to_passwd(ws: Path) -> tuple[Path, Path]:
    folder = _engagement(ws, "link-to-passwd")
    (folder / "data" / "passwd.csv").symlink_to("/etc/passwd")
    return folder, folder / "data" / "passwd.csv"


def _link_to_other_client(ws: Path) -> tuple[Path, Path]:
    other = _engagement(ws, "other-client")
    (other / "data" / "mentions.csv").write_text(MENTIONS, encoding="utf-8")
    folder = _engagement(ws, "link-to-other-client")
    (folder / "data" / "theirs").symlink_to(other / "data", target_is_directory=True)
    return folder, folder / "data" / "theirs"


def _long_line(ws: Path) -> tuple[Path, Path]:
    path = ws / "shared" / "data" / "long-line.csv"
    path.write_bytes(b"date,text,source\n2026-02-02 09:00," + b"x" * (2 * 1024 * 1024) + b",x.example\n")
    return ws / "shared", path


def _pipe(ws: Path) -> tuple[Path, Path]:
    path = ws / "shared" / "data" / "pipe.csv"
    os.mkfifo(path)
    return ws / "shared", path


def _deep_folders(ws: Path) -> tuple[Path, Path]:
    deep = ws / "shared" / "data" / Path(*[f"d{i}" for i in range(40)])
    deep.mkdir(parents=True)
    (deep / "deep-mentions.csv").write_text(MENTIONS, encoding="utf-8")
    return ws / "shared", deep / "deep-mentions.csv"


def _link_inside(ws: Path) -> tuple[Path, Path]:
    (ws / "shared" / "exports").mkdir(exist_ok=True)
    (ws / "shared" / "exports" / "more.csv").write_text(MENTIONS, encoding="utf-8")
    link = ws / "shared" / "data" / "link-inside.csv"
    link.symlink_to(ws / "shared" / "exports" / "more.csv")
    return ws / "shared", link


def _workshop_video(ws: Path) -> tuple[Path, Path]:
    path = ws / "shared" / "workshop-video.mp4"
    with path.open("wb") as video:
        video.truncate(300 * 1024 * 1024)
    return ws / "shared", path


#: The cases made at test time (pipes, links, big files), by their name in cases.toml.
GENERATORS: dict[str, Callable[[Path], tuple[Path, Path]]] = {
    "fifo-engagement": _fifo_engagement,
    "folder-engagement": _folder_engagement,
    "huge-engagement": _huge_engagement,
    "link-to-passwd": _link_to_passwd,
    "link-to-other-client": _link_to_other_client,
    "data/long-line.csv": _long_line,
    "data/pipe.csv": _pipe,
    "data/deep/folders": _deep_folders,
    "data/link-inside.csv": _link_inside,
    "workshop-video": _workshop_video,
}


def _shares_build(case: dict[str, Any]) -> bool:
    """Data cases sit in the shared engagement and are checked against its one build."""
    return "not_read" in case or str(case.get("file", "")).startswith("shared/")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """A copy of the corpus with the generated cases made: case name -> (engagement folder, file)."""
    ws = tmp_path_factory.mktemp("hostile") / "engagements"
    shutil.copytree(CORPUS, ws)
    located: dict[str, tuple[Path, Path]] = {}
    for name, case in CASES.items():
        if "generate" in case:
            located[name] = GENERATORS[case["generate"]](ws)
        else:
            file = ws / case["file"]
            located[name] = (ws / case["file"].split("/", 1)[0], file)
    return located


@pytest.fixture(scope="module")
def shared_build(workspace: dict[str, tuple[Path, Path]]) -> tuple[subprocess.CompletedProcess[str], Path]:
    """`smtoolkit build shared --only monitoring` once, as a consultant runs it; (result, report folder)."""
    shared = workspace["data/notes.csv"][0]
    out = shared.parent.parent / "reports"
    command = [
        sys.executable,
        "-m",
        "smtoolkit",
        "build",
        str(shared),
        "--only",
        "monitoring",
        "--out",
        str(out),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=shared.parent.parent)
    return result, out / "shared"


def _invoke(*args: str) -> tuple[int, str]:
    """Run the CLI in this process; return exit code and both streams, asserting no traceback."""
    result = CliRunner().invoke(app, list(args))
    output = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert result.exception is None or isinstance(result.exception, SystemExit), output
    assert "Traceback" not in output
    return result.exit_code, " ".join(output.split())


def _deliverable_texts(report: Path) -> dict[str, str]:
    """Every text deliverable of a report folder, and the cells of its workbooks."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in report.glob("*.html")}
    for workbook in report.glob("*.xlsx"):
        with zipfile.ZipFile(workbook) as archive:
            texts[workbook.name] = " ".join(
                archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml")
            )
    return texts


def _params() -> list[Any]:
    return [
        pytest.param(name, id=name, marks=[pytest.mark.notebook] if _shares_build(case) else [])
        for name, case in CASES.items()
    ]


def test_the_corpus_has_at_least_forty_cases() -> None:
    """The corpus lists 40 or more cases, each with a description and three exit codes."""
    assert len(CASES) >= 40
    for name, case in CASES.items():
        assert case["what"] and {"validate", "inspect", "build"} <= case.keys(), name
        assert ("file" in case) != ("generate" in case), name


@pytest.mark.parametrize("name", _params())
def test_hostile_case(
    name: str, workspace: dict[str, tuple[Path, Path]], request: pytest.FixtureRequest
) -> None:
    """Exit codes as listed, a message naming the file, no traceback, within 20 s per case."""
    case = CASES[name]
    folder, file = workspace[name]
    started = time.monotonic()
    code, output = _invoke("validate", str(folder))
    assert code == case["validate"], output
    assert (file.name if code else f"ok: {folder.name}") in output
    code, output = _invoke("inspect", str(file))
    assert code == case["inspect"], output
    assert file.name in output
    if not _shares_build(case):
        out = folder.parent.parent / "reports"
        code, output = _invoke("build", str(folder), "--only", "monitoring", "--out", str(out))
        assert code == case["build"], output
        assert code == 0 or file.name in output or "engagement.yaml" in output
    assert time.monotonic() - started < CASE_SECONDS
    if not _shares_build(case):
        return
    result, report = request.getfixturevalue("shared_build")
    assert result.returncode == case["build"], result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    page = html.unescape((report / "06-monitoring.html").read_text(encoding="utf-8"))
    listed = f"Not read: {file.relative_to(folder).as_posix()}" in page
    assert listed == case.get("not_read", False), name
    if name == "data/mentions-with-planted-authors.csv":
        for deliverable, text in _deliverable_texts(report).items():
            folded = html.unescape(text).casefold()
            assert [n for n in PLANTED if n.casefold() in folded] == [], deliverable
            assert "<script>alert" not in text, deliverable
