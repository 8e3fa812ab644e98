"""The "Nota interna" message shortcut: an agent writes a note that stays on the card."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.desk.bridge import card_of_thread, record_note
from bot.i18n import t
from bot.slack.agent_actions import refuse_non_agent
from bot.slack.context import Services
from bot.slack.handoff_actions import clicker_language, in_worker
from bot.slack.markup import escape_truncated

logger = logging.getLogger(__name__)

NOTE_SHORTCUT = "internal_note"
NOTE_VIEW = "internal_note_form"


def note_modal(language: str, place: dict[str, str]) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": NOTE_VIEW,
        "private_metadata": json.dumps(place),
        "title": {"type": "plain_text", "text": t(language, "note.modal_title")[:24]},
        "submit": {"type": "plain_text", "text": t(language, "note.submit")[:24]},
        "close": {"type": "plain_text", "text": t(language, "resolve.cancel")[:24]},
        "blocks": [
            {
                "type": "input",
                "block_id": "note",
                "label": {"type": "plain_text", "text": t(language, "note.label")},
                "element": {
                    "type": "plain_text_input",
                    "action_id": "text",
                    "multiline": True,
                    "max_length": 2500,
                },
            }
        ],
    }


def _shortcut(services: Services) -> Callable[..., None]:
    def shortcut(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        user_id = body["user"]["id"]
        channel_id = str((body.get("channel") or {}).get("id", ""))
        message = body.get("message") or {}
        thread_ts = str(message.get("thread_ts") or message.get("ts") or "")
        language = services.triage.language
        if card_of_thread(services.handoffs.database, channel_id, thread_ts) is None:

            def explain() -> None:
                client.chat_postEphemeral(
                    channel=channel_id,
                    user=user_id,
                    text=t(clicker_language(client, user_id), "note.not_a_card"),
                )

            in_worker(services, "note outside a card", explain)
            return
        if not services.agents.is_agent(user_id):
            in_worker(services, "refuse note", lambda: refuse_non_agent(client, body))
            return
        place = {"channel": channel_id, "thread_ts": thread_ts}
        try:
            client.views_open(trigger_id=body["trigger_id"], view=note_modal(language, place))
        except SlackApiError as error:
            logger.warning("note modal not opened", extra={"error": error.response.get("error")})

    return shortcut


def _submit(services: Services) -> Callable[..., None]:
    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        ack()
        agent_id = body["user"]["id"]
        place = json.loads(view.get("private_metadata") or "{}")
        text = str(view["state"]["values"]["note"]["text"].get("value") or "").strip()

        def work() -> None:
            if not text or not services.agents.is_agent(agent_id):
                return
            shown = t(
                services.triage.language,
                "note.posted",
                agent=agent_id,
                text=escape_truncated(text, 2800),
            )
            response = client.chat_postMessage(
                channel=place["channel"], thread_ts=place["thread_ts"], text=shown
            )
            key = record_note(
                services.handoffs.database,
                services.handoffs.clock,
                place["channel"],
                place["thread_ts"],
                str(response["ts"]),
                agent_id,
                text,
            )
            logger.info("internal note recorded", extra={"ticket": key, "user": agent_id})

        in_worker(services, "internal note", work)

    return submit


def register(app: App, services: Services) -> None:
    """Registers the "Nota interna" shortcut and its form."""
    app.shortcut(NOTE_SHORTCUT)(_shortcut(services))
    app.view(NOTE_VIEW)(_submit(services))
