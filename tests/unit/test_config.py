"""Settings: defaults, validation messages and the documented `.env.example`."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.config import Settings, SlackMode

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)


def make(**values: object) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def test_defaults_select_local_workspace() -> None:
    settings = make()

    assert settings.slack_mode is SlackMode.LOCAL
    assert settings.database_url.startswith("sqlite:///")
    assert settings.default_locale == "pt-BR"


def test_app_token_selects_socket_mode() -> None:
    settings = make(slack_bot_token="xoxb-1", slack_app_token="xapp-1")

    assert settings.slack_mode is SlackMode.SOCKET


def test_signing_secret_selects_http_mode() -> None:
    settings = make(slack_bot_token="xoxb-1", slack_signing_secret="abc")

    assert settings.slack_mode is SlackMode.HTTP


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"slack_bot_token": "xoxb-1"}, "neither SLACK_APP_TOKEN"),
        ({"slack_bot_token": "xoxp-1", "slack_app_token": "xapp-1"}, "starting with 'xoxb-'"),
        ({"slack_signing_secret": "abc"}, "without SLACK_BOT_TOKEN"),
        ({"default_locale": "es"}, "must be one of pt-BR, en"),
        ({"time_zone": "Mars/Olympus"}, "IANA time zone"),
        ({"ticket_key_prefix": "ch-"}, "upper-case"),
        ({"log_level": "LOUD"}, "DEBUG, INFO"),
    ],
)
def test_invalid_settings_name_the_problem(values: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        make(**values)


def test_help_channels_read_from_comma_separated_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BALCAO_HELP_CHANNELS", "#ajuda-ti, suporte ,C0123")

    assert make().help_channels == ["ajuda-ti", "suporte", "C0123"]


def test_env_example_documents_every_setting() -> None:
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    documented = {
        line.split("=", 1)[0]
        for line in example.splitlines()
        if "=" in line and not line.startswith("#")
    }

    for name, field in Settings.model_fields.items():
        aliases = getattr(field.validation_alias, "choices", None)
        env_name = str(aliases[0]) if aliases else f"BALCAO_{name.upper()}"
        assert env_name in documented, f"{env_name} is missing from .env.example"
