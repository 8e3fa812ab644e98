"""views.open, views.push, views.update and views.publish against the local workspace."""

from __future__ import annotations

from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.localslack import LocalSlack
from tests.localslack.conftest import FakeClock


def modal(title: str = "Novo chamado", blocks: int = 1) -> dict[str, Any]:
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": title},
        "callback_id": "novo_chamado",
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": f"bloco {i}"}}
            for i in range(blocks)
        ],
    }


def home(blocks: int = 1) -> dict[str, Any]:
    return {**modal(blocks=blocks), "type": "home"}


def error_of(function: Any, **kwargs: Any) -> SlackApiError:
    with pytest.raises(SlackApiError) as caught:
        function(**kwargs)
    return caught.value


def test_open_with_fresh_trigger(client: WebClient, local: LocalSlack) -> None:
    trigger_id = local.workspace.issue_trigger_id("U0ANA")

    view = client.views_open(trigger_id=trigger_id, view=modal())["view"]

    assert view["id"].startswith("V")
    assert view["callback_id"] == "novo_chamado"
    assert view["blocks"][0]["block_id"]
    assert [v["id"] for v in local.workspace.open_modals("U0ANA")] == [view["id"]]


def test_trigger_expires_after_3_seconds(
    client: WebClient, local: LocalSlack, clock: FakeClock
) -> None:
    trigger_id = local.workspace.issue_trigger_id("U0ANA")
    clock.advance(3.5)

    error = error_of(client.views_open, trigger_id=trigger_id, view=modal())

    assert error.response["error"] == "expired_trigger_id"


def test_trigger_unknown_or_reused(client: WebClient, local: LocalSlack) -> None:
    error = error_of(client.views_open, trigger_id="123.456.abc", view=modal())
    assert error.response["error"] == "invalid_trigger_id"

    trigger_id = local.workspace.issue_trigger_id("U0ANA")
    client.views_open(trigger_id=trigger_id, view=modal())
    error = error_of(client.views_open, trigger_id=trigger_id, view=modal())
    assert error.response["error"] == "exchanged_trigger_id"


def test_modal_block_limit(client: WebClient, local: LocalSlack) -> None:
    trigger_id = local.workspace.issue_trigger_id("U0ANA")
    client.views_open(trigger_id=trigger_id, view=modal(blocks=100))

    trigger_id = local.workspace.issue_trigger_id("U0ANA")
    error = error_of(client.views_open, trigger_id=trigger_id, view=modal(blocks=101))
    assert error.response["error"] == "invalid_arguments"
    assert "100" in error.response["response_metadata"]["messages"][0]


def test_modal_title_limit(client: WebClient, local: LocalSlack) -> None:
    trigger_id = local.workspace.issue_trigger_id("U0ANA")

    error = error_of(client.views_open, trigger_id=trigger_id, view=modal(title="x" * 25))

    assert error.response["error"] == "invalid_arguments"


def test_push_then_limit(client: WebClient, local: LocalSlack) -> None:
    client.views_open(trigger_id=local.workspace.issue_trigger_id("U0ANA"), view=modal())
    for _ in range(2):
        client.views_push(trigger_id=local.workspace.issue_trigger_id("U0ANA"), view=modal())

    trigger_id = local.workspace.issue_trigger_id("U0ANA")
    error = error_of(client.views_push, trigger_id=trigger_id, view=modal())
    assert error.response["error"] == "push_limit_reached"
    stack = local.workspace.open_modals("U0ANA")
    assert len(stack) == 3
    assert stack[2]["previous_view_id"] == stack[1]["id"]
    assert stack[2]["root_view_id"] == stack[0]["id"]


def test_update_by_id_and_hash(client: WebClient, local: LocalSlack) -> None:
    trigger_id = local.workspace.issue_trigger_id("U0ANA")
    opened = client.views_open(trigger_id=trigger_id, view=modal())["view"]

    updated = client.views_update(view_id=opened["id"], view=modal(title="Atualizado"))["view"]
    assert updated["id"] == opened["id"]
    assert updated["title"]["text"] == "Atualizado"
    error = error_of(client.views_update, view_id=opened["id"], view=modal(), hash=opened["hash"])
    assert error.response["error"] == "hash_conflict"
    error = error_of(client.views_update, view_id="V0NONE", view=modal())
    assert error.response["error"] == "not_found"


def test_publish_home_tab(client: WebClient, local: LocalSlack) -> None:
    first = client.views_publish(user_id="U0CARLA", view=home())["view"]
    second = client.views_publish(user_id="U0CARLA", view=home(blocks=100))["view"]

    assert first["type"] == "home"
    assert second["id"] == first["id"]
    stored = local.workspace.home_view("U0CARLA")
    assert stored is not None
    assert len(stored["blocks"]) == 100
    error = error_of(client.views_publish, user_id="U0CARLA", view=home(blocks=101))
    assert error.response["error"] == "invalid_arguments"
    error = error_of(client.views_publish, user_id="U0NOBODY", view=home())
    assert error.response["error"] == "invalid_arguments"
