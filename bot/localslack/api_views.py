"""Web API views.* methods: modals (open, push, update) and the Home tab (publish)."""

from __future__ import annotations

import copy
import secrets
from typing import Any

from bot.localslack.api_args import ApiFailure, Args, Handler, invalid_arguments
from bot.localslack.blocks import MAX_VIEW_BLOCKS, assign_block_ids, check_blocks
from bot.localslack.state import JsonDict, Workspace

# Slack's documented view limits: title, submit and close text 24 characters,
# callback_id 255, private_metadata 3,000, and at most 3 modals in a stack.
MAX_VIEW_LABEL = 24
MAX_CALLBACK_ID = 255
MAX_PRIVATE_METADATA = 3000
MAX_MODAL_STACK = 3


def _label_problems(view: JsonDict) -> list[str]:
    problems = []
    for key in ("title", "submit", "close"):
        label = view.get(key)
        text = label.get("text") if isinstance(label, dict) else None
        if isinstance(text, str) and len(text) > MAX_VIEW_LABEL:
            problems.append(
                f"[ERROR] must be less than {MAX_VIEW_LABEL + 1} characters "
                f"[json-pointer:/view/{key}/text]"
            )
    return problems


def _checked_view(args: Args, expected_type: str) -> JsonDict:
    """Decode and check the `view` argument against Slack's schema limits."""
    view: Any = args.json_value("view", "invalid_arguments")
    if not isinstance(view, dict):
        raise invalid_arguments("[ERROR] missing required field: view")
    if view.get("type") != expected_type:
        raise invalid_arguments(
            f"[ERROR] view type must be {expected_type} [json-pointer:/view/type]"
        )
    if expected_type == "modal" and not view.get("title"):
        raise invalid_arguments("[ERROR] missing required field: title [json-pointer:/view]")

    problems = check_blocks(view.get("blocks", []), MAX_VIEW_BLOCKS, "/view/blocks")
    problems += _label_problems(view)
    if len(str(view.get("callback_id", ""))) > MAX_CALLBACK_ID:
        problems.append("[ERROR] must be less than 256 characters [json-pointer:/view/callback_id]")
    if len(str(view.get("private_metadata", ""))) > MAX_PRIVATE_METADATA:
        problems.append(
            "[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]"
        )
    if problems:
        raise invalid_arguments(*problems)
    return copy.deepcopy(view)


def _new_hash(workspace: Workspace) -> str:
    return f"{int(workspace.clock())}.{secrets.token_hex(4)}"


def _stored_view(
    workspace: Workspace, view: JsonDict, view_id: str, root_view_id: str, previous: str | None
) -> JsonDict:
    stored: JsonDict = {
        "id": view_id,
        "team_id": workspace.team_id,
        "type": view["type"],
        "title": view.get("title"),
        "submit": view.get("submit"),
        "close": view.get("close"),
        "blocks": assign_block_ids(view.get("blocks", [])),
        "private_metadata": view.get("private_metadata", ""),
        "callback_id": view.get("callback_id", ""),
        "external_id": view.get("external_id", ""),
        "state": {"values": {}},
        "hash": _new_hash(workspace),
        "clear_on_close": bool(view.get("clear_on_close", False)),
        "notify_on_close": bool(view.get("notify_on_close", False)),
        "root_view_id": root_view_id,
        "previous_view_id": previous,
        "app_id": workspace.app_id,
        "app_installed_team_id": workspace.team_id,
        "bot_id": workspace.bot_id,
    }
    workspace.views[view_id] = stored
    workspace.changed()
    return stored


def _trigger_user(workspace: Workspace, args: Args) -> str:
    trigger_id = args.text("trigger_id") or args.text("interactivity_pointer")
    error = workspace.exchange_trigger_id(trigger_id)
    if error is not None:
        raise ApiFailure(error)
    return workspace.triggers[trigger_id or ""].user_id


def views_open(workspace: Workspace, args: Args) -> JsonDict:
    view = _checked_view(args, "modal")
    user_id = _trigger_user(workspace, args)

    view_id = workspace.new_id("V")
    stored = _stored_view(workspace, view, view_id, view_id, None)
    workspace.modal_stacks[user_id] = [view_id]
    return {"ok": True, "view": copy.deepcopy(stored)}


def views_push(workspace: Workspace, args: Args) -> JsonDict:
    view = _checked_view(args, "modal")
    user_id = _trigger_user(workspace, args)

    stack = workspace.modal_stacks.get(user_id, [])
    if not stack:
        # NOTE: Slack does not document the error for a push with no modal open.
        # not_found is a guess.
        raise ApiFailure("not_found")
    if len(stack) >= MAX_MODAL_STACK:
        raise ApiFailure("push_limit_reached")

    view_id = workspace.new_id("V")
    stored = _stored_view(workspace, view, view_id, stack[0], stack[-1])
    stack.append(view_id)
    return {"ok": True, "view": copy.deepcopy(stored)}


def _find_view(workspace: Workspace, args: Args) -> JsonDict:
    view_id = args.text("view_id")
    external_id = args.text("external_id")
    if view_id is None and external_id is None:
        raise invalid_arguments("[ERROR] either view_id or external_id is required")

    for view in workspace.views.values():
        if view_id == view["id"] or (external_id and external_id == view["external_id"]):
            return view
    raise ApiFailure("not_found")


def views_update(workspace: Workspace, args: Args) -> JsonDict:
    current = _find_view(workspace, args)
    view = _checked_view(args, current["type"])
    given_hash = args.text("hash")
    if given_hash is not None and given_hash != current["hash"]:
        raise ApiFailure("hash_conflict")

    stored = _stored_view(
        workspace, view, current["id"], current["root_view_id"], current["previous_view_id"]
    )
    return {"ok": True, "view": copy.deepcopy(stored)}


def views_publish(workspace: Workspace, args: Args) -> JsonDict:
    user_id = args.text("user_id") or ""
    if user_id not in workspace.users:
        raise invalid_arguments("invalid `user_id`")
    view = _checked_view(args, "home")

    view_id = workspace.home_views.get(user_id)
    given_hash = args.text("hash")
    if view_id is not None and given_hash not in (None, workspace.views[view_id]["hash"]):
        raise ApiFailure("hash_conflict")

    view_id = view_id or workspace.new_id("V")
    stored = _stored_view(workspace, view, view_id, view_id, None)
    workspace.home_views[user_id] = view_id
    return {"ok": True, "view": copy.deepcopy(stored)}


METHODS: dict[str, Handler] = {
    "views.open": views_open,
    "views.push": views_push,
    "views.update": views_update,
    "views.publish": views_publish,
}
