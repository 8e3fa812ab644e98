"""Storing and removing messages while keeping thread roots' reply counters right.

Callers hold the workspace lock.
"""

from __future__ import annotations

from bot.localslack.state import JsonDict, Workspace


def bot_profile(workspace: Workspace) -> JsonDict:
    """The `bot_profile` object Slack attaches to messages posted by the Balcão app."""
    return {
        "id": workspace.bot_id,
        "app_id": workspace.app_id,
        "name": "Balcão",
        "icons": {"image_36": "", "image_48": "", "image_72": ""},
        "deleted": False,
        "updated": 1733011200,
        "team_id": workspace.team_id,
    }


def thread_root(workspace: Workspace, channel_id: str, thread_ts: str | None) -> JsonDict | None:
    """Return the root a reply to `thread_ts` belongs to.

    Slack files a reply to a reply under the thread's root, so this follows `thread_ts`.
    """
    if thread_ts is None:
        return None
    message = workspace.find_message(channel_id, thread_ts)
    if message is None:
        return None
    root_ts = message.get("thread_ts") or message["ts"]
    return workspace.find_message(channel_id, root_ts)


def _author(message: JsonDict) -> str:
    return str(message.get("user") or message.get("bot_id") or "")


def _recount_thread(workspace: Workspace, channel_id: str, root: JsonDict) -> None:
    replies = [
        m
        for m in workspace.messages[channel_id]
        if m.get("thread_ts") == root["ts"] and m["ts"] != root["ts"]
    ]
    if not replies:
        for key in ("thread_ts", "reply_count", "reply_users", "reply_users_count", "latest_reply"):
            root.pop(key, None)
        return

    reply_users = list(dict.fromkeys(_author(m) for m in replies))
    root["thread_ts"] = root["ts"]
    root["reply_count"] = len(replies)
    root["reply_users"] = reply_users
    root["reply_users_count"] = len(reply_users)
    root["latest_reply"] = replies[-1]["ts"]


def add_message(workspace: Workspace, channel_id: str, message: JsonDict) -> JsonDict:
    """Append `message` to the conversation; a reply updates its root's counters."""
    root = thread_root(workspace, channel_id, message.get("thread_ts"))
    if root is not None:
        message["thread_ts"] = root["ts"]
        message["parent_user_id"] = _author(root)
    else:
        # A thread_ts that names no message in this conversation leaves it at the top level.
        message.pop("thread_ts", None)

    workspace.messages.setdefault(channel_id, []).append(message)
    if root is not None:
        _recount_thread(workspace, channel_id, root)
    workspace.changed()
    return message


def remove_message(workspace: Workspace, channel_id: str, ts: str) -> JsonDict | None:
    """Remove and return the message at `ts`, or None when there is none."""
    message = workspace.find_message(channel_id, ts)
    if message is None:
        return None

    workspace.messages[channel_id].remove(message)
    root_ts = message.get("thread_ts")
    if root_ts is not None and root_ts != ts:
        root = workspace.find_message(channel_id, root_ts)
        if root is not None:
            _recount_thread(workspace, channel_id, root)
    workspace.changed()
    return message
