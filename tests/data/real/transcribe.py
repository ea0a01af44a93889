"""Write the transcribed real exports of this folder from copies of their public sources.

The sources (listed in SOURCES.md) carry no licence that allows keeping them here, so
each fixture keeps the export's header rows byte for byte (encoding, byte order mark,
quoting, soft hyphens), its quirk rows (summary rows, ids with a leading space, empty
publish times, ``undefined``, negative figures) and a few data rows, with titles and
account names replaced.  Run with the path of a folder holding the sources' git copies
(``owner+name/repo``)::

    python tests/data/real/transcribe.py /work/.mirror
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _show(mirror: Path, repo: str, commit: str, path: str) -> bytes:
    git = mirror / repo.replace("/", "+") / "repo"
    return subprocess.run(
        ["git", "-C", str(git), "show", f"{commit}:{path}"], check=True, capture_output=True
    ).stdout


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


def _titles(line: bytes, column: int, label: str) -> bytes:
    """Replace the quoted or plain text in ``column`` of a comma-separated line."""
    text = line.decode("utf-8-sig" if line.startswith(b"\xef\xbb\xbf") else "utf-8")
    bom = "\ufeff" if line.startswith(b"\xef\xbb\xbf") else ""
    cells = re.findall(r'("(?:[^"]|"")*"|[^,\r\n]*)(,|\r?\n|$)', text.removeprefix(bom))
    out = []
    for index, (cell, sep) in enumerate(cells):
        if index == column and cell not in ("", '""'):
            cell = f'"{label}"' if cell.startswith('"') else label
        out.append(cell + sep)
    return (bom + "".join(out)).encode("utf-8")


def main(mirror: Path) -> None:
    """Write every transcript."""
    yt = ("raphaeloe/Youtube", "edaf24fc7f07a5cf84fd71946fe018509be0c9ca")
    lines = _lines(_show(mirror, *yt, "Tabellendaten.csv"))
    keep = lines[:8] + [line for line in lines if line.startswith((b" -", b"23vrD0hqN7U"))]
    body = [keep[0], keep[1]] + [_titles(line, 1, f"Video {i}") for i, line in enumerate(keep[2:], 1)]
    (HERE / "youtube_de_Tabellendaten.csv").write_bytes(b"".join(body))
    lines = _lines(_show(mirror, *yt, "Gesamtwerte.csv"))
    (HERE / "youtube_de_Gesamtwerte.csv").write_bytes(b"".join(lines[:15] + lines[-3:]))
    lines = _lines(_show(mirror, *yt, "Diagrammdaten.csv"))
    (HERE / "youtube_de_Diagrammdaten.csv").write_bytes(
        b"".join([lines[0]] + [_titles(line, 2, "Video 1") for line in lines[1:13]])
    )
    tiktok = ("htupycollabs-spec/Analytics", "72fe3155b8e5457a3228e252b45da0cee2cba34c")
    lines = _lines(_show(mirror, *tiktok, "Content.csv"))
    body = [lines[0]] + [
        _titles(line, 1, f"Video {i}").replace(b"@haileytupy2.0", b"@account")
        for i, line in enumerate(lines[1:], 1)
    ]
    (HERE / "tiktok_Content.csv").write_bytes(b"".join(body))
    for source, target in (
        ("Overview.csv", "tiktok_Overview.csv"),
        ("Viewers.csv", "tiktok_Viewers.csv"),
        ("Followers_haileytupy2.0/FollowerHistory.csv", "tiktok_FollowerHistory.csv"),
        ("Followers_haileytupy2.0/FollowerGender.csv", "tiktok_FollowerGender.csv"),
    ):
        (HERE / target).write_bytes(_show(mirror, *tiktok, source))
    lines = _lines(_show(mirror, *tiktok, "Followers_haileytupy2.0/FollowerActivity.csv"))
    (HERE / "tiktok_FollowerActivity.csv").write_bytes(b"".join(lines[:30]))
    boss = ("BossZY27/tiktok-analytics", "77f1c9ae7119ca9c79603bcd6d532af7cbb59d09")
    (HERE / "tiktok_Overview_short.csv").write_bytes(_show(mirror, *boss, "Overview.csv"))
    trial = ("scctsi/trial-promoter-app", "58710e10e7a462472f3fb48a2208dd1392311b51")
    name = "spec/fixtures/tweet_activity_metrics_TCORSStgOrg_20170401_20170408_en.csv"
    records = list(csv.reader(io.StringIO(_show(mirror, *trial, name).decode("utf-8"), newline="")))
    for number, record in enumerate(records[1:], 1):
        record[2] = f"Tweet {number}"
        record[1] = record[1].replace("TCORSStgOrg", "account")
    out = io.StringIO(newline="")
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(records)
    (HERE / "x_tweet_activity_metrics_account_20170401_20170408_en.csv").write_text(
        out.getvalue(), encoding="utf-8"
    )
    raw = _show(mirror, *trial, "spec/fixtures/facebook_ads_manager.csv").decode("utf-8")
    header, *lines = raw.splitlines(keepends=True)
    records = list(csv.reader(io.StringIO("".join(lines[:5]), newline="")))
    for number, record in enumerate(records, 1):
        record[0] = f'Post: "Campaign {number}"'
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(records)
    (HERE / "facebook_ads_manager.csv").write_text(header + out.getvalue(), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
