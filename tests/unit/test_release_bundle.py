"""Only a zip the release wrote counts as the toolkit's: marked bundles and older bundles of the same shape."""

from __future__ import annotations

import zipfile
from pathlib import Path

from smtoolkit.build.release import write_bundle, written_by_toolkit


def test_marked_older_and_foreign_zips_are_told_apart(tmp_path: Path) -> None:
    """A written bundle and an unmarked `<slug>/index.html` bundle are ours; other archives and bytes are not."""
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "index.html").write_text("x", encoding="utf-8")
    bundle = tmp_path / "demo.zip"
    assert written_by_toolkit(write_bundle(bundle, tmp_path / "demo", ["index.html"]))
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("demo/index.html", "an earlier release")
    assert written_by_toolkit(bundle)
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("demo/index.html", "x")
        archive.writestr("holiday/photo.jpg", "x")
    assert not written_by_toolkit(bundle)
    bundle.write_bytes(b"the client's own file")
    assert not written_by_toolkit(bundle)
    assert not written_by_toolkit(tmp_path / "missing.zip")
