"""Reclassificar: the agent corrects category, type and priority from the triage card."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.desk.escalation import Outcome, TicketCard
from bot.desk.reclassification import PRIORITIES, Correction
from bot.i18n import t
from bot.slack import blocks
from bot.slack.context import Services
from bot.slack.handoff_actions import in_worker
from bot.slack.triage_blocks import RECLASSIFY_ACTION
from classifier.catalogue import RequestType

logger = logging.getLogger(__name__)

RECLASSIFY_VIEW = "ticket_reclassify_form"


def _option(value: str, label: str) -> dict[str, Any]:
    return {"text": {"type": "plain_text", "text": label[:75]}, "value": value}


def _select(
    block_id: str, label: str, options: list[dict[str, Any]], current: str | None
) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "static_select",
        "action_id": "value",
        "options": options[:100],
    }
    chosen = next((option for option in options if option["value"] == current), None)
    if chosen is not None:
        element["initial_option"] = chosen
    return {
        "type": "input",
        "block_id": block_id,
        "element": element,
        "label": {"type": "plain_text", "text": label},
    }


def reclassify_modal(services: Services, card: TicketCard, language: str) -> dict[str, Any]:
    assert services.brain is not None
    categories = [
        _option(topic.id, topic.name(language)) for topic in services.brain.catalogue.categories
    ]
    types = [_option(kind.value, t(language, f"type.{kind.value}")) for kind in RequestType]
    priorities = [_option(level, level) for level in PRIORITIES]
    return {
        "type": "modal",
        "callback_id": RECLASSIFY_VIEW,
        "private_metadata": card.key,
        "title": {"type": "plain_text", "text": t(language, "reclassify.modal_title")[:24]},
        "submit": {"type": "plain_text", "text": t(language, "reclassify.submit")[:24]},
        "close": {"type": "plain_text", "text": t(language, "resolve.cancel")[:24]},
        "blocks": [
            _select("category", t(language, "reclassify.category"), categories, card.category),
            _select("request_type", t(language, "reclassify.type"), types, card.request_type),
            _select("priority", t(language, "reclassify.priority"), priorities, card.priority),
        ],
    }


def _open(services: Services) -> Callable[..., None]:
    def open_form(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        key = str(body["actions"][0]["value"])
        card = services.handoffs.card(key)
        if card is None or services.brain is None:
            return
        if not services.agents.is_agent(body["user"]["id"]):
            from bot.slack.agent_actions import refuse_non_agent

            in_worker(services, f"refuse reclassify {key}", lambda: refuse_non_agent(client, body))
            return
        try:
            client.views_open(
                trigger_id=body["trigger_id"],
                view=reclassify_modal(services, card, services.triage.language),
            )
        except SlackApiError as error:
            logger.warning(
                "modal not opened", extra={"ticket": key, "error": error.response.get("error")}
            )

    return open_form


def _selected(view: dict[str, Any], block_id: str) -> str:
    state = view["state"]["values"].get(block_id, {}).get("value", {})
    return str((state.get("selected_option") or {}).get("value") or "")


def _submit(services: Services) -> Callable[..., None]:
    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        ack()
        key = str(view.get("private_metadata", ""))
        agent_id = body["user"]["id"]
        correction = Correction(
            _selected(view, "category"),
            _selected(view, "request_type"),
            _selected(view, "priority"),
        )

        def work() -> None:
            if not services.agents.is_agent(agent_id) or services.reclassification is None:
                return
            done = services.reclassification.reclassify(key, agent_id, correction)
            card = done.result.card
            if done.result.outcome != Outcome.DONE or card is None:
                return
            if done.learned is not None and services.brain is not None:
                services.brain.classifier.learn(*done.learned)
            services.triage.update_card(card)
            _note_on_card(services, client, card, agent_id, done.changes)
            _tell_requester(services, client, card, done.changes)

        in_worker(services, f"reclassify {key}", work)

    return submit


def _note_on_card(
    services: Services,
    client: WebClient,
    card: TicketCard,
    agent_id: str,
    changes: dict[str, tuple[str | None, str]],
) -> None:
    if not (card.triage_channel_id and card.triage_ts):
        return
    summary = ", ".join(f"{name}: {old or '—'} → {new}" for name, (old, new) in changes.items())
    client.chat_postMessage(
        channel=card.triage_channel_id,
        thread_ts=card.triage_ts,
        text=t(services.triage.language, "reclassify.card_note", agent=agent_id, changes=summary),
    )


def _tell_requester(
    services: Services,
    client: WebClient,
    card: TicketCard,
    changes: dict[str, tuple[str | None, str]],
) -> None:
    """Only what matters to the requester: the category they see and the priority."""
    language = card.language
    lines = []
    if "category" in changes:
        category = services.triage.category_name(card.category, language)
        lines.append(t(language, "reclassify.requester_category", key=card.key, category=category))
    if "priority" in changes:
        lines.append(
            t(language, "reclassify.requester_priority", key=card.key, priority=card.priority)
        )
    if lines:
        text = "\n".join(lines)
        client.chat_postMessage(
            channel=card.channel_id,
            thread_ts=card.root_ts,
            text=text,
            blocks=[blocks.section(text)],
        )


def register(app: App, services: Services) -> None:
    """Registers the Reclassificar button and its form."""
    app.action(RECLASSIFY_ACTION)(_open(services))
    app.view(RECLASSIFY_VIEW)(_submit(services))
