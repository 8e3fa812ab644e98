"""Escalation to agents: the triage card in the team's channel, kept up to date in place."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.desk.brain import Brain
from bot.desk.escalation import Handoffs, Outcome, Result, TicketCard
from bot.i18n import t
from bot.slack import triage_blocks

logger = logging.getLogger(__name__)


class Triage:
    """Posts and updates triage cards; the desk decides, this class only talks to Slack."""

    def __init__(
        self,
        client: WebClient,
        handoffs: Handoffs,
        brain: Brain | None,
        team_channels: dict[str, str],
        default_channel: str | None,
        language: str,
        note_prefix: str = "nota:",
        time_zone: str = "America/Sao_Paulo",
    ) -> None:
        self.client = client
        self.handoffs = handoffs
        self.brain = brain
        self.team_channels = team_channels
        self.default_channel = default_channel
        self.language = language
        self.note_prefix = note_prefix
        self.time_zone = time_zone

    def channel_for(self, card: TicketCard) -> str | None:
        return self.team_channels.get(card.team or "", self.default_channel)

    def team_name(self, team_id: str | None, language: str) -> str:
        team = self.brain.catalogue.teams.get(team_id or "") if self.brain else None
        return team.names.get(language, team.id) if team else t(language, "unknown")

    def category_name(self, category_id: str | None, language: str) -> str:
        topic = self.brain.catalogue.topic(category_id or "") if self.brain else None
        return topic.name(language) if topic else t(language, "unknown")

    def escalate(self, key: str, actor: str, declined_kb: bool = False) -> Result:
        """Mark the chamado escalated and post its card; a second call posts nothing."""
        result = self.handoffs.escalate(key, actor, declined_kb)
        if result.outcome == Outcome.DONE and result.card is not None:
            self.post_card(result.card)
        return result

    def post_card(self, card: TicketCard) -> None:
        channel = self.channel_for(card)
        if channel is None:
            logger.error("no triage channel for escalated chamado", extra={"ticket": card.key})
            return
        text, blocks = triage_blocks.triage_card(
            card,
            self.category_name(card.category, self.language),
            self.language,
            self._permalink(card),
            self.note_prefix,
            self.time_zone,
        )
        try:
            response = self.client.chat_postMessage(
                channel=channel, text=text, blocks=blocks, unfurl_links=False
            )
        except SlackApiError as error:
            logger.error(
                "triage card not posted",
                extra={
                    "ticket": card.key,
                    "channel": channel,
                    "error": error.response.get("error"),
                },
            )
            return
        self.handoffs.record_triage_card(card.key, channel, str(response["ts"]))
        logger.info("chamado escalated", extra={"ticket": card.key, "channel": channel})

    def update_card(self, card: TicketCard) -> None:
        if not (card.triage_channel_id and card.triage_ts):
            return
        text, blocks = triage_blocks.triage_card(
            card,
            self.category_name(card.category, self.language),
            self.language,
            self._permalink(card),
            self.note_prefix,
            self.time_zone,
        )
        self.client.chat_update(
            channel=card.triage_channel_id, ts=card.triage_ts, text=text, blocks=blocks
        )

    def _permalink(self, card: TicketCard) -> str | None:
        try:
            response = self.client.chat_getPermalink(
                channel=card.channel_id, message_ts=card.root_ts
            )
        except SlackApiError as error:
            logger.warning(
                "no permalink for the conversation",
                extra={"ticket": card.key, "error": error.response.get("error")},
            )
            return None
        return str(response["permalink"])
