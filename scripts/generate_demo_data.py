"""Generate the demo client's data exports: ``engagements/demo/data/``.

The demo client is Hallberg Pumpen GmbH (fictional pump and valve maker in Heilbronn,
about 380 employees, mainly B2B; product lines AquaLine and ThermoFlow).  Competitors:
Kessler Fluidtechnik and Norder Pumpenwerke.  Everything here is invented.

The script writes, in the formats the real tools export (see docs/data-formats.md):

* LinkedIn page content export (Metrics and All posts sheets) and followers export
  (New followers plus demographic sheets), as .xlsx
* Meta Business Suite post exports for Instagram (English headers) and Facebook
  (German headers), and the daily "follows" exports for both (UTF-16)
* YouTube Studio ``Table data.csv`` with its ``Total`` row
* mentions of the client and both competitors: news and blogs as a Meltwater export
  (UTF-16, tab-separated), social media and forums as a Brandwatch export
* an employee survey (about 40 respondents, Likert 1 to 5, one reverse-coded item)

Period: 2025-11-01 to 2026-10-31.  Planted events, for the analyses to find:

* 2026-03-10 to 2026-03-14: product recall of leaking AquaLine valves (series AV-200);
  many negative mentions of Hallberg in news and social media (the crisis)
* 2026-05-05 to 2026-05-08: IFAT trade fair; more, mostly positive mentions of all three
* 2026-06-16: Kessler Fluidtechnik announces a new plant (positive)
* 2026-09-08 to 2026-09-12: Hallberg's ThermoFlow campaign; more, mostly positive mentions
* 2026-09-22 and 2026-09-23: Norder Pumpenwerke announces job cuts (negative)
* 2026-10-29 from 10:00: a Hallberg apprentice video goes viral (positive mentions)

Mention volumes are drawn like real ones: negative binomial (a Poisson count whose mean
is itself gamma-distributed, so the variance exceeds the mean), with a weekly rhythm
(busy Tuesdays, quiet Sundays), a slow upward trend over the year, and times of day
following a daily rhythm (morning and evening peaks on social media, office hours for
news).  The crisis, the trade fair, the campaign and the viral post are the peaks;
November to February and June to August hold no planted event.

The output is deterministic: the same seed gives byte-identical files (workbooks get
fixed timestamps).  Usage: ``python scripts/generate_demo_data.py [--out DIR] [--seed N]``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import math
import random
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "engagements" / "demo" / "data"
DEFAULT_SEED = 380
START = dt.date(2025, 11, 1)
END = dt.date(2026, 10, 31)
CRISIS = (dt.date(2026, 3, 10), dt.date(2026, 3, 14))
FIXED_STAMP = (2026, 11, 1, 8, 0, 0)

HALLBERG = "Hallberg Pumpen"
KESSLER = "Kessler Fluidtechnik"
NORDER = "Norder Pumpenwerke"

# --------------------------------------------------------------------------- helpers


def days() -> Iterator[dt.date]:
    """Every day of the period."""
    day = START
    while day <= END:
        yield day
        day += dt.timedelta(days=1)


def poisson(rng: random.Random, lam: float) -> int:
    """A Poisson draw (Knuth's method; lam is small here)."""
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def negative_binomial(rng: random.Random, mean: float, size: float) -> int:
    """A negative binomial draw with ``mean`` and variance mean + mean² ÷ ``size`` (gamma-Poisson)."""
    if mean <= 0:
        return 0
    return poisson(rng, mean * rng.gammavariate(size, 1 / size))


def lognormal(rng: random.Random, median: float, sigma: float) -> int:
    """A right-skewed count with the given median."""
    return max(0, round(median * math.exp(rng.gauss(0, sigma))))


def write_csv(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    quoting: int = csv.QUOTE_MINIMAL,
    preamble: str = "",
    newline: str = "\r\n",
) -> None:
    """Write rows as a CSV file in the given encoding (byte for byte reproducible)."""
    buffer = io.StringIO()
    buffer.write(preamble)
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator=newline)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


def write_workbook(path: Path, sheets: dict[str, list[list[object]]]) -> None:
    """Write an .xlsx workbook with fixed timestamps, so reruns give the same bytes."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    stamp = dt.datetime(*FIXED_STAMP)
    book.properties.created = stamp
    book.properties.creator = "LinkedIn"
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-11-01T08:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_STAMP)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, data)


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def us_month_day(day: dt.date) -> str:
    """``Jul 14, 2026`` (English month names whatever the machine's locale)."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def clock(time: dt.datetime) -> str:
    """``09:30 AM``: a 12-hour clock time."""
    hour = time.hour % 12 or 12
    return f"{hour:02d}:{time.minute:02d} {'AM' if time.hour < 12 else 'PM'}"


def meltwater_time(time: dt.datetime) -> str:
    """``14-Jul-2026 09:30AM`` as Meltwater writes it."""
    return f"{time.day:02d}-{MONTHS[time.month - 1]}-{time.year} {clock(time).replace(' ', '')}"


def at(day: dt.date, rng: random.Random, start_hour: int, end_hour: int) -> dt.datetime:
    """A random time of day between two hours (local time)."""
    minute = rng.randrange(start_hour * 60, end_hour * 60)
    return dt.datetime.combine(day, dt.time(minute // 60, minute % 60))


#: Relative mention volume by hour of the day (local time): social media peaks in the
#: morning and the evening, news during office hours.
SOCIAL_HOURS = (1, 1, 1, 1, 1, 2, 4, 7, 9, 9, 8, 8, 9, 8, 7, 7, 7, 8, 9, 10, 10, 8, 5, 2)
NEWS_HOURS = (0, 0, 0, 0, 0, 1, 3, 6, 9, 10, 10, 9, 8, 8, 8, 7, 6, 5, 3, 2, 1, 1, 0, 0)


def at_rhythm(day: dt.date, rng: random.Random, weights: Sequence[int], first_hour: int = 0) -> dt.datetime:
    """A time of day drawn from the hourly ``weights``, not before ``first_hour``."""
    hours = list(range(first_hour, 24))
    hour = rng.choices(hours, weights=[weights[h] for h in hours])[0]
    return dt.datetime.combine(day, dt.time(hour, rng.randrange(60)))


def in_crisis(day: dt.date) -> bool:
    """True on the days of the planted recall crisis."""
    return CRISIS[0] <= day <= CRISIS[1]


# --------------------------------------------------------------------------- posts

LINKEDIN_TEXTS = [
    ("Image", "AquaLine {model}: bis zu {pct} % weniger Stromverbrauch im Dauerbetrieb."),
    ("Image", "Unsere Ausbildungswerkstatt in Heilbronn sucht Verstärkung: {n} Plätze für {year}."),
    ("Image", "Planer aufgepasst: BIM-Daten für die ThermoFlow-Reihe jetzt zum Download."),
    ("Video", "In 90 Sekunden erklärt: So tauschen Sie die Gleitringdichtung der AquaLine {model}."),
    ("Image", "Kundenprojekt: {n} ThermoFlow-Pumpen für das Fernwärmenetz in {city}."),
    ("Text", "Lieferzeiten aktuell: AquaLine ab Lager, ThermoFlow in {n} Wochen."),
    ("Document", "Whitepaper: Lebenszykluskosten von Umwälzpumpen richtig berechnen."),
    ("Image", "Meet us at {fair}! Visit Hallberg Pumpen at booth {booth}."),
    ("Article", "Drei Fragen an unsere Entwicklungsleiterin zur neuen ThermoFlow-Generation."),
    ("Image", "{n} Jahre Hallberg: Danke an unsere Kunden und Partner!"),
    ("Video", "How ThermoFlow cuts energy costs in district heating: a 2-minute overview."),
]
INSTAGRAM_TEXTS = [
    ("IG carousel", "Ein Tag in der Ausbildung bei Hallberg 🔧 #ausbildung #heilbronn"),
    ("IG carousel", "Von der Gussform zur fertigen AquaLine: unsere Fertigung in {n} Bildern"),
    ("IG image", "Teamfoto vom Sommerfest 🌞 #teamhallberg"),
    ("IG reel", "Wie laut ist eine ThermoFlow? Wir haben nachgemessen 🎧"),
    ("IG image", "Neue Azubis an Bord: Willkommen, {n} Industriemechaniker:innen!"),
    ("IG reel", "60 Sekunden Werksrundgang Heilbronn #maschinenbau"),
    ("IG carousel", "{n} Fakten über Pumpen, die du noch nicht kanntest"),
]
FACEBOOK_TEXTS = [
    (
        "Fotos",
        "Tag der offenen Tür am Samstag: Werksführungen ab 10 Uhr, für Kinder gibt es ein Pumpen-Quiz.",
    ),
    ("Links", "Ersatzteile für AquaLine und ThermoFlow bestellen Sie hier: hallberg-pumpen.example/service"),
    ("Fotos", "Unsere Azubis beim Heilbronner Firmenlauf: {n} Läuferinnen und Läufer am Start!"),
    ("Videos", "Montagevideo: ThermoFlow richtig entlüften."),
    ("Fotos", "Wir stellen ein: Servicetechniker (m/w/d) für die Region Heilbronn-Franken."),
    ("Text", "Unsere Hotline ist zwischen den Jahren eingeschränkt erreichbar."),
]
CRISIS_POST = (
    "Wichtige Kundeninformation: Rückruf von AquaLine-Ventilen der Serie AV-200. "
    "Betroffene Kunden erhalten kostenlos Ersatz. Alle Infos: "
    "hallberg-pumpen.example/rueckruf"
)


def fill(template: str, rng: random.Random) -> str:
    """Fill a post template's slots."""
    return template.format(
        model=rng.choice(["AL 40", "AL 65", "AL 80", "AL 100"]),
        pct=rng.choice([12, 18, 23, 30]),
        n=rng.randint(3, 25),
        year=2027,
        city=rng.choice(["Heilbronn", "Ulm", "Würzburg", "Pforzheim", "Karlsruhe"]),
        fair=rng.choice(["IFAT Munich", "SHK Essen", "ISH Frankfurt"]),
        booth=rng.choice(["A4.311", "B2.120", "C1.402"]),
    )


def posting_days(rng: random.Random, per_week: float, last: dt.date = END) -> list[dt.date]:
    """Days with a post, mostly on weekdays."""
    result = []
    for day in days():
        if day > last:
            break
        weight = 1.3 if day.weekday() < 5 else 0.15
        if rng.random() < per_week / 7 * weight:
            result.append(day)
    return result


@dataclass
class Post:
    """One LinkedIn post and its lifetime metrics."""

    time: dt.datetime
    kind: str
    text: str
    impressions: int
    crisis: bool = False
    id: int = 0
    clicks: int = 0
    likes: int = 0
    comments: int = 0
    reposts: int = 0
    follows: int = 0
    views: int | None = None


def linkedin_posts(rng: random.Random) -> list[Post]:
    """Posts of the LinkedIn page with their metrics."""
    posts: list[Post] = []
    for day in posting_days(rng, 3.4):
        kind, template = rng.choice(LINKEDIN_TEXTS)
        impressions = lognormal(rng, 1150 if kind != "Video" else 1600, 0.55)
        posts.append(Post(at(day, rng, 8, 17), kind, fill(template, rng), impressions))
    posts.append(Post(dt.datetime(2026, 3, 10, 11, 45), "Text", CRISIS_POST, 9800, crisis=True))
    posts.sort(key=lambda p: p.time)
    for i, post in enumerate(posts):
        rate = rng.uniform(0.025, 0.065)
        post.id = 7_340_000_000_000_000_000 + i * 7_919_315 + rng.randrange(1000)
        post.clicks = round(post.impressions * rate * 0.55)
        post.likes = round(post.impressions * rate * 0.35)
        post.comments = round(post.impressions * rate * 0.06) + (64 if post.crisis else 0)
        post.reposts = round(post.impressions * rate * 0.04)
        post.follows = poisson(rng, post.impressions / 1500)
        if post.kind == "Video":
            post.views = lognormal(rng, post.impressions * 0.45, 0.3)
    return posts


def linkedin_content_workbook(path: Path, rng: random.Random) -> list[Post]:
    """Write the LinkedIn content export (Metrics and All posts sheets)."""
    posts = linkedin_posts(rng)
    header = [
        "Post title",
        "Post link",
        "Post type",
        "Campaign name",
        "Posted by",
        "Created date",
        "Campaign start date",
        "Campaign end date",
        "Audience",
        "Impressions",
        "Views (excluding off-site video views)",
        "Off-site views",
        "Clicks",
        "Click through rate (CTR)",
        "Likes",
        "Comments",
        "Reposts",
        "Follows",
        "Engagement rate",
        "Content Type",
    ]
    rows: list[list[object]] = [
        [
            "All posts: Performance of your posts in the selected time "
            "range. Learn more: https://www.linkedin.com/help/linkedin"
        ],
        header,
    ]
    for post in reversed(posts):  # newest first, as LinkedIn lists them
        engaged = post.clicks + post.likes + post.comments + post.reposts
        rows.append(
            [
                post.text,
                f"https://www.linkedin.com/feed/update/urn:li:activity:{post.id}",
                "Organic",
                "",
                "Jonas Weber",
                post.time.strftime("%m/%d/%Y"),
                "",
                "",
                "All followers",
                post.impressions,
                "" if post.views is None else post.views,
                "" if post.views is None else 0,
                post.clicks,
                round(post.clicks / post.impressions, 4),
                post.likes,
                post.comments,
                post.reposts,
                post.follows,
                round(engaged / post.impressions, 4),
                post.kind,
            ]
        )
    metrics_header = [
        "Date",
        "Impressions (organic)",
        "Impressions (sponsored)",
        "Impressions (total)",
        "Unique impressions (organic)",
        "Clicks (organic)",
        "Clicks (sponsored)",
        "Clicks (total)",
        "Reactions (organic)",
        "Reactions (sponsored)",
        "Reactions (total)",
        "Comments (organic)",
        "Comments (sponsored)",
        "Comments (total)",
        "Reposts (organic)",
        "Reposts (sponsored)",
        "Reposts (total)",
        "Engagement rate (organic)",
        "Engagement rate (sponsored)",
        "Engagement rate (total)",
    ]
    spread = [0.55, 0.22, 0.1, 0.06, 0.04, 0.02, 0.01]
    daily: dict[dt.date, list[float]] = {d: [0.0] * 5 for d in days()}
    for post in posts:
        values = (post.impressions, post.clicks, post.likes, post.comments, post.reposts)
        for offset, share in enumerate(spread):
            day = post.time.date() + dt.timedelta(days=offset)
            if day in daily:
                for i, value in enumerate(values):
                    daily[day][i] += value * share
    metrics: list[list[object]] = [
        ["Aggregated metrics for all posts in the selected time range, by day."],
        metrics_header,
    ]
    for day, sums in daily.items():
        impressions, clicks, likes, comments, reposts = (round(v) for v in sums)
        impressions += poisson(rng, 40)
        unique = round(impressions * rng.uniform(0.6, 0.75))
        rate = round((clicks + likes + comments + reposts) / impressions, 4) if impressions else 0
        metrics.append(
            [
                day.strftime("%m/%d/%Y"),
                impressions,
                0,
                impressions,
                unique,
                clicks,
                0,
                clicks,
                likes,
                0,
                likes,
                comments,
                0,
                comments,
                reposts,
                0,
                reposts,
                rate,
                0,
                rate,
            ]
        )
    write_workbook(path, {"Metrics": metrics, "All posts": rows})
    return posts


def linkedin_followers_workbook(path: Path, rng: random.Random, posts: list[Post]) -> None:
    """Write the LinkedIn followers export (New followers plus demographic sheets)."""
    follows_by_day: dict[dt.date, int] = {}
    for post in posts:
        day = post.time.date()
        follows_by_day[day] = follows_by_day.get(day, 0) + post.follows
    rows: list[list[object]] = [
        ["Date", "Sponsored followers", "Organic followers", "Auto-invited followers", "Total followers"]
    ]
    for day in days():
        organic = poisson(rng, 1.3 if day.weekday() < 5 else 0.5) + follows_by_day.get(day, 0)
        invited = 1 if rng.random() < 0.03 else 0
        rows.append([day.strftime("%m/%d/%Y"), 0, organic, invited, organic + invited])
    total = 1850

    def shares(segments: list[tuple[str, float]]) -> list[list[object]]:
        return [[name, round(total * share)] for name, share in segments]

    write_workbook(
        path,
        {
            "New followers": rows,
            "Location": [
                ["Location", "Total followers"],
                *shares(
                    [
                        ("Region Stuttgart", 0.31),
                        ("Heilbronn", 0.18),
                        ("Region München", 0.06),
                        ("Rhein-Neckar", 0.05),
                        ("Region Frankfurt", 0.04),
                    ]
                ),
            ],
            "Job function": [
                ["Job function", "Total followers"],
                *shares(
                    [
                        ("Engineering", 0.27),
                        ("Sales", 0.14),
                        ("Operations", 0.12),
                        ("Purchasing", 0.09),
                        ("Human Resources", 0.04),
                    ]
                ),
            ],
            "Seniority": [
                ["Seniority", "Total followers"],
                *shares([("Senior", 0.34), ("Entry", 0.22), ("Manager", 0.12), ("Director", 0.05)]),
            ],
            "Industry": [
                ["Industry", "Total followers"],
                *shares(
                    [
                        ("Machinery Manufacturing", 0.29),
                        ("Construction", 0.11),
                        ("Utilities", 0.08),
                        ("Civil Engineering", 0.05),
                    ]
                ),
            ],
            "Company size": [
                ["Company size", "Total followers"],
                *shares([("201-500", 0.21), ("51-200", 0.18), ("1001-5000", 0.16), ("11-50", 0.1)]),
            ],
        },
    )


def instagram_export(path: Path, rng: random.Random) -> None:
    """Write the Meta Business Suite Instagram post export (English headers)."""
    header = [
        "Post ID",
        "Account ID",
        "Account username",
        "Account name",
        "Description",
        "Duration (sec)",
        "Publish time",
        "Permalink",
        "Post type",
        "Data comment",
        "Date",
        "Impressions",
        "Reach",
        "Likes",
        "Shares",
        "Follows",
        "Comments",
        "Saves",
        "Plays",
    ]
    rows: list[list[object]] = [header]
    entries = [(at(day, rng, 7, 20), *rng.choice(INSTAGRAM_TEXTS)) for day in posting_days(rng, 2.0)]
    entries.append((dt.datetime(2026, 3, 10, 13, 0), "IG image", CRISIS_POST))
    entries.sort()
    for i, (time, kind, template) in enumerate(entries):
        reach = lognormal(rng, 520 if kind != "IG reel" else 1300, 0.5)
        impressions = round(reach * rng.uniform(1.15, 1.6))
        likes = round(reach * rng.uniform(0.05, 0.11))
        comments = poisson(rng, likes * 0.06) + (38 if template == CRISIS_POST else 0)
        shortcode = "".join(
            rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789") for _ in range(11)
        )
        rows.append(
            [
                17_900_000_000_000_000 + i * 104_729,
                17_841_400_000_000_000,
                "hallbergpumpen",
                "Hallberg Pumpen",
                fill(template, rng),
                rng.randint(15, 60) if kind == "IG reel" else "",
                time.strftime("%m/%d/%Y %H:%M"),
                f"https://www.instagram.com/{'reel' if kind == 'IG reel' else 'p'}/{shortcode}/",
                kind,
                "",
                "Lifetime",
                impressions,
                reach,
                likes,
                poisson(rng, likes * 0.08),
                poisson(rng, 0.6),
                comments,
                poisson(rng, likes * 0.12),
                round(impressions * 1.4) if kind == "IG reel" else "",
            ]
        )
    write_csv(path, rows, encoding="utf-8-sig", quoting=csv.QUOTE_ALL)


def facebook_export(path: Path, rng: random.Random) -> None:
    """Write the Meta Business Suite Facebook post export (German headers)."""
    header = [
        "Beitrags-ID",
        "Seiten-ID",
        "Seitenname",
        "Titel",
        "Beschreibung",
        "Dauer (Sek.)",
        "Veröffentlichungszeitpunkt",
        "Untertiteltyp",
        "Permalink",
        "Ist Crossposting",
        "Ist ein geteilter Beitrag",
        "Beitragstyp",
        "Sprachen",
        "Eigene Labels",
        "Status von finanzierten Inhalten",
        "Datenkommentar",
        "Datum",
        "Impressionen",
        "Reichweite",
        "Reaktionen, Kommentare und geteilte Inhalte",
        "Reaktionen",
        "Kommentare",
        "Geteilte Inhalte",
        "Klicks insgesamt",
        "Link-Klicks",
        "Sonstige Klicks",
        "3-Sekunden-Videoaufrufe",
    ]
    page = 104_223_456_789_012
    entries = [
        (at(day, rng, 8, 18), *rng.choice(FACEBOOK_TEXTS))
        for day in posting_days(rng, 1.6, dt.date(2026, 10, 2))
    ]
    entries.append((dt.datetime(2026, 3, 10, 12, 15), "Links", CRISIS_POST))
    entries.sort()
    rows: list[list[object]] = [header]
    for i, (time, kind, template) in enumerate(entries):
        reach = lognormal(rng, 380, 0.6)
        crisis = template == CRISIS_POST
        if crisis:
            reach = 6400
        reactions = round(reach * rng.uniform(0.02, 0.06))
        comments = poisson(rng, reactions * 0.15) + (112 if crisis else 0)
        shares = poisson(rng, reactions * 0.1) + (45 if crisis else 0)
        link_clicks = poisson(rng, reach * 0.02) if kind == "Links" else 0
        other = poisson(rng, reach * 0.03)
        post_id = f"{page}_{122_100_000_000_000 + i * 3_571}"
        rows.append(
            [
                post_id,
                page,
                "Hallberg Pumpen GmbH",
                "",
                fill(template, rng),
                rng.randint(40, 240) if kind == "Videos" else "",
                time.strftime("%d.%m.%Y %H:%M"),
                "",
                f"https://www.facebook.com/{page}/posts/{post_id.split('_')[1]}",
                "Nein",
                "Nein",
                kind,
                "de",
                "",
                "",
                "",
                "Lebenszeit",
                round(reach * rng.uniform(1.1, 1.4)),
                reach,
                reactions + comments + shares,
                reactions,
                comments,
                shares,
                link_clicks + other,
                link_clicks,
                other,
                lognormal(rng, reach * 0.4, 0.3) if kind == "Videos" else "",
            ]
        )
    write_csv(path, rows, encoding="utf-8-sig", quoting=csv.QUOTE_ALL)


def follows_export(path: Path, rng: random.Random, platform: str, per_day: float) -> None:
    """Write a Meta Business Suite daily follows export (UTF-16, sep= line, title line)."""
    rows: list[list[object]] = [["Date", "Primary"]]
    for day in days():
        boost = 3.0 if in_crisis(day) and platform == "Facebook" else 1.0
        count = poisson(rng, per_day * boost)
        if count:
            rows.append([f"{day.isoformat()}T00:00:00", count])
    write_csv(
        path, rows, encoding="utf-16", quoting=csv.QUOTE_ALL, preamble=f'sep=,\r\n"{platform} follows"\r\n'
    )


def youtube_export(path: Path, rng: random.Random) -> None:
    """Write YouTube Studio's Table data.csv (videos, first data row Total)."""
    titles = [
        "AquaLine {model}: Montage Schritt für Schritt",
        "ThermoFlow richtig entlüften",
        "Gleitringdichtung tauschen (AquaLine {model})",
        "Werksrundgang Heilbronn",
        "ThermoFlow im Fernwärmenetz {city}",
        "Ausbildung bei Hallberg: Industriemechaniker",
        "Pumpenauslegung in 5 Minuten",
    ]
    videos = []
    for day in posting_days(rng, 0.55, dt.date(2026, 8, 20)):
        age = (END - day).days
        views = lognormal(rng, 150 + age * 1.6, 0.5)
        impressions = round(views / rng.uniform(0.03, 0.07))
        video_id = "".join(
            rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(11)
        )
        duration = rng.randint(60, 540)
        watch = round(views * duration * rng.uniform(0.3, 0.55) / 3600, 4)
        videos.append(
            [
                video_id,
                fill(rng.choice(titles), rng),
                us_month_day(day),
                duration,
                views,
                watch,
                poisson(rng, views / 250),
                impressions,
                round(views / impressions * 100, 2),
            ]
        )
    videos.sort(key=lambda v: -int(v[4]))
    header = [
        "Content",
        "Video title",
        "Video publish time",
        "Duration",
        "Views",
        "Watch time (hours)",
        "Subscribers",
        "Impressions",
        "Impressions click-through rate (%)",
    ]
    views = sum(int(v[4]) for v in videos)
    impressions = sum(int(v[7]) for v in videos)
    total = [
        "Total",
        "",
        "",
        "",
        views,
        round(sum(float(v[5]) for v in videos), 4),
        sum(int(v[6]) for v in videos),
        impressions,
        round(views / impressions * 100, 2),
    ]
    write_csv(path, [header, total, *videos], newline="\n")


# --------------------------------------------------------------------------- mentions

NEWS_OUTLETS = [
    ("Heilbronner Stimme", "www.stimme.de", 180_000),
    ("Südwest Presse", "www.swp.de", 240_000),
    ("Stuttgarter Zeitung", "www.stuttgarter-zeitung.de", 520_000),
    ("IKZ Haustechnik", "www.ikz.de", 45_000),
    ("SBZ Monteur", "www.sbz-monteur.de", 30_000),
    ("Pumpen & Armaturen aktuell", "www.pumpen-armaturen.example", 12_000),
    ("Handelsblatt", "www.handelsblatt.com", 2_100_000),
    ("t-online", "www.t-online.de", 3_500_000),
    ("Process", "www.process.vogel.de", 90_000),
    ("Energie & Management", "www.energie-und-management.de", 25_000),
]
BLOGS = [
    ("TGA-Blog", "tga-blog.example", 4_000),
    ("Heizungsfreak", "heizungsfreak.example", 9_000),
    ("Smart Factory Notes", "smartfactory-notes.example", 2_500),
]
SOCIAL = [
    ("twitter", "twitter.com", 0.35),
    ("facebook", "facebook.com", 0.25),
    ("instagram", "instagram.com", 0.1),
    ("linkedin", "linkedin.com", 0.3),
]
FORUMS = [
    ("forum", "www.haustechnikdialog.de"),
    ("forum", "www.reddit.com"),
    ("forum", "www.heizung-forum.example"),
]
FIRST = [
    "jan",
    "lena",
    "tobias",
    "sabine",
    "mehmet",
    "julia",
    "klaus",
    "anna",
    "deniz",
    "markus",
    "petra",
    "lukas",
    "sophie",
    "ralf",
    "nina",
    "frank",
    "elif",
    "stefan",
]
LAST = [
    "mueller",
    "schmidt",
    "schneider",
    "fischer",
    "weber",
    "meyer",
    "wagner",
    "becker",
    "hoffmann",
    "koch",
    "yilmaz",
    "richter",
    "klein",
    "wolf",
    "braun",
    "krause",
]
JOURNALISTS = [
    "Carola Brenner",
    "Martin Vogt",
    "Sandra Lehmann",
    "Peter Albrecht",
    "Yvonne Haas",
    "Redaktion",
]

NEWS = {
    (HALLBERG, "neutral"): [
        "Hallberg Pumpen stellt neue Auszubildende ein",
        "Hallberg erweitert Service-Team für Heilbronn-Franken",
        "Pumpenhersteller Hallberg meldet stabile Auftragslage",
        "ThermoFlow von Hallberg im Praxistest der Fachpresse",
    ],
    (HALLBERG, "positive"): [
        "Hallberg Pumpen gewinnt Effizienzpreis für AquaLine",
        "ThermoFlow senkt Energiekosten im Fernwärmenetz deutlich",
        "Heilbronner Mittelständler Hallberg investiert in Ausbildung",
    ],
    (HALLBERG, "negative"): [
        "Lieferverzögerungen bei Hallberg-Ersatzteilen",
        "Kunden klagen über lange Wartezeiten bei Hallberg-Hotline",
    ],
    (KESSLER, "neutral"): [
        "Kessler Fluidtechnik mit neuem Vertriebsleiter",
        "Kessler Fluidtechnik präsentiert Ventilserie KV-3",
    ],
    (KESSLER, "positive"): [
        "Kessler Fluidtechnik wächst zweistellig",
        "Kessler baut neues Werk in Schwäbisch Hall",
    ],
    (KESSLER, "negative"): ["Kessler Fluidtechnik verliert Großauftrag"],
    (NORDER, "neutral"): [
        "Norder Pumpenwerke stellt Geschäftsbericht vor",
        "Norder Pumpenwerke setzt auf Digitalisierung im Service",
    ],
    (NORDER, "positive"): ["Norder Pumpenwerke mit Innovationspreis ausgezeichnet"],
    (NORDER, "negative"): [
        "Norder Pumpenwerke kündigt Stellenabbau an",
        "Betriebsrat kritisiert Pläne bei Norder Pumpenwerke",
    ],
}
CRISIS_NEWS = [
    "Hallberg ruft AquaLine-Ventile zurück: Undichtigkeit möglich",
    "Rückruf bei Hallberg Pumpen: Ventile der Serie AV-200 können lecken",
    "Undichte Ventile: Was Besitzer einer AquaLine jetzt wissen müssen",
    "Hallberg-Rückruf: Wasserschäden in mehreren Betrieben gemeldet",
    "Nach Rückruf: Kritik an Informationspolitik von Hallberg",
    "Hallberg Pumpen recalls leaking AquaLine valves",
]
SOCIAL_TEXTS = {
    (HALLBERG, "neutral"): [
        "Weiß jemand, ob es für die AquaLine AL 65 ein Nachfolgemodell gibt? @hallberg_pumpen",
        "Heute Schulung bei Hallberg in Heilbronn zur ThermoFlow. Mal sehen.",
        "Hallberg sucht wieder Azubis, falls jemand in der Region Heilbronn was sucht",
        "Anyone here using Hallberg ThermoFlow pumps in district heating?",
    ],
    (HALLBERG, "positive"): [
        "Die neue ThermoFlow läuft bei uns seit Wochen absolut leise. Top, Hallberg! 👍",
        "Super Service von Hallberg: Ersatzteil am nächsten Tag da.",
        "Great support from Hallberg Pumpen today, problem solved in 10 minutes.",
        "Tolle Ausbildungswerkstatt bei Hallberg, unser Sohn ist begeistert.",
    ],
    (HALLBERG, "negative"): [
        "Seit drei Tagen niemand bei der Hallberg-Hotline erreichbar. 😠",
        "AquaLine brummt nach einem Jahr schon. Enttäuschend, Hallberg.",
    ],
    (KESSLER, "neutral"): [
        "Kessler Fluidtechnik oder Hallberg für Ventile im Neubau?",
        "Kessler Ventile heute eingebaut, mal sehen wie lange sie halten.",
    ],
    (KESSLER, "positive"): [
        "Kessler Fluidtechnik liefert wirklich schnell, Respekt.",
        "Kessler's new valve range looks solid.",
    ],
    (KESSLER, "negative"): ["Kessler Hotline ist eine Katastrophe."],
    (NORDER, "neutral"): [
        "Hat jemand Erfahrung mit Norder Umwälzpumpen?",
        "Norder Pumpenwerke auf der Messe, Stand war gut besucht.",
    ],
    (NORDER, "positive"): ["Norder Pumpen laufen bei uns seit 15 Jahren ohne Probleme."],
    (NORDER, "negative"): [
        "Schon wieder Stellenabbau bei Norder. Schade um die Leute.",
        "Norder Pumpe nach 2 Jahren defekt, Garantie abgelehnt.",
    ],
}
CRISIS_SOCIAL = [
    "Mein AquaLine-Ventil leckt seit gestern, Keller unter Wasser. Danke @hallberg_pumpen 😡",
    "Rückruf bei Hallberg: Warum erfahre ich das aus der Zeitung und nicht vom Hersteller?",
    "Hotline von Hallberg seit Stunden besetzt. Wir haben drei betroffene Anlagen. #Rückruf",
    "Undichte Ventile bei Hallberg AquaLine. Wer zahlt eigentlich die Wasserschäden?",
    "Als Installateur habe ich heute fünf AquaLine-Ventile getauscht. Hallberg, das geht so nicht.",
    "Hallberg recall: leaking AquaLine valves, customers left waiting. Not good.",
    "Ersatz für AV-200 Ventile soll erst in zwei Wochen kommen?! #Hallberg",
    "Immerhin hat Hallberg schnell informiert. Ersatzteil ist bestellt.",
]
IFAT_TEXTS = {
    HALLBERG: "Hallberg zeigt auf der IFAT die neue ThermoFlow-Generation",
    KESSLER: "Kessler Fluidtechnik mit großem Stand auf der IFAT",
    NORDER: "Norder Pumpenwerke präsentiert auf der IFAT digitale Pumpenüberwachung",
}


WEEKDAY = (1.0, 1.15, 1.1, 1.0, 0.85, 0.4, 0.35)
"""Relative mention volume Monday to Sunday."""
DISPERSION = 3.0
"""Size of the negative binomial: variance = mean + mean² ÷ 3."""
CAMPAIGN = (dt.date(2026, 9, 8), dt.date(2026, 9, 12))
VIRAL = dt.date(2026, 10, 29)


def mention_plan(day: dt.date) -> dict[str, tuple[float, dict[str, float]]]:
    """Expected mentions per entity on ``day`` and the sentiment mix."""
    trend = 0.85 + 0.3 * (day - START).days / (END - START).days  # slow growth over the year
    weekday = WEEKDAY[day.weekday()] * trend
    plan = {
        HALLBERG: (4.2 * weekday, {"positive": 0.25, "neutral": 0.6, "negative": 0.15}),
        KESSLER: (3.0 * weekday, {"positive": 0.25, "neutral": 0.6, "negative": 0.15}),
        NORDER: (2.2 * weekday, {"positive": 0.2, "neutral": 0.65, "negative": 0.15}),
    }
    if in_crisis(day):
        extra = {10: 55, 11: 115, 12: 85, 13: 45, 14: 25}[day.day]
        plan[HALLBERG] = (4.2 + extra, {"positive": 0.04, "neutral": 0.16, "negative": 0.8})
    if dt.date(2026, 5, 5) <= day <= dt.date(2026, 5, 8):
        for entity in plan:
            lam, _ = plan[entity]
            plan[entity] = (lam + 7, {"positive": 0.45, "neutral": 0.5, "negative": 0.05})
    if CAMPAIGN[0] <= day <= CAMPAIGN[1]:
        lam, _ = plan[HALLBERG]
        plan[HALLBERG] = (lam + 6, {"positive": 0.5, "neutral": 0.45, "negative": 0.05})
    if day in (VIRAL, VIRAL + dt.timedelta(days=1)):
        lam, _ = plan[HALLBERG]
        plan[HALLBERG] = (
            lam + (30 if day == VIRAL else 12),
            {"positive": 0.7, "neutral": 0.27, "negative": 0.03},
        )
    if day == dt.date(2026, 6, 16):
        plan[KESSLER] = (14.0, {"positive": 0.7, "neutral": 0.3, "negative": 0.0})
    if day in (dt.date(2026, 9, 22), dt.date(2026, 9, 23)):
        plan[NORDER] = (14.0, {"positive": 0.0, "neutral": 0.3, "negative": 0.7})
    return plan


def planned(day: dt.date, entity: str) -> bool:
    """True when ``entity``'s volume on ``day`` is a planted event (drawn without extra noise)."""
    if entity == HALLBERG and (
        in_crisis(day) or CAMPAIGN[0] <= day <= CAMPAIGN[1] or day in (VIRAL, VIRAL + dt.timedelta(days=1))
    ):
        return True
    return dt.date(2026, 5, 5) <= day <= dt.date(2026, 5, 8)


def pick(rng: random.Random, weights: dict[str, float]) -> str:
    """A key of ``weights`` drawn by weight."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@dataclass
class Mention:
    """One planned mention before it is written in a tool's format."""

    id: int
    entity: str
    sentiment: str
    channel: str
    time: dt.datetime
    text: str
    english: bool


def mentions(rng: random.Random) -> list[Mention]:
    """All mentions of the period, news and social."""
    result: list[Mention] = []
    counter = 0
    for day in days():
        for entity, (lam, sentiments) in mention_plan(day).items():
            crisis = entity == HALLBERG and in_crisis(day)
            count = poisson(rng, lam) if planned(day, entity) else negative_binomial(rng, lam, DISPERSION)
            first_hour = 10 if (crisis and day == CRISIS[0]) or (entity == HALLBERG and day == VIRAL) else 0
            for _ in range(count):
                counter += 1
                sentiment = pick(rng, sentiments)
                news_share = 0.38 if crisis else 0.3
                channel = (
                    "news" if rng.random() < news_share else ("forum" if rng.random() < 0.15 else "social")
                )
                ifat = dt.date(2026, 5, 5) <= day <= dt.date(2026, 5, 8) and rng.random() < 0.6
                event_norder = entity == NORDER and day.month == 9 and day.day in (22, 23)
                if channel == "news" and rng.random() < 0.12:
                    channel = "blog"
                if crisis and sentiment != "positive" and rng.random() < 0.9:
                    text = rng.choice(CRISIS_NEWS if channel in ("news", "blog") else CRISIS_SOCIAL)
                elif ifat:
                    text = IFAT_TEXTS[entity]
                elif event_norder:
                    text = "Norder Pumpenwerke kündigt Stellenabbau an"
                elif entity == KESSLER and day == dt.date(2026, 6, 16):
                    text = "Kessler baut neues Werk in Schwäbisch Hall"
                elif channel in ("news", "blog"):
                    text = rng.choice(NEWS[(entity, sentiment)])
                else:
                    text = rng.choice(SOCIAL_TEXTS[(entity, sentiment)])
                rhythm = NEWS_HOURS if channel in ("news", "blog") else SOCIAL_HOURS
                english = bool(re.search(r"\b(the|recalls|from|looks|here|using)\b", text))
                time = at_rhythm(day, rng, rhythm, first_hour)
                result.append(Mention(counter, entity, sentiment, channel, time, text, english))
    result.sort(key=lambda m: m.time)
    return result


def slug(text: str) -> str:
    """A URL path segment from a headline."""
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(table)).strip("-")[:60]


def handle(rng: random.Random) -> str:
    """A made-up social media handle."""
    return f"{rng.choice(FIRST)}_{rng.choice(LAST)}{rng.randint(1, 99)}"


def meltwater_export(path: Path, rng: random.Random, items: list[Mention]) -> None:
    """Write news and blog mentions as a Meltwater export (UTF-16, tab-separated)."""
    header = [
        "Date",
        "Headline",
        "URL",
        "Opening Text",
        "Hit Sentence",
        "Source",
        "Influencer",
        "Country",
        "Subregion",
        "Language",
        "Reach",
        "Desktop Reach",
        "Mobile Reach",
        "Twitter Social Echo",
        "Facebook Social Echo",
        "Reddit Social Echo",
        "National Viewership",
        "Engagement",
        "AVE",
        "Sentiment",
        "Key Phrases",
        "Input Name",
        "Keywords",
        "Tweet Id",
        "Twitter Id",
        "Twitter Client",
        "Twitter Screen Name",
        "User Profile Url",
        "Twitter Bio",
        "Twitter Followers",
        "Twitter Following",
        "Alternate Date Format",
        "Time",
        "State",
        "City",
        "Document Tags",
    ]
    rows: list[list[object]] = [header]
    for item in items:
        if item.channel not in ("news", "blog"):
            continue
        name, domain, reach = rng.choice(NEWS_OUTLETS if item.channel == "news" else BLOGS)
        time, headline, entity = item.time, item.text, item.entity
        keyword = entity.split()[0]
        opening = (
            f"{headline}. {keyword} aus {'Heilbronn' if entity == HALLBERG else 'der Region'}"
            f" äußerte sich am {time:%d.%m.%Y} dazu."
        )
        reach_value = lognormal(rng, reach, 0.15)
        sentiment = item.sentiment.capitalize()
        if rng.random() < 0.05:
            sentiment = "Not Rated"
        rows.append(
            [
                meltwater_time(time),
                headline,
                f"https://{domain}/{time:%Y/%m}/{slug(headline)}-{item.id}",
                opening,
                f"{headline}.",
                name,
                rng.choice(JOURNALISTS),
                "Germany",
                "Baden-Württemberg",
                "English" if item.english else "German",
                reach_value,
                round(reach_value * 0.4),
                round(reach_value * 0.6),
                "",
                "",
                "",
                "",
                poisson(rng, 3),
                round(reach_value * 0.0093, 2),
                sentiment,
                "",
                entity,
                keyword,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                us_month_day(time.date()),
                clock(time),
                "",
                "",
                "",
            ]
        )
    # Meltwater exports now and then list a hit twice; the importer drops exact duplicates.
    for index in (7, 400, 901):
        if index < len(rows):
            rows.insert(index + 1, list(rows[index]))
    write_csv(path, rows, delimiter="\t", encoding="utf-16", quoting=csv.QUOTE_MINIMAL)


def brandwatch_export(path: Path, rng: random.Random, items: list[Mention]) -> None:
    """Write social and forum mentions as a Brandwatch export (report lines on top)."""
    query_ids = {HALLBERG: 2_003_456_781, KESSLER: 2_003_456_782, NORDER: 2_003_456_783}
    header = [
        "Query Id",
        "Query Name",
        "Date",
        "Title",
        "Url",
        "Domain",
        "Sentiment",
        "Page Type",
        "Language",
        "Country",
        "Author",
        "Full Text",
        "Reach (new)",
        "Impressions",
        "Engagement Score",
    ]
    rows: list[list[object]] = [header]
    for item in items:
        if item.channel not in ("social", "forum"):
            continue
        time, entity = item.time, item.entity
        author = handle(rng)
        if item.channel == "forum":
            page_type, domain = rng.choice(FORUMS)
            url = f"https://{domain}/thread/{item.id}"
            reach = lognormal(rng, 300, 0.8)
            title = item.text[:60]
        else:
            network, domain, _ = rng.choices(SOCIAL, weights=[s[2] for s in SOCIAL])[0]
            page_type = network
            url = f"https://{domain}/{author}/status/{1_900_000_000 + item.id}"
            reach = lognormal(rng, 900, 1.0)
            title = ""
        crisis = entity == HALLBERG and in_crisis(time.date())
        engagement = poisson(rng, 25 if crisis else 4)
        rows.append(
            [
                query_ids[entity],
                entity,
                time.strftime("%Y-%m-%d %H:%M:%S.0"),
                title,
                url,
                domain.removeprefix("www."),
                item.sentiment,
                page_type,
                "en" if item.english else "de",
                "Germany",
                author,
                item.text,
                reach,
                round(reach * rng.uniform(1.0, 1.8)),
                engagement,
            ]
        )
    preamble = (
        '"Brandwatch Consumer Research"\r\n"Report:","Hallberg Social Monitoring"\r\n'
        f'"From:","{START.isoformat()}"\r\n"To:","{END.isoformat()}"\r\n'
        '"Queries:","Hallberg Pumpen; Kessler Fluidtechnik; Norder Pumpenwerke"\r\n'
        '"Generated:","2026-11-01 08:00:00"\r\n\r\n'
    )
    write_csv(path, rows, encoding="utf-8", quoting=csv.QUOTE_ALL, preamble=preamble)


# --------------------------------------------------------------------------- survey

SURVEY_ITEMS = {
    "attitude_1": "Social Media ist für den Erfolg von Hallberg wichtig.",
    "attitude_2": "Ich würde Beiträge von Hallberg in meinem privaten Netzwerk teilen.",
    "attitude_3_r": "Social Media ist für ein Industrieunternehmen Zeitverschwendung.",
    "knowledge_1": "Ich kenne die Social-Media-Leitlinien von Hallberg.",
    "knowledge_2": "Ich weiß, was ich über Hallberg öffentlich sagen darf und was nicht.",
    "knowledge_3": "Ich weiß, an wen ich mich bei kritischen Kommentaren wende.",
    "confidence_1": "Ich fühle mich im Umgang mit LinkedIn sicher.",
    "confidence_2": "Ich traue mir zu, auf Fragen zu unseren Produkten sachlich zu antworten.",
    "confidence_3": "Ich weiß, wie ich meine Privatsphäre-Einstellungen anpasse.",
}
"""The survey items (German wording as asked); ``attitude_3_r`` is reverse-coded."""

DEPARTMENTS = {
    "Vertrieb": (8, 0.6, 0.3),
    "Marketing": (4, 0.9, 0.8),
    "Produktion": (12, -0.5, -0.8),
    "Service": (6, 0.1, -0.2),
    "Entwicklung": (6, 0.2, -0.3),
    "Verwaltung": (5, -0.1, 0.0),
}
"""Department: respondents, attitude offset, knowledge offset."""


def survey_export(path: Path, rng: random.Random) -> None:
    """Write the employee survey (semicolon-separated, as Excel in German saves it)."""
    header = ["respondent_id", "Abteilung", "Zeitstempel", *SURVEY_ITEMS]
    rows: list[list[object]] = [header]
    respondents = [(dept, params) for dept, params in DEPARTMENTS.items() for _ in range(params[0])]
    rng.shuffle(respondents)
    for number, (dept, (_, attitude_offset, knowledge_offset)) in enumerate(respondents, 1):
        attitude = rng.gauss(attitude_offset, 0.8)
        knowledge = rng.gauss(knowledge_offset, 0.8)
        confidence = 0.5 * attitude + 0.3 * knowledge + rng.gauss(0, 0.7)
        answers: list[object] = []
        for item in SURVEY_ITEMS:
            latent = {"attitude": attitude, "knowledge": knowledge, "confidence": confidence}[
                item.split("_")[0]
            ]
            value = min(5, max(1, round(3.1 + latent + rng.gauss(0, 0.55))))
            if item.endswith("_r"):
                value = 6 - value
            answers.append("" if rng.random() < 0.02 else value)
        submitted = dt.datetime(2026, 9, 14, 7, 0) + dt.timedelta(minutes=rng.randrange(0, 11 * 24 * 60))
        rows.append([f"R{number:03d}", dept, submitted.strftime("%d.%m.%Y %H:%M"), *answers])
    write_csv(path, rows, delimiter=";", encoding="utf-8-sig")


# --------------------------------------------------------------------------- main


def generate(out: Path, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write every demo export into ``out``; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    files = {
        "linkedin_content": out / "hallberg-pumpen_content_1793520000000.xlsx",
        "linkedin_followers": out / "hallberg-pumpen_followers_1793520000000.xlsx",
        "instagram": out / "Instagram_Beitraege_Nov-01-2025_Oct-31-2026.csv",
        "facebook": out / "Facebook_Beitraege_Nov-01-2025_Oct-31-2026.csv",
        "facebook_follows": out / "Facebook_Follows_2025-11-01_2026-10-31.csv",
        "instagram_follows": out / "Instagram_Follows_2025-11-01_2026-10-31.csv",
        "youtube": out / "Table data.csv",
        "meltwater": out / "Meltwater_Hallberg_Wettbewerb_2025-11-01_2026-10-31.csv",
        "brandwatch": out / "Brandwatch_Hallberg_Social_2025-11-01_2026-10-31.csv",
        "survey": out / "Mitarbeiterbefragung_Social_Media_2026.csv",
    }
    posts = linkedin_content_workbook(files["linkedin_content"], random.Random(rng.random()))
    linkedin_followers_workbook(files["linkedin_followers"], random.Random(rng.random()), posts)
    instagram_export(files["instagram"], random.Random(rng.random()))
    facebook_export(files["facebook"], random.Random(rng.random()))
    follows_export(files["facebook_follows"], random.Random(rng.random()), "Facebook", 1.1)
    follows_export(files["instagram_follows"], random.Random(rng.random()), "Instagram", 2.2)
    youtube_export(files["youtube"], random.Random(rng.random()))
    items = mentions(random.Random(rng.random()))
    meltwater_export(files["meltwater"], random.Random(rng.random()), items)
    brandwatch_export(files["brandwatch"], random.Random(rng.random()), items)
    survey_export(files["survey"], random.Random(rng.random()))
    return list(files.values())


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    args = parser.parse_args(argv)
    written = generate(args.out, args.seed)
    total = sum(p.stat().st_size for p in written)
    for path in written:
        print(f"{path.stat().st_size / 1024:8.0f} KiB  {path.name}")
    print(f"{total / 1024 / 1024:8.2f} MiB  total in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
