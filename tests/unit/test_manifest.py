"""The Slack app manifests grant what the bot uses, in both connection modes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
MANIFESTS = ["slack-manifest.yml", "slack-manifest.http.yml"]

# What the listeners and Web API calls need: events, DMs, replies, profiles, channel lookup.
REQUIRED_SCOPES = {
    "app_mentions:read",
    "channels:history",
    "channels:read",
    "groups:history",
    "groups:read",
    "im:history",
    "im:read",
    "im:write",
    "chat:write",
    "users:read",
    "users:read.email",
    "commands",
}
REQUIRED_EVENTS = {"app_mention", "message.channels", "message.groups", "message.im"}


def load(name: str) -> dict[str, Any]:
    manifest: dict[str, Any] = yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
    return manifest


@pytest.mark.parametrize("name", MANIFESTS)
def test_manifest_grants_required_scopes_and_events(name: str) -> None:
    manifest = load(name)

    assert set(manifest["oauth_config"]["scopes"]["bot"]) >= REQUIRED_SCOPES
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) >= REQUIRED_EVENTS
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["features"]["app_home"]["messages_tab_enabled"] is True
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == ["/chamado"]


def test_socket_manifest_needs_no_url() -> None:
    settings = load("slack-manifest.yml")["settings"]

    assert settings["socket_mode_enabled"] is True
    assert "request_url" not in settings["event_subscriptions"]


def test_http_manifest_points_at_events_path() -> None:
    settings = load("slack-manifest.http.yml")["settings"]

    assert settings["socket_mode_enabled"] is False
    assert settings["event_subscriptions"]["request_url"].endswith("/slack/events")
    assert settings["interactivity"]["request_url"].endswith("/slack/events")


def test_readme_test_command_is_what_ci_runs() -> None:
    command = "bash scripts/install.sh --dev && .venv/bin/python -m pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")

    for readme in ("README.md", "README.pt-BR.md"):
        assert command in (ROOT / readme).read_text(encoding="utf-8")
    assert "bash scripts/install.sh --dev" in ci
    assert ".venv/bin/python -m pytest" in ci
