"""Firm settings: ``smtoolkit.toml`` above the engagements, layered under each engagement's values."""

from smtoolkit.firm.load import FIRM_FILE, Firm, find_firm_file, firm_for, load_firm
from smtoolkit.firm.merge import Source, overlay, source_of
from smtoolkit.firm.report import SettingRow, effective_settings, format_settings

__all__ = [
    "FIRM_FILE",
    "Firm",
    "SettingRow",
    "Source",
    "effective_settings",
    "find_firm_file",
    "firm_for",
    "format_settings",
    "load_firm",
    "overlay",
    "source_of",
]
