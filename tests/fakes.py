"""A tiny deterministic encoder for unit tests: hashed bag of folded words."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from classifier.encoders import Vectors
from classifier.normalise import words

DIMENSION = 256


class BagOfWordsEncoder:
    """Texts sharing words get similar vectors; no model, no randomness."""

    model_id = "fake-bag-of-words"

    def __init__(self) -> None:
        self.calls = 0

    def _encode(self, texts: Sequence[str]) -> Vectors:
        self.calls += 1
        vectors = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in words(text):
                bucket = int(hashlib.md5(word.encode()).hexdigest(), 16) % DIMENSION
                vectors[row, bucket] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts)

    def encode_passages(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts)

    def encode_exemplars(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts)
