"""A Dask job carries what the pages read: no stray video, links resolved, a size cap with a message."""

from __future__ import annotations

import io
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest

from smtoolkit.build.transport import engagement_files, pack
from smtoolkit.errors import BuildError
from tests.conftest import MINIMAL

MENTIONS = "date,text,source\n2026-03-02 09:00,Muster lobt die Pumpe,heise.de\n"


@pytest.fixture
def folder(make_engagement: Callable[..., Path]) -> Path:
    """An engagement with an export, a logo in assets/, a key, an override notebook and a 300 MB video."""
    text = MINIMAL.replace(
        'firm_name: "Test Consulting"', 'firm_name: "Test Consulting"\n    logo: "assets/logo.svg"'
    )
    folder = make_engagement("muster", text)
    (folder / "data").mkdir()
    (folder / "data" / "mentions.csv").write_text(MENTIONS, encoding="utf-8")
    (folder / "data" / "~$mentions.csv").write_text("lock", encoding="utf-8")
    (folder / "assets").mkdir()
    (folder / "assets" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (folder / "assets" / "brand-guide.pdf").write_bytes(b"%PDF")
    (folder / ".pseudonym-key").write_text("ab" * 32, encoding="ascii")
    (folder / "notebooks").mkdir()
    (folder / "notebooks" / "04_effort.ipynb").write_text("{}", encoding="utf-8")
    with (folder / "data" / "workshop-video.mp4").open("wb") as video:
        video.truncate(300 * 1024 * 1024)  # sparse: 300 MB on paper, nothing written
    return folder


def _names(bundle: bytes) -> list[str]:
    with tarfile.open(fileobj=io.BytesIO(bundle), mode="r:gz") as tar:
        return sorted(tar.getnames())


def test_the_bundle_holds_only_what_the_pages_read(folder: Path) -> None:
    """engagement.yaml, the key, the export, the logo and the notebook; no video, no PDF, no lock file."""
    bundle = pack(folder, [])
    assert _names(bundle) == [
        "engagement/.pseudonym-key",
        "engagement/assets/logo.svg",
        "engagement/data/mentions.csv",
        "engagement/engagement.yaml",
        "engagement/notebooks/04_effort.ipynb",
    ]
    assert len(bundle) < 64 * 1024


def test_a_link_inside_travels_as_its_file_and_a_link_outside_stays_home(
    folder: Path, tmp_path: Path
) -> None:
    """A link to another file of the engagement is shipped as a file; one to a foreign folder is not shipped."""
    (folder / "exports").mkdir()
    (folder / "exports" / "more.csv").write_text(MENTIONS, encoding="utf-8")
    (folder / "data" / "more.csv").symlink_to(folder / "exports" / "more.csv")
    (tmp_path / "secret.csv").write_text(MENTIONS, encoding="utf-8")
    (folder / "data" / "theirs.csv").symlink_to(tmp_path / "secret.csv")
    assert folder / "data" / "theirs.csv" not in engagement_files(folder)
    with tarfile.open(fileobj=io.BytesIO(pack(folder, [])), mode="r:gz") as tar:
        member = tar.getmember("engagement/data/more.csv")
        assert member.isfile() and "engagement/data/theirs.csv" not in tar.getnames()


def test_a_bundle_beyond_the_cap_is_refused_with_the_limit(folder: Path) -> None:
    """With `[limits] bundle_bytes = 500` above the engagement, packing names the engagement and the limit."""
    (folder.parent / "smtoolkit.toml").write_text("[limits]\nbundle_bytes = 500\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"^muster: .*bundle_bytes"):
        pack(folder, [])
