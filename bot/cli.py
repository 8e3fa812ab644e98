"""The `balcao` command: run the bot, chat with it locally, manage the database."""

from __future__ import annotations

import logging
import os
import signal
import sys
import tempfile
import threading
from pathlib import Path
from types import FrameType
from typing import Any

import click
from pydantic import ValidationError
from slack_sdk.errors import SlackClientError
from sqlalchemy.exc import SQLAlchemyError

from bot.config import Settings, SlackMode
from bot.i18n import language_for, t
from bot.logs import setup_logging
from bot.runtime import Runtime
from classifier.catalogue import CatalogueError
from kb.articles_loader import ArticleError

logger = logging.getLogger(__name__)

LOG_LEVELS = click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False)


def operator_language() -> str:
    """Return the language of operator messages, readable even when the settings are invalid."""
    return language_for(os.environ.get("BALCAO_DEFAULT_LOCALE") or os.environ.get("LANG"))


def load_settings(**overrides: object) -> Settings:
    """Read settings, turning validation errors into one readable message per setting."""
    try:
        given: dict[str, Any] = {
            name: value for name, value in overrides.items() if value is not None
        }
        return Settings(**given)
    except ValidationError as error:
        # NOTE: the per-setting details come from the validators and are in English.
        lines = [t(operator_language(), "cli.invalid_config")]
        for problem in error.errors():
            lines.append(
                f"  - {_variable_name(problem['loc'])}: "
                f"{str(problem['msg']).removeprefix('Value error, ')}"
            )
        raise click.ClickException("\n".join(lines)) from None


def _variable_name(location: tuple[int | str, ...]) -> str:
    """Return the environment variable behind a settings field, as the operator spells it."""
    if not location:
        return "Settings"
    name = str(location[0])
    field = Settings.model_fields.get(name)
    aliases = getattr(field.validation_alias, "choices", None) if field else None
    return str(aliases[0]) if aliases else f"BALCAO_{name.upper()}"


def _start(runtime: Runtime) -> None:
    """Start the bot, turning the usual start-up failures into one readable message."""
    try:
        runtime.start()
    except (OSError, SQLAlchemyError, SlackClientError, CatalogueError, ArticleError) as error:
        runtime.stop()
        detail = str(error).splitlines()[0][:300] if str(error) else type(error).__name__
        raise click.ClickException(
            t(operator_language(), "cli.start_failed", error=f"{type(error).__name__}: {detail}")
        ) from None


@click.group()
@click.version_option(package_name="balcao")
def main() -> None:
    """Balcão: the service desk's front door in Slack."""


@main.command()
@click.option(
    "--log-level", type=LOG_LEVELS, default=None, help="Log verbosity; overrides BALCAO_LOG_LEVEL."
)
@click.option(
    "--chat/--no-chat",
    default=None,
    help="Open the terminal chat (local workspace only; default: when stdin is a terminal).",
)
def run(log_level: str | None, chat: bool | None) -> None:
    """Serve the bot: on Slack with credentials, on the local workspace without them."""
    settings = load_settings(log_level=log_level)
    open_chat = chat if chat is not None else sys.stdin.isatty()
    chatting = settings.slack_mode == SlackMode.LOCAL and open_chat
    # Log lines would interleave with the chat; show only problems unless asked for more.
    setup_logging(settings.log_level if log_level or not chatting else "WARNING")
    runtime = Runtime(settings)
    _start(runtime)

    try:
        if chatting:
            from bot.localslack.chat import ChatSession

            ChatSession(runtime).interactive()
        else:
            _wait_for_signal(runtime)
    finally:
        runtime.stop()


def _wait_for_signal(runtime: object) -> None:
    stop = threading.Event()

    def request_stop(signum: int, _frame: FrameType | None) -> None:
        logger.info("stop requested by signal %s", signum)
        stop.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    stop.wait()


@main.command()
@click.option(
    "--script",
    "script",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    required=True,
    help="File of chat commands, one per line.",
)
@click.option(
    "--log-level",
    type=LOG_LEVELS,
    default="WARNING",
    show_default=True,
    help="Log verbosity while the script runs.",
)
def chat(script: Path, log_level: str) -> None:
    """Replay a terminal chat from a file on the local workspace and print the transcript.

    Without DATABASE_URL the chat uses a fresh temporary database, like the fresh local
    workspace, so a script prints the same transcript every time. Exits 1 if a line failed.
    """
    from bot.localslack.chat import ChatSession

    overrides: dict[str, object] = {"log_level": log_level}
    scratch = None
    if not os.environ.get("DATABASE_URL"):
        scratch = tempfile.TemporaryDirectory(prefix="balcao-chat-")
        overrides["database_url"] = f"sqlite:///{Path(scratch.name) / 'chat.db'}"
    settings = load_settings(**overrides)
    if settings.slack_mode != SlackMode.LOCAL:
        raise click.ClickException(t(operator_language(), "cli.chat_local_only"))
    setup_logging(settings.log_level)
    runtime = Runtime(settings)
    _start(runtime)
    try:
        ok = ChatSession(runtime).run_script(script.read_text(encoding="utf-8").splitlines())
    finally:
        runtime.stop()
        if scratch is not None:
            scratch.cleanup()
    if not ok:
        sys.exit(1)


@main.group()
def db() -> None:
    """Database commands."""


@db.command()
@click.option("--revision", default="head", show_default=True, help="Target Alembic revision.")
def upgrade(revision: str) -> None:
    """Apply the database migrations (also done by `balcao run`)."""
    from bot.store.database import Database
    from bot.store.migrate import upgrade as upgrade_schema

    settings = load_settings()
    setup_logging(settings.log_level)
    database = Database(settings.database_url)
    upgrade_schema(database, revision)
    url = database.engine.url.render_as_string(hide_password=True)
    click.echo(t(operator_language(), "cli.db_upgraded", url=url, revision=revision))


def _register_tools() -> None:
    from bot.cli_reports import export_group, report_command
    from bot.cli_schedule import jobs_command, sla_command
    from bot.cli_tools import evaluate, kb, replay_command

    main.add_command(report_command)
    main.add_command(export_group)
    main.add_command(jobs_command)
    main.add_command(sla_command)
    main.add_command(kb)
    main.add_command(evaluate)
    main.add_command(replay_command)


_register_tools()
