"""Signed delivery of events, interactions and commands to a receiver on 127.0.0.1."""

from __future__ import annotations

import json
import time
from urllib.parse import parse_qs

from slack_sdk import WebClient

from bot.localslack import LocalSlack
from tests.localslack.conftest import Receiver


def test_message_event_envelope(local: LocalSlack, receiver: Receiver) -> None:
    result = local.post("U0ANA", "C0AJUDA", "Minha VPN caiu")

    assert [d.status for d in result.deliveries] == [200]
    body = receiver.json_bodies()[0]
    assert body["type"] == "event_callback"
    assert body["team_id"] == "T0LOCAL"
    assert body["api_app_id"] == "A0BALCAO"
    assert body["event_id"] == result.deliveries[0].event_id
    assert body["authorizations"][0]["user_id"] == "U0BALCAO"
    assert body["authorizations"][0]["is_bot"] is True
    event = body["event"]
    assert event["type"] == "message"
    assert event["channel_type"] == "channel"
    assert event["ts"] == result.ts
    assert event["event_ts"] == result.ts
    assert event["client_msg_id"]
    assert event["blocks"][0]["type"] == "rich_text"


def test_requests_are_signed(local: LocalSlack, receiver: Receiver) -> None:
    local.post("U0ANA", "D0ANA", "oi")

    request = receiver.requests[0]
    assert request.signature_valid is True
    assert request.headers["Content-Type"] == "application/json"
    assert request.path == "/slack/events"


def test_bad_secret_and_stale_timestamp(local: LocalSlack, receiver: Receiver) -> None:
    event = {"type": "app_home_opened", "user": "U0ANA", "tab": "home"}

    local.delivery.deliver_event(event, secret="not-the-secret")
    local.delivery.deliver_event(event, timestamp=int(time.time()) - 600)

    assert [r.signature_valid for r in receiver.requests] == [False, False]


def test_app_mention_order(local: LocalSlack, receiver: Receiver) -> None:
    text = local.encode_user_text("@balcao minha impressora")

    local.post("U0JOHN", "C0AJUDA", text)
    local.post("U0JOHN", "C0AJUDA", text, mention_first=True)

    kinds = [b["event"]["type"] for b in receiver.json_bodies()]
    assert kinds == ["message", "app_mention", "app_mention", "message"]
    ids = [b["event_id"] for b in receiver.json_bodies()]
    assert len(set(ids)) == 4


def test_no_app_mention_in_im(local: LocalSlack, receiver: Receiver) -> None:
    local.post("U0ANA", "D0ANA", "<@U0BALCAO> oi")

    events = [b["event"] for b in receiver.json_bodies()]
    assert [e["type"] for e in events] == ["message"]
    assert events[0]["channel_type"] == "im"


def test_private_channel_type_is_group(local: LocalSlack, receiver: Receiver) -> None:
    local.post("U0MARCOS", "C0GESTAO", "relatório")

    assert receiver.json_bodies()[0]["event"]["channel_type"] == "group"


def test_redeliver_keeps_event_id(local: LocalSlack, receiver: Receiver) -> None:
    first = local.post("U0ANA", "C0AJUDA", "oi").deliveries[0]

    retry = local.redeliver(first, retry_num=2, retry_reason="timeout")

    assert retry.event_id == first.event_id
    assert receiver.requests[1].body == receiver.requests[0].body
    assert receiver.requests[1].headers["X-Slack-Retry-Num"] == "2"
    assert receiver.requests[1].headers["X-Slack-Retry-Reason"] == "timeout"
    assert "X-Slack-Retry-Num" not in receiver.requests[0].headers
    assert receiver.requests[1].signature_valid is True


def test_bot_can_call_api_while_handling(
    local: LocalSlack, receiver: Receiver, client: WebClient
) -> None:
    receiver.on_request = lambda _: client.chat_postMessage(channel="C0AJUDA", text="Recebido")

    delivery = local.post("U0ANA", "C0AJUDA", "ajuda").deliveries[0]

    assert delivery.status == 200
    assert [m["text"] for m in local.workspace.bot_messages("C0AJUDA")] == ["Recebido"]


def test_error_status_is_reported(local: LocalSlack, receiver: Receiver) -> None:
    receiver.status = 500
    receiver.answer = "boom"

    delivery = local.post("U0ANA", "C0AJUDA", "oi").deliveries[0]

    assert delivery.status == 500
    assert delivery.body == "boom"
    assert delivery.elapsed_s >= 0


def test_unreachable_bot_gives_status_0(local: LocalSlack) -> None:
    local.connect_bot("http://127.0.0.1:9/slack/events")

    delivery = local.post("U0ANA", "C0AJUDA", "oi").deliveries[0]

    assert delivery.status == 0


def test_slash_command_form(local: LocalSlack, receiver: Receiver) -> None:
    local.command("U0CARLA", "C0TRIAGEM", "/chamado", "fila")

    request = receiver.requests[0]
    fields = {k: v[0] for k, v in parse_qs(request.body).items()}
    assert request.signature_valid is True
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert fields["command"] == "/chamado"
    assert fields["text"] == "fila"
    assert fields["user_id"] == "U0CARLA"
    assert fields["channel_id"] == "C0TRIAGEM"
    assert fields["response_url"].startswith(local.server.base_url)
    assert fields["trigger_id"] in local.workspace.triggers


def test_interaction_is_form_with_payload(local: LocalSlack, receiver: Receiver) -> None:
    local.delivery.deliver_interaction({"type": "shortcut", "callback_id": "abrir"})

    request = receiver.requests[0]
    payload = json.loads(parse_qs(request.body)["payload"][0])
    assert payload == {"type": "shortcut", "callback_id": "abrir"}
    assert request.signature_valid is True
