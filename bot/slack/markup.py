"""Slack mrkdwn: decode user text into plain text, escape it again, cut it to a limit.

Slack sends message text with `&`, `<` and `>` escaped and with live tokens such as
`<!channel>`, `<@U123>`, `<#C123|name>` and `<https://x|label>`. The desk stores the decoded
plain text; every echo goes through `escape`, so a user's `@channel` can never ping anyone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.text import ELLIPSIS

_TOKEN = re.compile(r"<([^<>]*)>")
_ENTITY_TAIL = re.compile(r"&[a-z]{0,4}$")

# Slack's special mentions, shown as what the user typed.
_SPECIAL = {"channel": "@channel", "here": "@here", "everyone": "@everyone"}


def _decode_token(body: str, user_name: Callable[[str], str | None]) -> str:
    target, _, label = body.partition("|")

    if target.startswith("@"):
        user_id = target[1:]
        return "@" + (label or user_name(user_id) or user_id)
    if target.startswith("#"):
        return "#" + (label or target[1:])
    if target.startswith("!subteam^"):
        return label or "@" + target.removeprefix("!subteam^")
    if target.startswith("!date^"):
        return label
    if target.startswith("!"):
        return _SPECIAL.get(target[1:], label or "@" + target[1:])
    if target.startswith("mailto:"):
        return label or target.removeprefix("mailto:")
    if label and label != target:
        return f"{label} ({target})"
    return target


def decode(text: str, user_name: Callable[[str], str | None] = lambda _: None) -> str:
    """Turn Slack-encoded message text into the plain text the user meant."""
    decoded = _TOKEN.sub(lambda match: _decode_token(match.group(1), user_name), text)

    # `&amp;` last, so an escaped `&lt;` typed by the user stays `&lt;` in plain text.
    return decoded.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def escape(text: str) -> str:
    """Escape plain text for mrkdwn; the only characters Slack asks to escape."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_truncated(text: str, limit: int) -> str:
    """Escape plain text and cut the result to `limit` characters without splitting an entity."""
    escaped = escape(text)
    if len(escaped) <= limit:
        return escaped
    head = escaped[: max(limit - 1, 0)]
    head = _ENTITY_TAIL.sub("", head)
    return head.rstrip() + ELLIPSIS
