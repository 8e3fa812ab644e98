"""Web API methods about the token and users: auth.test, users.info, users.lookupByEmail."""

from __future__ import annotations

import copy

from bot.localslack.api_args import ApiFailure, Args, Handler
from bot.localslack.state import JsonDict, Workspace


def auth_test(workspace: Workspace, args: Args) -> JsonDict:
    return {
        "ok": True,
        "url": workspace.base_url,
        "team": workspace.team_name,
        "user": workspace.bot_name,
        "team_id": workspace.team_id,
        "user_id": workspace.bot_user_id,
        "bot_id": workspace.bot_id,
        "app_id": workspace.app_id,
        "is_enterprise_install": False,
    }


def public_user(user: JsonDict, include_locale: bool) -> JsonDict:
    """Return a copy of `user` as users.* show it: `locale` only when asked for."""
    visible = copy.deepcopy(user)
    if not include_locale:
        visible.pop("locale", None)
    return visible


def users_info(workspace: Workspace, args: Args) -> JsonDict:
    user = workspace.users.get(args.text("user") or "")
    if user is None:
        raise ApiFailure("user_not_found")
    return {"ok": True, "user": public_user(user, args.flag("include_locale"))}


def users_lookup_by_email(workspace: Workspace, args: Args) -> JsonDict:
    email = (args.text("email") or "").lower()
    for user in workspace.users.values():
        if email and user["profile"].get("email", "").lower() == email:
            # NOTE: Slack documents no locale flag here, so the response never contains locale.
            return {"ok": True, "user": public_user(user, include_locale=False)}
    raise ApiFailure("users_not_found")


METHODS: dict[str, Handler] = {
    "auth.test": auth_test,
    "users.info": users_info,
    "users.lookupByEmail": users_lookup_by_email,
}
