"""MOF step 4, confirm and close: reminders, then closure when the requester stays silent."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from bot.clock import Clock
from bot.desk.business_calendar import BusinessCalendar
from bot.desk.escalation import TicketCard, card_of
from bot.store.database import Database
from bot.store.enums import EventKind, Resolution, TicketStatus
from bot.store.models import Ticket
from bot.store.repositories import TicketRepository

logger = logging.getLogger(__name__)

# Chamados that wait for the requester's confirmation: resolved by an agent, or answered
# from the knowledge base and neither confirmed nor escalated (both keep `reminder_at` set).
AWAITING = (TicketStatus.NEW, TicketStatus.RESOLVED)


@dataclass(frozen=True)
class ClosurePolicy:
    calendar: BusinessCalendar
    reminder_days: int = 1
    grace_days: int = 3

    def schedule(self, now: datetime) -> tuple[datetime, datetime]:
        """When to remind, and when to close if the reminder goes unanswered."""
        reminder = self.calendar.add_days(now, self.reminder_days)
        return reminder, self.calendar.add_days(reminder, self.grace_days)


class Closure:
    """Finds and applies due reminders and closures; each applies once, whatever the retries."""

    def __init__(self, database: Database, clock: Clock) -> None:
        self.database = database
        self.clock = clock

    def due(self) -> tuple[list[str], list[str]]:
        """Keys of chamados to remind now and of chamados to close now."""
        now = self.clock.now()
        with self.database.transaction() as session:
            remind = session.scalars(
                select(Ticket.key).where(
                    Ticket.reminder_at <= now,
                    Ticket.reminded_at.is_(None),
                    Ticket.status.in_(AWAITING),
                    Ticket.autoclose_at > now,
                )
            )
            close = session.scalars(
                select(Ticket.key).where(
                    Ticket.autoclose_at <= now,
                    Ticket.status.in_(AWAITING),
                )
            )
            return [str(key) for key in remind], [str(key) for key in close]

    def remind(self, key: str) -> TicketCard | None:
        """Mark the reminder sent; `None` when another run already did or it no longer applies."""
        now = self.clock.now()
        with self.database.transaction() as session:
            ticket = TicketRepository(session).get_by_key(key)
            if ticket is None:
                return None
            result = session.execute(
                update(Ticket)
                .where(
                    Ticket.id == ticket.id,
                    Ticket.reminded_at.is_(None),
                    Ticket.reminder_at <= now,
                    Ticket.status.in_(AWAITING),
                )
                .values(reminded_at=now)
                .execution_options(synchronize_session=False)
            )
            if getattr(result, "rowcount", 0) != 1:
                return None
            session.refresh(ticket)
            TicketRepository(session).add_event(ticket, EventKind.REMINDED, "bot", now, {})
            return card_of(session, ticket)

    def close(self, key: str) -> TicketCard | None:
        """Close a chamado whose grace period ran out; `None` if it is no longer waiting."""
        now = self.clock.now()
        with self.database.transaction() as session:
            ticket = TicketRepository(session).get_by_key(key)
            if ticket is None:
                return None
            resolution = ticket.resolution or Resolution.AUTO_CLOSED
            result = session.execute(
                update(Ticket)
                .where(
                    Ticket.id == ticket.id,
                    Ticket.autoclose_at <= now,
                    Ticket.status.in_(AWAITING),
                )
                .values(
                    status=TicketStatus.CLOSED,
                    closed_at=now,
                    status_changed_at=now,
                    updated_at=now,
                    resolution=resolution,
                    reminder_at=None,
                    autoclose_at=None,
                )
                .execution_options(synchronize_session=False)
            )
            if getattr(result, "rowcount", 0) != 1:
                return None
            session.refresh(ticket)
            TicketRepository(session).add_event(
                ticket,
                EventKind.STATUS_CHANGED,
                "bot",
                now,
                {"to": "closed", "reason": "no_answer"},
            )
            return card_of(session, ticket)
