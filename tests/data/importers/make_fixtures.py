"""Write the importer test fixtures (small, hand-made, following the real column sets).

The fixtures are committed; this script documents how each was made and remakes them
byte for byte: ``python tests/data/importers/make_fixtures.py``.  The text of every
fixture is written out literally below; the script only adds what is hard to type
(byte order marks, UTF-16, Windows-1252, CRLF, workbooks).  The .xls fixture needs the
``xlwt`` package (only here, not at run time); without it that file is left as it is.

Each case ``cases/<name>.<ext>`` has a ``cases/<name>.expected.json`` written by hand
next to it; ``bad/`` holds inputs that must be rejected with a clear message.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

HERE = Path(__file__).parent
CASES = HERE / "cases"
BAD = HERE / "bad"
NBSP = "\u00a0"


def text(path: Path, content: str, encoding: str = "utf-8", newline: str = "\n") -> None:
    """Write ``content`` (written with LF line ends) with the given encoding and line ends."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.replace("\n", newline).encode(encoding))


# --- Meta Business Suite --------------------------------------------------------------

FACEBOOK_EN = """"Post ID","Page ID","Page name","Title","Description","Duration (sec)","Publish time","Caption type","Permalink","Is crosspost","Is share","Post type","Languages","Custom labels","Funded content status","Data comment","Date","Impressions","Reach","Reactions, comments and shares","Reactions","Comments","Shares","Total clicks","Link clicks","Other clicks","3-second video views"
"1234567890_111","1234567890","Hallberg Pumpen GmbH","","Neue AquaLine-Serie, jetzt verfügbar.
Mehr auf unserer Website.","","07/14/2026 09:30","","https://www.facebook.com/1234567890/posts/111","No","No","Photos","de","","","","Lifetime","12,400","9,870","245","198","31","16","402","210","192",""
"1234567890_112","1234567890","Hallberg Pumpen GmbH","Werksführung ThermoFlow","","95","07/02/2026 14:05","","https://www.facebook.com/1234567890/videos/112","No","No","Videos","de","","","","Lifetime","3,050","2,710","88","70","12","6","45","","","1,118"
"1234567890_113","1234567890","Hallberg Pumpen GmbH","","Wir stellen ein: Servicetechniker (m/w/d)","","06/30/2026 08:00","","https://www.facebook.com/1234567890/posts/113","No","No","Links","de","","","","Lifetime","980","","14","10","2","2","67","60","7",""
"1234567890_113","1234567890","Hallberg Pumpen GmbH","","Wir stellen ein: Servicetechniker (m/w/d)","","06/30/2026 08:00","","https://www.facebook.com/1234567890/posts/113","No","No","Links","de","","","","Lifetime","980","","14","10","2","2","67","60","7",""
"""

FACEBOOK_DE = """Beitrags-ID;Seiten-ID;Seitenname;Titel;Beschreibung;Dauer (Sek.);Veröffentlichungszeitpunkt;Permalink;Beitragstyp;Datum;Impressionen;Reichweite;Reaktionen;Kommentare;Geteilte Inhalte;Klicks insgesamt;3-Sekunden-Videoaufrufe
1234567890_201;1234567890;Hallberg Pumpen GmbH;;"Grüße von der Messe in Köln; Stand B12";;14.07.2026 09:30;https://www.facebook.com/1234567890/posts/201;Fotos;Lebenszeit;1.234;1.010;56;4;3;87;
1234567890_202;1234567890;Hallberg Pumpen GmbH;;Schöne Feiertage!;;23.12.2025 16:00;https://www.facebook.com/1234567890/posts/202;Fotos;Lebenszeit;12.400;9.876;210;15;9;120;
Gesamt;;;;;;;;;;13.634;10.886;266;19;12;207;


"""

INSTAGRAM_EN = """Post ID,Account ID,Account username,Account name,Description,Duration (sec),Publish time,Permalink,Post type,Data comment,Date,Impressions,Reach,Likes,Shares,Follows,Comments,Saves,Plays
17900000000000001,17800000000000000,hallberg.pumpen,Hallberg Pumpen,"Blick in die Fertigung 🔧 #AquaLine",,07/14/2026 17:45,https://www.instagram.com/p/C1a/,IG carousel,,Lifetime,"5,432","4,321",321,12,3,18,45,
17900000000000002,17800000000000000,hallberg.pumpen,Hallberg Pumpen,Reel: ThermoFlow im Test,32,07/10/2026 12:00,https://www.instagram.com/reel/C1b/,IG reel,,Lifetime,"10,250","8,900",654,40,9,27,88,"12,000"
17900000000000003,17800000000000000,hallberg.pumpen,Hallberg Pumpen,Team-Foto,,07/03/2026 08:15,https://www.instagram.com/p/C1c/,IG image,,Lifetime,980,870,75,1,0,2,4,
"""

INSTAGRAM_DE = f"""Beitrags-ID;Konto-ID;Konto-Benutzername;Kontoname;Beschreibung;Dauer (Sek.);Veröffentlichungszeitpunkt;Permalink;Beitragstyp;Datenkommentar;Datum;Impressionen;Reichweite;„Gefällt mir“-Angaben;Geteilte Inhalte;Follows;Kommentare;Gespeichert;Wiedergaben
17900000000000011;17800000000000000;hallberg.pumpen;Hallberg Pumpen;Auszubildende im Porträt;;01.07.2026 10:00;https://www.instagram.com/p/D1a/;IG-Bild;;Gesamte Laufzeit;1 234;1 100;98;2;1;7;11;
17900000000000012;17800000000000000;hallberg.pumpen;Hallberg Pumpen;Messe-Reel;45;05.07.2026 18:30;https://www.instagram.com/reel/D1b/;IG-Reel;;Gesamte Laufzeit;12{NBSP}400;10{NBSP}050;410;22;5;19;40;15{NBSP}230
"""

FOLLOWS_FACEBOOK = """sep=,
"Facebook follows"
"Date","Primary"
"2026-07-01T00:00:00","3"
"2026-07-02T00:00:00","5"
"2026-07-04T00:00:00","1"
"""

FOLLOWS_INSTAGRAM = """sep=,
"Instagram follows"
"Date","Primary"
"2026-07-01T00:00:00","12"
"2026-07-01T00:00:00","12"
"2026-07-03T00:00:00","7"
"""

# --- LinkedIn ---------------------------------------------------------------------------

LI_METRICS_HEADER = [
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
LI_METRICS_ROWS = [
    ["07/01/2026", 812, 0, 812, 505, 23, 0, 23, 17, 0, 17, 2, 0, 2, 1, 0, 1, 0.0529, 0, 0.0529],
    ["07/02/2026", 1204, 300, 1504, 790, 40, 6, 46, 30, 2, 32, 5, 0, 5, 3, 0, 3, 0.0571, 0.0267, 0.0572],
    ["07/03/2026", 95, 0, 95, 80, 1, 0, 1, 2, 0, 2, 0, 0, 0, 0, 0, 0, 0.0316, 0, 0.0316],
]
LI_POSTS_HEADER = [
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
LI_POSTS_ROWS = [
    [
        "AquaLine 2: leiser, sparsamer, wartungsarm. Jetzt im Shop.",
        "https://www.linkedin.com/feed/update/urn:li:activity:7350000000000000001",
        "Organic",
        "",
        "Julia Berger",
        "07/14/2026",
        "",
        "",
        "All followers",
        4210,
        "",
        "",
        188,
        0.0447,
        96,
        14,
        9,
        3,
        0.0733,
        "Image",
    ],
    [
        "Einblick in unsere Ausbildungswerkstatt",
        "https://www.linkedin.com/feed/update/urn:li:activity:7350000000000000002",
        "Organic",
        "",
        "Julia Berger",
        "07/02/2026",
        "",
        "",
        "All followers",
        1875,
        640,
        0,
        52,
        0.0277,
        41,
        6,
        2,
        0,
        0.0539,
        "Video",
    ],
]
LI_OLD_POSTS_HEADER = [
    "Update title",
    "Update link",
    "Update type",
    "Campaign name",
    "Posted by",
    "Created date",
    "Campaign start date",
    "Campaign end date",
    "Audience",
    "Impressions",
    "Video views",
    "Clicks",
    "Click through rate (CTR)",
    "Likes",
    "Comments",
    "Shares",
    "Follows",
    "Engagement rate",
    "Content Type",
]
LI_OLD_POSTS_ROWS = [
    [
        "Wir sind Aussteller auf der SHK Essen",
        "https://www.linkedin.com/feed/update/urn:li:activity:6900000000000000001",
        "Organic",
        "",
        "Thomas Keller",
        dt.datetime(2024, 3, 5),
        "",
        "",
        "All followers",
        2301,
        0,
        77,
        0.0335,
        45,
        3,
        7,
        1,
        0.0574,
        "Text",
    ],
]
LI_OLD_METRICS_HEADER = [h.replace("Reposts", "Shares") for h in LI_METRICS_HEADER]
LI_OLD_METRICS_ROWS = [
    ["03/05/2024", 2301, 0, 2301, 1500, 77, 0, 77, 45, 0, 45, 3, 0, 3, 7, 0, 7, 0.0574, 0, 0.0574],
]
LINKEDIN_POSTS_CSV = """\ufeffAll posts;;;;;;;;;;;;;;;;;;;
Post title;Post link;Post type;Campaign name;Posted by;Created date;Campaign start date;Campaign end date;Audience;Impressions;Views (excluding off-site video views);Off-site views;Clicks;Click through rate (CTR);Likes;Comments;Reposts;Follows;Engagement rate;Content Type
Servicetechniker gesucht (m/w/d);https://www.linkedin.com/feed/update/urn:li:activity:7350000000000000003;Organic;;Julia Berger;14.07.2026;;;All followers;1.234;;;64;5,19 %;28;4;6;0;8,1 %;Text
"ThermoFlow: 30 % weniger Energie; jetzt testen";https://www.linkedin.com/feed/update/urn:li:activity:7350000000000000004;Organic;;Julia Berger;03.07.2026;;;All followers;12.400;2.050;;310;2,5 %;220;31;18;4;4,6 %;Video
"""
LINKEDIN_METRICS_DE = """Date;Impressions (organic);Impressions (sponsored);Impressions (total);Unique impressions (organic);Clicks (organic);Clicks (sponsored);Clicks (total);Reactions (organic);Reactions (sponsored);Reactions (total);Comments (organic);Comments (sponsored);Comments (total);Reposts (organic);Reposts (sponsored);Reposts (total);Engagement rate (organic);Engagement rate (sponsored);Engagement rate (total)
01.07.2026;1.234;0;1.234;980;40;0;40;12;0;12;1;0;1;2;0;2;3,4 %;;3,4 %
02.07.2026;812;0;812;700;3;0;3;1;0;1;0;0;0;0;0;0;0,5 %;;0,5 %
03.07.2026;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;;;
"""

LINKEDIN_FOLLOWERS_CSV = """Date,Sponsored followers,Organic followers,Auto-invited followers,Total followers
10/30/2026,0,3,0,3
10/31/2026,1,2,0,3
"""

# --- X ----------------------------------------------------------------------------------

X_LEGACY = """"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","engagement rate","retweets","replies","likes","user profile clicks","url clicks","hashtag clicks","detail expands","permalink clicks","app opens","app installs","follows","email tweet","dial phone","media views","media engagements"
"1412345678901234567","https://twitter.com/hallberg_pumpen/status/1412345678901234567","Wir sind auf der #IFAT! Halle A4, Stand 311","2026-07-14 07:30 +0000","1520.0","48.0","0.031578947368421054","3.0","2.0","21.0","4.0","9.0","1.0","8.0","0.0","0","0","0","0","0","0.0","0.0"
"1412345678901234568","https://twitter.com/hallberg_pumpen/status/1412345678901234568","Heizungstausch 2026: Was Sie zur Förderung wissen müssen https://t.co/abc","2026-01-15 16:05 +0000","880.0","25.0","0.028409090909090908","1.0","0.0","9.0","2.0","12.0","0.0","1.0","0.0","0","0","0","0","0","140.0","6.0"
"""

X_CONTENT = """Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,Hashtag Clicks,Permalink Clicks
1945000000000000001,"Tue, Jul 14, 2026","Neue ThermoFlow-Generation, effizienter denn je.
Details im Thread 👇",https://x.com/hallberg_pumpen/status/1945000000000000001,"2,310",34,97,5,2,1,6,8,12,20,11,3,0
1945000000000000002,"Wed, Jul 1, 2026",Kurz notiert: Betriebsferien vom 3. bis 14. August,https://x.com/hallberg_pumpen/status/1945000000000000002,880,9,25,0,0,0,1,2,3,7,0,0,0
"""

# --- YouTube, TikTok ------------------------------------------------------------------

YOUTUBE = """Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,Impressions,Impressions click-through rate (%)
Total,,,,4590,210.4331,18,61230,4.12
hPq2x9AaB1c,AquaLine Montage in 3 Minuten,"Jul 14, 2026",185,3120,150.2,12,40100,4.8
Zx81kLmNo0Q,"Rundgang: Werk Heilbronn, Teil 1","Mar 2, 2026",602,1470,60.2331,6,21130,3.1
"""

TIKTOK = """"Video title","Video link","Post time","Views in the last 7 days","Total views","Total likes","Total comments","Total shares"
"Ein Tag in der Ausbildung #pumpen","https://www.tiktok.com/@hallberg.pumpen/video/7390000000000000001","2026-07-12 09:00","153","26000","1500","12","20"
"","https://www.tiktok.com/@hallberg.pumpen/video/7390000000000000002","2026-07-13 18:45","1","2","0","0","0"
"""

# --- Monitoring -------------------------------------------------------------------------

MELTWATER_HEADER = [
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
]


def meltwater_row(values: dict[str, str]) -> str:
    """Return one tab-separated Meltwater row with the given columns filled."""
    return "\t".join(values.get(h, "") for h in MELTWATER_HEADER)


MELTWATER = (
    "\n".join(
        [
            "\t".join(MELTWATER_HEADER),
            meltwater_row(
                {
                    "Date": "10-Mar-2026 08:12AM",
                    "Headline": "Hallberg ruft AquaLine-Ventile zurück",
                    "URL": "https://www.stimme.de/wirtschaft/hallberg-rueckruf-123",
                    "Opening Text": "Der Heilbronner Pumpenhersteller Hallberg ruft Ventile zurück.",
                    "Hit Sentence": "Hallberg ruft Ventile der Serie AquaLine zurück, weil sie undicht "
                    "werden können.",
                    "Source": "Heilbronner Stimme",
                    "Influencer": "Max Muster",
                    "Country": "Germany",
                    "Subregion": "Baden-Württemberg",
                    "Language": "German",
                    "Reach": "120,000",
                    "Engagement": "35",
                    "AVE": "1,110.00",
                    "Sentiment": "Negative",
                    "Key Phrases": "Rückruf, Ventile",
                    "Input Name": "Hallberg",
                    "Keywords": "Hallberg, AquaLine",
                    "Alternate Date Format": "Mar 10, 2026",
                    "Time": "08:12 AM",
                }
            ),
            meltwater_row(
                {
                    "Date": "10-Mar-2026 09:40PM",
                    "URL": "https://twitter.com/klempner_karl/status/1",
                    "Hit Sentence": '"@hallberg_pumpen mein AquaLine-Ventil\tleckt seit Tagen!\n'
                    'Wann kommt Ersatz?"',
                    "Source": "Twitter",
                    "Influencer": "@klempner_karl",
                    "Country": "Germany",
                    "Language": "German",
                    "Reach": "2,350",
                    "Engagement": "12",
                    "Sentiment": "Negative",
                    "Input Name": "Hallberg",
                    "Keywords": "Hallberg",
                    "Twitter Screen Name": "klempner_karl",
                    "Alternate Date Format": "Mar 10, 2026",
                    "Time": "09:40 PM",
                }
            ),
            meltwater_row(
                {
                    "Date": "11-Mar-2026 02:05PM",
                    "Headline": "Kessler Fluidtechnik erweitert Werk",
                    "URL": "https://www.wirtschaft-regional.example/kessler-werk",
                    "Opening Text": "Kessler Fluidtechnik investiert 20 Millionen Euro.",
                    "Hit Sentence": "Kessler Fluidtechnik investiert 20 Millionen Euro in ein neues Werk.",
                    "Source": "Wirtschaft Regional",
                    "Country": "Germany",
                    "Language": "German",
                    "Reach": "8,400",
                    "Engagement": "0",
                    "AVE": "77.70",
                    "Sentiment": "Positive",
                    "Input Name": "Kessler Fluidtechnik",
                    "Keywords": "Kessler",
                    "Alternate Date Format": "Mar 11, 2026",
                    "Time": "02:05 PM",
                }
            ),
            meltwater_row(
                {
                    "Date": "12-Mar-2026 11:00AM",
                    "URL": "https://forum.haustechnikdialog.de/t/4711",
                    "Opening Text": "Hat jemand Erfahrung mit Norder Umwälzpumpen?",
                    "Source": "forum.haustechnikdialog.de",
                    "Influencer": "heizungsbauer77",
                    "Country": "Austria",
                    "Language": "German",
                    "Engagement": "3",
                    "Sentiment": "Not Rated",
                    "Input Name": "Norder Pumpenwerke",
                    "Keywords": "Norder",
                    "Alternate Date Format": "Mar 12, 2026",
                    "Time": "11:00 AM",
                }
            ),
        ]
    )
    + "\n"
)

MELTWATER_DATE_TIME = (
    "Date\tHeadline\tURL\tOpening Text\tHit Sentence\tSource\tInfluencer\tReach\tAVE\t"
    "Sentiment\tTime\n"
    "14-Jul-2026\tHallberg auf der IFAT\thttps://www.ifat-news.example/hallberg\t"
    "Hallberg zeigt ThermoFlow.\t\tIFAT News\t\t5400\t12.50\tPositive\t09:30 AM\n"
    "14-Jul-2026\tKurzmeldung\thttps://www.ifat-news.example/kurz\tNorder auch dabei.\t\t"
    "IFAT News\t\t5400\t3.00\tNeutral\t\n"
)

BRANDWATCH = """"Brandwatch Report"
"Report:","Hallberg Monitoring"
"Brand:","Hallberg Pumpen"
"From:","2026-03-01"
"To:","2026-03-31"
"Label:","All"

"Query Id","Query Name","Date","Title","Url","Domain","Sentiment","Page Type","Language","Country","Author","Full Text","Reach (new)","Impressions","Engagement Score"
"2000000001","Hallberg","2026-03-10 08:12:00.0","Rückruf: Hallberg AquaLine","https://www.stimme.de/wirtschaft/hallberg-rueckruf-123","stimme.de","negative","news","de","Germany","Redaktion","Hallberg ruft AquaLine-Ventile zurück.","120000","","35"
"2000000001","Hallberg","2026-03-10 20:40:00.0","","https://twitter.com/klempner_karl/status/1","twitter.com","negative","twitter","de","Germany","klempner_karl","@hallberg_pumpen mein Ventil leckt, ""Ersatz"" dauert!","2350","2350","12"
"2000000002","Kessler Fluidtechnik","2026-03-11 14:05:00.0","Kessler baut aus","https://blog.example.com/kessler","blog.example.com","positive","blog","en","Germany","Anna","Kessler Fluidtechnik expands its plant.","","","0"
"""

GENERIC = """date,source,source_type,author,title,text,url,language,country,sentiment,reach,engagement,query
2026-03-10T08:15:00+01:00,heise.de,news,,Rückruf bei Hallberg,"Hallberg ruft AquaLine-Ventile zurück, Kunden sollen ""sofort"" prüfen",https://www.heise.de/news/1,de,DE,-0.6,"120,000",35,Hallberg
2026-03-10T07:20:00Z,twitter,social,@wasserwerk_w,,Ventil tropft. Danke @hallberg_pumpen!,https://x.com/w/status/2,German,DE,negative,1 234,4,Hallberg
2026-03-11 12:00:00 MEZ,forum.haustechnikdialog.de,forum,heizungsbauer,,Erfahrungen mit Norder Pumpen?,https://forum.example/t/3,de,AT,0.02,,,Norder Pumpenwerke
"""

GENERIC_US_DATES = """Date;Text;Source;Sentiment;Reach
03/10/2026 8:15 PM;Hallberg Rückruf: AquaLine-Ventile undicht;stimme.de;negative;12.400
03/11/2026;Kessler stellt neue Pumpe vor;kessler.example;positive;800
"""

GENERIC_DAYFIRST = """date,text,source
14/07/2026 09:30,Hallberg auf der IFAT,ifat.example
03/07/2026 18:00,Norder Pumpenwerke mit neuem CEO,news.example
"""

# --- Survey -----------------------------------------------------------------------------

SURVEY = """respondent_id;Abteilung;Zeitstempel;attitude_1;attitude_2;attitude_3_r;knowledge_1;knowledge_2;usage_1;Kommentar
R01;Vertrieb;14.07.2026 09:30;5;4;2;stimme eher zu;3;4;Gute Initiative
R02;Produktion;14.07.2026 10:05;3;;4;2;2;1;
R03;Marketing;15.07.2026 08:00;stimme voll zu;5;1;5;4 - stimme eher zu;5;"Mehr Schulungen, bitte; gern auch online"
R03;Marketing;15.07.2026 08:00;stimme voll zu;5;1;5;4 - stimme eher zu;5;"Mehr Schulungen, bitte; gern auch online"
"""

SURVEY_EN = (
    "respondent_id\tattitude_1\tattitude_2_r\tskills_1\tskills_2\n"
    "1\tStrongly agree\tDisagree\tNeutral\tAgree\n"
    "2\t4\t2\t3\t5\n"
)

# --- Bad inputs -------------------------------------------------------------------------

UNKNOWN = "Datum;Wert;Kommentar\n01.07.2026;5;ok\n"
MELTWATER_NO_DATE = (
    "Headline\tURL\tOpening Text\tHit Sentence\tSource\tInfluencer\tReach\tSentiment\n"
    "Hallberg auf der IFAT\thttps://x.example/1\tText\tText\tIFAT News\t\t100\tPositive\n"
)
BAD_NUMBER = (
    "date,text,source,reach\n"
    "2026-03-10,Hallberg Rückruf,stimme.de,1200\n"
    "2026-03-11,Hallberg Ersatzteile,stimme.de,zwölf\n"
)
BAD_DATE = FACEBOOK_DE.replace("23.12.2025 16:00", "31.02.2026 16:00")
BAD_LIKERT = "respondent_id,department,attitude_1,attitude_2\nR01,Vertrieb,4,7\n"
BROKEN_QUOTE = 'date,text,source\n2026-03-10,"Hallberg ruft zurück,stimme.de\n2026-03-11,ok,x\n'
MIXED_STYLES = 'date,text,reach\n2026-03-10,a,1.234.567\n2026-03-11,b,"12,345,678"\n'


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> None:
    """Write an .xlsx workbook with one sheet per entry and fixed timestamps."""
    import io
    import re
    import zipfile

    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.properties.created = dt.datetime(2026, 7, 15, 8, 0)
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(buffer)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-07-15T08:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 7, 15, 8, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)


def legacy_workbook(path: Path, sheets: dict[str, list[list[object]]]) -> None:
    """Write an .xls (BIFF8) workbook with xlwt, if installed."""
    try:
        import xlwt  # type: ignore[import-not-found]
    except ImportError:
        print(f"xlwt is not installed: {path.name} left as it is")
        return
    book = xlwt.Workbook()
    date_style = xlwt.easyxf(num_format_str="MM/DD/YYYY")
    for name, rows in sheets.items():
        sheet = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, dt.datetime):
                    sheet.write(r, c, value, date_style)
                else:
                    sheet.write(r, c, value)
    book.save(str(path))


def main() -> None:
    """Write every fixture."""
    text(CASES / "meta_facebook_posts_en.csv", FACEBOOK_EN, "utf-8-sig")
    text(CASES / "meta_facebook_posts_de.csv", FACEBOOK_DE, "cp1252", "\r\n")
    text(CASES / "meta_instagram_posts_en.csv", INSTAGRAM_EN)
    text(CASES / "meta_instagram_posts_de.csv", INSTAGRAM_DE)
    text(CASES / "meta_follows_facebook.csv", FOLLOWS_FACEBOOK, "utf-16", "\r\n")
    text(CASES / "meta_follows_instagram.csv", FOLLOWS_INSTAGRAM)
    description = (
        "Aggregated metrics for the selected date range. Learn more: "
        "https://www.linkedin.com/help/linkedin/answer/4499"
    )
    workbook(
        CASES / "linkedin_content.xlsx",
        {
            "Metrics": [[description], LI_METRICS_HEADER, *LI_METRICS_ROWS],
            "All posts": [
                ["All posts: post performance for the selected date range"],
                LI_POSTS_HEADER,
                *LI_POSTS_ROWS,
            ],
        },
    )
    legacy_workbook(
        CASES / "linkedin_content_legacy.xls",
        {
            "Update metrics (aggregated)": [[description], LI_OLD_METRICS_HEADER, *LI_OLD_METRICS_ROWS],
            "Update engagement": [["Update engagement"], LI_OLD_POSTS_HEADER, *LI_OLD_POSTS_ROWS],
        },
    )
    text(CASES / "linkedin_posts_excel_de.csv", LINKEDIN_POSTS_CSV, "utf-8", "\r\n")
    text(CASES / "linkedin_metrics_de.csv", LINKEDIN_METRICS_DE)
    text(CASES / "linkedin_followers_sheet.csv", LINKEDIN_FOLLOWERS_CSV)
    workbook(
        CASES / "linkedin_followers.xlsx",
        {
            "New followers": [
                [
                    "Date",
                    "Sponsored followers",
                    "Organic followers",
                    "Auto-invited followers",
                    "Total followers",
                ],
                [dt.datetime(2026, 7, 1), 0, 4, 0, 4],
                [dt.datetime(2026, 7, 2), 2, 3, 1, 6],
                [dt.datetime(2026, 7, 3), 0, 0, 0, 0],
            ],
            "Location": [
                ["Location", "Total followers"],
                ["Heilbronn, Germany", 412],
                ["Stuttgart Region, Germany", 230],
            ],
            "Job function": [["Job function", "Total followers"], ["Engineering", 301]],
        },
    )
    text(CASES / "x_tweet_activity.csv", X_LEGACY)
    text(CASES / "x_account_analytics_content.csv", X_CONTENT)
    text(CASES / "youtube_table_data.csv", YOUTUBE)
    text(CASES / "tiktok_posts.csv", TIKTOK)
    text(CASES / "meltwater.csv", MELTWATER, "utf-16", "\r\n")
    text(CASES / "meltwater_date_time.tsv", MELTWATER_DATE_TIME)
    text(CASES / "brandwatch.csv", BRANDWATCH)
    text(CASES / "generic_mentions.csv", GENERIC)
    text(CASES / "generic_mentions_us_dates.csv", GENERIC_US_DATES)
    text(CASES / "generic_mentions_dayfirst.csv", GENERIC_DAYFIRST)
    text(CASES / "survey_de.csv", SURVEY, "utf-8-sig")
    text(CASES / "survey_en.tsv", SURVEY_EN)

    text(BAD / "empty.csv", "")
    text(BAD / "blank_lines.csv", "\n\n  \n")
    text(BAD / "unknown_format.csv", UNKNOWN)
    text(BAD / "meltwater_without_date.tsv", MELTWATER_NO_DATE)
    (BAD / "binary.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01")
    (BAD / "undecodable.csv").write_bytes(b"date,text\n2026-07-01,caf\x81\x8d\n")
    text(BAD / "bad_number.csv", BAD_NUMBER)
    text(BAD / "bad_date.csv", BAD_DATE, "cp1252")
    text(BAD / "bad_likert.csv", BAD_LIKERT)
    text(BAD / "broken_quote.csv", BROKEN_QUOTE)
    text(BAD / "mixed_number_styles.csv", MIXED_STYLES)
    text(BAD / "not_a_workbook.xlsx", "Date,Impressions\n2026-07-01,5\n")
    text(BAD / "web_page.xls", "<html><body><table><tr><td>Date</td></tr></table></body></html>")


if __name__ == "__main__":
    main()
