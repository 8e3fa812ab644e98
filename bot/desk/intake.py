"""MOF step 1, record the request: every human message becomes part of a chamado."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.clock import Clock
from bot.desk.commands import (
    IncomingMessage,
    MessageDeletion,
    MessageEdit,
    RecordOutcome,
    RecordStatus,
    Route,
)
from bot.desk.describe import describe
from bot.store.database import Database
from bot.store.enums import EventKind, MessageDirection, ReplyState, TicketSource, TicketStatus
from bot.store.models import Requester, Ticket, TicketMessage
from bot.store.repositories import (
    MessageRepository,
    ProcessedEventRepository,
    RequesterRepository,
    TicketRepository,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class TicketKeys:
    """Format of public ticket keys: `{prefix}-{start + id}`, e.g. CH-1001."""

    prefix: str = "CH"
    start: int = 1000


def _first_delivery(session: Session, event_id: str | None, event_type: str, now: datetime) -> bool:
    """Mark the event processed; False when an earlier delivery already was."""
    if event_id is None:
        return True
    events = ProcessedEventRepository(session)
    if events.exists(event_id):
        return False
    events.add(event_id, event_type, now)
    return True


class Intake:
    """Records messages, edits and deletions; every call is one transaction."""

    def __init__(self, database: Database, clock: Clock, keys: TicketKeys) -> None:
        self.database = database
        self.clock = clock
        self.keys = keys

    def record(self, message: IncomingMessage) -> RecordOutcome:
        """Store a human message: open a chamado, join an existing one, or ignore it.

        Unique constraints on the event id, on (channel, ts) of messages and on (channel,
        root ts) of tickets settle races between duplicate deliveries and instances: the loser
        rolls back and reports a duplicate.
        """
        try:
            with self.database.transaction() as session:
                return self._record(session, message)
        except IntegrityError:
            logger.info(
                "duplicate delivery lost the insert race",
                extra={
                    "event_id": message.event_id,
                    "channel": message.channel_id,
                    "ts": message.ts,
                },
            )
            return RecordOutcome(RecordStatus.DUPLICATE)

    def _record(self, session: Session, message: IncomingMessage) -> RecordOutcome:
        now = self.clock.now()
        events = ProcessedEventRepository(session)
        messages = MessageRepository(session)
        tickets = TicketRepository(session)

        if message.event_id and events.exists(message.event_id):
            return RecordOutcome(RecordStatus.DUPLICATE)
        if messages.get_by_ts(message.channel_id, message.ts) is not None:
            # The same post arrives as `message` and as `app_mention` with different event ids.
            self._mark_processed(events, message, now)
            return RecordOutcome(RecordStatus.DUPLICATE)

        ticket = tickets.get_by_root(message.channel_id, message.root_ts)
        on_card = False
        if ticket is None and message.is_thread_reply:
            ticket = tickets.get_by_triage(message.channel_id, message.root_ts)
            on_card = ticket is not None
        if ticket is not None and not on_card and self._reopens_as_new(session, ticket, message):
            ticket = self._open_linked_ticket(session, ticket, message)
            is_new = True
        else:
            is_new = ticket is None
        if ticket is None:
            if message.opens_ticket_as is None:
                return RecordOutcome(RecordStatus.IGNORED)
            ticket = self._open_ticket(session, message)

        route = self._route(session, ticket, message, is_new, on_card)
        needs_reply = route is not None
        stored = TicketMessage(
            ticket_id=ticket.id,
            direction=MessageDirection.INBOUND,
            channel_id=message.channel_id,
            ts=message.ts,
            thread_ts=message.thread_ts,
            slack_user_id=message.user_id,
            text=message.text,
            raw_text=message.raw_text,
            files=[vars(file) for file in message.files],
            subtype=message.subtype,
            reply_state=ReplyState.PENDING if needs_reply else ReplyState.DONE,
            route=route.value if route else None,
            created_at=now,
        )
        session.add(stored)
        if not is_new and message.ts == ticket.root_ts:
            # The root arrived after a reply had opened the chamado: it describes the request.
            ticket.title, ticket.description = describe(message.text, message.files)
        if not is_new:
            ticket.updated_at = now
            tickets.add_event(
                ticket, EventKind.MESSAGE_ADDED, message.user_id, now, {"ts": message.ts}
            )
        self._mark_processed(events, message, now)
        session.flush()

        status = RecordStatus.NEW_TICKET if is_new else RecordStatus.ADDED_TO_TICKET
        if route == Route.FIRST_CONTACT and not is_new:
            status = RecordStatus.DETAILS_ADDED
        logger.info(
            "message recorded",
            extra={
                "ticket": ticket.key,
                "channel": message.channel_id,
                "user": message.user_id,
                "ts": message.ts,
                "event_id": message.event_id,
            },
        )
        return RecordOutcome(status, ticket.key, stored.id, route)

    def _route(
        self,
        session: Session,
        ticket: Ticket,
        message: IncomingMessage,
        is_new: bool,
        on_card: bool,
    ) -> Route | None:
        """Decide the after-ack work: first contact, a relay to the other side, or nothing."""
        if is_new or self._awaits_details(session, ticket, message):
            return Route.FIRST_CONTACT
        if on_card:
            # Whether it is an agent's reply or an internal note is settled after the ack.
            return Route.TO_REQUESTER
        requester = session.get(Requester, ticket.requester_id)
        from_requester = requester is not None and requester.slack_user_id == message.user_id
        if from_requester and ticket.status == TicketStatus.RESOLVED and ticket.reminder_at:
            self._reopen_on_reply(session, ticket, message)
        if from_requester and ticket.triage_ts is not None:
            return Route.TO_CARD
        return None

    def _reopen_on_reply(self, session: Session, ticket: Ticket, message: IncomingMessage) -> None:
        """Reopen for the agent, because a reply during the grace period means it is not solved."""
        now = self.clock.now()
        reopened = TicketStatus.IN_PROGRESS if ticket.assignee_user_id else TicketStatus.NEW
        TicketRepository(session).add_event(
            ticket,
            EventKind.STATUS_CHANGED,
            message.user_id,
            now,
            {"from": ticket.status.value, "to": reopened.value, "reason": "reply_in_grace"},
        )
        ticket.status, ticket.status_changed_at = reopened, now
        ticket.resolution = ticket.resolved_at = None
        ticket.reminder_at = ticket.autoclose_at = ticket.reminded_at = None

    @staticmethod
    def _awaits_details(session: Session, ticket: Ticket, message: IncomingMessage) -> bool:
        """Return whether this is the requester's reply to the bot's request for details."""
        if ticket.status != TicketStatus.NEW or ticket.escalated_at is not None:
            return False
        if (ticket.details or {}).get("action") != "ask_details":
            return False
        requester = session.get(Requester, ticket.requester_id)
        return requester is not None and requester.slack_user_id == message.user_id

    @staticmethod
    def _reopens_as_new(session: Session, ticket: Ticket, message: IncomingMessage) -> bool:
        """Return whether the requester writes again in the thread of an ended chamado."""
        ended = ticket.status in (
            TicketStatus.CLOSED,
            TicketStatus.CANCELLED,
            TicketStatus.SMALL_TALK,
        ) or (ticket.status == TicketStatus.RESOLVED and ticket.reminder_at is None)
        if not ended or not message.is_thread_reply or message.ts == ticket.root_ts:
            return False
        requester = session.get(Requester, ticket.requester_id)
        return requester is not None and requester.slack_user_id == message.user_id

    def _open_linked_ticket(
        self, session: Session, parent: Ticket, message: IncomingMessage
    ) -> Ticket:
        """Open a new chamado in the old thread, linked to the one that ended."""
        return self._insert_ticket(
            session,
            message,
            parent.requester_id,
            parent.source,
            message.ts,
            thread_ts=parent.conversation_ts,
            parent_ticket_id=parent.id,
            language=parent.language,
            event_data={"parent": parent.key},
        )

    def _open_ticket(self, session: Session, message: IncomingMessage) -> Ticket:
        assert message.opens_ticket_as is not None
        requester = RequesterRepository(session).get_or_create(message.user_id, self.clock.now())
        return self._insert_ticket(
            session, message, requester.id, message.opens_ticket_as, message.root_ts
        )

    def _insert_ticket(
        self,
        session: Session,
        message: IncomingMessage,
        requester_id: int,
        source: TicketSource,
        root_ts: str,
        event_data: dict[str, Any] | None = None,
        **values: Any,
    ) -> Ticket:
        now = self.clock.now()
        title, description = describe(message.text, message.files)
        tickets = TicketRepository(session)

        ticket = tickets.add(
            Ticket(
                requester_id=requester_id,
                source=source,
                channel_id=message.channel_id,
                root_ts=root_ts,
                status=TicketStatus.NEW,
                title=title,
                description=description,
                created_at=now,
                updated_at=now,
                **values,
            ),
            self.keys.prefix,
            self.keys.start,
        )
        tickets.add_event(
            ticket,
            EventKind.CREATED,
            message.user_id,
            now,
            {"source": source.value, "ts": message.ts, **(event_data or {})},
        )
        return ticket

    @staticmethod
    def _mark_processed(
        events: ProcessedEventRepository, message: IncomingMessage, now: datetime
    ) -> None:
        if message.event_id:
            events.add(message.event_id, message.event_type, now)

    def edit(self, edit: MessageEdit) -> str | None:
        """Store the new text of an edited message; return its ticket key, if it has one."""
        try:
            with self.database.transaction() as session:
                return self._edit(session, edit)
        except IntegrityError:
            return None

    def _edit(self, session: Session, edit: MessageEdit) -> str | None:
        now = self.clock.now()
        if not _first_delivery(session, edit.event_id, "message_changed", now):
            return None

        stored = MessageRepository(session).get_by_ts(edit.channel_id, edit.ts)
        if stored is None or stored.text == edit.text:
            # Unfurls and other changes that leave the text alone are not edits.
            return None

        tickets = TicketRepository(session)
        ticket = tickets.get_by_id(stored.ticket_id)
        assert ticket is not None
        previous_text = stored.text
        stored.text = edit.text
        stored.raw_text = edit.raw_text
        stored.edited_at = now
        if ticket.root_ts == stored.ts and ticket.channel_id == stored.channel_id:
            ticket.title, ticket.description = describe(edit.text, ())
        ticket.updated_at = now
        tickets.add_event(
            ticket,
            EventKind.MESSAGE_EDITED,
            stored.slack_user_id or "unknown",
            now,
            # The message now contains the new text; the audit trail keeps the replaced one.
            {"ts": stored.ts, "previous_text": previous_text},
        )
        return ticket.key

    def delete(self, deletion: MessageDeletion) -> str | None:
        """Mark a message deleted; its text stays in the record for the audit trail."""
        try:
            with self.database.transaction() as session:
                return self._delete(session, deletion)
        except IntegrityError:
            return None

    def _delete(self, session: Session, deletion: MessageDeletion) -> str | None:
        now = self.clock.now()
        if not _first_delivery(session, deletion.event_id, "message_deleted", now):
            return None

        stored = MessageRepository(session).get_by_ts(deletion.channel_id, deletion.ts)
        if stored is None or stored.deleted_at is not None:
            return None

        tickets = TicketRepository(session)
        ticket = tickets.get_by_id(stored.ticket_id)
        assert ticket is not None
        stored.deleted_at = now
        ticket.updated_at = now
        tickets.add_event(
            ticket,
            EventKind.MESSAGE_DELETED,
            stored.slack_user_id or "unknown",
            now,
            {"ts": stored.ts},
        )
        return ticket.key
