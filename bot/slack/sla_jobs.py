"""SLA warnings on Slack: in the card's thread, with the team lead on P1/P2 breaches."""

from __future__ import annotations

import logging
from datetime import datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.desk.sla_watch import Alert, SlaWatch
from bot.i18n import t
from bot.slack.blocks import local_time
from bot.slack.triage import Triage

logger = logging.getLogger(__name__)

LEAD_PRIORITIES = ("P1", "P2")


class SlaJobs:
    def __init__(
        self, client: WebClient, watch: SlaWatch, triage: Triage, team_leads: dict[str, str]
    ) -> None:
        self.client = client
        self.watch = watch
        self.triage = triage
        self.team_leads = team_leads

    def run(self) -> None:
        """Post every warning and breach that is due; each is marked sent before posting."""
        for alert in self.watch.due_alerts():
            try:
                self._post(alert)
            except SlackApiError as error:
                logger.warning(
                    "SLA alert not delivered",
                    extra={"ticket": alert.card.key, "error": error.response.get("error")},
                )

    def _text(self, alert: Alert) -> str:
        language = self.triage.language
        card = alert.card
        due = local_time(datetime.fromisoformat(alert.due), self.triage.time_zone, language)
        clock = t(language, f"sla.clock_{alert.clock}")
        if alert.level == "warning":
            used = round(self.watch.policy.warn_ratio * 100)
            return t(
                language,
                "sla.warning",
                key=card.key,
                priority=card.priority,
                used=used,
                clock=clock,
                due=due,
            )
        lead = self.team_leads.get(card.team or "")
        lead_text = (
            t(language, "sla.lead", lead=lead) if lead and card.priority in LEAD_PRIORITIES else ""
        )
        return t(
            language,
            "sla.breach",
            key=card.key,
            priority=card.priority,
            clock=clock,
            due=due,
            lead=lead_text,
        )

    def _post(self, alert: Alert) -> None:
        card = alert.card
        channel = card.triage_channel_id or self.triage.channel_for(card)
        if channel is None:
            return
        self.client.chat_postMessage(
            channel=channel, thread_ts=card.triage_ts, text=self._text(alert)
        )
        self.triage.update_card(card)
        logger.info("SLA %s posted", alert.level, extra={"ticket": card.key, "method": alert.clock})
