"""First contact through the real app and the real model: answer, redirect, escalate, assume."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.clock import FixedClock
from bot.desk.brain import Brain, build_brain
from bot.store.database import Database
from bot.store.enums import Resolution, TicketStatus
from kb.articles_loader import STARTER_DIR
from tests.e2e.conftest import ANA, ANA_DM, CARLA, JOHN, JOHN_DM, Desk, run_desk

TRIAGE_CHANNELS = {"C0TRIAGEM", "C0INFRA", "C0SISTEMAS", "C0SEGURANCA"}


def reply_of(desk: Desk, channel_id: str) -> dict[str, Any]:
    [reply] = desk.replies(channel_id)
    return reply


def text_of(message: dict[str, Any]) -> str:
    return json.dumps(message.get("blocks") or message.get("text"), ensure_ascii=False)


def visible_text(message: dict[str, Any]) -> str:
    """What a person reads: section, context and button labels, not hidden values."""
    from bot.localslack.render import button_labels, message_lines

    labels = [label for _, label in button_labels(message)]
    return "\n".join([*message_lines(message), *labels, str(message.get("text", ""))])


def press(desk: Desk, user_id: str, channel_id: str, message: dict[str, Any], action: str) -> None:
    delivery = desk.local.press_button(user_id, channel_id, str(message["ts"]), action)
    assert delivery.status == 200
    desk.settle()


def triage_cards(desk: Desk) -> list[dict[str, Any]]:
    """Triage cards (top-level bot messages in the triage channels), with their channel id."""
    return [
        {**m, "channel": channel}
        for channel in sorted(TRIAGE_CHANNELS)
        for m in desk.replies(channel)
        if m.get("thread_ts") in (None, m["ts"])
    ]


def test_portuguese_question_answered_from_portuguese_article(fc_desk: Desk) -> None:
    fc_desk.post(ANA, ANA_DM, "minha vpn da erro 809 quando tento conectar de casa")

    [ticket] = fc_desk.tickets()
    assert ticket.category == "vpn"
    assert ticket.kb_article_id == "vpn-conectar"
    reply = reply_of(fc_desk, ANA_DM)
    assert "Registrei o chamado *CH-1001* e encontrei isto" in text_of(reply)
    assert [b.text for b in fc_desk.local.buttons(ANA_DM, str(reply["ts"]))] == [
        "Resolveu",
        "Não, falar com um atendente",
        "Ver artigo completo",
    ]


def test_english_question_answered_in_english(fc_desk: Desk) -> None:
    fc_desk.post(JOHN, JOHN_DM, "how do I reset my network password?")

    [ticket] = fc_desk.tickets()
    assert ticket.kb_article_id == "password-reset"
    assert "I opened ticket *CH-1001* and found this" in text_of(reply_of(fc_desk, JOHN_DM))


def test_resolved_closes_by_self_service(fc_desk: Desk) -> None:
    fc_desk.post(ANA, ANA_DM, "como troco a senha de rede?")
    reply = reply_of(fc_desk, ANA_DM)

    press(fc_desk, ANA, ANA_DM, reply, "kb_resolved")
    press_again = fc_desk.local.workspace.find_message(ANA_DM, str(reply["ts"]))

    [ticket] = fc_desk.tickets()
    assert ticket.status is TicketStatus.RESOLVED
    assert ticket.resolution == Resolution.SELF_SERVICE
    assert ticket.escalated_at is None
    assert press_again is not None and "actions" not in text_of(press_again)
    assert triage_cards(fc_desk) == []


def test_decline_escalates_with_triage_card(fc_desk: Desk) -> None:
    fc_desk.post(ANA, ANA_DM, "a impressora nao imprime nada")
    reply = reply_of(fc_desk, ANA_DM)

    press(fc_desk, ANA, ANA_DM, reply, "kb_declined")

    [ticket] = fc_desk.tickets()
    assert ticket.escalated_at is not None
    [card] = triage_cards(fc_desk)
    assert card["channel"] == "C0INFRA"
    card_text = text_of(card)
    assert "CH-1001" in card_text
    assert "Ana Souza, Analista Financeira, Financeiro" in card_text
    assert "Impressoras" in card_text
    assert "o solicitante disse que não resolveu" in card_text
    assert "Abrir a conversa" in card_text
    assert any("Encaminhei o chamado *CH-1001*" in text_of(m) for m in fc_desk.replies(ANA_DM))


def test_agent_assumes_escalated_chamado(fc_desk: Desk) -> None:
    fc_desk.post(ANA, ANA_DM, "URGENTE ninguem do andar consegue imprimir")
    [card] = triage_cards(fc_desk)

    press(fc_desk, CARLA, card["channel"], card, "ticket_assume")

    [ticket] = fc_desk.tickets()
    assert ticket.priority == "P1"
    assert ticket.assignee_user_id == CARLA
    assert ticket.status is TicketStatus.IN_PROGRESS
    [updated] = triage_cards(fc_desk)
    assert updated["ts"] == card["ts"]
    assert "Assumido por <@U0CARLA>" in text_of(updated)
    told = [m for m in fc_desk.replies(ANA_DM) if "assumiu o seu chamado" in text_of(m)]
    assert len(told) == 1
    assert "Carla Lima, Analista de Suporte N1" in text_of(told[0])


def test_second_assume_is_told_who_has_it(fc_desk: Desk) -> None:
    fc_desk.post(ANA, ANA_DM, "URGENTE ninguem do andar consegue imprimir")
    [card] = triage_cards(fc_desk)
    press(fc_desk, CARLA, card["channel"], card, "ticket_assume")

    delivery = fc_desk.local.delivery.deliver_interaction(
        _block_actions(fc_desk, "U0MARCOS", card, "ticket_assume")
    )
    fc_desk.settle()

    assert delivery.status == 200
    assert fc_desk.tickets()[0].assignee_user_id == CARLA
    [notice] = fc_desk.local.workspace.ephemerals_for("U0MARCOS")
    assert "<@U0CARLA> já assumiu o chamado CH-1001" in notice["text"]


def _block_actions(
    desk: Desk, user_id: str, message: dict[str, Any], action: str
) -> dict[str, Any]:
    """The payload of a press on the card as it was before the first press updated it."""
    from bot.localslack.blocks import find_buttons
    from bot.localslack.payloads import message_block_actions

    workspace = desk.local.workspace
    [button] = [b for b in find_buttons(message["blocks"]) if b.action_id == action]
    conversation = workspace.conversations[message["channel"]]
    stored = {key: value for key, value in message.items() if key != "channel"}
    return message_block_actions(workspace, user_id, conversation, stored, button)


def test_out_of_scope_request_is_redirected_and_logged(fc_desk: Desk) -> None:
    fc_desk.post(ANA, ANA_DM, "preciso tirar ferias em janeiro, como faço?")

    [ticket] = fc_desk.tickets()
    assert ticket.supported is False
    assert ticket.category == "rh"
    assert ticket.status is TicketStatus.CLOSED
    assert ticket.resolution == Resolution.UNSUPPORTED
    reply = text_of(reply_of(fc_desk, ANA_DM))
    assert "não é atendido pela TI" in reply
    assert "RH" in reply
    assert "Falar com um atendente" in reply


def test_small_talk_gets_answer_not_chamado(fc_desk: Desk) -> None:
    fc_desk.post(ANA, ANA_DM, "oi, tudo bem?")

    [ticket] = fc_desk.tickets()
    assert ticket.status is TicketStatus.SMALL_TALK
    reply = reply_of(fc_desk, ANA_DM)
    assert "CH-1001" not in visible_text(reply)
    assert "Falar com um atendente" in text_of(reply)


def test_small_talk_can_still_reach_a_person(fc_desk: Desk) -> None:
    fc_desk.post(ANA, ANA_DM, "bom dia")
    press(fc_desk, ANA, ANA_DM, reply_of(fc_desk, ANA_DM), "ticket_agent")

    [ticket] = fc_desk.tickets()
    assert ticket.status is TicketStatus.NEW
    assert ticket.escalated_at is not None
    assert len(triage_cards(fc_desk)) == 1


def test_punctuation_and_emoji_get_no_kb_answer(fc_desk: Desk) -> None:
    fc_desk.post(ANA, ANA_DM, "???")
    fc_desk.post(JOHN, JOHN_DM, ":sob: :fire:")

    for ticket in fc_desk.tickets():
        assert ticket.kb_article_id is None
        assert ticket.category is None
    assert "Pode me contar em poucas palavras" in text_of(reply_of(fc_desk, ANA_DM))


def test_not_urgent_keeps_priority_low(fc_desk: Desk) -> None:
    fc_desk.post(ANA, ANA_DM, "nao e urgente, mas o mouse sem fio falha as vezes")

    [ticket] = fc_desk.tickets()
    assert ticket.priority == "P4"
    assert ticket.details["urgency"] == "low"


def test_classification_is_explained_on_the_ticket(fc_desk: Desk) -> None:
    fc_desk.post(ANA, ANA_DM, "o outlok nao recebe emails desde ontem")

    [ticket] = fc_desk.tickets()
    assert ticket.category == "email-calendario"
    assert ticket.details["neighbours"][0]["topic"] == "email-calendario"
    assert "Outlook" in ticket.details["keywords"]
    assert 0.0 < (ticket.confidence or 0.0) <= 1.0


def test_english_dm_answered_from_portuguese_article(
    database: Database, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, brain: Brain
) -> None:
    portuguese_only = build_brain(
        brain.encoder, kb_dirs=(STARTER_DIR / "pt-BR",), include_starter=False
    )
    for desk in run_desk(database, clock, monkeypatch, portuguese_only):
        desk.post(JOHN, JOHN_DM, "the VPN shows error 809 when I connect from home")

        [ticket] = desk.tickets()
        assert ticket.kb_article_id == "vpn-conectar"
        reply = text_of(reply_of(desk, JOHN_DM))
        assert "I opened ticket *CH-1001* and found this" in reply
        assert "erro 809" in reply


def test_details_after_emoji_get_first_contact(fc_desk: Desk) -> None:
    root = fc_desk.post(ANA, ANA_DM, ":sob:")
    asked = reply_of(fc_desk, ANA_DM)
    assert "Pode me contar em poucas palavras" in text_of(asked)
    assert "Falar com um atendente" in visible_text(asked)

    fc_desk.post(ANA, ANA_DM, "a vpn da erro 809 quando conecto de casa", thread_ts=root)

    [ticket] = fc_desk.tickets()
    assert ticket.kb_article_id == "vpn-conectar"
    assert ticket.category == "vpn"
    answers = [m for m in fc_desk.replies(ANA_DM) if "encontrei isto" in text_of(m)]
    assert len(answers) == 1
    assert answers[0]["thread_ts"] == root


def test_details_from_someone_else_are_only_recorded(fc_desk: Desk) -> None:
    from tests.e2e.conftest import HELP

    root = fc_desk.post(ANA, HELP, "???")
    fc_desk.post(JOHN, HELP, "same problem here", thread_ts=root)

    [ticket] = fc_desk.tickets()
    assert ticket.category is None
    assert len(fc_desk.replies(HELP)) == 1


def test_resolved_chamado_can_still_reach_a_person(fc_desk: Desk) -> None:
    fc_desk.post(ANA, ANA_DM, "como troco a senha de rede?")
    press(fc_desk, ANA, ANA_DM, reply_of(fc_desk, ANA_DM), "kb_resolved")
    [thanks] = [m for m in fc_desk.replies(ANA_DM) if "Que bom!" in text_of(m)]

    press(fc_desk, ANA, ANA_DM, thanks, "ticket_agent")

    [ticket] = fc_desk.tickets()
    assert ticket.status is TicketStatus.NEW
    assert ticket.resolution is None
    assert ticket.escalated_at is not None
    assert len(triage_cards(fc_desk)) == 1


def test_recovery_posts_missing_card(fc_desk: Desk) -> None:
    fc_desk.post(ANA, ANA_DM, "minha vpn da erro 809 quando conecto de casa")
    # Escalated in the database, but the card's post failed (a Slack error or a crash).
    result = fc_desk.runtime.services.handoffs.escalate("CH-1001", "bot")
    assert result.card is not None and result.card.triage_ts is None
    assert triage_cards(fc_desk) == []

    fc_desk.runtime._recover()
    fc_desk.settle()

    [card] = triage_cards(fc_desk)
    assert "CH-1001" in text_of(card)
    assert fc_desk.tickets()[0].triage_ts == card["ts"]
