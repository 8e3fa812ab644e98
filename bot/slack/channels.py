"""Resolve configured channel names (`ajuda-ti`) to Slack ids (`C0123`)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from slack_sdk import WebClient

logger = logging.getLogger(__name__)

_CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{2,}$")


def resolve_channel_ids(client: WebClient, names_or_ids: Iterable[str]) -> dict[str, str]:
    """Map each configured name or id to a channel id; unknown names are logged and left out."""
    wanted = [value.lstrip("#") for value in names_or_ids]
    resolved = {value: value for value in wanted if _CHANNEL_ID.match(value)}
    names = {value for value in wanted if value not in resolved}
    if not names:
        return resolved

    cursor: str | None = None
    while True:
        page = client.conversations_list(
            types="public_channel,private_channel",
            exclude_archived=True,
            limit=200,
            cursor=cursor,
        )
        for channel in page["channels"]:
            if channel.get("name") in names:
                resolved[channel["name"]] = channel["id"]
        cursor = (page.get("response_metadata") or {}).get("next_cursor") or None
        if not cursor:
            break

    for name in sorted(names - resolved.keys()):
        logger.warning(
            "configured channel not found; is the bot a member?", extra={"channel": name}
        )
    return resolved
