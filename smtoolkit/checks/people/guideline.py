"""The guideline checklist of check 10: coverage, and a draft built from the company's answers.

Coverage = (topics covered + ½ × topics partly covered) ÷ applicable topics, over the nine
topics of :data:`~smtoolkit.checks.people.model.TOPICS`; a topic without a row counts as
missing, a topic marked ``not_applicable`` leaves the denominator.

The draft has one section per covered or partly covered topic, in the order of the topics:
the standard text of the topic in the report language with the company's name filled in,
the company's own rule (as entered, it is client text), the private use rule for
``separate_use``, and the contact role. The section on expertise also lists the contact of
every other topic. Partly covered topics are marked as still to be agreed. Everything is a
:class:`~smtoolkit.messages.Message`; the page escapes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from smtoolkit.checks.people.model import TOPICS, GuidelineTopic, PeopleAnswers
from smtoolkit.messages import Date, Message, Term

__all__ = ["Coverage", "DraftSection", "coverage", "draft", "topic_rows"]


@dataclass(frozen=True)
class Coverage:
    """How many of the applicable topics the guideline covers."""

    covered: tuple[str, ...]
    partly: tuple[str, ...]
    missing: tuple[str, ...]
    not_applicable: tuple[str, ...]

    @property
    def applicable(self) -> int:
        """The number of topics that apply to the company."""
        return len(TOPICS) - len(self.not_applicable)

    @property
    def share(self) -> float:
        """(covered + ½ partly) ÷ applicable topics; 0 when none applies."""
        if not self.applicable:
            return 0.0
        return (len(self.covered) + 0.5 * len(self.partly)) / self.applicable


def topic_rows(answers: PeopleAnswers) -> dict[str, GuidelineTopic]:
    """One row per topic in topic order; topics without a row are missing."""
    given: dict[str, GuidelineTopic] = {row.topic: row for row in answers.guidelines}
    return {topic: given.get(topic) or GuidelineTopic(topic=topic) for topic in TOPICS}


def coverage(answers: PeopleAnswers) -> Coverage:
    """Sort the nine topics by their status."""
    rows = topic_rows(answers)

    def having(status: str) -> tuple[str, ...]:
        return tuple(t for t, row in rows.items() if row.status == status)

    return Coverage(having("covered"), having("partly"), having("missing"), having("not_applicable"))


@dataclass(frozen=True)
class DraftSection:
    """One section of the guideline draft: its number, topic, title and paragraphs."""

    number: int
    topic: str
    title: Message
    paragraphs: tuple[Message, ...]
    open_point: bool = False


def _contacts(rows: dict[str, GuidelineTopic]) -> list[Message]:
    return [
        Message(
            "people.draft.contact_line",
            {"topic": Term(f"people.choice.topic.{topic}"), "role": Term(f"role.{row.contact}")},
        )
        for topic, row in rows.items()
        if row.contact and row.status in {"covered", "partly"} and topic != "expertise"
    ]


def draft(
    answers: PeopleAnswers, company: str
) -> tuple[Message, tuple[Message, ...], tuple[DraftSection, ...]]:
    """The draft's title, its preamble and one section per covered or partly covered topic."""
    rows = topic_rows(answers)
    title = Message("people.draft.title", {"company": company})
    preamble: list[Message] = [Message("people.draft.preamble", {"company": company})]
    if answers.guideline_date is not None:
        preamble.append(Message("people.draft.version", {"date": Date(answers.guideline_date)}))
    sections: list[DraftSection] = []
    for topic, row in rows.items():
        if row.status not in {"covered", "partly"}:
            continue
        paragraphs = [Message(f"people.draft.text.{topic}", {"company": company})]
        if topic == "separate_use" and answers.private_use_at_work is not None:
            paragraphs.append(Message(f"people.draft.private_use.{answers.private_use_at_work}"))
        if row.rule:
            paragraphs.append(Message("people.draft.rule", {"company": company, "rule": row.rule}))
        if topic == "expertise":
            paragraphs.extend(_contacts(rows))
        if row.contact:
            paragraphs.append(Message("people.draft.contact", {"role": Term(f"role.{row.contact}")}))
        if row.status == "partly":
            paragraphs.append(Message("people.draft.open_point"))
        sections.append(
            DraftSection(
                number=len(sections) + 1,
                topic=topic,
                title=Message(f"people.choice.topic.{topic}"),
                paragraphs=tuple(paragraphs),
                open_point=row.status == "partly",
            )
        )
    return title, tuple(preamble), tuple(sections)
