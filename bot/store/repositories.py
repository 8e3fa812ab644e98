"""Queries, named by the shape of what they return; the caller owns the transaction."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from bot.store.enums import EventKind, ReplyState
from bot.store.models import (
    ProcessedEvent,
    Requester,
    Ticket,
    TicketEvent,
    TicketMessage,
)


class RequesterRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get_by_slack_id(self, slack_user_id: str) -> Requester | None:
        return self.session.scalars(
            select(Requester).where(Requester.slack_user_id == slack_user_id)
        ).one_or_none()

    def get_or_create(self, slack_user_id: str, now: datetime) -> Requester:
        requester = self.get_by_slack_id(slack_user_id)
        if requester is None:
            requester = Requester(slack_user_id=slack_user_id, created_at=now, updated_at=now)
            self.session.add(requester)
            self.session.flush()
        return requester


class TicketRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get_by_id(self, ticket_id: int) -> Ticket | None:
        return self.session.get(Ticket, ticket_id)

    def get_by_key(self, key: str) -> Ticket | None:
        return self.session.scalars(select(Ticket).where(Ticket.key == key)).one_or_none()

    def get_by_root(self, channel_id: str, root_ts: str) -> Ticket | None:
        """Return the latest chamado of a thread: the one it started, or one opened later."""
        return self.session.scalars(
            select(Ticket)
            .where(
                Ticket.channel_id == channel_id,
                or_(Ticket.root_ts == root_ts, Ticket.thread_ts == root_ts),
            )
            .order_by(Ticket.id.desc())
            .limit(1)
        ).one_or_none()

    def get_by_triage(self, channel_id: str, triage_ts: str) -> Ticket | None:
        """Return the chamado whose triage card is this message (its thread is the agents' side)."""
        return self.session.scalars(
            select(Ticket).where(
                Ticket.triage_channel_id == channel_id, Ticket.triage_ts == triage_ts
            )
        ).one_or_none()

    def add(self, ticket: Ticket, key_prefix: str, key_start: int) -> Ticket:
        """Insert the ticket and give it its public key, derived from its id."""
        self.session.add(ticket)
        self.session.flush()
        ticket.key = f"{key_prefix}-{key_start + ticket.id}"
        self.session.flush()
        return ticket

    def add_event(
        self,
        ticket: Ticket,
        kind: EventKind,
        actor: str,
        now: datetime,
        data: dict[str, Any] | None = None,
    ) -> None:
        self.session.add(
            TicketEvent(
                ticket_id=ticket.id, kind=kind, actor=actor, data=data or {}, created_at=now
            )
        )

    def list_events(self, ticket_id: int) -> list[TicketEvent]:
        return list(
            self.session.scalars(
                select(TicketEvent)
                .where(TicketEvent.ticket_id == ticket_id)
                .order_by(TicketEvent.id)
            )
        )


class MessageRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get_by_id(self, message_id: int) -> TicketMessage | None:
        return self.session.get(TicketMessage, message_id)

    def get_by_ts(self, channel_id: str, ts: str) -> TicketMessage | None:
        return self.session.scalars(
            select(TicketMessage).where(
                TicketMessage.channel_id == channel_id, TicketMessage.ts == ts
            )
        ).one_or_none()

    def claim_reply(self, message_id: int, now: datetime, stale_before: datetime) -> bool:
        """Atomically move a message's reply from pending (or a stale claim) to sending."""
        result = self.session.execute(
            update(TicketMessage)
            .where(
                TicketMessage.id == message_id,
                or_(
                    TicketMessage.reply_state == ReplyState.PENDING,
                    (TicketMessage.reply_state == ReplyState.SENDING)
                    & (TicketMessage.reply_claimed_at < stale_before),
                ),
            )
            .values(reply_state=ReplyState.SENDING, reply_claimed_at=now)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0) == 1)

    def list_unanswered_ids(
        self, stale_before: datetime, limit: int = 500
    ) -> list[tuple[int, str]]:
        """Inbound messages whose after-ack work never finished, with their route."""
        rows = self.session.execute(
            select(TicketMessage.id, TicketMessage.route)
            .where(
                or_(
                    TicketMessage.reply_state == ReplyState.PENDING,
                    (TicketMessage.reply_state == ReplyState.SENDING)
                    & (TicketMessage.reply_claimed_at < stale_before),
                ),
            )
            .order_by(TicketMessage.id)
            .limit(limit)
        )
        # Messages recorded before routes existed were all first contacts.
        return [(int(row[0]), str(row[1] or "first_contact")) for row in rows]


# A claim older than this belongs to an instance that died while sending.
STALE_CLAIM = timedelta(minutes=2)


def claim_message(
    session: Session, message_id: int, now: datetime
) -> tuple[TicketMessage, Ticket, Requester] | None:
    """Claim a message's after-ack work and load it with its chamado and requester.

    Returns `None` when the work is done or another worker holds a fresh claim.
    """
    messages = MessageRepository(session)
    if not messages.claim_reply(message_id, now, now - STALE_CLAIM):
        return None
    message = messages.get_by_id(message_id)
    assert message is not None
    ticket = session.get(Ticket, message.ticket_id)
    assert ticket is not None
    assert ticket.key is not None
    requester = session.get(Requester, ticket.requester_id)
    assert requester is not None
    return message, ticket, requester


class ProcessedEventRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def exists(self, event_id: str) -> bool:
        return self.session.get(ProcessedEvent, event_id) is not None

    def add(self, event_id: str, event_type: str, now: datetime) -> None:
        self.session.add(ProcessedEvent(event_id=event_id, event_type=event_type, received_at=now))
