"""Check 05 (target groups): platform fit per persona, ranking, communities; pure functions.

Model (reference: Bitkom 10-point check, point 5, "Zielgruppen identifizieren"):

- Every persona spreads over the age bands 14-29, 30-49, 50-69 and 70+ with shares that
  add up to 1 (checked on input, tolerance ±0.01). A persona whose shares are all 0 has
  no age spread yet: it is listed, but not rated and not counted in the ranking.
- **Fit** of a persona on a platform = Σ over the bands with a share > 0 of
  (share × reach of the platform in that band, in percent). The reach figure per band is
  picked by the rules in :mod:`smtoolkit.checks.target_groups.reach`: the band's own row
  (weekly reach before daily reach, newest year), else the platform's 14+ row (marked as a
  fallback), else no figure (the band counts 0 and is marked). A platform with no figure
  for any of the persona's bands is not rated for that persona.
- **B2B rule.** For a B2B persona, LinkedIn and XING are rated with their professional
  reach: the ``uses`` row of ``internet_users_16+`` (shipped table: Bitkom survey February
  2023, LinkedIn 25 %, XING 24 %) stands in for every band, so their fit is that figure.
  For B2C personas the two networks follow the age rule (the shipped table has no age
  figures for them, so they are not rated).
- **Ranking.** Platform score = mean fit over the personas with an age spread, a persona
  for whom the platform is not rated counting 0; ties by the best single fit, then by name. Platforms
  without any rating are listed as "no comparable figure". Communities are ranked by
  relevance, then estimated reach.
- **Fallback share** = the share of persona weight, over all age-rule fits, that rests on
  a 14+ fallback figure instead of the band's own figure.
- **Presence** compares the top three platforms with the accounts of check 01's
  inventory (accounts not marked "close").

Score (100 points):

- personas, 20: 10 per persona, at most 20 (two or more personas);
- persona profiles, 15: 15 x personas with a name, an age spread and at least one
  interest / personas;
- own audience data, 15: 3 per LinkedIn follower dimension recorded (location, function,
  seniority, industry, company size);
- communities, 20: 10 when at least one forum or community is recorded, 10 more when at
  least one of them has relevance 4 or 5;
- presence where the personas are, 30: 30 x top-three platforms with an account in the
  check 01 inventory / top-three platforms (0 without personas or without an inventory).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from smtoolkit.catalogues import PLATFORMS
from smtoolkit.checks.base import Criterion, Recommendation, Result
from smtoolkit.checks.target_groups.model import Community, Persona, TargetGroupsAnswers
from smtoolkit.checks.target_groups.reach import (
    AGE_BANDS,
    Figure,
    ReachRow,
    ReachTable,
    builtin_table,
    load_reach_file,
)
from smtoolkit.errors import ConfigError, UnsafePathError
from smtoolkit.messages import Message, Number, Percent, Term

__all__ = [
    "B2B_PLATFORMS",
    "TOP_N",
    "BandFigure",
    "Fit",
    "PlatformRank",
    "SourceUse",
    "TargetGroupsDetails",
    "analyse",
    "fallback_share",
    "fit",
    "persona_label",
    "platform_key",
    "rank_communities",
    "rank_platforms",
    "reach_table",
]

#: The professional networks the B2B rule adds for B2B personas.
B2B_PLATFORMS: tuple[str, ...] = ("linkedin", "xing")
#: How many of the best platforms the presence criterion looks at.
TOP_N = 3
#: Vocabulary entries that are not networks with a reach figure.
GENERIC_PLATFORMS: tuple[str, ...] = ("blog", "forum", "other")
DIMENSIONS: tuple[str, ...] = ("location", "function", "seniority", "industry", "company_size")


def platform_key(platform: str) -> str:
    """The catalog key of a platform's label (shared vocabulary, else this check's own)."""
    return f"platform.{platform}" if platform in PLATFORMS else f"target_groups.platform.{platform}"


def persona_label(index: int, persona: Persona) -> str:
    """The persona's name, or "Persona N" when it has none."""
    return persona.name or f"Persona {index + 1}"


@dataclass(frozen=True)
class BandFigure:
    """One age band of a persona: its share and the reach figure used for it."""

    band: str
    weight: float
    figure: Figure | None

    @property
    def contribution(self) -> float:
        """Share x reach in percent; 0 without a figure."""
        return self.weight * self.figure.row.percent if self.figure else 0.0


@dataclass(frozen=True)
class Fit:
    """The fit of one persona on one platform, with the figures behind it."""

    persona: int
    platform: str
    rule: Literal["age", "b2b"]
    parts: tuple[BandFigure, ...]

    @property
    def rated(self) -> bool:
        """At least one of the persona's bands has a figure."""
        return any(p.figure is not None for p in self.parts)

    @property
    def value(self) -> float | None:
        """Σ share x reach (percent), or None when not rated."""
        if not self.rated:
            return None
        return sum(p.contribution for p in self.parts)

    @property
    def fallback(self) -> bool:
        """At least one band uses the 14+ fallback."""
        return any(p.figure is not None and p.figure.fallback for p in self.parts)

    @property
    def missing(self) -> bool:
        """Rated, but at least one band has no figure and counts 0."""
        return self.rated and any(p.figure is None for p in self.parts)


def fit(persona: Persona, platform: str, table: ReachTable, index: int = 0) -> Fit:
    """The fit of ``persona`` on ``platform`` by the age rule, or the B2B rule where it applies."""
    weights = [(band, w) for band, w in persona.weights().items() if w > 0]
    if persona.market == "B2B" and platform in B2B_PLATFORMS:
        professional = table.professional(platform)
        if professional is not None:
            return Fit(index, platform, "b2b", tuple(BandFigure(b, w, professional) for b, w in weights))
    return Fit(index, platform, "age", tuple(BandFigure(b, w, table.figure(platform, b)) for b, w in weights))


@dataclass(frozen=True)
class PlatformRank:
    """One platform of the ranking."""

    platform: str
    mean: float
    rated: int
    best_persona: int
    best: float
    fallback: bool
    b2b: bool
    present: bool | None


def rank_platforms(
    fits: list[list[Fit]], personas: int, inventory: frozenset[str] | None = None
) -> list[PlatformRank]:
    """Platforms rated for at least one persona, best mean fit first.

    ``personas`` is the number of personas with an age spread, the divisor of the mean: a
    persona for whom a platform has no figure counts 0.
    """
    by_platform: dict[str, list[Fit]] = {}
    for persona_fits in fits:
        for f in persona_fits:
            by_platform.setdefault(f.platform, []).append(f)
    ranks = []
    for platform, platform_fits in by_platform.items():
        rated = [f for f in platform_fits if f.value is not None]
        if not rated:
            continue
        best = max(rated, key=lambda f: (f.value or 0.0, -f.persona))
        ranks.append(
            PlatformRank(
                platform=platform,
                mean=sum(f.value or 0.0 for f in rated) / personas,
                rated=len(rated),
                best_persona=best.persona,
                best=best.value or 0.0,
                fallback=any(f.fallback for f in rated),
                b2b=any(f.rule == "b2b" for f in rated),
                present=None if inventory is None else platform in inventory,
            )
        )
    return sorted(ranks, key=lambda r: (-r.mean, -r.best, r.platform))


def rank_communities(communities: list[Community]) -> list[Community]:
    """Communities by relevance, then estimated reach, then name."""
    return sorted(communities, key=lambda c: (-c.relevance, -c.reach, c.name.lower()))


def fallback_share(fits: list[list[Fit]]) -> float | None:
    """Share of persona weight in age-rule fits that rests on a 14+ fallback; None without any."""
    total = fallback = 0.0
    for persona_fits in fits:
        for f in persona_fits:
            if f.rule != "age":
                continue
            for part in f.parts:
                if part.figure is None:
                    continue
                total += part.weight
                if part.figure.fallback:
                    fallback += part.weight
    return fallback / total if total else None


@dataclass(frozen=True)
class SourceUse:
    """A row of the reach table used in this report, and for what."""

    row: ReachRow
    bands: tuple[str, ...]
    fallback_for: tuple[str, ...]
    b2b: bool


def _sources(fits: list[list[Fit]]) -> list[SourceUse]:
    uses: dict[int, dict[str, Any]] = {}
    rows: dict[int, ReachRow] = {}
    for persona_fits in fits:
        for f in persona_fits:
            for part in f.parts:
                if part.figure is None:
                    continue
                row = part.figure.row
                rows[row.line] = row
                entry = uses.setdefault(row.line, {"bands": set(), "fallback": set(), "b2b": False})
                if part.figure.basis == "band":
                    entry["bands"].add(part.band)
                elif part.figure.basis == "broad":
                    entry["fallback"].add(part.band)
                else:
                    entry["b2b"] = True
    return [
        SourceUse(
            row=rows[line],
            bands=tuple(b for b in AGE_BANDS if b in entry["bands"]),
            fallback_for=tuple(b for b in AGE_BANDS if b in entry["fallback"]),
            b2b=bool(entry["b2b"]),
        )
        for line, entry in sorted(uses.items())
    ]


def reach_table(answers: TargetGroupsAnswers, engagement: Any = None) -> ReachTable:
    """The shipped reach table, or the engagement's own file named in ``reach_file``."""
    if not answers.reach_file:
        return builtin_table()
    if engagement is None:
        raise ConfigError("target_groups.reach_file needs an engagement folder to be resolved in")
    name = f"{engagement.folder.name}/{answers.reach_file}"
    try:
        path = engagement.data_file(answers.reach_file)
    except UnsafePathError as err:
        raise UnsafePathError(
            f"{engagement.folder.name}/engagement.yaml target_groups.reach_file: {err}"
        ) from None
    return load_reach_file(path, name)


def _inventory(engagement: Any) -> frozenset[str] | None:
    sections = getattr(engagement, "sections", None) or {}
    strategy = sections.get("strategy")
    accounts = getattr(strategy, "accounts", None)
    if not accounts:
        return None
    return frozenset(a.network for a in accounts if a.keep != "close")


@dataclass(frozen=True)
class TargetGroupsDetails:
    """Everything the target groups page shows besides the score."""

    answers: TargetGroupsAnswers
    table: ReachTable
    fits: tuple[tuple[Fit, ...], ...]
    ranking: tuple[PlatformRank, ...]
    unrated_platforms: tuple[str, ...]
    communities: tuple[Community, ...]
    inventory: frozenset[str] | None
    sources: tuple[SourceUse, ...]
    fallback_share: float | None

    @property
    def top(self) -> tuple[PlatformRank, ...]:
        """The best platforms the presence criterion looks at."""
        return self.ranking[:TOP_N]

    @property
    def dimensions(self) -> tuple[str, ...]:
        """The LinkedIn follower dimensions recorded, in a fixed order."""
        recorded = {line.dimension for line in self.answers.linkedin_followers}
        return tuple(d for d in DIMENSIONS if d in recorded)


def _complete(persona: Persona) -> bool:
    return bool(persona.name) and bool(persona.interests) and persona.has_ages


def _criteria(d: TargetGroupsDetails) -> tuple[Criterion, ...]:
    personas = d.answers.personas
    n = len(personas)
    complete = sum(1 for p in personas if _complete(p))
    communities = d.communities
    relevant = [c for c in communities if c.relevance >= 4]
    top = d.top
    present = sum(1 for r in top if r.present)
    if not n:
        presence_detail = Message("target_groups.criterion.no_personas")
    elif d.inventory is None:
        presence_detail = Message("target_groups.criterion.no_inventory")
    else:
        presence_detail = Message("target_groups.criterion.count_of", {"count": present, "total": len(top)})
    presence = 30 * present / len(top) if top and d.inventory is not None else 0.0
    return (
        Criterion(
            Message("target_groups.criterion.personas"),
            10.0 * min(n, 2),
            20,
            Message("target_groups.criterion.count", {"count": n}),
        ),
        Criterion(
            Message("target_groups.criterion.profiles"),
            15 * complete / n if n else 0.0,
            15,
            Message("target_groups.criterion.count_of", {"count": complete, "total": n})
            if n
            else Message("target_groups.criterion.no_personas"),
        ),
        Criterion(
            Message("target_groups.criterion.audience"),
            3.0 * len(d.dimensions),
            15,
            Message(
                "target_groups.criterion.count_of", {"count": len(d.dimensions), "total": len(DIMENSIONS)}
            ),
        ),
        Criterion(
            Message("target_groups.criterion.communities"),
            (10.0 if communities else 0.0) + (10.0 if relevant else 0.0),
            20,
            Message(
                "target_groups.criterion.communities_detail",
                {"count": len(communities), "relevant": len(relevant)},
            ),
        ),
        Criterion(Message("target_groups.criterion.presence"), presence, 30, presence_detail),
    )


def _excluded_findings(d: TargetGroupsDetails) -> list[Message]:
    """One finding per platform the consultant left out of the ranking (when there is one)."""
    if not d.ranking:
        return []
    return [
        Message(
            "target_groups.finding.excluded_messenger"
            if p == "whatsapp"
            else "target_groups.finding.excluded",
            {"platform": Term(f"platform.{p}")},
        )
        for p in d.answers.excluded_platforms
    ]


def _findings(d: TargetGroupsDetails) -> list[Message]:
    found: list[Message] = []
    personas = d.answers.personas
    if not personas:
        found.append(Message("target_groups.finding.no_personas"))
    else:
        for index, persona in enumerate(personas):
            rated = [f for f in d.fits[index] if f.value is not None]
            if not rated:
                continue
            best = max(rated, key=lambda f: f.value or 0.0)
            found.append(
                Message(
                    "target_groups.finding.persona_best",
                    {
                        "persona": persona_label(index, persona),
                        "platform": Term(platform_key(best.platform)),
                        "fit": Percent((best.value or 0.0) / 100, 1),
                    },
                )
            )
        no_ages = sum(1 for p in personas if not p.has_ages)
        if no_ages:
            found.append(Message("target_groups.finding.no_ages", {"count": no_ages}))
        if len(d.ranking) >= 2:
            first, second = d.ranking[0], d.ranking[1]
            found.append(
                Message(
                    "target_groups.finding.ranking",
                    {
                        "first": Term(platform_key(first.platform)),
                        "first_fit": Percent(first.mean / 100, 1),
                        "second": Term(platform_key(second.platform)),
                        "second_fit": Percent(second.mean / 100, 1),
                    },
                )
            )
        if d.inventory is None:
            found.append(Message("target_groups.finding.no_inventory"))
        elif d.top:
            missing = [r for r in d.top if not r.present]
            if missing:
                found.append(
                    Message(
                        "target_groups.finding.presence_gap",
                        {
                            "count": len(d.top) - len(missing),
                            "total": len(d.top),
                            "platform": Term(platform_key(missing[0].platform)),
                        },
                    )
                )
            else:
                found.append(Message("target_groups.finding.presence_full", {"total": len(d.top)}))
        if d.fallback_share is not None and d.fallback_share > 0:
            found.append(Message("target_groups.finding.fallback", {"share": Percent(d.fallback_share)}))
    if d.communities:
        top = d.communities[0]
        found.append(
            Message(
                "target_groups.finding.community",
                {"name": top.name or "–", "relevance": top.relevance, "reach": Number(top.reach)},
            )
        )
    else:
        found.append(Message("target_groups.finding.no_communities"))
    if d.dimensions:
        lines = d.answers.linkedin_followers
        key = "function" if "function" in d.dimensions else d.dimensions[0]
        biggest = max((line for line in lines if line.dimension == key), key=lambda line: line.share)
        found.append(
            Message(
                "target_groups.finding.audience",
                {
                    "count": len(d.dimensions),
                    "dimension": Term(f"target_groups.choice.dimension.{key}"),
                    "segment": biggest.segment or "–",
                    "share": Percent(biggest.share),
                },
            )
        )
    else:
        found.append(Message("target_groups.finding.no_audience"))
    if not d.table.builtin:
        found.append(Message("target_groups.finding.own_table", {"file": d.table.origin}))
    return found


def _recommendations(d: TargetGroupsDetails) -> list[Recommendation]:
    recs: list[Recommendation] = []
    personas = d.answers.personas
    if not personas:
        recs.append(Recommendation(Message("target_groups.rec.personas"), 3, 1, "marketing_lead", 2))
    elif len(personas) == 1:
        recs.append(Recommendation(Message("target_groups.rec.more_personas"), 2, 1, "marketing_lead", 4))
    incomplete = sum(1 for p in personas if not _complete(p))
    if incomplete:
        recs.append(
            Recommendation(
                Message("target_groups.rec.complete", {"count": incomplete}), 2, 1, "marketing_lead", 4
            )
        )
    if d.inventory is not None:
        for rank, r in enumerate(d.top, start=1):
            if not r.present:
                recs.append(
                    Recommendation(
                        Message(
                            "target_groups.rec.presence",
                            {
                                "platform": Term(platform_key(r.platform)),
                                "rank": rank,
                                "fit": Percent(r.mean / 100, 1),
                            },
                        ),
                        2,
                        2,
                        "marketing_lead",
                        8,
                    )
                )
    if len(d.dimensions) < len(DIMENSIONS):
        recs.append(
            Recommendation(
                Message("target_groups.rec.audience", {"count": len(DIMENSIONS) - len(d.dimensions)}),
                1,
                1,
                "social_media_manager",
                2,
            )
        )
    if not d.communities:
        recs.append(Recommendation(Message("target_groups.rec.communities"), 2, 2, "social_media_manager", 6))
    else:
        relevant = [c for c in d.communities if c.relevance >= 4]
        if relevant:
            recs.append(
                Recommendation(
                    Message("target_groups.rec.join", {"name": relevant[0].name or "–"}),
                    2,
                    2,
                    "social_media_manager",
                    8,
                )
            )
    if d.fallback_share is not None and d.fallback_share >= 0.5:
        recs.append(
            Recommendation(
                Message("target_groups.rec.data", {"share": Percent(d.fallback_share)}),
                1,
                2,
                "marketing_lead",
                8,
            )
        )
    return recs


def analyse(answers: TargetGroupsAnswers, engagement: Any = None) -> Result:
    """Score check 05 and derive its findings and recommendations from the answers."""
    table = reach_table(answers, engagement)
    excluded = set(answers.excluded_platforms)
    platforms = [p for p in table.platforms() if p not in excluded]
    fits = [[fit(p, platform, table, i) for platform in platforms] for i, p in enumerate(answers.personas)]
    inventory = _inventory(engagement)
    spread = sum(1 for p in answers.personas if p.has_ages)
    ranking = rank_platforms(fits, spread, inventory) if spread else []
    ranked = {r.platform for r in ranking}
    candidates = [p for p in PLATFORMS if p not in GENERIC_PLATFORMS and p not in excluded] + [
        p for p in platforms if p not in PLATFORMS
    ]
    details = TargetGroupsDetails(
        answers=answers,
        table=table,
        fits=tuple(tuple(f) for f in fits),
        ranking=tuple(ranking),
        unrated_platforms=tuple(p for p in candidates if p not in ranked) if spread else (),
        communities=tuple(rank_communities(answers.communities)),
        inventory=inventory,
        sources=tuple(_sources(fits)),
        fallback_share=fallback_share(fits),
    )
    return Result(
        check="target_groups",
        criteria=_criteria(details),
        findings=(*_findings(details), *_excluded_findings(details)),
        recommendations=tuple(_recommendations(details)),
        details=details,
    )
