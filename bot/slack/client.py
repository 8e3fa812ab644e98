"""The one Slack Web API client, with retries for rate limits, server and connection errors."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.http_retry import (
    ConnectionErrorRetryHandler,
    HttpRequest,
    HttpResponse,
    RateLimitErrorRetryHandler,
    RetryState,
)
from slack_sdk.http_retry.builtin_handlers import ServerErrorRetryHandler

logger = logging.getLogger(__name__)

# Errors that no retry can fix: they are recorded on the ticket and dropped.
PERMANENT_ERRORS = frozenset(
    {
        "user_not_found",
        "users_not_found",
        "channel_not_found",
        "is_archived",
        "account_inactive",
        "not_in_channel",
        "cannot_dm_bot",
        "user_disabled",
        "invalid_blocks",
        "msg_too_long",
        "no_text",
        "message_not_found",
        "cant_update_message",
    }
)

MAX_RETRIES = 3
REQUEST_TIMEOUT_S = 10


class RateLimitRetry(RateLimitErrorRetryHandler):
    """Waits exactly the `Retry-After` seconds that Slack asks for, with an injectable sleep."""

    def __init__(self, sleep: Callable[[float], None] = time.sleep) -> None:
        super().__init__(max_retry_count=MAX_RETRIES)
        self.sleep = sleep

    def prepare_for_next_attempt(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        if response is None:
            raise error  # type: ignore[misc]
        headers = {name.lower(): values for name, values in response.headers.items()}
        retry_after = headers.get("retry-after", ["1"])
        seconds = float(retry_after[0] if isinstance(retry_after, list) else retry_after)

        logger.warning(
            "Slack rate limit, retrying after %s s",
            seconds,
            extra={"url": request.url, "attempt": state.current_attempt + 1},
        )
        state.next_attempt_requested = True
        self.sleep(seconds)
        state.increment_current_attempt()


def make_client(
    token: str, base_url: str, sleep: Callable[[float], None] = time.sleep
) -> WebClient:
    """Build the Web API client every outbound call goes through."""
    return WebClient(
        token=token,
        base_url=base_url,
        timeout=REQUEST_TIMEOUT_S,
        retry_handlers=[
            RateLimitRetry(sleep),
            ConnectionErrorRetryHandler(max_retry_count=MAX_RETRIES),
            ServerErrorRetryHandler(max_retry_count=MAX_RETRIES),
        ],
    )
