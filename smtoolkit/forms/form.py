"""A form for any check model: one control per field, rows for lists, messages per field.

Every change reads each field on its own: numbers with :func:`parse_number` in the form's
language, dates in its notation. A field that cannot be read, or that the model refuses,
shows its message next to it and keeps its last valid value in the model; every other
field's change goes through. So an invalid field blocks only itself: ``on_valid`` receives
the model with all valid edits, and :attr:`ModelForm.problems` names what was held back
and why. An exception in a callback is shown in the form's error area and never breaks it.

The fields are grouped into sections (see :mod:`smtoolkit.forms.layout`): the client's
questions, one section per list of rows, and the expert settings in a collapsed
"Erweitert/Advanced" section.
"""

from __future__ import annotations

import datetime as dt
import threading
import traceback
from collections.abc import Callable
from decimal import Decimal
from html import escape
from typing import Any

import ipywidgets as w
import traitlets
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from smtoolkit.forms.dates import format_date, parse_date
from smtoolkit.forms.layout import sections
from smtoolkit.forms.numbers import format_number, parse_number, parse_whole_number
from smtoolkit.forms.values import field_kind, field_label, for_yaml, term
from smtoolkit.i18n import translate

__all__ = ["ChoiceGrid", "ModelForm", "describe_error"]

ERROR_STYLE = "color:#c0392b;font-size:.9em"
#: Text fields whose content is longer than this many characters get a text area.
LONG_TEXT = 80


def describe_error(error: Any, language: str, kind: str = "") -> str:
    """A short localized message for one pydantic error, shown next to its field."""
    err_type = error["type"]
    ctx = error.get("ctx") or {}
    for bound in ("ge", "gt", "le", "lt"):
        if bound in ctx:
            limit = ctx[bound]
            shown = format_number(limit, language) if isinstance(limit, int | float | Decimal) else limit
            return translate(f"form.error.{bound}", language, limit=shown)
    if err_type in {"int_from_float", "int_parsing", "int_type"} or kind == "int":
        return translate("form.error.whole", language)
    if err_type in {"float_parsing", "float_type"}:
        return translate("form.error.number", language)
    if err_type in {"missing", "string_too_short"}:
        return translate("form.error.missing", language)
    if err_type == "string_too_long":
        return translate("form.error.too_long", language, limit=ctx.get("max_length", ""))
    return translate("form.error.other", language, detail=error["msg"])


def _upper_bound(info: Any) -> float | None:
    for item in getattr(info, "metadata", ()):
        for attr in ("le", "lt"):
            bound = getattr(item, attr, None)
            if isinstance(bound, int | float):
                return float(bound)
    return None


class ChoiceGrid(w.GridBox):  # type: ignore[misc]
    """Several choices as labelled checkboxes in columns (no Ctrl-click); ``value`` is a tuple.

    Each label wraps instead of being cut off, so long options stay readable on a projector.
    """

    value = traitlets.Tuple()

    def __init__(self, options: list[tuple[str, Any]], value: tuple[Any, ...]) -> None:
        self.options = list(options)
        self._boxes = [
            w.Checkbox(value=v in value, indent=False, layout=w.Layout(width="22px", margin="2px 6px 0 0"))
            for _label, v in options
        ]
        cells = [
            w.HBox(
                [
                    box,
                    w.HTML(
                        f'<span class="smt-choice">{escape(label)}</span>', layout=w.Layout(min_width="0")
                    ),
                ],
                layout=w.Layout(align_items="flex-start", min_width="0"),
            )
            for (label, _v), box in zip(options, self._boxes, strict=True)
        ]
        super().__init__(
            cells,
            layout=w.Layout(
                grid_template_columns="repeat(auto-fill, minmax(250px, 1fr))",
                grid_gap="2px 12px",
                width="100%",
            ),
        )
        self.value = tuple(v for _, v in options if v in value)
        for box in self._boxes:
            box.observe(self._from_boxes, names="value")
        self.observe(self._to_boxes, names="value")

    def _from_boxes(self, _change: Any) -> None:
        chosen = tuple(v for (_, v), box in zip(self.options, self._boxes, strict=True) if box.value)
        if chosen != self.value:
            self.value = chosen

    def _to_boxes(self, change: Any) -> None:
        for (_, v), box in zip(self.options, self._boxes, strict=True):
            if box.value != (v in change["new"]):
                box.value = v in change["new"]


class _Control:
    """One field: its widget, its value and the place for its message."""

    def __init__(self, prefix: str, name: str, info: Any, value: Any, language: str, compact: bool) -> None:
        self.name = name
        self.kind, self.inner, self.optional = field_kind(info)
        self.language = language
        self.label = field_label(prefix, name, language)
        self.fraction = _upper_bound(info) == 1.0
        self.message = w.HTML("")
        fill = w.Layout(width="100%")
        self.widget: w.Widget
        if self.kind == "choice":
            options = [(term(prefix, name, self.inner, v, language), v) for v in self.inner]
            if self.optional:
                options.insert(0, ("–", None))
            self.widget = w.Dropdown(
                options=options,
                value=value if value in [o[1] for o in options] else options[0][1],
                layout=fill,
            )
        elif self.kind == "choices":
            options = [(term(prefix, name, self.inner, v, language), v) for v in self.inner]
            self.widget = ChoiceGrid(options, tuple(v for v in value or () if v in self.inner))
        elif self.kind == "bool":
            self.widget = w.Checkbox(value=bool(value), indent=False, layout=w.Layout(width="auto"))
        elif self.kind in {"int", "float"}:
            shown = "" if value is None else format_number(value, language)
            self.widget = w.Text(value=shown, layout=fill, continuous_update=False)
        elif self.kind == "date":
            shown = format_date(value, language) if isinstance(value, dt.date) else ""
            self.widget = w.Text(
                value=shown,
                placeholder=format_date(dt.date(2026, 3, 31), language),
                layout=fill,
                continuous_update=False,
            )
        elif self.kind == "list":
            self.widget = w.TagsInput(
                value=[str(v) for v in value or []], allow_duplicates=False, layout=fill
            )
        else:
            text = "" if value is None else str(value)
            limit = next((m.max_length for m in info.metadata if hasattr(m, "max_length")), None)
            if (limit or 0) > LONG_TEXT or len(text) > LONG_TEXT or "\n" in text:
                self.widget = w.Textarea(value=text, layout=w.Layout(width="100%", height="4.5em"))
                self.widget.continuous_update = False
            else:
                self.widget = w.Text(value=text, layout=fill, continuous_update=False)
        # the value shown for the loaded data reads back as that data, never re-parsed
        self._loaded = (self.widget.value, value)
        if compact:
            self.box = w.VBox([self.widget, self.message], layout=w.Layout(min_width="0"))
        else:
            label = w.HTML(
                f'<span class="smt-label">{escape(self.label)}</span>', layout=w.Layout(width="36%")
            )
            body = w.VBox([self.widget, self.message], layout=w.Layout(width="60%", padding="0 8px 0 0"))
            self.box = w.HBox([label, body], layout=w.Layout(width="100%", align_items="flex-start"))
            self.box.add_class("smt-field")

    def value(self) -> Any:
        """The field's value as typed; raises ValueError with the user-facing message."""
        raw = self.widget.value
        if raw == self._loaded[0] and self.kind in {"int", "float", "date"}:
            return self._loaded[1]
        if self.kind in {"int", "float"}:
            if raw.strip() == "":
                if self.optional:
                    return None
                raise ValueError(translate("form.number.empty", self.language))
            if self.kind == "int":
                return parse_whole_number(raw, self.language)
            number = parse_number(raw, self.language)
            if self.fraction and "%" in raw:
                number = number / 100
            return float(number)
        if self.kind == "date":
            if raw.strip() == "":
                return None
            return parse_date(raw, self.language)
        if self.kind == "list":
            return [str(v).strip() for v in raw if str(v).strip()]
        if self.kind == "choices":
            return list(raw)
        if self.kind == "text" and self.optional and raw.strip() == "":
            return None
        return raw

    def show(self, message: str) -> None:
        self.message.value = f'<span style="{ERROR_STYLE}">{escape(message)}</span>' if message else ""

    def text(self) -> str:
        """The field as the form shows it (labels for choices), for re-entry after a reload."""
        raw = self.widget.value
        if self.kind == "choice":
            return str(self.widget.label or "–")
        if self.kind == "choices":
            return ", ".join(label for label, v in self.widget.options if v in raw)
        if self.kind == "bool":
            return translate("common.yes" if raw else "common.no", self.language)
        if self.kind == "list":
            return ", ".join(str(v) for v in raw)
        return str(raw)


class _Rows:
    """A list of sub-models shown as a grid of rows with add and remove buttons."""

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
        self.label = field_label(prefix, name, language)
        self.rows: list[list[_Control]] = []
        self._removes: list[w.Button] = []
        columns = len(model.model_fields)
        self.grid = w.GridBox(
            [],
            layout=w.Layout(
                grid_template_columns=f"repeat({columns}, minmax(0, 1fr)) 44px",
                grid_gap="4px 8px",
                width="100%",
            ),
        )
        self.header = [
            w.HTML(f"<b>{escape(field_label(prefix, f, language))}</b>", layout=w.Layout(min_width="0"))
            for f in model.model_fields
        ]
        self.message = w.HTML("")
        add = w.Button(description=translate("form.add_row", language), icon="plus")
        add.on_click(lambda _b: self._add(model().model_dump(mode="python")))
        self.box = w.VBox([self.grid, self.message, add], layout=w.Layout(width="100%"))
        for value in values:
            row = value.model_dump(mode="python") if isinstance(value, BaseModel) else value
            self._add(row, notify=False)
        self._layout()

    def _layout(self) -> None:
        cells: list[w.Widget] = [*self.header, w.HTML("")]
        for controls, remove in zip(self.rows, self._removes, strict=True):
            cells += [c.box for c in controls] + [remove]
        self.grid.children = tuple(cells)

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
        remove.on_click(lambda _b: self._remove(controls))
        self.rows.append(controls)
        self._removes.append(remove)
        if notify:
            self._layout()
            self.changed()

    def _remove(self, controls: list[_Control], _box: Any = None) -> None:
        index = self.rows.index(controls)
        del self.rows[index]
        del self._removes[index]
        self._layout()
        self.changed()

    def value(self) -> list[dict[str, Any]]:
        """The rows as typed; a cell that cannot be read shows its message and raises ValueError."""
        result = []
        failure: str | None = None
        for number, row in enumerate(self.rows, start=1):
            item = {}
            for control in row:
                try:
                    item[control.name] = control.value()
                except ValueError as err:
                    control.show(str(err))
                    failure = failure or translate(
                        "form.row_problem", self.language, row=number, field=control.label, detail=str(err)
                    )
            result.append(item)
        if failure is not None:
            raise ValueError(failure)
        return result

    def clear(self) -> None:
        self.message.value = ""
        for row in self.rows:
            for control in row:
                control.show("")

    def show(self, loc: tuple[Any, ...], message: str) -> str:
        """Show ``message`` at the cell ``loc`` points at; return the text for the status."""
        if len(loc) >= 2 and isinstance(loc[0], int) and loc[0] < len(self.rows):
            for control in self.rows[loc[0]]:
                if control.name == loc[1]:
                    control.show(message)
                    return translate(
                        "form.row_problem", self.language, row=loc[0] + 1, field=control.label, detail=message
                    )
        self.message.value = f'<span style="{ERROR_STYLE}">{escape(message)}</span>'
        return message


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
        on_invalid: Callable[[], None] | None = None,
    ) -> None:
        self.model = model
        self.prefix = prefix
        self.language = language
        self.on_valid = on_valid
        self.on_invalid = on_invalid or (lambda: None)
        self.errors = w.Output()
        self.notice = w.HTML("")
        self._busy = threading.RLock()
        #: field name -> why its typed value is not in the model (and so not saved)
        self.problems: dict[str, str] = {}
        initial = dict(data or {})
        self.controls: dict[str, _Control | _Rows] = {}
        self.base: dict[str, Any] = {}
        for name, info in model.model_fields.items():
            kind, inner, _ = field_kind(info)
            current = initial.get(name, info.get_default(call_default_factory=True))
            if kind == "rows":
                self.controls[name] = _Rows(prefix, name, inner, list(current or []), language, self._changed)
                self.base[name] = [
                    v.model_dump(mode="python") if isinstance(v, BaseModel) else v for v in current or []
                ]
            else:
                control = _Control(prefix, name, info, current, language, compact=False)
                control.widget.observe(lambda _c: self._changed(), names="value")
                self.controls[name] = control
                self.base[name] = current
        self.sections = []
        for section in sections(prefix, model):
            if section.key in {"questions", "advanced"}:
                title = translate(f"form.section.{section.key}", language)
            else:
                title = field_label(prefix, section.key, language)
            body = w.VBox([self.controls[f].box for f in section.fields], layout=w.Layout(width="100%"))
            accordion = w.Accordion(children=[body], titles=(title,), layout=w.Layout(width="100%"))
            accordion.selected_index = None if section.advanced else 0
            accordion.add_class("smt-advanced" if section.advanced else "smt-section")
            self.sections.append(accordion)
        self.widget = w.VBox([*self.sections, self.notice, self.errors], layout=w.Layout(width="100%"))
        self.widget.add_class("smt-form")

    def label(self, name: str) -> str:
        """The label of field ``name`` as the form shows it."""
        control = self.controls[name]
        return control.label

    def typed(self) -> dict[str, str]:
        """Label -> each single-valued field changed since the form was built, as shown now."""
        return {
            c.label: c.text()
            for c in self.controls.values()
            if isinstance(c, _Control) and c.widget.value != c._loaded[0]
        }

    def raw(self) -> dict[str, Any]:
        """The values as typed, before validation (a field that cannot be read raises ValueError)."""
        return {name: control.value() for name, control in self.controls.items()}

    def validate(self) -> BaseModel | None:
        """Validate field by field, show messages next to the fields, return the model.

        The model holds every valid value; an unreadable or refused field keeps its last
        valid value and is listed in :attr:`problems`. ``None`` only when the model as a
        whole is refused (a rule across fields), with the message shown under the form.
        """
        self.notice.value = ""
        for control in self.controls.values():
            if isinstance(control, _Rows):
                control.clear()
            else:
                control.show("")
        problems: dict[str, str] = {}
        candidate: dict[str, Any] = {}
        for name, control in self.controls.items():
            try:
                candidate[name] = control.value()
            except ValueError as err:
                problems[name] = str(err)
                if isinstance(control, _Control):
                    control.show(str(err))
                candidate[name] = self.base.get(name)
        model: BaseModel | None = None
        for _attempt in range(len(self.controls) + 1):
            try:
                model = self.model.model_validate(candidate)
                break
            except PydanticValidationError as err:
                blamed = False
                for error in err.errors():
                    loc = error["loc"]
                    name = str(loc[0]) if loc else ""
                    target = self.controls.get(name)
                    if target is None:
                        self.notice.value = (
                            f'<span style="{ERROR_STYLE}">'
                            f"{escape(describe_error(error, self.language))}</span>"
                        )
                        continue
                    kind = "" if isinstance(target, _Rows) else target.kind
                    message = describe_error(error, self.language, kind)
                    if isinstance(target, _Rows):
                        message = target.show(tuple(loc[1:]), message)
                    else:
                        target.show(message)
                    if name not in problems:
                        problems[name] = message
                    if candidate.get(name) != self.base.get(name):
                        candidate[name] = self.base.get(name)
                        blamed = True
                if not blamed:
                    model = None
                    break
        self.problems = problems
        if model is not None:
            dumped = model.model_dump(mode="python")
            for name in self.controls:
                if name not in problems:
                    self.base[name] = dumped[name]
        return model

    def data(self, model: BaseModel) -> dict[str, Any]:
        """The section data to save for a valid model."""
        result: dict[str, Any] = for_yaml(model.model_dump(mode="python"))
        return result

    def _changed(self) -> None:
        with self._busy:  # widget events may arrive on several kernel threads at once
            self._handle_change()

    def _handle_change(self) -> None:
        try:
            model = self.validate()
            if model is not None:
                self.on_valid(model)
            else:
                self.on_invalid()
        except Exception:
            with self.errors:
                print(traceback.format_exc(limit=3))
