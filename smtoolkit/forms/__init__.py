"""ipywidgets forms built from the check models, with validation and autosave."""

from smtoolkit.forms.autosave import Autosaver
from smtoolkit.forms.form import ModelForm
from smtoolkit.forms.numbers import parse_number

__all__ = ["Autosaver", "ModelForm", "parse_number"]
