"""Classifier v1: nearest exemplars by embedding, typo-tolerant keyword evidence, cues."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
from rapidfuzz import fuzz

from classifier.catalogue import Catalogue, RequestType, Topic
from classifier.cues import request_type_for
from classifier.encoders import Vectors
from classifier.normalise import fold, has_words, words
from classifier.priority import Priority, PriorityPolicy
from classifier.protocols import ExemplarEncoder

logger = logging.getLogger(__name__)


class Kind(StrEnum):
    """What a message turned out to be."""

    SUPPORTED = "supported"
    UNSUPPORTED = "unsupported"
    SMALL_TALK = "small_talk"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Thresholds:
    """Score cut-offs, per encoder, because raw cosine scales differ between models.

    The defaults are calibrated for USE-m3 by `balcao eval classify` on the shipped test sets.
    """

    in_scope: float = 0.40
    small_talk: float = 0.45
    unsupported_margin: float = 0.02
    keyword_bonus: float = 0.08
    keyword_cutoff: float = 88.0


@dataclass(frozen=True)
class Neighbour:
    topic_id: str
    text: str
    score: float


@dataclass(frozen=True)
class Classification:
    kind: Kind
    topic_id: str | None
    request_type: RequestType | None
    priority: Priority | None
    confidence: float
    score: float
    neighbours: tuple[Neighbour, ...] = ()
    keywords: tuple[str, ...] = ()

    @property
    def supported(self) -> bool:
        return self.kind == Kind.SUPPORTED


@dataclass
class _Index:
    topic_ids: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    vectors: Vectors = field(default_factory=lambda: np.zeros((0, 1), dtype=np.float32))


class Classifier:
    """Scores a message against every exemplar of the catalogue and decides what it is."""

    def __init__(
        self,
        catalogue: Catalogue,
        encoder: ExemplarEncoder,
        policy: PriorityPolicy | None = None,
        thresholds: Thresholds | None = None,
    ) -> None:
        self.catalogue = catalogue
        self.encoder = encoder
        self.policy = policy or PriorityPolicy()
        self.thresholds = thresholds or Thresholds()
        self._kinds: dict[str, Kind] = {}
        for topics, kind in (
            (catalogue.categories, Kind.SUPPORTED),
            (catalogue.unsupported, Kind.UNSUPPORTED),
            (catalogue.small_talk, Kind.SMALL_TALK),
        ):
            for topic in topics:
                self._kinds[topic.id] = kind
        self._index = _Index()
        self._learned: list[tuple[str, str]] = []
        self.rebuild()

    def rebuild(self) -> None:
        """Encode every exemplar (through the cache) and the ones learned from agents."""
        topic_ids, texts = [], []
        for topic in (
            *self.catalogue.categories,
            *self.catalogue.unsupported,
            *self.catalogue.small_talk,
        ):
            for phrases in topic.exemplars.values():
                for phrase in phrases:
                    topic_ids.append(topic.id)
                    texts.append(phrase)
        for topic_id, text in self._learned:
            topic_ids.append(topic_id)
            texts.append(text)
        self._index = _Index(topic_ids, texts, self.encoder.encode_exemplars(texts))

    def learn(self, topic_id: str, text: str) -> None:
        """Add an agent's correction as a new exemplar of `topic_id`."""
        if topic_id not in self._kinds:
            raise ValueError(f"unknown catalogue topic {topic_id!r}")
        self._learned.append((topic_id, text))
        vector = self.encoder.encode_exemplars([text])
        self._index.topic_ids.append(topic_id)
        self._index.texts.append(text)
        self._index.vectors = np.vstack([self._index.vectors, vector])

    def classify(self, text: str, user_id: str | None = None) -> Classification:
        if not has_words(text):
            # Punctuation, emoji or nothing at all: no similarity can be trusted.
            return Classification(Kind.UNKNOWN, None, None, None, 0.0, 0.0)
        query = self.encoder.encode_queries([text])[0]
        return self._decide(text, query, user_id)

    def classify_many(self, texts: Sequence[str]) -> list[Classification]:
        """Classify a batch, encoding all texts in one call."""
        vectors = self.encoder.encode_queries(list(texts))
        return [
            self._decide(text, vectors[row])
            if has_words(text)
            else Classification(Kind.UNKNOWN, None, None, None, 0.0, 0.0)
            for row, text in enumerate(texts)
        ]

    def _decide(self, text: str, query: Vectors, user_id: str | None = None) -> Classification:
        similarities = self._index.vectors @ query
        scores = self._topic_scores(similarities)
        matched_keywords = self._keyword_hits(text)
        for topic_id in matched_keywords:
            scores[topic_id] = scores.get(topic_id, 0.0) + self.thresholds.keyword_bonus

        neighbours = self._neighbours(similarities)
        keywords = tuple(sorted(k for found in matched_keywords.values() for k in found))
        best = {kind: self._best(scores, kind) for kind in Kind if kind != Kind.UNKNOWN}
        it_id, it_score = best[Kind.SUPPORTED]
        limits = self.thresholds

        talk_id, talk_score = best[Kind.SMALL_TALK]
        other_id, other_score = best[Kind.UNSUPPORTED]
        beats_requests = talk_score > it_score and talk_score > other_score
        if talk_score >= limits.small_talk and beats_requests and len(words(text)) <= 8:
            return Classification(
                Kind.SMALL_TALK,
                talk_id,
                None,
                None,
                _confidence(talk_score, limits.small_talk),
                talk_score,
                neighbours,
            )

        if other_score >= limits.in_scope and other_score - it_score >= limits.unsupported_margin:
            return Classification(
                Kind.UNSUPPORTED,
                other_id,
                None,
                None,
                _confidence(other_score, limits.in_scope),
                other_score,
                neighbours,
            )

        if it_score < limits.in_scope:
            return Classification(
                Kind.UNKNOWN, it_id, None, None, 0.0, it_score, neighbours, keywords
            )
        topic = self.catalogue.category(it_id)
        assert topic is not None and topic.request_type is not None
        request_type = request_type_for(text, topic.request_type)
        return Classification(
            Kind.SUPPORTED,
            it_id,
            request_type,
            self.policy.assess(text, request_type, user_id),
            _confidence(it_score, limits.in_scope),
            it_score,
            neighbours,
            keywords,
        )

    def _best(self, scores: dict[str, float], kind: Kind) -> tuple[str, float]:
        candidates = [
            (topic_id, score) for topic_id, score in scores.items() if self._kinds[topic_id] == kind
        ]
        return max(candidates, key=lambda item: item[1], default=("", -1.0))

    def _topic_scores(self, similarities: Vectors) -> dict[str, float]:
        """Mean of each topic's two best exemplar similarities: steadier than the maximum."""
        best: dict[str, list[float]] = {}
        for topic_id, score in zip(self._index.topic_ids, similarities.tolist(), strict=True):
            best.setdefault(topic_id, []).append(score)
        return {topic_id: float(np.mean(sorted(values)[-2:])) for topic_id, values in best.items()}

    def _neighbours(self, similarities: Vectors, count: int = 3) -> tuple[Neighbour, ...]:
        order = np.argsort(-similarities)[:count]
        return tuple(
            Neighbour(
                self._index.topic_ids[row],
                self._index.texts[row],
                round(float(similarities[row]), 4),
            )
            for row in order
        )

    def _keyword_hits(self, text: str) -> dict[str, list[str]]:
        """Keywords of each category found in the text; the embedding score still decides."""
        tokens = words(text)
        folded = " ".join(tokens)
        hits: dict[str, list[str]] = {}
        for topic in self.catalogue.categories:
            found = [
                keyword
                for keyword in topic.keywords
                if _keyword_matches(fold(keyword), folded, tokens, self.thresholds)
            ]
            if found:
                hits[topic.id] = found
        return hits


def _keyword_matches(keyword: str, folded: str, tokens: list[str], limits: Thresholds) -> bool:
    """Typo-tolerant match of a product or system name, always with a score cut-off."""
    if not keyword or not tokens:
        return False
    if " " not in keyword:
        if len(keyword) <= 3:
            # Short names (SAP, VPN, MFA) only match a whole word; one typo is too much.
            return keyword in tokens
        return any(fuzz.ratio(keyword, token) >= limits.keyword_cutoff for token in tokens)
    return fuzz.partial_ratio(keyword, folded) >= limits.keyword_cutoff


def _confidence(score: float, threshold: float) -> float:
    """Map a score to 0–1: 0.5 at the threshold, 1.0 at threshold + 0.2."""
    return round(float(np.clip(0.5 + (score - threshold) * 2.5, 0.0, 1.0)), 3)


def topic_name(topic: Topic | None, language: str) -> str:
    return topic.name(language) if topic else "—"
