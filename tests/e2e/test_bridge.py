"""Agents take over: assignment rights, the two-way bridge, notes, edits and resolution."""

from __future__ import annotations

import json
from typing import Any

from bot.store.enums import TicketStatus
from tests.e2e.conftest import ANA, ANA_DM, CARLA, JOHN, Desk

MARCOS = "U0MARCOS"


def escalated(desk: Desk) -> dict[str, Any]:
    """Open an urgent chamado (escalated at once) and return its triage card."""
    desk.post(ANA, ANA_DM, "URGENTE ninguem do andar consegue imprimir")
    cards = [{**m, "channel": "C0INFRA"} for m in desk.replies("C0INFRA")]
    assert len(cards) == 1
    return cards[0]


def press(desk: Desk, user_id: str, channel_id: str, message: dict[str, Any], action: str) -> None:
    delivery = desk.local.press_button(user_id, channel_id, str(message["ts"]), action)
    assert delivery.status == 200
    desk.settle()


def assumed(desk: Desk) -> dict[str, Any]:
    card = escalated(desk)
    press(desk, CARLA, card["channel"], card, "ticket_assume")
    return card


def in_requester_thread(desk: Desk) -> list[str]:
    return [str(m.get("text")) for m in desk.replies(ANA_DM)]


def in_card_thread(desk: Desk, card: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        m
        for m in desk.local.workspace.messages_in(card["channel"], card["ts"])
        if m["ts"] != card["ts"]
    ]


def test_non_agent_cannot_assume(fc_desk: Desk) -> None:
    card = escalated(fc_desk)

    press(fc_desk, JOHN, card["channel"], card, "ticket_assume")

    [ticket] = fc_desk.tickets()
    assert ticket.assignee_user_id is None
    # John is not in the triage channel, so the refusal comes in his DM with the bot.
    [refusal] = fc_desk.replies("D0JOHN")
    assert refusal["text"] == "Only IT service desk agents can use this button."
    assert "assigned" not in fc_desk.event_kinds()


def test_agent_reply_reaches_requester_once(fc_desk: Desk) -> None:
    card = assumed(fc_desk)

    result = fc_desk.local.post(
        CARLA, card["channel"], "Oi Ana, qual impressora?", thread_ts=card["ts"]
    )
    fc_desk.settle()
    fc_desk.local.redeliver(result.deliveries[0])
    fc_desk.settle()

    relayed = [m for m in in_requester_thread(fc_desk) if "qual impressora?" in m]
    assert relayed == [
        "*Carla Lima* (atendente): Oi Ana, qual impressora?\n"
        "_O chamado CH-1001 aguarda a sua resposta neste tópico._"
    ]
    [ticket] = fc_desk.tickets()
    assert ticket.status is TicketStatus.WAITING_ON_REQUESTER
    assert ticket.first_response_at is not None


def test_requester_reply_reaches_card_once(fc_desk: Desk) -> None:
    card = assumed(fc_desk)
    root = fc_desk.tickets()[0].root_ts
    fc_desk.local.post(CARLA, card["channel"], "Qual impressora?", thread_ts=card["ts"])
    fc_desk.settle()

    result = fc_desk.local.post(ANA, ANA_DM, "a do 3º andar, perto da copa", thread_ts=root)
    fc_desk.settle()
    fc_desk.local.redeliver(result.deliveries[0])
    fc_desk.settle()

    copies = [m["text"] for m in in_card_thread(fc_desk, card) if "perto da copa" in m["text"]]
    assert copies == ["*Ana Souza* (solicitante): a do 3º andar, perto da copa"]
    assert fc_desk.tickets()[0].status is TicketStatus.IN_PROGRESS


def test_internal_note_is_never_relayed(fc_desk: Desk) -> None:
    card = assumed(fc_desk)

    fc_desk.local.post(
        CARLA, card["channel"], "nota: parece ser o toner de novo", thread_ts=card["ts"]
    )
    fc_desk.settle()

    assert not any("toner" in text for text in in_requester_thread(fc_desk))
    notes = [m for m in fc_desk.messages() if m.internal]
    assert [m.text for m in notes] == ["nota: parece ser o toner de novo"]


def test_talk_before_assumption_stays_internal(fc_desk: Desk) -> None:
    card = escalated(fc_desk)

    fc_desk.local.post(MARCOS, card["channel"], "alguém pega esse?", thread_ts=card["ts"])
    fc_desk.settle()

    assert not any("alguém pega" in text for text in in_requester_thread(fc_desk))


def test_edit_and_deletion_follow_the_copy(fc_desk: Desk) -> None:
    card = assumed(fc_desk)
    ts = fc_desk.local.post(CARLA, card["channel"], "Reinicie a impresora", thread_ts=card["ts"]).ts
    fc_desk.settle()

    fc_desk.local.edit(CARLA, card["channel"], ts, "Reinicie a impressora, por favor")
    fc_desk.settle()
    assert any("Reinicie a impressora, por favor" in text for text in in_requester_thread(fc_desk))

    fc_desk.local.delete(CARLA, card["channel"], ts)
    fc_desk.settle()
    assert not any("Reinicie" in text for text in in_requester_thread(fc_desk))


def test_resolve_asks_requester_and_not_yet_reopens(fc_desk: Desk) -> None:
    card = assumed(fc_desk)
    press(fc_desk, CARLA, card["channel"], card_now(fc_desk, card), "ticket_resolve")
    [modal] = fc_desk.local.workspace.open_modals(CARLA)
    assert modal["callback_id"] == "ticket_resolve_note"

    fc_desk.local.submit_view(
        CARLA, {"note": {"text": {"type": "plain_text_input", "value": "Toner trocado."}}}
    )
    fc_desk.settle()

    [ticket] = fc_desk.tickets()
    assert ticket.status is TicketStatus.RESOLVED
    assert ticket.resolution_note == "Toner trocado."
    [question] = [m for m in fc_desk.replies(ANA_DM) if "resolveu o seu chamado" in m["text"]]
    assert "O serviço voltou a funcionar" in json.dumps(question["blocks"], ensure_ascii=False)

    press(fc_desk, ANA, ANA_DM, question, "ticket_reopen")

    [ticket] = fc_desk.tickets()
    assert ticket.status is TicketStatus.IN_PROGRESS
    assert ticket.assignee_user_id == CARLA
    assert any("foi reaberto para <@U0CARLA>" in m["text"] for m in in_card_thread(fc_desk, card))


def test_confirmation_closes_the_chamado(fc_desk: Desk) -> None:
    card = assumed(fc_desk)
    press(fc_desk, CARLA, card["channel"], card_now(fc_desk, card), "ticket_resolve")
    fc_desk.local.submit_view(
        CARLA, {"note": {"text": {"type": "plain_text_input", "value": "Toner trocado."}}}
    )
    fc_desk.settle()
    [question] = [m for m in fc_desk.replies(ANA_DM) if "resolveu o seu chamado" in m["text"]]

    press(fc_desk, ANA, ANA_DM, question, "ticket_confirm")

    [ticket] = fc_desk.tickets()
    assert ticket.status is TicketStatus.CLOSED
    assert ticket.closed_at is not None


def test_relay_survives_a_restart(fc_desk: Desk) -> None:
    card = assumed(fc_desk)
    worker = fc_desk.runtime.services.worker
    fc_desk.runtime.services.worker = _Drop()  # type: ignore[assignment]
    fc_desk.local.post(CARLA, card["channel"], "Pode testar agora?", thread_ts=card["ts"])
    assert not any("Pode testar" in text for text in in_requester_thread(fc_desk))

    fc_desk.runtime.services.worker = worker
    fc_desk.runtime._recover()
    fc_desk.settle()
    fc_desk.runtime._recover()
    fc_desk.settle()

    relayed = [t for t in in_requester_thread(fc_desk) if "Pode testar" in t]
    assert len(relayed) == 1
    assert relayed[0].startswith("*Carla Lima* (atendente): Pode testar agora?")


class _Drop:
    def submit(self, job: object, name: str) -> None:
        return None


def card_now(desk: Desk, card: dict[str, Any]) -> dict[str, Any]:
    """The card as it is now, after updates in place."""
    [current] = [m for m in desk.replies(card["channel"]) if m["ts"] == card["ts"]]
    return current


def test_assume_shows_the_conversation_so_far(fc_desk: Desk) -> None:
    card = assumed(fc_desk)

    [context] = [m for m in in_card_thread(fc_desk, card) if "Conversa até agora" in m["text"]]
    assert "URGENTE ninguem do andar consegue imprimir" in context["text"]
    assert "*Balcão*" in context["text"]


def assign_payload(desk: Desk, user_id: str, card: dict[str, Any], selected: str) -> dict[str, Any]:
    """The block_actions payload Slack sends when a user picks someone in "Atribuir a…"."""
    current = card_now(desk, card)
    return {
        "type": "block_actions",
        "user": {"id": user_id, "team_id": "T0LOCAL"},
        "team": {"id": "T0LOCAL"},
        "channel": {"id": card["channel"]},
        "container": {"type": "message", "message_ts": card["ts"], "channel_id": card["channel"]},
        "message": {k: v for k, v in current.items() if k != "channel"},
        "trigger_id": desk.local.workspace.issue_trigger_id(user_id),
        "actions": [
            {
                "action_id": "ticket_assign",
                "block_id": "triage:CH-1001",
                "type": "users_select",
                "selected_user": selected,
                "action_ts": "1800000000.000001",
            }
        ],
    }


def test_assign_to_another_agent_tells_requester(fc_desk: Desk) -> None:
    card = assumed(fc_desk)

    delivery = fc_desk.local.delivery.deliver_interaction(
        assign_payload(fc_desk, CARLA, card, MARCOS)
    )
    fc_desk.settle()

    assert delivery.status == 200
    [ticket] = fc_desk.tickets()
    assert ticket.assignee_user_id == MARCOS
    assert any(
        "Marcos Pereira" in t and "está cuidando do seu chamado" in t
        for t in in_requester_thread(fc_desk)
    )
    assert "Assumido por <@U0MARCOS>" in json.dumps(card_now(fc_desk, card)["blocks"])


def test_assign_to_non_agent_is_refused(fc_desk: Desk) -> None:
    card = assumed(fc_desk)

    fc_desk.local.delivery.deliver_interaction(assign_payload(fc_desk, CARLA, card, ANA))
    fc_desk.settle()

    assert fc_desk.tickets()[0].assignee_user_id == CARLA
    [notice] = fc_desk.local.workspace.ephemerals_for(CARLA)
    assert "não é atendente" in notice["text"]


def test_close_without_solution_tells_the_reason(fc_desk: Desk) -> None:
    card = assumed(fc_desk)
    press(fc_desk, CARLA, card["channel"], card_now(fc_desk, card), "ticket_close_unresolved")

    fc_desk.local.submit_view(
        CARLA, {"note": {"text": {"type": "plain_text_input", "value": "Duplicado do CH-0999."}}}
    )
    fc_desk.settle()

    [ticket] = fc_desk.tickets()
    assert ticket.status is TicketStatus.CLOSED
    assert ticket.resolution == "unresolved"
    assert any("encerrado sem solução por" in t for t in in_requester_thread(fc_desk))
    card_text = json.dumps(card_now(fc_desk, card)["blocks"], ensure_ascii=False)
    assert "Encerrado sem solução por <@U0CARLA>: Duplicado do CH-0999." in card_text
    assert "ticket_resolve" not in card_text


def test_shared_file_is_relayed_as_link(fc_desk: Desk) -> None:
    from bot.localslack.user_actions import SharedFile

    card = assumed(fc_desk)
    fc_desk.local.post(
        CARLA,
        card["channel"],
        "Siga este guia",
        thread_ts=card["ts"],
        files=[SharedFile("guia-toner.pdf", b"%PDF")],
    )
    fc_desk.settle()

    [relayed] = [t for t in in_requester_thread(fc_desk) if "Siga este guia" in t]
    assert "Arquivos:" in relayed
    assert "guia-toner" in relayed


def test_reclassify_changes_category_priority_and_teaches(fc_desk: Desk) -> None:
    card = assumed(fc_desk)
    press(fc_desk, CARLA, card["channel"], card_now(fc_desk, card), "ticket_reclassify")
    [modal] = fc_desk.local.workspace.open_modals(CARLA)
    assert modal["callback_id"] == "ticket_reclassify_form"

    def choice(value: str) -> dict[str, Any]:
        return {"value": {"type": "static_select", "selected_option": {"value": value}}}

    fc_desk.local.submit_view(
        CARLA,
        {
            "category": choice("rede-wifi"),
            "request_type": choice("incident"),
            "priority": choice("P2"),
        },
    )
    fc_desk.settle()

    [ticket] = fc_desk.tickets()
    assert (ticket.category, ticket.priority) == ("rede-wifi", "P2")
    assert "reclassified" in fc_desk.event_kinds()
    told = [t for t in in_requester_thread(fc_desk) if "agora" in t]
    assert any("categoria Rede e Wi-Fi" in t or "categoria Rede" in t for t in told)
    assert any("agora é P2" in t for t in told)
    brain = fc_desk.runtime.brain
    assert brain is not None
    learned = brain.classifier.classify("URGENTE ninguem do andar consegue imprimir")
    assert learned.neighbours[0].text == "URGENTE ninguem do andar consegue imprimir"
    assert learned.neighbours[0].topic_id == "rede-wifi"


def command(desk: Desk, user_id: str, text: str) -> str:
    """Run `/chamado TEXT` as `user_id` and return the ephemeral answer."""
    before = len(desk.local.workspace.ephemerals_for(user_id))
    delivery = desk.local.command(user_id, "C0TRIAGEM", "/chamado", text)
    assert delivery.status == 200
    desk.settle()
    answers = desk.local.workspace.ephemerals_for(user_id)[before:]
    assert len(answers) == 1
    return str(answers[0]["text"])


def test_queue_lists_unassigned_then_mine(fc_desk: Desk) -> None:
    escalated(fc_desk)

    queue = command(fc_desk, CARLA, "fila")

    assert "Sua fila (página 1 de 1):" in queue
    assert "*CH-1001* · P1 · Novo · sem atendente" in queue


def test_take_by_command_assigns_and_tells(fc_desk: Desk) -> None:
    escalated(fc_desk)

    answer = command(fc_desk, CARLA, "assumir ch-1001")

    assert answer.startswith("Você assumiu o chamado CH-1001.")
    assert fc_desk.tickets()[0].assignee_user_id == CARLA
    assert any("assumiu o seu chamado" in t for t in in_requester_thread(fc_desk))
    assert "com você" in command(fc_desk, CARLA, "fila")


def test_view_shows_conversation(fc_desk: Desk) -> None:
    escalated(fc_desk)

    view = command(fc_desk, CARLA, "ver CH-1001")

    assert "*CH-1001* · Novo · prioridade P1" in view
    assert "URGENTE ninguem do andar consegue imprimir" in view


def test_command_for_non_agents_and_bad_usage(fc_desk: Desk) -> None:
    assert command(fc_desk, ANA, "fila") == "Só atendentes das equipes de TI podem usar /chamado."
    assert command(fc_desk, CARLA, "xyz").startswith("Uso: /chamado fila")
    assert command(fc_desk, CARLA, "ver CH-9999") == "Chamado CH-9999 não encontrado."


def test_requester_edit_follows_to_card(fc_desk: Desk) -> None:
    card = assumed(fc_desk)
    root = fc_desk.tickets()[0].root_ts
    ts = fc_desk.local.post(ANA, ANA_DM, "é a impresora do 2º andar", thread_ts=root).ts
    fc_desk.settle()

    fc_desk.local.edit(ANA, ANA_DM, ts, "é a impressora do 3º andar")
    fc_desk.settle()

    texts = [m["text"] for m in in_card_thread(fc_desk, card) if "(solicitante)" in m["text"]]
    assert texts == ["*Ana Souza* (solicitante): é a impressora do 3º andar"]


def test_english_requester_reads_english(fc_desk: Desk) -> None:
    from tests.e2e.conftest import JOHN_DM

    fc_desk.post(JOHN, JOHN_DM, "URGENT nobody on the floor can print")
    cards = [
        {**m, "channel": "C0INFRA"}
        for m in fc_desk.replies("C0INFRA")
        if m.get("thread_ts") in (None, m["ts"])
    ]
    [card] = cards
    press(fc_desk, CARLA, card["channel"], card, "ticket_assume")
    fc_desk.local.post(CARLA, card["channel"], "Which printer is it?", thread_ts=card["ts"])
    fc_desk.settle()

    texts = [str(m.get("text")) for m in fc_desk.replies(JOHN_DM)]
    assert any("took your ticket *CH-1001*" in text for text in texts)
    assert any(text.startswith("*Carla Lima* (agent): Which printer is it?") for text in texts)
    assert any("Ticket CH-1001 is waiting for your reply" in text for text in texts)


def test_internal_note_shortcut_stays_on_card(fc_desk: Desk) -> None:
    card = assumed(fc_desk)
    workspace = fc_desk.local.workspace
    payload = {
        "type": "message_action",
        "callback_id": "internal_note",
        "trigger_id": workspace.issue_trigger_id(CARLA),
        "user": {"id": CARLA, "team_id": "T0LOCAL"},
        "team": {"id": "T0LOCAL"},
        "channel": {"id": card["channel"]},
        "message": {k: v for k, v in card.items() if k != "channel"},
        "message_ts": card["ts"],
        "response_url": "",
    }

    assert fc_desk.local.delivery.deliver_interaction(payload).status == 200
    fc_desk.settle()
    [modal] = workspace.open_modals(CARLA)
    assert modal["callback_id"] == "internal_note_form"
    fc_desk.local.submit_view(
        CARLA, {"note": {"text": {"type": "plain_text_input", "value": "cliente VIP, priorizar"}}}
    )
    fc_desk.settle()

    notes = [m["text"] for m in in_card_thread(fc_desk, card) if "Nota interna" in m["text"]]
    assert notes == ["📝 Nota interna de <@U0CARLA>: cliente VIP, priorizar"]
    assert not any("VIP" in text for text in in_requester_thread(fc_desk))
    assert [m.text for m in fc_desk.messages() if m.internal] == ["cliente VIP, priorizar"]
