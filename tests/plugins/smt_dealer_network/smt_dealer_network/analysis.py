"""Check 11 (dealer network): presence and activity of the dealers' own accounts; pure functions.

Score (100 points):

- presence: 50 × dealers with their own profile ÷ dealers
- activity: 30 × dealers with a profile that posted in the last 30 days ÷ dealers with a profile
  (0 when no dealer has a profile)
- content kit: 10 when the manufacturer supplies posts and images for the dealers
- guidelines: 10 when every dealer has the social media guidelines

Without dealers every criterion scores 0 and the only recommendation is to record them.
Worked example: 4 dealers, 3 with a profile, 2 of them active, a content kit, no guidelines:
50 × 3/4 + 30 × 2/3 + 10 + 0 = 37.5 + 20 + 10 = 67.5 (amber).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from smt_dealer_network.model import Dealer, DealerNetworkAnswers
from smtoolkit.checks.base import Criterion, Recommendation, Result
from smtoolkit.messages import Message, Number, Percent

__all__ = ["Coverage", "analyse", "coverage", "dealer_label"]


@dataclass(frozen=True)
class Coverage:
    """How many dealers have a profile and keep it active, and who does not."""

    dealers: int
    with_profile: int
    active: int
    missing: tuple[str, ...]
    inactive: tuple[str, ...]

    @property
    def presence(self) -> float | None:
        """Share of dealers with their own profile; None without dealers."""
        return self.with_profile / self.dealers if self.dealers else None

    @property
    def activity(self) -> float | None:
        """Share of the dealers with a profile that posted lately; None when nobody has one."""
        return self.active / self.with_profile if self.with_profile else None


def dealer_label(dealer: Dealer, position: int) -> str:
    """The dealer's name and city, or its row number when it has no name."""
    name = dealer.name or f"#{position + 1}"
    return f"{name} ({dealer.city})" if dealer.city else name


def coverage(dealers: Sequence[Dealer]) -> Coverage:
    """Count the dealers with a profile and the active ones; list those missing or inactive."""
    with_profile = [d for d in dealers if d.has_profile]
    return Coverage(
        dealers=len(dealers),
        with_profile=len(with_profile),
        active=sum(1 for d in with_profile if d.active),
        missing=tuple(dealer_label(d, i) for i, d in enumerate(dealers) if not d.has_profile),
        inactive=tuple(dealer_label(d, i) for i, d in enumerate(dealers) if d.has_profile and not d.active),
    )


def _m(key: str, **params: Any) -> Message:
    return Message(f"dealer_network.{key}", params)


def _criteria(answers: DealerNetworkAnswers, c: Coverage) -> tuple[Criterion, ...]:
    presence = 50 * (c.presence or 0.0)
    activity = 30 * (c.activity or 0.0)
    return (
        Criterion(
            _m("criterion.presence"),
            presence,
            50,
            _m("criterion.of", part=Number(c.with_profile), whole=Number(c.dealers)),
        ),
        Criterion(
            _m("criterion.activity"),
            activity,
            30,
            _m("criterion.of", part=Number(c.active), whole=Number(c.with_profile)),
        ),
        Criterion(_m("criterion.content_kit"), 10 if answers.content_kit and c.dealers else 0, 10),
        Criterion(_m("criterion.guidelines"), 10 if answers.guidelines_shared and c.dealers else 0, 10),
    )


def analyse(answers: DealerNetworkAnswers, engagement: object) -> Result:
    """Score the dealer network and say what to do next."""
    c = coverage(answers.dealers)
    findings: list[Message] = []
    recommendations: list[Recommendation] = []
    if not c.dealers:
        findings.append(_m("finding.no_dealers"))
        recommendations.append(Recommendation(_m("rec.record"), 2, 1, "marketing_lead", 2))
        return Result("dealer_network", _criteria(answers, c), tuple(findings), tuple(recommendations), c)
    findings.append(
        _m(
            "finding.presence",
            part=Number(c.with_profile),
            whole=Number(c.dealers),
            share=Percent(c.presence or 0.0),
        )
    )
    if c.missing:
        findings.append(_m("finding.missing", dealers=", ".join(c.missing)))
        recommendations.append(
            Recommendation(
                _m("rec.onboard", count=Number(len(c.missing)), dealers=", ".join(c.missing)),
                3,
                2,
                "marketing_lead",
                12,
            )
        )
    if c.inactive:
        findings.append(_m("finding.inactive", count=Number(len(c.inactive)), dealers=", ".join(c.inactive)))
        recommendations.append(Recommendation(_m("rec.activate"), 2, 1, "social_media_manager", 6))
    findings.append(_m("finding.content_kit" if answers.content_kit else "finding.no_content_kit"))
    if not answers.content_kit:
        recommendations.append(Recommendation(_m("rec.content_kit"), 2, 2, "social_media_manager", 8))
    if not answers.guidelines_shared:
        findings.append(_m("finding.no_guidelines"))
        recommendations.append(Recommendation(_m("rec.guidelines"), 2, 1, "communications", 4))
    return Result("dealer_network", _criteria(answers, c), tuple(findings), tuple(recommendations), c)
