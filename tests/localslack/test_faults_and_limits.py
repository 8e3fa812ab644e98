"""Injected faults, Block Kit limits, typed-text encoding and waiting on the workspace."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.localslack import LocalSlack
from bot.localslack.blocks import MAX_MESSAGE_BLOCKS, check_blocks


def section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def button(**overrides: Any) -> dict[str, Any]:
    element = {"type": "button", "action_id": "a", "text": {"type": "plain_text", "text": "Ok"}}
    return {"type": "actions", "elements": [{**element, **overrides}]}


def test_injected_429_has_retry_after(local: LocalSlack) -> None:
    local.workspace.inject("chat.postMessage", status=429, retry_after=7)
    request = urllib.request.Request(
        local.api_url + "chat.postMessage",
        data=b"channel=C0AJUDA&text=oi",
        headers={"Authorization": f"Bearer {local.workspace.bot_token}"},
    )

    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request)

    assert caught.value.code == 429
    assert caught.value.headers["Retry-After"] == "7"
    assert json.loads(caught.value.read()) == {"ok": False, "error": "ratelimited"}
    assert local.workspace.calls_to("chat.postMessage")[0].status == 429


def test_rate_limit_retry_handler_retries(local: LocalSlack) -> None:
    local.workspace.inject("chat.postMessage", status=429, retry_after=0, times=2)
    client = WebClient(
        token=local.workspace.bot_token,
        base_url=local.api_url,
        retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=2)],
    )

    answer = client.chat_postMessage(channel="C0AJUDA", text="oi")

    assert answer["ok"] is True
    statuses = [c.status for c in local.workspace.calls_to("chat.postMessage")]
    assert statuses == [429, 429, 200]


def test_injected_error_then_recovery(client: WebClient, local: LocalSlack) -> None:
    local.workspace.inject("users.info", error="fatal_error")

    with pytest.raises(SlackApiError) as caught:
        client.users_info(user="U0ANA")

    assert caught.value.response["error"] == "fatal_error"
    assert client.users_info(user="U0ANA")["ok"] is True


def test_injected_delay_is_applied(client: WebClient, local: LocalSlack) -> None:
    local.workspace.inject("auth.test", delay=0.2)

    client.auth_test()

    assert local.workspace.calls_to("auth.test")[0].response["ok"] is True


@pytest.mark.parametrize(
    ("blocks", "pointer"),
    [
        ([section("x")] * (MAX_MESSAGE_BLOCKS + 1), "/blocks]"),
        ([section("x" * 3001)], "/blocks/0/text/text"),
        ([{"type": "header", "text": {"type": "plain_text", "text": "x" * 151}}], "/text/text"),
        ([button(value="v" * 2001)], "/blocks/0/elements/0/value"),
        ([button(action_id="a" * 256)], "/blocks/0/elements/0/action_id"),
        ([{**section("x"), "block_id": "b" * 256}], "/blocks/0/block_id"),
    ],
)
def test_block_limits_rejected(client: WebClient, blocks: list[Any], pointer: str) -> None:
    with pytest.raises(SlackApiError) as caught:
        client.chat_postMessage(channel="C0AJUDA", text="x", blocks=blocks)

    assert caught.value.response["error"] == "invalid_blocks"
    assert pointer in caught.value.response["response_metadata"]["messages"][0]


def test_blocks_at_limits_accepted(client: WebClient) -> None:
    blocks = [section("x" * 3000)] * 48 + [
        {"type": "header", "text": {"type": "plain_text", "text": "x" * 150}},
        button(value="v" * 2000, action_id="a" * 255),
    ]

    assert client.chat_postMessage(channel="C0AJUDA", text="x", blocks=blocks)["ok"] is True


def test_check_blocks_rejects_duplicate_block_id() -> None:
    problems = check_blocks(
        [{**section("a"), "block_id": "b"}, {**section("c"), "block_id": "b"}], 50
    )

    assert problems == ["[ERROR] duplicate block_id [json-pointer:/blocks/1/block_id]"]


def test_blocks_not_json_is_invalid_format(local: LocalSlack) -> None:
    request = urllib.request.Request(
        local.api_url + "chat.postMessage",
        data=b"channel=C0AJUDA&blocks=%5Bnot-json",
        headers={"Authorization": f"Bearer {local.workspace.bot_token}"},
    )
    with urllib.request.urlopen(request) as response:
        assert json.loads(response.read())["error"] == "invalid_blocks_format"


@pytest.mark.parametrize(
    ("typed", "encoded"),
    [
        ("a & b < c > d", "a &amp; b &lt; c &gt; d"),
        ("@channel socorro", "<!channel> socorro"),
        ("@here e @everyone", "<!here> e <!everyone>"),
        ("@balcao oi", "<@U0BALCAO> oi"),
        ("fala com @carla.", "fala com <@U0CARLA>."),
        ("ver #ajuda-ti", "ver <#C0AJUDA|ajuda-ti>"),
        ("#inexistente e @ninguem", "#inexistente e @ninguem"),
        (
            "veja https://intranet.example.com.br/a?b=1&c=2.",
            "veja <https://intranet.example.com.br/a?b=1&amp;c=2>.",
        ),
        ("email ana@example.com.br", "email ana@example.com.br"),
    ],
)
def test_encode_user_text(local: LocalSlack, typed: str, encoded: str) -> None:
    assert local.encode_user_text(typed) == encoded


def test_rich_text_has_raw_characters(local: LocalSlack) -> None:
    local.post("U0ANA", "C0AJUDA", local.encode_user_text("@balcao R&D <urgente>"))

    section_elements = local.workspace.messages_in("C0AJUDA")[0]["blocks"][0]["elements"][0]
    assert section_elements["elements"] == [
        {"type": "user", "user_id": "U0BALCAO"},
        {"type": "text", "text": " R&D <urgente>"},
    ]


def test_wait_for_wakes_on_api_call(client: WebClient, local: LocalSlack) -> None:
    poster = threading.Thread(target=lambda: client.chat_postMessage(channel="C0GERAL", text="x"))
    poster.start()

    found = local.workspace.wait_for(lambda: bool(local.workspace.calls_to("chat.postMessage")), 5)

    poster.join()
    assert found is True
    assert local.workspace.wait_for(lambda: False, 0.01) is False


def test_ts_strictly_increasing(local: LocalSlack) -> None:
    stamps = [local.workspace.next_ts() for _ in range(100)]

    assert stamps == sorted(stamps, key=float)
    assert len(set(stamps)) == 100
    assert all(len(ts.split(".")[1]) == 6 for ts in stamps)
