"""The work that runs after Slack has been acknowledged: profile, language, first reply."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.desk.acknowledge import Acknowledger, PendingReply
from bot.desk.first_contact import Action
from bot.i18n import language_for
from bot.slack import blocks
from bot.slack.client import PERMANENT_ERRORS
from bot.slack.first_contact import FirstContact
from bot.slack.profiles import fetch_profile

logger = logging.getLogger(__name__)


def slack_error(error: SlackApiError) -> str:
    return str(error.response.get("error", "unknown_error"))


class FollowUp:
    """Answers newly recorded chamados; every step is safe to run again after a crash."""

    def __init__(
        self,
        client: WebClient,
        acknowledger: Acknowledger,
        default_language: str,
        desk_time_zone: str,
        first_contact: FirstContact | None = None,
    ) -> None:
        self.client = client
        self.acknowledger = acknowledger
        self.default_language = default_language
        self.desk_time_zone = desk_time_zone
        self.first_contact = first_contact

    def acknowledge(self, message_id: int) -> None:
        """Reply once in the thread of a new chamado with its key and what happens next."""
        pending = self.acknowledger.claim(message_id)
        if pending is None:
            return

        locale, time_zone = self._refresh_requester(pending)
        language = language_for(locale, self.default_language)
        plan = self.first_contact.plan(pending, language) if self.first_contact else None
        if plan is None or plan.action == Action.ASK_DETAILS:
            zone = time_zone or self.desk_time_zone
            text, payload = blocks.acknowledgement(pending, language, zone)
        else:
            text, payload = self.first_contact.render(pending, plan, language)  # type: ignore[union-attr]
        ids = {"ticket": pending.ticket_key, "channel": pending.channel_id}

        try:
            response = self.client.chat_postMessage(
                channel=pending.channel_id,
                thread_ts=pending.root_ts,
                text=text,
                blocks=payload,
                unfurl_links=False,
                unfurl_media=False,
            )
        except (OSError, SlackClientError) as error:
            if not isinstance(error, SlackApiError):
                # A timeout may hide a reply Slack did post, so recovery can repeat it once.
                # NOTE: message metadata could let the recovery pass find such a reply first.
                logger.warning(
                    "reply failed, will retry", extra={**ids, "error": type(error).__name__}
                )
                return
            code = slack_error(error)
            if code in PERMANENT_ERRORS:
                logger.warning("reply failed permanently", extra={**ids, "error": code})
                self.acknowledger.record_reply_failure(pending, code)
                return
            # The claim goes stale and the recovery pass sends the reply again.
            logger.warning("reply failed, will retry", extra={**ids, "error": code})
            return

        self.acknowledger.record_reply(pending, str(response["ts"]), text, language)
        logger.info("chamado acknowledged", extra={**ids, "ts": response["ts"]})
        if plan is not None and plan.action == Action.ESCALATE and self.first_contact:
            self.first_contact.triage.escalate(pending.ticket_key, "bot")

    def _refresh_requester(self, pending: PendingReply) -> tuple[str | None, str | None]:
        if not pending.profile_is_stale:
            return pending.requester_locale, pending.requester_time_zone
        try:
            profile = fetch_profile(self.client, pending.requester_id)
        except SlackApiError as error:
            code = slack_error(error)
            logger.warning(
                "requester profile unavailable",
                extra={"ticket": pending.ticket_key, "user": pending.requester_id, "error": code},
            )
            self.acknowledger.record_profile_failure(pending, code)
            return pending.requester_locale, pending.requester_time_zone

        self.acknowledger.update_requester(profile)
        return profile.locale, profile.time_zone
