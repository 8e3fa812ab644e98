"""Web API conversations.* methods: info, list, members, open, history, replies."""

from __future__ import annotations

import copy

from bot.localslack.api_args import (
    ApiFailure,
    Args,
    Handler,
    page,
    public_conversation,
    require_bot_member,
)
from bot.localslack.state import JsonDict, Workspace

CONVERSATION_TYPES = {"public_channel", "private_channel", "mpim", "im"}


def _conversation(workspace: Workspace, args: Args) -> JsonDict:
    conversation = workspace.conversations.get(args.text("channel") or "")
    if conversation is None:
        raise ApiFailure("channel_not_found")
    return conversation


def _type_of(conversation: JsonDict) -> str:
    if conversation.get("is_im"):
        return "im"
    if conversation.get("is_mpim"):
        return "mpim"
    return "private_channel" if conversation.get("is_private") else "public_channel"


def conversations_info(workspace: Workspace, args: Args) -> JsonDict:
    conversation = _conversation(workspace, args)
    channel = public_conversation(conversation)
    if args.flag("include_num_members"):
        channel["num_members"] = len(conversation.get("members", []))
    if args.flag("include_locale"):
        channel["locale"] = "pt-BR"
    return {"ok": True, "channel": channel}


def conversations_list(workspace: Workspace, args: Args) -> JsonDict:
    types = set((args.text("types") or "public_channel").split(","))
    if not types <= CONVERSATION_TYPES:
        raise ApiFailure("invalid_types")

    matching = [
        public_conversation(c)
        for c in workspace.conversations.values()
        if _type_of(c) in types and not (args.flag("exclude_archived") and c.get("is_archived"))
    ]
    channels, next_cursor = page(matching, args, default_limit=100)
    return {"ok": True, "channels": channels, "response_metadata": {"next_cursor": next_cursor}}


def conversations_members(workspace: Workspace, args: Args) -> JsonDict:
    conversation = _conversation(workspace, args)
    members, next_cursor = page(list(conversation.get("members", [])), args, default_limit=100)
    return {"ok": True, "members": members, "response_metadata": {"next_cursor": next_cursor}}


def _open_im(workspace: Workspace, user_id: str) -> JsonDict:
    user = workspace.users.get(user_id)
    if user is None:
        raise ApiFailure("user_not_found")
    if user.get("deleted"):
        raise ApiFailure("user_disabled")

    im_id = workspace.im_with(user_id)
    if im_id is not None:
        return workspace.conversations[im_id]

    im_id = "D" + user_id[1:]
    conversation: JsonDict = {
        "id": im_id,
        "created": int(workspace.clock()),
        "is_im": True,
        "is_channel": False,
        "is_group": False,
        "is_mpim": False,
        "is_private": True,
        "is_archived": False,
        "is_org_shared": False,
        "is_user_deleted": False,
        "context_team_id": workspace.team_id,
        "user": user_id,
        "priority": 0,
        "members": [workspace.bot_user_id, user_id],
    }
    workspace.conversations[im_id] = conversation
    workspace.messages[im_id] = []
    return conversation


def conversations_open(workspace: Workspace, args: Args) -> JsonDict:
    users = [u for u in (args.text("users") or "").split(",") if u]
    channel_id = args.text("channel")
    if channel_id is not None:
        conversation = _conversation(workspace, args)
    elif not users:
        raise ApiFailure("users_list_not_supplied")
    elif len(users) > 1:
        # NOTE: multi-person IMs (mpim) are not modelled by the local workspace.
        raise ApiFailure("method_not_supported_for_channel_type")
    else:
        conversation = _open_im(workspace, users[0])

    if args.flag("return_im"):
        return {"ok": True, "channel": public_conversation(conversation)}
    return {"ok": True, "channel": {"id": conversation["id"]}}


def _in_window(message: JsonDict, args: Args) -> bool:
    ts = float(message["ts"])
    inclusive = args.flag("inclusive")
    oldest = args.text("oldest")
    latest = args.text("latest")
    if oldest is not None and (ts < float(oldest) or (ts == float(oldest) and not inclusive)):
        return False
    return not (
        latest is not None and (ts > float(latest) or (ts == float(latest) and not inclusive))
    )


def _paged_messages(messages: list[JsonDict], args: Args, default_limit: int) -> JsonDict:
    selected, next_cursor = page(messages, args, default_limit)
    answer: JsonDict = {
        "ok": True,
        "messages": copy.deepcopy(selected),
        "has_more": bool(next_cursor),
    }
    if next_cursor:
        answer["response_metadata"] = {"next_cursor": next_cursor}
    return answer


def conversations_history(workspace: Workspace, args: Args) -> JsonDict:
    conversation = _conversation(workspace, args)
    require_bot_member(workspace, conversation)

    # History shows thread roots and broadcast replies, newest first.
    visible = [
        m
        for m in workspace.messages[conversation["id"]]
        if m.get("thread_ts") in (None, m["ts"]) or m.get("subtype") == "thread_broadcast"
    ]
    visible = [m for m in reversed(visible) if _in_window(m, args)]
    answer = _paged_messages(visible, args, default_limit=100)
    answer["pin_count"] = 0
    return answer


def conversations_replies(workspace: Workspace, args: Args) -> JsonDict:
    conversation = _conversation(workspace, args)
    require_bot_member(workspace, conversation)

    message = workspace.find_message(conversation["id"], args.text("ts") or "")
    if message is None:
        raise ApiFailure("thread_not_found")

    root_ts = message.get("thread_ts") or message["ts"]
    thread = [
        m
        for m in workspace.messages[conversation["id"]]
        if (m["ts"] == root_ts or m.get("thread_ts") == root_ts) and _in_window(m, args)
    ]
    return _paged_messages(thread, args, default_limit=1000)


METHODS: dict[str, Handler] = {
    "conversations.info": conversations_info,
    "conversations.list": conversations_list,
    "conversations.members": conversations_members,
    "conversations.open": conversations_open,
    "conversations.history": conversations_history,
    "conversations.replies": conversations_replies,
}
