"""Read a requester's Slack profile through `users.info`."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient

from bot.desk.commands import RequesterProfile


def _department(profile: dict[str, Any]) -> str | None:
    # Slack has no standard department field; workspaces keep it as a custom profile field.
    if profile.get("department"):
        return str(profile["department"])
    for field in (profile.get("fields") or {}).values():
        if isinstance(field, dict) and str(field.get("label", "")).lower() in (
            "department",
            "departamento",
            "setor",
            "área",
            "area",
        ):
            return str(field.get("value") or "") or None
    return None


def fetch_profile(client: WebClient, user_id: str) -> RequesterProfile:
    """Return the person's profile; raises `SlackApiError` when Slack cannot give it."""
    user = client.users_info(user=user_id, include_locale=True)["user"]
    profile = user.get("profile") or {}
    return RequesterProfile(
        user_id=user_id,
        name=profile.get("real_name") or user.get("real_name") or user.get("name"),
        email=profile.get("email"),
        title=profile.get("title") or None,
        department=_department(profile),
        locale=user.get("locale"),
        time_zone=user.get("tz"),
        is_deactivated=bool(user.get("deleted")),
        is_bot=bool(user.get("is_bot")),
    )
