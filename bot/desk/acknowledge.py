"""After the ack: complete the requester's profile and record the bot's first reply."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.clock import Clock
from bot.desk.commands import RequesterProfile
from bot.store.database import Database
from bot.store.enums import EventKind, MessageDirection, ReplyState
from bot.store.models import Requester, Ticket, TicketMessage
from bot.store.repositories import (
    STALE_CLAIM,
    MessageRepository,
    RequesterRepository,
    TicketRepository,
    claim_message,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PendingReply:
    """Data the Slack side needs to reply to one newly recorded chamado."""

    message_id: int
    ticket_key: str
    channel_id: str
    root_ts: str
    requester_id: str
    text: str
    file_names: tuple[str, ...]
    profile_is_stale: bool
    requester_locale: str | None
    requester_time_zone: str | None
    opened_at: datetime


def _load(session: Session, pending: PendingReply) -> tuple[Ticket, TicketMessage]:
    ticket = TicketRepository(session).get_by_key(pending.ticket_key)
    message = MessageRepository(session).get_by_id(pending.message_id)
    assert ticket is not None and message is not None
    return ticket, message


class Acknowledger:
    def __init__(self, database: Database, clock: Clock, profile_max_age: timedelta) -> None:
        self.database = database
        self.clock = clock
        self.profile_max_age = profile_max_age

    def claim(self, message_id: int) -> PendingReply | None:
        """Take the reply of one message for this worker; `None` if another has it or it is done."""
        now = self.clock.now()
        with self.database.transaction() as session:
            claimed = claim_message(session, message_id, now)
            if claimed is None:
                return None
            message, ticket, requester = claimed
            assert ticket.key is not None
            return PendingReply(
                message_id=message_id,
                ticket_key=ticket.key,
                channel_id=ticket.channel_id,
                root_ts=ticket.conversation_ts,
                requester_id=requester.slack_user_id,
                text=message.text,
                file_names=tuple(str(file.get("name", "")) for file in message.files),
                profile_is_stale=self._is_stale(requester, now),
                requester_locale=requester.locale,
                requester_time_zone=requester.time_zone,
                opened_at=ticket.created_at,
            )

    def _is_stale(self, requester: Requester, now: datetime) -> bool:
        fetched = requester.profile_fetched_at
        return fetched is None or now - fetched > self.profile_max_age

    def update_requester(self, profile: RequesterProfile) -> None:
        """Cache the requester's Slack profile (contact details, locale, time zone)."""
        now = self.clock.now()
        with self.database.transaction() as session:
            requester = RequesterRepository(session).get_or_create(profile.user_id, now)
            requester.name = profile.name
            requester.email = profile.email
            requester.title = profile.title
            requester.department = profile.department
            requester.locale = profile.locale
            requester.time_zone = profile.time_zone
            requester.is_deactivated = profile.is_deactivated
            requester.profile_fetched_at = now
            requester.updated_at = now

    def record_profile_failure(self, pending: PendingReply, error: str) -> None:
        with self.database.transaction() as session:
            tickets = TicketRepository(session)
            ticket = tickets.get_by_key(pending.ticket_key)
            assert ticket is not None
            tickets.add_event(
                ticket,
                EventKind.REQUESTER_PROFILE_FAILED,
                "bot",
                self.clock.now(),
                {"error": error},
            )

    def record_reply(self, pending: PendingReply, reply_ts: str, text: str, language: str) -> None:
        """Store the bot's reply as an outbound message and close the message's after-ack work."""
        now = self.clock.now()
        with self.database.transaction() as session:
            tickets = TicketRepository(session)
            ticket, message = _load(session, pending)
            session.add(
                TicketMessage(
                    ticket_id=ticket.id,
                    direction=MessageDirection.OUTBOUND,
                    channel_id=ticket.channel_id,
                    ts=reply_ts,
                    thread_ts=ticket.conversation_ts,
                    slack_user_id=None,
                    text=text,
                    raw_text=text,
                    files=[],
                    created_at=now,
                )
            )
            ticket.ack_reply_ts = reply_ts
            ticket.language = language
            ticket.updated_at = now
            message.reply_state = ReplyState.DONE
            tickets.add_event(ticket, EventKind.REPLIED, "bot", now, {"ts": reply_ts})

    def record_reply_failure(self, pending: PendingReply, error: str) -> None:
        """Record a permanent Slack error on the ticket; the message is not retried again."""
        now = self.clock.now()
        with self.database.transaction() as session:
            ticket, message = _load(session, pending)
            message.reply_state = ReplyState.FAILED
            TicketRepository(session).add_event(
                ticket, EventKind.REPLY_FAILED, "bot", now, {"error": error}
            )

    def list_unanswered(self) -> list[tuple[int, str]]:
        """Messages whose reply never went out, e.g. because the bot stopped mid-way."""
        now = self.clock.now()
        with self.database.transaction() as session:
            return MessageRepository(session).list_unanswered_ids(now - STALE_CLAIM)
