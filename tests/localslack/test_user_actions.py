"""People's actions: edits, deletes, unfurls, bots, files, threads and buttons."""

from __future__ import annotations

import json
import urllib.request
from typing import Any
from urllib.parse import parse_qs

import pytest
from slack_sdk import WebClient

from bot.localslack import LocalSlack, SharedFile
from tests.localslack.conftest import Receiver

BUTTONS: list[dict[str, Any]] = [
    {"type": "section", "text": {"type": "mrkdwn", "text": "Chamado #42"}},
    {
        "type": "actions",
        "block_id": "acoes",
        "elements": [
            {
                "type": "button",
                "action_id": "assumir",
                "text": {"type": "plain_text", "text": "Assumir"},
                "value": "42",
                "style": "primary",
            },
            {
                "type": "button",
                "action_id": "abrir",
                "text": {"type": "plain_text", "text": "Abrir"},
                "url": "http://127.0.0.1/chamados/42",
            },
        ],
    },
]


def payload_of(receiver: Receiver, index: int = 0) -> dict[str, Any]:
    return dict(json.loads(parse_qs(receiver.requests[index].body)["payload"][0]))


def test_thread_reply_and_broadcast(local: LocalSlack, receiver: Receiver) -> None:
    root = local.post("U0ANA", "C0AJUDA", "raiz").ts
    local.post("U0CARLA", "C0AJUDA", "resposta", thread_ts=root)
    local.post("U0ANA", "C0AJUDA", "para todos", thread_ts=root, broadcast=True)

    events = [b["event"] for b in receiver.json_bodies()]
    assert events[1]["thread_ts"] == root
    assert events[1]["parent_user_id"] == "U0ANA"
    assert events[2]["subtype"] == "thread_broadcast"
    assert events[2]["root"]["ts"] == root
    stored_root = local.workspace.messages_in("C0AJUDA", thread_ts=root)[0]
    assert stored_root["reply_count"] == 2
    assert stored_root["reply_users"] == ["U0CARLA", "U0ANA"]


def test_files_only_message(local: LocalSlack, receiver: Receiver, client: WebClient) -> None:
    shot = SharedFile("erro.png", b"\x89PNG fake")

    local.post("U0JOHN", "D0JOHN", "", files=[shot])

    event = receiver.json_bodies()[0]["event"]
    assert event["subtype"] == "file_share"
    assert event["text"] == ""
    assert event["files"][0]["name"] == "erro.png"
    request = urllib.request.Request(
        event["files"][0]["url_private"],
        headers={"Authorization": f"Bearer {local.workspace.bot_token}"},
    )
    with urllib.request.urlopen(request) as response:
        assert response.read() == b"\x89PNG fake"


def test_edit_sends_message_changed(local: LocalSlack, receiver: Receiver) -> None:
    ts = local.post("U0ANA", "C0AJUDA", "impresora").ts

    local.edit("U0ANA", "C0AJUDA", ts, "impressora")

    event = receiver.json_bodies()[1]["event"]
    assert event["subtype"] == "message_changed"
    assert event["hidden"] is True
    assert event["message"]["text"] == "impressora"
    assert event["message"]["edited"]["user"] == "U0ANA"
    assert event["previous_message"]["text"] == "impresora"


def test_unfurl_keeps_text(local: LocalSlack, receiver: Receiver) -> None:
    ts = local.post("U0ANA", "C0AJUDA", "<https://intranet.example.com.br/vpn>").ts

    local.unfurl("C0AJUDA", ts, "https://intranet.example.com.br/vpn")

    event = receiver.json_bodies()[1]["event"]
    assert event["subtype"] == "message_changed"
    assert event["message"]["text"] == event["previous_message"]["text"]
    assert "edited" not in event["message"]
    assert event["message"]["attachments"][0]["from_url"] == "https://intranet.example.com.br/vpn"


def test_delete_sends_message_deleted(local: LocalSlack, receiver: Receiver) -> None:
    ts = local.post("U0ANA", "C0AJUDA", "engano").ts

    local.delete("U0ANA", "C0AJUDA", ts)

    event = receiver.json_bodies()[1]["event"]
    assert event["subtype"] == "message_deleted"
    assert event["deleted_ts"] == ts
    assert event["previous_message"]["text"] == "engano"
    assert local.workspace.messages_in("C0AJUDA") == []


def test_other_bot_messages(local: LocalSlack, receiver: Receiver) -> None:
    local.bot_post("U0DEPLOY", "C0GERAL", "deploy ok", subtype_bot_message=True)
    local.bot_post("U0DEPLOY", "C0GERAL", "deploy ok", subtype_bot_message=False)

    legacy, modern = (b["event"] for b in receiver.json_bodies())
    assert legacy["subtype"] == "bot_message"
    assert legacy["bot_id"] == "B0DEPLOY"
    assert "user" not in legacy
    assert "subtype" not in modern
    assert modern["user"] == "U0DEPLOY"
    assert modern["bot_id"] == "B0DEPLOY"


def test_user_must_be_member(local: LocalSlack) -> None:
    with pytest.raises(ValueError, match="not a member"):
        local.post("U0ANA", "C0GESTAO", "oi")


def test_buttons_lists_message_buttons(client: WebClient, local: LocalSlack) -> None:
    ts = client.chat_postMessage(channel="C0TRIAGEM", text="Chamado #42", blocks=BUTTONS)["ts"]

    buttons = local.buttons("C0TRIAGEM", ts)

    assert [(b.action_id, b.text, b.value, b.style) for b in buttons] == [
        ("assumir", "Assumir", "42", "primary"),
        ("abrir", "Abrir", None, None),
    ]
    assert buttons[1].url == "http://127.0.0.1/chamados/42"


def test_press_button_payload(client: WebClient, local: LocalSlack, receiver: Receiver) -> None:
    ts = client.chat_postMessage(channel="C0TRIAGEM", text="Chamado #42", blocks=BUTTONS)["ts"]

    delivery = local.press_button("U0CARLA", "C0TRIAGEM", ts, "assumir")

    assert delivery.status == 200
    payload = payload_of(receiver)
    assert payload["type"] == "block_actions"
    assert payload["user"]["id"] == "U0CARLA"
    assert payload["container"] == {
        "type": "message",
        "message_ts": ts,
        "channel_id": "C0TRIAGEM",
        "is_ephemeral": False,
    }
    assert payload["channel"] == {"id": "C0TRIAGEM", "name": "ti-triagem"}
    assert payload["message"]["blocks"][1]["block_id"] == "acoes"
    action = payload["actions"][0]
    assert (action["action_id"], action["block_id"], action["value"]) == ("assumir", "acoes", "42")
    assert action["type"] == "button"
    assert payload["response_url"].startswith(local.server.base_url)
    trigger_id = payload["trigger_id"]
    view = {"type": "modal", "title": {"type": "plain_text", "text": "Assumir"}, "blocks": []}
    assert client.views_open(trigger_id=trigger_id, view=view)["ok"] is True


def test_press_missing_button_names_choices(client: WebClient, local: LocalSlack) -> None:
    ts = client.chat_postMessage(channel="C0TRIAGEM", text="x", blocks=BUTTONS)["ts"]
    local.connect_bot("http://127.0.0.1:9/unused")

    with pytest.raises(LookupError, match="assumir, abrir"):
        local.press_button("U0CARLA", "C0TRIAGEM", ts, "fechar")


def test_response_url_replaces_original(
    client: WebClient, local: LocalSlack, receiver: Receiver
) -> None:
    ts = client.chat_postMessage(channel="C0TRIAGEM", text="Chamado #42", blocks=BUTTONS)["ts"]
    local.press_button("U0CARLA", "C0TRIAGEM", ts, "assumir")
    response_url = payload_of(receiver)["response_url"]

    body = json.dumps({"replace_original": True, "text": "Assumido por Carla"}).encode()
    request = urllib.request.Request(
        response_url, data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request) as response:
        assert json.loads(response.read()) == {"ok": True}

    assert local.workspace.messages_in("C0TRIAGEM")[0]["text"] == "Assumido por Carla"
    assert local.workspace.calls_to("response_url")[0].args["replace_original"] is True


def test_home_button_and_view_submission(
    client: WebClient, local: LocalSlack, receiver: Receiver
) -> None:
    client.views_publish(user_id="U0ANA", view={"type": "home", "blocks": BUTTONS})
    local.press_home_button("U0ANA", "assumir")
    home_payload = payload_of(receiver)
    assert home_payload["container"]["type"] == "view"
    assert home_payload["view"]["type"] == "home"

    modal = {"type": "modal", "title": {"type": "plain_text", "text": "Novo"}, "blocks": []}
    view_id = client.views_open(trigger_id=home_payload["trigger_id"], view=modal)["view"]["id"]
    values = {"desc": {"texto": {"type": "plain_text_input", "value": "VPN caiu"}}}
    local.submit_view("U0ANA", values)

    submission = payload_of(receiver, 1)
    assert submission["type"] == "view_submission"
    assert submission["view"]["id"] == view_id
    assert submission["view"]["state"]["values"] == values
    assert local.workspace.open_modals("U0ANA") == []
