"""Buttons of first contact and triage: Resolveu, falar com um atendente, artigo, Assumir."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.desk.escalation import Outcome, Result
from bot.i18n import language_for, t
from bot.slack import blocks
from bot.slack import first_contact_blocks as render
from bot.slack.context import Services

logger = logging.getLogger(__name__)


def clicker_language(client: WebClient, user_id: str) -> str:
    try:
        return language_for(
            client.users_info(user=user_id, include_locale=True)["user"].get("locale")
        )
    except SlackApiError:
        return language_for(None)


def done_note(body: dict[str, Any], client: WebClient, note: str) -> None:
    """Replace the pressed message's buttons with a note, so they cannot be pressed again."""
    message = body.get("message") or {}
    client.chat_update(
        channel=body["channel"]["id"],
        ts=message["ts"],
        text=message.get("text") or note,
        blocks=blocks.replace_actions(message.get("blocks") or [], note),
    )


def refuse(client: WebClient, body: dict[str, Any], result: Result, key: str) -> None:
    """Tell the clicker why nothing happened; a double click on a done action stays silent."""
    if result.outcome == Outcome.ALREADY:
        return
    user_id = body["user"]["id"]
    language = clicker_language(client, user_id)
    message_key = "fc.not_requester" if result.outcome == Outcome.NOT_ALLOWED else "fc.already_done"
    message = body.get("message") or {}
    client.chat_postEphemeral(
        channel=body["channel"]["id"],
        user=user_id,
        thread_ts=message.get("thread_ts") or message.get("ts"),
        text=t(language, message_key, key=key),
    )


def in_worker(services: Services, name: str, job: Callable[[], None]) -> None:
    def guarded() -> None:
        try:
            job()
        except SlackApiError as error:
            logger.warning(
                "button response not delivered: %s (%s)",
                name,
                error.response.get("error"),
                extra={"error": error.response.get("error")},
            )

    services.worker.submit(guarded, name)


def _resolved(services: Services) -> Callable[..., None]:
    def resolved(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        key = str(body["actions"][0]["value"])
        result = services.handoffs.resolve_by_self_service(key, body["user"]["id"])

        def tell() -> None:
            if result.outcome != Outcome.DONE or result.card is None:
                return refuse(client, body, result, key)
            language = result.card.language
            if services.surveys is not None:
                services.surveys.schedule(key)
            done_note(body, client, t(language, "status.resolved"))
            text = t(language, "fc.resolved_thanks", key=key)
            client.chat_postMessage(
                channel=result.card.channel_id,
                thread_ts=result.card.root_ts,
                text=text,
                blocks=[
                    blocks.section(text),
                    {
                        "type": "actions",
                        "block_id": f"resolved:{key}",
                        "elements": [blocks.agent_button(key, language)],
                    },
                ],
            )

        in_worker(services, f"resolve {key}", tell)

    return resolved


def _escalate(services: Services, declined_kb: bool) -> Callable[..., None]:
    def escalate(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        key = str(body["actions"][0]["value"])
        user_id = body["user"]["id"]

        def work() -> None:
            result = services.triage.escalate(key, user_id, declined_kb)
            if result.outcome != Outcome.DONE or result.card is None:
                return refuse(client, body, result, key)
            card = result.card
            if card.team:
                team = services.triage.team_name(card.team, card.language)
                text = t(card.language, "fc.escalate_done", key=key, team=team)
            else:
                text = t(card.language, "fc.escalate_done_desk", key=key)
            done_note(body, client, t(card.language, "triage.unassigned"))
            client.chat_postMessage(
                channel=card.channel_id,
                thread_ts=card.root_ts,
                text=text,
                blocks=[blocks.section(text)],
            )

        in_worker(services, f"escalate {key}", work)

    return escalate


def _open_article(services: Services) -> Callable[..., None]:
    def open_article(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        value = str(body["actions"][0]["value"])
        article_id, _, number = value.partition("#")
        brain = services.brain
        article = brain.kb.articles.get(article_id) if brain else None
        if article is None:
            logger.warning("article button for an unknown article", extra={"url": article_id})
            return
        first = int(number) if number.isdigit() and int(number) < len(article.sections) else 0
        # The trigger id expires after 3 s, so the modal opens here rather than in the worker.
        try:
            client.views_open(
                trigger_id=body["trigger_id"],
                view=render.article_modal(article, first, article.language),
            )
        except SlackApiError as error:
            user_id = body["user"]["id"]

            def apologise() -> None:
                language = clicker_language(client, user_id)
                client.chat_postEphemeral(
                    channel=body["channel"]["id"],
                    user=user_id,
                    text=t(language, "article.open_failed"),
                )

            in_worker(services, f"article failed {article_id}", apologise)
            logger.warning(
                "article modal not opened",
                extra={"user": body["user"]["id"], "error": error.response.get("error")},
            )

    return open_article


def register(app: App, services: Services) -> None:
    """Registers the first-contact and triage buttons."""
    app.action(render.RESOLVED_ACTION)(_resolved(services))
    app.action(render.DECLINE_ACTION)(_escalate(services, declined_kb=True))
    app.action(blocks.AGENT_ACTION)(_escalate(services, declined_kb=False))
    app.action(render.OPEN_ARTICLE_ACTION)(_open_article(services))
