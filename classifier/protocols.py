"""The encoder interface the classifier and the knowledge base depend on."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from classifier.encoders import Vectors


class ExemplarEncoder(Protocol):
    model_id: str

    def encode_queries(self, texts: Sequence[str]) -> Vectors: ...

    def encode_passages(self, texts: Sequence[str]) -> Vectors: ...

    def encode_exemplars(self, texts: Sequence[str]) -> Vectors: ...
