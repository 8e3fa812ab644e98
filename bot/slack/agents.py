"""Who is an agent: the members of the triage channels, cached for a few minutes."""

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
        self._loaded_at: float | None = None
        self._lock = threading.Lock()

    def is_agent(self, user_id: str) -> bool:
        return user_id in self.members()

    def members(self) -> frozenset[str]:
        with self._lock:
            now = self.monotonic()
            if self._loaded_at is None or now - self._loaded_at > CACHE_SECONDS:
                self._members = self._load()
                self._loaded_at = now
            return self._members

    def _load(self) -> frozenset[str]:
        members: set[str] = set()
        for channel_id in self.channel_ids:
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
