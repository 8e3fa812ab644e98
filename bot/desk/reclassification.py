"""Agents correct a chamado's classification; each correction becomes a new exemplar."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from bot.clock import Clock
from bot.desk.escalation import Outcome, Result, card_of
from bot.store.database import Database
from bot.store.enums import OPEN_STATUSES, EventKind
from bot.store.models import LearnedExemplar
from bot.store.repositories import TicketRepository
from classifier.catalogue import Catalogue, RequestType

PRIORITIES = ("P1", "P2", "P3", "P4")


@dataclass(frozen=True)
class Correction:
    category: str
    request_type: str
    priority: str


@dataclass(frozen=True)
class Reclassified:
    result: Result
    changes: dict[str, tuple[str | None, str]] = field(default_factory=dict)
    learned: tuple[str, str] | None = None


class Reclassification:
    def __init__(self, database: Database, clock: Clock, catalogue: Catalogue) -> None:
        self.database = database
        self.clock = clock
        self.catalogue = catalogue

    def is_valid(self, correction: Correction) -> bool:
        return (
            self.catalogue.category(correction.category) is not None
            and correction.request_type in {kind.value for kind in RequestType}
            and correction.priority in PRIORITIES
        )

    def reclassify(self, key: str, agent_id: str, correction: Correction) -> Reclassified:
        """Apply the agent's category, type and priority; the audit trail keeps the old ones."""
        if not self.is_valid(correction):
            return Reclassified(Result(Outcome.NOT_ALLOWED))
        now = self.clock.now()
        with self.database.transaction() as session:
            tickets = TicketRepository(session)
            ticket = tickets.get_by_key(key)
            if ticket is None:
                return Reclassified(Result(Outcome.NOT_FOUND))
            if ticket.status not in OPEN_STATUSES:
                return Reclassified(Result(Outcome.CLOSED, card_of(session, ticket)))

            before = {
                "category": ticket.category,
                "request_type": ticket.request_type,
                "priority": ticket.priority,
            }
            after = {
                "category": correction.category,
                "request_type": correction.request_type,
                "priority": correction.priority,
            }
            changes = {
                name: (before[name], value)
                for name, value in after.items()
                if before[name] != value
            }
            if not changes:
                return Reclassified(Result(Outcome.ALREADY, card_of(session, ticket)))

            category = self.catalogue.category(correction.category)
            assert category is not None
            ticket.category, ticket.request_type = correction.category, correction.request_type
            ticket.priority, ticket.supported = correction.priority, True
            ticket.team, ticket.updated_at = category.team, now
            tickets.add_event(
                ticket,
                EventKind.RECLASSIFIED,
                agent_id,
                now,
                {name: {"from": old, "to": new} for name, (old, new) in changes.items()},
            )

            learned = None
            if "category" in changes:
                learned = (correction.category, ticket.description)
                session.add(
                    LearnedExemplar(
                        topic_id=correction.category,
                        text=ticket.description,
                        ticket_id=ticket.id,
                        created_by=agent_id,
                        created_at=now,
                    )
                )
            return Reclassified(Result(Outcome.DONE, card_of(session, ticket)), changes, learned)

    def learned_exemplars(self) -> list[tuple[str, str]]:
        """Every correction so far, to teach a freshly started classifier."""
        with self.database.transaction() as session:
            rows = session.execute(
                select(LearnedExemplar.topic_id, LearnedExemplar.text).order_by(LearnedExemplar.id)
            )
            return [(str(topic), str(text)) for topic, text in rows]
