"""ipywidgets forms built from the check models, with validation and autosave."""

from smtoolkit.forms.autosave import Autosaver
from smtoolkit.forms.form import ModelForm

__all__ = ["Autosaver", "ModelForm"]
