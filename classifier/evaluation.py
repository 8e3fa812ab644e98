"""Metrics behind `balcao eval`: knowledge-base retrieval, exemplar classifiers, thresholds.

Every `evaluate_*` function returns a plain dict of numbers that can be printed as JSON.
Rates are fractions in [0, 1] and rounded to 4 decimals.
"""

from __future__ import annotations

import csv
import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from classifier.encoders import Vectors
from kb.search import KnowledgeBase, Verdict

# Queries that no article should answer carry this expected article id (an empty string).
OUT_OF_SCOPE = ""

# The recall targets `evaluate_kb` uses to suggest thresholds: the answer threshold keeps
# 80 % of correct top hits, the suggest threshold 95 %. They are starting points to review.
ANSWER_RECALL = 0.80
SUGGEST_RECALL = 0.95


class QueryEncoder(Protocol):
    def encode_queries(self, texts: Sequence[str]) -> Vectors: ...


def _rate(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0


# --- Reading evaluation files ---------------------------------------------------------------


def _read_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """Read (line number, row) pairs from a `.csv` file with a header or a `.jsonl` file."""
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            # Line 1 is the header, so the first data row is line 2.
            return [(number, dict(row)) for number, row in enumerate(csv.DictReader(handle), 2)]

    if path.suffix.lower() in (".jsonl", ".ndjson"):
        rows = []
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as error:
                    raise ValueError(f"{path}:{number}: invalid JSON: {error}") from None
                if not isinstance(row, dict):
                    raise ValueError(f"{path}:{number}: expected a JSON object per line")
                rows.append((number, row))
        return rows

    raise ValueError(f"{path}: unsupported file type {path.suffix!r}; use .csv or .jsonl")


def _field(path: Path, number: int, row: dict[str, Any], name: str) -> str:
    value = row.get(name)
    if value is None:
        raise ValueError(f"{path}:{number}: missing column {name!r}")
    return str(value).strip()


def read_labelled(path: Path) -> list[tuple[str, str]]:
    """Read (text, label) pairs from a CSV or JSONL file with `text` and `label` columns.

    Other columns are ignored. A row with an empty text or label raises ValueError.
    """
    pairs = []
    for number, row in _read_rows(path):
        text = _field(path, number, row, "text")
        label = _field(path, number, row, "label")
        if not text or not label:
            raise ValueError(f"{path}:{number}: empty text or label; fill it in or remove the row")
        pairs.append((text, label))
    return pairs


def read_kb_queries(path: Path) -> list[tuple[str, str]]:
    """Read (text, expected article id) pairs from a JSONL file with `text` and `article`.

    An `article` that is null or empty marks a query no article should answer (OUT_OF_SCOPE).
    """
    pairs = []
    for number, row in _read_rows(path):
        text = _field(path, number, row, "text")
        if not text:
            raise ValueError(f"{path}:{number}: empty text")
        article = row.get("article")
        pairs.append((text, OUT_OF_SCOPE if article is None else str(article).strip()))
    return pairs


# --- Ranking metrics ------------------------------------------------------------------------


def reciprocal_rank(ranking: Sequence[str], expected: str) -> float:
    """Return 1 / rank of the expected id in the ranking, or 0 when it is absent."""
    for position, candidate in enumerate(ranking, 1):
        if candidate == expected:
            return 1.0 / position
    return 0.0


def ranking_metrics(
    rankings: Sequence[Sequence[str]],
    expected: Sequence[str],
    cutoffs: Sequence[int] = (1, 5),
) -> dict[str, float]:
    """Compute recall at each cutoff (`R@1`, `R@5`) and the mean reciprocal rank (`MRR`).

    Each query has one relevant id, so recall at k is the share of queries whose id is
    in the top k. A ranking cut short counts the missing id as not found.
    """
    if len(rankings) != len(expected):
        raise ValueError(f"got {len(rankings)} rankings but {len(expected)} expected ids")

    total = len(expected)
    metrics = {}
    for cutoff in cutoffs:
        found = sum(
            target in ranking[:cutoff] for ranking, target in zip(rankings, expected, strict=True)
        )
        metrics[f"R@{cutoff}"] = _rate(found, total)
    reciprocal = sum(
        reciprocal_rank(ranking, target) for ranking, target in zip(rankings, expected, strict=True)
    )
    metrics["MRR"] = round(reciprocal / total, 4) if total else 0.0
    return metrics


def reciprocal_rank_fusion(rankings: Sequence[Sequence[str]], k: int = 60) -> list[str]:
    """Fuse rankings of the same ids by reciprocal rank fusion: score = Σ 1 / (k + rank).

    k = 60 is the common default: a larger k flattens the gap between top ranks. Ties keep
    the order in which ids were first seen.
    """
    scores: dict[str, float] = {}
    for ranking in rankings:
        for position, candidate in enumerate(ranking, 1):
            scores[candidate] = scores.get(candidate, 0.0) + 1.0 / (k + position)
    return sorted(scores, key=lambda candidate: -scores[candidate])


# --- Thresholds -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Calibration:
    """A score threshold and how it splits the positive and negative scores it was chosen on."""

    threshold: float
    recall: float
    false_positive_rate: float
    positives: int
    negatives: int


def calibrate_threshold(
    scores_pos: Sequence[float],
    scores_neg: Sequence[float],
    target_recall: float,
) -> Calibration:
    """Pick the highest threshold that keeps at least `target_recall` of the positive scores.

    A score passes when it is >= the threshold. The false-positive rate is the share of
    negative scores that pass too; with no negatives it is 0.
    """
    if not 0.0 < target_recall <= 1.0:
        raise ValueError(f"target_recall must be in (0, 1], got {target_recall}")
    if not scores_pos:
        raise ValueError("calibration needs at least one positive score")

    ordered = sorted(scores_pos, reverse=True)
    # The k-th best positive score is the highest threshold that lets k positives through.
    needed = math.ceil(target_recall * len(ordered) - 1e-9)
    threshold = float(ordered[max(needed, 1) - 1])

    passed_pos = sum(score >= threshold for score in scores_pos)
    passed_neg = sum(score >= threshold for score in scores_neg)
    return Calibration(
        threshold=round(threshold, 4),
        recall=_rate(passed_pos, len(scores_pos)),
        false_positive_rate=_rate(passed_neg, len(scores_neg)),
        positives=len(scores_pos),
        negatives=len(scores_neg),
    )


# --- Knowledge base -------------------------------------------------------------------------


def evaluate_kb(kb: KnowledgeBase, queries: list[tuple[str, str]]) -> dict[str, Any]:
    """Measure article retrieval and the answer/suggest/none verdicts of a knowledge base.

    Each query is (text, expected article id), or (text, OUT_OF_SCOPE) for a query that
    should get no answer. Ranks are per article, by the best section of each article.
    R@k and MRR are over in-scope queries only. "wrong" counts answers with the wrong
    article, including any answer to an out-of-scope query; "abstained" counts verdict none.
    """
    unknown = sorted(
        {
            article
            for _, article in queries
            if article != OUT_OF_SCOPE and article not in kb.articles
        }
    )
    if unknown:
        raise ValueError(f"expected articles not in the knowledge base: {', '.join(unknown)}")

    texts = [text for text, _ in queries]
    results = kb.search_many(texts, limit=max(len(kb), 1))

    in_scope = [
        (result, article)
        for result, (_, article) in zip(results, queries, strict=True)
        if article != OUT_OF_SCOPE
    ]
    rankings = [[hit.article.id for hit in result.hits] for result, _ in in_scope]
    metrics: dict[str, Any] = ranking_metrics(rankings, [article for _, article in in_scope])

    verdicts: Counter[str] = Counter()
    answered_right = answered_wrong = 0
    correct_scores: list[float] = []
    wrong_scores: list[float] = []
    for result, (_, expected) in zip(results, queries, strict=True):
        verdicts[str(result.verdict)] += 1
        best = result.best
        top_is_right = best is not None and best.article.id == expected
        if result.verdict == Verdict.ANSWER:
            answered_right += top_is_right
            answered_wrong += not top_is_right
        if best is not None:
            (correct_scores if top_is_right else wrong_scores).append(best.score)

    total = len(queries)
    metrics.update(
        queries=total,
        in_scope=len(in_scope),
        out_of_scope=total - len(in_scope),
        verdicts={str(verdict): verdicts[str(verdict)] for verdict in Verdict},
        answered_rate=_rate(verdicts[str(Verdict.ANSWER)], total),
        answered_correct_rate=_rate(answered_right, total),
        wrong_rate=_rate(answered_wrong, total),
        suggested_rate=_rate(verdicts[str(Verdict.SUGGEST)], total),
        abstained_rate=_rate(verdicts[str(Verdict.NONE)], total),
        thresholds={"answer": kb.thresholds.answer, "suggest": kb.thresholds.suggest},
        calibration=_suggest_kb_thresholds(correct_scores, wrong_scores),
    )
    return metrics


def _suggest_kb_thresholds(
    correct_scores: list[float],
    wrong_scores: list[float],
) -> dict[str, Any] | None:
    """Suggest thresholds from the top-hit scores of right and wrong top articles."""
    if not correct_scores:
        return None
    return {
        "answer": asdict(calibrate_threshold(correct_scores, wrong_scores, ANSWER_RECALL)),
        "suggest": asdict(calibrate_threshold(correct_scores, wrong_scores, SUGGEST_RECALL)),
    }


# --- Classifiers ----------------------------------------------------------------------------


def classification_report(expected: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Compute accuracy, macro-F1 and per-label precision, recall, F1 and support.

    Labels are those seen in either list, as scikit-learn's macro average does. A label
    never predicted has precision 0, and a label never expected has recall 0.
    """
    if len(expected) != len(predicted):
        raise ValueError(f"got {len(expected)} expected labels but {len(predicted)} predictions")

    pairs = list(zip(expected, predicted, strict=True))
    true_positives = Counter(gold for gold, guess in pairs if gold == guess)
    support = Counter(expected)
    predicted_counts = Counter(predicted)

    per_label = {}
    f1_scores = []
    for label in sorted(set(expected) | set(predicted)):
        hits, guesses, golds = true_positives[label], predicted_counts[label], support[label]
        precision = hits / guesses if guesses else 0.0
        recall = hits / golds if golds else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1_scores.append(f1)
        per_label[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": golds,
        }

    return {
        "accuracy": _rate(sum(true_positives.values()), len(pairs)),
        "macro_f1": round(sum(f1_scores) / len(f1_scores), 4) if f1_scores else 0.0,
        "per_label": per_label,
    }


class NearestExemplars:
    """A catalogue-free kNN classifier: a label's score is the mean of its top-k cosines.

    Taking the mean of the k best exemplars of each label, instead of a vote over the k
    nearest overall, keeps a label with few exemplars from losing to a crowded one.
    A label with fewer than k exemplars is scored over the ones it has.
    """

    def __init__(self, vectors: Vectors, labels: Sequence[str], k: int = 5) -> None:
        if len(vectors) != len(labels):
            raise ValueError(f"got {len(vectors)} vectors but {len(labels)} labels")
        if not labels:
            raise ValueError("the kNN classifier needs at least one exemplar")
        if k < 1:
            raise ValueError(f"k must be at least 1, got {k}")
        self.vectors = vectors
        self.k = k
        self.labels = sorted(set(labels))
        self._columns = {
            label: np.flatnonzero(np.asarray(labels) == label) for label in self.labels
        }

    def label_scores(self, queries: Vectors) -> Vectors:
        """Return a (queries × labels) matrix of mean top-k cosines, labels in sorted order."""
        similarities = queries @ self.vectors.T
        scores = np.empty((len(queries), len(self.labels)), dtype=np.float32)
        for column, label in enumerate(self.labels):
            label_similarities = similarities[:, self._columns[label]]
            count = min(self.k, label_similarities.shape[1])
            # np.partition puts the `count` largest values last, in no particular order.
            best = np.partition(label_similarities, -count, axis=1)[:, -count:]
            scores[:, column] = best.mean(axis=1)
        return scores

    def predict(self, queries: Vectors, batch_size: int = 1024) -> list[str]:
        """Return the best-scoring label of each query vector, in batches to bound memory."""
        predicted: list[str] = []
        for start in range(0, len(queries), batch_size):
            scores = self.label_scores(queries[start : start + batch_size])
            predicted.extend(self.labels[int(column)] for column in scores.argmax(axis=1))
        return predicted


def _texts_and_labels(pairs: Iterable[tuple[str, str]]) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for text, label in pairs:
        texts.append(text)
        labels.append(label)
    return texts, labels


def evaluate_classifier(
    train: list[tuple[str, str]],
    test: list[tuple[str, str]],
    encoder: QueryEncoder,
    k: int = 5,
) -> dict[str, Any]:
    """Train a kNN-on-embeddings classifier on (text, label) pairs and score it on the test set.

    Both sides are encoded as queries, because training texts are user requests too.
    """
    if not train or not test:
        raise ValueError("both the training and the test set need at least one labelled text")

    train_texts, train_labels = _texts_and_labels(train)
    test_texts, test_labels = _texts_and_labels(test)

    model = NearestExemplars(encoder.encode_queries(train_texts), train_labels, k=k)
    predicted = model.predict(encoder.encode_queries(test_texts))

    report = classification_report(test_labels, predicted)
    report.update(
        train=len(train),
        test=len(test),
        k=k,
        unseen_test_labels=sorted(set(test_labels) - set(train_labels)),
    )
    return report
