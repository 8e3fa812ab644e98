"""Message events: record first (before the ack), reply later (in the worker)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from slack_bolt import App, BoltContext

from bot.desk.commands import MessageDeletion, RecordOutcome, Route
from bot.slack.context import Services
from bot.slack.translate import to_change, to_incoming

logger = logging.getLogger(__name__)

CHANGE_SUBTYPES = ("message_changed", "message_deleted")


def _record(services: Services) -> Callable[..., None]:
    def record(body: dict[str, Any], context: BoltContext, next: Callable[[], None]) -> None:
        # Runs as listener middleware: an exception here becomes an HTTP 500, so Slack
        # delivers the event again instead of the message being lost.
        event = body.get("event") or {}
        event_id = body.get("event_id")
        if event.get("subtype") in CHANGE_SUBTYPES:
            _record_change(services, event, event_id)
            return next()

        incoming = to_incoming(event, str(event.get("type")), event_id, services.scope)
        if incoming is not None:
            context["outcome"] = services.intake.record(incoming)
        next()

    return record


def _record_change(services: Services, event: dict[str, Any], event_id: str | None) -> None:
    change = to_change(event, event_id, services.scope)
    if change is None:
        return
    if isinstance(change, MessageDeletion):
        key = services.intake.delete(change)
        action = "deletion"
    else:
        key = services.intake.edit(change)
        action = "edit"
    if key is None:
        return
    logger.info(
        "message %s recorded",
        action,
        extra={"ticket": key, "channel": change.channel_id, "ts": change.ts},
    )

    # A relayed message's copy on the other side follows its edit or deletion.
    bridge = services.bridge
    if isinstance(change, MessageDeletion):
        job = partial(bridge.relay_deletion, change.channel_id, change.ts)
    else:
        job = partial(bridge.relay_edit, change.channel_id, change.ts, change.text)
    services.worker.submit(job, f"relay {action} {key}")


def _after_ack(services: Services) -> Callable[..., None]:
    def after_ack(context: BoltContext) -> None:
        outcome: RecordOutcome | None = context.get("outcome")
        if outcome is None or outcome.route is None or outcome.message_id is None:
            return
        services.worker.submit(
            partial(dispatch, services, outcome.route, outcome.message_id),
            f"{outcome.route.value} {outcome.ticket_key}",
        )

    return after_ack


def dispatch(services: Services, route: Route, message_id: int) -> None:
    """Run the after-ack work of one recorded message."""
    if route == Route.FIRST_CONTACT:
        services.followup.acknowledge(message_id)
    else:
        services.bridge.relay(message_id)


def register(app: App, services: Services) -> None:
    """Registers the listeners for messages and mentions."""
    middleware = [_record(services)]
    app.event("message", middleware=middleware)(_after_ack(services))
    app.event("app_mention", middleware=middleware)(_after_ack(services))
