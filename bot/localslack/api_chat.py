"""Web API chat.* and reactions.add methods."""

from __future__ import annotations

import copy
from typing import Any

from bot.localslack.api_args import (
    ApiFailure,
    Args,
    Handler,
    require_bot_member,
    resolve_channel,
)
from bot.localslack.blocks import MAX_MESSAGE_BLOCKS, assign_block_ids, check_blocks
from bot.localslack.messages import add_message, bot_profile, remove_message, thread_root
from bot.localslack.state import JsonDict, Workspace

# Slack stores at most 40,000 characters of message text.
MAX_TEXT = 40_000
MAX_ATTACHMENTS = 100


def _content(args: Args, *, required: bool) -> JsonDict:
    """Check text, blocks and attachments as chat.postMessage does; return those given."""
    text = args.values.get("text")
    blocks = args.json_value("blocks", "invalid_blocks_format")
    attachments = args.json_value("attachments", "invalid_attachments")
    if required and not text and not blocks and not attachments:
        raise ApiFailure("no_text")
    if isinstance(text, str) and len(text) > MAX_TEXT:
        raise ApiFailure("msg_too_long")

    content: JsonDict = {}
    if text is not None:
        content["text"] = str(text)
    if blocks is not None:
        problems = check_blocks(blocks, MAX_MESSAGE_BLOCKS)
        if problems:
            raise ApiFailure("invalid_blocks", response_metadata={"messages": problems})
        content["blocks"] = assign_block_ids(copy.deepcopy(blocks))
    if attachments is not None:
        content["attachments"] = _attachments(attachments)
    return content


def _attachments(attachments: Any) -> list[JsonDict]:
    if not isinstance(attachments, list) or not all(isinstance(a, dict) for a in attachments):
        raise ApiFailure("invalid_attachments")
    if len(attachments) > MAX_ATTACHMENTS:
        raise ApiFailure("too_many_attachments")
    # Slack numbers attachments from 1 and fills in `fallback` when it is missing.
    return [
        {"id": i, "fallback": a.get("fallback", a.get("text", "")), **a}
        for i, a in enumerate(copy.deepcopy(attachments), start=1)
    ]


def _writable_channel(workspace: Workspace, args: Args) -> JsonDict:
    conversation = resolve_channel(workspace, args.text("channel"))
    if conversation.get("is_archived"):
        raise ApiFailure("is_archived")
    require_bot_member(workspace, conversation)
    return conversation


def _thread_ts(args: Args) -> str | None:
    # Slack threads a reply only when thread_ts is a string; a JSON number is accepted
    # but the message lands at the top level.
    value = args.values.get("thread_ts")
    return value if isinstance(value, str) and value else None


def chat_post_message(workspace: Workspace, args: Args) -> JsonDict:
    conversation = _writable_channel(workspace, args)
    content = _content(args, required=True)
    channel_id = conversation["id"]

    message: JsonDict = {
        "type": "message",
        "text": content.pop("text", ""),
        "user": workspace.bot_user_id,
        "bot_id": workspace.bot_id,
        "app_id": workspace.app_id,
        "team": workspace.team_id,
        "bot_profile": bot_profile(workspace),
        **content,
        "ts": workspace.next_ts(),
    }
    metadata = args.json_value("metadata", "invalid_metadata_format")
    if metadata:
        message["metadata"] = metadata

    root = thread_root(workspace, channel_id, _thread_ts(args))
    if root is not None:
        message["thread_ts"] = root["ts"]
        if args.flag("reply_broadcast"):
            message["subtype"] = "thread_broadcast"
            message["root"] = copy.deepcopy(root)

    add_message(workspace, channel_id, message)
    return {
        "ok": True,
        "channel": channel_id,
        "ts": message["ts"],
        "message": copy.deepcopy(message),
    }


def _own_message(workspace: Workspace, args: Args, denied: str) -> tuple[JsonDict, JsonDict]:
    conversation = resolve_channel(workspace, args.text("channel"))
    message = workspace.find_message(conversation["id"], args.text("ts") or "")
    if message is None:
        raise ApiFailure("message_not_found")
    if message.get("bot_id") != workspace.bot_id:
        raise ApiFailure(denied)
    return conversation, message


def chat_update(workspace: Workspace, args: Args) -> JsonDict:
    conversation, message = _own_message(workspace, args, "cant_update_message")
    content = _content(args, required=False)
    if not content:
        raise ApiFailure("no_text")

    # Fields left out keep their old value, as Slack documents for blocks and attachments.
    message.update(content)
    message["edited"] = {"user": workspace.bot_user_id, "ts": workspace.next_ts()}
    workspace.changed()
    return {
        "ok": True,
        "channel": conversation["id"],
        "ts": message["ts"],
        "text": message.get("text", ""),
        "message": copy.deepcopy(message),
    }


def chat_delete(workspace: Workspace, args: Args) -> JsonDict:
    conversation, message = _own_message(workspace, args, "cant_delete_message")
    remove_message(workspace, conversation["id"], message["ts"])
    return {"ok": True, "channel": conversation["id"], "ts": message["ts"]}


def chat_post_ephemeral(workspace: Workspace, args: Args) -> JsonDict:
    conversation = _writable_channel(workspace, args)
    user_id = args.text("user") or ""
    if user_id not in conversation.get("members", []):
        raise ApiFailure("user_not_in_channel")
    content = _content(args, required=True)

    ephemeral: JsonDict = {
        "type": "message",
        "subtype": "bot_message",
        "channel": conversation["id"],
        "user": user_id,
        "bot_id": workspace.bot_id,
        "text": content.pop("text", ""),
        **content,
        "ts": workspace.next_ts(),
    }
    thread_ts = _thread_ts(args)
    if thread_ts is not None:
        ephemeral["thread_ts"] = thread_ts
    workspace.ephemerals.append(ephemeral)
    workspace.changed()
    return {"ok": True, "message_ts": ephemeral["ts"]}


def permalink(workspace: Workspace, channel_id: str, message: JsonDict) -> str:
    """Build a message link in Slack's format, on the local server instead of slack.com."""
    link = f"{workspace.base_url}archives/{channel_id}/p{message['ts'].replace('.', '')}"
    thread_ts = message.get("thread_ts")
    if thread_ts and thread_ts != message["ts"]:
        link += f"?thread_ts={thread_ts}&cid={channel_id}"
    return link


def chat_get_permalink(workspace: Workspace, args: Args) -> JsonDict:
    conversation = resolve_channel(workspace, args.text("channel"))
    message = workspace.find_message(conversation["id"], args.text("message_ts") or "")
    if message is None:
        raise ApiFailure("message_not_found")
    return {
        "ok": True,
        "channel": conversation["id"],
        "permalink": permalink(workspace, conversation["id"], message),
    }


def reactions_add(workspace: Workspace, args: Args) -> JsonDict:
    name = (args.text("name") or "").strip(":")
    channel_id = args.text("channel")
    timestamp = args.text("timestamp")
    if channel_id is None or timestamp is None:
        raise ApiFailure("no_item_specified")
    if not name:
        raise ApiFailure("invalid_name")

    conversation = resolve_channel(workspace, channel_id)
    if conversation.get("is_archived"):
        raise ApiFailure("is_archived")
    message = workspace.find_message(conversation["id"], timestamp)
    if message is None:
        raise ApiFailure("message_not_found")

    reactions: list[JsonDict] = message.setdefault("reactions", [])
    reaction = next((r for r in reactions if r["name"] == name), None)
    if reaction is None:
        reaction = {"name": name, "users": [], "count": 0}
        reactions.append(reaction)
    if workspace.bot_user_id in reaction["users"]:
        raise ApiFailure("already_reacted")
    reaction["users"].append(workspace.bot_user_id)
    reaction["count"] += 1
    workspace.changed()
    return {"ok": True}


METHODS: dict[str, Handler] = {
    "chat.postMessage": chat_post_message,
    "chat.update": chat_update,
    "chat.delete": chat_delete,
    "chat.postEphemeral": chat_post_ephemeral,
    "chat.getPermalink": chat_get_permalink,
    "reactions.add": reactions_add,
}
