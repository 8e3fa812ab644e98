"""Button presses on the bot's messages."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.desk.cancellation import CancelOutcome, CancelStatus
from bot.i18n import language_for, t
from bot.slack import blocks
from bot.slack.context import Services

logger = logging.getLogger(__name__)


def _cancel(services: Services) -> Callable[..., None]:
    def cancel(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        user_id = str(body["user"]["id"])
        ticket_key = str(body["actions"][0].get("value", ""))
        outcome = services.cancellation.cancel(ticket_key, user_id)
        logger.info(
            "cancel pressed: %s", outcome.status, extra={"ticket": ticket_key, "user": user_id}
        )
        services.worker.submit(lambda: _tell_outcome(client, body, outcome), f"cancel {ticket_key}")

    return cancel


def _tell_outcome(client: WebClient, body: dict[str, Any], outcome: CancelOutcome) -> None:
    try:
        _send_outcome(client, body, outcome)
    except SlackApiError as error:
        logger.warning(
            "cancel answer not delivered",
            extra={
                "ticket": outcome.ticket_key,
                "user": body["user"]["id"],
                "error": error.response.get("error"),
            },
        )


def _send_outcome(client: WebClient, body: dict[str, Any], outcome: CancelOutcome) -> None:
    user_id = str(body["user"]["id"])
    channel_id = str(body["channel"]["id"])
    language = outcome.language or _language_of(client, user_id)
    message = body.get("message") or {}

    if outcome.status == CancelStatus.CANCELLED:
        note = t(language, "cancel.done_fallback", key=outcome.ticket_key)
        client.chat_update(
            channel=channel_id,
            ts=message["ts"],
            text=message.get("text") or note,
            blocks=blocks.replace_actions(message.get("blocks") or [], note),
        )
        text, payload = blocks.cancelled(outcome.ticket_key, language)
        client.chat_postMessage(
            channel=channel_id, thread_ts=outcome.root_ts, text=text, blocks=payload
        )
        return
    if outcome.status == CancelStatus.ALREADY_CANCELLED:
        # A double click: the first click already answered.
        return

    key = {
        CancelStatus.ALREADY_CLOSED: "cancel.already_closed",
        CancelStatus.NOT_REQUESTER: "cancel.not_requester",
        CancelStatus.NOT_FOUND: "cancel.already_closed",
    }[outcome.status]
    client.chat_postEphemeral(
        channel=channel_id,
        user=user_id,
        thread_ts=message.get("thread_ts") or message.get("ts"),
        text=t(language, key, key=outcome.ticket_key),
    )


def _language_of(client: WebClient, user_id: str) -> str:
    try:
        user = client.users_info(user=user_id, include_locale=True)["user"]
    except SlackApiError as error:
        logger.warning(
            "clicker's locale unavailable",
            extra={"user": user_id, "error": error.response.get("error")},
        )
        return language_for(None)
    return language_for(user.get("locale"))


def register(app: App, services: Services) -> None:
    """Registers the button handlers."""
    app.action(blocks.CANCEL_ACTION)(_cancel(services))
