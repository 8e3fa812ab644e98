"""The requester's "Cancelar chamado" button, pressed once, twice, or by someone else."""

from __future__ import annotations

import json
import urllib.parse
from typing import Any

from bot.localslack.delivery import Delivery
from bot.store.enums import TicketStatus
from tests.e2e.conftest import ANA, ANA_DM, HELP, JOHN, Desk


def sent_payload(delivery: Delivery) -> dict[str, Any]:
    form = urllib.parse.parse_qs(delivery.request_body)
    payload: dict[str, Any] = json.loads(form["payload"][0])
    return payload


def ack_reply(desk: Desk, channel_id: str) -> dict[str, object]:
    [reply] = desk.replies(channel_id)
    return reply


def test_cancel_closes_ticket_and_answers_once(desk: Desk) -> None:
    desk.post(ANA, ANA_DM, "pode cancelar, já resolvi")
    reply = ack_reply(desk, ANA_DM)

    # A double click sends the same block_actions payload twice, before any update lands.
    first = desk.local.press_button(ANA, ANA_DM, str(reply["ts"]), "ticket_cancel")
    second = desk.local.delivery.deliver_interaction(sent_payload(first))
    desk.settle()

    assert (first.status, second.status) == (200, 200)
    [ticket] = desk.tickets()
    assert ticket.status is TicketStatus.CANCELLED
    assert ticket.closed_at == desk.clock.now()
    confirmations = [m for m in desk.replies(ANA_DM) if "cancelado a seu pedido" in str(m)]
    assert len(confirmations) == 1
    assert desk.local.buttons(ANA_DM, str(reply["ts"])) == []
    assert desk.event_kinds().count("status_changed") == 1


def test_cancel_by_another_person_is_refused_politely(desk: Desk) -> None:
    desk.post(ANA, HELP, "sem internet na sala 12")
    reply = ack_reply(desk, HELP)

    desk.local.press_button(JOHN, HELP, str(reply["ts"]), "ticket_cancel")
    desk.settle()

    assert desk.tickets()[0].status is TicketStatus.NEW
    [refusal] = desk.local.workspace.ephemerals_for(JOHN)
    assert "Only the person who opened ticket CH-1001" in refusal["text"]
