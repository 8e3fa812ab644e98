"""Search the knowledge base section by section, with calibrated answer thresholds."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from classifier.normalise import has_words
from classifier.protocols import ExemplarEncoder
from kb.articles_loader import Article, Section

logger = logging.getLogger(__name__)

PASSAGE_CHARS = 700

# Closing sections ("Ainda não resolveu?") only tell how to reach a person, so they are
# never offered as an answer.
_CLOSING = re.compile(
    r"ainda n[aã]o resolveu|still not (solved|fixed)|n[aã]o resolveu\?", re.IGNORECASE
)


class Verdict(StrEnum):
    """Use of a search result: answer, suggestions or nothing."""

    ANSWER = "answer"
    SUGGEST = "suggest"
    NONE = "none"


@dataclass(frozen=True)
class Thresholds:
    """Cosine cut-offs for USE-m3, read off the shipped pt-BR and English request sets.

    On those sets the right article's category scored 0.41 at the median, and requests that
    no article covers stayed under 0.27 in nine cases out of ten.
    """

    answer: float = 0.45
    suggest: float = 0.33


@dataclass(frozen=True)
class Hit:
    article: Article
    section: Section
    score: float


@dataclass(frozen=True)
class SearchResult:
    verdict: Verdict
    hits: tuple[Hit, ...]

    @property
    def best(self) -> Hit | None:
        return self.hits[0] if self.hits else None


def passage_text(article: Article, section: Section) -> str:
    """Return the text encoded for a section: article title, heading and the start of the body."""
    heading = "" if section.number == 0 else f"\n{section.heading}"
    tags = f"\n{', '.join(article.tags)}" if section.number == 0 and article.tags else ""
    return f"{article.title}{heading}{tags}\n{section.body}"[:PASSAGE_CHARS]


class KnowledgeBase:
    _twins: dict[tuple[str, str], str]

    """All articles and one vector per section; search returns the best section per article."""

    def __init__(
        self,
        articles: list[Article],
        encoder: ExemplarEncoder,
        thresholds: Thresholds | None = None,
    ) -> None:
        self.articles = {article.id: article for article in articles}
        self.encoder = encoder
        self.thresholds = thresholds or Thresholds()
        self._sections = [
            (article, section)
            for article in articles
            for section in article.sections
            if not _CLOSING.search(section.heading)
        ]
        self._twins = {(article.topic, article.language): article.id for article in articles}
        texts = [passage_text(article, section) for article, section in self._sections]
        self._vectors = encoder.encode_passages(texts) if texts else np.zeros((0, 1), np.float32)

    def __len__(self) -> int:
        return len(self.articles)

    def search(self, query: str, limit: int = 3, language: str | None = None) -> SearchResult:
        """Best articles for the query; with `language`, an article's version in that language
        stands in for its other versions, with the better score of the two."""
        if not has_words(query) or not self._sections:
            return SearchResult(Verdict.NONE, ())
        vector = self.encoder.encode_queries([query])[0]
        return self._rank(self._vectors @ vector, limit, language)

    def _key(self, article: Article, language: str | None) -> str:
        """Return the id an article ranks under: its twin's in the preferred language, if any."""
        if language is None or article.language == language:
            return article.id
        return self._twins.get((article.topic, language), article.id)

    def search_many(self, queries: list[str], limit: int = 3) -> list[SearchResult]:
        vectors = self.encoder.encode_queries(queries)
        return [
            self._rank(self._vectors @ vectors[row], limit)
            if has_words(query)
            else SearchResult(Verdict.NONE, ())
            for row, query in enumerate(queries)
        ]

    def _rank(self, scores: np.ndarray, limit: int, language: str | None = None) -> SearchResult:
        """Rank articles by their best section; show a body section rather than the intro.

        The intro carries the title and tags, so it often matches best, but a reader needs the
        steps: the article keeps the intro's score and shows its best other section.
        """
        best: dict[str, float] = {}
        shown: dict[str, Hit] = {}
        for row in np.argsort(-scores):
            article, section = self._sections[int(row)]
            score = round(float(scores[row]), 4)
            key = self._key(article, language)
            best.setdefault(key, score)
            if (
                article.id == key
                and key not in shown
                and (section.number != 0 or len(article.sections) == 1)
            ):
                shown[key] = Hit(article, section, score)
        ranked = sorted(best.items(), key=lambda item: item[1], reverse=True)[:limit]
        hits = tuple(
            Hit(shown[key].article, shown[key].section, score)
            if key in shown
            else Hit(self.articles[key], self.articles[key].sections[0], score)
            for key, score in ranked
        )
        if not hits or hits[0].score < self.thresholds.suggest:
            return SearchResult(Verdict.NONE, hits)
        if hits[0].score >= self.thresholds.answer:
            return SearchResult(Verdict.ANSWER, hits)
        return SearchResult(Verdict.SUGGEST, hits)
