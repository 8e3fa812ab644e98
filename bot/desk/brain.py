"""The classifier and the knowledge base, loaded once and shared by every request."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from classifier.cache import CachedEncoder, EmbeddingCache
from classifier.catalogue import Catalogue, load_catalogue
from classifier.classify import Classifier
from classifier.encoders import load_encoder
from classifier.priority import PriorityPolicy
from classifier.protocols import ExemplarEncoder
from kb.articles_loader import STARTER_DIR, load_articles
from kb.search import KnowledgeBase

logger = logging.getLogger(__name__)


@dataclass
class Brain:
    catalogue: Catalogue
    classifier: Classifier
    kb: KnowledgeBase
    encoder: ExemplarEncoder


def build_brain(
    encoder: ExemplarEncoder,
    catalogue_path: Path | None = None,
    kb_dirs: tuple[Path, ...] = (),
    policy: PriorityPolicy | None = None,
    include_starter: bool = True,
) -> Brain:
    """Index the catalogue's exemplars and the articles; cached vectors are reused."""
    started = time.perf_counter()
    catalogue = load_catalogue(catalogue_path) if catalogue_path else load_catalogue()
    classifier = Classifier(catalogue, encoder, policy)
    folders = (STARTER_DIR, *kb_dirs) if include_starter else kb_dirs
    kb = KnowledgeBase(load_articles(*folders), encoder)

    # One query warms the encoder, so the first requester does not wait for it.
    classifier.classify("teste")
    logger.info(
        "classifier and knowledge base ready in %.1f s (%d articles)",
        time.perf_counter() - started,
        len(kb),
    )
    return Brain(catalogue, classifier, kb, encoder)


def load_cached_encoder(model: str, cache_dir: Path, threads: int = 2) -> CachedEncoder:
    return CachedEncoder(
        load_encoder(model, threads), EmbeddingCache(cache_dir / "embeddings.sqlite")
    )
