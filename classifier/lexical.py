"""Lexical baselines over folded word tokens: Okapi BM25, TF-IDF cosine and a linear classifier.

They give the embedding models something to beat, and BM25 is the usual partner in rank fusion.
All of them tokenise with `classifier.normalise.words`, so case and accents never matter.
"""

from __future__ import annotations

import importlib.util
import math
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from classifier.normalise import fold, words

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline  # type: ignore[import-untyped]

Scores = npt.NDArray[np.float64]
Tokenizer = Callable[[str], list[str]]


class _Postings:
    """An inverted index: for each term, the documents that contain it and one weight each."""

    def __init__(self) -> None:
        self.rows: dict[str, npt.NDArray[np.int64]] = {}
        self.weights: dict[str, Scores] = {}

    def add(self, term: str, rows: list[int], weights: list[float]) -> None:
        self.rows[term] = np.asarray(rows, dtype=np.int64)
        self.weights[term] = np.asarray(weights, dtype=np.float64)

    def score(self, query_weights: dict[str, float], size: int) -> Scores:
        """Sum query weight × document weight over the query's terms; unknown terms add 0."""
        scores = np.zeros(size, dtype=np.float64)
        for term, query_weight in query_weights.items():
            rows = self.rows.get(term)
            if rows is not None:
                scores[rows] += query_weight * self.weights[term]
        return scores


def top_rows(scores: Scores, limit: int | None = None) -> list[int]:
    """Row numbers by descending score; ties keep document order, so rankings are stable."""
    order = np.argsort(-scores, kind="stable")
    if limit is not None:
        order = order[:limit]
    return [int(row) for row in order]


def _term_counts(documents: Sequence[str], tokenize: Tokenizer) -> list[Counter[str]]:
    return [Counter(tokenize(document)) for document in documents]


def _rows_by_term(counts: list[Counter[str]]) -> dict[str, list[int]]:
    rows: dict[str, list[int]] = {}
    for row, document_counts in enumerate(counts):
        for term in document_counts:
            rows.setdefault(term, []).append(row)
    return rows


class BM25:
    """Okapi BM25 over a fixed list of documents.

    The idf is the non-negative form that Lucene's BM25Similarity uses,
    log(1 + (N - df + 0.5) / (df + 0.5)), so a term found in most documents still adds a
    little instead of subtracting. A query term that occurs twice counts twice.
    """

    def __init__(
        self,
        documents: Sequence[str],
        k1: float = 1.5,
        b: float = 0.75,
        tokenize: Tokenizer = words,
    ) -> None:
        self.k1 = k1
        self.b = b
        self.tokenize = tokenize
        self.size = len(documents)

        counts = _term_counts(documents, tokenize)
        lengths = np.asarray([sum(c.values()) for c in counts], dtype=np.float64)
        average_length = float(lengths.mean()) if self.size and lengths.sum() else 1.0

        # The length normalisation depends only on the document, so it is computed once here.
        length_norm = k1 * (1.0 - b + b * lengths / average_length)

        self.idf: dict[str, float] = {}
        self._postings = _Postings()
        for term, rows in _rows_by_term(counts).items():
            idf = math.log(1.0 + (self.size - len(rows) + 0.5) / (len(rows) + 0.5))
            self.idf[term] = idf
            weights = [
                idf * counts[row][term] * (k1 + 1.0) / (counts[row][term] + length_norm[row])
                for row in rows
            ]
            self._postings.add(term, rows, weights)

    def __len__(self) -> int:
        return self.size

    def scores(self, query: str) -> Scores:
        """Return one BM25 score per document, in document order; 0 where no term matches."""
        return self._postings.score(dict(Counter(self.tokenize(query))), self.size)

    def rank(self, query: str, limit: int | None = None) -> list[tuple[int, float]]:
        """Return (document row, score) pairs, best first, leaving out documents that score 0."""
        scores = self.scores(query)
        return [(row, float(scores[row])) for row in top_rows(scores, limit) if scores[row] > 0]


class TfidfIndex:
    """Cosine similarity of TF-IDF vectors with sublinear term frequency (1 + log tf).

    The idf is the smoothed form log((1 + N) / (1 + df)) + 1, as scikit-learn's
    TfidfVectorizer computes it. Document and query vectors are L2-normalised.
    """

    def __init__(self, documents: Sequence[str], tokenize: Tokenizer = words) -> None:
        self.tokenize = tokenize
        self.size = len(documents)

        counts = _term_counts(documents, tokenize)
        rows_by_term = _rows_by_term(counts)
        self.idf = {
            term: math.log((1.0 + self.size) / (1.0 + len(rows))) + 1.0
            for term, rows in rows_by_term.items()
        }

        norms = [self._norm(self._weights(document_counts)) for document_counts in counts]
        self._postings = _Postings()
        for term, rows in rows_by_term.items():
            weights = [self._weight(term, counts[row][term]) / norms[row] for row in rows]
            self._postings.add(term, rows, weights)

    def __len__(self) -> int:
        return self.size

    def _weight(self, term: str, count: int) -> float:
        return (1.0 + math.log(count)) * self.idf.get(term, 0.0)

    def _weights(self, counts: Counter[str]) -> dict[str, float]:
        return {term: self._weight(term, count) for term, count in counts.items()}

    @staticmethod
    def _norm(weights: dict[str, float]) -> float:
        return math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0

    def scores(self, query: str) -> Scores:
        """Return the cosine of the query with each document, in document order."""
        weights = self._weights(Counter(self.tokenize(query)))
        norm = self._norm(weights)
        return self._postings.score(
            {term: weight / norm for term, weight in weights.items()}, self.size
        )

    def rank(self, query: str, limit: int | None = None) -> list[tuple[int, float]]:
        """Return (document row, cosine) pairs, best first, leaving out documents that score 0."""
        scores = self.scores(query)
        return [(row, float(scores[row])) for row in top_rows(scores, limit) if scores[row] > 0]


def nearest_neighbour_labels(
    train_texts: Sequence[str],
    train_labels: Sequence[str],
    queries: Sequence[str],
) -> list[str]:
    """Label each query with the label of its best BM25 match among the training texts.

    A query that shares no word with any training text gets the most common training label.
    """
    if len(train_texts) != len(train_labels):
        raise ValueError(f"got {len(train_texts)} training texts but {len(train_labels)} labels")
    if not train_texts:
        raise ValueError("nearest-neighbour labelling needs at least one training text")

    index = BM25(train_texts)
    fallback = Counter(train_labels).most_common(1)[0][0]
    labels = []
    for query in queries:
        scores = index.scores(query)
        best = int(np.argmax(scores))
        labels.append(train_labels[best] if scores[best] > 0 else fallback)
    return labels


def sklearn_available() -> bool:
    """Return whether scikit-learn can be imported, which `LinearTextClassifier` needs."""
    return importlib.util.find_spec("sklearn") is not None


class LinearTextClassifier:
    """TF-IDF of word 1–2-grams and character 2–5-grams, fed to a linear SVM (LinearSVC).

    Character n-grams inside word boundaries make it tolerant of typos and inflection.
    Texts are folded first, like every other lexical model here.
    """

    def __init__(self, c: float = 1.0, seed: int = 0) -> None:
        if not sklearn_available():
            raise RuntimeError(
                "LinearTextClassifier needs scikit-learn, which is not installed; "
                "install it with `pip install scikit-learn`"
            )
        self.c = c
        self.seed = seed
        self._pipeline: Pipeline | None = None

    def _build(self) -> Pipeline:
        from sklearn.feature_extraction.text import (  # type: ignore[import-untyped]
            TfidfVectorizer,
        )
        from sklearn.pipeline import FeatureUnion, Pipeline
        from sklearn.svm import LinearSVC  # type: ignore[import-untyped]

        word_ngrams = TfidfVectorizer(
            preprocessor=fold,
            tokenizer=words,
            token_pattern=None,
            ngram_range=(1, 2),
            sublinear_tf=True,
            min_df=1,
        )
        char_ngrams = TfidfVectorizer(
            preprocessor=fold,
            analyzer="char_wb",
            ngram_range=(2, 5),
            sublinear_tf=True,
            min_df=1,
        )
        features = FeatureUnion([("words", word_ngrams), ("chars", char_ngrams)])
        return Pipeline(
            [("features", features), ("svm", LinearSVC(C=self.c, random_state=self.seed))]
        )

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> LinearTextClassifier:
        """Train on the texts and labels; at least two different labels are needed."""
        if len(texts) != len(labels):
            raise ValueError(f"got {len(texts)} texts but {len(labels)} labels")
        if len(set(labels)) < 2:
            raise ValueError("a linear classifier needs at least two different labels")
        pipeline = self._build()
        pipeline.fit(list(texts), list(labels))
        self._pipeline = pipeline
        return self

    def predict(self, texts: Sequence[str]) -> list[str]:
        """Return the predicted label of each text; `fit` must have run first."""
        if self._pipeline is None:
            raise RuntimeError("call fit() before predict()")
        if not texts:
            return []
        predicted: Any = self._pipeline.predict(list(texts))
        return [str(label) for label in predicted]
