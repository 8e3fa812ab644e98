"""response_url endpoints that interactions and slash commands hand to the bot."""

from __future__ import annotations

import copy
import secrets
from typing import Any

from bot.localslack.messages import add_message, bot_profile, remove_message
from bot.localslack.state import ApiCall, JsonDict, Workspace

# Slack accepts up to 5 responses per response_url within 30 minutes.
MAX_RESPONSES = 5
LIFETIME_S = 30 * 60


def issue_response_url(
    workspace: Workspace, channel_id: str, user_id: str, message_ts: str | None = None
) -> str:
    """Return a fresh response_url on the local server, bound to a channel and message."""
    key = secrets.token_hex(12)
    with workspace.lock:
        workspace.response_urls[key] = {
            "channel": channel_id,
            "user": user_id,
            "message_ts": message_ts,
            "issued_at": workspace.clock(),
            "uses": 0,
        }
    return f"{workspace.base_url}response/{key}"


def _apply(workspace: Workspace, target: JsonDict, body: JsonDict) -> None:
    channel_id = target["channel"]
    original_ts = target["message_ts"]
    if body.get("delete_original") and original_ts:
        remove_message(workspace, channel_id, original_ts)
        return

    content: JsonDict = {
        key: copy.deepcopy(body[key]) for key in ("text", "blocks", "attachments") if key in body
    }
    original = workspace.find_message(channel_id, original_ts) if original_ts else None
    if body.get("replace_original") and original is not None:
        original.update(content)
        workspace.changed()
        return

    message: JsonDict = {"type": "message", "text": "", **content, "ts": workspace.next_ts()}
    if body.get("thread_ts"):
        message["thread_ts"] = body["thread_ts"]
    if body.get("response_type") == "in_channel":
        message.update(user=workspace.bot_user_id, bot_id=workspace.bot_id,
                       bot_profile=bot_profile(workspace))  # fmt: skip
        add_message(workspace, channel_id, message)
    else:
        message.update(subtype="bot_message", bot_id=workspace.bot_id, user=target["user"],
                       channel=channel_id)  # fmt: skip
        workspace.ephemerals.append(message)
        workspace.changed()


def post_to_response_url(workspace: Workspace, key: str, body: Any) -> tuple[int, JsonDict]:
    """Apply a POST to a response_url. Returns (HTTP status, JSON response); logs it as a call
    to the pseudo-method "response_url"."""
    with workspace.lock:
        target = workspace.response_urls.get(key)
        if target is None:
            status, answer = 404, {"ok": False, "error": "invalid_response_url"}
        elif (
            target["uses"] >= MAX_RESPONSES or workspace.clock() - target["issued_at"] > LIFETIME_S
        ):
            status, answer = 404, {"ok": False, "error": "expired_url"}
        elif not isinstance(body, dict):
            status, answer = 400, {"ok": False, "error": "invalid_payload"}
        else:
            target["uses"] += 1
            _apply(workspace, target, body)
            status, answer = 200, {"ok": True}

        args = body if isinstance(body, dict) else {}
        workspace.record_call(ApiCall("response_url", args, status, answer))
    return status, answer
