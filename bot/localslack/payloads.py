"""Builders for the event and interaction payloads Slack sends, from stored workspace state.

Callers hold the workspace lock.
"""

from __future__ import annotations

import copy
import uuid

from bot.localslack.blocks import Button
from bot.localslack.response_urls import issue_response_url
from bot.localslack.state import JsonDict, Workspace


def channel_type(conversation: JsonDict) -> str:
    """Return the `channel_type` of message events: im, mpim, group (private) or channel."""
    if conversation.get("is_im"):
        return "im"
    if conversation.get("is_mpim"):
        return "mpim"
    return "group" if conversation.get("is_private") else "channel"


def user_message(
    workspace: Workspace, user_id: str, text: str, blocks: list[JsonDict], ts: str
) -> JsonDict:
    """Build a message typed by a person, as Slack stores it."""
    return {
        "client_msg_id": str(uuid.uuid4()),
        "type": "message",
        "text": text,
        "user": user_id,
        "ts": ts,
        "blocks": blocks,
        "team": workspace.team_id,
    }


def message_event(conversation: JsonDict, message: JsonDict) -> JsonDict:
    """Build the `message` event for a stored message."""
    event = copy.deepcopy(message)
    event.pop("reactions", None)
    event.update(
        channel=conversation["id"], event_ts=message["ts"], channel_type=channel_type(conversation)
    )
    return event


def app_mention_event(conversation: JsonDict, message: JsonDict) -> JsonDict:
    """Build the `app_mention` event Slack sends beside the message event of a mention."""
    event: JsonDict = {"type": "app_mention"}
    for key in ("client_msg_id", "text", "user", "ts", "blocks", "team", "thread_ts", "files"):
        if key in message:
            event[key] = copy.deepcopy(message[key])
    event.update(channel=conversation["id"], event_ts=message["ts"])
    return event


def message_changed_event(
    conversation: JsonDict, message: JsonDict, previous: JsonDict, event_ts: str
) -> JsonDict:
    return {
        "type": "message",
        "subtype": "message_changed",
        "message": copy.deepcopy(message),
        "previous_message": copy.deepcopy(previous),
        "channel": conversation["id"],
        "hidden": True,
        "ts": event_ts,
        "event_ts": event_ts,
        "channel_type": channel_type(conversation),
    }


def message_deleted_event(conversation: JsonDict, previous: JsonDict, event_ts: str) -> JsonDict:
    return {
        "type": "message",
        "subtype": "message_deleted",
        "previous_message": copy.deepcopy(previous),
        "channel": conversation["id"],
        "hidden": True,
        "deleted_ts": previous["ts"],
        "ts": event_ts,
        "event_ts": event_ts,
        "channel_type": channel_type(conversation),
    }


def _interaction_user(workspace: Workspace, user_id: str) -> JsonDict:
    user = workspace.users[user_id]
    return {
        "id": user_id,
        "username": user["name"],
        "name": user["name"],
        "team_id": workspace.team_id,
    }


def _action(workspace: Workspace, button: Button) -> JsonDict:
    action: JsonDict = {
        "action_id": button.action_id,
        "block_id": button.block_id,
        "text": copy.deepcopy(button.element.get("text", {})),
        "type": "button",
        "action_ts": workspace.next_ts(),
    }
    for key in ("value", "style", "url"):
        if key in button.element:
            action[key] = button.element[key]
    return action


def _interaction_base(workspace: Workspace, kind: str, user_id: str) -> JsonDict:
    return {
        "type": kind,
        "user": _interaction_user(workspace, user_id),
        "api_app_id": workspace.app_id,
        "token": workspace.verification_token,
        "trigger_id": workspace.issue_trigger_id(user_id),
        "team": {"id": workspace.team_id, "domain": workspace.domain},
        "enterprise": None,
        "is_enterprise_install": False,
    }


def message_block_actions(
    workspace: Workspace, user_id: str, conversation: JsonDict, message: JsonDict, button: Button
) -> JsonDict:
    """Build the block_actions payload for a button pressed in a channel message."""
    container: JsonDict = {
        "type": "message",
        "message_ts": message["ts"],
        "channel_id": conversation["id"],
        "is_ephemeral": False,
    }
    if "thread_ts" in message:
        container["thread_ts"] = message["thread_ts"]

    payload = _interaction_base(workspace, "block_actions", user_id)
    payload.update(
        container=container,
        channel={"id": conversation["id"], "name": conversation.get("name", "directmessage")},
        message=copy.deepcopy(message),
        state={"values": {}},
        response_url=issue_response_url(workspace, conversation["id"], user_id, message["ts"]),
        actions=[_action(workspace, button)],
    )
    return payload


def view_block_actions(
    workspace: Workspace, user_id: str, view: JsonDict, button: Button
) -> JsonDict:
    """Build the block_actions payload for a button pressed in a Home tab or modal view."""
    payload = _interaction_base(workspace, "block_actions", user_id)
    payload.update(
        container={"type": "view", "view_id": view["id"]},
        view=copy.deepcopy(view),
        actions=[_action(workspace, button)],
    )
    return payload


def view_submission(
    workspace: Workspace, user_id: str, view: JsonDict, values: dict[str, dict[str, JsonDict]]
) -> JsonDict:
    """Build a view_submission payload; `values` maps block_id -> action_id -> element state."""
    submitted = copy.deepcopy(view)
    submitted["state"] = {"values": copy.deepcopy(values)}
    payload = _interaction_base(workspace, "view_submission", user_id)
    payload.update(view=submitted, response_urls=[])
    return payload


def slash_command(
    workspace: Workspace, command: str, text: str, user_id: str, conversation: JsonDict
) -> dict[str, str]:
    """Build the form fields Slack posts for a slash command."""
    return {
        "token": workspace.verification_token,
        "team_id": workspace.team_id,
        "team_domain": workspace.domain,
        "channel_id": conversation["id"],
        "channel_name": conversation.get("name", "directmessage"),
        "user_id": user_id,
        "user_name": workspace.users[user_id]["name"],
        "command": command,
        "text": text,
        "api_app_id": workspace.app_id,
        "is_enterprise_install": "false",
        "response_url": issue_response_url(workspace, conversation["id"], user_id),
        "trigger_id": workspace.issue_trigger_id(user_id),
    }
