"""Build the slack-bolt App and register its listeners."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient

from bot.slack import (
    actions,
    agent_actions,
    commands,
    events,
    handoff_actions,
    home,
    note_shortcut,
    reclassify_actions,
    report_actions,
    survey_actions,
)
from bot.slack.context import Services

logger = logging.getLogger(__name__)


def _handle_error(error: Exception, body: dict[str, Any], response: BoltResponse | None) -> None:
    # Details stay in the log; the event or action id lets an operator find the request.
    logger.error(
        "listener failed",
        exc_info=error,
        extra={"event_id": body.get("event_id") or body.get("trigger_id")},
    )


def build_app(client: WebClient, signing_secret: str | None, services: Services) -> App:
    """Create the App; listeners record before the response and reply from the worker."""
    app = App(
        client=client,
        signing_secret=signing_secret,
        process_before_response=True,
        # One auth.test at start-up is enough; the client already carries the token.
        token_verification_enabled=False,
        ignoring_self_events_enabled=True,
        raise_error_for_unhandled_request=False,
        logger=logging.getLogger("slack_bolt.App"),
    )
    app.error(_handle_error)
    events.register(app, services)
    actions.register(app, services)
    handoff_actions.register(app, services)
    agent_actions.register(app, services)
    reclassify_actions.register(app, services)
    commands.register(app, services)
    note_shortcut.register(app, services)
    survey_actions.register(app, services)
    report_actions.register(app, services)
    home.register(app, services)
    return app
