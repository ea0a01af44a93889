"""Assessment rounds: keep the current scores as a named round before the answers change.

``engagement.yaml`` holds the earlier rounds under ``rounds``, oldest first::

    rounds:
      - name: "Erstgespräch"
        date: 2026-05-12
        scores: {strategy: 62.5, goals: 41, organization: 48}

The current answers are always the latest round; the overview compares them with the last
entry of ``rounds``. :func:`snapshot` (``smtoolkit snapshot ENGAGEMENT --name ...``)
appends the current scores, under the engagement's lock, atomically, with the previous
file kept in ``.history/``.
"""

from __future__ import annotations

import datetime as dt
import os

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from smtoolkit import yamlio
from smtoolkit.atomic import keep_version, write_atomic
from smtoolkit.engagement import Round, display_path, load_engagement, resolve_folder
from smtoolkit.errors import ConfigError
from smtoolkit.overview.analysis import assess
from smtoolkit.store import locked

__all__ = ["snapshot"]

_NAME_LIMIT = 80


def _plain_number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def snapshot(
    reference: str | os.PathLike[str],
    name: str,
    *,
    when: dt.date | None = None,
    today: dt.date | None = None,
) -> Round:
    """Append the current score of every included check to ``rounds`` as round ``name``.

    ``when`` is the round's date; by default ``settings.workshop_date``, else ``today``.
    Refuses a name that is taken, a date before the last round, a date after the workshop
    date, and an engagement in which a check cannot be evaluated.
    """
    label = " ".join(name.split())
    if not label or len(label) > _NAME_LIMIT:
        raise ConfigError(
            f'--name {name!r}: expected a round name of 1 to {_NAME_LIMIT} characters, e.g. --name "Workshop"'
        )
    folder = resolve_folder(reference)
    with locked(folder):
        engagement = load_engagement(folder)
        source = display_path(engagement.file)
        document = engagement.document
        for index, past in enumerate(engagement.rounds):
            if past.name == label:
                line = yamlio.line_of(document, ("rounds", index, "name"))
                raise ConfigError(
                    f"{source}:{line} rounds[{index}].name: a round named {label!r} exists already; "
                    "choose another --name"
                )
        workshop = engagement.settings.workshop_date
        day = when or workshop or today or dt.date.today()
        if engagement.rounds and day < engagement.rounds[-1].date:
            last = engagement.rounds[-1]
            raise ConfigError(
                f"{source}: the round date {day.isoformat()} is before the last round "
                f"{last.name!r} ({last.date.isoformat()}); pass a later --date"
            )
        if workshop is not None and day > workshop:
            raise ConfigError(
                f"{source}: the round date {day.isoformat()} is after settings.workshop_date "
                f"({workshop.isoformat()}); the scores are those of the workshop: pass --date "
                f"{workshop.isoformat()} or earlier, or update settings.workshop_date first"
            )
        assessment = assess(engagement, today)
        if assessment.failed:
            names = ", ".join(o.spec.title("en") for o in assessment.failed)
            raise ConfigError(
                f"{source}: cannot take a snapshot because these checks cannot be evaluated: "
                f"{names}; build the report to see why, fix it, then run snapshot again"
            )
        scores = {o.spec.slug: o.result.score for o in assessment.outcomes if o.result is not None}
        entry = Round(name=label, date=day, scores=scores)
        listed = CommentedMap((slug, _plain_number(score)) for slug, score in scores.items())
        # a new date object: the same object as settings.workshop_date would be written as a
        # YAML alias (*id001) instead of the date
        fresh = dt.date.fromordinal(day.toordinal())
        item = CommentedMap([("name", label), ("date", fresh), ("scores", listed)])
        rounds = document.get("rounds")
        if not isinstance(rounds, CommentedSeq):
            rounds = CommentedSeq()
            document["rounds"] = rounds
        rounds.append(item)
        keep_version(engagement.file)
        write_atomic(engagement.file, yamlio.dump(document))
    return entry
