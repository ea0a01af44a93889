"""The de and en catalogs are complete, consistent, and format numbers the local way."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from smtoolkit.catalogues import VOCABULARIES
from smtoolkit.checks.registry import registry
from smtoolkit.errors import ConfigError
from smtoolkit.formatting import fmt_date, fmt_decimal, fmt_hours, fmt_money, fmt_number, fmt_percent
from smtoolkit.i18n import catalog, placeholders, translate


def test_both_catalogs_have_the_same_keys() -> None:
    """Every text exists in German and in English."""
    assert set(catalog("de")) == set(catalog("en"))


def test_both_catalogs_use_the_same_placeholders() -> None:
    """A placeholder in one language is filled in the other too."""
    de, en = catalog("de"), catalog("en")
    mismatched = [k for k in de if placeholders(de[k]) != placeholders(en[k])]
    assert mismatched == []


def test_every_vocabulary_value_and_check_title_has_a_label() -> None:
    """Shared vocabularies and each registered check have labels in both languages."""
    for language in ("de", "en"):
        texts = catalog(language)
        for prefix, values in VOCABULARIES.items():
            assert {f"{prefix}.{v}" for v in values} <= set(texts)
        for spec in registry():
            assert spec.title(language).startswith(f"{spec.number:02d} ")
            assert f"check.{spec.slug}.intro" in texts


def test_every_catalog_key_used_in_the_code_exists(root: Path) -> None:
    """Literal keys passed to Message(...) or translate(...) in the package are in the catalog."""
    keys = set(catalog("de"))
    pattern = re.compile(r"""(?:Message|translate)\(\s*["']([a-z_]+(?:\.[a-z0-9_]+)+)["']""")
    missing = set()
    for path in (root / "smtoolkit").rglob("*.py"):
        for key in pattern.findall(path.read_text(encoding="utf-8")):
            if key not in keys:
                missing.add(f"{path.name}: {key}")
    assert missing == set()


def test_unknown_language_and_key_are_clear_errors() -> None:
    """Asking for French or a missing key names what is available."""
    with pytest.raises(ConfigError, match="expected one of: de, en"):
        catalog("fr")
    with pytest.raises(ConfigError, match=r"no text for 'nope\.nothing'"):
        translate("nope.nothing", "de")


@pytest.mark.parametrize(
    ("language", "money", "rounded", "number", "percent", "hours", "date", "decimal"),
    [
        ("de", "1.234,50\xa0€", "1.235\xa0€", "1.234,5", "34\xa0%", "12,5\xa0Std.", "26.11.2026", "1,5"),
        ("en", "€1,234.50", "€1,235", "1,234.5", "34%", "12.5\xa0h", "26 Nov 2026", "1.5"),
    ],
)
def test_numbers_money_and_dates_follow_the_language(
    language: str, money: str, rounded: str, number: str, percent: str, hours: str, date: str, decimal: str
) -> None:
    """German uses 1.234,50 € and 26.11.2026; English uses €1,234.50 and 26 Nov 2026."""
    assert fmt_money(1234.5, language) == money
    assert fmt_money(1234.5, language, cents=False) == rounded
    assert fmt_number(1234.5, language, digits=1) == number
    assert fmt_percent(0.34, language) == percent
    assert fmt_hours(12.5, language) == hours
    assert fmt_date(dt.date(2026, 11, 26), language) == date
    assert fmt_decimal(1.5, language) == decimal
