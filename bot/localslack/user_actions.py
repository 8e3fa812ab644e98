"""What people and other bots do in the workspace, stored as Slack stores it.

Each function holds the workspace lock only while it changes state and returns the events
that Slack would send, so the caller can deliver them without the lock.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.localslack.api_files import file_object
from bot.localslack.messages import add_message, remove_message
from bot.localslack.payloads import (
    app_mention_event,
    message_changed_event,
    message_deleted_event,
    message_event,
    user_message,
)
from bot.localslack.state import JsonDict, UploadedFile, Workspace
from bot.localslack.text import rich_text_blocks


@dataclass(frozen=True)
class SharedFile:
    """A file a person attaches to a message."""

    name: str
    content: bytes
    title: str = ""


def _conversation_for(workspace: Workspace, user_id: str, channel_id: str) -> JsonDict:
    conversation = workspace.conversations.get(channel_id)
    if conversation is None:
        raise ValueError(f"conversation {channel_id!r} not found in the local workspace")
    if user_id not in workspace.users:
        raise ValueError(f"user {user_id!r} not found in the local workspace")
    if user_id not in conversation.get("members", []):
        raise ValueError(f"user {user_id} is not a member of {channel_id}; add them first")
    return conversation


def _store_files(workspace: Workspace, user_id: str, files: list[SharedFile]) -> list[JsonDict]:
    objects = []
    for shared in files:
        file_id = workspace.new_id("F")
        stored = UploadedFile(
            file_id, shared.name, len(shared.content), shared.content, shared.title
        )
        workspace.files[file_id] = stored
        objects.append(file_object(workspace, stored, user_id))
    return objects


def post(
    workspace: Workspace,
    user_id: str,
    channel_id: str,
    text: str,
    *,
    thread_ts: str | None = None,
    broadcast: bool = False,
    files: list[SharedFile] | None = None,
) -> tuple[str, list[JsonDict]]:
    """Store a person's message. Returns its ts and the events: `message`, then
    `app_mention` when `text` mentions the bot outside an IM. `text` is already encoded."""
    with workspace.lock:
        conversation = _conversation_for(workspace, user_id, channel_id)
        blocks = rich_text_blocks(text) if text else []
        message = user_message(workspace, user_id, text, blocks, workspace.next_ts())
        if thread_ts is not None:
            message["thread_ts"] = thread_ts
        if files:
            message.update(subtype="file_share", upload=False, display_as_bot=False,
                           files=_store_files(workspace, user_id, files))  # fmt: skip
        add_message(workspace, channel_id, message)

        if broadcast and "thread_ts" in message:
            root = workspace.find_message(channel_id, message["thread_ts"])
            message.update(subtype="thread_broadcast", root=copy.deepcopy(root))

        events = [message_event(conversation, message)]
        if f"<@{workspace.bot_user_id}>" in text and not conversation.get("is_im"):
            events.append(app_mention_event(conversation, message))
        return message["ts"], events


def _own_message(workspace: Workspace, user_id: str, channel_id: str, ts: str) -> JsonDict:
    message = workspace.find_message(channel_id, ts)
    if message is None:
        raise ValueError(f"no message {ts} in {channel_id}")
    if message.get("user") != user_id or message.get("bot_id"):
        raise ValueError(f"message {ts} in {channel_id} was not written by {user_id}")
    return message


def edit(workspace: Workspace, user_id: str, channel_id: str, ts: str, new_text: str) -> JsonDict:
    """Change a person's message text. Returns the `message_changed` event."""
    with workspace.lock:
        conversation = _conversation_for(workspace, user_id, channel_id)
        message = _own_message(workspace, user_id, channel_id, ts)
        previous = copy.deepcopy(message)

        event_ts = workspace.next_ts()
        message.update(text=new_text, blocks=rich_text_blocks(new_text) if new_text else [])
        message["edited"] = {"user": user_id, "ts": event_ts}
        workspace.changed()
        return message_changed_event(conversation, message, previous, event_ts)


def unfurl(workspace: Workspace, channel_id: str, ts: str, url: str) -> JsonDict:
    """Add a link preview to a message, as Slack does after posting. Returns the
    `message_changed` event, whose text is unchanged."""
    with workspace.lock:
        conversation = workspace.conversations[channel_id]
        message = workspace.find_message(channel_id, ts)
        if message is None:
            raise ValueError(f"no message {ts} in {channel_id}")
        previous = copy.deepcopy(message)

        host = urlsplit(url).hostname or url
        preview: JsonDict = {
            "id": len(message.get("attachments", [])) + 1,
            "from_url": url,
            "original_url": url,
            "title": host,
            "title_link": url,
            "service_name": host,
            "fallback": f"{host}: {url}",
        }
        message.setdefault("attachments", []).append(preview)
        workspace.changed()
        return message_changed_event(conversation, message, previous, workspace.next_ts())


def delete(workspace: Workspace, user_id: str, channel_id: str, ts: str) -> JsonDict:
    """Delete a person's message. Returns the `message_deleted` event.

    NOTE: Slack keeps a "This message was deleted." tombstone for a thread root that has
    replies; the local workspace removes the root outright.
    """
    with workspace.lock:
        conversation = _conversation_for(workspace, user_id, channel_id)
        _own_message(workspace, user_id, channel_id, ts)
        previous = remove_message(workspace, channel_id, ts)
        assert previous is not None
        return message_deleted_event(conversation, previous, workspace.next_ts())


def bot_post(
    workspace: Workspace, bot_user_id: str, channel_id: str, text: str, subtype_bot_message: bool
) -> tuple[str, JsonDict]:
    """Store a message from another app's bot. Returns its ts and the `message` event.

    With `subtype_bot_message` the message has Slack's legacy shape (subtype bot_message,
    `username`, no `user`); without it, the shape apps get today (`user`, `bot_id`).
    """
    with workspace.lock:
        conversation = workspace.conversations[channel_id]
        user = workspace.users[bot_user_id]
        bot_id = user["profile"].get("bot_id")
        if not bot_id:
            raise ValueError(f"user {bot_user_id} is not a bot user")

        message: JsonDict = {"type": "message", "text": text, "bot_id": bot_id,
                             "ts": workspace.next_ts(), "team": workspace.team_id}  # fmt: skip
        if subtype_bot_message:
            message.update(subtype="bot_message", username=user["real_name"])
        else:
            message.update(user=bot_user_id, app_id="A" + bot_id[1:], blocks=[])
        add_message(workspace, channel_id, message)
        return message["ts"], message_event(conversation, message)
