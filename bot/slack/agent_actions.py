"""Agents' buttons on the triage card (Assumir, Resolver) and the requester's confirmation."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.desk.escalation import Outcome, TicketCard
from bot.i18n import t
from bot.slack import blocks
from bot.slack.context import Services
from bot.slack.first_contact_blocks import button
from bot.slack.handoff_actions import clicker_language, done_note, in_worker, refuse
from bot.slack.markup import escape
from bot.slack.profiles import fetch_profile
from bot.slack.triage_blocks import ASSUME_ACTION, RESOLVE_ACTION

logger = logging.getLogger(__name__)

RESOLVE_VIEW = "ticket_resolve_note"
CONFIRM_ACTION = "ticket_confirm"
REOPEN_ACTION = "ticket_reopen"
NOTE_LIMIT = 2500


def _refuse_non_agent(client: WebClient, body: dict[str, Any]) -> None:
    user_id = body["user"]["id"]
    text = t(clicker_language(client, user_id), "agent.only_agents")
    try:
        client.chat_postEphemeral(channel=body["channel"]["id"], user=user_id, text=text)
    except SlackApiError as error:
        if error.response.get("error") != "user_not_in_channel":
            raise
        # Anyone can read a public triage channel without joining it, but an ephemeral
        # message needs membership, so the refusal goes to the person's DM with the bot.
        channel = client.conversations_open(users=user_id)["channel"]["id"]
        client.chat_postMessage(channel=channel, text=text)


def _agent_name(client: WebClient, agent_id: str) -> str:
    try:
        profile = fetch_profile(client, agent_id)
    except SlackApiError:
        return f"<@{agent_id}>"
    details = ", ".join(part for part in (profile.name, profile.title) if part)
    return escape(details) if details else f"<@{agent_id}>"


def _tell_requester(
    client: WebClient, card: TicketCard, text: str, extra: list[blocks.Block] | None = None
) -> None:
    client.chat_postMessage(
        channel=card.channel_id,
        thread_ts=card.root_ts,
        text=text,
        blocks=[blocks.section(text), *(extra or [])],
    )


def _assume(services: Services) -> Callable[..., None]:
    def assume(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        key = str(body["actions"][0]["value"])
        agent_id = body["user"]["id"]

        def work() -> None:
            if not services.agents.is_agent(agent_id):
                logger.info("assume refused: not an agent", extra={"ticket": key, "user": agent_id})
                return _refuse_non_agent(client, body)
            result = services.handoffs.assume(key, agent_id)
            card = result.card
            if result.outcome != Outcome.DONE or card is None:
                language = clicker_language(client, agent_id)
                message_key = "triage.already_assigned" if result.assignee_id else "triage.closed"
                client.chat_postEphemeral(
                    channel=body["channel"]["id"],
                    user=agent_id,
                    text=t(language, message_key, key=key, agent=result.assignee_id or ""),
                )
                return
            services.triage.update_card(card)
            text = t(
                card.language, "fc.assigned_requester", agent=_agent_name(client, agent_id), key=key
            )
            _tell_requester(client, card, text)

        in_worker(services, f"assume {key}", work)

    return assume


def resolve_modal(key: str, language: str) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": RESOLVE_VIEW,
        "private_metadata": key,
        "title": {"type": "plain_text", "text": t(language, "resolve.modal_title")[:24]},
        "submit": {"type": "plain_text", "text": t(language, "resolve.submit")[:24]},
        "close": {"type": "plain_text", "text": t(language, "resolve.cancel")[:24]},
        "blocks": [
            {
                "type": "input",
                "block_id": "note",
                "label": {"type": "plain_text", "text": t(language, "resolve.note_label")[:2000]},
                "element": {
                    "type": "plain_text_input",
                    "action_id": "text",
                    "multiline": True,
                    "max_length": NOTE_LIMIT,
                },
            }
        ],
    }


def _open_resolve(services: Services) -> Callable[..., None]:
    def open_resolve(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        key = str(body["actions"][0]["value"])
        if not services.agents.is_agent(body["user"]["id"]):
            in_worker(services, f"refuse resolve {key}", lambda: _refuse_non_agent(client, body))
            return
        # The trigger id expires after 3 s, so the modal opens here rather than in the worker.
        try:
            client.views_open(
                trigger_id=body["trigger_id"], view=resolve_modal(key, services.triage.language)
            )
        except SlackApiError as error:
            logger.warning(
                "resolve modal not opened",
                extra={"ticket": key, "error": error.response.get("error")},
            )

    return open_resolve


def _submit_resolve(services: Services) -> Callable[..., None]:
    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        ack()
        key = str(view.get("private_metadata", ""))
        agent_id = body["user"]["id"]
        note = str(view["state"]["values"]["note"]["text"].get("value") or "").strip()

        def work() -> None:
            if not services.agents.is_agent(agent_id):
                return
            result = services.handoffs.resolve_by_agent(key, agent_id, note)
            card = result.card
            if result.outcome != Outcome.DONE or card is None:
                return
            services.triage.update_card(card)
            language = card.language
            text = t(language, "resolve.requester", agent=_agent_name(client, agent_id), key=key)
            question = [
                blocks.section(blocks.quote(note)) if note else blocks.context("—"),
                blocks.section(t(language, "resolve.question")),
                {
                    "type": "actions",
                    "block_id": f"confirm:{key}",
                    "elements": [
                        button(
                            CONFIRM_ACTION, t(language, "button.confirm_resolved"), key, "primary"
                        ),
                        button(REOPEN_ACTION, t(language, "button.not_yet"), key),
                    ],
                },
            ]
            _tell_requester(client, card, text, question)

        in_worker(services, f"resolve {key}", work)

    return submit


def _requester_answer(services: Services, confirmed: bool) -> Callable[..., None]:
    def answer(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        key = str(body["actions"][0]["value"])
        user_id = body["user"]["id"]
        handoffs = services.handoffs
        result = (
            handoffs.confirm_resolution(key, user_id)
            if confirmed
            else handoffs.reopen(key, user_id)
        )

        def tell() -> None:
            card = result.card
            if result.outcome != Outcome.DONE or card is None:
                return refuse(client, body, result, key)
            language = card.language
            status_key = "status.closed" if confirmed else "status.in_progress"
            done_note(body, client, t(language, status_key))
            message_key = "resolve.confirmed" if confirmed else "resolve.reopened"
            _tell_requester(client, card, t(language, message_key, key=key))
            services.triage.update_card(card)
            if card.triage_channel_id and card.triage_ts:
                desk = services.triage.language
                card_key = "triage.confirmed" if confirmed else "triage.reopened"
                client.chat_postMessage(
                    channel=card.triage_channel_id,
                    thread_ts=card.triage_ts,
                    text=t(desk, card_key, key=key, agent=card.assignee_id or ""),
                )

        in_worker(services, f"requester answer {key}", tell)

    return answer


def register(app: App, services: Services) -> None:
    """Registers the agents' card buttons, the resolution modal and the confirmation."""
    app.action(ASSUME_ACTION)(_assume(services))
    app.action(RESOLVE_ACTION)(_open_resolve(services))
    app.view(RESOLVE_VIEW)(_submit_resolve(services))
    app.action(CONFIRM_ACTION)(_requester_answer(services, confirmed=True))
    app.action(REOPEN_ACTION)(_requester_answer(services, confirmed=False))
