"""The closure sweep on Slack: reminders and automatic closure, each sent once."""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.desk.closure import Closure
from bot.desk.escalation import TicketCard
from bot.i18n import t
from bot.slack import blocks
from bot.slack.agent_actions import CONFIRM_ACTION, REOPEN_ACTION
from bot.slack.first_contact_blocks import DECLINE_ACTION, RESOLVED_ACTION, button
from bot.slack.triage import Triage

logger = logging.getLogger(__name__)


class ClosureJobs:
    def __init__(self, client: WebClient, closure: Closure, triage: Triage) -> None:
        self.client = client
        self.closure = closure
        self.triage = triage

    def run(self) -> None:
        """Close what ran out of grace, then remind what is due; safe to run any time."""
        reminders, closures = self.closure.due()
        for key in closures:
            card = self.closure.close(key)
            if card is not None:
                self._safely(self._tell_closed, card)
        for key in reminders:
            card = self.closure.remind(key)
            if card is not None:
                self._safely(self._remind, card)

    def _safely(self, action: Callable[[TicketCard], None], card: TicketCard) -> None:
        try:
            action(card)
        except SlackApiError as error:
            # The state change is already stored; a lost message is logged, not retried.
            logger.warning(
                "closure message not delivered",
                extra={"ticket": card.key, "error": error.response.get("error")},
            )

    def _remind(self, card: TicketCard) -> None:
        language = card.language
        if card.status == "resolved":
            text = t(language, "closure.remind_agent", key=card.key)
            choices = [
                button(CONFIRM_ACTION, t(language, "button.confirm_resolved"), card.key, "primary"),
                button(REOPEN_ACTION, t(language, "button.not_yet"), card.key),
            ]
        else:
            text = t(language, "closure.remind_kb", key=card.key)
            choices = [
                button(RESOLVED_ACTION, t(language, "button.resolved"), card.key, "primary"),
                button(DECLINE_ACTION, t(language, "button.talk_to_agent"), card.key),
            ]
        self.client.chat_postMessage(
            channel=card.channel_id,
            thread_ts=card.root_ts,
            text=text,
            blocks=[
                blocks.section(text),
                {"type": "actions", "block_id": f"remind:{card.key}", "elements": choices},
            ],
        )
        logger.info("confirmation reminder sent", extra={"ticket": card.key})

    def _tell_closed(self, card: TicketCard) -> None:
        language = card.language
        text = t(language, "closure.closed", key=card.key)
        self.client.chat_postMessage(
            channel=card.channel_id,
            thread_ts=card.root_ts,
            text=text,
            blocks=[
                blocks.section(text),
                {
                    "type": "actions",
                    "block_id": f"closed:{card.key}",
                    "elements": [blocks.agent_button(card.key, language)],
                },
            ],
        )
        self.triage.update_card(card)
        if card.triage_channel_id and card.triage_ts:
            self.client.chat_postMessage(
                channel=card.triage_channel_id,
                thread_ts=card.triage_ts,
                text=t(self.triage.language, "triage.auto_closed", key=card.key),
            )
        logger.info("chamado closed without an answer", extra={"ticket": card.key})
