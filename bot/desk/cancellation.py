"""The requester withdraws a chamado before anyone works on it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import update

from bot.clock import Clock
from bot.store.database import Database
from bot.store.enums import OPEN_STATUSES, EventKind, TicketStatus
from bot.store.models import Requester, Ticket
from bot.store.repositories import TicketRepository


class CancelStatus(StrEnum):
    CANCELLED = "cancelled"
    ALREADY_CANCELLED = "already_cancelled"
    ALREADY_CLOSED = "already_closed"
    NOT_REQUESTER = "not_requester"
    NOT_FOUND = "not_found"


@dataclass(frozen=True)
class CancelOutcome:
    status: CancelStatus
    ticket_key: str
    channel_id: str | None = None
    root_ts: str | None = None
    ack_reply_ts: str | None = None
    language: str | None = None


class Cancellation:
    def __init__(self, database: Database, clock: Clock) -> None:
        self.database = database
        self.clock = clock

    def cancel(self, ticket_key: str, user_id: str) -> CancelOutcome:
        """Cancel an open chamado on its requester's behalf.

        The status change is one conditional UPDATE, so a double click cancels once and the
        second click sees `ALREADY_CANCELLED`.
        """
        now = self.clock.now()
        with self.database.transaction() as session:
            tickets = TicketRepository(session)
            ticket = tickets.get_by_key(ticket_key)
            if ticket is None:
                return CancelOutcome(CancelStatus.NOT_FOUND, ticket_key)
            requester = session.get(Requester, ticket.requester_id)
            assert requester is not None
            if requester.slack_user_id != user_id:
                return CancelOutcome(CancelStatus.NOT_REQUESTER, ticket_key)

            result = session.execute(
                update(Ticket)
                .where(Ticket.id == ticket.id, Ticket.status.in_(OPEN_STATUSES))
                .values(status=TicketStatus.CANCELLED, closed_at=now, updated_at=now)
                .execution_options(synchronize_session=False)
            )
            if getattr(result, "rowcount", 0) != 1:
                session.refresh(ticket)
                if ticket.status == TicketStatus.CANCELLED:
                    return CancelOutcome(CancelStatus.ALREADY_CANCELLED, ticket_key)
                return CancelOutcome(CancelStatus.ALREADY_CLOSED, ticket_key)

            tickets.add_event(
                ticket,
                EventKind.STATUS_CHANGED,
                user_id,
                now,
                {"from": ticket.status.value, "to": TicketStatus.CANCELLED.value},
            )
            return CancelOutcome(
                CancelStatus.CANCELLED,
                ticket_key,
                channel_id=ticket.channel_id,
                root_ts=ticket.conversation_ts,
                ack_reply_ts=ticket.ack_reply_ts,
                language=ticket.language,
            )
