"""`/chamado` for agents: `fila` (queue), `ver CH-123`, `assumir CH-123`."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.desk.escalation import Outcome
from bot.desk.lookup import conversation_so_far
from bot.desk.queue import list_queue
from bot.i18n import t
from bot.slack.agent_actions import assume_and_tell
from bot.slack.context import Services
from bot.slack.handoff_actions import clicker_language, in_worker
from bot.slack.markup import escape_truncated

logger = logging.getLogger(__name__)

QUEUE_WORDS = ("fila", "queue")
VIEW_WORDS = ("ver", "view")
TAKE_WORDS = ("assumir", "take")


def _queue(services: Services, agent_id: str, language: str, page: int) -> str:
    channels = services.agents.channels_of(agent_id)
    result = list_queue(services.handoffs.database, agent_id, channels, page)
    if not result.items:
        return t(language, "cmd.queue_empty")
    lines = [t(language, "cmd.queue_title", page=result.page, pages=result.pages)]
    for item in result.items:
        assignee = (
            t(language, "cmd.yours")
            if item.assignee_id == agent_id
            else (f"<@{item.assignee_id}>" if item.assignee_id else t(language, "cmd.unassigned"))
        )
        lines.append(
            t(
                language,
                "cmd.queue_item",
                key=item.key,
                priority=item.priority or "—",
                status=t(language, f"status.{item.status}"),
                assignee=assignee,
                title=escape_truncated(item.title, 80),
            )
        )
    return "\n".join(lines)


def _view(services: Services, key: str, language: str) -> str:
    card = services.handoffs.card(key)
    if card is None:
        return t(language, "cmd.not_found", key=key)
    lines = [
        t(
            language,
            "cmd.view_title",
            key=card.key,
            status=t(language, f"status.{card.status}"),
            priority=card.priority or "—",
            category=services.triage.category_name(card.category, language),
        ),
        t(
            language,
            "cmd.view_people",
            requester=card.requester_id,
            assignee=f"<@{card.assignee_id}>"
            if card.assignee_id
            else t(language, "cmd.unassigned"),
        ),
    ]
    for author, text in conversation_so_far(services.handoffs.database, key):
        name = t(language, "triage.bot_name") if author == "bot" else f"<@{author}>"
        lines.append(f"> *{name}*: " + escape_truncated(" ".join(text.split()), 300))
    return "\n".join(lines)[:3900]


def answer(services: Services, client: WebClient, agent_id: str, text: str) -> str:
    """The ephemeral answer to one `/chamado` command line."""
    language = clicker_language(client, agent_id)
    if not services.agents.is_agent(agent_id):
        return t(language, "agent.only_agents_command")
    words = text.split()
    verb = words[0].lower() if words else "fila"
    argument = words[1].upper() if len(words) > 1 else ""

    if verb in QUEUE_WORDS:
        page = int(argument) if argument.isdigit() else 1
        return _queue(services, agent_id, language, page)
    if verb in VIEW_WORDS and argument:
        return _view(services, argument, language)
    if verb in TAKE_WORDS and argument:
        result = assume_and_tell(services, client, argument, agent_id)
        if result.outcome == Outcome.DONE:
            return t(language, "cmd.assumed", key=argument)
        if result.outcome == Outcome.NOT_FOUND:
            return t(language, "cmd.not_found", key=argument)
        if result.assignee_id:
            return t(language, "triage.already_assigned", key=argument, agent=result.assignee_id)
        return t(language, "triage.closed", key=argument)
    return t(language, "cmd.usage")


def _chamado(services: Services) -> Callable[..., None]:
    def chamado(ack: Ack, command: dict[str, Any], respond: Respond, client: WebClient) -> None:
        ack()
        agent_id = str(command["user_id"])
        text = str(command.get("text") or "")

        def work() -> None:
            respond(text=answer(services, client, agent_id, text), response_type="ephemeral")

        in_worker(services, "command /chamado", work)

    return chamado


def register(app: App, services: Services) -> None:
    """Registers `/chamado`."""
    app.command("/chamado")(_chamado(services))
