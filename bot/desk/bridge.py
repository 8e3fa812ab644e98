"""The conversation bridge between the requester's thread and the agents' card thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from bot.clock import Clock
from bot.desk.commands import Route
from bot.desk.sla import SlaPolicy
from bot.store.database import Database
from bot.store.enums import EventKind, MessageDirection, ReplyState, TicketStatus
from bot.store.models import Relay, Requester, Ticket, TicketMessage
from bot.store.repositories import MessageRepository, TicketRepository, claim_message


@dataclass(frozen=True)
class RelayJob:
    """One message to copy to the other side, with what the copy needs."""

    message_id: int
    route: Route
    ticket_key: str
    author_id: str
    text: str
    file_links: tuple[str, ...]
    source_channel_id: str
    source_ts: str
    target_channel_id: str
    target_thread_ts: str
    assignee_id: str | None
    requester_name: str | None
    language: str


@dataclass(frozen=True)
class RelayTarget:
    ticket_key: str
    route: Route
    target_channel_id: str
    target_ts: str
    author_id: str
    language: str
    requester_name: str | None


class BridgeStore:
    """Claims, records and looks up relays; one transaction per call."""

    def __init__(self, database: Database, clock: Clock, sla: SlaPolicy | None = None) -> None:
        self.database = database
        self.clock = clock
        self.sla = sla

    def claim(self, message_id: int) -> RelayJob | None:
        """Take a message's relay for this worker; `None` if it is done or another has it."""
        now = self.clock.now()
        with self.database.transaction() as session:
            claimed = claim_message(session, message_id, now)
            if claimed is None:
                return None
            message, ticket, requester = claimed
            assert message.route is not None
            assert ticket.key is not None
            route = Route(message.route)
            if route == Route.TO_CARD:
                target = (ticket.triage_channel_id or "", ticket.triage_ts or "")
            else:
                target = (ticket.channel_id, ticket.conversation_ts)
            return RelayJob(
                message_id=message_id,
                route=route,
                ticket_key=ticket.key,
                author_id=message.slack_user_id or "",
                text=message.text,
                file_links=tuple(
                    str(file.get("permalink") or file.get("name")) for file in message.files
                ),
                source_channel_id=message.channel_id,
                source_ts=message.ts,
                target_channel_id=target[0],
                target_thread_ts=target[1],
                assignee_id=ticket.assignee_user_id,
                requester_name=requester.name,
                language=ticket.language or "pt-BR",
            )

    def mark_internal(self, job: RelayJob) -> None:
        """Keep the message on the agents' side only: a note, or a reply before anyone assumed."""
        with self.database.transaction() as session:
            message = MessageRepository(session).get_by_id(job.message_id)
            assert message is not None
            message.internal = True
            message.reply_state = ReplyState.DONE

    def record_relay(self, job: RelayJob, target_ts: str, text: str) -> None:
        """Store the copy, its mapping for later edits, and the status and timing it implies."""
        now = self.clock.now()
        with self.database.transaction() as session:
            tickets = TicketRepository(session)
            ticket = tickets.get_by_key(job.ticket_key)
            message = MessageRepository(session).get_by_id(job.message_id)
            assert ticket is not None and message is not None
            session.add(
                Relay(
                    ticket_id=ticket.id,
                    source_channel_id=job.source_channel_id,
                    source_ts=job.source_ts,
                    target_channel_id=job.target_channel_id,
                    target_ts=target_ts,
                    created_at=now,
                )
            )
            session.add(
                TicketMessage(
                    ticket_id=ticket.id,
                    direction=MessageDirection.OUTBOUND,
                    channel_id=job.target_channel_id,
                    ts=target_ts,
                    thread_ts=job.target_thread_ts,
                    slack_user_id=None,
                    text=text,
                    raw_text=text,
                    files=[],
                    created_at=now,
                )
            )
            message.reply_state = ReplyState.DONE
            self._move_status(tickets, ticket, job, now)

    def _move_status(
        self, tickets: TicketRepository, ticket: Ticket, job: RelayJob, now: datetime
    ) -> None:
        # An agent's message waits on the requester; the requester's reply resumes the work.
        if job.route == Route.TO_REQUESTER:
            if ticket.first_response_at is None:
                ticket.first_response_at = now
            new_status = TicketStatus.WAITING_ON_REQUESTER
        else:
            new_status = TicketStatus.IN_PROGRESS
        if ticket.status in (TicketStatus.IN_PROGRESS, TicketStatus.WAITING_ON_REQUESTER) and (
            ticket.status != new_status
        ):
            tickets.add_event(
                ticket,
                EventKind.STATUS_CHANGED,
                job.author_id,
                now,
                {"from": ticket.status.value, "to": new_status.value},
            )
            ticket.status = new_status
            ticket.status_changed_at = now
            self._pause_or_resume(ticket, new_status, now)
        ticket.updated_at = now

    def _pause_or_resume(self, ticket: Ticket, status: TicketStatus, now: datetime) -> None:
        """Stop the resolution clock while the chamado waits on the requester, restart it after."""
        if status == TicketStatus.WAITING_ON_REQUESTER:
            ticket.sla_paused_at = now
        elif ticket.sla_paused_at is not None:
            paused = self.sla.calendar.between(ticket.sla_paused_at, now) if self.sla else None
            if paused is not None:
                ticket.sla_paused_seconds += int(paused.total_seconds())
            ticket.sla_paused_at = None

    def relayed_copy(self, channel_id: str, ts: str) -> RelayTarget | None:
        """Return where a message was copied to, so its edit or deletion can follow."""
        with self.database.transaction() as session:
            relay = session.scalars(
                select(Relay).where(Relay.source_channel_id == channel_id, Relay.source_ts == ts)
            ).one_or_none()
            if relay is None:
                return None
            ticket = session.get(Ticket, relay.ticket_id)
            message = MessageRepository(session).get_by_ts(channel_id, ts)
            assert ticket is not None and ticket.key is not None and message is not None
            requester = session.get(Requester, ticket.requester_id)
            return RelayTarget(
                ticket_key=ticket.key,
                route=Route(message.route or Route.TO_CARD),
                target_channel_id=relay.target_channel_id,
                target_ts=relay.target_ts,
                author_id=message.slack_user_id or "",
                language=ticket.language or "pt-BR",
                requester_name=requester.name if requester else None,
            )


def record_note(
    database: Database,
    clock: Clock,
    channel_id: str,
    thread_ts: str,
    ts: str,
    agent_id: str,
    text: str,
) -> str | None:
    """Store an internal note posted through the shortcut; return its chamado's key."""
    now = clock.now()
    with database.transaction() as session:
        tickets = TicketRepository(session)
        ticket = tickets.get_by_triage(channel_id, thread_ts)
        if ticket is None:
            return None
        session.add(
            TicketMessage(
                ticket_id=ticket.id,
                direction=MessageDirection.INBOUND,
                channel_id=channel_id,
                ts=ts,
                thread_ts=thread_ts,
                slack_user_id=agent_id,
                text=text,
                raw_text=text,
                files=[],
                internal=True,
                reply_state=ReplyState.DONE,
                created_at=now,
            )
        )
        tickets.add_event(
            ticket, EventKind.MESSAGE_ADDED, agent_id, now, {"ts": ts, "internal": True}
        )
        return ticket.key


def card_of_thread(database: Database, channel_id: str, thread_ts: str) -> str | None:
    """Return the key of the chamado whose triage card starts this thread, if any."""
    with database.transaction() as session:
        ticket = TicketRepository(session).get_by_triage(channel_id, thread_ts)
        return ticket.key if ticket else None
