"""Relays between the requester's thread and the card's thread, on Slack."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.desk.bridge import BridgeStore, RelayJob
from bot.desk.commands import Route
from bot.i18n import t
from bot.slack.agents import AgentDirectory
from bot.slack.markup import escape_truncated
from bot.slack.profiles import fetch_profile

logger = logging.getLogger(__name__)

TEXT_LIMIT = 3500


class Bridge:
    def __init__(
        self,
        client: WebClient,
        store: BridgeStore,
        agents: AgentDirectory,
        note_prefix: str,
        desk_language: str,
    ) -> None:
        self.client = client
        self.store = store
        self.agents = agents
        self.note_prefix = note_prefix.casefold()
        self.desk_language = desk_language

    def is_note(self, text: str) -> bool:
        return text.strip().casefold().startswith(self.note_prefix)

    def relay(self, message_id: int) -> None:
        """Copy one message to the other side, once; notes and unassigned talk stay put."""
        job = self.store.claim(message_id)
        if job is None:
            return
        ids = {"ticket": job.ticket_key, "channel": job.source_channel_id, "ts": job.source_ts}
        if job.route == Route.TO_REQUESTER and not self._goes_to_requester(job):
            self.store.mark_internal(job)
            logger.info("card-thread message kept internal", extra=ids)
            return
        if not job.target_channel_id:
            self.store.mark_internal(job)
            return

        text = self.render(
            job.ticket_key,
            job.route,
            job.author_id,
            job.text,
            job.file_links,
            job.language,
            job.requester_name,
        )
        try:
            response = self.client.chat_postMessage(
                channel=job.target_channel_id,
                thread_ts=job.target_thread_ts,
                text=text,
                unfurl_links=False,
            )
        except (OSError, SlackClientError) as error:
            # The claim goes stale and the recovery pass relays the message again.
            code = error.response.get("error") if isinstance(error, SlackApiError) else None
            logger.warning(
                "relay failed, will retry", extra={**ids, "error": code or type(error).__name__}
            )
            return
        self.store.record_relay(job, str(response["ts"]), text)
        logger.info("message relayed", extra={**ids, "method": job.route.value})

    def _goes_to_requester(self, job: RelayJob) -> bool:
        return (
            job.assignee_id is not None
            and not self.is_note(job.text)
            and self.agents.is_agent(job.author_id)
        )

    def render(
        self,
        ticket_key: str,
        route: Route,
        author_id: str,
        text: str,
        file_links: tuple[str, ...],
        language: str,
        requester_name: str | None,
    ) -> str:
        body = escape_truncated(text, TEXT_LIMIT)
        if route == Route.TO_REQUESTER:
            line = t(language, "bridge.agent_says", agent=self._name(author_id), text=body)
            line += "\n" + t(language, "bridge.waiting", key=ticket_key)
        else:
            name = escape_truncated(requester_name or author_id, 100)
            line = t(self.desk_language, "bridge.requester_says", requester=name, text=body)
        if file_links:
            links = ", ".join(escape_truncated(link, 300) for link in file_links)
            files_language = language if route == Route.TO_REQUESTER else self.desk_language
            line += "\n" + t(files_language, "bridge.files", links=links)
        return line

    def _name(self, user_id: str) -> str:
        try:
            profile = fetch_profile(self.client, user_id)
        except SlackApiError:
            return f"<@{user_id}>"
        return escape_truncated(profile.name or user_id, 100)

    def relay_edit(self, channel_id: str, ts: str, new_text: str) -> None:
        """Show an edit on the copy too; messages never relayed have no copy."""
        target = self.store.relayed_copy(channel_id, ts)
        if target is None:
            return
        text = self.render(
            target.ticket_key,
            target.route,
            target.author_id,
            new_text,
            (),
            target.language,
            target.requester_name,
        )
        try:
            self.client.chat_update(
                channel=target.target_channel_id, ts=target.target_ts, text=text
            )
        except SlackApiError as error:
            logger.warning(
                "edit not relayed",
                extra={"ticket": target.ticket_key, "error": error.response.get("error")},
            )

    def relay_deletion(self, channel_id: str, ts: str) -> None:
        target = self.store.relayed_copy(channel_id, ts)
        if target is None:
            return
        try:
            self.client.chat_delete(channel=target.target_channel_id, ts=target.target_ts)
        except SlackApiError as error:
            logger.warning(
                "deletion not relayed",
                extra={"ticket": target.ticket_key, "error": error.response.get("error")},
            )
