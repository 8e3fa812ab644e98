"""Hand-offs of a chamado: self-service resolution, escalation to agents, assignment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.clock import Clock

if TYPE_CHECKING:
    from bot.desk.closure import ClosurePolicy
from bot.store.database import Database
from bot.store.enums import OPEN_STATUSES, EventKind, Resolution, TicketStatus
from bot.store.models import Requester, Ticket
from bot.store.repositories import TicketRepository


class Outcome(StrEnum):
    DONE = "done"
    ALREADY = "already"
    NOT_ALLOWED = "not_allowed"
    CLOSED = "closed"
    NOT_FOUND = "not_found"


@dataclass(frozen=True)
class TicketCard:
    """Chamado fields shown to agents and requesters."""

    key: str
    status: str
    requester_id: str
    requester_name: str | None
    requester_title: str | None
    requester_department: str | None
    title: str
    description: str
    category: str | None
    request_type: str | None
    priority: str | None
    team: str | None
    language: str
    channel_id: str
    root_ts: str
    kb_offered: tuple[str, ...]
    requester_declined_kb: bool
    assignee_id: str | None
    triage_channel_id: str | None
    triage_ts: str | None
    resolution_note: str | None = None
    resolution: str | None = None
    sla_response_due_at: datetime | None = None
    sla_resolution_due_at: datetime | None = None
    sla_alerts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Result:
    outcome: Outcome
    card: TicketCard | None = None
    assignee_id: str | None = None


def card_of(session: Session, ticket: Ticket) -> TicketCard:
    requester = session.get(Requester, ticket.requester_id)
    assert requester is not None and ticket.key is not None
    offered = tuple(str(item["article"]) for item in (ticket.details or {}).get("kb", []))
    return TicketCard(
        key=ticket.key,
        status=ticket.status.value,
        requester_id=requester.slack_user_id,
        requester_name=requester.name,
        requester_title=requester.title,
        requester_department=requester.department,
        title=ticket.title,
        description=ticket.description,
        category=ticket.category,
        request_type=ticket.request_type,
        priority=ticket.priority,
        team=ticket.team,
        language=ticket.language or "pt-BR",
        channel_id=ticket.channel_id,
        root_ts=ticket.conversation_ts,
        kb_offered=offered,
        requester_declined_kb=bool((ticket.details or {}).get("kb_declined")),
        assignee_id=ticket.assignee_user_id,
        triage_channel_id=ticket.triage_channel_id,
        triage_ts=ticket.triage_ts,
        resolution_note=ticket.resolution_note,
        resolution=ticket.resolution,
        sla_response_due_at=ticket.sla_response_due_at,
        sla_resolution_due_at=ticket.sla_resolution_due_at,
        sla_alerts=tuple(sorted((ticket.sla_alerts or {}).keys())),
    )


def _conditional_update(session: Session, ticket: Ticket, condition: Any, **values: Any) -> bool:
    result = session.execute(
        update(Ticket)
        .where(Ticket.id == ticket.id, condition)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 0) != 1:
        return False
    session.refresh(ticket)
    return True


class Handoffs:
    """Chamado hand-offs; each is one conditional UPDATE, so a double click changes it once."""

    def __init__(
        self, database: Database, clock: Clock, closure: ClosurePolicy | None = None
    ) -> None:
        self.database = database
        self.clock = clock
        self.closure = closure

    def _closure_times(self, now: datetime) -> dict[str, Any]:
        if self.closure is None:
            return {}
        reminder, autoclose = self.closure.schedule(now)
        return {"reminder_at": reminder, "autoclose_at": autoclose, "reminded_at": None}

    def card(self, key: str) -> TicketCard | None:
        with self.database.transaction() as session:
            ticket = TicketRepository(session).get_by_key(key)
            return card_of(session, ticket) if ticket else None

    def resolve_by_self_service(self, key: str, user_id: str) -> Result:
        """Close the chamado because the requester confirmed the KB article solved it."""
        now = self.clock.now()
        return self._end(
            key,
            user_id,
            (Ticket.status == TicketStatus.NEW) & Ticket.escalated_at.is_(None),
            TicketStatus.RESOLVED,
            Resolution.SELF_SERVICE,
            requester_only=True,
            reminder_at=None,
            autoclose_at=None,
            resolved_at=now,
            closed_at=now,
        )

    def escalate(self, key: str, actor: str, declined_kb: bool = False) -> Result:
        """Send the chamado to the agents; escalated small talk becomes a chamado."""
        now = self.clock.now()
        with self.database.transaction() as session:
            ticket = TicketRepository(session).get_by_key(key)
            if ticket is None:
                return Result(Outcome.NOT_FOUND)
            if actor != "bot":
                requester = session.get(Requester, ticket.requester_id)
                if requester is None or requester.slack_user_id != actor:
                    return Result(Outcome.NOT_ALLOWED, card_of(session, ticket))
            # A chamado the KB resolved, an unsupported one or small talk can still reach a person.
            reopenable = (
                *OPEN_STATUSES,
                TicketStatus.SMALL_TALK,
                TicketStatus.CLOSED,
                TicketStatus.RESOLVED,
            )
            details = {**(ticket.details or {}), "kb_declined": declined_kb}
            if ticket.status == TicketStatus.SMALL_TALK:
                # A greeting's topic is no category; the agent classifies the real request.
                ticket.category = None
            done = _conditional_update(
                session,
                ticket,
                Ticket.escalated_at.is_(None) & Ticket.status.in_(reopenable),
                escalated_at=now,
                status=TicketStatus.NEW,
                closed_at=None,
                resolved_at=None,
                resolution=None,
                reminder_at=None,
                autoclose_at=None,
                updated_at=now,
                details=details,
            )
            if not done:
                return Result(Outcome.ALREADY, card_of(session, ticket))
            TicketRepository(session).add_event(
                ticket, EventKind.ESCALATED, actor, now, {"declined_kb": declined_kb}
            )
            return Result(Outcome.DONE, card_of(session, ticket))

    def list_missing_cards(self) -> list[TicketCard]:
        """Open escalated chamados whose triage card never got posted (a Slack error)."""
        with self.database.transaction() as session:
            tickets = session.scalars(
                select(Ticket).where(
                    Ticket.escalated_at.is_not(None),
                    Ticket.triage_ts.is_(None),
                    Ticket.status.in_(OPEN_STATUSES),
                )
            )
            return [card_of(session, ticket) for ticket in tickets]

    def record_triage_card(self, key: str, channel_id: str, ts: str) -> None:
        with self.database.transaction() as session:
            ticket = TicketRepository(session).get_by_key(key)
            assert ticket is not None
            ticket.triage_channel_id, ticket.triage_ts = channel_id, ts

    def assume(self, key: str, agent_id: str) -> Result:
        """Make `agent_id` the assignee, unless another agent was first."""
        now = self.clock.now()
        with self.database.transaction() as session:
            ticket = TicketRepository(session).get_by_key(key)
            if ticket is None:
                return Result(Outcome.NOT_FOUND)
            done = _conditional_update(
                session,
                ticket,
                Ticket.assignee_user_id.is_(None) & Ticket.status.in_(OPEN_STATUSES),
                assignee_user_id=agent_id,
                assigned_at=now,
                status=TicketStatus.IN_PROGRESS,
                updated_at=now,
            )
            if not done:
                session.refresh(ticket)
                outcome = Outcome.ALREADY if ticket.assignee_user_id else Outcome.CLOSED
                return Result(outcome, card_of(session, ticket), ticket.assignee_user_id)
            TicketRepository(session).add_event(
                ticket, EventKind.ASSIGNED, agent_id, now, {"assignee": agent_id}
            )
            return Result(Outcome.DONE, card_of(session, ticket), agent_id)

    def assign(self, key: str, actor_id: str, assignee_id: str) -> Result:
        """Assign the chamado to `assignee_id`, replacing any assignee; closed ones stay closed."""
        now = self.clock.now()
        with self.database.transaction() as session:
            ticket = TicketRepository(session).get_by_key(key)
            if ticket is None:
                return Result(Outcome.NOT_FOUND)
            previous = ticket.assignee_user_id
            if previous == assignee_id:
                return Result(Outcome.ALREADY, card_of(session, ticket), previous)
            done = _conditional_update(
                session,
                ticket,
                Ticket.status.in_(OPEN_STATUSES),
                assignee_user_id=assignee_id,
                assigned_at=now,
                status=TicketStatus.IN_PROGRESS,
                status_changed_at=now,
                updated_at=now,
            )
            if not done:
                return Result(Outcome.CLOSED, card_of(session, ticket), previous)
            TicketRepository(session).add_event(
                ticket, EventKind.ASSIGNED, actor_id, now, {"from": previous, "to": assignee_id}
            )
            return Result(Outcome.DONE, card_of(session, ticket), previous)

    def close_unresolved(self, key: str, agent_id: str, reason: str) -> Result:
        """Close without a solution (duplicate, no reply, out of scope …), with the reason."""
        now = self.clock.now()
        return self._end(
            key,
            agent_id,
            Ticket.status.in_(OPEN_STATUSES),
            TicketStatus.CLOSED,
            Resolution.UNRESOLVED,
            resolution_note=reason,
            closed_at=now,
        )

    def resolve_by_agent(self, key: str, agent_id: str, note: str) -> Result:
        """Mark the chamado resolved by an agent; the requester is then asked to confirm."""
        now = self.clock.now()
        return self._end(
            key,
            agent_id,
            Ticket.status.in_((TicketStatus.IN_PROGRESS, TicketStatus.WAITING_ON_REQUESTER)),
            TicketStatus.RESOLVED,
            Resolution.AGENT,
            resolution_note=note,
            resolved_at=now,
            **self._closure_times(now),
        )

    def _end(
        self,
        key: str,
        actor_id: str,
        condition: Any,
        status: TicketStatus,
        resolution: Resolution,
        requester_only: bool = False,
        **values: Any,
    ) -> Result:
        """Move the chamado to `status` with `resolution` once, and audit who did it.

        With `requester_only`, only the person who opened the chamado may do it.
        """
        now = self.clock.now()
        with self.database.transaction() as session:
            if requester_only:
                found = self._requester_ticket(session, key, actor_id)
                if isinstance(found, Result):
                    return found
                ticket: Ticket | None = found
            else:
                ticket = TicketRepository(session).get_by_key(key)
            if ticket is None:
                return Result(Outcome.NOT_FOUND)
            done = _conditional_update(
                session,
                ticket,
                condition,
                status=status,
                resolution=resolution,
                status_changed_at=now,
                updated_at=now,
                **values,
            )
            if not done:
                return Result(Outcome.ALREADY, card_of(session, ticket), ticket.assignee_user_id)
            TicketRepository(session).add_event(
                ticket,
                EventKind.STATUS_CHANGED,
                actor_id,
                now,
                {"to": status.value, "resolution": resolution.value},
            )
            return Result(Outcome.DONE, card_of(session, ticket), ticket.assignee_user_id)

    def confirm_resolution(self, key: str, user_id: str) -> Result:
        """Close the chamado because the requester confirmed the agent's fix."""
        return self._requester_answer(key, user_id, TicketStatus.CLOSED)

    def reopen(self, key: str, user_id: str) -> Result:
        """Reopen the chamado for the same agent after the requester pressed "Ainda não"."""
        return self._requester_answer(key, user_id, TicketStatus.IN_PROGRESS)

    def _requester_answer(self, key: str, user_id: str, status: TicketStatus) -> Result:
        now = self.clock.now()
        with self.database.transaction() as session:
            ticket = self._requester_ticket(session, key, user_id)
            if isinstance(ticket, Result):
                return ticket
            values: dict[str, Any] = {
                "status": status,
                "status_changed_at": now,
                "updated_at": now,
                "reminder_at": None,
                "autoclose_at": None,
            }
            if status == TicketStatus.CLOSED:
                values["closed_at"] = now
            else:
                values.update(resolved_at=None, resolution=None)
            done = _conditional_update(
                session,
                ticket,
                (Ticket.status == TicketStatus.RESOLVED) & (Ticket.resolution == Resolution.AGENT),
                **values,
            )
            if not done:
                return Result(Outcome.ALREADY, card_of(session, ticket), ticket.assignee_user_id)
            TicketRepository(session).add_event(
                ticket, EventKind.STATUS_CHANGED, user_id, now, {"to": status.value}
            )
            return Result(Outcome.DONE, card_of(session, ticket), ticket.assignee_user_id)

    def _requester_ticket(self, session: Session, key: str, user_id: str) -> Ticket | Result:
        ticket = TicketRepository(session).get_by_key(key)
        if ticket is None:
            return Result(Outcome.NOT_FOUND)
        requester = session.get(Requester, ticket.requester_id)
        if requester is None or requester.slack_user_id != user_id:
            return Result(Outcome.NOT_ALLOWED, card_of(session, ticket))
        return ticket
