"""The agent directory: members of the triage channels, cached for five minutes."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

logger = logging.getLogger(__name__)

CACHE_SECONDS = 300.0


class AgentDirectory:
    def __init__(
        self,
        client: WebClient,
        channel_ids: Iterable[str],
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.channel_ids = sorted(set(channel_ids))
        self.monotonic = monotonic
        self._members: frozenset[str] = frozenset()
        self._by_channel: dict[str, frozenset[str]] = {}
        self._loaded_at: float | None = None
        self._lock = threading.Lock()

    def is_agent(self, user_id: str) -> bool:
        return user_id in self.members()

    def channels_of(self, user_id: str) -> list[str]:
        """Return the triage channels the agent is a member of, that is, their teams."""
        self.members()
        return [channel for channel, people in self._by_channel.items() if user_id in people]

    def members(self) -> frozenset[str]:
        with self._lock:
            now = self.monotonic()
            if self._loaded_at is None or now - self._loaded_at > CACHE_SECONDS:
                self._members = self._load()
                self._loaded_at = now
            return self._members

    def _load(self) -> frozenset[str]:
        by_channel = {
            channel_id: self._channel_members(channel_id) for channel_id in self.channel_ids
        }
        self._by_channel = by_channel
        return frozenset(user for people in by_channel.values() for user in people)

    def _channel_members(self, channel_id: str) -> frozenset[str]:
        members: set[str] = set()
        cursor: str | None = None
        while True:
            try:
                page = self.client.conversations_members(
                    channel=channel_id, limit=500, cursor=cursor
                )
            except SlackApiError as error:
                logger.warning(
                    "triage channel members unavailable",
                    extra={"channel": channel_id, "error": error.response.get("error")},
                )
                break
            members.update(page["members"])
            cursor = (page.get("response_metadata") or {}).get("next_cursor") or None
            if not cursor:
                break
        return frozenset(members)
