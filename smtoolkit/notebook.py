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

from smtoolkit.checks.base import Result
from smtoolkit.checks.registry import Block, CheckSpec, get
from smtoolkit.engagement import Engagement, load_engagement
from smtoolkit.errors import SmToolkitError
from smtoolkit.formatting import fmt_date, fmt_decimal
from smtoolkit.forms.values import field_kind, field_label, term
from smtoolkit.i18n import LANGUAGES, translate
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

__all__ = ["CheckPage", "answers_blocks", "is_live", "open_check", "page_inputs"]

MODE_ENV = "SMTOOLKIT_MODE"
#: ``0`` recalculates a live page in the foreground (tests, scripts).
BACKGROUND_ENV = "SMTOOLKIT_BACKGROUND"


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
        self.timeline: Any = None
        #: recalculate in a background thread after a save (off in scripts and tests)
        self.background = live and os.environ.get(BACKGROUND_ENV, "1") != "0"
        self._generation = 0
        self._job: tuple[int, BaseModel] | None = None
        self._worker: Any = None
        self._save_state = ("loaded", "")

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
        """Replace the area's outputs; safe from the recalculation thread (no output capture)."""
        try:
            out.outputs = tuple(_bundle(block) for block in blocks())
        except Exception:
            out.outputs = (
                {"output_type": "stream", "name": "stderr", "text": traceback.format_exc(limit=3)},
            )

    def update(self, answers: BaseModel) -> None:
        """Recalculate with new answers and refresh every result area, now."""
        self.answers_model = answers
        self.result = self.spec.analyse(answers, self.engagement)
        for out, blocks in self._areas:
            self._render(out, blocks)

    def recalculate(self, answers: BaseModel) -> None:
        """Recalculate in the background; a newer call cancels an older one not yet shown.

        The save has already happened; this only refreshes the result areas. Only the
        newest answers are calculated, and results of an older generation are never shown.
        """
        if not self.background:
            self.update(answers)
            return
        import threading

        with self._calc_lock:
            self._generation += 1
            self._job = (self._generation, answers)
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._calculate_loop, daemon=True)
                self._worker.start()
            self._wake.set()

    def _calculate_loop(self) -> None:
        while True:
            self._wake.wait()
            with self._calc_lock:
                self._wake.clear()
                job, self._job = self._job, None
            if job is None:
                continue
            generation, answers = job
            try:
                result = self.spec.analyse(answers, self.engagement)
            except Exception:
                self.errors.outputs = (
                    {"output_type": "stream", "name": "stderr", "text": traceback.format_exc(limit=3)},
                )
                continue
            if generation != self._generation:
                continue  # a newer edit arrived meanwhile: its calculation wins
            self.answers_model, self.result = answers, result
            self.errors.outputs = ()
            for out, blocks in self._areas:
                if generation != self._generation:
                    break
                self._render(out, blocks)

    def wait_calculated(self, timeout: float = 30.0) -> None:
        """Block until the background recalculation has caught up (for scripts and tests)."""
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._calc_lock:
                idle = self._job is None and not self._wake.is_set()
            if idle:
                return
            time.sleep(0.02)

    def _build_form(self) -> None:
        import threading

        import ipywidgets as w

        self._calc_lock = threading.Lock()
        self._wake = threading.Event()
        self.errors = w.Output()
        self.status = w.HTML()
        self.status.add_class("smt-status")
        self.undo_button = w.Button(
            description=self.t("form.undo"), icon="undo", layout=w.Layout(width="auto")
        )
        self.redo_button = w.Button(
            description=self.t("form.redo"), icon="repeat", layout=w.Layout(width="auto")
        )
        self.undo_button.on_click(lambda _button: self._guard(self.undo))
        self.redo_button.on_click(lambda _button: self._guard(self.redo))
        self.version = w.HTML()
        reload_button = w.Button(description=self.t("form.reload"), icon="refresh", button_style="primary")
        overwrite_button = w.Button(description=self.t("form.overwrite"), icon="save", button_style="warning")
        reload_button.on_click(lambda _button: self._guard(self.reload))
        overwrite_button.on_click(lambda _button: self._guard(self.overwrite))
        self.conflict_box = w.HBox([reload_button, overwrite_button], layout=w.Layout(display="none"))
        self.reentry = w.HTML()
        self.form_box = w.VBox([], layout=w.Layout(width="100%"))
        self.form_widget = w.VBox(
            [
                w.HBox(
                    [self.undo_button, self.redo_button, self.version], layout=w.Layout(align_items="center")
                ),
                self.status,
                self.conflict_box,
                self.reentry,
                self.form_box,
                self.errors,
            ],
            layout=w.Layout(width="100%"),
        )
        self._mount_form()

    def show_status(self, state: str, text: str = "") -> None:
        """Remember the save state (loaded, saving, saved, conflict, error, info) and show it."""
        self._save_state = (state, text)
        self._refresh_status()

    def _refresh_status(self) -> None:
        """The status line: "gespeichert" only when every field of the form is on disk."""
        state, text = self._save_state
        problems = self.form.problems if self.form is not None else {}
        color = "#c0392b"
        if state in {"conflict", "error"}:
            label = self.t("form.status.error", detail=text)
        elif problems:
            fields = "; ".join(f"{self.form.label(name)}: {why}" for name, why in problems.items())
            label = self.t("form.status.partial", fields=fields)
            if state == "saved":
                label += " " + self.t("form.status.others_saved", time=text)
        else:
            label = self.t(f"form.status.{state}", detail=text)
            color = {"loaded": "#5b6570", "saved": "#1e8449", "saving": "#5b6570", "info": "#5b6570"}[state]
        self.status.value = f'<span style="color:{color}">{escape(label)}</span>'
        self.conflict_box.layout.display = "flex" if state == "conflict" else "none"
        self._refresh_version()

    def _refresh_version(self) -> None:
        timeline = self.timeline
        step = timeline.current
        self.undo_button.disabled = not timeline.can_undo()
        self.redo_button.disabled = not timeline.can_redo()
        self.version.value = escape(
            self.t(
                "form.version",
                time=_moment(step.saved, self.language),
                step=str(timeline.cursor + 1),
                steps=str(len(timeline.steps)),
            )
        )

    def _guard(self, action: Callable[[], None]) -> None:
        """Run a button action; a failure is shown as status, the form stays usable."""
        try:
            action()
        except SmToolkitError as err:
            self.show_status("error", str(err))
        except Exception as err:  # never break the form in front of a client
            self.show_status("error", f"{type(err).__name__}: {err}")

    def _mount_form(self) -> None:
        """Create the timeline, the autosaver and the form for the current engagement's section.

        The form shows the section layered over the firm file's defaults; a save writes only
        the engagement's own values, so firm defaults never end up in ``engagement.yaml``.
        """
        from smtoolkit.forms import Autosaver, ModelForm
        from smtoolkit.forms.timeline import Timeline

        self.timeline = Timeline(self.engagement.folder, self.spec.slug)
        self.timeline.sync()
        self.saver = Autosaver(
            self.engagement.folder,
            self.spec.slug,
            status=self.show_status,
            language=self.language,
            timeline=self.timeline,
        )
        shown = self.engagement.layered(self.spec.slug)

        def on_valid(model: BaseModel) -> None:
            self.saver.schedule(self.engagement.own_values(self.spec.slug, self.form.data(model)))
            self._refresh_status()
            self.recalculate(model)

        self.form = None
        self.form = ModelForm(
            self.spec.model,
            shown,
            prefix=self.spec.slug,
            language=self.language,
            on_valid=on_valid,
            on_invalid=self._refresh_status,
        )
        self.form_box.children = (self.form.widget,)
        self.show_status("loaded")

    def _reload(self, folder: Path) -> None:
        """Load ``folder`` again and show its answers in the form and every result area."""
        self.engagement = load_engagement(folder)
        self.answers_model = self.engagement.section(self.spec.slug)
        self._mount_form()
        self.update(self.answers_model)

    def reload(self) -> None:
        """After a hand edit: show the section from disk, and what was typed for re-entry."""
        typed = self.form.typed() if self.form is not None else {}
        self.saver.reload()
        self._reload(self.engagement.folder)
        shown = {c.label: c.text() for c in self.form.controls.values() if hasattr(c, "text")}
        lost = [f"{label}: {text}" for label, text in typed.items() if shown.get(label) != text]
        self.reentry.value = (
            f'<div class="smt-reentry">{escape(self.t("form.reentry", values="; ".join(lost)))}</div>'
            if lost
            else ""
        )
        self.show_status("info", self.t("form.reloaded"))

    def overwrite(self) -> None:
        """After a hand edit: save what was typed; the hand-edited file is kept in ``.history/``."""
        self.timeline.sync()
        if self.saver.flush(force=True):
            self.reentry.value = ""

    def undo(self) -> None:
        """Go one step back in this section's history (across sessions)."""
        self._step(self.timeline.undo, "form.nothing_to_undo")

    def redo(self) -> None:
        """Go one step forward again after an undo."""
        self._step(self.timeline.redo, "form.nothing_to_redo")

    def _step(self, move: Callable[[], Any], nothing: str) -> None:
        self.saver.flush()
        if self.saver.pending:
            return  # a conflict or a write error is showing; it must be resolved first
        step = move()
        if step is None:
            self.show_status("info", self.t(nothing))
            return
        self._reload(self.engagement.folder)
        self.reentry.value = ""
        self.show_status("info", self.t("form.restored", time=_moment(step.saved, self.language)))


def _bundle(block: Block) -> dict[str, Any]:
    """One result block as a notebook output (HTML, or a PNG chart)."""
    import base64

    if isinstance(block, bytes):
        data = {"image/png": base64.b64encode(block).decode("ascii"), "text/plain": "<chart>"}
    else:
        data = {"text/html": block, "text/plain": ""}
    return {"output_type": "display_data", "data": data, "metadata": {}}


def _moment(when: Any, language: str) -> str:
    """A version's time: the time of day today, else the date and time; '–' when not known."""
    import datetime as dt

    if when is None:
        return "–"
    local = when.astimezone() if when.tzinfo else when
    if local.date() == dt.date.today():
        return str(local.strftime("%H:%M:%S"))
    return f"{fmt_date(local.date(), language)} {local.strftime('%H:%M')}"


def page_inputs(engagement: str, language: str | None) -> tuple[Engagement, str, bool]:
    """The engagement, language and live mode a notebook page opens with.

    The notebook's parameters cell names the engagement (each client has its own workshop
    notebooks, see :mod:`smtoolkit.workshop`); ``language`` ``None`` or ``""`` means the
    engagement's own.
    """
    live = is_live()
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
