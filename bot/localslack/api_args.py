"""Argument parsing and failures shared by the Web API method handlers."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from typing import Any

from bot.localslack.state import JsonDict, Workspace


class ApiFailure(Exception):
    """A Slack error response: `{"ok": false, "error": code, **extra}` with HTTP 200."""

    def __init__(self, error: str, **extra: Any) -> None:
        super().__init__(error)
        self.error = error
        self.extra = extra

    def body(self) -> JsonDict:
        return {"ok": False, "error": self.error, **self.extra}


def invalid_arguments(*messages: str) -> ApiFailure:
    """Slack's error response for arguments that fail schema checks, such as an oversized view."""
    return ApiFailure("invalid_arguments", response_metadata={"messages": list(messages)})


class Args:
    """Request arguments from a form, a query string or a JSON body.

    Form and query values are always strings, JSON values keep their types, so every
    accessor accepts both: "true"/"1"/True are all true, and `json_value` decodes a string
    that holds JSON (blocks, view, files) but passes lists and dicts through.
    """

    def __init__(self, values: JsonDict) -> None:
        self.values = values

    def text(self, name: str) -> str | None:
        value = self.values.get(name)
        if value is None or value == "":
            return None
        return value if isinstance(value, str) else json.dumps(value)

    def flag(self, name: str) -> bool:
        value = self.values.get(name)
        if isinstance(value, str):
            return value.lower() in ("1", "true")
        return bool(value)

    def integer(self, name: str, default: int) -> int:
        value = self.values.get(name)
        if value is None or value == "":
            return default
        try:
            return int(value)
        except (TypeError, ValueError):
            raise invalid_arguments(f"[ERROR] invalid integer for `{name}`") from None

    def json_value(self, name: str, error: str) -> Any:
        """Return the decoded value of `name`, raising ApiFailure(error) when it is not JSON."""
        value = self.values.get(name)
        if not isinstance(value, str):
            return value
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            raise ApiFailure(error) from None


Handler = Callable[[Workspace, Args], JsonDict]


def page(items: list[Any], args: Args, default_limit: int) -> tuple[list[Any], str]:
    """Slice `items` by the `cursor` and `limit` arguments. Returns (page, next_cursor).

    Cursors are base64 of "offset:N", opaque to callers like Slack's; an unparsable one
    raises invalid_cursor. next_cursor is "" on the last page, as Slack sends it.
    """
    offset = 0
    cursor = args.text("cursor")
    if cursor is not None:
        try:
            label, _, number = base64.b64decode(cursor, validate=True).decode().partition(":")
            offset = int(number)
        except (binascii.Error, UnicodeDecodeError, ValueError):
            raise ApiFailure("invalid_cursor") from None
        if label != "offset" or offset < 0:
            raise ApiFailure("invalid_cursor")

    limit = max(1, min(args.integer("limit", default_limit), 1000))
    end = offset + limit
    next_cursor = base64.b64encode(f"offset:{end}".encode()).decode() if end < len(items) else ""
    return items[offset:end], next_cursor


def public_conversation(conversation: JsonDict) -> JsonDict:
    """Return a conversation without the local `members` list, as conversations.* show it."""
    visible = {k: v for k, v in conversation.items() if k != "members"}
    if not conversation.get("is_im"):
        visible["is_member"] = True
    return visible


def resolve_channel(workspace: Workspace, channel: str | None) -> JsonDict:
    """Find a conversation by id, by "#name" or "name", or by a user id (their IM).

    Raises channel_not_found when nothing matches, as chat.postMessage does.
    """
    if channel is None:
        raise ApiFailure("channel_not_found")
    if channel in workspace.conversations:
        return workspace.conversations[channel]

    name = channel.removeprefix("#")
    for conversation in workspace.conversations.values():
        if conversation.get("name") == name:
            return conversation

    if channel in workspace.users:
        im_id = workspace.im_with(channel)
        if im_id is not None:
            return workspace.conversations[im_id]
    raise ApiFailure("channel_not_found")


def require_bot_member(workspace: Workspace, conversation: JsonDict) -> None:
    if workspace.bot_user_id not in conversation.get("members", []):
        raise ApiFailure("not_in_channel")
