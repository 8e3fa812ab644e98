"""Embeddings of articles and exemplars, cached on disk by content hash and model id."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from classifier.encoders import Encoder, Vectors

logger = logging.getLogger(__name__)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """A SQLite file of (model id, text hash) → vector; a restart re-encodes only new texts."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._connection = sqlite3.connect(path, check_same_thread=False)
        self._connection.execute(
            "CREATE TABLE IF NOT EXISTS embeddings ("
            " model_id TEXT NOT NULL, text_hash TEXT NOT NULL, vector BLOB NOT NULL,"
            " PRIMARY KEY (model_id, text_hash))"
        )
        self._connection.commit()

    def get_many(self, model_id: str, hashes: Sequence[str]) -> dict[str, Vectors]:
        found: dict[str, Vectors] = {}
        with self._lock:
            for start in range(0, len(hashes), 500):
                chunk = list(hashes[start : start + 500])
                marks = ",".join("?" * len(chunk))
                rows = self._connection.execute(
                    f"SELECT text_hash, vector FROM embeddings WHERE model_id = ?"
                    f" AND text_hash IN ({marks})",
                    [model_id, *chunk],
                )
                for text_hash, blob in rows:
                    found[text_hash] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, model_id: str, items: dict[str, Vectors]) -> None:
        with self._lock:
            self._connection.executemany(
                "INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?)",
                [
                    (model_id, key, vector.astype(np.float32).tobytes())
                    for key, vector in items.items()
                ],
            )
            self._connection.commit()

    def close(self) -> None:
        with self._lock:
            self._connection.close()


class CachedEncoder:
    """Encodes stored texts (articles, exemplars) through the cache; user queries go direct."""

    def __init__(self, encoder: Encoder, cache: EmbeddingCache) -> None:
        self.encoder = encoder
        self.cache = cache
        self.model_id = encoder.model_id
        self.encoded_count = 0

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        return self.encoder.encode_queries(texts)

    def encode_passages(self, texts: Sequence[str]) -> Vectors:
        return self._cached(texts, "passage", self.encoder.encode_passages)

    def encode_exemplars(self, texts: Sequence[str]) -> Vectors:
        """Encode catalogue exemplars as queries, since they are compared with queries."""
        return self._cached(texts, "query", self.encoder.encode_queries)

    def _cached(
        self, texts: Sequence[str], kind: str, encode: Callable[[Sequence[str]], Vectors]
    ) -> Vectors:
        cache_id = f"{self.model_id}:{kind}"
        hashes = [content_hash(text) for text in texts]
        known = self.cache.get_many(cache_id, hashes)
        missing = sorted(
            {h: t for h, t in zip(hashes, texts, strict=True) if h not in known}.items()
        )
        if missing:
            vectors = encode([text for _, text in missing])
            fresh = {key: vectors[row] for row, (key, _) in enumerate(missing)}
            self.cache.put_many(cache_id, fresh)
            known.update(fresh)
            self.encoded_count += len(missing)
            logger.info("encoded new %s texts", kind, extra={"count": len(missing)})
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([known[key] for key in hashes]).astype(np.float32)
