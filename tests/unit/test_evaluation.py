"""Evaluation metrics on small inputs whose results are worked out by hand in each test."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from classifier.encoders import Vectors
from classifier.evaluation import (
    OUT_OF_SCOPE,
    NearestExemplars,
    calibrate_threshold,
    classification_report,
    evaluate_classifier,
    evaluate_kb,
    ranking_metrics,
    read_kb_queries,
    read_labelled,
    reciprocal_rank_fusion,
)
from classifier.normalise import words
from kb.articles_loader import load_articles
from kb.search import KnowledgeBase, Thresholds


class BagOfWordsEncoder:
    """A deterministic stand-in for a sentence encoder: L2-normalised word counts.

    Each new folded word gets the next free dimension, so two texts have cosine
    overlap / (norm × norm) exactly, with no hash collisions.
    """

    model_id = "test-bag-of-words"
    dimension = 256

    def __init__(self) -> None:
        self.vocabulary: dict[str, int] = {}

    def _vector(self, text: str) -> Vectors:
        vector = np.zeros(self.dimension, dtype=np.float32)
        for word in words(text):
            index = self.vocabulary.setdefault(word, len(self.vocabulary))
            vector[index] += 1.0
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else vector

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._vector(text) for text in texts])

    def encode_passages(self, texts: Sequence[str]) -> Vectors:
        return self.encode_queries(texts)

    def encode_exemplars(self, texts: Sequence[str]) -> Vectors:
        return self.encode_queries(texts)


# --- Ranking --------------------------------------------------------------------------------


def test_ranking_metrics_hand_checked() -> None:
    rankings = [["a", "b"], ["b", "a"], ["c", "d", "e", "f", "g", "a"]]
    metrics = ranking_metrics(rankings, ["a", "a", "a"])

    assert metrics["R@1"] == pytest.approx(1 / 3, abs=1e-4)
    assert metrics["R@5"] == pytest.approx(2 / 3, abs=1e-4)
    # Reciprocal ranks 1, 1/2 and 1/6 (found at rank 6, outside R@5).
    assert metrics["MRR"] == pytest.approx((1 + 0.5 + 1 / 6) / 3, abs=1e-4)


def test_ranking_metrics_length_mismatch() -> None:
    with pytest.raises(ValueError, match="2 rankings but 1 expected"):
        ranking_metrics([["a"], ["b"]], ["a"])


def test_rrf_orders_by_summed_reciprocal_rank() -> None:
    # "b" is 1st and 2nd, "a" is 2nd and missing, "c" is 3rd and 1st.
    fused = reciprocal_rank_fusion([["b", "a", "c"], ["c", "b"]], k=60)

    assert fused == ["b", "c", "a"]


def test_rrf_ties_keep_first_seen_order() -> None:
    fused = reciprocal_rank_fusion([["a", "b"], ["b", "a"]])

    assert fused == ["a", "b"]


# --- Thresholds -----------------------------------------------------------------------------


def test_calibrate_threshold_hand_checked() -> None:
    positives = [0.9, 0.8, 0.7, 0.6, 0.5]
    negatives = [0.65, 0.4]

    choice = calibrate_threshold(positives, negatives, target_recall=0.8)

    assert choice.threshold == 0.6
    assert choice.recall == 0.8
    assert choice.false_positive_rate == 0.5
    assert (choice.positives, choice.negatives) == (5, 2)


def test_calibrate_threshold_rounds_recall_up() -> None:
    # 50 % of 5 positives is 2.5, so three positives must pass.
    choice = calibrate_threshold([0.9, 0.8, 0.7, 0.6, 0.5], [], target_recall=0.5)

    assert choice.threshold == 0.7
    assert choice.recall == 0.6
    assert choice.false_positive_rate == 0.0


def test_calibrate_threshold_full_recall() -> None:
    choice = calibrate_threshold([0.9, 0.3], [0.35], target_recall=1.0)

    assert choice.threshold == 0.3
    assert choice.false_positive_rate == 1.0


@pytest.mark.parametrize("target", [0.0, -0.1, 1.5])
def test_calibrate_threshold_rejects_target(target: float) -> None:
    with pytest.raises(ValueError, match="target_recall"):
        calibrate_threshold([0.5], [], target_recall=target)


def test_calibrate_threshold_needs_positives() -> None:
    with pytest.raises(ValueError, match="positive"):
        calibrate_threshold([], [0.5], target_recall=0.9)


# --- Classifier metrics ---------------------------------------------------------------------


def test_classification_report_hand_checked() -> None:
    report = classification_report(["a", "a", "b", "b"], ["a", "b", "b", "b"])

    assert report["accuracy"] == 0.75
    assert report["per_label"]["a"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "support": 2}
    assert report["per_label"]["b"] == {"precision": 0.6667, "recall": 1.0, "f1": 0.8, "support": 2}
    # Mean of the unrounded F1 scores 2/3 and 4/5.
    assert report["macro_f1"] == 0.7333


def test_classification_report_counts_predicted_only_labels() -> None:
    report = classification_report(["a", "a"], ["a", "c"])

    assert set(report["per_label"]) == {"a", "c"}
    assert report["per_label"]["c"]["support"] == 0
    assert report["per_label"]["c"]["f1"] == 0.0
    # F1 of "a" is 2/3 (precision 1, recall 1/2) and of "c" is 0.
    assert report["macro_f1"] == pytest.approx(1 / 3, abs=1e-4)


def test_nearest_exemplars_mean_of_top_k() -> None:
    vectors = np.array([[1.0, 0.0], [0.8, 0.6], [0.0, 1.0]], dtype=np.float32)
    model = NearestExemplars(vectors, ["x", "x", "y"], k=2)

    scores = model.label_scores(np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32))

    # "x" averages its two exemplars; "y" has only one, so k shrinks to 1 for it.
    np.testing.assert_allclose(scores, [[0.9, 0.0], [0.3, 1.0]], atol=1e-6)
    assert model.predict(np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)) == ["x", "y"]


def test_nearest_exemplars_mean_beats_crowded_label() -> None:
    # Three weak "crowd" exemplars would win a 3-nearest vote over one exact "rare" exemplar.
    vectors = np.array([[0.6, 0.8], [0.6, 0.8], [0.6, 0.8], [1.0, 0.0]], dtype=np.float32)
    model = NearestExemplars(vectors, ["crowd", "crowd", "crowd", "rare"], k=3)

    assert model.predict(np.array([[1.0, 0.0]], dtype=np.float32)) == ["rare"]


def test_nearest_exemplars_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="2 vectors but 1 labels"):
        NearestExemplars(np.zeros((2, 2), dtype=np.float32), ["a"])
    with pytest.raises(ValueError, match="k must be"):
        NearestExemplars(np.zeros((1, 2), dtype=np.float32), ["a"], k=0)


def test_evaluate_classifier_with_word_vectors() -> None:
    train = [
        ("vpn não conecta", "vpn"),
        ("a vpn caiu de novo", "vpn"),
        ("impressora sem papel", "impressora"),
        ("impressora travou", "impressora"),
    ]
    test = [("VPN caiu", "vpn"), ("a impressora travou", "impressora"), ("papel", "vpn")]

    report = evaluate_classifier(train, test, BagOfWordsEncoder())

    assert report["accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert report["per_label"]["vpn"]["support"] == 2
    assert report["per_label"]["vpn"]["recall"] == 0.5
    assert report["per_label"]["impressora"]["precision"] == 0.5
    assert (report["train"], report["test"], report["k"]) == (4, 3, 5)
    assert report["unseen_test_labels"] == []


def test_evaluate_classifier_needs_data() -> None:
    with pytest.raises(ValueError, match="at least one"):
        evaluate_classifier([], [("x", "a")], BagOfWordsEncoder())


# --- Reading files --------------------------------------------------------------------------


def test_read_labelled_csv_and_jsonl(tmp_path: Path) -> None:
    csv_path = tmp_path / "requests.csv"
    csv_path.write_text('id,text,label\n1,"vpn, caiu",vpn\n2, impressora ,impressora\n')
    jsonl_path = tmp_path / "requests.jsonl"
    jsonl_path.write_text('{"text": "vpn caiu", "label": "vpn", "lang": "pt-BR"}\n\n')

    assert read_labelled(csv_path) == [("vpn, caiu", "vpn"), ("impressora", "impressora")]
    assert read_labelled(jsonl_path) == [("vpn caiu", "vpn")]


def test_read_labelled_reports_line(tmp_path: Path) -> None:
    path = tmp_path / "requests.csv"
    path.write_text("text,label\nok,vpn\nsem rótulo,\n")

    with pytest.raises(ValueError, match=r"requests.csv:3: empty text or label"):
        read_labelled(path)


def test_read_labelled_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "requests.jsonl"
    path.write_text('{"text": "vpn caiu", "category": "vpn"}\n')

    with pytest.raises(ValueError, match=r"requests.jsonl:1: missing column 'label'"):
        read_labelled(path)


def test_read_labelled_unsupported_suffix(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unsupported file type"):
        read_labelled(tmp_path / "requests.txt")


def test_read_kb_queries_out_of_scope(tmp_path: Path) -> None:
    path = tmp_path / "queries.jsonl"
    rows = [
        {"text": "vpn caiu", "article": "vpn"},
        {"text": "bom dia", "article": None},
        {"text": "oi", "article": ""},
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))

    assert read_kb_queries(path) == [
        ("vpn caiu", "vpn"),
        ("bom dia", OUT_OF_SCOPE),
        ("oi", OUT_OF_SCOPE),
    ]


# --- Knowledge base -------------------------------------------------------------------------


def _write_article(folder: Path, article_id: str, title: str, body: str) -> None:
    folder.joinpath(f"{article_id}.md").write_text(
        f"---\nid: {article_id}\ntitle: {title}\nlanguage: pt-BR\ncategory: teste\n---\n\n{body}\n",
        encoding="utf-8",
    )


@pytest.fixture
def knowledge_base(tmp_path: Path) -> KnowledgeBase:
    _write_article(tmp_path, "vpn", "VPN", "Conecte a VPN com o cliente.")
    _write_article(tmp_path, "impressora", "Impressora", "Adicione a impressora pelo painel.")
    return KnowledgeBase(
        load_articles(tmp_path), BagOfWordsEncoder(), Thresholds(answer=0.5, suggest=0.2)
    )


def test_evaluate_kb_hand_checked(knowledge_base: KnowledgeBase) -> None:
    # Passage words: "vpn" ×2 + 5 others (norm 3); "impressora" ×2 + 4 others (norm √8).
    queries = [
        ("vpn", "vpn"),  # 2/3 with vpn: answered, right
        ("impressora", "vpn"),  # 2/√8 ≈ 0.71 with impressora: answered, wrong; vpn at rank 2
        ("cliente painel", "vpn"),  # 0.24 vpn < 0.25 impressora: suggested; vpn at rank 2
        ("bom dia", OUT_OF_SCOPE),  # no shared word: abstained
    ]

    metrics = evaluate_kb(knowledge_base, queries)

    assert (metrics["queries"], metrics["in_scope"], metrics["out_of_scope"]) == (4, 3, 1)
    assert metrics["R@1"] == pytest.approx(1 / 3, abs=1e-4)
    assert metrics["R@5"] == 1.0
    assert metrics["MRR"] == pytest.approx((1 + 0.5 + 0.5) / 3, abs=1e-4)
    assert metrics["verdicts"] == {"answer": 2, "suggest": 1, "none": 1}
    assert metrics["answered_rate"] == 0.5
    assert metrics["answered_correct_rate"] == 0.25
    assert metrics["wrong_rate"] == 0.25
    assert metrics["suggested_rate"] == 0.25
    assert metrics["abstained_rate"] == 0.25
    assert metrics["thresholds"] == {"answer": 0.5, "suggest": 0.2}


def test_evaluate_kb_calibration(knowledge_base: KnowledgeBase) -> None:
    queries = [("vpn", "vpn"), ("impressora", "vpn"), ("bom dia", OUT_OF_SCOPE)]

    calibration = evaluate_kb(knowledge_base, queries)["calibration"]

    # One right top hit (0.6667) and two wrong ones (0.7071 and 0.0).
    assert calibration["answer"]["threshold"] == pytest.approx(0.6667, abs=1e-4)
    assert calibration["answer"]["false_positive_rate"] == 0.5
    assert calibration["answer"]["negatives"] == 2


def test_evaluate_kb_out_of_scope_answer(knowledge_base: KnowledgeBase) -> None:
    metrics = evaluate_kb(knowledge_base, [("vpn", OUT_OF_SCOPE)])

    assert metrics["wrong_rate"] == 1.0
    assert metrics["R@1"] == 0.0
    assert metrics["calibration"] is None


def test_evaluate_kb_unknown_article(knowledge_base: KnowledgeBase) -> None:
    with pytest.raises(ValueError, match="not in the knowledge base: wifi"):
        evaluate_kb(knowledge_base, [("wifi caiu", "wifi")])
