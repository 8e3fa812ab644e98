"""BM25, TF-IDF cosine and the lexical classifiers on tiny corpora."""

from __future__ import annotations

import math

import pytest

from classifier.lexical import (
    BM25,
    LinearTextClassifier,
    TfidfIndex,
    nearest_neighbour_labels,
    sklearn_available,
)

DOCUMENTS = [
    "A VPN não conecta no home office",
    "A impressora não imprime, só sai papel em branco",
    "Minha senha do Windows expirou",
]


def test_bm25_ranks_matching_document_first() -> None:
    index = BM25(DOCUMENTS)

    ranking = index.rank("vpn nao conecta")

    assert ranking[0][0] == 0
    assert [row for row, _ in ranking] == [0, 1]  # "nao" also matches the printer text


def test_bm25_folds_case_and_accents() -> None:
    index = BM25(DOCUMENTS)

    assert index.scores("SENHA EXPIROU").tolist() == index.scores("senha expirou").tolist()
    assert index.scores("NÃO")[0] == index.scores("nao")[0] > 0


def test_bm25_score_hand_checked() -> None:
    # N = 2, average length 2.5; "c" occurs twice in the 3-word second document.
    index = BM25(["a b", "b c c"], k1=1.5, b=0.75)

    idf = math.log(1 + (2 - 1 + 0.5) / (1 + 0.5))
    length_norm = 1.5 * (1 - 0.75 + 0.75 * 3 / 2.5)
    expected = idf * 2 * 2.5 / (2 + length_norm)

    assert index.scores("c").tolist() == pytest.approx([0.0, expected])


def test_bm25_idf_positive_for_common_term() -> None:
    index = BM25(["a b", "b c c"])

    assert index.idf["b"] == pytest.approx(math.log(1.2))
    assert index.scores("b").min() > 0


def test_bm25_rank_skips_zero_and_limits() -> None:
    index = BM25(DOCUMENTS)

    assert index.rank("teclado") == []
    assert len(index.rank("não", limit=1)) == 1


def test_bm25_empty_corpus() -> None:
    index = BM25([])

    assert len(index) == 0
    assert index.scores("vpn").shape == (0,)
    assert index.rank("vpn") == []


def test_bm25_prefers_shorter_document_for_same_match() -> None:
    index = BM25(["vpn", "vpn e mais muitas outras palavras aqui"])

    assert [row for row, _ in index.rank("vpn")] == [0, 1]


def test_tfidf_cosine_bounds() -> None:
    index = TfidfIndex(DOCUMENTS)

    scores = index.scores(DOCUMENTS[2])

    assert scores[2] == pytest.approx(1.0)
    assert scores[0] == 0.0
    assert all(0.0 <= score <= 1.0 + 1e-9 for score in scores)


def test_tfidf_ranks_rare_term_higher() -> None:
    # "nao" is in two documents and "impressora" in one, so "impressora" weighs more.
    index = TfidfIndex(DOCUMENTS)

    assert index.rank("impressora nao")[0][0] == 1


def test_nearest_neighbour_labels() -> None:
    labels = ["vpn", "impressora", "senha"]

    predicted = nearest_neighbour_labels(
        DOCUMENTS, labels, ["a vpn caiu", "papel em branco", "bom dia"]
    )

    # "bom dia" shares no word, so it falls back to the most common label (the first on ties).
    assert predicted == ["vpn", "impressora", "vpn"]


def test_nearest_neighbour_labels_rejects_mismatch() -> None:
    with pytest.raises(ValueError, match="3 training texts but 1 labels"):
        nearest_neighbour_labels(DOCUMENTS, ["vpn"], ["x"])


@pytest.mark.skipif(not sklearn_available(), reason="scikit-learn is not installed")
def test_linear_classifier_learns_tiny_set() -> None:
    texts = [
        "vpn caiu",
        "vpn não conecta",
        "a vpn está lenta",
        "impressora travou",
        "impressora sem papel",
        "a impressora não imprime",
    ]
    labels = ["vpn"] * 3 + ["impressora"] * 3

    model = LinearTextClassifier().fit(texts, labels)

    assert model.predict(
        [
            "VPN lenta",
            "impresora travada",
        ]
    ) == ["vpn", "impressora"]
    assert model.predict([]) == []


@pytest.mark.skipif(not sklearn_available(), reason="scikit-learn is not installed")
def test_linear_classifier_input_errors() -> None:
    with pytest.raises(RuntimeError, match="fit"):
        LinearTextClassifier().predict(["vpn"])
    with pytest.raises(ValueError, match="two different labels"):
        LinearTextClassifier().fit(["a", "b"], ["x", "x"])
