"""Agents' buttons on the triage card (Assumir, Resolver) and the requester's confirmation."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.desk.escalation import Outcome, Result, TicketCard
from bot.desk.lookup import conversation_so_far
from bot.i18n import t
from bot.slack import blocks
from bot.slack.context import Services
from bot.slack.first_contact_blocks import button
from bot.slack.handoff_actions import clicker_language, done_note, in_worker, refuse
from bot.slack.markup import escape, escape_truncated
from bot.slack.profiles import fetch_profile
from bot.slack.triage_blocks import ASSIGN_ACTION, ASSUME_ACTION, CLOSE_ACTION, RESOLVE_ACTION

logger = logging.getLogger(__name__)

RESOLVE_VIEW = "ticket_resolve_note"
CLOSE_VIEW = "ticket_close_reason"
CONFIRM_ACTION = "ticket_confirm"
REOPEN_ACTION = "ticket_reopen"
NOTE_LIMIT = 2500


def refuse_non_agent(client: WebClient, body: dict[str, Any]) -> None:
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


def assume_and_tell(services: Services, client: WebClient, key: str, agent_id: str) -> Result:
    """Assign the chamado to the agent, update its card, tell the requester, show the history."""
    result = services.handoffs.assume(key, agent_id)
    card = result.card
    if result.outcome != Outcome.DONE or card is None:
        return result
    services.triage.update_card(card)
    name = _agent_name(client, agent_id)
    _tell_requester(client, card, t(card.language, "fc.assigned_requester", agent=name, key=key))
    _post_context(services, client, card)
    return result


def _assume(services: Services) -> Callable[..., None]:
    def assume(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        key = str(body["actions"][0]["value"])
        agent_id = body["user"]["id"]

        def work() -> None:
            if not services.agents.is_agent(agent_id):
                logger.info(
                    "assume rejected: not an agent", extra={"ticket": key, "user": agent_id}
                )
                return refuse_non_agent(client, body)
            result = assume_and_tell(services, client, key, agent_id)
            if result.outcome != Outcome.DONE:
                language = clicker_language(client, agent_id)
                message_key = "triage.already_assigned" if result.assignee_id else "triage.closed"
                client.chat_postEphemeral(
                    channel=body["channel"]["id"],
                    user=agent_id,
                    text=t(language, message_key, key=key, agent=result.assignee_id or ""),
                )

        in_worker(services, f"assume {key}", work)

    return assume


def _post_context(services: Services, client: WebClient, card: TicketCard) -> None:
    """Post the conversation so far in the card's thread, so agents need not ask again."""
    if not (card.triage_channel_id and card.triage_ts):
        return
    desk = services.triage.language
    lines = [t(desk, "triage.context_title", key=card.key)]
    for author, text in conversation_so_far(services.handoffs.database, card.key):
        name = t(desk, "triage.bot_name") if author == "bot" else f"<@{author}>"
        lines.append(f"> *{name}*: " + escape_truncated(" ".join(text.split()), 400))
    client.chat_postMessage(
        channel=card.triage_channel_id, thread_ts=card.triage_ts, text="\n".join(lines)[:3900]
    )


def note_modal(callback_id: str, key: str, language: str, texts: str) -> dict[str, Any]:
    """Build a modal asking the agent for one text the requester reads (`texts`: key prefix)."""
    label_key = "note_label" if texts == "resolve" else "reason_label"
    return {
        "type": "modal",
        "callback_id": callback_id,
        "private_metadata": key,
        "title": {"type": "plain_text", "text": t(language, f"{texts}.modal_title")[:24]},
        "submit": {"type": "plain_text", "text": t(language, f"{texts}.submit")[:24]},
        "close": {"type": "plain_text", "text": t(language, "resolve.cancel")[:24]},
        "blocks": [
            {
                "type": "input",
                "block_id": "note",
                "label": {"type": "plain_text", "text": t(language, f"{texts}.{label_key}")},
                "element": {
                    "type": "plain_text_input",
                    "action_id": "text",
                    "multiline": True,
                    "max_length": NOTE_LIMIT,
                },
            }
        ],
    }


def _open_note_modal(services: Services, callback_id: str, texts: str) -> Callable[..., None]:
    def open_modal(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        key = str(body["actions"][0]["value"])
        if not services.agents.is_agent(body["user"]["id"]):
            in_worker(services, f"refuse {texts} {key}", lambda: refuse_non_agent(client, body))
            return
        # The trigger id expires after 3 s, so the modal opens here rather than in the worker.
        try:
            client.views_open(
                trigger_id=body["trigger_id"],
                view=note_modal(callback_id, key, services.triage.language, texts),
            )
        except SlackApiError as error:
            logger.warning(
                "modal not opened", extra={"ticket": key, "error": error.response.get("error")}
            )

    return open_modal


def _submit_close(services: Services) -> Callable[..., None]:
    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        ack()
        key = str(view.get("private_metadata", ""))
        agent_id = body["user"]["id"]
        reason = str(view["state"]["values"]["note"]["text"].get("value") or "").strip()

        def work() -> None:
            if not services.agents.is_agent(agent_id):
                return
            result = services.handoffs.close_unresolved(key, agent_id, reason)
            card = result.card
            if result.outcome != Outcome.DONE or card is None:
                return
            if services.surveys is not None:
                services.surveys.schedule(key)
            services.triage.update_card(card)
            language = card.language
            text = t(language, "close.requester", key=key, agent=_agent_name(client, agent_id))
            _tell_requester(
                client,
                card,
                text,
                [
                    blocks.section(blocks.quote(reason)) if reason else blocks.context("—"),
                    blocks.context(t(language, "close.requester_hint")),
                    {
                        "type": "actions",
                        "block_id": f"closed:{key}",
                        "elements": [blocks.agent_button(key, language)],
                    },
                ],
            )

        in_worker(services, f"close {key}", work)

    return submit


def _assign(services: Services) -> Callable[..., None]:
    def assign(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        action = body["actions"][0]
        key = str(action.get("block_id", "")).removeprefix("triage:")
        actor_id = body["user"]["id"]
        assignee_id = str(action.get("selected_user") or "")

        def work() -> None:
            if not services.agents.is_agent(actor_id):
                return refuse_non_agent(client, body)
            if not services.agents.is_agent(assignee_id):
                language = clicker_language(client, actor_id)
                client.chat_postEphemeral(
                    channel=body["channel"]["id"],
                    user=actor_id,
                    text=t(language, "assign.not_agent", agent=assignee_id),
                )
                return
            result = services.handoffs.assign(key, actor_id, assignee_id)
            card = result.card
            if result.outcome != Outcome.DONE or card is None:
                return
            services.triage.update_card(card)
            name = _agent_name(client, assignee_id)
            _tell_requester(client, card, t(card.language, "assign.requester", agent=name, key=key))
            _post_context(services, client, card)

        in_worker(services, f"assign {key}", work)

    return assign


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
            if confirmed and services.surveys is not None:
                services.surveys.schedule(key)
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
    app.action(RESOLVE_ACTION)(_open_note_modal(services, RESOLVE_VIEW, "resolve"))
    app.view(RESOLVE_VIEW)(_submit_resolve(services))
    app.action(CLOSE_ACTION)(_open_note_modal(services, CLOSE_VIEW, "close"))
    app.view(CLOSE_VIEW)(_submit_close(services))
    app.action(ASSIGN_ACTION)(_assign(services))
    app.action(CONFIRM_ACTION)(_requester_answer(services, confirmed=True))
    app.action(REOPEN_ACTION)(_requester_answer(services, confirmed=False))
