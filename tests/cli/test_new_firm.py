"""`smtoolkit new` under a firm file: the new engagement follows the firm's language unless --lang says otherwise."""

from __future__ import annotations

from pathlib import Path

from smtoolkit.engagement import load_engagement
from smtoolkit.firm import FIRM_FILE
from tests.cli.test_cli import assert_no_traceback, run


def test_new_without_lang_takes_the_firm_language(tmp_path: Path) -> None:
    """`new` without --lang leaves the language empty so the firm's en applies; --lang de is kept."""
    (tmp_path / FIRM_FILE).write_text('[settings]\nlanguage = "en"\n', encoding="utf-8")
    root = tmp_path / "engagements"
    result = run("new", "acme", "--name", "Acme GmbH", "--root", str(root))
    assert result.returncode == 0, result.stderr
    assert load_engagement(root / "acme").settings.language == "en"
    result = run("new", "own", "--name", "Own GmbH", "--root", str(root), "--lang", "de")
    assert result.returncode == 0, result.stderr
    assert load_engagement(root / "own").settings.language == "de"


def test_new_with_an_unknown_lang_is_refused(tmp_path: Path) -> None:
    """`new --lang fr` exits 2 naming the languages, creates nothing and prints no traceback."""
    result = run("new", "acme", "--name", "Acme GmbH", "--root", str(tmp_path), "--lang", "fr")
    assert result.returncode == 2
    assert "'fr' is not available; expected one of de, en" in result.stderr
    assert not (tmp_path / "acme").exists()
    assert_no_traceback(result)
