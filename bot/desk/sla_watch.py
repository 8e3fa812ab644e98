"""Due SLA warnings (a share of a target used) and breaches (a target missed), each once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from bot.clock import Clock
from bot.desk.escalation import TicketCard, card_of
from bot.desk.sla import Clock as SlaClock
from bot.desk.sla import SlaPolicy
from bot.store.database import Database
from bot.store.enums import OPEN_STATUSES
from bot.store.models import Ticket


@dataclass(frozen=True)
class Alert:
    card: TicketCard
    clock: str  # "response" or "resolution"
    level: str  # "warning" or "breach"
    due: str  # ISO time the clock is due


def clocks(policy: SlaPolicy, ticket: Ticket, now_clock: Clock) -> dict[str, SlaClock]:
    """Return the chamado's SLA clocks now; empty when it has no priority or due times."""
    now = now_clock.now()
    found: dict[str, SlaClock] = {}
    if ticket.sla_response_due_at is not None:
        found["response"] = policy.response_clock(
            ticket.created_at, ticket.sla_response_due_at, ticket.first_response_at, now
        )
    if ticket.sla_resolution_due_at is not None:
        ended = ticket.resolved_at or ticket.closed_at
        found["resolution"] = policy.resolution_clock(
            ticket.created_at,
            ticket.sla_resolution_due_at,
            timedelta(seconds=ticket.sla_paused_seconds),
            ticket.sla_paused_at,
            ended,
            now,
        )
    return found


class SlaWatch:
    def __init__(self, database: Database, clock: Clock, policy: SlaPolicy) -> None:
        self.database = database
        self.clock = clock
        self.policy = policy

    def due_alerts(self) -> list[Alert]:
        """Mark and return the warnings and breaches not sent yet, one per clock and level."""
        alerts: list[Alert] = []
        with self.database.transaction() as session:
            tickets = session.scalars(
                select(Ticket)
                .where(Ticket.status.in_(OPEN_STATUSES), Ticket.sla_resolution_due_at.is_not(None))
                .with_for_update(skip_locked=True)
            )
            for ticket in tickets:
                sent = dict(ticket.sla_alerts or {})
                raised: list[tuple[str, str, str]] = []
                for name, clock in clocks(self.policy, ticket, self.clock).items():
                    if clock.stopped:
                        continue
                    level = (
                        "breach"
                        if clock.breached
                        else "warning"
                        if clock.ratio >= self.policy.warn_ratio
                        else None
                    )
                    if level is None or f"{name}_{level}" in sent:
                        continue
                    sent[f"{name}_{level}"] = self.clock.now().isoformat()
                    if level == "breach":
                        sent.setdefault(f"{name}_warning", sent[f"{name}_{level}"])
                    raised.append((name, level, clock.due.isoformat()))
                if raised:
                    # The card is read after the alerts are stored, so it shows them.
                    ticket.sla_alerts = sent
                    card = card_of(session, ticket)
                    alerts.extend(Alert(card, name, level, due) for name, level, due in raised)
        return alerts
