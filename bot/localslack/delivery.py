"""Signed HTTP delivery of events, interactions and slash commands to the bot."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import string
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlencode

from bot.localslack.payloads import slash_command
from bot.localslack.state import JsonDict, Workspace

logger = logging.getLogger(__name__)

DELIVERY_TIMEOUT_S = 10.0
JSON_TYPE = "application/json"
FORM_TYPE = "application/x-www-form-urlencoded"
USER_AGENT = "Slackbot 1.0 (+https://api.slack.com/robots)"


@dataclass
class Delivery:
    """The bot's HTTP response to one delivered request.

    `status` is 0 when no HTTP response came back (refused connection or timeout); `body` then
    holds the error. `request_body` and `content_type` are what was sent, for `redeliver`.
    """

    status: int
    body: str
    elapsed_s: float
    event_id: str
    request_body: str = ""
    content_type: str = JSON_TYPE


def sign(secret: str, timestamp: int, body: str) -> str:
    """Return Slack's request signature: v0=HMAC-SHA256(secret, "v0:{ts}:{body}")."""
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def new_event_id() -> str:
    alphabet = string.ascii_uppercase + string.digits
    return "Ev0" + "".join(secrets.choice(alphabet) for _ in range(9))


class EventDelivery:
    """Posts signed requests to the bot's Events/Interactivity URL (`bot_url`)."""

    def __init__(self, workspace: Workspace, bot_url: str) -> None:
        self.workspace = workspace
        self.bot_url = bot_url

    def envelope(self, event: JsonDict, event_id: str) -> JsonDict:
        """Wrap `event` in the event_callback envelope Slack's Events API sends."""
        workspace = self.workspace
        return {
            "token": workspace.verification_token,
            "team_id": workspace.team_id,
            "context_team_id": workspace.team_id,
            "context_enterprise_id": None,
            "api_app_id": workspace.app_id,
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(workspace.clock()),
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": workspace.team_id,
                    "user_id": workspace.bot_user_id,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
            "event_context": "4-" + secrets.token_urlsafe(24),
        }

    def deliver_event(
        self,
        event: JsonDict,
        *,
        event_id: str | None = None,
        retry_num: int | None = None,
        retry_reason: str | None = None,
        timestamp: int | None = None,
        secret: str | None = None,
    ) -> Delivery:
        """Send one event. `timestamp` and `secret` override the signing inputs, so a test
        can send a stale or badly signed request."""
        event_id = event_id or new_event_id()
        body = json.dumps(self.envelope(event, event_id), ensure_ascii=False)
        return self.send(
            body, JSON_TYPE, event_id,
            retry_num=retry_num, retry_reason=retry_reason, timestamp=timestamp, secret=secret,
        )  # fmt: skip

    def deliver_interaction(
        self, payload: JsonDict, *, timestamp: int | None = None, secret: str | None = None
    ) -> Delivery:
        """Send an interaction payload as Slack does: a form with one field, `payload`."""
        body = urlencode({"payload": json.dumps(payload, ensure_ascii=False)})
        return self.send(body, FORM_TYPE, "", timestamp=timestamp, secret=secret)

    def deliver_command(self, command: str, text: str, user_id: str, channel_id: str) -> Delivery:
        """Send a slash command typed by `user_id` in `channel_id`, as Slack's form post."""
        with self.workspace.lock:
            conversation = self.workspace.conversations.get(channel_id)
            if conversation is None or user_id not in self.workspace.users:
                raise ValueError(f"unknown channel {channel_id!r} or user {user_id!r}")
            fields = slash_command(self.workspace, command, text, user_id, conversation)
        return self.send(urlencode(fields), FORM_TYPE, "")

    def redeliver(
        self, delivery: Delivery, retry_num: int = 1, retry_reason: str = "http_timeout"
    ) -> Delivery:
        """Send the same body again as one of Slack's retries: same event_id, new signature."""
        return self.send(
            delivery.request_body, delivery.content_type, delivery.event_id,
            retry_num=retry_num, retry_reason=retry_reason,
        )  # fmt: skip

    def send(
        self,
        body: str,
        content_type: str,
        event_id: str,
        *,
        retry_num: int | None = None,
        retry_reason: str | None = None,
        timestamp: int | None = None,
        secret: str | None = None,
    ) -> Delivery:
        """POST `body` to the bot, signed, and wait for its response (at most 10 s).

        Never called with the workspace lock held: the bot calls the Web API while it works.
        """
        timestamp = int(self.workspace.clock()) if timestamp is None else timestamp
        signing_secret = self.workspace.signing_secret if secret is None else secret
        headers = {
            "Content-Type": content_type,
            "User-Agent": USER_AGENT,
            "X-Slack-Request-Timestamp": str(timestamp),
            "X-Slack-Signature": sign(signing_secret, timestamp, body),
        }
        if retry_num is not None:
            headers["X-Slack-Retry-Num"] = str(retry_num)
            headers["X-Slack-Retry-Reason"] = retry_reason or "http_timeout"

        request = urllib.request.Request(
            self.bot_url, data=body.encode(), headers=headers, method="POST"
        )
        started = time.monotonic()
        status, answer = self._post(request, event_id)
        elapsed = time.monotonic() - started
        return Delivery(status, answer, elapsed, event_id, body, content_type)

    def _post(self, request: urllib.request.Request, event_id: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(request, timeout=DELIVERY_TIMEOUT_S) as response:
                return response.status, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            logger.warning(
                "Delivery to the bot failed", extra={"event_id": event_id, "error": repr(error)}
            )
            return 0, str(error)
