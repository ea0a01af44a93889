"""Sentiment on public labelled sets: the offline scorer, the engagement classifier and peers.

Usage: ``python benchmarks/sentiment_eval.py [--mirror DIR] [--split test|dev] [--sets a,b] [--labels 300]``

Every set is read from the public repository it was published in, as ``fetch`` copies it
to ``--mirror`` (default ``/work/.mirror``; one bare git directory per repository). None of
these files is committed here (several licences forbid redistribution); an absent set is
skipped with a message. Per set and split it prints n, accuracy, macro-F1, recall per class
and the confusion matrix of:

* ``majority``: the most frequent label of the set's development split, for every text;
* ``vader``: the ``vaderSentiment`` package (compound ±0.05), the usual English peer;
* ``textblob``: ``textblob-de`` (German) or ``textblob`` (English) polarity, > 0 positive,
  < 0 negative, 0 neutral;
* ``lexicon``: :func:`smtoolkit.sentiment.classify` with the set's language, no labels;
* ``engagement``: :class:`smtoolkit.sentiment.EngagementClassifier` trained on ``--labels``
  texts drawn from the set's development (or train) split, mean of three draws.

Development splits are for tuning (``--split dev``); ``--split test`` (the default) is
for reporting only. Sets without an official split are cut once, by a fixed seed, into
40 % development and 60 % test.
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from smtoolkit.sentiment import LABELS, EngagementClassifier, classify  # noqa: E402

Split = tuple[list[str], list[str]]


def _git_text(mirror: Path, repo: str, rev: str, path: str) -> str | None:
    git_dir = mirror / repo / "repo"
    if not git_dir.exists():
        return None
    done = subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{rev}:{path}"], capture_output=True, check=False
    )
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def _cut(texts: list[str], labels: list[str]) -> dict[str, Split]:
    order = np.random.default_rng(17).permutation(len(texts))
    dev = order[: int(0.4 * len(order))]
    test = order[int(0.4 * len(order)) :]
    return {
        "dev": ([texts[i] for i in dev], [labels[i] for i in dev]),
        "test": ([texts[i] for i in test], [labels[i] for i in test]),
    }


def _germeval(mirror: Path, test_file: str) -> dict[str, Split] | None:
    def read(name: str) -> Split | None:
        text = _git_text(mirror, "ac74+reevaluating_germeval2017", "44f1859", f"data/{name}_df_opinion.tsv")
        if text is None:
            return None
        seen: set[str] = set()
        texts, labels = [], []
        for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
            if row["id"] in seen or row["sentiment"] not in LABELS:
                continue
            seen.add(row["id"])
            texts.append(row["text"])
            labels.append(row["sentiment"])
        return texts, labels

    dev, test = read("dev"), read(test_file)
    return None if dev is None or test is None else {"dev": dev, "test": test}


def germeval_syn(mirror: Path) -> dict[str, Split] | None:
    return _germeval(mirror, "test_syn")


def germeval_dia(mirror: Path) -> dict[str, Split] | None:
    return _germeval(mirror, "test_dia")


def _fricke(mirror: Path, path: str, text_column: int, label_column: int) -> dict[str, Split] | None:
    text = _git_text(mirror, "florianfricke+Bachelor_Thesis_Sentiment_Analyse", "HEAD", path)
    if text is None:
        return None
    texts, labels = [], []
    for row in csv.reader(io.StringIO(text), delimiter="\t"):
        if len(row) <= max(text_column, label_column):
            continue
        body, name = row[text_column].strip(), row[label_column].strip()
        if name in LABELS and body and body != "Not Available":
            texts.append(body)
            labels.append(name)
    return _cut(texts, labels)


def sb10k(mirror: Path) -> dict[str, Split] | None:
    return _fricke(mirror, "data/labeled_sentiment_data/sb10k_corpus.tsv", 4, 1)


def one_million_posts(mirror: Path) -> dict[str, Split] | None:
    return _fricke(mirror, "data/labeled_sentiment_data/million_pos_corpus.tsv", 1, 0)


def tweeteval(mirror: Path) -> dict[str, Split] | None:
    names = {"0": "negative", "1": "neutral", "2": "positive"}
    out: dict[str, Split] = {}
    # the train split's text file is too large for the mirror (stored without content), so
    # the validation split serves for tuning and as the pool of in-domain labels
    for split, prefix in (("dev", "val"), ("test", "test")):
        texts = _git_text(mirror, "cardiffnlp+tweeteval", "HEAD", f"datasets/sentiment/{prefix}_text.txt")
        labels = _git_text(mirror, "cardiffnlp+tweeteval", "HEAD", f"datasets/sentiment/{prefix}_labels.txt")
        if texts is None or labels is None:
            return None
        out[split] = (texts.splitlines(), [names[v.strip()] for v in labels.splitlines()])
    return out


def airline(mirror: Path) -> dict[str, Split] | None:
    text = _git_text(mirror, "AyushDhatwalia+Twitter-Airline-Sentiment", "HEAD", "Tweets.csv")
    if text is None:
        return None
    rows = [r for r in csv.DictReader(io.StringIO(text)) if r["airline_sentiment"] in LABELS]
    return _cut([r["text"] for r in rows], [r["airline_sentiment"] for r in rows])


@dataclass(frozen=True)
class DataSet:
    name: str
    language: str
    kind: str
    source: str
    licence: str
    load: Callable[[Path], dict[str, Split] | None]


SETS = [
    DataSet(
        "germeval17-syn",
        "de",
        "customer feedback (Deutsche Bahn, social media and news)",
        "GermEval 2017 Task B, test_syn; github.com/ac74/reevaluating_germeval2017 @44f1859",
        "CC BY 4.0 (GermEval 2017 shared task)",
        germeval_syn,
    ),
    DataSet(
        "germeval17-dia",
        "de",
        "customer feedback (Deutsche Bahn, later period)",
        "GermEval 2017 Task B, test_dia; same repository",
        "CC BY 4.0 (GermEval 2017 shared task)",
        germeval_dia,
    ),
    DataSet(
        "sb10k",
        "de",
        "German tweets",
        "SB-10k (Cieliebak et al. 2017), sb10k_corpus.tsv in "
        "github.com/florianfricke/Bachelor_Thesis_Sentiment_Analyse",
        "CC BY 4.0 (SB-10k); tweets: Twitter terms",
        sb10k,
    ),
    DataSet(
        "omp",
        "de",
        "comments on a news site (derStandard.at)",
        "One Million Posts Corpus (Schabus et al. 2017), sentiment-annotated posts, same repository",
        "CC BY 4.0",
        one_million_posts,
    ),
    DataSet(
        "tweeteval",
        "en",
        "English tweets",
        "TweetEval sentiment (SemEval-2017 Task 4A), github.com/cardiffnlp/tweeteval",
        "SemEval-2017 task data; Twitter terms (TweetEval adds no restriction)",
        tweeteval,
    ),
    DataSet(
        "airline",
        "en",
        "customer feedback to US airlines (tweets)",
        "Twitter US Airline Sentiment (Crowdflower 2015), Tweets.csv in "
        "github.com/AyushDhatwalia/Twitter-Airline-Sentiment",
        "CC BY-NC-SA 4.0 (evaluation only, not redistributed)",
        airline,
    ),
]


def vader_labels(texts: list[str]) -> list[str]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    out = []
    for text in texts:
        c = analyzer.polarity_scores(text)["compound"]
        out.append("positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral")
    return out


def textblob_labels(texts: list[str], language: str) -> list[str]:
    if language == "de":
        import types

        # textblob-de 0.4.3 imports textblob.translate and textblob.compat, which textblob
        # 0.18 removed; its sentiment analyzer uses neither
        if "textblob.translate" not in sys.modules:
            translate = types.ModuleType("textblob.translate")
            translate.Translator = object  # type: ignore[attr-defined]
            compat = types.ModuleType("textblob.compat")
            compat.with_metaclass = lambda meta, *bases: meta("Base", bases, {})  # type: ignore[attr-defined]
            compat.basestring = str  # type: ignore[attr-defined]
            compat.unicode = str  # type: ignore[attr-defined]
            sys.modules["textblob.translate"] = translate
            sys.modules["textblob.compat"] = compat
        from textblob_de import TextBlobDE as Blob
        from textblob_de.tokenizers import PatternTokenizer

        def polarity(t: str) -> float:
            return float(Blob(t, tokenizer=PatternTokenizer()).sentiment.polarity)
    else:
        from textblob import TextBlob

        def polarity(t: str) -> float:
            return float(TextBlob(t).sentiment.polarity)

    out = []
    for text in texts:
        p = polarity(text)
        out.append("positive" if p > 0 else "negative" if p < 0 else "neutral")
    return out


def metrics(truth: list[str], predicted: list[str]) -> dict[str, object]:
    t = np.array([LABELS.index(x) for x in truth])
    p = np.array([LABELS.index(x) for x in predicted])
    confusion = np.zeros((3, 3), dtype=int)
    np.add.at(confusion, (t, p), 1)
    recall, f1 = [], []
    for k in range(3):
        tp = confusion[k, k]
        support, predicted_k = confusion[k].sum(), confusion[:, k].sum()
        r = tp / support if support else 0.0
        pr = tp / predicted_k if predicted_k else 0.0
        recall.append(r)
        f1.append(2 * pr * r / (pr + r) if pr + r else 0.0)
    present = [k for k in range(3) if confusion[k].sum()]
    return {
        "n": len(t),
        "accuracy": float((t == p).mean()),
        "macro_f1": float(np.mean([f1[k] for k in present])),
        "recall": recall,
        "confusion": confusion,
    }


def engagement_labels(splits: dict[str, Split], test: Split, count: int, draws: int) -> list[list[str]]:
    pool = splits.get("train") or splits["dev"]
    runs = []
    for seed in range(draws):
        chosen = np.random.default_rng(seed).choice(
            len(pool[0]), size=min(count, len(pool[0])), replace=False
        )
        clf = EngagementClassifier().fit([pool[0][i] for i in chosen], [pool[1][i] for i in chosen])
        cv = ", ".join(f"{k} {v.accuracy:.3f}/{v.macro_f1:.3f}" for k, v in clf.cv_scores_.items())
        print(f"engagement draw {seed}: selected {clf.selected_} (CV accuracy/macro-F1: {cv})")
        runs.append(clf.predict(test[0]))
    return runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--split", choices=["test", "dev"], default="test")
    parser.add_argument("--sets", default="")
    parser.add_argument("--labels", type=int, default=300)
    parser.add_argument("--draws", type=int, default=3)
    parser.add_argument("--no-peers", action="store_true")
    args = parser.parse_args()
    wanted = {s for s in args.sets.split(",") if s}
    summary = []
    for ds in SETS:
        if wanted and ds.name not in wanted:
            continue
        splits = ds.load(args.mirror)
        if splits is None:
            print(f"\n## {ds.name}: skipped, data not found under {args.mirror} (source: {ds.source})")
            continue
        texts, truth = splits[args.split]
        dev_truth = splits["dev"][1]
        print(f"\n## {ds.name} ({ds.language}, {ds.kind}; {args.split}, n={len(texts)})")
        print(f"source: {ds.source}; licence: {ds.licence}")
        majority = max(LABELS, key=dev_truth.count)
        runs: dict[str, list[list[str]]] = {"majority": [[majority] * len(texts)]}
        if not args.no_peers:
            runs["vader"] = [vader_labels(texts)]
            runs["textblob"] = [textblob_labels(texts, ds.language)]
        started = time.perf_counter()
        runs["lexicon"] = [classify(texts, language=ds.language)]
        lexicon_seconds = time.perf_counter() - started
        started = time.perf_counter()
        if args.labels:
            runs["engagement"] = engagement_labels(splits, (texts, truth), args.labels, args.draws)
        engagement_seconds = (time.perf_counter() - started) / max(1, args.draws)
        print(
            f"{'method':<11} {'accuracy':>8} {'macroF1':>8}  recall neg/neu/pos"
            "   confusion (rows truth neg/neu/pos)"
        )
        row: dict[str, float] = {}
        for name, predictions in runs.items():
            all_m = [metrics(truth, p) for p in predictions]
            acc = float(np.mean([m["accuracy"] for m in all_m]))  # type: ignore[misc]
            f1 = float(np.mean([m["macro_f1"] for m in all_m]))  # type: ignore[misc]
            rec = np.mean([m["recall"] for m in all_m], axis=0)
            conf = all_m[0]["confusion"]
            row[name] = f1
            row[name + "_acc"] = acc
            print(
                f"{name:<11} {acc:8.3f} {f1:8.3f}  {rec[0]:.2f}/{rec[1]:.2f}/{rec[2]:.2f}   {conf.tolist()}"  # type: ignore[union-attr]
            )
        print(
            f"lexicon {lexicon_seconds:.2f} s for {len(texts)} texts; "
            f"engagement fit+predict {engagement_seconds:.2f} s"
        )
        summary.append((ds.name, ds.language, row))
    print("\n## summary (macro-F1; accuracy in brackets)")
    for name, language, row in summary:
        cells = "  ".join(
            f"{k}={row[k]:.3f} ({row[k + '_acc']:.3f})"
            for k in ("majority", "vader", "textblob", "lexicon", "engagement")
            if k in row
        )
        print(f"{name:<15} {language}  {cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
