"""What the notebooks call: open a check for an engagement and show its page.

A notebook cell is one line, e.g. ``page.summary()``. In a live JupyterLab session the
answers appear as a form that saves itself and every result area updates as the client
types; in a batch run (papermill, ``smtoolkit build``) the answers appear as tables.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from smtoolkit import yamlio
from smtoolkit.checks.base import Result
from smtoolkit.checks.registry import Block, CheckSpec, get
from smtoolkit.engagement import ENGAGEMENT_FILE, Engagement, load_engagement
from smtoolkit.errors import SmToolkitError
from smtoolkit.formatting import fmt_date, fmt_decimal
from smtoolkit.forms.values import field_kind, field_label, term
from smtoolkit.i18n import LANGUAGES, translate
from smtoolkit.limits import limits_for
from smtoolkit.present.html import (
    STYLE,
    criteria_table,
    findings_list,
    heading,
    paragraph,
    recommendations_table,
    score_card,
    table,
)

__all__ = ["CheckPage", "answers_blocks", "engagements_beside", "is_live", "open_check", "page_inputs"]

MODE_ENV = "SMTOOLKIT_MODE"
#: Set by ``smtoolkit lab ENGAGEMENT``: the engagement a live session opens.
ENGAGEMENT_ENV = "SMTOOLKIT_ENGAGEMENT"


def is_live() -> bool:
    """True in an interactive JupyterLab session, False under papermill or the build.

    JupyterLab's server names the notebook of each kernel in ``JPY_SESSION_NAME``; a batch
    run has no such session. ``SMTOOLKIT_MODE=live|batch`` overrides the detection.
    """
    forced = os.environ.get(MODE_ENV, "").lower()
    if forced in {"live", "batch"}:
        return forced == "live"
    return bool(os.environ.get("JPY_SESSION_NAME"))


def _show(blocks: Sequence[Block]) -> None:
    from IPython.display import HTML, Image, display

    for block in blocks:
        output = Image(data=block, format="png") if isinstance(block, bytes) else HTML(block)  # type: ignore[no-untyped-call]
        display(output)  # type: ignore[no-untyped-call]


def _format_value(prefix: str, name: str, info: Any, value: Any, language: str) -> str:
    kind, inner, _ = field_kind(info)
    if value is None or value == "":
        return "–"
    if kind == "choice":
        return term(prefix, name, inner, value, language)
    if kind == "choices":
        return ", ".join(term(prefix, name, inner, v, language) for v in value) or "–"
    if kind == "bool":
        return translate("common.yes" if value else "common.no", language)
    if kind in {"int", "float"}:
        return fmt_decimal(value, language)
    if kind == "date":
        return fmt_date(value, language)
    if kind == "list":
        return ", ".join(str(v) for v in value)
    return str(value)


def answers_blocks(prefix: str, answers: BaseModel, language: str) -> list[Block]:
    """The answers of a section as tables: one for single fields, one per list of rows."""
    singles: list[tuple[str, str]] = []
    blocks: list[Block] = []
    for name, info in type(answers).model_fields.items():
        kind, inner, _ = field_kind(info)
        value = getattr(answers, name)
        if kind == "rows":
            sub_fields = list(inner.model_fields)
            headers = [field_label(prefix, f, language) for f in sub_fields]
            rows = [
                [
                    _format_value(prefix, f, inner.model_fields[f], getattr(item, f), language)
                    for f in sub_fields
                ]
                for item in value
            ]
            blocks.append(paragraph(field_label(prefix, name, language)))
            if rows:
                numeric = [
                    i
                    for i, f in enumerate(sub_fields)
                    if field_kind(inner.model_fields[f])[0] in {"int", "float"}
                ]
                blocks.append(table(headers, rows, numeric=numeric))
            else:
                blocks.append(paragraph(translate("common.none", language), muted=True))
        elif kind != "model":
            singles.append(
                (field_label(prefix, name, language), _format_value(prefix, name, info, value, language))
            )
    headers = [translate("common.question", language), translate("common.answer", language)]
    return [table(headers, singles, numeric=(1,)), *blocks]


class CheckPage:
    """One check's page for one engagement, live or batch."""

    def __init__(self, spec: CheckSpec, engagement: Engagement, language: str, live: bool) -> None:
        self.spec = spec
        self.engagement = engagement
        self.language = language
        self.live = live
        self.answers_model = engagement.section(spec.slug)
        self.result: Result = spec.analyse(self.answers_model, engagement)
        self._areas: list[tuple[Any, Callable[[], list[Block]]]] = []
        self.form: Any = None
        self.saver: Any = None

    def t(self, key: str, **params: Any) -> str:
        """Translate ``key`` in the page language."""
        return translate(key, self.language, **params)

    def header(self) -> None:
        """The page title, the client, and what this check is about."""

        def blocks() -> list[Block]:
            color = self.engagement.settings.branding.primary_color
            return [
                STYLE.replace("<style>", f"<style>:root{{--smt-primary:{color}}}"),
                f'<h1 class="smt-title">{escape(self.spec.title(self.language))}</h1>',
                paragraph(self.t("page.for_client", client=self.engagement.client.name), muted=True),
                paragraph(self.t(f"check.{self.spec.slug}.intro")),
            ]

        self._area(blocks)

    def summary(self) -> None:
        """Score, traffic light and findings."""
        self._area(
            lambda: [
                heading(self.t("page.section.summary"), f"{self.spec.slug}.summary"),
                score_card(self.result, self.language),
                findings_list(self.result, self.language),
            ]
        )

    def answers(self) -> None:
        """The client's answers: a form in a live session, tables in a batch run."""
        _show([heading(self.t("page.section.answers"), f"{self.spec.slug}.answers")])
        if not self.live:
            _show(answers_blocks(self.spec.slug, self.answers_model, self.language))
            return
        from IPython.display import display

        self._build_form()
        display(self.form_widget)  # type: ignore[no-untyped-call]
        if self.spec.live_extra is not None:
            display(self.spec.live_extra(self))  # type: ignore[no-untyped-call]

    def details(self) -> None:
        """The check's own tables and charts."""
        self._area(lambda: self.spec.render(self.result, self.language))

    def scoring(self) -> None:
        """How the score was reached, and the recommended actions."""
        self._area(
            lambda: [
                heading(self.t("page.section.scoring"), f"{self.spec.slug}.scoring"),
                criteria_table(self.result.criteria, self.language),
                heading(self.t("page.section.recommendations"), f"{self.spec.slug}.recommendations"),
                recommendations_table(self.result.recommendations, self.language),
            ]
        )

    def _area(self, blocks: Callable[[], list[Block]]) -> None:
        if not self.live:
            _show(blocks())
            return
        import ipywidgets as w
        from IPython.display import display

        out = w.Output()
        self._areas.append((out, blocks))
        self._render(out, blocks)
        display(out)  # type: ignore[no-untyped-call]

    def _render(self, out: Any, blocks: Callable[[], list[Block]]) -> None:
        out.clear_output(wait=True)
        with out:
            try:
                _show(blocks())
            except Exception:
                print(traceback.format_exc(limit=3))

    def update(self, answers: BaseModel) -> None:
        """Recalculate with new answers and refresh every result area."""
        self.answers_model = answers
        self.result = self.spec.analyse(answers, self.engagement)
        for out, blocks in self._areas:
            self._render(out, blocks)

    def _build_form(self) -> None:
        import ipywidgets as w

        self.status = w.HTML()
        others = engagements_beside(self.engagement.folder)
        self.picker = w.Dropdown(
            options=[(f"{name} ({folder.name})", str(folder)) for folder, name in others],
            value=str(self.engagement.folder),
            description=self.t("form.client"),
            style={"description_width": "initial"},
            layout=w.Layout(width="520px"),
        )
        self.picker.observe(lambda change: self._guard(lambda: self.switch(change["new"])), names="value")
        undo = w.Button(description=self.t("form.undo"), icon="undo", layout=w.Layout(width="auto"))
        undo.on_click(lambda _button: self._guard(self.undo))
        self.form_box = w.VBox([])
        self.form_widget = w.VBox([w.HBox([self.picker, undo]), self.status, self.form_box])
        self._mount_form()

    def show_status(self, state: str, text: str = "") -> None:
        """Show the save state (loaded, saving, saved, error) above the form."""
        label = self.t(f"form.status.{state}", detail=text)
        color = {"loaded": "#5b6570", "saved": "#1e8449", "saving": "#5b6570", "error": "#c0392b"}[state]
        self.status.value = f'<span style="color:{color}">{escape(label)}</span>'

    def _guard(self, action: Callable[[], None]) -> None:
        """Run a button or picker action; a failure is shown as status, the form stays usable."""
        try:
            action()
        except SmToolkitError as err:
            self.show_status("error", str(err))
        except Exception as err:  # never break the form in front of a client
            self.show_status("error", f"{type(err).__name__}: {err}")

    def _mount_form(self) -> None:
        """Create the autosaver and the form for the current engagement's section.

        The form shows the section layered over the firm file's defaults; a save writes only
        the engagement's own values, so firm defaults never end up in ``engagement.yaml``.
        """
        from smtoolkit.forms import Autosaver, ModelForm

        self.saver = Autosaver(self.engagement.folder, self.spec.slug, status=self.show_status)
        shown = self.engagement.layered(self.spec.slug)

        def on_valid(model: BaseModel) -> None:
            self.update(model)
            self.saver.schedule(self.engagement.own_values(self.spec.slug, self.form.data(model)))

        self.form = ModelForm(
            self.spec.model, shown, prefix=self.spec.slug, language=self.language, on_valid=on_valid
        )
        self.form_box.children = (self.form.widget,)
        self.show_status("loaded")

    def _reload(self, folder: Path) -> None:
        """Load ``folder`` again and show its answers in the form and every result area."""
        self.engagement = load_engagement(folder)
        self.answers_model = self.engagement.section(self.spec.slug)
        self._mount_form()
        self.update(self.answers_model)

    def switch(self, folder: str) -> None:
        """Open another client's engagement in this notebook, after saving pending changes."""
        if self.saver is not None:
            self.saver.flush()
        self._reload(Path(folder))

    def undo(self) -> None:
        """Restore the previous saved version of this section from ``.history/``."""
        from smtoolkit.store import previous_section, read_section, save_section

        self.saver.flush()
        previous = previous_section(self.engagement.folder, self.spec.slug)
        if previous is None:
            self.show_status("error", self.t("form.nothing_to_undo"))
            return
        data, _version = previous
        current = read_section(self.engagement.folder, self.spec.slug)
        save_section(self.engagement.folder, self.spec.slug, data, expected=current)
        self._reload(self.engagement.folder)
        self.show_status("saved", self.t("form.restored"))


def engagements_beside(folder: Path) -> list[tuple[Path, str]]:
    """The engagements in the same parent folder as ``folder``: (folder, client name), by name."""
    found = []
    for candidate in sorted(folder.parent.iterdir()):
        path = candidate / ENGAGEMENT_FILE
        if not path.is_file():
            continue
        try:
            limits = limits_for(candidate)
            name = str(
                yamlio.to_plain(yamlio.load(yamlio.read_text(path, limits), str(path), limits))
                .get("client", {})
                .get("name")
            )
        except (SmToolkitError, OSError, AttributeError):
            name = candidate.name
        found.append((candidate.resolve(), name))
    if folder.resolve() not in [f for f, _ in found]:
        found.insert(0, (folder.resolve(), folder.name))
    return found


def page_inputs(engagement: str, language: str | None) -> tuple[Engagement, str, bool]:
    """The engagement, language and live mode a notebook page opens with.

    In a live session ``SMTOOLKIT_ENGAGEMENT`` (set by ``smtoolkit lab``) replaces the
    notebook's default engagement; ``language`` ``None`` or ``""`` means the engagement's own.
    """
    live = is_live()
    if live and os.environ.get(ENGAGEMENT_ENV):
        engagement = os.environ[ENGAGEMENT_ENV]
    loaded = load_engagement(engagement)
    lang = language or loaded.settings.language
    if lang not in LANGUAGES:
        from smtoolkit.errors import ConfigError

        raise ConfigError(f"language {lang!r} is not available; expected one of: {', '.join(LANGUAGES)}")
    return loaded, lang, live


def open_check(check: str | int, engagement: str, language: str | None = None) -> CheckPage:
    """Load ``engagement`` and return the page of ``check`` in ``language``.

    ``language`` ``None`` or ``""`` means the engagement's own ``settings.language``.
    """
    spec = get(check)
    loaded, lang, live = page_inputs(engagement, language)
    return CheckPage(spec, loaded, lang, live)
