"""A form for any check model: one control per field, rows for lists, messages per field.

Widget traits hold the state; every change validates the whole model with pydantic. A
valid model is passed to ``on_valid`` (which recalculates and schedules the save); an
invalid field shows its message next to it and nothing is saved until it is fixed. An
exception in a callback is shown in the form's error area and never breaks the form.
"""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Callable
from typing import Any

import ipywidgets as w
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from smtoolkit.forms.values import field_kind, field_label, for_yaml, parse_number, term
from smtoolkit.i18n import translate

__all__ = ["ModelForm", "describe_error"]

ERROR_STYLE = "color:#c0392b;font-size:.9em"


def describe_error(error: Any, language: str) -> str:
    """A short localized message for one pydantic error, shown next to its field."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    for bound in ("ge", "gt", "le", "lt"):
        if bound in ctx:
            return translate(f"form.error.{bound}", language, limit=ctx[bound])
    if kind in {"float_parsing", "int_parsing", "float_type", "int_type", "int_from_float"}:
        return translate("form.error.number", language)
    if kind in {"missing", "string_too_short"}:
        return translate("form.error.missing", language)
    return translate("form.error.other", language, detail=error["msg"])


class _Control:
    """One field: its widget, its value and the place for its message."""

    def __init__(self, prefix: str, name: str, info: Any, value: Any, language: str, compact: bool) -> None:
        self.name = name
        self.kind, self.inner, self.optional = field_kind(info)
        self.language = language
        label = field_label(prefix, name, language)
        self.message = w.HTML("")
        layout = w.Layout(width="140px" if compact else "260px")
        self.widget: w.Widget
        if self.kind == "choice":
            options = [(term(prefix, name, self.inner, v, language), v) for v in self.inner]
            if self.optional:
                options.insert(0, ("–", None))
            self.widget = w.Dropdown(
                options=options,
                value=value if value in [o[1] for o in options] else options[0][1],
                layout=layout,
            )
        elif self.kind == "choices":
            options = [(term(prefix, name, self.inner, v, language), v) for v in self.inner]
            chosen = tuple(v for v in value or () if v in self.inner)
            self.widget = w.SelectMultiple(
                options=options, value=chosen, rows=min(6, len(options)), layout=layout
            )
        elif self.kind == "bool":
            self.widget = w.Checkbox(value=bool(value), indent=False, layout=w.Layout(width="auto"))
        elif self.kind in {"int", "float"}:
            shown = "" if value is None else _number_text(value, language)
            self.widget = w.Text(value=shown, layout=layout, continuous_update=False)
        elif self.kind == "date":
            self.widget = w.DatePicker(value=value, layout=layout)
        elif self.kind == "list":
            self.widget = w.Textarea(value="\n".join(str(v) for v in value or []), layout=layout)
        else:
            self.widget = w.Text(
                value="" if value is None else str(value), layout=layout, continuous_update=False
            )
        self.widget.description = "" if compact else label
        self.widget.style = {"description_width": "initial"} if not compact else {}
        if not compact:
            self.widget.layout.width = "620px"
            self.widget.style = {"description_width": "380px"}
        self.box = w.VBox([self.widget, self.message]) if compact else w.HBox([self.widget, self.message])

    def value(self) -> Any:
        raw = self.widget.value
        if self.kind in {"int", "float"}:
            number = parse_number(raw)
            if isinstance(number, float) and self.kind == "int" and number.is_integer():
                return int(number)
            return number
        if self.kind == "list":
            return [line.strip() for line in raw.splitlines() if line.strip()]
        if self.kind == "choices":
            return list(raw)
        if self.kind == "text" and self.optional and raw.strip() == "":
            return None
        if self.kind == "date" and raw is not None and not isinstance(raw, dt.date):
            return None
        return raw

    def show(self, message: str) -> None:
        self.message.value = f'<span style="{ERROR_STYLE}">{_escape(message)}</span>' if message else ""


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


def _number_text(value: float, language: str) -> str:
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text.replace(".", ",") if language == "de" else text


class _Rows:
    """A list of sub-models shown as rows with add and remove buttons."""

    def __init__(
        self,
        prefix: str,
        name: str,
        model: type[BaseModel],
        values: list[dict[str, Any] | BaseModel],
        language: str,
        changed: Callable[[], None],
    ) -> None:
        self.name = name
        self.prefix = prefix
        self.model = model
        self.language = language
        self.changed = changed
        self.rows: list[list[_Control]] = []
        self.container = w.VBox([])
        self.message = w.HTML("")
        header = w.HBox(
            [
                w.HTML(f"<b>{_escape(field_label(prefix, f, language))}</b>", layout=w.Layout(width="140px"))
                for f in model.model_fields
            ]
        )
        add = w.Button(description=translate("form.add_row", language), icon="plus")
        add.on_click(lambda _b: self._add(model().model_dump(mode="python")))
        self.box = w.VBox(
            [
                w.HTML(f"<b>{_escape(field_label(prefix, name, language))}</b>"),
                header,
                self.container,
                self.message,
                add,
            ]
        )
        for value in values:
            row = value.model_dump(mode="python") if isinstance(value, BaseModel) else value
            self._add(row, notify=False)

    def _add(self, value: dict[str, Any], *, notify: bool = True) -> None:
        controls = [
            _Control(self.prefix, f, info, value.get(f, info.default), self.language, compact=True)
            for f, info in self.model.model_fields.items()
        ]
        for control in controls:
            control.widget.observe(lambda _c: self.changed(), names="value")
        remove = w.Button(
            icon="trash", tooltip=translate("form.remove_row", self.language), layout=w.Layout(width="40px")
        )
        self.rows.append(controls)
        row_box = w.HBox([*[c.box for c in controls], remove])
        remove.on_click(lambda _b: self._remove(controls, row_box))
        self.container.children = (*self.container.children, row_box)
        if notify:
            self.changed()

    def _remove(self, controls: list[_Control], box: w.HBox) -> None:
        self.rows.remove(controls)
        self.container.children = tuple(c for c in self.container.children if c is not box)
        self.changed()

    def value(self) -> list[dict[str, Any]]:
        return [{c.name: c.value() for c in row} for row in self.rows]

    def clear(self) -> None:
        self.message.value = ""
        for row in self.rows:
            for control in row:
                control.show("")

    def show(self, loc: tuple[Any, ...], message: str) -> None:
        if len(loc) >= 2 and isinstance(loc[0], int) and loc[0] < len(self.rows):
            for control in self.rows[loc[0]]:
                if control.name == loc[1]:
                    control.show(message)
                    return
        self.message.value = f'<span style="{ERROR_STYLE}">{_escape(message)}</span>'


class ModelForm:
    """The form of one check section; ``widget`` is what the notebook displays."""

    def __init__(
        self,
        model: type[BaseModel],
        data: dict[str, Any] | None,
        *,
        prefix: str,
        language: str,
        on_valid: Callable[[BaseModel], None],
    ) -> None:
        self.model = model
        self.language = language
        self.on_valid = on_valid
        self.errors = w.Output()
        initial = dict(data or {})
        self.controls: dict[str, _Control | _Rows] = {}
        for name, info in model.model_fields.items():
            kind, inner, _ = field_kind(info)
            current = initial.get(name, info.get_default(call_default_factory=True))
            if kind == "rows":
                self.controls[name] = _Rows(prefix, name, inner, list(current or []), language, self._changed)
            else:
                control = _Control(prefix, name, info, current, language, compact=False)
                control.widget.observe(lambda _c: self._changed(), names="value")
                self.controls[name] = control
        self.widget = w.VBox([c.box for c in self.controls.values()] + [self.errors])

    def raw(self) -> dict[str, Any]:
        """The values as typed, before validation."""
        return {name: control.value() for name, control in self.controls.items()}

    def validate(self) -> BaseModel | None:
        """Validate the current values, show messages next to the fields, return the model."""
        for control in self.controls.values():
            if isinstance(control, _Rows):
                control.clear()
            else:
                control.show("")
        try:
            return self.model.model_validate(self.raw())
        except PydanticValidationError as err:
            for error in err.errors():
                loc = error["loc"]
                target = self.controls.get(str(loc[0])) if loc else None
                message = describe_error(error, self.language)
                if isinstance(target, _Rows):
                    target.show(tuple(loc[1:]), message)
                elif target is not None:
                    target.show(message)
            return None

    def data(self, model: BaseModel) -> dict[str, Any]:
        """The section data to save for a valid model."""
        result: dict[str, Any] = for_yaml(model.model_dump(mode="python"))
        return result

    def _changed(self) -> None:
        try:
            model = self.validate()
            if model is not None:
                self.on_valid(model)
        except Exception:
            with self.errors:
                print(traceback.format_exc(limit=3))
