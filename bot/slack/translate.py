"""Turn Slack event payloads into the desk's plain commands."""

from __future__ import annotations

import logging
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from bot.desk.commands import FileRef, IncomingMessage, MessageDeletion, MessageEdit
from bot.slack.markup import decode
from bot.store.enums import TicketSource
from bot.text import storable

logger = logging.getLogger(__name__)

# Subtypes that carry a person's own words; the rest (joins, topic changes …) are not requests.
HUMAN_SUBTYPES = frozenset({None, "thread_broadcast", "file_share", "me_message"})


@dataclass(frozen=True)
class Scope:
    """Installation facts the translation needs: bot ids and help channels."""

    bot_user_id: str
    bot_id: str | None
    help_channel_ids: Collection[str]


def is_from_bot(event: dict[str, Any], scope: Scope) -> bool:
    """Bots, this one included, are never requesters; checked on ids, not only on subtype."""
    return bool(
        event.get("bot_id")
        or event.get("subtype") == "bot_message"
        or event.get("bot_profile")
        or event.get("user") in (None, scope.bot_user_id)
    )


def _files(event: dict[str, Any]) -> tuple[FileRef, ...]:
    return tuple(
        FileRef(
            file_id=str(file.get("id", "")),
            name=storable(str(file.get("name") or file.get("title") or file.get("id") or "?")),
            mimetype=file.get("mimetype"),
            permalink=file.get("permalink"),
        )
        for file in event.get("files") or []
        if isinstance(file, dict)
    )


def _strip_bot_mention(raw_text: str, bot_user_id: str) -> str:
    return re.sub(rf"<@{re.escape(bot_user_id)}(\|[^>]*)?>", "", raw_text).strip()


def _source(event: dict[str, Any], event_type: str, scope: Scope) -> TicketSource | None:
    if event.get("channel_type") == "im":
        return TicketSource.DM
    if event_type == "app_mention" or f"<@{scope.bot_user_id}" in (event.get("text") or ""):
        return TicketSource.MENTION
    # Thread replies count too: when a root's delivery fails and Slack retries it later, its
    # replies arrive first, and they must open the chamado rather than be dropped.
    if event.get("channel") in scope.help_channel_ids:
        return TicketSource.HELP_CHANNEL
    return None


def to_incoming(
    event: dict[str, Any], event_type: str, event_id: str | None, scope: Scope
) -> IncomingMessage | None:
    """Return the message as a desk command, or `None` when no person wrote it."""
    if event.get("subtype") not in HUMAN_SUBTYPES or is_from_bot(event, scope):
        return None
    if not all(isinstance(event.get(key), str) for key in ("channel", "user", "ts")):
        logger.warning(
            "message event without channel, user or ts ignored", extra={"event_id": event_id}
        )
        return None

    raw_text = storable(str(event.get("text") or ""))
    return IncomingMessage(
        channel_id=str(event["channel"]),
        user_id=str(event["user"]),
        ts=str(event["ts"]),
        thread_ts=event.get("thread_ts"),
        text=decode(_strip_bot_mention(raw_text, scope.bot_user_id)),
        raw_text=raw_text,
        opens_ticket_as=_source(event, event_type, scope),
        files=_files(event),
        subtype=event.get("subtype"),
        event_id=event_id,
        event_type=event_type,
    )


def to_change(
    event: dict[str, Any], event_id: str | None, scope: Scope
) -> MessageEdit | MessageDeletion | None:
    """Return a `message_changed` or `message_deleted` event as an edit or deletion."""
    channel = str(event.get("channel", ""))
    if event.get("subtype") == "message_deleted":
        return MessageDeletion(channel, str(event.get("deleted_ts", "")), event_id)

    message = event.get("message") or {}
    if is_from_bot(message, scope):
        return None
    if message.get("subtype") == "tombstone":
        # A deleted thread root that still has replies stays as a "deleted" placeholder.
        return MessageDeletion(channel, str(message.get("ts", "")), event_id)
    raw_text = storable(str(message.get("text") or ""))
    return MessageEdit(
        channel_id=channel,
        ts=str(message.get("ts", "")),
        text=decode(_strip_bot_mention(raw_text, scope.bot_user_id)),
        raw_text=raw_text,
        event_id=event_id,
    )
